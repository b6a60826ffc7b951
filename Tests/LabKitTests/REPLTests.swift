import Testing
import Foundation
import LabKit
@testable import kubelab

/// The progress store, and the real REPL driven through a pseudo-terminal.
@Suite struct REPLTests {
    /// A fresh directory under the system's temporary directory (left for the OS to clean).
    func tempDir() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-repl-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    var options: LabSession.Options {
        var o = LabSession.Options()
        o.secondsPerCommand = 0
        o.stopAtLimits = false
        o.showInstructions = true
        return o
    }

    @Test func stateDirectoryDefaults() {
        #expect(ProgressStore(state: "/x/y", environment: [:]).directory.path == "/x/y")
        #expect(ProgressStore(state: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]).directory.path == "/d/kubelab")
        #expect(ProgressStore(state: nil, environment: ["HOME": "/h"]).directory.path == "/h/.local/share/kubelab")
    }

    @Test func atomicSaveLoadAndReset() throws {
        let store = ProgressStore(directory: tempDir().appendingPathComponent("nested"))
        var p = SavedProgress(lab: "deployment", seed: 7, digest: "abc")
        p.entries = [.init(line: "kubectl get pods", delay: 1.25)]
        try store.save(p)
        p.entries.append(.init(line: "echo 'a b'", delay: 0))
        try store.save(p)
        #expect(store.load("deployment") == p)
        // Only the final file: no temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path) == ["deployment.json"])
        // A corrupt file reads as no progress, never a crash.
        try "{not json".write(to: store.file("deployment"), atomically: true, encoding: .utf8)
        #expect(store.load("deployment") == nil)
        #expect(store.reset("deployment"))
        #expect(!(store.reset("deployment")))
    }

    @Test func resumeReplaysTheClusterExactly() throws {
        let lab = Lab.deploymentForTests
        let store = ProgressStore(directory: tempDir())
        let first = RecordedLab.resume(lab: lab, options: options, store: store, digest: "d1")
        #expect(first.1 == nil)
        for (line, delay) in [("kubectl apply -f nginx-deployment.yaml", 2.5), ("sleep 20", 1.0), ("lab hint", 0.5)] {
            _ = first.0.feed(line, delay: delay)
        }
        #expect(first.0.session.active == 1)
        let pods = first.0.session.simulation.kubectl.run(["get", "pods", "-o", "wide"]).stdout
        _ = first.0.feed("lab quit", delay: 0)  // not recorded

        let (again, note) = RecordedLab.resume(lab: lab, options: options, store: store, digest: "d1")
        #expect(note?.contains("resumed your progress") ?? false, "\(note ?? "")")
        #expect(again.session.active == 1)
        #expect(!(again.session.isOver))
        #expect(again.session.simulation.kubectl.run(["get", "pods", "-o", "wide"]).stdout == pods)
        #expect(store.summary(lab, digest: "d1") == "1/7 steps, 10/70 points")
    }

    @Test func changedDefinitionResumesAtFirstUnfinishedStep() throws {
        let lab = Lab.deploymentForTests
        let store = ProgressStore(directory: tempDir())
        // Saved against an older definition, with a line the new one may not accept as before.
        try store.save(SavedProgress(lab: lab.id, seed: 1, digest: "old", entries: [.init(line: "lab skip", delay: 0)],
                                     done: ["apply"], stepsTotal: 9, score: 0, maxScore: 90))
        var changed = lab
        changed.steps.insert(lab.steps[1], at: 0)
        changed.steps[0].id = "new-first"
        let (r, note) = RecordedLab.resume(lab: changed, options: options, store: store, digest: "new")
        #expect(note?.contains("changed since your progress was saved") ?? false, "\(note ?? "")")
        // The replayed `lab skip` skipped new-first; apply was done before the change, so it is
        // skipped too; inspect is the first unfinished step.
        #expect(note?.contains("resuming at step 3 (Read pods") ?? false, "\(note ?? "")")
        #expect(Array(r.session.states[0...1]) == [.skipped, .skipped])
        #expect(r.session.active == 2)
        #expect(!(r.session.isOver))
        #expect(store.load(lab.id)?.digest == "new")
    }

    @Test func completion() {
        let lab = Lab.deploymentForTests
        let r = RecordedLab(lab: lab, options: options, store: ProgressStore(directory: tempDir()), digest: "x")
        _ = r.feed("kubectl apply -f nginx-deployment.yaml", delay: 0)
        let s = r.session
        #expect(Completer.candidates(before: "", text: "kubec", session: s) == ["kubectl"])
        #expect(Completer.candidates(before: "kubectl ", text: "ro", session: s).contains("rollout"))
        #expect(Completer.candidates(before: "kubectl get ", text: "dep", session: s).contains("deployments"))
        #expect(Completer.candidates(before: "kubectl get deploy ", text: "", session: s) == ["nfs-client-provisioner", "nginx-deployment"])
        #expect(Completer.candidates(before: "kubectl rollout status ", text: "deployment/ng", session: s) == ["deployment/nginx-deployment"])
        #expect(Completer.candidates(before: "kubectl apply -f ", text: "nginx-d", session: s) == ["nginx-deployment.yaml"])
        #expect(Completer.candidates(before: "cat ", text: "nginx-s", session: s) == ["nginx-service.yaml"])
        #expect(Completer.candidates(before: "lab ", text: "hi", session: s) == ["hint"])
        #expect(Completer.candidates(before: "ls | ", text: "gre", session: s) == ["grep"])
    }

    @Test func asciiMarksOnDumbTerminals() {
        #expect(TerminalStyle(color: false, ascii: true).text("✔ Step 1") == "[ok] Step 1")
        #expect(TerminalStyle.detect(noColor: true, environment: ["TERM": "dumb"]).ascii == true)
        #expect(TerminalStyle.detect(noColor: false, environment: ["NO_COLOR": "1"]).color == false)
    }

    /// The real binary on a pseudo-terminal (python3's pty): a command, Tab completing a pod
    /// name, a hint, a step passed, quit; then start again and find the progress resumed.
    static var binary: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/kubelab").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var hasPython: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }

    @Test(.enabled(if: REPLTests.binary != nil, "kubelab is not built"),
          .enabled(if: REPLTests.hasPython, "python3 is not available"))
    func realREPLThroughAPseudoTerminal() throws {
        let binary = try #require(Self.binary)
        let dir = tempDir()
        let driver = dir.appendingPathComponent("drive.py")
        try Self.driver.write(to: driver, atomically: true, encoding: .utf8)
        func run(_ keys: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", driver.path, binary, dir.appendingPathComponent("state").path] + keys
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let first = try run(["kubectl apply -f nginx-deployment.yaml\r", "sleep 30\r", "kubectl logs nginx-depl", "\t", "\t", "\u{15}",
                             "kubectl get pod nfs\t\r", "lab hint\r", "echo cancelled", "\u{03}", "lab quit\r"])
        #expect(first.contains("Step 1/7: Create the Deployment"), "\(first)")
        #expect(first.contains("deployment.apps/nginx-deployment created"), "\(first)")
        #expect(first.contains("Step 1/7 passed"), "\(first)")
        // Tab completed pod names from the live cluster: the ReplicaSet's common prefix, then
        // (Tab again) the three pods listed; a unique pod name completed and run.
        #expect(first.range(of: "kubectl logs nginx-deployment-[0-9a-f]+-", options: .regularExpression) != nil, "\(first)")
        #expect(first.components(separatedBy: "nginx-deployment-").count >= 4, "\(first)")
        #expect(first.contains("kubectl get pod nfs-client-provisioner-"), "\(first)")
        #expect(first.range(of: "nfs-client-provisioner-[0-9a-z]+-[0-9a-z]+ +1/1 +Running", options: .regularExpression) != nil, "\(first)")
        #expect(first.contains("Hint 1/"), "\(first)")
        // Ctrl-C dropped the line (it never ran) and the REPL went on.
        #expect(first.contains("echo cancelled"), "\(first)")
        #expect(!(first.contains("\ncancelled\r\n")), "\(first)")
        #expect(first.contains("Leaving the lab") || first.contains("quit"), "\(first)")

        let second = try run(["lab progress\r", "\u{04}"])
        #expect(second.contains("resumed your progress"), "\(second)")
        #expect(second.contains("Score: 10/70"), "\(second)")
        #expect(!(second.contains("Step 1/7: Create the Deployment")), "\(second)")
    }

    static let driver = """
    import os, pty, sys, time, select
    binary, state, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"; os.environ["NO_COLOR"] = "1"; os.environ["INPUTRC"] = "/dev/null"
        os.execv(binary, [binary, "start", "deployment", "--state", state])
    out = b""
    def drain(t, prompts=None):
        # Reads for t seconds, or until the output holds `prompts` prompts, or the end.
        global out
        end = time.time() + t
        while time.time() < end:
            if prompts is not None and out.count(b"]# ") >= prompts:
                time.sleep(0.05)
                prompts = None
                end = min(end, time.time() + 0.1)
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try: d = os.read(fd, 65536)
                except OSError: return False
                if not d: return False
                out += d
        return True
    drain(5.0, 1)
    for k in keys:
        os.write(fd, k.encode())
        if k.endswith("\\r") or k == "\\x03":
            drain(5.0, out.count(b"]# ") + 1)
        else:
            drain(0.3)
    drain(0.5)
    try:
        os.kill(pid, 9); os.waitpid(pid, 0)
    except Exception: pass
    sys.stdout.write(out.decode("utf-8", "replace"))
    """
}

extension Lab {
    static var deploymentForTests: Lab {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("labs/deployment")
        let manifests = root.appendingPathComponent("manifests")
        let files = LabFiles(folder: "labs/deployment",
                             lab: { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) },
                             course: { try? String(contentsOf: manifests.appendingPathComponent($0), encoding: .utf8) })
        return LabLoader.load(files).0!
    }
}
