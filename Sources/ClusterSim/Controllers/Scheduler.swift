import KubeAPI

/// default-scheduler: filters nodes (unschedulable, taints, nodeSelector, required node
/// name affinity), then prefers the node with the fewest pods of the same owner and
/// then the fewest pods overall — the spreading a learner sees across node01/node02.
final class Scheduler: Controller {
    /// Pods per node, and per (owner uid, node): kept from store changes so scoring is cheap.
    private var podsOnNode: [String: Int] = [:]
    private var ownerOnNode: [String: Int] = [:]
    private var placed: [String: (node: String, owner: String?)] = [:]
    /// What filtering needs of a node, as of the last Node change: scheduling 10,000 pods
    /// reads every node 10,000 times.
    struct NodeInfo {
        let name: String
        let labels: [String: String]
        let taints: [Taint]
        let unschedulable: Bool
        let ready: Bool
    }
    private var nodeCache: [NodeInfo]?

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let pod = change.object as? Pod {
            track(pod, deleted: change.type == .deleted)
            if change.type != .deleted, pod.spec?.nodeName == nil, pod.metadata.deletionTimestamp == nil,
               (pod.spec?.schedulerName ?? "default-scheduler") == "default-scheduler" {
                return [ObjectStore.key(pod.namespace, pod.name)]
            }
        }
        if change.object is Node { nodeCache = nil }
        if change.object is Node, change.type != .deleted {
            // A node became usable: pending pods get another chance.
            return cluster.store.list(Pod.self).filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil }
                .map { ObjectStore.key($0.namespace, $0.name) }
        }
        return []
    }

    private func track(_ pod: Pod, deleted: Bool) {
        let uid = pod.metadata.uid ?? ""
        if let p = placed.removeValue(forKey: uid) {
            podsOnNode[p.node, default: 1] -= 1
            if let o = p.owner { ownerOnNode["\(o)|\(p.node)", default: 1] -= 1 }
        }
        guard !deleted, let node = pod.spec?.nodeName else { return }
        let owner = pod.metadata.controllerRef?.uid
        placed[uid] = (node, owner)
        podsOnNode[node, default: 0] += 1
        if let o = owner { ownerOnNode["\(o)|\(node)", default: 0] += 1 }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, var pod = cluster.store.get(Pod.self, namespace: parts[0], name: parts[1]),
              pod.spec?.nodeName == nil, pod.metadata.deletionTimestamp == nil else { return }
        if nodeCache == nil {
            nodeCache = cluster.store.list(Node.self).map {
                NodeInfo(name: $0.name, labels: $0.metadata.labels ?? [:], taints: $0.spec?.taints ?? [],
                         unschedulable: $0.spec?.unschedulable == true, ready: $0.isReady)
            }
        }
        let nodes = nodeCache!
        var reasons: [String: Int] = [:]
        var feasible: [NodeInfo] = []
        for n in nodes {
            if let r = unfit(pod, n) { reasons[r, default: 0] += 1 } else { feasible.append(n) }
        }
        guard !feasible.isEmpty else {
            let detail = reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let msg = "0/\(nodes.count) nodes are available: \(detail). preemption: 0/\(nodes.count) nodes are available: \(nodes.count) Preemption is not helpful for scheduling."
            if pod.status?.condition("PodScheduled")?.message != msg {
                var st = pod.status ?? PodStatus()
                st.phase = "Pending"
                st.conditions = [Condition(type: "PodScheduled", status: "False", lastTransitionTime: cluster.time, reason: "Unschedulable", message: msg)]
                pod.status = st
                cluster.updateStatus(pod)
                cluster.recordEvent(for: pod, type: "Warning", reason: "FailedScheduling", message: msg, component: "default-scheduler")
            }
            return
        }
        let owner = pod.metadata.controllerRef?.uid
        func score(_ n: NodeInfo) -> (Int, Int) {
            let mine = owner.map { ownerOnNode["\($0)|\(n.name)"] ?? 0 } ?? 0
            return (mine, podsOnNode[n.name] ?? 0)
        }
        let best = feasible.map(score).min { $0 < $1 }!
        let candidates = feasible.filter { score($0) == best }
        let chosen = candidates[cluster.random.int(0..<candidates.count)]
        pod.spec?.nodeName = chosen.name
        var st = pod.status ?? PodStatus()
        st.conditions = [Condition(type: "PodScheduled", status: "True", lastTransitionTime: cluster.time)]
        pod.status = st
        cluster.bind(pod)
        cluster.recordEvent(for: pod, reason: "Scheduled",
                            message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(chosen.name)", component: "default-scheduler")
    }

    /// Why a node can't take the pod, in the scheduler's words (nil when it can).
    private func unfit(_ pod: Pod, _ node: NodeInfo) -> String? {
        let spec = pod.spec!
        if let sel = spec.nodeSelector, !sel.allSatisfy({ node.labels[$0.key] == $0.value }) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        if let names = requiredNodeNames(spec), !names.contains(node.name) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        if node.unschedulable,
           !(spec.tolerations ?? []).contains(where: { $0.tolerates(Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")) }) {
            return "node(s) were unschedulable"
        }
        for t in node.taints where t.effect == "NoSchedule" || t.effect == "NoExecute" {
            if !(spec.tolerations ?? []).contains(where: { $0.tolerates(t) }) {
                return "node(s) had untolerated taint {\(t.key): \(t.value ?? "")}"
            }
        }
        if !node.ready { return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" }
        return nil
    }

    /// `matchFields metadata.name In [...]`, as DaemonSet pods are pinned.
    private func requiredNodeNames(_ spec: PodSpec) -> [String]? {
        guard let terms = spec.affinity?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.arrayValue else { return nil }
        var names: [String] = []
        for t in terms {
            for f in t["matchFields"]?.arrayValue ?? [] where f["key"]?.stringValue == "metadata.name" {
                names += (f["values"]?.arrayValue ?? []).compactMap(\.stringValue)
            }
        }
        return names.isEmpty ? nil : names
    }
}

extension Cluster {
    /// The binding subresource: sets spec.nodeName on a pending pod.
    func bind(_ pod: Pod) {
        store.put(pod)
    }
}
