import KubeAPI

/// How dependents are handled when their owner is deleted (`kubectl delete --cascade`).
public enum PropagationPolicy: String, Sendable {
    case background = "Background", foreground = "Foreground", orphan = "Orphan"
}

/// The apiserver's request handling: defaulting, validation, admission, metadata
/// bookkeeping, graceful deletion. kubectl and labs reach the cluster only through these.
extension Cluster {
    public func get(_ r: ResourceType, namespace: String, name: String) throws(APIError) -> any APIObject {
        guard let o = store.get(r, namespace: namespace, name: name) else { throw APIError.notFound(r, name) }
        return o
    }

    public func list(_ r: ResourceType, namespace: String?, selector: LabelQuery? = nil) -> [any APIObject] {
        let all = store.list(r, namespace: r.namespaced ? namespace : nil)
        guard let sel = selector else { return all }
        return all.filter { sel.matches($0.metadata.labels) }
    }

    /// POST. `namespace` is the request's namespace (the object's own must agree).
    @discardableResult
    public func create(_ object: any APIObject, namespace: String, dryRun: Bool = false) throws(APIError) -> any APIObject {
        var obj = object
        let r = obj.resource
        if r.namespaced {
            if let ns = obj.metadata.namespace, !ns.isEmpty, ns != namespace {
                throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            obj.metadata.namespace = namespace
            if store.get(Namespace.self, namespace: "", name: namespace) == nil {
                throw APIError.notFound(.namespaces, namespace)
            }
        } else {
            obj.metadata.namespace = nil
        }
        // Whether the name is known to be free: nothing below changes the store.
        var nameIsFree = false
        if (obj.metadata.name ?? "").isEmpty, let g = obj.metadata.generateName, !g.isEmpty {
            // Retry on the (unlikely) collision, as the apiserver's name generator would.
            repeat { obj.metadata.name = String(g.prefix(58)) + random.nameSuffix() }
            while store.get(r, namespace: namespace, name: obj.name) != nil
            nameIsFree = true
        }
        Defaults.apply(to: &obj)
        if !dryRun { Admission.admit(&obj, cluster: self) }
        let errors = Validation.validate(obj, old: nil)
        if !errors.isEmpty { throw APIError.invalid(kind: r.kind, name: obj.name, errors) }
        if !nameIsFree, store.get(r, namespace: namespace, name: obj.name) != nil { throw APIError.alreadyExists(r, obj.name) }
        obj.apiVersion = r.apiVersion
        obj.kind = r.kind
        obj.metadata.uid = random.uuid()
        obj.metadata.creationTimestamp = time
        obj.metadata.deletionTimestamp = nil
        if Cluster.tracksGeneration(r) { obj.metadata.generation = 1 }
        if dryRun { return obj }
        try Cluster.strategy(r)?.admitAny(&obj, old: nil, in: self)
        return store.put(obj)
    }

    static func tracksGeneration(_ r: ResourceType) -> Bool {
        if let s = strategy(r) { return s.tracksGeneration }
        return !["Pod", "Event", "Node", "Namespace"].contains(r.kind)
    }

    /// PUT of the main resource: status changes are ignored, as they go through `/status`.
    @discardableResult
    public func update(_ object: any APIObject, dryRun: Bool = false) throws(APIError) -> any APIObject {
        let r = object.resource
        guard let current = store.get(r, namespace: object.namespace, name: object.name) else {
            throw APIError.notFound(r, object.name)
        }
        if let rv = object.metadata.resourceVersion, !rv.isEmpty, rv != current.metadata.resourceVersion {
            throw APIError.conflict(r, object.name)
        }
        var obj = object
        Defaults.apply(to: &obj)
        StatusField.copy(from: current, to: &obj)
        obj.apiVersion = r.apiVersion
        obj.kind = r.kind
        obj.metadata.uid = current.metadata.uid
        obj.metadata.creationTimestamp = current.metadata.creationTimestamp
        obj.metadata.deletionTimestamp = current.metadata.deletionTimestamp
        obj.metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds
        obj.metadata.generation = current.metadata.generation
        obj.metadata.resourceVersion = current.metadata.resourceVersion
        let errors = Validation.validate(obj, old: current)
        if !errors.isEmpty { throw APIError.invalid(kind: r.kind, name: obj.name, errors) }
        if Cluster.tracksGeneration(r), SpecField.differs(current, obj) {
            obj.metadata.generation = (current.metadata.generation ?? 0) + 1
        }
        if dryRun { return obj }
        try Cluster.strategy(r)?.admitAny(&obj, old: current, in: self)
        if Cluster.sameContent(current, obj) { return current }
        return finishUpdate(obj)
    }

    /// PUT of `/status` (controllers and the kubelet): only status is taken.
    @discardableResult
    func updateStatus<T: HasStatus>(_ object: T) -> T {
        guard let current = store.get(T.self, namespace: object.namespace, name: object.name) else { return object }
        return updateStatus(object, current: current)
    }

    /// `updateStatus` for a caller that has just read `current` from the store.
    @discardableResult
    func updateStatus<T: HasStatus>(_ object: T, current: T) -> T {
        var obj = current
        obj.status = object.status
        // Only the status can differ, so comparing it compares the whole object.
        if obj.status == current.status { return current }
        return store.putTyped(consume obj)
    }

    /// Writes an object as a controller does (spec and metadata, keeping status).
    @discardableResult
    func write(_ object: any APIObject) -> any APIObject {
        guard let current = store.get(object.resource, namespace: object.namespace, name: object.name) else { return object }
        var obj = object
        obj.metadata.resourceVersion = nil
        if Cluster.tracksGeneration(obj.resource), SpecField.differs(current, obj) {
            obj.metadata.generation = (current.metadata.generation ?? 0) + 1
        }
        if Cluster.sameContent(current, obj) { return current }
        return finishUpdate(obj)
    }

    private func finishUpdate(_ obj: any APIObject) -> any APIObject {
        // An object being deleted goes away once its last finalizer is removed.
        if obj.metadata.deletionTimestamp != nil, (obj.metadata.finalizers ?? []).isEmpty, !(obj is Pod) {
            return store.remove(obj.resource, namespace: obj.namespace, name: obj.name) ?? obj
        }
        return store.put(obj)
    }

    /// Equal but for resourceVersion.
    static func sameContent(_ a: any APIObject, _ b: any APIObject) -> Bool {
        var y = b
        y.metadata.resourceVersion = a.metadata.resourceVersion
        return a.isEqual(y)
    }

    /// DELETE. Pods get a grace period during which they show `Terminating`; objects with
    /// finalizers stay until the finalizers are removed.
    @discardableResult
    public func delete(_ r: ResourceType, namespace: String, name: String, propagation: PropagationPolicy? = nil,
                       gracePeriod: Int? = nil, dryRun: Bool = false) throws(APIError) -> any APIObject {
        guard var obj = store.get(r, namespace: namespace, name: name) else { throw APIError.notFound(r, name) }
        if dryRun { return obj }
        if var pod = obj as? Pod {
            let grace = gracePeriod.map { $0 < 0 ? (pod.spec?.terminationGracePeriodSeconds ?? 30) : $0 }
                ?? pod.spec?.terminationGracePeriodSeconds ?? 30
            // Not on a node yet, or forced: nothing to stop, gone at once.
            if grace == 0 || pod.spec?.nodeName == nil || ["Succeeded", "Failed"].contains(pod.phase) {
                return store.remove(r, namespace: namespace, name: name) ?? obj
            }
            if let existing = pod.metadata.deletionGracePeriodSeconds, existing <= grace { return pod }
            pod.metadata.deletionTimestamp = Time(seconds: now + Double(grace))
            pod.metadata.deletionGracePeriodSeconds = grace
            return store.put(pod)
        }
        let policy = propagation ?? .background
        if obj.metadata.deletionTimestamp != nil { return obj }
        switch policy {
        case .background:
            if (obj.metadata.finalizers ?? []).isEmpty { return store.remove(r, namespace: namespace, name: name) ?? obj }
        case .foreground:
            obj.metadata.finalizers = (obj.metadata.finalizers ?? []) + ["foregroundDeletion"]
        case .orphan:
            obj.metadata.finalizers = (obj.metadata.finalizers ?? []) + ["orphan"]
        }
        obj.metadata.deletionTimestamp = time
        obj.metadata.deletionGracePeriodSeconds = 0
        return store.put(obj)
    }
}

/// A parsed `-l` label selector: `app=web`, `app!=x`, `tier in (a,b)`, `!key`, `key`.
public struct LabelQuery: Sendable, Equatable {
    public enum Requirement: Sendable, Equatable {
        case equals(String, String), notEquals(String, String), isIn(String, [String]), notIn(String, [String])
        case exists(String), notExists(String)
    }
    public var requirements: [Requirement]

    public init(requirements: [Requirement]) { self.requirements = requirements }

    public func matches(_ labels: [String: String]?) -> Bool {
        let l = labels ?? [:]
        for r in requirements {
            switch r {
            case .equals(let k, let v): if l[k] != v { return false }
            case .notEquals(let k, let v): if l[k] == v { return false }
            case .isIn(let k, let vs): guard let v = l[k], vs.contains(v) else { return false }
            case .notIn(let k, let vs): if let v = l[k], vs.contains(v) { return false }
            case .exists(let k): if l[k] == nil { return false }
            case .notExists(let k): if l[k] != nil { return false }
            }
        }
        return true
    }

    /// Parses selector syntax; the error text is what kubectl prints after `error: `.
    public static func parse(_ text: String) throws -> LabelQuery {
        var reqs: [Requirement] = []
        var parts: [String] = []
        var depth = 0
        var cur = ""
        for c in text {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == "," && depth == 0 { parts.append(cur); cur = "" } else { cur.append(c) }
        }
        parts.append(cur)
        for raw in parts {
            let p = raw.trimmingCharacters(in: .whitespaces)
            if p.isEmpty { continue }
            if p.hasPrefix("!") { reqs.append(.notExists(String(p.dropFirst()).trimmingCharacters(in: .whitespaces))); continue }
            if let r = p.range(of: "!=") {
                reqs.append(.notEquals(String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces), String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces)))
                continue
            }
            if let r = p.range(of: "==") ?? p.range(of: "=") {
                let k = String(p[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                let v = String(p[r.upperBound...]).trimmingCharacters(in: .whitespaces)
                try checkKey(k, text)
                reqs.append(.equals(k, v))
                continue
            }
            let words = p.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, let open = words[1].firstIndex(of: "("), words[1].hasSuffix(")") {
                let op = words[1][..<open].trimmingCharacters(in: .whitespaces)
                let vals = words[1][words[1].index(after: open)..<words[1].index(before: words[1].endIndex)]
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if op == "in" { reqs.append(.isIn(words[0], vals)); continue }
                if op == "notin" { reqs.append(.notIn(words[0], vals)); continue }
            }
            try checkKey(p, text)
            reqs.append(.exists(p))
        }
        return LabelQuery(requirements: reqs)
    }

    private static func checkKey(_ k: String, _ text: String) throws {
        let ok = !k.isEmpty && k.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
        if !ok { throw APIError.badRequest("unable to parse requirement: <nil>: Invalid value: \"\(k)\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')") }
    }
}

import Foundation

/// Copies the status sub-tree between two objects of the same kind.
enum StatusField {
    static func copy(from src: any APIObject, to dst: inout any APIObject) {
        switch (src, dst) {
        case (let s as Pod, var d as Pod): d.status = s.status; dst = d
        case (let s as ReplicaSet, var d as ReplicaSet): d.status = s.status; dst = d
        case (let s as Deployment, var d as Deployment): d.status = s.status; dst = d
        case (let s as Node, var d as Node): d.status = s.status; dst = d
        case (let s as Namespace, var d as Namespace): d.status = s.status; dst = d
        default: if let s = src as? any HasStatus { dst = s.statusCopied(into: dst) }
        }
    }
}

/// Kinds with a status subresource.
protocol HasStatus: APIObject {
    associatedtype Status: Hashable
    var status: Status? { get set }
}

extension HasStatus {
    func statusCopied(into dst: any APIObject) -> any APIObject {
        guard var d = dst as? Self else { return dst }
        d.status = status
        return d
    }
}

extension Pod: HasStatus {}
extension ReplicaSet: HasStatus {}
extension Deployment: HasStatus {}
extension Node: HasStatus {}
extension Namespace: HasStatus {}

/// Whether the spec changed, which bumps metadata.generation.
enum SpecField {
    static func differs(_ a: any APIObject, _ b: any APIObject) -> Bool {
        !a.specEquals(b)
    }
}
