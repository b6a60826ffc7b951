import KubeAPI

/// endpointslice-controller: one IPv4 EndpointSlice (`<service>-<5>`) per selector-bearing
/// Service, owned by it, listing every pod with an IP and its ready/serving/terminating
/// conditions. (Real slices split at 100 endpoints; the course's services are far smaller.)
final class EndpointSliceController: Controller {
    static let managedBy = "endpointslice-controller.k8s.io"
    let watchedKinds: Set<String>? = ["Service", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] { serviceKeys(for: change, in: cluster) }

    /// The slices this controller manages for a service.
    static func slices(of service: String, namespace: String, in cluster: Cluster) -> [EndpointSlice] {
        cluster.store.list(EndpointSlice.self, namespace: namespace).filter {
            $0.metadata.labels?["kubernetes.io/service-name"] == service
                && $0.metadata.labels?["endpointslice.kubernetes.io/managed-by"] == managedBy
        }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        let (ns, name) = (parts[0], parts[1])
        let existing = EndpointSliceController.slices(of: name, namespace: ns, in: cluster)
        guard let svc = cluster.store.get(Service.self, namespace: ns, name: name),
              let backends = ServiceBackends(svc, in: cluster) else {
            // Service gone or no longer selecting pods: its slices go (the garbage collector's
            // work for a deleted owner, this controller's for a removed selector).
            for s in existing { _ = try? cluster.delete(.endpointslices, namespace: ns, name: s.name) }
            return
        }
        let (endpoints, ports) = EndpointSliceController.content(backends)
        var labels = backends.labels
        labels["kubernetes.io/service-name"] = svc.name
        labels["endpointslice.kubernetes.io/managed-by"] = EndpointSliceController.managedBy
        if let cur = existing.first {
            for extra in existing.dropFirst() { _ = try? cluster.delete(.endpointslices, namespace: ns, name: extra.name) }
            // Nothing left to list: the slice goes and an empty placeholder (a new name) takes its place.
            if endpoints == nil, cur.endpoints != nil {
                _ = try? cluster.delete(.endpointslices, namespace: ns, name: cur.name)
                createSlice(svc, labels: labels, endpoints: nil, ports: nil, cluster)
                return
            }
            if cur.endpoints == endpoints, cur.ports == ports, cur.metadata.labels == labels { return }
            var s = cur
            s.endpoints = endpoints
            s.ports = ports
            s.metadata.labels = labels
            s.metadata.annotations = EndpointSliceController.triggerAnnotation(cluster)
            cluster.write(s)
            return
        }
        createSlice(svc, labels: labels, endpoints: endpoints, ports: ports, cluster)
    }

    private func createSlice(_ svc: Service, labels: [String: String], endpoints: [SliceEndpoint]?, ports: [SlicePort]?, _ cluster: Cluster) {
        let ns = svc.namespace
        var meta = ObjectMeta(namespace: ns, labels: labels)
        meta.generateName = String(svc.name.prefix(62)) + "-"
        meta.annotations = EndpointSliceController.triggerAnnotation(cluster)
        meta.ownerReferences = [OwnerReference(apiVersion: "v1", kind: "Service", name: svc.name, uid: svc.metadata.uid ?? "")]
        var s = EndpointSlice(metadata: meta)
        s.endpoints = endpoints
        s.ports = ports
        _ = try? cluster.create(s, namespace: ns)
    }

    static func triggerAnnotation(_ cluster: Cluster) -> [String: String] {
        ["endpoints.kubernetes.io/last-change-trigger-time": Time(seconds: cluster.now.rounded(.down)).rfc3339]
    }

    static func content(_ b: ServiceBackends) -> ([SliceEndpoint]?, [SlicePort]?) {
        let svcPorts = b.service.spec?.ports ?? []
        var endpoints: [SliceEndpoint] = []
        var ports: [SlicePort]?
        for be in b.backends {
            if !svcPorts.isEmpty && be.ports.isEmpty { continue }
            if ports == nil {
                ports = svcPorts.enumerated().compactMap { i, sp in
                    guard let p = be.ports[i] else { return nil }
                    var sl = SlicePort()
                    sl.name = sp.name ?? ""
                    sl.port = p
                    sl.protocol = sp.protocol ?? "TCP"
                    sl.appProtocol = sp.appProtocol
                    return sl
                }
            }
            var e = SliceEndpoint(addresses: [be.ip])
            var c = EndpointConditions()
            c.ready = be.ready && !be.terminating
            c.serving = be.ready
            c.terminating = be.terminating
            e.conditions = c
            e.hostname = be.hostname
            e.nodeName = be.pod.spec?.nodeName
            e.targetRef = ServiceBackends.targetRef(be.pod)
            endpoints.append(e)
        }
        // A headless service without ports publishes no ports; an empty slice has none either.
        return (endpoints.isEmpty ? nil : endpoints, endpoints.isEmpty || (ports ?? []).isEmpty ? nil : ports)
    }
}

extension EndpointSlice: KindStrategy {
    static func table(_ objects: [EndpointSlice], in cluster: Cluster) -> Table {
        Table(columns: ["Name", "AddressType", "Ports", "Endpoints", "Age"].map { Table.Column(name: $0, priority: 0) },
              rows: objects.map { s in
            [s.name, s.addressType, EndpointSlice.moreList((s.ports ?? []).map { p in p.port.map(String.init) ?? p.name ?? "*" }),
             EndpointSlice.moreList((s.endpoints ?? []).flatMap(\.addresses)), cluster.age(s)]
        })
    }

    /// printers.go listWithMoreString: three items then ` + N more...`, `<unset>` when empty.
    static func moreList(_ items: [String]) -> String {
        if items.isEmpty { return "<unset>" }
        if items.count > 3 { return items.prefix(3).joined(separator: ",") + " + \(items.count - 3) more..." }
        return items.joined(separator: ",")
    }
}
