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
        kubectl.editor = self
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
            return kubectl.run(Array(argv.dropFirst()), stdin: stdin, environment: environment)
        default:
            return nil
        }
    }

    public func advanceTime(seconds: Double) { cluster.advance(by: seconds) }

    public func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput? {
        guard let open = terminalEditor else { return nil }
        var out = CommandOutput()
        if !open(path, editor) { out.exitCode = 1 }
        return out
    }

    public func path(of command: String) -> String? { command == "kubectl" ? "/usr/bin/kubectl" : nil }

    public var now: Double { cluster.now }

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
