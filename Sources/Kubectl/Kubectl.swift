import KubeAPI
import ClusterSim

/// An error kubectl reports itself as `error: <message>`.
struct KubectlError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Lines already worded in full (e.g. several API errors), printed as they are.
struct RawError: Error {
    let text: String
}

/// How `kubectl edit` (and `vim` in the shell) gets a file edited: the I/O edge decides
/// whether that means a real editor on a terminal or a command run in the simulation.
public protocol Editor: AnyObject {
    /// Edits `path` in the workspace with the editor `command` (from KUBE_EDITOR/EDITOR).
    /// Returns false when no editor could be run.
    func edit(path: String, command: String) -> Bool
}

/// kubectl v1.32 against the simulated cluster. Each `run` is one command line's worth of
/// kubectl: flags parsed as pflag does, requests made through the cluster's API, output
/// and errors worded as kubectl words them.
public final class Kubectl {
    public let cluster: Cluster
    public let workspace: Workspace
    public weak var editor: Editor?
    /// Runs processes in containers (`kubectl exec`, `kubectl run -it`); the shell layer provides it.
    public weak var containerRuntime: ContainerRuntime?
    /// The kubeconfig context's namespace.
    public var defaultNamespace = "default"
    /// How long, in virtual seconds, commands that wait (`rollout status`, `get -w`,
    /// `delete`) may wait before giving up the way a person would press Ctrl-C.
    public var waitLimit: Double = 600
    /// `startWatch` (WatchStream.swift): the watch `get -w` started instead of running it to the end.
    var streamRequested = false
    var startedStream: WatchStream?

    public init(cluster: Cluster, workspace: Workspace) {
        self.cluster = cluster
        self.workspace = workspace
    }

    /// The state of one invocation.
    struct Invocation {
        let command: String
        var flags: ParsedFlags
        var out = CommandOutput()
        let stdin: String?
        let environment: [String: String]
        var namespace: String
        let commandLine: [String]
    }

    struct Command: Sendable {
        let flags: [FlagSpec]
        let run: @Sendable (Kubectl) -> (inout Invocation) throws -> Void
    }

    static let commands: [String: Command] = [
        "get": Command(flags: GetCommand.flags, run: { k in k.get }),
        "apply": Command(flags: ApplyCommand.flags, run: { k in k.apply }),
        "create": Command(flags: ApplyCommand.createFlags, run: { k in k.create }),
        "delete": Command(flags: DeleteCommand.flags, run: { k in k.delete }),
        "scale": Command(flags: ScaleCommand.flags, run: { k in k.scale }),
        "set": Command(flags: SetImageCommand.flags, run: { k in k.set }),
        "rollout": Command(flags: RolloutCommand.flags, run: { k in k.rollout }),
        "label": Command(flags: LabelCommand.flags, run: { k in k.label }),
        "annotate": Command(flags: LabelCommand.flags, run: { k in k.annotate }),
        "logs": Command(flags: LogsCommand.flags, run: { k in k.logs }),
        "describe": Command(flags: DescribeCommand.flags, run: { k in k.describe }),
        "patch": Command(flags: PatchCommand.flags, run: { k in k.patch }),
        "edit": Command(flags: EditCommand.flags, run: { k in k.edit }),
        "version": Command(flags: InfoCommands.versionFlags, run: { k in k.version }),
        "cluster-info": Command(flags: [], run: { k in k.clusterInfo }),
        "api-resources": Command(flags: InfoCommands.apiResourcesFlags, run: { k in k.apiResources }),
        "explain": Command(flags: ExplainCommand.flags, run: { k in k.explain }),
        "cordon": Command(flags: NodeCommands.cordonFlags, run: { k in k.cordon }),
        "uncordon": Command(flags: NodeCommands.cordonFlags, run: { k in k.uncordon }),
        "drain": Command(flags: NodeCommands.drainFlags, run: { k in k.drain }),
        "taint": Command(flags: NodeCommands.taintFlags, run: { k in k.taint }),
        "exec": Command(flags: ExecCommand.flags, run: { k in k.exec }),
        "run": Command(flags: RunCommand.flags, run: { k in k.run }),
        "wait": Command(flags: WaitCommand.flags, run: { k in k.wait }),
        "expose": Command(flags: ExposeCommand.flags, run: { k in k.expose }),
        "port-forward": Command(flags: ExposeCommand.portForwardFlags, run: { k in k.portForward }),
    ]

    /// Runs `kubectl ARGS…` (argv without the leading `kubectl`).
    public func run(_ args: [String], stdin: String? = nil, environment: [String: String] = [:]) -> CommandOutput {
        guard let first = Kubectl.commandName(in: args) else {
            var out = CommandOutput()
            out.out(Kubectl.usage)
            return out
        }
        let name = first
        guard let command = Kubectl.commands[name] else {
            var out = CommandOutput(exitCode: 1)
            out.err("error: unknown command \"\(name)\" for \"kubectl\"\n")
            return out
        }
        var rest = args
        rest.remove(at: Kubectl.commandIndex(in: args)!)
        var inv: Invocation
        do {
            let flags = try ParsedFlags.parse(rest, specs: command.flags)
            inv = Invocation(command: name, flags: flags, stdin: stdin, environment: environment,
                             namespace: flags.string("namespace") ?? defaultNamespace, commandLine: ["kubectl"] + args)
        } catch let e as UsageError {
            var out = CommandOutput(exitCode: 1)
            out.err("error: \(e.message)\nSee 'kubectl \(name) --help' for usage.\n")
            return out
        } catch {
            return CommandOutput(exitCode: 1)
        }
        if inv.flags.bool("help") {
            inv.out.out("Run 'kubectl \(name) --help' on a real cluster for the full reference; kubelab follows kubectl v1.32.\n")
            return inv.out
        }
        return runCatching(&inv) { k, inv in try command.run(k)(&inv) }
    }

    /// Runs `body` and turns what it throws into kubectl's error output and exit code.
    func runCatching(_ inv: inout Invocation, _ body: (Kubectl, inout Invocation) throws -> Void) -> CommandOutput {
        do {
            try body(self, &inv)
        } catch let e as UsageError {
            inv.out.err("error: \(e.message)\nSee 'kubectl \(e.command ?? inv.command) -h' for help and examples\n")
            inv.out.exitCode = 1
        } catch let e as KubectlError {
            inv.out.err("error: \(e.message)\n")
            inv.out.exitCode = 1
        } catch let e as APIError {
            inv.out.err(e.kubectlText() + "\n")
            inv.out.exitCode = 1
        } catch let e as RawError {
            inv.out.err(e.text)
            inv.out.exitCode = 1
        } catch let e as PrinterFailure {
            inv.out.out(e.stdout)
            inv.out.err(e.stderr)
            inv.out.exitCode = 1
        } catch {
            inv.out.err("error: \(error)\n")
            inv.out.exitCode = 1
        }
        return inv.out
    }

    /// The subcommand: the first word that is neither a flag nor the value of a global flag
    /// given before it (`kubectl -n kube-system get pods`).
    static func commandName(in args: [String]) -> String? { commandIndex(in: args).map { args[$0] } }

    static func commandIndex(in args: [String]) -> Int? {
        var i = 0
        while i < args.count {
            let a = args[i]
            if !a.hasPrefix("-") { return i }
            if !a.contains("="), let spec = ParsedFlags.globalFlags.first(where: { "--\($0.name)" == a || ($0.short.map { "-\($0)" } == a) }),
               spec.takesValue {
                i += 1
            }
            i += 1
        }
        return nil
    }

    static let usage = """
    kubectl controls the Kubernetes cluster manager.

     Find more information at: https://kubernetes.io/docs/reference/kubectl/

    Basic Commands (Beginner):
      create          Create a resource from a file or from stdin
      expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
      run             Run a particular image on the cluster
      set             Set specific features on objects

    Basic Commands (Intermediate):
      explain         Get documentation for a resource
      get             Display one or many resources
      edit            Edit a resource on the server
      delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

    Deploy Commands:
      rollout         Manage the rollout of a resource
      scale           Set a new size for a deployment, replica set, or replication controller
      autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

    Cluster Management Commands:
      certificate     Modify certificate resources
      cluster-info    Display cluster information
      top             Display resource (CPU/memory) usage
      cordon          Mark node as unschedulable
      uncordon        Mark node as schedulable
      drain           Drain node in preparation for maintenance
      taint           Update the taints on one or more nodes

    Troubleshooting and Debugging Commands:
      describe        Show details of a specific resource or group of resources
      logs            Print the logs for a container in a pod
      attach          Attach to a running container
      exec            Execute a command in a container
      port-forward    Forward one or more local ports to a pod
      proxy           Run a proxy to the Kubernetes API server
      cp              Copy files and directories to and from containers
      auth            Inspect authorization
      debug           Create debugging sessions for troubleshooting workloads and nodes
      events          List events

    Advanced Commands:
      diff            Diff the live version against a would-be applied version
      apply           Apply a configuration to a resource by file name or stdin
      patch           Update fields of a resource
      replace         Replace a resource by file name or stdin
      wait            Experimental: Wait for a specific condition on one or many resources
      kustomize       Build a kustomization target from a directory or URL

    Settings Commands:
      label           Update the labels on a resource
      annotate        Update the annotations on a resource
      completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

    Subcommands provided by plugins:

    Other Commands:
      api-resources   Print the supported API resources on the server
      api-versions    Print the supported API versions on the server, in the form of "group/version"
      config          Modify kubeconfig files
      plugin          Provides utilities for interacting with plugins
      version         Print the client and server version information

    Usage:
      kubectl [flags] [options]

    Use "kubectl <command> --help" for more information about a given command.
    Use "kubectl options" for a list of global command-line options (applies to all commands).

    """
}

// MARK: - Resource arguments

extension Kubectl {
    /// A reference typed on the command line: a type and maybe a name.
    struct ResourceRef {
        let type: ResourceType
        let name: String?
    }

    func resourceType(_ text: String) throws -> ResourceType {
        guard let r = ResourceType.lookup(text) else {
            throw KubectlError("the server doesn't have a resource type \"\(text)\"")
        }
        return r
    }

    /// `TYPE NAME…`, `TYPE1,TYPE2`, `TYPE/NAME …`, as resource.Builder accepts them.
    func resourceRefs(_ args: [String], allowAll: Bool = true) throws -> [ResourceRef] {
        guard let first = args.first else { return [] }
        if first.contains("/") {
            return try args.map { a in
                guard let slash = a.firstIndex(of: "/") else {
                    throw KubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
                }
                let name = String(a[a.index(after: slash)...])
                if name.isEmpty { throw KubectlError("arguments in resource/name form must have a single resource and name") }
                return ResourceRef(type: try resourceType(String(a[..<slash])), name: name)
            }
        }
        if args.dropFirst().contains(where: { $0.contains("/") }) {
            throw KubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
        }
        var types: [ResourceType] = []
        for t in first.split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
            if t == "all" && allowAll {
                // Discovery order: core group first, then apps, autoscaling, batch.
                let order = ["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets",
                             "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs"]
                types += ResourceType.served.filter { $0.categories.contains("all") }
                    .sorted { (order.firstIndex(of: $0.plural) ?? 99) < (order.firstIndex(of: $1.plural) ?? 99) }
                continue
            }
            let r = try resourceType(t)
            if !types.contains(r) { types.append(r) }
        }
        let names = Array(args.dropFirst())
        if names.isEmpty { return types.map { ResourceRef(type: $0, name: nil) } }
        return types.flatMap { t in names.map { ResourceRef(type: t, name: $0) } }
    }

    func namespaceFor(_ r: ResourceType, _ inv: Invocation) -> String { r.namespaced ? inv.namespace : "" }
}
