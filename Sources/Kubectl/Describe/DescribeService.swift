import KubeAPI
import ClusterSim

// describe.go ServiceDescriber / EndpointsDescriber / EndpointSliceDescriber (kubectl 1.32).

extension Service: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let spec = spec ?? ServiceSpec()
        let slices = ctx.cluster.store.list(EndpointSlice.self, namespace: namespace)
            .filter { $0.metadata.labels?["kubernetes.io/service-name"] == name }
        let events = ctx.events(for: self)
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        let selector = (spec.selector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        w.write(0, "Selector:\t\(selector.isEmpty ? "<none>" : selector)\n")
        w.write(0, "Type:\t\(spec.type ?? "")\n")
        if let p = spec.ipFamilyPolicy { w.write(0, "IP Family Policy:\t\(p)\n") }
        let families = spec.ipFamilies ?? []
        w.write(0, "IP Families:\t\(families.isEmpty ? "<none>" : families.joined(separator: ","))\n")
        w.write(0, "IP:\t\(spec.clusterIP ?? "")\n")
        let ips = spec.clusterIPs ?? []
        w.write(0, "IPs:\t\(ips.isEmpty ? "<none>" : ips.joined(separator: ","))\n")
        if let ext = spec.externalIPs, !ext.isEmpty { w.write(0, "External IPs:\t\(ext.joined(separator: ","))\n") }
        if let lb = spec.loadBalancerIP, !lb.isEmpty { w.write(0, "Desired LoadBalancer IP:\t\(lb)\n") }
        if let en = spec.externalName, !en.isEmpty { w.write(0, "External Name:\t\(en)\n") }
        for sp in spec.ports ?? [] {
            let portName = (sp.name ?? "").isEmpty ? "<unset>" : sp.name!
            let proto = sp.protocol ?? ""
            w.write(0, "Port:\t\(portName)\t\(sp.port)/\(proto)\n")
            switch sp.targetPort {
            case .string(let s)?: w.write(0, "TargetPort:\t\(s)/\(proto)\n")
            case .int(let n)?: w.write(0, "TargetPort:\t\(n)/\(proto)\n")
            case nil: w.write(0, "TargetPort:\t0/\(proto)\n")
            }
            if let np = sp.nodePort, np != 0 { w.write(0, "NodePort:\t\(portName)\t\(np)/\(proto)\n") }
            w.write(0, "Endpoints:\t\(Service.formatEndpointSlices(slices, portName: sp.name ?? ""))\n")
        }
        w.write(0, "Session Affinity:\t\(spec.sessionAffinity ?? "")\n")
        if let p = spec.externalTrafficPolicy, !p.isEmpty { w.write(0, "External Traffic Policy:\t\(p)\n") }
        if let p = spec.internalTrafficPolicy { w.write(0, "Internal Traffic Policy:\t\(p)\n") }
        if let hc = spec.healthCheckNodePort, hc != 0 { w.write(0, "HealthCheck NodePort:\t\(hc)\n") }
        if let r = spec.loadBalancerSourceRanges, !r.isEmpty { w.write(0, "LoadBalancer Source Ranges:\t\(r.joined(separator: ","))\n") }
        if let td = spec.trafficDistribution { w.write(0, "Traffic Distribution:\t\(td)\n") }
        ctx.describeEvents(w, events)
        return w.finish()
    }

    /// describe's formatEndpointSlices for one port name: ready addresses as `ip:port`, three
    /// at most then ` + N more...` (quirk kept: `more` is set on reaching three even when the
    /// addresses left are not ready); `<none>` without slices.
    static func formatEndpointSlices(_ slices: [EndpointSlice], portName: String) -> String {
        if slices.isEmpty { return "<none>" }
        var list: [String] = []
        var more = false
        var count = 0
        for s in slices {
            let endpoints = s.endpoints ?? []
            if (s.ports ?? []).isEmpty {
                for e in endpoints {
                    if list.count == 3 { more = true }
                    if e.conditions?.ready == false { continue }
                    if !more, let a = e.addresses.first { list.append(a) }
                    count += 1
                }
                continue
            }
            for p in s.ports ?? [] where (p.name ?? "") == portName {
                for e in endpoints {
                    if list.count == 3 { more = true }
                    if e.conditions?.ready == false { continue }
                    if !more, let a = e.addresses.first { list.append("\(a):\(p.port ?? 0)") }
                    count += 1
                }
            }
        }
        let ret = list.joined(separator: ",")
        return more ? "\(ret) + \(count - 3) more..." : ret
    }
}

extension Endpoints: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let events = ctx.events(for: self)
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Subsets:\n")
        for s in subsets ?? [] {
            let ready = (s.addresses ?? []).map(\.ip).joined(separator: ",")
            w.write(1, "Addresses:\t\(ready.isEmpty ? "<none>" : ready)\n")
            let notReady = (s.notReadyAddresses ?? []).map(\.ip).joined(separator: ",")
            w.write(1, "NotReadyAddresses:\t\(notReady.isEmpty ? "<none>" : notReady)\n")
            if let ports = s.ports, !ports.isEmpty {
                w.write(1, "Ports:\n")
                w.write(2, "Name\tPort\tProtocol\n")
                w.write(2, "----\t----\t--------\n")
                for p in ports {
                    let n = (p.name ?? "").isEmpty ? "<unset>" : p.name!
                    w.write(2, "\(n)\t\(p.port)\t\(p.protocol ?? "")\n")
                }
            }
            w.write(0, "\n")
        }
        ctx.describeEvents(w, events)
        return w.finish()
    }
}

extension EndpointSlice: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let events = ctx.events(for: self)
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "AddressType:\t\(addressType)\n")
        if let ports, !ports.isEmpty {
            w.write(0, "Ports:\n")
            w.write(1, "Name\tPort\tProtocol\n")
            w.write(1, "----\t----\t--------\n")
            for p in ports {
                let n = (p.name ?? "").isEmpty ? "<unset>" : p.name!
                w.write(1, "\(n)\t\(p.port.map(String.init) ?? "<unset>")\t\(p.protocol ?? "")\n")
            }
        } else {
            w.write(0, "Ports: <unset>\n")
        }
        if let endpoints, !endpoints.isEmpty {
            w.write(0, "Endpoints:\n")
            for e in endpoints {
                let a = e.addresses.joined(separator: ", ")
                w.write(1, "- Addresses:\t\(a.isEmpty ? "<none>" : a)\n")
                w.write(2, "Conditions:\n")
                w.write(3, "Ready:\t\(e.conditions?.ready.map { $0 ? "true" : "false" } ?? "<unset>")\n")
                w.write(2, "Hostname:\t\(e.hostname ?? "<unset>")\n")
                if let t = e.targetRef { w.write(2, "TargetRef:\t\(t.kind ?? "")/\(t.name ?? "")\n") }
                w.write(2, "NodeName:\t\(e.nodeName ?? "<unset>")\n")
                w.write(2, "Zone:\t\(e.zone ?? "<unset>")\n")
            }
        } else {
            w.write(0, "Endpoints: <none>\n")
        }
        ctx.describeEvents(w, events)
        return w.finish()
    }
}
