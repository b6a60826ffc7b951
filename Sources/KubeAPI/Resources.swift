import Foundation

/// What discovery tells kubectl about one resource: its names, group and scope.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The stored fields behind one reference: every object reports its resource type, and
    /// a copy is then one retain rather than one per name.
    @usableFromInline
    struct Fields: Sendable, Hashable {
        @usableFromInline let plural: String
        @usableFromInline let singular: String
        @usableFromInline let shortNames: [String]
        @usableFromInline let kind: String
        @usableFromInline let group: String
        @usableFromInline let version: String
        @usableFromInline let namespaced: Bool
        @usableFromInline let categories: [String]
    }

    @usableFromInline let fields: Indirect<Fields>

    @inlinable public var plural: String { fields.value.plural }
    @inlinable public var singular: String { fields.value.singular }
    @inlinable public var shortNames: [String] { fields.value.shortNames }
    @inlinable public var kind: String { fields.value.kind }
    @inlinable public var group: String { fields.value.group }
    @inlinable public var version: String { fields.value.version }
    @inlinable public var namespaced: Bool { fields.value.namespaced }
    @inlinable public var categories: [String] { fields.value.categories }

    public init(plural: String, singular: String, shortNames: [String] = [], kind: String, group: String = "",
                version: String = "v1", namespaced: Bool = true, categories: [String] = []) {
        fields = Indirect(Fields(plural: plural, singular: singular, shortNames: shortNames, kind: kind, group: group,
                                 version: version, namespaced: namespaced, categories: categories))
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    /// `deployments.apps`, `pods`: how API errors name the resource.
    public var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
    /// `deployment.apps`, `pod`: how kubectl prefixes names (`deployment.apps/web`).
    public var qualifiedKind: String { group.isEmpty ? kind.lowercased() : "\(kind.lowercased()).\(group)" }
    public var description: String { qualifiedPlural }

    public static let pods = ResourceType(plural: "pods", singular: "pod", shortNames: ["po"], kind: "Pod", categories: ["all"])
    public static let nodes = ResourceType(plural: "nodes", singular: "node", shortNames: ["no"], kind: "Node", namespaced: false)
    public static let namespaces = ResourceType(plural: "namespaces", singular: "namespace", shortNames: ["ns"], kind: "Namespace", namespaced: false)
    public static let events = ResourceType(plural: "events", singular: "event", shortNames: ["ev"], kind: "Event")
    public static let replicasets = ResourceType(plural: "replicasets", singular: "replicaset", shortNames: ["rs"], kind: "ReplicaSet", group: "apps", categories: ["all"])
    public static let deployments = ResourceType(plural: "deployments", singular: "deployment", shortNames: ["deploy"], kind: "Deployment", group: "apps", categories: ["all"])

    public static let services = ResourceType(plural: "services", singular: "service", shortNames: ["svc"], kind: "Service", categories: ["all"])
    public static let endpoints = ResourceType(plural: "endpoints", singular: "endpoints", shortNames: ["ep"], kind: "Endpoints")
    public static let endpointslices = ResourceType(plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", group: "discovery.k8s.io")
    public static let persistentvolumeclaims = ResourceType(plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", shortNames: ["pvc"], kind: "PersistentVolumeClaim")
    public static let persistentvolumes = ResourceType(plural: "persistentvolumes", singular: "persistentvolume", shortNames: ["pv"], kind: "PersistentVolume", namespaced: false)
    public static let storageclasses = ResourceType(plural: "storageclasses", singular: "storageclass", shortNames: ["sc"], kind: "StorageClass", group: "storage.k8s.io", namespaced: false)
    public static let statefulsets = ResourceType(plural: "statefulsets", singular: "statefulset", shortNames: ["sts"], kind: "StatefulSet", group: "apps", categories: ["all"])
    public static let daemonsets = ResourceType(plural: "daemonsets", singular: "daemonset", shortNames: ["ds"], kind: "DaemonSet", group: "apps", categories: ["all"])
    public static let controllerrevisions = ResourceType(plural: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision", group: "apps")
    public static let jobs = ResourceType(plural: "jobs", singular: "job", kind: "Job", group: "batch", categories: ["all"])
    public static let cronjobs = ResourceType(plural: "cronjobs", singular: "cronjob", shortNames: ["cj"], kind: "CronJob", group: "batch", categories: ["all"])

    /// Every kind kubelab knows, in discovery order: the order `get all` prints them in.
    public static let known: [ResourceType] = [
        .pods, .services, .daemonsets, .deployments, .replicasets, .statefulsets, .cronjobs, .jobs,
        .endpoints, .endpointslices, .persistentvolumeclaims, .persistentvolumes, .storageclasses,
        .controllerrevisions, .nodes, .namespaces, .events,
    ]

    /// The Swift types behind the served kinds. A kind is served once its type is listed here.
    static let objectTypes: [any APIObject.Type] = [
        Pod.self, Node.self, Namespace.self, Event.self, ReplicaSet.self, Deployment.self,
        Job.self, CronJob.self,
        PersistentVolumeClaim.self, PersistentVolume.self, StorageClass.self, StatefulSet.self, ControllerRevision.self,
        Service.self, Endpoints.self, EndpointSlice.self,
        DaemonSet.self,
    ]

    private static let typesByKind: [String: any APIObject.Type] =
        Dictionary(uniqueKeysWithValues: objectTypes.map { ($0.resource.kind, $0) })

    /// The kinds this cluster serves, in the order `get all` prints them.
    public static let served: [ResourceType] = known.filter { typesByKind[$0.kind] != nil }

    /// Resolves what a learner typed (`po`, `pods`, `Pod`, `deployment.apps`, `deploy`).
    public static func lookup(_ name: String) -> ResourceType? {
        let n = name.lowercased()
        for r in served {
            if n == r.plural || n == r.singular || r.shortNames.contains(n) || n == r.kind.lowercased() { return r }
            if !r.group.isEmpty && (n == "\(r.plural).\(r.group)" || n == "\(r.singular).\(r.group)"
                || n == "\(r.plural).\(r.version).\(r.group)" || n == "\(r.singular).\(r.version).\(r.group)") { return r }
        }
        return nil
    }

    /// Resolves `apiVersion` + `kind` from a manifest.
    public static func lookup(apiVersion: String, kind: String) -> ResourceType? {
        served.first { $0.apiVersion == apiVersion && $0.kind == kind }
    }

    /// The Swift type that holds objects of this resource.
    public var objectType: any APIObject.Type { ResourceType.typesByKind[kind]! }
}

/// An API object: the typed form the cluster and controllers work with.
public protocol APIObject: Codable, Sendable, Hashable {
    static var resource: ResourceType { get }
    var apiVersion: String? { get set }
    var kind: String? { get set }
    var metadata: ObjectMeta { get set }
    /// Whether `spec` (the desired state) is the same; a change bumps metadata.generation.
    func specEquals(_ other: any APIObject) -> Bool
}

extension APIObject {
    public var name: String { metadata.name ?? "" }
    public var namespace: String { metadata.namespace ?? "" }
    public var resource: ResourceType { Self.resource }

    public func isEqual(_ other: any APIObject) -> Bool {
        guard let o = other as? Self else { return false }
        return self == o
    }

    public func specEquals(_ other: any APIObject) -> Bool { toJSON()["spec"] == other.toJSON()["spec"] }

    /// The untyped form, with apiVersion and kind filled in as the apiserver returns them.
    public func toJSON() -> JSONValue {
        var v = (try? JSONBridge.encode(self)) ?? .object([:])
        v["apiVersion"] = .string(Self.resource.apiVersion)
        v["kind"] = .string(Self.resource.kind)
        return v
    }
}

/// Why a manifest could not be turned into an object, in the apiserver's words.
public struct DecodeError: Error, Sendable, Equatable {
    public let message: String
}

extension ResourceType {
    /// Strict decoding as the apiserver does with `fieldValidation=Strict` (kubectl's default):
    /// unknown fields are an error naming every offending path.
    public func decode(_ value: JSONValue) throws -> any APIObject {
        var input = value
        if input["metadata"] == nil || input["metadata"]!.isNull { input["metadata"] = .object([:]) }
        let prefix = "\(kind) in version \"\(version)\" cannot be handled as a \(kind): "
        let object: any APIObject
        do {
            object = try JSONBridge.decode(objectType, from: input)
        } catch let e as DecodingError {
            throw DecodeError(message: prefix + StrictDecoding.describe(e, kind: kind))
        }
        let unknown = StrictDecoding.unknownFields(input: input, decoded: (try? JSONBridge.encode(object)) ?? .null, path: "")
        if !unknown.isEmpty {
            throw DecodeError(message: prefix + "strict decoding error: " + unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", "))
        }
        return object
    }
}

enum StrictDecoding {
    /// Paths present in the input that the typed object dropped: the fields it doesn't know.
    static func unknownFields(input: JSONValue, decoded: JSONValue, path: String) -> [String] {
        switch (input, decoded) {
        case (.object(let i), .object(let d)):
            var out: [String] = []
            for k in i.keys.sorted() {
                let p = path.isEmpty ? k : "\(path).\(k)"
                guard let dv = d[k] else {
                    if !(i[k]!.isNull) { out.append(p) }
                    continue
                }
                out += unknownFields(input: i[k]!, decoded: dv, path: p)
            }
            return out
        case (.array(let i), .array(let d)):
            var out: [String] = []
            for (n, item) in i.enumerated() where n < d.count {
                out += unknownFields(input: item, decoded: d[n], path: "\(path)[\(n)]")
            }
            return out
        default:
            return []
        }
    }

    /// encoding/json's wording for a type mismatch: `json: cannot unmarshal string into Go
    /// struct field DeploymentSpec.spec.replicas of type int32`.
    static func describe(_ e: DecodingError, kind: String) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            var s = ""
            for k in ctx.codingPath {
                if let i = k.intValue { s += "[\(i)]" } else { s += s.isEmpty ? k.stringValue : ".\(k.stringValue)" }
            }
            return s
        }
        switch e {
        case .typeMismatch(let t, let ctx):
            let goType: String
            switch t {
            case is Int.Type: goType = "int32"
            case is String.Type: goType = "string"
            case is Bool.Type: goType = "bool"
            case is [Any].Type: goType = "[]"
            default: goType = "object"
            }
            let p = path(ctx)
            let found: String = ctx.debugDescription.contains("string") ? "string" :
                ctx.debugDescription.contains("number") ? "number" : ctx.debugDescription.contains("array") ? "array" :
                ctx.debugDescription.contains("bool") ? "bool" : "object"
            return "json: cannot unmarshal \(found) into Go struct field \(kind).\(p) of type \(goType)"
        case .keyNotFound(let k, let ctx):
            let p = path(ctx)
            return "json: missing required field \"\(p.isEmpty ? k.stringValue : p + "." + k.stringValue)\""
        case .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return ctx.debugDescription
        @unknown default:
            return "\(e)"
        }
    }
}
