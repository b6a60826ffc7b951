import KubeAPI
import ClusterSim

extension DescribeContext {
    /// describeNode.
    func describeNode(_ node: Node) -> String {
        let w = DescribeWriter()
        let spec = node.spec ?? NodeSpec()
        let status = node.status ?? NodeStatus()
        // Pods bound to the node that have not terminated, in list order (namespace, name).
        let pods = cluster.list(.pods, namespace: nil).compactMap { $0 as? Pod }.filter {
            $0.spec?.nodeName == node.name && $0.status?.phase != "Succeeded" && $0.status?.phase != "Failed"
        }
        var events: [Event]? = nil
        if showEvents {
            // Controllers record node events against the node's uid, the kubelet against its name.
            let byName = cluster.list(.events, namespace: nil).compactMap { $0 as? Event }.filter {
                $0.involvedObject.uid == node.name && $0.involvedObject.name == node.name
            }
            events = cluster.events(for: node) + byName
        }

        w.write(0, "Name:\t\(node.name)\n")
        let roles = nodeRoles(node)
        w.write(0, "Roles:\t\(roles.isEmpty ? "<none>" : roles.joined(separator: ","))\n")
        printLabels(w, "Labels", node.metadata.labels)
        printAnnotations(w, "Annotations", node.metadata.annotations)
        w.write(0, "CreationTimestamp:\t\(Describe.rfc1123Z(node.metadata.creationTimestamp))\n")
        printTaints(w, "Taints", spec.taints)
        w.write(0, "Unschedulable:\t\(spec.unschedulable ?? false)\n")
        describeLease(w, node)
        if let conds = status.conditions, !conds.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conds {
                w.write(1, "\(c.type) \t\(c.status) \t\(Describe.rfc1123Z(c.lastHeartbeatTime)) \t\(Describe.rfc1123Z(c.lastTransitionTime)) \t\(c.reason ?? "") \t\(c.message ?? "")\n")
            }
        }
        w.write(0, "Addresses:\n")
        for a in status.addresses ?? [] { w.write(1, "\(a.type):\t\(a.address)\n") }
        func resourceList(_ l: [String: Quantity]) {
            for name in l.keys.sorted(by: GoText.less) {
                let q = l[name]!
                w.write(0, "  \(name):\t\(ResourceAmount(q)?.description ?? q.text)\n")
            }
        }
        if let cap = status.capacity, !cap.isEmpty { w.write(0, "Capacity:\n"); resourceList(cap) }
        if let alloc = status.allocatable, !alloc.isEmpty { w.write(0, "Allocatable:\n"); resourceList(alloc) }
        let info = status.nodeInfo
        w.write(0, "System Info:\n")
        w.write(0, "  Machine ID:\t\(info?.machineID ?? "")\n")
        w.write(0, "  System UUID:\t\(info?.systemUUID ?? "")\n")
        w.write(0, "  Boot ID:\t\(info?.bootID ?? "")\n")
        w.write(0, "  Kernel Version:\t\(info?.kernelVersion ?? "")\n")
        w.write(0, "  OS Image:\t\(info?.osImage ?? "")\n")
        w.write(0, "  Operating System:\t\(info?.operatingSystem ?? "")\n")
        w.write(0, "  Architecture:\t\(info?.architecture ?? "")\n")
        w.write(0, "  Container Runtime Version:\t\(info?.containerRuntimeVersion ?? "")\n")
        w.write(0, "  Kubelet Version:\t\(info?.kubeletVersion ?? "")\n")
        w.write(0, "  Kube-Proxy Version:\t\(info?.kubeProxyVersion ?? "")\n")
        if let cidr = spec.podCIDR, !cidr.isEmpty { w.write(0, "PodCIDR:\t\(cidr)\n") }
        if let cidrs = spec.podCIDRs, !cidrs.isEmpty { w.write(0, "PodCIDRs:\t\(cidrs.joined(separator: ","))\n") }
        if let pid = spec.providerID, !pid.isEmpty { w.write(0, "ProviderID:\t\(pid)\n") }
        describeNodeResource(w, node, pods)
        describeEvents(w, events)
        return w.finish()
    }

    /// findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`.
    private func nodeRoles(_ node: Node) -> [String] {
        var roles = Set<String>()
        for (k, v) in node.metadata.labels ?? [:] {
            if k.hasPrefix("node-role.kubernetes.io/") {
                let role = String(k.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if k == "kubernetes.io/role", !v.isEmpty {
                roles.insert(v)
            }
        }
        return roles.sorted(by: GoText.less)
    }

    /// describeNodeLease. The simulator has no Lease objects, so this shows the lease the
    /// kubelet keeps in kube-node-lease: held by the node, renewed every 10s while the node
    /// is Ready (phase from the node's creation); a NotReady node's lease stopped at the
    /// Ready condition's last heartbeat.
    private func describeLease(_ w: DescribeWriter, _ node: Node) {
        w.write(0, "Lease:\n")
        w.write(1, "HolderIdentity:\t\(node.name)\n")
        w.write(1, "AcquireTime:\t<unset>\n")
        var renew: Time? = nil
        if let created = node.metadata.creationTimestamp?.seconds.rounded(.down) {
            if node.isReady {
                let n = ((now - created) / 10).rounded(.down)
                renew = Time(seconds: created + max(0, n) * 10)
            } else {
                renew = node.status?.conditions?.first { $0.type == "Ready" }?.lastHeartbeatTime ?? node.metadata.creationTimestamp
            }
        }
        w.write(1, "RenewTime:\t\(renew.map { Describe.rfc1123Z($0) } ?? "<unset>")\n")
    }

    /// describeNodeResource.
    private func describeNodeResource(_ w: DescribeWriter, _ node: Node, _ pods: [Pod]) {
        w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
        var alloc = ResourceLists.parse(node.status?.capacity)
        if let a = node.status?.allocatable, !a.isEmpty { alloc = ResourceLists.parse(a) }
        let allocCPU = alloc["cpu"]?.milliValue ?? 0
        let allocMem = alloc["memory"]?.value ?? 0
        let allocEph = alloc["ephemeral-storage"]?.value ?? 0

        /// Go: int64(float64(a) / float64(b) * 100), which is MinInt64 on amd64 for NaN/Inf.
        func pct(_ a: Int, _ b: Int) -> Int {
            let f = Double(a) / Double(b) * 100
            guard f.isFinite, f > -9.2e18, f < 9.2e18 else { return Int.min }
            return Int(f)
        }
        func amount(_ l: ResourceLists.List, _ k: String) -> ResourceAmount { l[k] ?? .zero }

        var totalReqs: ResourceLists.List = [:], totalLimits: ResourceLists.List = [:]
        for pod in pods {
            let (req, lim) = ResourceLists.podRequestsAndLimits(pod)
            ResourceLists.add(&totalReqs, req)
            ResourceLists.add(&totalLimits, lim)
            let cr = amount(req, "cpu"), cl = amount(lim, "cpu"), mr = amount(req, "memory"), ml = amount(lim, "memory")
            w.write(1, "\(pod.namespace)\t\(pod.name)\t\t\(cr.description) (\(pct(cr.milliValue, allocCPU))%)\t\(cl.description) (\(pct(cl.milliValue, allocCPU))%)\t\(mr.description) (\(pct(mr.value, allocMem))%)\t\(ml.description) (\(pct(ml.value, allocMem))%)\t\(since(pod.metadata.creationTimestamp))\n")
        }

        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
        w.write(1, "Resource\tRequests\tLimits\n")
        w.write(1, "--------\t--------\t------\n")
        func guarded(_ a: Int, _ b: Int) -> Int { b == 0 ? 0 : pct(a, b) }
        let cr = amount(totalReqs, "cpu"), cl = amount(totalLimits, "cpu")
        let mr = amount(totalReqs, "memory"), ml = amount(totalLimits, "memory")
        let er = amount(totalReqs, "ephemeral-storage"), el = amount(totalLimits, "ephemeral-storage")
        w.write(1, "cpu\t\(cr.description) (\(guarded(cr.milliValue, allocCPU))%)\t\(cl.description) (\(guarded(cl.milliValue, allocCPU))%)\n")
        w.write(1, "memory\t\(mr.description) (\(guarded(mr.value, allocMem))%)\t\(ml.description) (\(guarded(ml.value, allocMem))%)\n")
        w.write(1, "ephemeral-storage\t\(er.description) (\(guarded(er.value, allocEph))%)\t\(el.description) (\(guarded(el.value, allocEph))%)\n")

        let standard: Set<String> = ["cpu", "memory", "ephemeral-storage"]
        var huge: [String] = [], ext: [String] = []
        for name in alloc.keys {
            if name.hasPrefix("hugepages-") { huge.append(name) }
            else if !standard.contains(name) && name != "pods" { ext.append(name) }
        }
        for name in huge.sorted(by: GoText.less) {
            let r = amount(totalReqs, name), l = amount(totalLimits, name), a = alloc[name]?.value ?? 0
            w.write(1, "\(name)\t\(r.description) (\(guarded(r.value, a))%)\t\(l.description) (\(guarded(l.value, a))%)\n")
        }
        for name in ext.sorted(by: GoText.less) {
            w.write(1, "\(name)\t\(amount(totalReqs, name).description)\t\(amount(totalLimits, name).description)\n")
        }
    }

    /// describeNamespace. The apiserver serves ResourceQuotas and LimitRanges, so the two
    /// trailer sections are always there; the simulator has none of either.
    func describeNamespace(_ ns: Namespace) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(ns.name)\n")
        printLabels(w, "Labels", ns.metadata.labels)
        printAnnotations(w, "Annotations", ns.metadata.annotations)
        w.write(0, "Status:\t\(ns.status?.phase ?? "")\n")
        w.write(0, "\n")
        w.write(0, "No resource quota.\n")
        w.write(0, "\n")
        w.write(0, "No LimitRange resource.\n")
        return w.finish()
    }
}
