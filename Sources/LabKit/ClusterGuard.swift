import KubeAPI
import ClusterSim
import Kubectl
import Shell

/// How far a learner's commands may push the simulated cluster. A real cluster would run out
/// of nodes long before a million replicas; the simulator would instead run out of the host's
/// memory, so the lab engine draws the line first and says so.
public struct Limits: Sendable, Equatable {
    /// The most `spec.replicas` one object may ask for.
    public var maxReplicas = 100
    /// Pods in the whole cluster (kube-system included).
    public var maxPods = 1_000
    /// API objects of every kind but events.
    public var maxObjects = 5_000
    /// The longest one wait may last (`sleep N`, the typing time of a command), in seconds.
    public var maxWait: Double = 3_600
    /// Cluster time a whole session may use, in seconds.
    public var maxSessionTime: Double = 24 * 3_600
    /// kubectl invocations one command line may make (a loop, `xargs`…).
    public var maxKubectlPerLine = 500
    /// Command lines in one script.
    public var maxScriptLines = 5_000
    /// How long grading lets the cluster settle before judging a step that is not yet done.
    public var settleTime: Double = 600

    public init() {}
    public static let standard = Limits()
}

/// The learner's shell talks to the simulation through this host. It passes everything on and
/// enforces `Limits`: it clamps waits, refuses runaway kubectl loops, and sets an excessive
/// replica count back before any controller acts on it (the store is only reconciled when time
/// advances, so the cluster never sees the absurd value). What it did is reported as
/// violations; the lab session decides whether to stop (scripts) or just tell (interactive).
final class ClusterGuard: ShellHost {
    let simulation: Simulation
    let limits: Limits
    let ui: UIText
    private let sessionStart: Double
    private var kubectlCalls = 0
    private(set) var violations: [String] = []

    init(simulation: Simulation, limits: Limits, ui: UIText) {
        self.simulation = simulation
        self.limits = limits
        self.ui = ui
        self.sessionStart = simulation.cluster.now
    }

    var cluster: Cluster { simulation.cluster }

    /// Called before each command line.
    func beginLine() { kubectlCalls = 0 }

    /// What went over a limit since the last call.
    func takeViolations() -> [String] {
        // Watches (`get -w`, `rollout status`) move the clock themselves; catch that here.
        if cluster.now - sessionStart > limits.maxSessionTime { reportTimeUsedUp() }
        checkCounts()
        defer { violations.removeAll() }
        return violations
    }

    private var timeUsedUp = false

    private func reportTimeUsedUp() {
        guard !timeUsedUp else { return }
        timeUsedUp = true
        report(ui.text("limitTime", ["limit": Int(limits.maxSessionTime).description]))
    }

    private func report(_ message: String) {
        if !violations.contains(message) { violations.append(message) }
    }

    // MARK: ShellHost

    func run(command argv: [String], stdin: String?, environment: [String: String], workspace: VirtualFS) -> CommandOutput? {
        guard let name = argv.first, name == "kubectl" || name.hasSuffix("/kubectl") else {
            return simulation.run(command: argv, stdin: stdin, environment: environment, workspace: workspace)
        }
        kubectlCalls += 1
        if kubectlCalls > limits.maxKubectlPerLine {
            // Said once; the rest of the loop's calls fail quietly.
            if kubectlCalls == limits.maxKubectlPerLine + 1 {
                report(ui.text("limitCommands", ["limit": limits.maxKubectlPerLine.description]))
            }
            return CommandOutput(exitCode: 1)
        }
        // Remember what this command changed (and how it was before), then check the result.
        var before: [String: (any APIObject)?] = [:]
        var order: [String] = []
        let id = cluster.store.subscribe { change in
            let r = change.object.resource
            guard r.kind != "Pod", r.kind != "Event", change.type != .deleted else { return }
            let key = "\(r.kind)/\(change.object.namespace)/\(change.object.name)"
            if before[key] == nil {
                before[key] = .some(change.type == .added ? nil : change.old)
                order.append(key)
            }
        }
        let out = simulation.run(command: argv, stdin: stdin, environment: environment, workspace: workspace)
        cluster.store.unsubscribe(id)
        for key in order {
            // Cluster-scoped objects (PersistentVolumes) have an empty namespace part.
            let parts = key.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard let r = ResourceType.served.first(where: { $0.kind == parts[0] }),
                  let current = cluster.store.get(r, namespace: parts[1], name: parts[2]) else { continue }
            capReplicas(current, before: before[key] ?? nil)
        }
        checkCounts()
        return out
    }

    /// Sets `spec.replicas` back when it is over the limit: to what it was, or to the limit.
    private func capReplicas(_ object: any APIObject, before: (any APIObject)?) {
        guard let wanted = ClusterGuard.replicas(object), wanted > limits.maxReplicas else { return }
        let previous = before.flatMap(ClusterGuard.replicas)
        let restored = min(previous ?? limits.maxReplicas, limits.maxReplicas)
        var json = object.toJSON()
        json["spec"]?["replicas"] = .int(restored)
        guard let fixed = ClusterGuard.decode(object, json), (try? cluster.update(fixed)) != nil else { return }
        report(ui.text("limitReplicas", ["object": "\(object.resource.qualifiedKind)/\(object.name)",
                                         "count": wanted.description, "limit": limits.maxReplicas.description,
                                         "restored": restored.description]))
    }

    /// `spec.replicas`, read from the typed object for the kinds kubelab knows (encoding to
    /// JSON after every kubectl command would cost more than the rest of the check).
    private static func replicas(_ object: any APIObject) -> Int? {
        (object as? any ReplicaScalable)?.desiredReplicas
    }

    private static func decode<T: APIObject>(_ like: T, _ json: JSONValue) -> T? {
        try? JSONBridge.decode(T.self, from: json)
    }

    /// True when the cluster is over a count limit (reported once per line).
    @discardableResult
    private func checkCounts() -> Bool {
        let pods = cluster.store.count(.pods)
        if pods > limits.maxPods {
            report(ui.text("limitPods", ["count": pods.description, "limit": limits.maxPods.description]))
            return true
        }
        let objects = ResourceType.served.filter { $0.kind != "Event" }.reduce(0) { $0 + cluster.store.count($1) }
        if objects > limits.maxObjects {
            report(ui.text("limitObjects", ["count": objects.description, "limit": limits.maxObjects.description]))
            return true
        }
        return false
    }

    func advanceTime(seconds: Double) {
        var s = seconds
        if s > limits.maxWait {
            report(ui.text("limitWait", ["seconds": s.compactText, "limit": limits.maxWait.compactText]))
            s = limits.maxWait
        }
        let left = limits.maxSessionTime - (cluster.now - sessionStart)
        if s > left {
            reportTimeUsedUp()
            s = max(0, left)
        }
        // Over a count limit the clock stands still, so controllers cannot make it worse.
        if checkCounts() { return }
        simulation.advanceTime(seconds: s)
    }

    var isTerminal: Bool { simulation.isTerminal }
    var now: Double { simulation.now }

    func edit(file path: String, editor: String, workspace: VirtualFS) -> CommandOutput? {
        simulation.edit(file: path, editor: editor, workspace: workspace)
    }

    func path(of command: String) -> String? { simulation.path(of: command) }

    func startInteractive(command argv: [String], environment: [String: String],
                          workspace: VirtualFS) -> (program: any InteractiveProgram, output: CommandOutput)? {
        simulation.startInteractive(command: argv, environment: environment, workspace: workspace)
    }

    func startStream(command argv: [String], environment: [String: String],
                     workspace: VirtualFS) -> (stream: (any StreamingCommand)?, output: CommandOutput)? {
        simulation.startStream(command: argv, environment: environment, workspace: workspace)
    }
}
