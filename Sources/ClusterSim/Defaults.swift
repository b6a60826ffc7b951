import KubeAPI

/// The apiserver's defaulting (pkg/apis/*/v1/defaults.go): what `-o yaml` shows that the
/// manifest never said.
enum Defaults {
    static func apply(to obj: inout any APIObject) {
        switch obj {
        case var p as Pod:
            if var spec = p.spec { podSpec(&spec, isPod: true); p.spec = spec }
            obj = p
        case var rs as ReplicaSet:
            var spec = rs.spec ?? ReplicaSetSpec()
            if spec.replicas == nil { spec.replicas = 1 }
            if spec.minReadySeconds == nil { spec.minReadySeconds = nil }
            template(&spec.template)
            rs.spec = spec
            obj = rs
        case var d as Deployment:
            var spec = d.spec ?? DeploymentSpec()
            if spec.replicas == nil { spec.replicas = 1 }
            var strategy = spec.strategy ?? DeploymentStrategy()
            if strategy.type == nil { strategy.type = "RollingUpdate" }
            if strategy.type == "RollingUpdate" {
                var ru = strategy.rollingUpdate ?? RollingUpdateDeployment()
                if ru.maxSurge == nil { ru.maxSurge = .string("25%") }
                if ru.maxUnavailable == nil { ru.maxUnavailable = .string("25%") }
                strategy.rollingUpdate = ru
            }
            spec.strategy = strategy
            if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
            if spec.progressDeadlineSeconds == nil { spec.progressDeadlineSeconds = 600 }
            template(&spec.template)
            d.spec = spec
            obj = d
        case var n as Namespace:
            if n.spec == nil { var s = NamespaceSpec(); s.finalizers = ["kubernetes"]; n.spec = s }
            if n.status == nil { var s = NamespaceStatus(); s.phase = "Active"; n.status = s }
            var labels = n.metadata.labels ?? [:]
            labels["kubernetes.io/metadata.name"] = n.name
            n.metadata.labels = labels
            obj = n
        default:
            Cluster.strategy(obj.resource)?.defaultsAny(&obj)
        }
    }

    static func template(_ t: inout PodTemplateSpec?) {
        guard var tmpl = t else { return }
        if var spec = tmpl.spec { podSpec(&spec, isPod: false); tmpl.spec = spec }
        if tmpl.metadata == nil { tmpl.metadata = ObjectMeta() }
        t = tmpl
    }

    static func podSpec(_ spec: inout PodSpec, isPod: Bool) {
        if spec.restartPolicy == nil { spec.restartPolicy = "Always" }
        if spec.dnsPolicy == nil { spec.dnsPolicy = "ClusterFirst" }
        if spec.schedulerName == nil { spec.schedulerName = "default-scheduler" }
        if spec.terminationGracePeriodSeconds == nil { spec.terminationGracePeriodSeconds = 30 }
        if spec.securityContext == nil { spec.securityContext = .object([:]) }
        if isPod {
            if spec.enableServiceLinks == nil { spec.enableServiceLinks = true }
            if spec.preemptionPolicy == nil { spec.preemptionPolicy = "PreemptLowerPriority" }
        }
        let containers = spec.containers.map(container)
        if containers != spec.containers { spec.containers = containers }
        if let inits = spec.initContainers {
            let defaulted = inits.map(container)
            if defaulted != inits { spec.initContainers = defaulted }
        }
    }

    static func container(_ c: Container) -> Container {
        var c = c
        if c.imagePullPolicy == nil {
            c.imagePullPolicy = pullPolicy(for: c.image ?? "")
        }
        if c.terminationMessagePath == nil { c.terminationMessagePath = "/dev/termination-log" }
        if c.terminationMessagePolicy == nil { c.terminationMessagePolicy = "File" }
        if c.resources == nil { c.resources = ResourceRequirements() }
        // Assign only what changes: a template's containers are already defaulted, and a
        // write would copy the container for nothing.
        if let ports = c.ports, ports.contains(where: { $0.protocol == nil }) {
            c.ports = ports.map { p in var p = p; if p.protocol == nil { p.protocol = "TCP" }; return p }
        }
        if let p = c.livenessProbe, probe(p) != p { c.livenessProbe = probe(p) }
        if let p = c.readinessProbe, probe(p) != p { c.readinessProbe = probe(p) }
        if let p = c.startupProbe, probe(p) != p { c.startupProbe = probe(p) }
        return c
    }

    /// `Always` for `:latest` or an untagged image without digest, else `IfNotPresent`.
    static func pullPolicy(for image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let last = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = last.lastIndex(of: ":") else { return "Always" }
        return last[last.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    static func probe(_ p: Probe) -> Probe {
        var p = p
        if p.timeoutSeconds == nil { p.timeoutSeconds = 1 }
        if p.periodSeconds == nil { p.periodSeconds = 10 }
        if p.successThreshold == nil { p.successThreshold = 1 }
        if p.failureThreshold == nil { p.failureThreshold = 3 }
        if var h = p.httpGet, h.scheme == nil { h.scheme = "HTTP"; if h.path == nil { h.path = "/" }; p.httpGet = h }
        return p
    }
}

/// Admission plugins that touch every new pod (ServiceAccount, DefaultTolerationSeconds,
/// Priority), plus the status a freshly created pod starts with.
enum Admission {
    /// The projected service account token volume: the same for every pod, so built once
    /// and shared.
    static let serviceAccountVolume: JSONValue = [
        "defaultMode": 420,
        "sources": [
            ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
            ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
            ["downwardAPI": ["items": [["fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"], "path": "namespace"]]]],
        ],
    ]

    static func admit(_ obj: inout any APIObject, cluster: Cluster) {
        guard var pod = obj as? Pod, var spec = pod.spec else { return }
        if spec.serviceAccountName == nil { spec.serviceAccountName = "default" }
        spec.serviceAccount = spec.serviceAccountName
        if spec.automountServiceAccountToken != false,
           !(spec.volumes ?? []).contains(where: { $0.name.hasPrefix("kube-api-access-") }) {
            let name = "kube-api-access-" + cluster.random.nameSuffix()
            var v = Volume(name: name)
            v.projected = serviceAccountVolume
            spec.volumes = (spec.volumes ?? []) + [v]
            spec.containers = spec.containers.map { c in
                var c = c
                c.volumeMounts = (c.volumeMounts ?? []) + [VolumeMount(name: name, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true)]
                return c
            }
        }
        var tolerations = spec.tolerations ?? []
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !tolerations.contains(where: { $0.key == key && ($0.effect ?? "NoExecute") == "NoExecute" }) {
            tolerations.append(Toleration(key: key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300))
        }
        spec.tolerations = tolerations
        if spec.priority == nil { spec.priority = 0 }
        pod.spec = spec
        var status = PodStatus()
        status.phase = "Pending"
        status.qosClass = qosClass(spec)
        pod.status = status
        obj = pod
    }

    static func qosClass(_ spec: PodSpec) -> String {
        var any = false, guaranteed = true
        for c in spec.containers {
            let req = c.resources?.requests ?? [:], lim = c.resources?.limits ?? [:]
            if !req.isEmpty || !lim.isEmpty { any = true }
            for r in ["cpu", "memory"] {
                guard let l = lim[r] else { guaranteed = false; continue }
                if let q = req[r], q != l { guaranteed = false }
            }
        }
        if !any { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
