import Kubectl

/// What one complete command line looks like on a terminal: what the learner typed as the
/// terminal echoed it (prompt, command, `> ` continuation lines), then its output.
public struct Transcript: Sendable, Equatable {
    /// `[root@master01 ~]# cat <<EOF > a.yaml\n> …\n> EOF\n`
    public var echo: String
    public var output: CommandOutput

    public init(echo: String, output: CommandOutput) {
        self.echo = echo
        self.output = output
    }

    /// Echo and output, as a terminal shows them.
    public var text: String { echo + output.combined }
}

/// The answer to one line fed to `ShellSession.feed(_:)`.
public enum FeedResult: Sendable, Equatable {
    /// The command is not finished (open quote, here-document, `for` without `done`,
    /// trailing `|` or `\`…): show `continuationPrompt` and feed the next line.
    case needsMore
    /// The command ran (or was rejected with a syntax error).
    case complete(Transcript)
}

/// Unwinding through the interpreter.
enum ControlFlow: Error {
    case exit(Int32)
    case breakLoop(Int)
    case continueLoop(Int)
    case returnFromFunction(Int32)
    /// Stops the whole command line; the message (with newline) goes to stderr.
    case abort(String, Int32)
}

/// What commands print while a line runs, in order. Appends happen in place (amortized
/// constant time), which matters when a loop prints thousands of lines; the public
/// `CommandOutput` is built from it once at the end.
struct OutputBuffer {
    var chunks: [(stream: CommandOutput.Stream, text: String)] = []
    var exitCode: Int32 = 0

    mutating func out(_ text: String) { append(.stdout, text) }
    mutating func err(_ text: String) { append(.stderr, text) }

    mutating func append(_ stream: CommandOutput.Stream, _ text: String) {
        guard !text.isEmpty else { return }
        if !chunks.isEmpty && chunks[chunks.count - 1].stream == stream {
            chunks[chunks.count - 1].text += text
        } else {
            chunks.append((stream, text))
        }
    }

    /// Adds what a host command printed.
    mutating func append(_ o: CommandOutput) {
        for c in o.chunks { append(c.stream, c.text) }
    }

    var stdout: String { chunks.filter { $0.stream == .stdout }.map(\.text).joined() }
    var stderr: String { chunks.filter { $0.stream == .stderr }.map(\.text).joined() }

    var commandOutput: CommandOutput {
        var o = CommandOutput(exitCode: exitCode)
        for c in chunks {
            if c.stream == .stdout { o.out(c.text) } else { o.err(c.text) }
        }
        return o
    }
}

/// Standard input of a command: the terminal (nothing to read) or text.
final class Input {
    let isTerminal: Bool
    private var rest: Substring

    init(_ text: String?) {
        isTerminal = text == nil
        rest = Substring(text ?? "")
    }

    static var terminal: Input { Input(nil) }

    /// Everything not read yet.
    func readAll() -> String {
        defer { rest = "" }
        return String(rest)
    }

    /// What the host gets: nil for the terminal.
    func forHost() -> String? { isTerminal ? nil : readAll() }

    /// One line without its newline; nil at end of input.
    func readLine() -> String? {
        if rest.isEmpty { return nil }
        let u = rest.utf8
        if let i = u.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: u[u.startIndex..<i], as: UTF8.self)
            rest = Substring(u[u.index(after: i)...])
            return line
        }
        let line = String(rest)
        rest = ""
        return line
    }
}

struct ExecContext {
    var stdin: Input
    /// Whether stdout is the terminal (not a pipe, a file or a substitution): `ls` uses columns.
    var stdoutIsTerminal: Bool
    /// Subshell / substitution nesting.
    var depth = 0
    /// Enclosing loops (for `break`/`continue`).
    var loopDepth = 0
    /// Inside `( )`, `$( )`, a pipeline stage or `bash -c`: `exit` leaves only that.
    var inSubshell = false
}

/// One learner's shell on `master01`: working directory, variables, aliases, functions,
/// history, `$?`, and the jailed workspace. Commands are interpreted here; nothing runs on the
/// host machine.
///
/// Interactive use (a readline REPL; the terminal already shows what was typed):
///
///     while !session.hasExited {
///         let p = session.needsContinuation ? session.continuationPrompt : session.prompt()
///         guard let line = readLine(prompt: p) else { _ = session.finish(); break }   // Ctrl-D
///         if case .complete(let t) = session.feed(line) { write(t.output.combined) }
///     }                                  // Ctrl-C at "> ": session.interrupt()
///
/// Scripts (input not a terminal): `session.transcript(of: script)` returns what a terminal
/// would have shown — for every command line the prompt and the command (continuation lines
/// with `> `), then its output. Blank lines show a bare prompt, comment lines the prompt and
/// the comment, as a terminal does. Feeding lines one by one and writing `Transcript.text`
/// gives the same bytes incrementally.
///
/// Time: before each complete command runs, the host's clock advances `secondsPerCommand`
/// (blank lines cost nothing; a multi-line command costs one step); `sleep N` adds N.
/// For a REPL that follows the wall clock, set `secondsPerCommand` to 0.
public final class ShellSession {
    // MARK: Configuration

    /// The learner's files.
    public let workspace: VirtualFS
    /// Where kubectl, the clock and the editor come from. Held strongly.
    public var host: any ShellHost
    /// Virtual seconds each typed command costs (the time a person takes to type it).
    public var secondsPerCommand: Double = 2
    public var hostname = "master01"
    public var user = "root"

    /// Limits that keep any input from hanging the program.
    public static let maxLoopIterations = 10_000
    public static let maxCommandsPerLine = 200_000
    public static let maxOutputPerLine = 16 << 20
    public static let maxNesting = 32
    public static let maxWordBytes = 4 << 20

    // MARK: State

    var variables: [String: String] = [:]
    /// Shell functions by name.
    var functions: [String: Command] = [:]
    var functionDepth = 0
    /// Per function call: the values `local` shadowed (restored on return).
    var localFrames: [[String: String?]] = []
    var sourceDepth = 0
    public static let maxFunctionDepth = 64
    /// Exported names, in the order they were exported (`env` prints them so).
    var exported: [String] = []
    var aliases: [String: String] = [:]
    var positional: [String] = []
    var shellName = "-bash"
    /// Lines entered, as `history` lists them.
    public internal(set) var history: [String] = []
    /// `$?`.
    public internal(set) var lastExitCode: Int32 = 0
    /// Set by `exit` (or `logout`): the caller ends the session.
    public internal(set) var hasExited = false
    /// The interactive program in the foreground (`kubectl exec -it … sh`), if any.
    var foreground: (any InteractiveProgram)? = nil
    /// Whether an interactive program (not bash) is reading the lines.
    public var inInteractiveProgram: Bool { foreground != nil }

    // Job control (Jobs.swift).
    /// Background jobs, oldest first.
    var jobs: [Job] = []
    /// The last process id handed out: every external command and job takes the next one.
    var nextPid = 12344
    /// Whether the host command being invoked may start as a stream, and the one it started.
    var streamRequest: StreamRequest = .none
    var startedStream: (any StreamingCommand)? = nil
    /// Inside a background job: the virtual seconds its `sleep`s ask for (the clock stays).
    var backgroundElapsed: Double = 0
    /// A watch running in the foreground of the REPL.
    var foregroundStream: (any StreamingCommand)? = nil
    /// Complete command lines run so far.
    var entryCount = 0
    /// Set by the REPL: a watch typed at the prompt (`kubectl get pods -w`) keeps running in
    /// the foreground, printing as the wall clock moves virtual time, until Ctrl-C
    /// (`hasForegroundStream`, `takeForegroundOutput`, `interruptForeground`). Off in scripts,
    /// where a watch runs until the cluster is quiet.
    public var streamsForegroundWatches = false

    var lineNumber = 0
    private var pendingLines: [String] = []
    private var pendingPrompt = ""
    var commandsRun = 0
    var bytesProduced = 0
    var lastSubstitutionStatus: Int32? = nil
    var temporaryPaths: [String] = []
    var randomState: UInt32 = 12345
    /// The name the running built-in was invoked as (`grep`/`egrep`, `vim`/`nano`…).
    var currentCommand = ""

    // MARK: Init

    /// A root login shell in `/root` (or the workspace's cwd). `environment` adds or
    /// overrides exported variables.
    public init(host: any ShellHost, workspace: VirtualFS = VirtualFS(), environment: [String: String] = [:]) {
        self.host = host
        self.workspace = workspace
        let defaults: [(String, String)] = [
            ("HOSTNAME", hostname), ("TERM", "xterm"), ("SHELL", "/bin/bash"), ("HISTSIZE", "1000"),
            ("USER", user), ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin"),
            ("MAIL", "/var/spool/mail/root"), ("PWD", workspace.cwd), ("LANG", "en_US.UTF-8"),
            ("HISTCONTROL", "ignoredups"), ("SHLVL", "1"), ("HOME", workspace.home), ("LOGNAME", user),
        ]
        for (k, v) in defaults { setVariable(k, v, export: true) }
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { setVariable(k, v, export: true) }
        variables["UID"] = "0"
        variables["EUID"] = "0"
        variables["PS1"] = "[\\u@\\h \\W]\\$ "
        variables["PS2"] = "> "
        aliases = ["ll": "ls -l", "l.": "ls -d .*"]
        workspace.clock = { [weak self] in self?.host.now ?? 1_735_689_600 }
    }

    // MARK: Public API

    /// The working directory (absolute, inside the jail).
    public var cwd: String { workspace.cwd }

    /// The exported environment (what `env` prints and commands receive).
    public var environment: [String: String] {
        var env: [String: String] = [:]
        for k in exported { if let v = variables[k] { env[k] = v } }
        return env
    }

    /// A shell variable's value.
    public func variable(_ name: String) -> String? { variables[name] }

    /// Sets a shell variable, optionally exporting it.
    public func setVariable(_ name: String, _ value: String, export: Bool = false) {
        variables[name] = value
        if export && !exported.contains(name) { exported.append(name) }
    }

    /// `[root@master01 DIR]# ` where DIR is the basename of cwd, `~` at home.
    public func prompt() -> String {
        if let p = foreground { return p.prompt }
        let dir = cwd == workspace.home ? "~" : VirtualFS.basename(cwd)
        return "[\(user)@\(hostname) \(dir)]\(user == "root" ? "#" : "$") "
    }

    /// The secondary prompt shown while a command is incomplete.
    public var continuationPrompt: String { "> " }

    /// Whether fed lines are waiting for the rest of their command.
    public var needsContinuation: Bool { !pendingLines.isEmpty }

    /// Runs text as typed at the prompt: one or more complete command lines (a here-document
    /// or a `for` loop may span lines). Each complete command is added to the history and
    /// costs `secondsPerCommand` of virtual time. Incomplete input is treated as ended
    /// (bash's end-of-file errors and warnings).
    public func execute(_ text: String) -> CommandOutput {
        var out = OutputBuffer()
        let normalized = ShellSession.normalize(text)
        if foreground != nil {
            // Lines typed into the foreground program until it finishes; bash gets the rest.
            var lines = splitLines(normalized)[...]
            while let program = foreground, let line = lines.first {
                lines = lines.dropFirst()
                lineNumber += 1
                out.append(feedForeground(program, line))
            }
            if lines.isEmpty {
                out.exitCode = lastExitCode
                return out.commandOutput
            }
            let rest = execute(lines.joined(separator: "\n"))
            out.append(rest)
            out.exitCode = rest.exitCode
            return out.commandOutput
        }
        let parser = Parser(normalized, atEOF: true, firstLine: lineNumber + 1)
        let scalars = Array(normalized.unicodeScalars)
        var start = 0
        while !hasExited {
            do {
                guard let list = try parser.parseCompleteCommand() else { break }
                let end = max(start, parser.consumed)
                let source = String(String.UnicodeScalarView(scalars[start..<end]))
                start = end
                flushWarnings(parser, &out)
                runEntry(source: source, list: list, &out)
                if foreground != nil && start < scalars.count {
                    // A program took over the terminal: it reads the remaining lines.
                    lineNumber += splitLines(String(String.UnicodeScalarView(scalars[..<start]))).count
                    let rest = execute(String(String.UnicodeScalarView(scalars[start...])))
                    out.append(rest)
                    out.exitCode = rest.exitCode
                    return out.commandOutput
                }
            } catch let e as ParseError {
                flushWarnings(parser, &out)
                reportParseError(e, &out)
                parser.recover()
                start = parser.consumed
            } catch {
                break
            }
        }
        lineNumber += splitLines(normalized).count
        return out.commandOutput
    }

    /// Feeds one line typed or read from a script (without its newline). Returns
    /// `.needsMore` while the command continues on the next line.
    ///
    /// Text with embedded newlines is fed line by line; when several commands complete, the
    /// result's `echo` holds the full text of all but the last (echo and output, in order) and
    /// `output` is the last one's, so `text` still reads as the terminal would show it.
    public func feed(_ line: String) -> FeedResult {
        let lines = splitLines(ShellSession.normalize(line))
        if lines.count > 1 {
            var done: [Transcript] = []
            for l in lines {
                if case .complete(let t) = feed(l) { done.append(t) }
            }
            guard let last = done.last else { return .needsMore }
            let before = done.dropLast().map(\.text).joined()
            return .complete(Transcript(echo: before + last.echo, output: last.output))
        }
        let text = lines.first ?? ""
        if hasExited { return .complete(Transcript(echo: "", output: CommandOutput(exitCode: lastExitCode))) }
        if foregroundStream != nil {
            // "\u{3}" is Ctrl-C as a replay records it; any other line means nobody could
            // press Ctrl-C, so the watch lasts until the cluster is quiet, as in a script.
            if text == "\u{3}" { return .complete(Transcript(echo: "", output: interruptForeground())) }
            var before = OutputBuffer()
            finishForegroundStream(&before)
            let result = feed(text)
            guard case .complete(let t) = result else { return result }
            return .complete(Transcript(echo: before.commandOutput.combined + t.echo, output: t.output))
        }
        if let program = foreground, pendingLines.isEmpty {
            lineNumber += 1
            return .complete(Transcript(echo: program.prompt + text + "\n", output: feedForeground(program, text)))
        }
        if pendingLines.isEmpty { pendingPrompt = prompt() }
        pendingLines.append(text)
        lineNumber += 1
        let buffer = pendingLines.joined(separator: "\n") + "\n"
        let firstLine = lineNumber - pendingLines.count + 1
        let parser = Parser(buffer, atEOF: false, firstLine: firstLine)
        var out = OutputBuffer()
        do {
            var lists: [CommandList] = []
            while let list = try parser.parseCompleteCommand() { lists.append(list) }
            flushWarnings(parser, &out)
            let source = pendingLines.joined(separator: "\n")
            let echo = takeEcho()
            if lists.count == 1, let list = lists.first {
                runEntry(source: source, list: list, &out)
            } else {
                // Several lists can only come from one physical line per list; run in order.
                for (i, list) in lists.enumerated() { runEntry(source: i == 0 ? source : "", list: list, &out) }
            }
            return .complete(Transcript(echo: echo, output: out.commandOutput))
        } catch ParseError.incomplete {
            return .needsMore
        } catch let e as ParseError {
            flushWarnings(parser, &out)
            let source = pendingLines.joined(separator: "\n")
            let echo = takeEcho()
            addHistory(source)
            reportParseError(e, &out)
            return .complete(Transcript(echo: echo, output: out.commandOutput))
        } catch {
            return .complete(Transcript(echo: takeEcho(), output: out.commandOutput))
        }
    }

    private func feedForeground(_ program: any InteractiveProgram, _ line: String) -> CommandOutput {
        if !line.shellTrim(" \t").isEmpty { host.advanceTime(seconds: secondsPerCommand) }
        let (output, finished) = program.feed(line)
        if finished {
            foreground = nil
            lastExitCode = output.exitCode
        }
        return output
    }

    /// Ctrl-C at the `> ` prompt: forgets the unfinished command, as bash does (`$?` = 130).
    public func interrupt() {
        guard !pendingLines.isEmpty else { return }
        pendingLines.removeAll()
        lastExitCode = 130
    }

    /// The end of the input: runs or rejects whatever is still pending, as bash does when
    /// it reads end-of-file at the `> ` prompt. Nil when nothing was pending.
    public func finish() -> Transcript? {
        // End of input also ends a foreground program (a shell exits on end-of-file).
        foreground = nil
        foregroundStream?.stop()
        foregroundStream = nil
        guard !pendingLines.isEmpty else { return nil }
        let source = pendingLines.joined(separator: "\n")
        let echo = takeEcho() + continuationPrompt
        var out = OutputBuffer()
        let parser = Parser(source + "\n", atEOF: true, firstLine: lineNumber - splitLines(source).count + 1)
        do {
            var lists: [CommandList] = []
            while let list = try parser.parseCompleteCommand() { lists.append(list) }
            flushWarnings(parser, &out)
            for (i, list) in lists.enumerated() { runEntry(source: i == 0 ? source : "", list: list, &out) }
        } catch let e as ParseError {
            flushWarnings(parser, &out)
            addHistory(source)
            reportParseError(e, &out)
        } catch {}
        return Transcript(echo: echo, output: out.commandOutput)
    }

    /// Feeds a whole script line by line and returns the transcript a terminal would show.
    public func transcript(of script: String) -> String {
        var text = ""
        for line in splitLines(ShellSession.normalize(script)) {
            if hasExited { break }
            if case .complete(let t) = feed(line) { text += t.text }
        }
        if !hasExited, let t = finish() { text += t.text }
        return text
    }

    // MARK: Internals

    private static func normalize(_ text: String) -> String {
        // Windows line endings would otherwise end up inside words.
        guard text.utf8.contains(13) else { return text }
        return String(decoding: text.utf8.filter { $0 != 13 }, as: UTF8.self)
    }

    private func takeEcho() -> String {
        var echo = pendingPrompt
        for (i, l) in pendingLines.enumerated() {
            echo += (i == 0 ? "" : continuationPrompt) + l + "\n"
        }
        pendingLines.removeAll()
        return echo
    }

    private func flushWarnings(_ parser: Parser, _ out: inout OutputBuffer) {
        for w in parser.lexer.warnings { out.err("bash: \(w)\n") }
        parser.lexer.warnings.removeAll()
    }

    private func reportParseError(_ e: ParseError, _ out: inout OutputBuffer) {
        if case .syntax(let msg) = e {
            out.err("bash: \(msg)\n")
            lastExitCode = msg.hasSuffix("bad substitution") ? 1 : 2
            out.exitCode = lastExitCode
        }
    }

    private func addHistory(_ source: String) {
        var s = source
        while s.hasSuffix("\n") { s.removeLast() }
        if s.shellTrim(" \t\n").isEmpty { return }
        // HISTCONTROL as bash reads it (CentOS sets ignoredups).
        let control = variables["HISTCONTROL"] ?? ""
        if (control.contains("ignoredups") || control.contains("ignoreboth")), history.last == s { return }
        if (control.contains("ignorespace") || control.contains("ignoreboth")), s.hasPrefix(" ") { return }
        history.append(s)
    }

    /// One complete command as entered: history, typing time, execution.
    private func runEntry(source: String, list: CommandList, _ out: inout OutputBuffer) {
        let trimmed = source.shellTrim(" \t\n")
        entryCount += 1
        if !trimmed.isEmpty {
            addHistory(source)
            host.advanceTime(seconds: secondsPerCommand)
        }
        // Rows background watches printed meanwhile, and jobs that ended, follow the line.
        defer {
            flushJobOutput(&out)
            notifyFinishedJobs(&out)
            out.exitCode = lastExitCode
        }
        streamRequest = streamsForegroundWatches ? .foreground : .none
        defer { streamRequest = .none }
        guard !list.isEmpty else {
            out.exitCode = lastExitCode
            return
        }
        commandsRun = 0
        bytesProduced = 0
        let ctx = ExecContext(stdin: .terminal, stdoutIsTerminal: true)
        do {
            lastExitCode = try run(list, ctx, &out)
        } catch ControlFlow.exit(let code) {
            lastExitCode = code
            hasExited = true
        } catch ControlFlow.abort(let msg, let code) {
            out.err(msg.hasSuffix("\n") ? msg : msg + "\n")
            lastExitCode = code
        } catch ControlFlow.breakLoop, ControlFlow.continueLoop, ControlFlow.returnFromFunction {
            // Outside a loop: ignored, as bash does.
        } catch {
            out.err("bash: \(error)\n")
            lastExitCode = 1
        }
        cleanTemporaries()
        out.exitCode = lastExitCode
    }

    func cleanTemporaries(from mark: Int = 0) {
        guard mark < temporaryPaths.count else { return }
        for p in temporaryPaths[mark...] { try? workspace.remove(p) }
        temporaryPaths.removeSubrange(mark...)
    }
}

extension String {
    func shellTrim(_ set: String) -> String {
        let chars = Set(set.unicodeScalars)
        let scalars = Array(unicodeScalars)
        var a = 0, b = scalars.count
        while a < b, chars.contains(scalars[a]) { a += 1 }
        while b > a, chars.contains(scalars[b - 1]) { b -= 1 }
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }
}
