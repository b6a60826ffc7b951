import KubeAPI
import ClusterSim
import Kubectl

/// The course machine: a cluster, kubectl talking to it, and the shell a learner types in
/// on master01. It is the ShellHost that sends `kubectl` to the emulator and turns typing
/// time and `sleep` into virtual time.
public final class Simulation: ShellHost, Editor {
    public let cluster: Cluster
    public let kubectl: Kubectl
    public let workspace: VirtualFS
    public var isTerminal: Bool
    /// Opens a real editor on a workspace file (the terminal edge provides it); nil in scripts.
    public var terminalEditor: ((_ path: String, _ editor: String) -> Bool)?
    /// Containers' filesystems and processes (`kubectl exec`, `kubectl run -it`).
    public let containers: SimulatedContainerRuntime
    /// What an interactive kubectl command that ended at once printed, handed to the `run`
    /// call the shell makes next for the same command line (see `startInteractive`).
    private var finishedInteractive: (argv: [String], output: CommandOutput)?

    /// Where the course's manifests live in the learner's home.
    public static let courseDirectory = "/root/controller"

    public init(seed: UInt64 = 1, files: [String: String] = [:], directory: String = Simulation.courseDirectory,
                isTerminal: Bool = false) {
        cluster = Cluster.standard(seed: seed)
        workspace = VirtualFS()
        try? workspace.createDirectory(directory, parents: true)
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            try? workspace.writeFile(name.hasPrefix("/") ? name : directory + "/" + name, contents: text)
        }
        try? workspace.changeDirectory(directory)
        kubectl = Kubectl(cluster: cluster, workspace: workspace)
        self.isTerminal = isTerminal
        containers = SimulatedContainerRuntime(cluster: cluster)
        kubectl.editor = self
        kubectl.containerRuntime = containers
        cluster.containerFiles = containers
    }

    /// A shell session on this machine. The caller keeps it; it keeps the simulation.
    public func makeSession(secondsPerCommand: Double = 3) -> ShellSession {
        let s = ShellSession(host: self, workspace: workspace, environment: ["KUBECONFIG": "/root/.kube/config"])
        s.secondsPerCommand = secondsPerCommand
        return s
    }

    // MARK: ShellHost

    public func run(command argv: [String], stdin: String?, environment: [String: String], workspace: VirtualFS) -> CommandOutput? {
        guard let name = argv.first else { return nil }
        switch name {
        case "kubectl", "/usr/bin/kubectl":
            if let done = finishedInteractive {
                finishedInteractive = nil
                if done.argv == argv { return done.output }
            }
            return kubectl.run(Array(argv.dropFirst()), stdin: stdin, environment: environment)
        case "kubelab-node": return NodeAdmin.run(argv, cluster: cluster)
        default:
            return nil
        }
    }

    public func advanceTime(seconds: Double) { cluster.advance(by: seconds) }

    /// `kubectl exec -it …` / `kubectl run -it …` at the terminal: the container's shell takes
    /// over. When the command ends at once (an error, a command that needs no input), the
    /// shell falls back to `run`, which hands back what already happened.
    public func startInteractive(command argv: [String], environment: [String: String],
                                 workspace: VirtualFS) -> (program: any InteractiveProgram, output: CommandOutput)? {
        guard let name = argv.first, name == "kubectl" || name == "/usr/bin/kubectl",
              let start = kubectl.startInteractive(Array(argv.dropFirst()), environment: environment) else { return nil }
        switch start {
        case .session(let session, let output):
            return (ContainerForegroundProgram(session), output)
        case .finished(let output):
            finishedInteractive = (argv, output)
            return nil
        }
    }

    public func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput? {
        guard let open = terminalEditor else { return nil }
        var out = CommandOutput()
        if !open(path, editor) { out.exitCode = 1 }
        return out
    }

    public func path(of command: String) -> String? { command == "kubectl" ? "/usr/bin/kubectl" : nil }

    public var now: Double { cluster.now }

    // MARK: Streaming commands (helper H7: background jobs and watches)

    public func startStream(command argv: [String], environment: [String: String],
                            workspace: VirtualFS) -> (stream: (any StreamingCommand)?, output: CommandOutput)? {
        guard let name = argv.first, name == "kubectl" || name == "/usr/bin/kubectl" else { return nil }
        guard let (stream, output) = kubectl.startWatch(Array(argv.dropFirst()), environment: environment) else { return nil }
        return (stream, output)
    }

    // MARK: Editor (kubectl edit)

    /// vi/vim/nano need a terminal; any other editor command (`sed -i …`, a script) runs in
    /// the simulated shell on the file, as a real `KUBE_EDITOR` would.
    public func edit(path: String, command: String) -> Bool {
        let program = command.split(separator: " ").first.map(String.init) ?? command
        if ["vi", "vim", "nano", "emacs", "/usr/bin/vi", "/usr/bin/vim"].contains(program) {
            return terminalEditor?(path, program) ?? false
        }
        let shell = ShellSession(host: self, workspace: workspace)
        shell.secondsPerCommand = 0
        return shell.execute("\(command) \(path)").exitCode == 0
    }
}

/// A container session as the shell's foreground program.
final class ContainerForegroundProgram: InteractiveProgram {
    let session: any ContainerSession
    init(_ session: any ContainerSession) { self.session = session }
    var prompt: String { session.prompt }
    func feed(_ line: String) -> (output: CommandOutput, finished: Bool) {
        let (out, exited) = session.feed(line)
        return (out, exited)
    }
}
