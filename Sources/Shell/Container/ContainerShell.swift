import KubeAPI
import ClusterSim
import Kubectl

/// A process tree in a container: the shell module's interpreter running on the container's
/// filesystem, with the image's programs. Interactive (`/ # ` prompt, fed line by line) for
/// `kubectl exec -it … sh`, or one command line run to completion for `kubectl exec … -- CMD`.
final class ContainerShell: ContainerSession {
    enum Flavor { case busybox, bash, dash }

    let context: ContainerContext
    let flavor: Flavor
    let session: ShellSession
    let host: ContainerHost
    /// Whether this is a shell at a prompt (it then shows in `ps`).
    let interactive: Bool
    private var linesFed = 0

    init(context: ContainerContext, interactive: Bool, tty: Bool, flavor: Flavor? = nil) {
        self.context = context
        self.interactive = interactive
        self.flavor = flavor ?? (context.profile.isBusybox ? .busybox : .dash)
        host = ContainerHost(context: context)
        session = ShellSession(host: host, workspace: context.fs)
        host.shell = self
        session.secondsPerCommand = 0
        session.hostname = context.hostname
        session.shellName = self.flavor == .bash ? "bash" : "sh"
        // The container's environment replaces master01's login environment.
        session.variables = [:]
        session.exported = []
        session.aliases = [:]
        for (k, v) in context.environment(tty: tty) { session.setVariable(k, v, export: true) }
        if interactive {
            session.setVariable("SHLVL", "1", export: true)
            session.setVariable("PWD", context.fs.cwd, export: true)
        }
        // Commands the simulator's bash knows but the image does not ship answer "not found".
        var missing = ""
        for name in ShellSession.programNames.sorted() where !context.profile.programs.contains(name)
            && !ShellSession.shellBuiltinNames.contains(name) {
            missing += "\(name)() { echo '\(notFoundMessage(name))' >&2; return 127; }\n"
        }
        _ = session.execute(missing)
        session.history = []
    }

    /// What the shell says for a command it cannot find.
    func notFoundMessage(_ name: String) -> String {
        switch flavor {
        case .busybox: return "sh: \(name): not found"
        case .bash: return "bash: \(name): command not found"
        case .dash: return "sh: \(max(linesFed, 1)): \(name): not found"
        }
    }

    // MARK: ContainerSession

    var prompt: String {
        if session.needsContinuation { return "> " }
        let cwd = context.fs.cwd
        switch flavor {
        case .busybox: return (cwd == "/root" ? "~" : cwd) + " # "
        case .bash: return "root@\(context.hostname):\(cwd == "/root" ? "~" : cwd)# "
        case .dash: return "# "
        }
    }

    func feed(_ line: String) -> (output: CommandOutput, exited: Bool) {
        linesFed += 1
        syncIn()
        defer { syncOut() }
        var out = CommandOutput()
        if case .complete(let t) = session.feed(line) { out = t.output }
        if session.hasExited {
            // bash says "exit" as it leaves; busybox sh and dash leave silently.
            if flavor != .bash, let last = out.chunks.last, last.stream == .stderr, last.text.hasSuffix("exit\n") {
                let rest = String(last.text.dropLast(5))
                out.chunks.removeLast()
                if !rest.isEmpty { out.chunks.append((.stderr, rest)) }
            }
            out.exitCode = session.lastExitCode
            return (out, true)
        }
        return (out, false)
    }

    // MARK: One command line

    /// Runs argv (the program given to `kubectl exec`) with `stdin`, to completion.
    func run(argv: [String], stdin: String?) -> CommandOutput {
        syncIn()
        defer { syncOut() }
        var argv = argv
        if let first = argv.first, first.contains("/"), context.profile.has(first) {
            argv[0] = first.split(separator: "/").last.map(String.init) ?? first
        }
        var out = OutputBuffer()
        let ctx = ExecContext(stdin: Input(stdin ?? ""), stdoutIsTerminal: false)
        var code: Int32
        do {
            code = try session.invoke(argv, assignments: [], ctx, &out)
        } catch ControlFlow.exit(let c) {
            code = c
        } catch ControlFlow.abort(let msg, let c) {
            out.err(msg.hasSuffix("\n") ? msg : msg + "\n")
            code = c
        } catch {
            code = 1
        }
        out.exitCode = code
        return out.commandOutput
    }

    // MARK: Volumes

    private func syncIn() {
        for m in context.mounts { context.runtime.mountIn(context.fs, path: m.path, key: m.key) }
    }

    private func syncOut() {
        for m in context.mounts { context.runtime.mountOut(context.fs, path: m.path, key: m.key) }
    }
}

/// What a container shell reaches outside its built-ins: the image's network tools, and the
/// cluster's clock.
final class ContainerHost: ShellHost {
    let context: ContainerContext
    weak var shell: ContainerShell?

    init(context: ContainerContext) { self.context = context }

    func run(command argv: [String], stdin: String?, environment: [String: String], workspace: VirtualFS) -> CommandOutput? {
        guard let name = argv.first else { return nil }
        let base = name.split(separator: "/").last.map(String.init) ?? name
        var out = CommandOutput()
        guard context.profile.has(base) else {
            out.err((shell?.notFoundMessage(name) ?? "sh: \(name): not found") + "\n")
            out.exitCode = 127
            return out
        }
        let args = Array(argv.dropFirst())
        switch base {
        case "nslookup": return Nslookup(context: context).run(args)
        case "wget": return Wget(context: context).run(args)
        case "ps": return ps()
        case "nginx":
            out.err("nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address in use)\n")
            out.exitCode = 1
        case "ping":
            out.err("PING: operation not permitted\n")
            out.exitCode = 1
        default:
            out.err("\(base): applet not supported in kubelab\n")
            out.exitCode = 1
        }
        return out
    }

    func advanceTime(seconds: Double) { context.cluster.advance(by: seconds) }

    var isTerminal: Bool { false }

    func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput? { nil }

    func path(of command: String) -> String? { context.profile.has(command) ? "/bin/" + command : nil }

    var now: Double { context.cluster.now }

    /// busybox ps: PID 1 is the container's main process, then this shell and ps.
    private func ps() -> CommandOutput {
        var out = CommandOutput()
        let c = context.container
        var main = ((c.command ?? []) + (c.args ?? [])).joined(separator: " ")
        if main.isEmpty { main = context.profile.webRoot != nil ? "nginx: master process nginx -g daemon off;" : "sh" }
        out.out("PID   USER     TIME  COMMAND\n")
        out.out("    1 root      0:00 \(main)\n")
        if shell?.interactive == true { out.out("    7 root      0:00 sh\n") }
        out.out("   13 root      0:00 ps\n")
        return out
    }
}
