import Kubectl

/// What the simulated shell needs from the outside world: the commands it does not
/// implement itself (kubectl and friends), the virtual clock, and the terminal.
///
/// The shell never touches the host machine; everything it cannot do itself goes through here.
public protocol ShellHost: AnyObject {
    /// Runs an external command (`kubectl …`, `curl …`). `stdin` is nil when standard input
    /// is the terminal, else the text piped or redirected in. `environment` holds the
    /// exported variables plus `VAR=value` prefixes of this command.
    /// Return nil when the command is unknown: the shell prints `bash: X: command not found`
    /// and sets `$?` to 127.
    func run(command argv: [String], stdin: String?, environment: [String: String],
             workspace: VirtualFS) -> CommandOutput?

    /// Advances virtual time: every command typed costs `ShellSession.secondsPerCommand`,
    /// `sleep N` adds N.
    func advanceTime(seconds: Double)

    /// Whether output goes to a real terminal (so `clear` may print escape codes).
    var isTerminal: Bool { get }

    /// `vim FILE`, `vi FILE`, `nano FILE`: edits the file interactively. `editor` is the
    /// command typed. Return nil when there is no terminal to edit in (a script): the shell
    /// then explains how to write the file without an editor.
    func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput?

    /// Where `which`/`type` say an external command lives (e.g. `/usr/bin/kubectl`);
    /// nil when the host does not provide it.
    func path(of command: String) -> String?

    /// The virtual wall clock in seconds since the Unix epoch (file times, `date`).
    var now: Double { get }

    /// A program that takes over the terminal and reads the next lines itself, such as
    /// `kubectl exec -it dns-test sh` or `kubectl run -it --rm … -- sh`. Asked only for commands
    /// typed at the top level with the terminal as stdin and stdout (not in pipes or `$(…)`).
    /// Return nil to run the command normally through `run`. `output` is what it prints on start.
    func startInteractive(command argv: [String], environment: [String: String],
                          workspace: VirtualFS) -> (program: any InteractiveProgram, output: CommandOutput)?

    /// A command that keeps printing until it is stopped, such as `kubectl get pods -w`,
    /// started without waiting for it: asked for `cmd &` (a background job) and, when the
    /// session streams foreground watches (the REPL), for a watch typed at the prompt.
    /// Return nil for any other command (the shell then runs it through `run`). `stream` is
    /// nil when the command failed on start; `output` is what it printed on start.
    func startStream(command argv: [String], environment: [String: String],
                     workspace: VirtualFS) -> (stream: (any StreamingCommand)?, output: CommandOutput)?
}

/// A running command that prints as virtual time passes (a watch). The shell owns the job;
/// the clock moves elsewhere (later commands, `sleep`, the REPL following the wall clock).
public protocol StreamingCommand: AnyObject {
    /// What it printed since the last call.
    func takeOutput() -> CommandOutput
    /// Whether it has ended (stopped, or failed by itself).
    var isStopped: Bool { get }
    /// Ctrl-C or `kill`.
    func stop()
    /// Lets virtual time run until nothing more is scheduled (or the command's time limit),
    /// as a script waits for a watch nobody can interrupt. It keeps running.
    func waitUntilQuiet()
}

/// The foreground program of `ShellHost.startInteractive`: while it runs, fed lines go to it
/// and its prompt replaces bash's, until it reports that it finished (e.g. `exit`).
public protocol InteractiveProgram: AnyObject {
    /// The prompt it shows, e.g. `/ # ` for a busybox shell.
    var prompt: String { get }
    /// One line typed into it. `finished`: the program ended; bash is back (`$?` = exitCode).
    func feed(_ line: String) -> (output: CommandOutput, finished: Bool)
}

extension ShellHost {
    public func startInteractive(command argv: [String], environment: [String: String],
                                 workspace: VirtualFS) -> (program: any InteractiveProgram, output: CommandOutput)? {
        nil
    }

    public func startStream(command argv: [String], environment: [String: String],
                            workspace: VirtualFS) -> (stream: (any StreamingCommand)?, output: CommandOutput)? {
        nil
    }

    public func path(of command: String) -> String? { nil }
    public var now: Double { 1_735_689_600 }  // 2025-01-01T00:00:00Z
}
