import KubeAPI

/// What the apiserver does for one kind beyond the generic request path: its defaulting,
/// validation, admission and server-side printing (the per-kind "strategy" of a real
/// apiserver's registry). Kinds conform in their own files; the generic code finds them here.
protocol KindStrategy: APIObject {
    /// pkg/apis/*/v1/defaults.go for this kind.
    mutating func applyDefaults()
    /// Field errors for a create (`old` nil) or an update.
    func validate(old: Self?) -> [FieldError]
    /// What the apiserver's registry does on a real (not dry-run) create, after validation:
    /// allocating cluster IPs and node ports, for instance. Throws to refuse the request.
    mutating func admit(in cluster: Cluster, old: Self?) throws(APIError)
    /// The server-side table (`kubectl get`).
    static func table(_ objects: [Self], in cluster: Cluster) -> Table
    /// Whether a spec change bumps metadata.generation.
    static var tracksGeneration: Bool { get }
}

extension KindStrategy {
    mutating func applyDefaults() {}
    func validate(old: Self?) -> [FieldError] { [] }
    mutating func admit(in cluster: Cluster, old: Self?) throws(APIError) {}
    static func table(_ objects: [Self], in cluster: Cluster) -> Table {
        Table(columns: [Table.Column(name: "Name", priority: 0), Table.Column(name: "Age", priority: 0)],
              rows: objects.map { [$0.name, cluster.age($0)] })
    }
    static var tracksGeneration: Bool { true }

    // Type-erased entry points for the generic request path.
    static func defaultsAny(_ obj: inout any APIObject) {
        guard var o = obj as? Self else { return }
        o.applyDefaults()
        obj = o
    }
    static func validateAny(_ obj: any APIObject, old: (any APIObject)?) -> [FieldError] {
        guard let o = obj as? Self else { return [] }
        return o.validate(old: old as? Self)
    }
    static func admitAny(_ obj: inout any APIObject, old: (any APIObject)?, in cluster: Cluster) throws(APIError) {
        guard var o = obj as? Self else { return }
        try o.admit(in: cluster, old: old as? Self)
        obj = o
    }
    static func tableAny(_ objects: [any APIObject], in cluster: Cluster) -> Table {
        table(objects.compactMap { $0 as? Self }, in: cluster)
    }
}

extension Cluster {
    /// The AGE column of an object.
    public func age(_ o: any APIObject) -> String {
        guard let t = o.metadata.creationTimestamp else { return "<unknown>" }
        return HumanDuration.format(seconds: now - t.seconds)
    }

    static func strategy(_ r: ResourceType) -> (any KindStrategy.Type)? { r.objectType as? any KindStrategy.Type }
}
