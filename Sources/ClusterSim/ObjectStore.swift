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
    private var nextSubscriber = 0
    var clock: () -> Double = { 0 }

    public init() {}

    static func key(_ namespace: String, _ name: String) -> String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    private func table<T: APIObject>(_ t: T.Type) -> KindTable<T> {
        if let existing = tables[T.resource.kind] { return existing as! KindTable<T> }
        let created = KindTable<T>()
        tables[T.resource.kind] = created
        return created
    }

    private func anyTable(_ r: ResourceType) -> AnyTable {
        if let existing = tables[r.kind] { return existing }
        let created = r.objectType.makeTable()
        tables[r.kind] = created
        return created
    }

    public func get(_ r: ResourceType, namespace: String, name: String) -> (any APIObject)? {
        tables[r.kind]?.getAny(ObjectStore.key(r.namespaced ? namespace : "", name))
    }

    public func get<T: APIObject>(_ t: T.Type, namespace: String, name: String) -> T? {
        table(T.self).items[ObjectStore.key(T.resource.namespaced ? namespace : "", name)]
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
        var obj = object
        resourceVersion += 1
        obj.metadata.resourceVersion = String(resourceVersion)
        let r = obj.resource
        let k = ObjectStore.key(r.namespaced ? obj.namespace : "", obj.name)
        let old = anyTable(r).putAny(obj, key: k)
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
        return nextSubscriber
    }

    public func unsubscribe(_ id: Int) { subscribers[id] = nil }

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
        for id in subscribers.keys.sorted() { subscribers[id]?(c) }
    }
}

/// One kind's objects, stored as their concrete type so reads need no per-object casts.
protocol AnyTable: AnyObject {
    var count: Int { get }
    func getAny(_ key: String) -> (any APIObject)?
    func listAny(prefix: String?) -> [any APIObject]
    func putAny(_ object: any APIObject, key: String) -> (any APIObject)?
    func removeAny(key: String) -> (any APIObject)?
}

final class KindTable<T: APIObject>: AnyTable {
    var items: [String: T] = [:]
    private var sorted: [String]?

    var count: Int { items.count }

    private func keys() -> [String] {
        if let s = sorted { return s }
        let s = items.keys.sorted()
        sorted = s
        return s
    }

    func list(prefix: String?) -> [T] {
        let ks = keys()
        guard let p = prefix else { return ks.map { items[$0]! } }
        // Keys are sorted, so one namespace's objects are contiguous.
        var lo = 0, hi = ks.count
        while lo < hi { let mid = (lo + hi) / 2; if ks[mid] < p { lo = mid + 1 } else { hi = mid } }
        var out: [T] = []
        var i = lo
        while i < ks.count, ks[i].hasPrefix(p) { out.append(items[ks[i]]!); i += 1 }
        return out
    }

    func getAny(_ key: String) -> (any APIObject)? { items[key] }
    func listAny(prefix: String?) -> [any APIObject] { list(prefix: prefix) }

    func putAny(_ object: any APIObject, key: String) -> (any APIObject)? {
        let old = items.updateValue(object as! T, forKey: key)
        if old == nil { sorted = nil }
        return old
    }

    func removeAny(key: String) -> (any APIObject)? {
        let old = items.removeValue(forKey: key)
        if old != nil { sorted = nil }
        return old
    }
}

extension APIObject {
    static func makeTable() -> AnyTable { KindTable<Self>() }
}
