import KubeAPI
import ClusterSim

/// What runs processes inside containers for `kubectl exec` and `kubectl run -it`: the
/// container runtime behind the kubelet's exec endpoint. Kubectl decides *whether* a command
/// may run (pod found, running, container known — the apiserver's and kubelet's checks);
/// the runtime decides *what happens* (which programs the image has, their output).
/// The Shell layer implements it (a busybox or bash shell per container).
public protocol ContainerRuntime: AnyObject {
    /// Runs `argv` in the container to completion. `stdin` is what was piped in (nil: none).
    /// A nonzero exit code is the process's; kubectl adds `command terminated with exit code N`.
    /// A program the image lacks comes back as `.startFailed` with the runtime's message.
    func exec(pod: Pod, container: String, argv: [String], stdin: String?, tty: Bool) -> ContainerExecResult

    /// Starts `argv` attached to the terminal (`exec -it`, `run -it`). Returns a live session
    /// when the process waits for input (a shell), or the finished result.
    func startSession(pod: Pod, container: String, argv: [String], tty: Bool) -> ContainerSessionStart
}

/// The end of a process run in a container.
public enum ContainerExecResult {
    /// The process ran; its output and exit code.
    case exited(CommandOutput)
    /// The runtime could not start it (`executable file not found in $PATH`): the whole
    /// message after `error: `.
    case startFailed(String)
}

/// An interactive process: lines typed go to it until it exits.
public protocol ContainerSession: AnyObject {
    /// What it shows before each line (`/ # `).
    var prompt: String { get }
    /// One line typed. When `exited` is set the process is gone; `output.exitCode` is its status.
    func feed(_ line: String) -> (output: CommandOutput, exited: Bool)
}

public enum ContainerSessionStart {
    case running(any ContainerSession, greeting: CommandOutput)
    case finished(ContainerExecResult)
}

/// What `Kubectl.startInteractive` answers for a command line.
public enum KubectlInteractiveStart {
    /// The command reads the terminal: feed it lines until it reports it finished.
    case session(any ContainerSession, output: CommandOutput)
    /// The command already ran to the end (an error, or a process that needed no input).
    case finished(CommandOutput)
}

extension Kubectl {
    /// `kubectl exec -it …` and `kubectl run -it …` typed at a terminal. Nil for every other
    /// command line (the caller runs it with `run`).
    public func startInteractive(_ args: [String], environment: [String: String] = [:]) -> KubectlInteractiveStart? {
        guard let name = Kubectl.commandName(in: args), name == "exec" || name == "run",
              let command = Kubectl.commands[name] else { return nil }
        var rest = args
        rest.remove(at: Kubectl.commandIndex(in: args)!)
        guard let flags = try? ParsedFlags.parse(rest, specs: command.flags),
              flags.bool("stdin") || flags.bool("tty") || (name == "run" && flags.bool("attach")),
              !flags.bool("help") else { return nil }
        var inv = Invocation(command: name, flags: flags, stdin: nil, environment: environment,
                             namespace: flags.string("namespace") ?? defaultNamespace, commandLine: ["kubectl"] + args)
        var session: (any ContainerSession)?
        let out = runCatching(&inv) { k, inv in
            session = name == "exec" ? try k.execInteractive(&inv) : try k.runCommand(&inv, terminal: true)
        }
        if let s = session { return .session(s, output: out) }
        return .finished(out)
    }
}

/// Wraps a runtime session to do kubectl's part when the process exits: the
/// `command terminated with exit code N` line, and for `run --rm` the pod's deletion.
final class KubectlAttachedSession: ContainerSession {
    let inner: any ContainerSession
    /// Called once when the process exits, with its exit code; returns what kubectl prints then.
    let onExit: (Int32) -> CommandOutput

    init(_ inner: any ContainerSession, onExit: @escaping (Int32) -> CommandOutput) {
        self.inner = inner
        self.onExit = onExit
    }

    var prompt: String { inner.prompt }

    func feed(_ line: String) -> (output: CommandOutput, exited: Bool) {
        var (out, exited) = inner.feed(line)
        if exited {
            let after = onExit(out.exitCode)
            for c in after.chunks {
                if c.stream == .stdout { out.out(c.text) } else { out.err(c.text) }
            }
            out.exitCode = after.exitCode
        }
        return (out, exited)
    }
}
