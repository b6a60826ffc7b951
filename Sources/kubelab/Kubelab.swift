import ArgumentParser
import Foundation
import KubeAPI
import ClusterSim
import Kubectl
import Shell

/// Options every subcommand accepts (CLI.md).
struct GlobalOptions: ParsableArguments {
    @Option(help: "Seed for names, IPs and UIDs; the same seed and commands print the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "Where labs live (default: the installed labs/).")
    var labs: String?

    @Option(help: "Where progress is saved (default: $XDG_DATA_HOME/kubelab or ~/.local/share/kubelab).")
    var state: String?

    @Flag(name: .customLong("no-color"), help: "Plain output without colour (also NO_COLOR).")
    var noColor = false
}

@main
struct Kubelab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelab",
        abstract: "Learn Kubernetes Pod controllers on a simulated cluster.",
        subcommands: [Play.self, Check.self, Lint.self, List.self, Start.self, Reset.self, Menu.self],
        defaultSubcommand: Menu.self
    )

    static func main() {
        let args = GlobalOptions.afterSubcommand(Array(CommandLine.arguments.dropFirst()),
                                                 subcommands: configuration.subcommands.map { $0._commandName })
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch {
            // CLI.md: misuse exits with 2 (argument-parser's own default is 64).
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write((fullMessage(for: error) + "\n").data(using: .utf8)!)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension GlobalOptions {
    /// CLI.md lets global options come before the subcommand (`kubelab --seed 3 play`):
    /// move them after it, where the subcommand's option group parses them.
    static func afterSubcommand(_ args: [String], subcommands: [String]) -> [String] {
        guard let sub = args.firstIndex(where: { subcommands.contains($0) }), sub > 0 else { return args }
        let withValue: Set<String> = ["--seed", "--labs", "--state"]
        var moved: [String] = []
        var rest: [String] = []
        var i = 0
        while i < sub {
            let a = args[i]
            if withValue.contains(a), i + 1 < sub { moved += [a, args[i + 1]]; i += 2; continue }
            if a == "--no-color" || withValue.contains(where: { a.hasPrefix($0 + "=") }) { moved.append(a) } else { rest.append(a) }
            i += 1
        }
        return rest + [args[sub]] + moved + args[(sub + 1)...]
    }
}

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A shell on master01 of a sandbox cluster, no lab.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Virtual seconds each command line takes in a script (typing time).")
    var step: Double = 3

    @Argument(help: "A script of command lines; '-' or a pipe reads standard input.")
    var script: String?

    func run() throws {
        let files = Resources.courseManifests()
        let interactive = script == nil && isatty(STDIN_FILENO) == 1
        let sim = Simulation(seed: global.seed, files: files, isTerminal: interactive && isatty(STDOUT_FILENO) == 1)
        let session = sim.makeSession(secondsPerCommand: step)
        if interactive {
            sim.terminalEditor = HostEditor.edit(in: sim.workspace)
            PlainTerminal(session: session).run()
            return
        }
        let text: String
        if let path = script, path != "-" {
            guard let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) else {
                FileHandle.standardError.write("kubelab: cannot read script \(path)\n".data(using: .utf8)!)
                throw ExitCode(2)
            }
            text = s
        } else {
            text = String(data: FileHandle.standardInput.readDataToEndOfFile(), encoding: .utf8) ?? ""
        }
        Transcripts.play(text, in: session)
    }
}

/// Writes a script's transcript as the commands complete, so output streams.
enum Transcripts {
    static func play(_ text: String, in session: ShellSession) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if session.hasExited { break }
            if case .complete(let t) = session.feed(line) { write(t.text) }
        }
        if !session.hasExited, let t = session.finish() { write(t.text) }
    }

    static func write(_ s: String) {
        FileHandle.standardOutput.write(s.data(using: .utf8)!)
    }
}

/// A line-at-a-time terminal without readline (the REPL issue brings readline).
struct PlainTerminal {
    let session: ShellSession

    func run() {
        session.secondsPerCommand = 0
        var lastTick = Date()
        while !session.hasExited {
            Transcripts.write(session.needsContinuation ? session.continuationPrompt : session.prompt())
            guard let line = readLine(strippingNewline: true) else { Transcripts.write("\n"); break }
            // Interactive time follows the wall clock.
            let now = Date()
            session.host.advanceTime(seconds: now.timeIntervalSince(lastTick))
            lastTick = now
            if case .complete(let t) = session.feed(line) { Transcripts.write(t.output.combined) }
        }
    }
}

/// Files shipped with kubelab: the course's manifests.
enum Resources {
    /// manifests/ from KUBELAB_HOME, next to the installed binary, or the source tree.
    static func root() -> URL {
        if let home = ProcessInfo.processInfo.environment["KUBELAB_HOME"] { return URL(fileURLWithPath: home) }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for candidate in [exe.deletingLastPathComponent().appendingPathComponent("../share/kubelab"),
                          exe.deletingLastPathComponent().appendingPathComponent("../../..")] {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("manifests").path) { return candidate.standardized }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func courseManifests() -> [String: String] {
        let dir = root().appendingPathComponent("manifests")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".yaml") {
            files[name] = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }
}

/// Opens a real editor for a workspace file: the file is copied to a private temporary
/// file on the host, edited there, and copied back into the jailed workspace.
enum HostEditor {
    static func edit(in workspace: VirtualFS) -> (String, String) -> Bool {
        return { path, typed in
            let env = ProcessInfo.processInfo.environment
            let editor = ["vi", "vim", "nano"].contains(typed) ? (env["VISUAL"] ?? env["EDITOR"] ?? typed) : typed
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-edit-\(getpid())")
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)
            try? (workspace.readFile(path) ?? "").write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: dir) }
            let p = Process()
            // Through sh, so EDITOR may carry arguments (`code --wait`, `sed -i …`).
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", editor + " \"$0\"", file.path]
            do { try p.run() } catch { return false }
            p.waitUntilExit()
            guard p.terminationStatus == 0, let text = try? String(contentsOf: file, encoding: .utf8) else { return false }
            return (try? workspace.writeFile(path, contents: text)) != nil
        }
    }
}
