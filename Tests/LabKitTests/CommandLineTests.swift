import Testing
import Foundation
@testable import LabKit

/// The executable's contract (CLI.md): what `check`, `lint` and `list` print and their exit
/// status. These run the built `kubelab` binary and skip cleanly when it is absent or does not
/// have the lab subcommands yet.
enum Binary {
    static let url: URL? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kubelab")
        for candidate in [beside, Repo.root.appendingPathComponent(".build/debug/kubelab")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return nil
    }()

    /// The binary may predate the lab subcommands (`check --help` then falls to `play`).
    static let hasLabCommands: Bool = url != nil && run(["check", "--help"]).stdout.contains("Grade a solution script against LAB")

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], stdin: String? = nil) -> Result {
        guard let url else { return Result(status: -1, stdout: "", stderr: "") }
        let p = Process()
        p.executableURL = url
        p.arguments = args
        p.currentDirectoryURL = Repo.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        do { try p.run() } catch { return Result(status: -1, stdout: "", stderr: "\(error)") }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite(.enabled(if: Binary.hasLabCommands, "needs the built kubelab with check/lint/list"))
struct CommandLineTests {
    let fixtures = "Tests/LabKitTests/Fixtures"

    @Test func checkPassesTheReferenceSolution() {
        let r = Binary.run(["check", "deployment", "labs/deployment/solution.sh", "--no-color"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("✔ Delete a pod and watch it come back\nscore: 70/70 (7 of 7 steps passed)\n"))
        #expect(r.stderr == "")
    }

    @Test func checkFailsAWrongSolutionWithStatus1() {
        let r = Binary.run(["check", "deployment", "-", "--format", "json"], stdin: Repo.wrong("forgot-apply"))
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix(#"{"lab":"deployment","score":20,"maxScore":70,"passed":false,"#))
    }

    @Test func checkPrintsTheTranscriptOnlyWhenVerbose() {
        let quiet = Binary.run(["check", "deployment", "-"], stdin: "kubectl get pods\n")
        #expect(!quiet.stdout.contains("[root@master01 controller]#"))
        let verbose = Binary.run(["--seed", "1", "check", "deployment", "-", "--verbose", "--format", "junit"], stdin: "kubectl get pods\n")
        #expect(verbose.stdout.hasPrefix("[root@master01 controller]# kubectl get pods\nNAME "))
        #expect(verbose.stdout.contains("<testsuites name=\"kubelab\" tests=\"7\" failures=\"7\" errors=\"0\">"))
        #expect(verbose.status == 1)
    }

    @Test func misuseExitsWith2AndOneLineOnStderr() {
        let noLab = Binary.run(["check", "no-such-lab", "labs/deployment/solution.sh"])
        #expect(noLab.status == 2)
        #expect(noLab.stderr == "kubelab: no lab 'no-such-lab' in labs\n")
        let noScript = Binary.run(["check", "deployment", "/nonexistent/script.sh"])
        #expect(noScript.status == 2)
        #expect(noScript.stderr == "kubelab: cannot read script /nonexistent/script.sh\n")
        let badLab = Binary.run(["check", "\(fixtures)/unknown-check-kind", "labs/deployment/solution.sh"])
        #expect(badLab.status == 2)
        #expect(badLab.stderr == "kubelab: invalid lab: \(fixtures)/unknown-check-kind/lab.yaml:15: unknown check kind 'feild' (known kinds: exists, absent, field, count, command, order, quiz)\n")
        #expect(badLab.stdout == "")
    }

    @Test func lintPassesTheLabsAndRejectsBrokenOnes() {
        let ok = Binary.run(["lint"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("labs/deployment: ok\n"))
        let broken = Binary.run(["lint", "\(fixtures)/no-hints", "\(fixtures)/duplicate-ids"])
        #expect(broken.status == 1)
        #expect(broken.stdout == """
            \(fixtures)/no-hints/lab.yaml:10: step 'apply' has no hints (give at least one under 'hints:')
            \(fixtures)/duplicate-ids/lab.yaml:18: duplicate step id 'apply'

            """)
        #expect(Binary.run(["lint", "nope"]).status == 2)
    }

    @Test func listShowsEachLabWithItsProgress() {
        let r = Binary.run(["list"])
        #expect(r.status == 0)
        // In the course's order (labs/COURSE), not by name.
        #expect(r.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }) } == ["deployment", "dns", "statefulset", "daemonset", "jobs"])
        #expect(r.stdout.hasPrefix("deployment    Deployments: replicas, rolling updates and rollbacks             7 steps, ~25 min   not started\n"))
    }
}
