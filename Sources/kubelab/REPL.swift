import Foundation
@preconcurrency import CReadline
import LabKit
import Shell

/// How the REPL decorates what it prints: colour only on a terminal and without
/// --no-color/NO_COLOR; ASCII marks instead of Unicode when TERM=dumb.
struct TerminalStyle {
    var color: Bool
    var ascii: Bool

    static func detect(noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let dumb = environment["TERM"] == "dumb"
        let color = !noColor && environment["NO_COLOR"] == nil && !dumb && isatty(STDOUT_FILENO) == 1
        return TerminalStyle(color: color, ascii: dumb)
    }

    func text(_ s: String) -> String {
        guard ascii else { return s }
        return s.replacingOccurrences(of: "✔", with: "[ok]").replacingOccurrences(of: "✘", with: "[x]")
            .replacingOccurrences(of: "▸", with: ">").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "…", with: "...")
    }

    /// Lab notes (a step passed, the lab is complete) stand out in green.
    func notes(_ s: String) -> String {
        let t = text(s)
        guard color, !t.isEmpty else { return t }
        return t.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : "\u{1B}[32m\(line)\u{1B}[0m"
        }.joined(separator: "\n")
    }
}

// MARK: - Completion

/// What Tab completes, computed from the live session (pure: unit-testable without readline).
enum Completer {
    static let shellWords: [String] = [
        "cd", "pwd", "echo", "printf", "export", "unset", "set", "alias", "history", "exit", "test", "read",
        "source", "type", "for", "while", "if", "then", "else", "fi", "do", "done", "case", "esac",
        "ls", "cat", "cp", "mv", "rm", "mkdir", "touch", "sed", "grep", "head", "tail", "wc", "sleep",
        "clear", "env", "sort", "uniq", "cut", "tr", "tee", "base64", "which", "vim", "vi", "nano", "seq",
        "date", "hostname", "whoami", "find", "xargs", "awk", "watch", "less", "more", "kubectl", "lab",
    ]
    static let kubectlVerbs: [String] = [
        "annotate", "api-resources", "apply", "config", "create", "delete", "describe", "edit", "exec",
        "explain", "expose", "get", "label", "logs", "patch", "rollout", "run", "scale", "set", "version",
        "cluster-info", "top", "wait",
    ]
    static let resourceTypes: [String] = [
        "pods", "pod", "po", "deployments", "deployment", "deploy", "replicasets", "replicaset", "rs",
        "statefulsets", "statefulset", "sts", "daemonsets", "daemonset", "ds", "services", "service", "svc",
        "nodes", "node", "no", "events", "namespaces", "ns", "configmaps", "configmap", "cm", "endpoints", "ep",
        "persistentvolumeclaims", "pvc", "persistentvolumes", "pv", "controllerrevisions", "jobs", "cronjobs",
    ]
    static let rolloutVerbs = ["history", "pause", "restart", "resume", "status", "undo"]
    static let labControls = ["answer", "back", "check", "help", "hint", "next", "progress", "quit", "reset", "skip", "step"]

    /// Candidates for the word `text` being completed, given the line before it.
    static func candidates(before: String, text: String, session: LabSession) -> [String] {
        // Only the current simple command matters: cut at ; | & ( and newlines.
        var segment = before
        if let cut = segment.lastIndex(where: { ";|&(\n".contains($0) }) { segment = String(segment[segment.index(after: cut)...]) }
        let words = segment.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let pool: [String]
        if words.isEmpty {
            pool = shellWords
            if text.contains("/") { return files(text, session: session) }
        } else if words[0] == "kubectl" || words[0] == "k" {
            pool = kubectl(Array(words.dropFirst()), text: text, session: session)
        } else if words[0] == "lab" && words.count == 1 {
            pool = labControls
        } else {
            return files(text, session: session)
        }
        return pool.filter { $0.hasPrefix(text) }.sorted().uniqued()
    }

    static func kubectl(_ words: [String], text: String, session: LabSession) -> [String] {
        if let last = words.last, ["-f", "--filename", "-k"].contains(last) { return files(text, session: session) }
        if text.hasPrefix("-") {
            return ["--all-namespaces", "--filename", "--namespace", "--output", "--record", "--replicas", "--selector",
                    "--show-labels", "--watch", "--image", "--to-revision", "-o", "-n", "-f", "-l", "-w", "-A"]
        }
        // Positionals, skipping flags and the values of flags that take one.
        var positional: [String] = []
        var skipNext = false
        for w in words {
            if skipNext { skipNext = false; continue }
            if w.hasPrefix("-") { if ["-n", "--namespace", "-o", "--output", "-l", "--selector", "-c", "--container"].contains(w) { skipNext = true }; continue }
            positional.append(w)
        }
        guard let verb = positional.first else { return kubectlVerbs }
        var args = Array(positional.dropFirst())
        if verb == "rollout" {
            guard !args.isEmpty else { return rolloutVerbs }
            args.removeFirst()
        }
        if ["logs", "exec", "port-forward", "attach"].contains(verb) {
            return args.isEmpty ? names("pods", session: session) : []
        }
        if verb == "set" && args.isEmpty { return ["image", "resources", "env"] }
        if verb == "set" { args.removeFirst() }
        guard ["get", "describe", "delete", "edit", "label", "annotate", "scale", "rollout", "explain", "patch",
               "set", "expose", "wait", "top"].contains(verb) else { return [] }
        if text.contains("/") {
            let type = String(text[..<text.firstIndex(of: "/")!])
            return names(type, session: session).map { "\(type)/\($0)" }
        }
        if args.isEmpty { return resourceTypes }
        if args.count == 1, !args[0].contains("/") {
            return args[0].split(separator: ",").count == 1 ? names(args[0], session: session) : []
        }
        return []
    }

    /// Names of the objects of a kind in the live cluster (read-only: `kubectl get TYPE -o name`).
    static func names(_ type: String, session: LabSession) -> [String] {
        let out = session.simulation.kubectl.run(["get", type, "-o", "name"])
        guard out.exitCode == 0 else { return [] }
        return out.stdout.split(separator: "\n").map { line in
            line.split(separator: "/", maxSplits: 1).last.map(String.init) ?? String(line)
        }
    }

    /// Workspace paths: entries of the directory named by `text`'s dirname; directories end in "/".
    static func files(_ text: String, session: LabSession) -> [String] {
        let fs = session.simulation.workspace
        let dirPart = text.contains("/") ? String(text[...text.lastIndex(of: "/")!]) : ""
        let listed = fs.listDirectory(dirPart.isEmpty ? "." : dirPart) ?? []
        return listed.map { name -> String in
            let path = dirPart + name
            return fs.isDirectory(path) ? path + "/" : path
        }.filter { $0.hasPrefix(text) }.sorted()
    }
}

extension Array where Element == String {
    func uniqued() -> [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}

/// The session Tab completes against. readline's completion hook is a C function pointer that
/// cannot capture context, so the REPL parks its session here while it runs. Only the main
/// thread touches it (readline is single-threaded and is only driven from `REPL.run`), which
/// is why `nonisolated(unsafe)` is acceptable at this I/O edge.
nonisolated(unsafe) private var completionSession: LabSession?
/// Lines delivered by readline's callback interface (set by the C line handler).
nonisolated(unsafe) private var deliveredLine: String?
nonisolated(unsafe) private var deliveredEOF = false
/// Set by the SIGINT handler; the loop cancels the line being typed.
nonisolated(unsafe) private var sigintCaught: sig_atomic_t = 0

private func completionMatches(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1
    rl_completion_append_character = 32
    guard let session = completionSession, let buffer = rl_line_buffer else { return nil }
    let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(strlen(buffer))))
    let before = String(decoding: bytes[0..<min(Int(start), bytes.count)], as: UTF8.self)
    let word = text.map { String(cString: $0) } ?? ""
    let matches = Completer.candidates(before: before, text: word, session: session)
    guard !matches.isEmpty else { return nil }
    if matches.count == 1, matches[0].hasSuffix("/") { rl_completion_append_character = 0 }
    // readline's format: [0] the common prefix that replaces the word, then the matches, then NULL.
    var common = matches[0]
    for m in matches.dropFirst() { while !m.hasPrefix(common) { common.removeLast() } }
    let list = matches.count == 1 ? [matches[0]] : [common] + matches
    // readline frees the array and the strings with free(): allocate them with malloc.
    let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (list.count + 1))!
    let out = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: list.count + 1)
    for (i, s) in list.enumerated() { out[i] = strdup(s) }
    out[list.count] = nil
    return out
}

// MARK: - The REPL

/// A learner inside a lab: readline on a terminal, plain lines otherwise (same session code).
struct REPL {
    let recorded: RecordedLab
    let style: TerminalStyle
    let historyPath: String

    var session: LabSession { recorded.session }

    func write(_ s: String) {
        guard !s.isEmpty else { return }
        FileHandle.standardOutput.write(s.data(using: .utf8)!)
    }

    /// Runs until Ctrl-D, `lab quit` or `exit`. `note`: said before the introduction (resumed progress).
    func run(note: String?, interactive: Bool) {
        if let note { write(style.notes(note) + "\n\n") }
        if let i = session.active {
            write(style.text(note == nil ? session.introduction() : session.render(step: i)) + "\n")
        } else {
            write(style.text(session.introduction()) + "\n")
        }
        if interactive { runReadline() } else { runPlain() }
    }

    /// No terminal (tests, pipes): every line is echoed after its prompt, as `play` does.
    private func runPlain() {
        while !session.isOver {
            guard let line = readLine(strippingNewline: true) else { break }
            if case .complete(let t) = recorded.feed(line, delay: 3) {
                write(style.text(t.echo + t.output.combined) + style.notes(t.notes))
            }
        }
    }

    private func runReadline() {
        "kubelab".withCString { rl_readline_name = UnsafePointer(strdup($0)) }
        rl_catch_signals = 0
        // Tab inserts the common prefix; Tab again lists the candidates (as bash users expect).
        _ = rl_variable_bind("show-all-if-unmodified", "on")
        rl_attempted_completion_function = completionMatches
        completionSession = session
        using_history()
        stifle_history(1000)
        _ = read_history(historyPath)
        signal(SIGINT) { _ in sigintCaught = 1 }
        defer {
            signal(SIGINT, SIG_DFL)
            completionSession = nil
        }

        var lastTick = Date()
        // Progress saved while a watch was streaming: the watch was stopped then.
        if session.shell.hasForegroundStream { _ = recorded.interruptWatch(after: 0) }
        install()
        while true {
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let r = poll(&fds, 1, -1)
            if sigintCaught != 0 {
                sigintCaught = 0
                // Ctrl-C: drop the line being typed (and a half-typed multi-line command), never exit.
                rl_replace_line("", 0)
                rl_callback_handler_remove()
                session.interrupt()
                recorded.cancel()
                write("^C\n")
                install()
                continue
            }
            if r <= 0 { continue }
            rl_callback_read_char()
            if deliveredEOF {
                rl_callback_handler_remove()
                write("\n")
                break
            }
            guard let line = deliveredLine else { continue }
            deliveredLine = nil
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, history_length == 0 || String(cString: history_get(history_base + history_length - 1)?.pointee.line ?? strdup("")) != line {
                add_history(line)
                try? FileManager.default.createDirectory(at: URL(fileURLWithPath: historyPath).deletingLastPathComponent(),
                                                         withIntermediateDirectories: true)
                _ = write_history(historyPath)
            }
            // Interactive time follows the wall clock.
            let now = Date()
            let delay = now.timeIntervalSince(lastTick)
            lastTick = now
            if case .complete(let t) = recorded.feed(line, delay: (delay * 1000).rounded() / 1000) {
                write(style.text(t.output.combined) + style.notes(t.notes))
            }
            if session.shell.hasForegroundStream { lastTick = streamForeground() }
            if session.isOver { break }
            install()
        }
    }

    /// A watch in the foreground (`kubectl get pods -w`): virtual time follows the wall clock
    /// in `RecordedLab.streamStep` steps and rows are printed as they come, until Ctrl-C.
    /// Keys typed meanwhile stay in the terminal for the next prompt, as with a real watch.
    /// Returns the wall-clock moment virtual time has caught up to.
    private func streamForeground() -> Date {
        let started = Date()
        let step = RecordedLab.streamStep
        var steps = 0
        while session.shell.hasForegroundStream {
            if sigintCaught != 0 {
                sigintCaught = 0
                let rest = recorded.interruptWatch(after: Double(steps) * step)
                // The terminal already echoed ^C (the line editor is not active meanwhile).
                write(style.text(rest) + "\n")
                break
            }
            var none = pollfd(fd: -1, events: 0, revents: 0)
            _ = poll(&none, 0, 50)
            let due = Int(Date().timeIntervalSince(started) / step)
            while steps < due {
                session.simulation.cluster.advance(by: step)
                steps += 1
            }
            write(style.text(session.shell.takeForegroundOutput().combined))
        }
        return started.addingTimeInterval(Double(steps) * step)
    }

    private func install() {
        rl_callback_handler_install(session.prompt) { line in
            if let line {
                deliveredLine = String(cString: line)
                free(line)
            } else {
                deliveredEOF = true
            }
            rl_callback_handler_remove()
        }
    }
}
