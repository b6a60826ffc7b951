import KubeAPI

/// What etcd + the watch cache are to a real apiserver: objects by kind and key, a global
/// resourceVersion, and a change feed that controllers and watches consume.
public final class ObjectStore {
    public enum ChangeType: String, Sendable { case added = "ADDED", modified = "MODIFIED", deleted = "DELETED" }

    public struct Change {
        public let type: ChangeType
        public let object: any APIObject
        public let old: (any APIObject)?
        public let resourceVersion: Int
        public let time: Double
    }

    /// A compact line of history, kept for the life of the cluster so labs can check the
    /// order things happened in without keeping every object version alive.
    public struct HistoryEntry: Sendable, Equatable {
        public let type: ChangeType
        public let kind: String
        public let namespace: String
        public let name: String
        public let time: Double
        /// For pods: the STATUS column at that moment; empty for other kinds.
        public let status: String
        public let ready: Bool
    }

    private var tables: [String: AnyTable] = [:]
    public private(set) var resourceVersion = 1
    public private(set) var history: [HistoryEntry] = []
    private var subscribers: [Int: (Change) -> Void] = [:]
    /// Subscriber ids in the order they are notified (ascending), so a change needn't sort them.
    private var subscriberOrder: [Int] = []
    private var nextSubscriber = 0
    var clock: () -> Double = { 0 }

    public init() {}

    static func key(_ namespace: String, _ name: String) -> String {
        guard !namespace.isEmpty else { return name }
        var k = namespace
        k.reserveCapacity(namespace.utf8.count + 1 + name.utf8.count)
        k += "/"
        k += name
        return k
    }

    private func table<T: APIObject>(_ t: T.Type) -> KindTable<T> {
        if let existing = tables[T.resource.kind] { return existing as! KindTable<T> }
        let created = KindTable<T>()
        tables[T.resource.kind] = created
        return created
    }

    public func get(_ r: ResourceType, namespace: String, name: String) -> (any APIObject)? {
        tables[r.kind]?.getAny(ObjectStore.key(r.namespaced ? namespace : "", name))
    }

    public func get<T: APIObject>(_ t: T.Type, namespace: String, name: String) -> T? {
        table(T.self)[ObjectStore.key(T.resource.namespaced ? namespace : "", name)]
    }

    /// A read by a store key (`ObjectStore.key`) the caller already holds, such as a
    /// controller's queue key, sparing the split and rebuild.
    func get<T: APIObject>(_ t: T.Type, key: String) -> T? {
        table(T.self)[key]
    }

    /// Objects in key order (namespace, then name), as etcd lists them.
    public func list(_ r: ResourceType, namespace: String? = nil) -> [any APIObject] {
        tables[r.kind]?.listAny(prefix: r.namespaced ? namespace.map { $0 + "/" } : nil) ?? []
    }

    public func list<T: APIObject>(_ t: T.Type, namespace: String? = nil) -> [T] {
        table(T.self).list(prefix: T.resource.namespaced ? namespace.map { $0 + "/" } : nil)
    }

    public func count(_ r: ResourceType) -> Int { tables[r.kind]?.count ?? 0 }

    /// Stores the object, bumping resourceVersion; notifies watchers.
    @discardableResult
    public func put(_ object: any APIObject) -> any APIObject {
        putTyped(object)
    }

    /// `put` for a statically known kind: no casts or existential boxes on the way in. The
    /// object is consumed: a caller handing over its last copy lets the store stamp the
    /// resourceVersion without copying the object first.
    @discardableResult
    func putTyped<T: APIObject>(_ object: consuming T) -> T {
        var obj = object
        resourceVersion += 1
        obj.metadata.resourceVersion = String(resourceVersion)
        let k = ObjectStore.key(T.resource.namespaced ? obj.namespace : "", obj.name)
        let old = table(T.self).put(obj, key: k)
        emit(Change(type: old == nil ? .added : .modified, object: obj, old: old, resourceVersion: resourceVersion, time: clock()))
        return obj
    }

    @discardableResult
    public func remove(_ r: ResourceType, namespace: String, name: String) -> (any APIObject)? {
        let k = ObjectStore.key(r.namespaced ? namespace : "", name)
        guard var obj = tables[r.kind]?.removeAny(key: k) else { return nil }
        resourceVersion += 1
        obj.metadata.resourceVersion = String(resourceVersion)
        emit(Change(type: .deleted, object: obj, old: obj, resourceVersion: resourceVersion, time: clock()))
        return obj
    }

    public func clearHistory() { history.removeAll() }

    public func subscribe(_ handler: @escaping (Change) -> Void) -> Int {
        nextSubscriber += 1
        subscribers[nextSubscriber] = handler
        subscriberOrder.append(nextSubscriber)
        return nextSubscriber
    }

    public func unsubscribe(_ id: Int) {
        subscribers[id] = nil
        subscriberOrder.removeAll { $0 == id }
    }

    private func emit(_ c: Change) {
        if c.object.resource.kind != "Event" {
            var status = ""
            var ready = false
            if let p = c.object as? Pod {
                status = PodPrinting.status(p)
                ready = p.isReady
            }
            history.append(HistoryEntry(type: c.type, kind: c.object.resource.kind, namespace: c.object.namespace,
                                        name: c.object.name, time: c.time, status: status, ready: ready))
        }
        // Everyone subscribed when the change happened, in subscription order; one who
        // unsubscribes meanwhile is skipped.
        for id in subscriberOrder { subscribers[id]?(c) }
    }
}

/// One kind's objects, stored as their concrete type so reads need no per-object casts.
protocol AnyTable: AnyObject {
    var count: Int { get }
    func getAny(_ key: String) -> (any APIObject)?
    func listAny(prefix: String?) -> [any APIObject]
    func removeAny(key: String) -> (any APIObject)?
}

final class KindTable<T: APIObject>: AnyTable {
    private var items: [StoreKey: T] = [:]
    private var sorted: [StoreKey]?

    var count: Int { items.count }

    subscript(key: String) -> T? { items[StoreKey(key)] }

    /// Stores the object under `key`, returning what it replaced.
    func put(_ object: T, key: String) -> T? {
        let old = items.updateValue(object, forKey: StoreKey(key))
        if old == nil { sorted = nil }
        return old
    }

    private func keys() -> [StoreKey] {
        if let s = sorted { return s }
        var s = Array(items.keys)
        s.sort { $0.text < $1.text }
        sorted = s
        return s
    }

    func list(prefix: String?) -> [T] {
        let ks = keys()
        guard let p = prefix else { return ks.map { items[$0]! } }
        // Keys are sorted, so one namespace's objects are contiguous.
        var lo = 0, hi = ks.count
        while lo < hi { let mid = (lo + hi) / 2; if ks[mid].text < p { lo = mid + 1 } else { hi = mid } }
        var out: [T] = []
        var i = lo
        while i < ks.count, ks[i].text.hasPrefix(p) { out.append(items[ks[i]]!); i += 1 }
        return out
    }

    func getAny(_ key: String) -> (any APIObject)? { self[key] }
    func listAny(prefix: String?) -> [any APIObject] { list(prefix: prefix) }

    func removeAny(key: String) -> (any APIObject)? {
        let old = items.removeValue(forKey: StoreKey(key))
        if old != nil { sorted = nil }
        return old
    }
}

/// A store key (`ObjectStore.key`) with its hash computed once. Keys of one kind share long
/// prefixes (`default/web-7d4b9c5f6d-…`), so comparing hashes first spares most text
/// comparisons, and growing a table of tens of thousands of events rehashes no text.
struct StoreKey: Hashable {
    // First, so that == compares it first.
    private let hash: Int
    let text: String

    init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
