import KubeAPI

/// The strategic-merge metadata of one field: the Go struct tags `patchStrategy` (split on
/// commas, e.g. `["merge", "retainKeys"]`) and `patchMergeKey`.
public struct PatchFieldMeta: Equatable, Sendable, CustomStringConvertible {
    public var strategies: [String]
    public var mergeKey: String

    public init(_ strategies: [String] = [], mergeKey: String = "") {
        self.strategies = strategies
        self.mergeKey = mergeKey
    }

    public static let none = PatchFieldMeta()

    public var description: String {
        var s = strategies.isEmpty ? "replace(default)" : strategies.joined(separator: ",")
        if !mergeKey.isEmpty { s += " key=\(mergeKey)" }
        return s
    }
}

/// The part of the core/v1, apps/v1, batch/v1 and policy/v1 Go types that strategic merge
/// patch cares about: which fields carry `patchStrategy`/`patchMergeKey` tags, and the
/// struct types reachable through them. Everything not listed has no tags, which means:
/// maps merge key by key, lists are replaced wholesale (e.g. `tolerations`, `args`,
/// `volumeClaimTemplates`, `envFrom`, `readinessGates`), scalars are replaced.
///
/// Upstream looks fields up in the Go structs (server) or the OpenAPI schema (kubectl) and
/// fails on a field the type does not have; here an unknown field simply has no tags —
/// such fields are dropped or rejected when the apiserver decodes the result anyway.
///
/// Tags transcribed from k8s.io/api v0.32 (`types.go` of each group):
/// * ObjectMeta: `finalizers` merge (list of strings), `ownerReferences` merge by `uid`.
/// * PodSpec: `volumes` merge,retainKeys by `name`; `initContainers`, `containers`,
///   `ephemeralContainers` merge by `name`; `imagePullSecrets` merge by `name`; `hostAliases`
///   merge by `ip`; `topologySpreadConstraints` merge by `topologyKey`; `schedulingGates`
///   merge by `name`; `resourceClaims` merge,retainKeys by `name`.
/// * Container / EphemeralContainer: `ports` merge by `containerPort`, `env` merge by `name`,
///   `volumeMounts` merge by `mountPath`, `volumeDevices` merge by `devicePath`.
/// * PodStatus: `conditions` merge by `type`, `podIPs`/`hostIPs` merge by `ip`,
///   `resourceClaimStatuses` merge,retainKeys by `name`.
/// * DeploymentSpec: `strategy` retainKeys.
/// * ServiceSpec: `ports` merge by `port`. ServiceStatus: `conditions` merge by `type`.
/// * NodeSpec: `podCIDRs` merge. NodeStatus: `conditions`, `addresses` merge by `type`.
/// * ServiceAccount: `secrets` merge by `name`.
/// * The status `conditions` of Deployment, ReplicaSet, StatefulSet, DaemonSet,
///   ReplicationController, Job, Namespace, PersistentVolumeClaim, PodDisruptionBudget:
///   merge by `type`.
public enum StrategicMergeSchema {

    /// One struct field: its tags and, for objects/lists of objects, the struct type of the
    /// value (of the elements, for lists).
    public struct Field: Equatable, Sendable {
        public var meta: PatchFieldMeta
        public var type: String?
        public init(_ meta: PatchFieldMeta = .none, type: String? = nil) {
            self.meta = meta
            self.type = type
        }
    }

    private static func merge(_ key: String = "", _ type: String? = nil) -> Field {
        Field(PatchFieldMeta(["merge"], mergeKey: key), type: type)
    }
    private static func mergeRetain(_ key: String, _ type: String? = nil) -> Field {
        Field(PatchFieldMeta(["merge", "retainKeys"], mergeKey: key), type: type)
    }
    private static func plain(_ type: String) -> Field { Field(.none, type: type) }

    /// Struct types by name → their tagged (or type-carrying) fields.
    public static let types: [String: [String: Field]] = {
        var t: [String: [String: Field]] = [:]
        t["ObjectMeta"] = [
            "finalizers": merge(),
            "ownerReferences": merge("uid"),
        ]
        t["Container"] = [
            "ports": merge("containerPort"),
            "env": merge("name"),
            "volumeMounts": merge("mountPath"),
            "volumeDevices": merge("devicePath"),
        ]
        t["PodSpec"] = [
            "volumes": mergeRetain("name"),
            "initContainers": merge("name", "Container"),
            "containers": merge("name", "Container"),
            "ephemeralContainers": merge("name", "Container"),
            "imagePullSecrets": merge("name"),
            "hostAliases": merge("ip"),
            "topologySpreadConstraints": merge("topologyKey"),
            "schedulingGates": merge("name"),
            "resourceClaims": mergeRetain("name"),
        ]
        t["PodStatus"] = [
            "conditions": merge("type"),
            "podIPs": merge("ip"),
            "hostIPs": merge("ip"),
            "resourceClaimStatuses": mergeRetain("name"),
        ]
        t["PodTemplateSpec"] = ["metadata": plain("ObjectMeta"), "spec": plain("PodSpec")]
        t["ConditionsStatus"] = ["conditions": merge("type")]

        func object(_ fields: [String: Field]) -> [String: Field] {
            var f = fields
            f["metadata"] = plain("ObjectMeta")
            return f
        }
        t["Pod"] = object(["spec": plain("PodSpec"), "status": plain("PodStatus")])
        t["PodTemplate"] = object(["template": plain("PodTemplateSpec")])
        t["TemplateSpec"] = ["template": plain("PodTemplateSpec")]
        t["DeploymentSpec"] = [
            "template": plain("PodTemplateSpec"),
            "strategy": Field(PatchFieldMeta(["retainKeys"])),
        ]
        t["StatefulSetSpec"] = [
            "template": plain("PodTemplateSpec"),
            // No tags: the whole list is replaced.
            "volumeClaimTemplates": Field(.none, type: "PersistentVolumeClaim"),
        ]
        t["JobTemplateSpec"] = ["metadata": plain("ObjectMeta"), "spec": plain("TemplateSpec")]
        t["CronJobSpec"] = ["jobTemplate": plain("JobTemplateSpec")]
        t["ServiceSpec"] = ["ports": merge("port")]
        t["NodeSpec"] = ["podCIDRs": merge()]
        t["NodeStatus"] = ["conditions": merge("type"), "addresses": merge("type")]

        t["Deployment"] = object(["spec": plain("DeploymentSpec"), "status": plain("ConditionsStatus")])
        t["ReplicaSet"] = object(["spec": plain("TemplateSpec"), "status": plain("ConditionsStatus")])
        t["ReplicationController"] = object(["spec": plain("TemplateSpec"), "status": plain("ConditionsStatus")])
        t["StatefulSet"] = object(["spec": plain("StatefulSetSpec"), "status": plain("ConditionsStatus")])
        t["DaemonSet"] = object(["spec": plain("TemplateSpec"), "status": plain("ConditionsStatus")])
        t["Job"] = object(["spec": plain("TemplateSpec"), "status": plain("ConditionsStatus")])
        t["CronJob"] = object(["spec": plain("CronJobSpec")])
        t["Service"] = object(["spec": plain("ServiceSpec"), "status": plain("ConditionsStatus")])
        t["Node"] = object(["spec": plain("NodeSpec"), "status": plain("NodeStatus")])
        t["Namespace"] = object(["status": plain("ConditionsStatus")])
        t["PersistentVolumeClaim"] = object(["status": plain("ConditionsStatus")])
        t["PodDisruptionBudget"] = object(["status": plain("ConditionsStatus")])
        t["ServiceAccount"] = object(["secrets": merge("name")])
        t["Object"] = object([:])
        return t
    }()

    /// Kinds whose root struct has tagged fields below it.
    public static let kinds: Set<String> = [
        "Pod", "PodTemplate", "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet",
        "DaemonSet", "Job", "CronJob", "Service", "Node", "Namespace", "PersistentVolumeClaim",
        "PodDisruptionBudget", "ServiceAccount",
    ]

    /// The struct type at the root of an object of this kind (`Object` — metadata only — for
    /// the other kinds, e.g. ConfigMap, Secret, Ingress, Role).
    public static func rootType(forKind kind: String) -> String {
        kinds.contains(kind) ? kind : "Object"
    }

    /// Looks up `key` inside struct type `type` (nil type = unknown: no tags anywhere below).
    static func lookup(_ type: String?, _ key: String) -> (type: String?, meta: PatchFieldMeta) {
        guard let type, let f = types[type]?[key] else { return (nil, .none) }
        return (f.type, f.meta)
    }

    /// The schema flattened into JSON path patterns for one kind, `[]` marking "every element
    /// of the list": e.g. for a Deployment
    /// `spec.template.spec.containers` → merge key=name,
    /// `spec.template.spec.containers[].ports` → merge key=containerPort,
    /// `spec.strategy` → retainKeys. Only tagged fields are listed.
    public static func table(forKind kind: String) -> [(path: String, meta: PatchFieldMeta)] {
        var out: [(String, PatchFieldMeta)] = []
        func walk(_ type: String, _ prefix: String, _ depth: Int) {
            guard depth < 12, let fields = types[type] else { return }
            for name in fields.keys.sorted() {
                let f = fields[name]!
                let path = prefix.isEmpty ? name : prefix + "." + name
                if !f.meta.strategies.isEmpty { out.append((path, f.meta)) }
                if let child = f.type {
                    let isList = !f.meta.mergeKey.isEmpty || child == "PersistentVolumeClaim"
                    walk(child, isList ? path + "[]" : path, depth + 1)
                }
            }
        }
        walk(rootType(forKind: kind), "", 0)
        return out
    }
}
