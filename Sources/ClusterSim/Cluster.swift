import KubeAPI

/// Reconciles objects of interest toward their desired state, client-go style: store changes
/// enqueue keys, `reconcile` reads state and writes objects back through the cluster.
protocol Controller: AnyObject {
    /// The kinds whose changes can concern the controller (nil: all kinds), as an informer
    /// watches only some resources; changes to other kinds aren't offered to `keys`.
    var watchedKinds: Set<String>? { get }
    /// Keys (`namespace/name`) of the objects to reconcile after a change.
    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String]
    func reconcile(_ key: String, in cluster: Cluster)
}

/// The simulated cluster: apiserver semantics over an object store, a virtual clock with a
/// timer queue, a seeded random source and the controllers. Pure and deterministic: the
/// caller owns time (`advance`) and everything else follows from the seed.
public final class Cluster {
    public let store = ObjectStore()
    public private(set) var now: Double
    public var random: SeededRandom
    public var images: ImageCatalog
    var timers = TimerQueue()
    var controllers: [Controller] = []
    private var queues: [[String]] = []
    private var queued: [Set<String>] = []
    /// For each kind seen so far, the indices of the controllers watching it.
    private var watchers: [String: [Int]] = [:]
    /// The controllers' type names, in `reconcileCounts` order.
    public var controllerNames: [String] { controllers.map { String(describing: type(of: $0)) } }
    /// Reconciles run per controller, for benchmarks.
    public private(set) var reconcileCounts: [Int] = []
    /// Pods by the uid of their controlling owner: what the ReplicaSet controller and the
    /// garbage collector ask for on every sync.
    var dependents: [String: Set<ObjectKey>] = [:]
    /// `serviceSelectors(in:)` by namespace; a Service change forgets its namespace's entry.
    var serviceSelectorCache: [String: [(key: String, query: LabelQuery)]] = [:]
    /// Event names by what makes two events "the same" for aggregation.
    private var eventIndex: [EventKey: String] = [:]
    let kubelet = Kubelet()
    let scheduler = Scheduler()
    /// The containers' filesystems, as the node's runtime keeps them (set by the shell layer).
    public weak var containerFiles: (any ContainerFileSource)?
    /// Safety net against a controller bug turning into an endless loop.
    public var maxReconcilesPerDrain = 5_000_000

    public init(seed: UInt64 = 1, startTime: Double = Cluster.defaultStartTime, images: ImageCatalog = .standard) {
        self.now = startTime
        self.random = SeededRandom(seed: seed)
        self.images = images
        store.clock = { [unowned self] in self.now }
        controllers = [
            scheduler,
            kubelet,
            ReplicaSetController(),
            DeploymentController(),
            GarbageCollector(),
            DaemonSetController(),
            NodeLifecycleController(),
            JobController(),
            CronJobController(),
            EndpointsController(),
            EndpointSliceController(),
            PersistentVolumeController(),
            StatefulSetController(),
        ]
        reconcileCounts = Array(repeating: 0, count: controllers.count)
        queues = Array(repeating: [], count: controllers.count)
        queued = Array(repeating: [], count: controllers.count)
        _ = store.subscribe { [unowned self] change in self.route(change) }
    }

    /// How far apart two moments must be for controllers to react to each separately.
    public static let tick = 0.1

    /// 2026-11-26 09:00:00 UTC: a fixed, believable "now" so transcripts never depend on the host.
    public static let defaultStartTime: Double = 1_795_683_600

    public var time: Time { Time(seconds: now) }

    // MARK: - Time

    /// Lets `seconds` of virtual time pass, firing due timers and letting every controller
    /// catch up after each moment.
    public func advance(by seconds: Double) {
        let target = now + max(0, seconds)
        drain()
        while let due = timers.nextDue, due <= target {
            // Fire everything due within one controller-manager tick before controllers
            // react: they see a burst of kubelet updates as one batch, as real informers do.
            let tickEnd = min(due + Cluster.tick, target)
            while let d = timers.nextDue, d <= tickEnd, let t = timers.pop() {
                now = max(now, d)
                t.action(self)
            }
            drain()
        }
        now = target
        drain()
    }

    /// Advances until nothing more is scheduled within `limit` seconds, or `limit` elapses.
    /// Returns the seconds that passed.
    @discardableResult
    public func settle(limit: Double = 600, until condition: ((Cluster) -> Bool)? = nil) -> Double {
        let start = now
        drain()
        while now - start < limit {
            if let c = condition, c(self) { break }
            guard let due = timers.nextDue else { break }
            if due - start > limit { break }
            advanceToNextBatch()
        }
        return now - start
    }

    /// Moves time to the next moment anything is scheduled, taking everything due within
    /// the following tick as one batch. Returns false when nothing is scheduled.
    @discardableResult
    public func advanceToNextBatch() -> Bool {
        guard let due = timers.nextDue else { return false }
        advance(by: max(due - now, 0) + Cluster.tick)
        return true
    }

    func schedule(after seconds: Double, _ action: @escaping (Cluster) -> Void) {
        timers.schedule(at: now + seconds, action)
    }

    var hasPendingTimers: Bool { !timers.isEmpty }
    public var nextTimerDue: Double? { timers.nextDue }

    // MARK: - Controller queues

    private func route(_ change: ObjectStore.Change) {
        let kind = change.object.resource.kind
        if kind == "Pod" || kind == "ReplicaSet" || kind == "ControllerRevision" || kind == "PersistentVolumeClaim" { indexDependents(change) }
        for i in watchers(of: kind) {
            for k in controllers[i].keys(for: change, in: self) where !queued[i].contains(k) {
                queued[i].insert(k)
                queues[i].append(k)
            }
        }
    }

    private func watchers(of kind: String) -> [Int] {
        if let w = watchers[kind] { return w }
        let w = controllers.indices.filter { controllers[$0].watchedKinds?.contains(kind) ?? true }
        watchers[kind] = w
        return w
    }

    /// Keeps `dependents` up to date with a Pod or ReplicaSet change.
    private func indexDependents(_ change: ObjectStore.Change) {
        // Most changes keep the owner, and the index already holds the object under it.
        // Unchanged owner references (usually the very same array) say so at once.
        if change.type != .deleted, let old = change.old,
           old.metadata.ownerReferences == change.object.metadata.ownerReferences { return }
        let owner = change.object.metadata.controllerRef?.uid ?? Cluster.orphans
        let oldOwner = change.old.map { $0.metadata.controllerRef?.uid ?? Cluster.orphans }
        if change.type != .deleted, oldOwner == owner { return }
        let key = ObjectKey(kind: change.object.resource.kind, namespace: change.object.namespace, name: change.object.name)
        if let o = oldOwner { dependents[o]?.remove(key) }
        guard change.type != .deleted else { return }
        dependents[owner, default: []].insert(key)
    }

    /// Lets controllers work until no queue has anything left.
    func drain() {
        var budget = maxReconcilesPerDrain
        var progressed = true
        while progressed && budget > 0 {
            progressed = false
            for i in controllers.indices where !queues[i].isEmpty {
                // Take the whole batch in sorted order: deterministic, and a key enqueued
                // again during the batch is processed once more afterwards.
                let batch = queues[i].sorted()
                queues[i].removeAll(keepingCapacity: true)
                queued[i].removeAll(keepingCapacity: true)
                for k in batch {
                    controllers[i].reconcile(k, in: self)
                    budget -= 1
                }
                reconcileCounts[i] += batch.count
                progressed = true
            }
        }
    }

    /// The pseudo-owner under which objects without a controller are indexed.
    static let orphans = "<orphans>"

    func pods(ownedBy uid: String) -> [Pod] {
        (dependents[uid] ?? []).filter { $0.kind == "Pod" }.sorted()
            .compactMap { store.get(Pod.self, namespace: $0.namespace, name: $0.name) }
    }

    /// `pods(ownedBy:)` in one namespace, without reading the other namespaces' pods.
    func pods(ownedBy uid: String, namespace: String) -> [Pod] {
        (dependents[uid] ?? []).filter { $0.kind == "Pod" && $0.namespace == namespace }.sorted()
            .compactMap { store.get(Pod.self, namespace: $0.namespace, name: $0.name) }
    }

    func replicaSets(ownedBy uid: String) -> [ReplicaSet] {
        (dependents[uid] ?? []).filter { $0.kind == "ReplicaSet" }.sorted()
            .compactMap { store.get(ReplicaSet.self, namespace: $0.namespace, name: $0.name) }
    }

    // MARK: - Events

    /// Records an Event the way client-go's recorder does: a repeat of the same
    /// reason/message for the same object bumps count and lastTimestamp.
    func recordEvent(for object: any APIObject, type: String = "Normal", reason: String, message: String,
                     component: String, host: String? = nil, fieldPath: String? = nil) {
        let ns = object.resource.namespaced ? object.namespace : "default"
        let dedupKey = EventKey(uid: object.metadata.uid ?? "", fieldPath: fieldPath ?? "", reason: reason, component: component, message: message)
        if let name = eventIndex[dedupKey], var e = store.get(Event.self, namespace: ns, name: name) {
            e.count = (e.count ?? 1) + 1
            e.lastTimestamp = time
            store.putTyped(consume e)
            return
        }
        var ref = ObjectReference()
        ref.kind = object.resource.kind
        ref.namespace = object.resource.namespaced ? object.namespace : nil
        ref.name = object.name
        ref.uid = object.metadata.uid
        ref.apiVersion = object.resource.apiVersion
        ref.resourceVersion = object.metadata.resourceVersion
        ref.fieldPath = fieldPath
        var meta = ObjectMeta(name: "\(object.name).\(random.hex(16))", namespace: ns)
        meta.uid = random.uuid()
        meta.creationTimestamp = time
        var e = Event(metadata: meta, involvedObject: ref)
        e.reason = reason
        e.message = message
        e.source = EventSource(component: component, host: host)
        e.firstTimestamp = time
        e.lastTimestamp = time
        e.count = 1
        e.type = type
        e.reportingComponent = component
        e.reportingInstance = host ?? ""
        eventIndex[dedupKey] = meta.name!
        store.putTyped(consume e)
    }

    public func events(for object: any APIObject) -> [Event] {
        let ns = object.resource.namespaced ? object.namespace : "default"
        return store.list(Event.self, namespace: ns).filter { $0.involvedObject.uid == object.metadata.uid }
            .sorted { ($0.firstTimestamp?.seconds ?? 0, Int($0.metadata.resourceVersion ?? "") ?? 0) < ($1.firstTimestamp?.seconds ?? 0, Int($1.metadata.resourceVersion ?? "") ?? 0) }
    }
}

/// What makes two events "the same" for aggregation, as client-go's recorder decides it.
/// The hash is computed once: the index grows to tens of thousands of entries, and growing
/// would otherwise rehash every message.
struct EventKey: Hashable {
    // First, so that == compares it first.
    private let hash: Int
    let uid: String
    let fieldPath: String
    let reason: String
    let component: String
    let message: String

    init(uid: String, fieldPath: String, reason: String, component: String, message: String) {
        self.uid = uid; self.fieldPath = fieldPath; self.reason = reason; self.component = component; self.message = message
        var h = Hasher()
        h.combine(uid); h.combine(fieldPath); h.combine(reason); h.combine(component); h.combine(message)
        hash = h.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// Identifies one object in the store. The hash is computed once, so that probing an index
/// of thousands of similar names compares hashes rather than names.
struct ObjectKey: Hashable, Comparable {
    // First, so that == compares it first.
    private let hash: Int
    let kind: String
    let namespace: String
    let name: String

    init(kind: String, namespace: String, name: String) {
        self.kind = kind; self.namespace = namespace; self.name = name
        var h = Hasher()
        h.combine(kind); h.combine(namespace); h.combine(name)
        hash = h.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func < (a: ObjectKey, b: ObjectKey) -> Bool {
        (a.kind, a.namespace, a.name) < (b.kind, b.namespace, b.name)
    }

    /// The garbage collector's queue key: `Kind|namespace/name`.
    var queueKey: String { "\(kind)|\(ObjectStore.key(namespace, name))" }
}
