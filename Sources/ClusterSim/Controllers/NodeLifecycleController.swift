import KubeAPI

/// What the controller manager does about nodes, as far as a learner can see it:
/// - the `node.kubernetes.io/unschedulable:NoSchedule` taint on cordoned nodes
///   (node-lifecycle-controller, TaintNodesByCondition);
/// - NoExecute taints evicting the pods that don't tolerate them (taint-eviction-controller);
/// - pods bound to a node that no longer exists being deleted (pod-garbage-collector).
final class NodeLifecycleController: Controller {
    static let unschedulableTaint = "node.kubernetes.io/unschedulable"
    /// podgc's quarantine before deleting the pods of a node that is gone.
    static let orphanQuarantine = 40.0

    let watchedKinds: Set<String>? = ["Node", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        switch change.object {
        case let node as Node:
            if change.type == .modified, let old = change.old as? Node, old.spec == node.spec { return [] }
            return ["node/" + node.name]
        case let pod as Pod:
            // A pod newly bound to a node with NoExecute taints may have to go at once.
            guard change.type != .deleted, let node = pod.spec?.nodeName, (change.old as? Pod)?.spec?.nodeName != node,
                  let n = cluster.store.get(Node.self, namespace: "", name: node),
                  (n.spec?.taints ?? []).contains(where: { $0.effect == "NoExecute" }) else { return [] }
            return ["node/" + node]
        default:
            return []
        }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let name = String(key.dropFirst("node/".count))
        guard var node = cluster.store.get(Node.self, namespace: "", name: name) else {
            cluster.schedule(after: Self.orphanQuarantine) { c in Self.collectOrphans(of: name, c) }
            return
        }
        // The unschedulable taint follows spec.unschedulable.
        var taints = node.spec?.taints ?? []
        let cordoned = node.spec?.unschedulable == true
        let tainted = taints.contains { $0.key == Self.unschedulableTaint && $0.effect == "NoSchedule" }
        if cordoned != tainted {
            if cordoned {
                var t = Taint(key: Self.unschedulableTaint, effect: "NoSchedule")
                t.timeAdded = cluster.time
                taints.append(t)
            } else {
                taints.removeAll { $0.key == Self.unschedulableTaint }
            }
            var spec = node.spec ?? NodeSpec()
            spec.taints = taints.isEmpty ? nil : taints
            node.spec = spec
            cluster.write(node)
        }
        evictUntolerating(node, cluster)
    }

    /// The taint-eviction controller: pods not tolerating a NoExecute taint are deleted,
    /// at once or when their tolerationSeconds run out.
    private func evictUntolerating(_ node: Node, _ cluster: Cluster) {
        let noExecute = (node.spec?.taints ?? []).filter { $0.effect == "NoExecute" }
        guard !noExecute.isEmpty else { return }
        for pod in cluster.store.list(Pod.self) where pod.spec?.nodeName == node.name && pod.metadata.deletionTimestamp == nil {
            let tolerations = pod.spec?.tolerations ?? []
            var evictAfter: Double? = 0
            var untolerated = false
            for taint in noExecute {
                let matching = tolerations.filter { $0.tolerates(taint) }
                if matching.isEmpty { untolerated = true; break }
                // The shortest tolerationSeconds of the matching tolerations; none = forever.
                let seconds = matching.compactMap(\.tolerationSeconds)
                if seconds.count == matching.count, let s = seconds.min() {
                    evictAfter = max(evictAfter ?? 0, Double(s))
                } else {
                    evictAfter = nil
                }
            }
            if untolerated {
                Self.evict(pod, cluster)
            } else if let after = evictAfter {
                let uid = pod.metadata.uid, ns = pod.namespace, podName = pod.name, nodeName = node.name
                cluster.schedule(after: after) { c in
                    guard let p = c.store.get(Pod.self, namespace: ns, name: podName), p.metadata.uid == uid,
                          p.metadata.deletionTimestamp == nil, p.spec?.nodeName == nodeName,
                          let n = c.store.get(Node.self, namespace: "", name: nodeName),
                          (n.spec?.taints ?? []).contains(where: { $0.effect == "NoExecute" }) else { return }
                    Self.evict(p, c)
                }
            }
        }
    }

    private static func evict(_ pod: Pod, _ cluster: Cluster) {
        cluster.recordEvent(for: pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.namespace)/\(pod.name)",
                            component: "taint-eviction-controller")
        _ = try? cluster.delete(.pods, namespace: pod.namespace, name: pod.name)
    }

    /// podgc's gcOrphaned: pods bound to a node that is (still) gone are deleted at once.
    static func collectOrphans(of node: String, _ cluster: Cluster) {
        guard cluster.store.get(Node.self, namespace: "", name: node) == nil else { return }
        for pod in cluster.store.list(Pod.self) where pod.spec?.nodeName == node {
            _ = try? cluster.delete(.pods, namespace: pod.namespace, name: pod.name, gracePeriod: 0)
        }
    }
}

// MARK: - Nodes joining and leaving

extension Cluster {
    /// The workers a learner can add: node03 (192.168.10.14, 10.244.3.0/24) and on.
    public func nextWorkerSpecification() -> NodeSpecification {
        let nodes = store.list(Node.self)
        func name(_ i: Int) -> String { i < 10 ? "node0\(i)" : "node\(i)" }
        var i = 3
        while nodes.contains(where: { $0.name == name(i) }) { i += 1 }
        let used = Set(nodes.flatMap { $0.spec?.podCIDRs ?? [] })
        var cidr = 3
        while used.contains("10.244.\(cidr).0/24") { cidr += 1 }
        return NodeSpecification(name: name(i), ip: "192.168.10.\(11 + i)", podCIDR: "10.244.\(cidr).0/24")
    }

    /// `kubeadm join` on a new machine: the node registers NotReady (tainted not-ready),
    /// its DaemonSet pods (kube-proxy, the CNI) start, and it turns Ready `readyAfter`
    /// seconds later.
    public func joinNode(_ spec: NodeSpecification, readyAfter: Double = 10) throws(APIError) {
        if store.get(Node.self, namespace: "", name: spec.name) != nil { throw APIError.alreadyExists(.nodes, spec.name) }
        addNode(spec)
        guard var node = store.get(Node.self, namespace: "", name: spec.name) else { return }
        var st = node.status ?? NodeStatus()
        st.conditions = st.conditions?.map { c in
            guard c.type == "Ready" else { return c }
            var r = Condition(type: "Ready", status: "False", lastTransitionTime: time, reason: "KubeletNotReady",
                              message: "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized")
            r.lastHeartbeatTime = time
            return r
        }
        node.status = st
        var nodeSpec = node.spec ?? NodeSpec()
        var taint = Taint(key: "node.kubernetes.io/not-ready", effect: "NoSchedule")
        taint.timeAdded = time
        nodeSpec.taints = (nodeSpec.taints ?? []) + [taint]
        node.spec = nodeSpec
        store.putTyped(node)
        let name = spec.name
        schedule(after: readyAfter) { c in
            guard var n = c.store.get(Node.self, namespace: "", name: name) else { return }
            var st = n.status ?? NodeStatus()
            st.conditions = st.conditions?.map { cond in
                guard cond.type == "Ready" else { return cond }
                var r = Condition(type: "Ready", status: "True", lastTransitionTime: c.time, reason: "KubeletReady", message: "kubelet is posting ready status")
                r.lastHeartbeatTime = c.time
                return r
            }
            n.status = st
            var s = n.spec ?? NodeSpec()
            s.taints = s.taints?.filter { $0.key != "node.kubernetes.io/not-ready" }
            if s.taints?.isEmpty == true { s.taints = nil }
            n.spec = s
            c.store.putTyped(n)
            c.recordEvent(for: n, reason: "NodeReady", message: "Node \(name) status is now: NodeReady", component: "kubelet", host: name)
        }
    }

    /// `kubeadm reset` on a worker and `kubectl delete node`: the Node object goes; its pods
    /// are collected by the pod garbage collector.
    public func removeNode(_ name: String) throws(APIError) {
        try delete(.nodes, namespace: "", name: name)
    }
}
