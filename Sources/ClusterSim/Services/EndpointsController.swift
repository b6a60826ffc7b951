import KubeAPI

/// What both endpoint controllers derive from a Service and the pods it selects.
struct ServiceBackends {
    struct Backend {
        let pod: Pod
        let ip: String
        let ready: Bool
        let terminating: Bool
        /// Set when the pod's hostname+subdomain make it addressable under the service.
        let hostname: String?
        /// The service port name → the pod's port, for the ports this pod can serve.
        let ports: [Int: Int]
    }

    let service: Service
    let backends: [Backend]

    /// The pods of a selector-bearing service that belong in its endpoints, in name order.
    init?(_ svc: Service, in cluster: Cluster) {
        guard let selector = svc.spec?.selector, !selector.isEmpty, svc.serviceType != "ExternalName" else { return nil }
        service = svc
        let publishNotReady = svc.spec?.publishNotReadyAddresses == true
        var list: [Backend] = []
        let query = LabelQuery.fromMap(selector)
        for pod in cluster.store.list(Pod.self, namespace: svc.namespace) {
            guard query.matches(pod.metadata.labels),
                  let ip = pod.status?.podIP, !ip.isEmpty,
                  pod.phase != "Succeeded", pod.phase != "Failed" else { continue }
            let terminating = pod.metadata.deletionTimestamp != nil
            if terminating && !publishNotReady { continue }
            var hostname: String?
            if let h = pod.spec?.hostname, !h.isEmpty, pod.spec?.subdomain == svc.name { hostname = h }
            var ports: [Int: Int] = [:]
            for (i, sp) in (svc.spec?.ports ?? []).enumerated() {
                if let p = ServiceBackends.resolve(sp, in: pod) { ports[i] = p }
            }
            list.append(Backend(pod: pod, ip: ip, ready: publishNotReady || pod.isReady, terminating: terminating,
                                hostname: hostname, ports: ports))
        }
        backends = list
    }

    /// podutil.FindPort: a number is used as is, a name is looked up in the containers' ports.
    static func resolve(_ sp: ServicePort, in pod: Pod) -> Int? {
        switch sp.targetPort ?? .int(sp.port) {
        case .int(let n): return n
        case .string(let name):
            if let n = Int(name) { return n }
            let proto = sp.protocol ?? "TCP"
            for c in pod.spec?.containers ?? [] {
                for p in c.ports ?? [] where p.name == name && (p.protocol ?? "TCP") == proto { return p.containerPort }
            }
            return nil
        }
    }

    static func targetRef(_ pod: Pod) -> ObjectReference {
        var r = ObjectReference()
        r.kind = "Pod"
        r.namespace = pod.namespace
        r.name = pod.name
        r.uid = pod.metadata.uid
        return r
    }

    /// Labels both the Endpoints and the EndpointSlices carry: the service's, plus the headless marker.
    var labels: [String: String] {
        var l = service.metadata.labels ?? [:]
        if service.isHeadless { l["service.kubernetes.io/headless"] = "" }
        return l
    }
}

extension LabelQuery {
    static func fromMap(_ m: [String: String]) -> LabelQuery {
        LabelQuery(requirements: m.sorted { $0.key < $1.key }.map { .equals($0.key, $0.value) })
    }
}

/// The services whose endpoints a change concerns: a changed Service itself, or those whose
/// selector matched a pod before or after its change. (Both endpoint controllers ask.)
func serviceKeys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
    if let svc = change.object as? Service {
        cluster.serviceSelectorCache[svc.namespace] = nil
        return [ObjectStore.key(svc.namespace, svc.name)]
    }
    guard let pod = change.object as? Pod else { return [] }
    let oldLabels = change.old?.metadata.labels
    return cluster.serviceSelectors(in: pod.namespace).filter { _, q in
        q.matches(pod.metadata.labels) || (change.old != nil && q.matches(oldLabels))
    }.map(\.key)
}

extension Cluster {
    /// The selector-bearing services of a namespace, kept between changes to Services: every
    /// pod change asks for them, twice (Endpoints and EndpointSlices).
    func serviceSelectors(in namespace: String) -> [(key: String, query: LabelQuery)] {
        if let known = serviceSelectorCache[namespace] { return known }
        let found = store.list(Service.self, namespace: namespace).compactMap { svc -> (key: String, query: LabelQuery)? in
            guard let sel = svc.spec?.selector, !sel.isEmpty else { return nil }
            return (ObjectStore.key(svc.namespace, svc.name), LabelQuery.fromMap(sel))
        }
        serviceSelectorCache[namespace] = found
        return found
    }
}

/// endpoint-controller: one Endpoints object per selector-bearing Service, named after it,
/// listing ready pods under `addresses` and the others under `notReadyAddresses`.
final class EndpointsController: Controller {
    let watchedKinds: Set<String>? = ["Service", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] { serviceKeys(for: change, in: cluster) }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        let (ns, name) = (parts[0], parts[1])
        guard let svc = cluster.store.get(Service.self, namespace: ns, name: name) else {
            // The service is gone: so are its endpoints.
            if cluster.store.get(Endpoints.self, namespace: ns, name: name) != nil {
                _ = try? cluster.delete(.endpoints, namespace: ns, name: name)
            }
            return
        }
        guard let backends = ServiceBackends(svc, in: cluster) else { return }
        let subsets = EndpointsController.subsets(backends)
        let current = cluster.store.get(Endpoints.self, namespace: ns, name: name)
        if let cur = current, cur.subsets == subsets, cur.metadata.labels == nilIfEmpty(backends.labels) { return }
        var meta = current?.metadata ?? ObjectMeta(name: name, namespace: ns)
        meta.labels = nilIfEmpty(backends.labels)
        var ann = meta.annotations ?? [:]
        ann["endpoints.kubernetes.io/last-change-trigger-time"] = Time(seconds: cluster.now.rounded(.down)).rfc3339
        meta.annotations = ann
        var ep = Endpoints(metadata: meta)
        ep.subsets = subsets
        if current == nil {
            _ = try? cluster.create(ep, namespace: ns)
        } else {
            cluster.write(ep)
        }
    }

    private func nilIfEmpty(_ m: [String: String]) -> [String: String]? { m.isEmpty ? nil : m }

    /// Groups addresses by the ports they serve, as endpoints.RepackSubsets does; addresses
    /// sorted by IP (as strings, like the controller's byte comparison).
    static func subsets(_ b: ServiceBackends) -> [EndpointSubset]? {
        let svcPorts = b.service.spec?.ports ?? []
        var groups: [[EndpointPort]: (ready: [EndpointAddress], notReady: [EndpointAddress])] = [:]
        var order: [[EndpointPort]] = []
        for be in b.backends {
            var ports: [EndpointPort] = []
            for (i, sp) in svcPorts.enumerated() {
                guard let p = be.ports[i] else { continue }
                var ep = EndpointPort(port: p)
                ep.name = sp.name
                ep.protocol = sp.protocol ?? "TCP"
                ep.appProtocol = sp.appProtocol
                ports.append(ep)
            }
            // A service with ports but none this pod can serve: the pod is left out.
            if ports.isEmpty && !svcPorts.isEmpty { continue }
            var a = EndpointAddress(ip: be.ip)
            a.hostname = be.hostname
            a.nodeName = be.pod.spec?.nodeName
            a.targetRef = ServiceBackends.targetRef(be.pod)
            if groups[ports] == nil { groups[ports] = ([], []); order.append(ports) }
            if be.ready { groups[ports]!.ready.append(a) } else { groups[ports]!.notReady.append(a) }
        }
        let out: [EndpointSubset] = order.map { ports in
            var s = EndpointSubset()
            let g = groups[ports]!
            s.addresses = g.ready.isEmpty ? nil : g.ready.sorted { $0.ip < $1.ip }
            s.notReadyAddresses = g.notReady.isEmpty ? nil : g.notReady.sorted { $0.ip < $1.ip }
            s.ports = ports.isEmpty ? nil : ports
            return s
        }
        return out.isEmpty ? nil : out
    }
}

extension Endpoints: KindStrategy {
    static func table(_ objects: [Endpoints], in cluster: Cluster) -> Table {
        Table(columns: ["Name", "Endpoints", "Age"].map { Table.Column(name: $0, priority: 0) },
              rows: objects.map { [$0.name, $0.formatted(), cluster.age($0)] })
    }

    /// printers.go formatEndpoints: `ip:port` for every port and ready address, at most three
    /// then ` + N more...`; bare IPs for a port-less subset; `<none>` without subsets.
    public func formatted(portNames: Set<String>? = nil) -> String {
        guard let subsets, !subsets.isEmpty else { return "<none>" }
        var list: [String] = []
        var count = 0
        var more = false
        for ss in subsets {
            let addrs = ss.addresses ?? []
            let ports = ss.ports ?? []
            if ports.isEmpty {
                count += addrs.count
                for a in addrs { if list.count == 3 { more = true; break }; list.append(a.ip) }
                continue
            }
            for p in ports where portNames == nil || portNames!.contains(p.name ?? "") {
                count += addrs.count
                for a in addrs { if list.count == 3 { more = true; break }; list.append("\(a.ip):\(p.port)") }
            }
        }
        let s = list.joined(separator: ",")
        return more ? "\(s) + \(count - 3) more..." : s
    }

    static var tracksGeneration: Bool { false }
}
