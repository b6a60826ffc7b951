import KubeAPI
import ClusterSim

// `kubectl expose` (k8s.io/kubectl/pkg/cmd/expose) and `kubectl port-forward`.

enum ExposeCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("port"), FlagSpec("target-port"), FlagSpec("type"), FlagSpec("name"), FlagSpec("protocol"),
        FlagSpec("selector"), FlagSpec("labels", "l"), FlagSpec("cluster-ip"), FlagSpec("external-ip"),
        FlagSpec("session-affinity"), FlagSpec("load-balancer-ip"), FlagSpec("filename", "f"), FlagSpec("dry-run"),
        FlagSpec("output", "o"), FlagSpec("overrides"), FlagSpec("override-type"), FlagSpec("record", value: false),
        FlagSpec("recursive", "R", value: false), FlagSpec("save-config", value: false), FlagSpec("field-manager"),
        FlagSpec("template"), FlagSpec("show-managed-fields", value: false), FlagSpec("allow-missing-template-keys", value: false),
    ]

    static let portForwardFlags: [FlagSpec] = [
        FlagSpec("address"), FlagSpec("pod-running-timeout"),
    ]
}

extension Kubectl {
    func expose(_ inv: inout Invocation) throws {
        let f = inv.flags
        let objects = try targets(f.positionals, inv)
        guard objects.count == 1, let obj = objects.first else {
            throw KubectlError("expose only handles one resource at a time")
        }
        // canbeexposed: only these kinds have a selector to reuse.
        guard ["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"].contains(obj.resource.kind) else {
            let gk = obj.resource.group.isEmpty ? obj.resource.kind : "\(obj.resource.kind).\(obj.resource.group)"
            throw KubectlError("cannot expose a \(gk)")
        }
        // The selector: --selector, else the object's own (mapbasedselectorforobject).
        var selector: [String: String]
        if let s = f.string("selector") {
            selector = try Kubectl.parseLabelMap(s, flag: "selector")
        } else {
            switch obj {
            case let p as Pod:
                guard let l = p.metadata.labels, !l.isEmpty else {
                    throw UsageError(message: "couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed", command: "expose")
                }
                selector = l
            case let s as Service:
                guard let sel = s.spec?.selector, !sel.isEmpty else {
                    throw UsageError(message: "couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set", command: "expose")
                }
                selector = sel
            case let d as Deployment: selector = try Kubectl.mapSelector(d.spec?.selector)
            case let rs as ReplicaSet: selector = try Kubectl.mapSelector(rs.spec?.selector)
            default: selector = [:]
            }
        }
        // Ports: --port, else the containers' (or the service's) ports.
        var ports: [(port: Int, proto: String?, target: IntOrString?)] = []
        if let p = f.string("port") {
            for piece in p.split(separator: ",").map(String.init) {
                guard let n = Int(piece) else {
                    throw KubectlError("strconv.Atoi: parsing \"\(piece)\": invalid syntax")
                }
                ports.append((n, nil, nil))
            }
        } else {
            switch obj {
            case let s as Service:
                ports = (s.spec?.ports ?? []).map { ($0.port, $0.protocol, nil) }
            default:
                for c in podSpec(forExpose: obj)?.containers ?? [] {
                    for cp in c.ports ?? [] { if let n = cp.containerPort { ports.append((n, cp.protocol, nil)) } }
                }
            }
        }
        if ports.isEmpty {
            throw UsageError(message: "couldn't find port via --port flag or introspection", command: "expose")
        }
        let name = f.string("name") ?? obj.name
        var meta = ObjectMeta(name: name, namespace: inv.namespace)
        if let l = f.string("labels") {
            meta.labels = try Kubectl.parseLabelMap(l, flag: "labels")
        } else {
            meta.labels = obj.metadata.labels
        }
        var spec = ServiceSpec()
        spec.selector = selector
        spec.ports = ports.enumerated().map { i, p in
            var sp = ServicePort(port: p.port)
            if ports.count > 1 { sp.name = "port-\(i + 1)" }
            sp.protocol = f.string("protocol") ?? p.proto ?? "TCP"
            if let t = f.string("target-port") {
                sp.targetPort = Int(t).map { IntOrString.int($0) } ?? .string(t)
            } else {
                sp.targetPort = .int(p.port)
            }
            return sp
        }
        if let t = f.string("type"), !t.isEmpty { spec.type = t }
        if let ip = f.string("cluster-ip"), !ip.isEmpty { spec.clusterIP = ip }
        if let e = f.string("external-ip"), !e.isEmpty { spec.externalIPs = e.split(separator: ",").map(String.init) }
        if let a = f.string("session-affinity"), !a.isEmpty { spec.sessionAffinity = a }
        if let lb = f.string("load-balancer-ip"), !lb.isEmpty { spec.loadBalancerIP = lb }
        let svc = Service(metadata: meta, spec: spec)
        let dryRun = f.string("dry-run")
        if let d = dryRun, !["client", "server", "none"].contains(d) {
            throw KubectlError("Invalid dry-run value (\(d)). Must be \"none\", \"server\", or \"client\".")
        }
        let suffix: String
        switch dryRun {
        case "client":
            if try printClientService(svc, &inv) { return }
            suffix = " (dry run)"
        case "server":
            try cluster.create(svc, namespace: inv.namespace, dryRun: true)
            suffix = " (server dry run)"
        default:
            try cluster.create(svc, namespace: inv.namespace)
            suffix = ""
        }
        if f.string("output") == "name" {
            inv.out.out("service/\(name)\n")
        } else {
            inv.out.out("service/\(name) exposed\(suffix)\n")
        }
    }

    private func podSpec(forExpose obj: any APIObject) -> PodSpec? {
        switch obj {
        case let p as Pod: return p.spec
        case let d as Deployment: return d.spec?.template?.spec
        case let rs as ReplicaSet: return rs.spec?.template?.spec
        default: return nil
        }
    }

    /// A label selector as the map a Service takes; expressions can't be expressed.
    static func mapSelector(_ s: LabelSelector?) throws -> [String: String] {
        if let exprs = s?.matchExpressions, !exprs.isEmpty {
            throw KubectlError("couldn't convert expressions - \"\(Service.goExpressions(exprs))\" to map: unable to convert selector to map")
        }
        return s?.matchLabels ?? [:]
    }

    /// `k=v,k2=v2` (expose's --selector and --labels).
    static func parseLabelMap(_ s: String, flag: String) throws -> [String: String] {
        var m: [String: String] = [:]
        for part in s.split(separator: ",").map(String.init) {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw KubectlError("invalid label spec: \(part)") }
            m[kv[0]] = kv[1]
        }
        return m
    }

    // MARK: port-forward

    /// Prints the listeners kubectl opens and returns: the simulated foreground ends at once.
    func portForward(_ inv: inout Invocation) throws {
        let args = inv.flags.positionals
        guard let target = args.first else {
            throw UsageError(message: "TYPE/NAME and list of ports are required for port-forward", command: "port-forward")
        }
        let specs = Array(args.dropFirst())
        if specs.isEmpty {
            throw UsageError(message: "TYPE/NAME and list of ports are required for port-forward", command: "port-forward")
        }
        let (type, name): (ResourceType, String)
        if let slash = target.firstIndex(of: "/") {
            let t = String(target[..<slash])
            guard let r = ResourceType.lookup(t) else { throw KubectlError("the server doesn't have a resource type \"\(t)\"") }
            (type, name) = (r, String(target[target.index(after: slash)...]))
        } else {
            (type, name) = (.pods, target)
        }
        let obj = try cluster.get(type, namespace: inv.namespace, name: name)
        // The pod that receives the connections, and the service (if any) that maps ports.
        var service: Service?
        let pod: Pod?
        switch obj {
        case let p as Pod: pod = p
        case let s as Service:
            service = s
            guard let sel = s.spec?.selector, !sel.isEmpty else {
                throw KubectlError("cannot attach to *v1.Service: invalid service '\(s.name)': Service is defined without a selector")
            }
            pod = cluster.list(.pods, namespace: inv.namespace).compactMap { $0 as? Pod }
                .first { p in (s.spec?.selector).map { sel in sel.allSatisfy { p.metadata.labels?[$0.key] == $0.value } } ?? false }
        case let d as Deployment:
            pod = cluster.list(.pods, namespace: inv.namespace).compactMap { $0 as? Pod }.first { d.spec?.selector?.matches($0.metadata.labels) ?? false }
        case let rs as ReplicaSet:
            pod = cluster.list(.pods, namespace: inv.namespace).compactMap { $0 as? Pod }.first { rs.spec?.selector?.matches($0.metadata.labels) ?? false }
        default:
            throw KubectlError("cannot attach to \(obj.resource.kind): selector for \(obj.resource.kind) not implemented")
        }
        guard let pod else { throw KubectlError("timed out waiting for the condition") }
        var mappings: [(local: String, remote: Int)] = []
        for spec in specs {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let remoteText = parts.last ?? ""
            let localText = parts.count == 2 ? parts[0] : remoteText
            guard let remote = Int(remoteText), (1...65535).contains(remote) else {
                throw KubectlError("Error parsing remote port '\(remoteText)': strconv.ParseUint: parsing \"\(remoteText)\": invalid syntax")
            }
            var target = remote
            if let s = service {
                guard let sp = s.spec?.ports?.first(where: { $0.port == remote }) else {
                    throw KubectlError("Service \(s.name) does not have a service port \(remote)")
                }
                switch sp.targetPort {
                case .int(let n)?: target = n
                case .string(let n)?:
                    let found = pod.spec?.containers.flatMap { $0.ports ?? [] }.first { $0.name == n }?.containerPort
                    guard let found else { throw KubectlError("Pod '\(pod.name)' does not have a named port '\(n)'") }
                    target = found
                case nil: target = sp.port
                }
            }
            mappings.append((localText.isEmpty ? String(32768 + cluster.random.int(0..<28000)) : localText, target))
        }
        if pod.status?.phase != "Running" {
            throw KubectlError("unable to forward port because pod is not running. Current status=\(pod.status?.phase ?? "Pending")")
        }
        for m in mappings {
            inv.out.out("Forwarding from 127.0.0.1:\(m.local) -> \(m.remote)\n")
            inv.out.out("Forwarding from [::1]:\(m.local) -> \(m.remote)\n")
        }
    }
}

extension Service {
    /// Go's %v of a []LabelSelectorRequirement, as expose's error quotes it.
    static func goExpressions(_ exprs: [LabelSelectorRequirement]) -> String {
        "[" + exprs.map { "{\($0.key) \($0.operator) [\(($0.values ?? []).joined(separator: " "))]}" }.joined(separator: " ") + "]"
    }
}
