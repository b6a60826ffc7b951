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

    private var tables: [String: [String: any APIObject]] = [:]
    private var sortedKeys: [String: [String]] = [:]
    public private(set) var resourceVersion = 1
    public private(set) var history: [HistoryEntry] = []
    private var subscribers: [Int: (Change) -> Void] = [:]
    private var nextSubscriber = 0
    var clock: () -> Double = { 0 }

    public init() {}

    static func key(_ namespace: String, _ name: String) -> String { namespace.isEmpty ? name : "\(namespace)/\(name)" }

    public func get(_ r: ResourceType, namespace: String, name: String) -> (any APIObject)? {
        tables[r.kind]?[ObjectStore.key(r.namespaced ? namespace : "", name)]
    }

    public func get<T: APIObject>(_ t: T.Type, namespace: String, name: String) -> T? {
        get(T.resource, namespace: namespace, name: name) as? T
    }

    /// Objects in key order (namespace, then name), as etcd lists them.
    public func list(_ r: ResourceType, namespace: String? = nil) -> [any APIObject] {
        guard let table = tables[r.kind] else { return [] }
        if sortedKeys[r.kind] == nil { sortedKeys[r.kind] = table.keys.sorted() }
        let keys = sortedKeys[r.kind]!
        if let ns = namespace, r.namespaced {
            let prefix = ns + "/"
            return keys.lazy.filter { $0.hasPrefix(prefix) }.map { table[$0]! }
        }
        return keys.map { table[$0]! }
    }

    public func list<T: APIObject>(_ t: T.Type, namespace: String? = nil) -> [T] {
        list(T.resource, namespace: namespace).map { $0 as! T }
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
        let old = tables[r.kind]?[k]
        if old == nil { sortedKeys[r.kind] = nil }
        tables[r.kind, default: [:]][k] = obj
        emit(Change(type: old == nil ? .added : .modified, object: obj, old: old, resourceVersion: resourceVersion, time: clock()))
        return obj
    }

    @discardableResult
    public func remove(_ r: ResourceType, namespace: String, name: String) -> (any APIObject)? {
        let k = ObjectStore.key(r.namespaced ? namespace : "", name)
        guard var obj = tables[r.kind]?.removeValue(forKey: k) else { return nil }
        sortedKeys[r.kind] = nil
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
