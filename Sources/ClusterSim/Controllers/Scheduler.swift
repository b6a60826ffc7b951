import KubeAPI

/// default-scheduler: filters nodes (unschedulable, taints, nodeSelector, required node
/// name affinity), then prefers the node with the fewest pods of the same owner and
/// then the fewest pods overall — the spreading a learner sees across node01/node02.
final class Scheduler: Controller {
    /// Pods per node, and per owner uid per node, kept from store changes so scoring is cheap.
    /// Nodes are counted by a small id, stable for the scheduler's life, so scoring a pod
    /// against every node indexes arrays instead of hashing names.
    private var nodeIDs: [String: Int] = [:]
    private var podsOnNode: [Int] = []
    private var ownerOnNode: [String: [Int]] = [:]
    private var placed: [String: (node: Int, owner: String?)] = [:]
    /// What filtering needs of a node, as of the last Node change: scheduling 10,000 pods
    /// reads every node 10,000 times.
    struct NodeInfo {
        let id: Int
        let name: String
        let labels: [String: String]
        let taints: [Taint]
        let unschedulable: Bool
        let ready: Bool
        /// Schedulable, ready and without NoSchedule/NoExecute taints: only a pod's node
        /// selector or affinity can rule it out.
        var plain: Bool { !unschedulable && ready && !taints.contains { $0.effect == "NoSchedule" || $0.effect == "NoExecute" } }
    }
    private var nodeCache: [NodeInfo]?
    /// `nodeCache[i].plain`, apart so the scan over every node reads one flag.
    private var plainNodes: [Bool] = []

    let watchedKinds: Set<String>? = ["Pod", "Node", "PersistentVolumeClaim"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let pod = change.object as? Pod {
            track(pod, old: change.old as? Pod, deleted: change.type == .deleted)
            if change.type != .deleted, pod.spec?.nodeName == nil, pod.metadata.deletionTimestamp == nil,
               (pod.spec?.schedulerName ?? "default-scheduler") == "default-scheduler" {
                return [ObjectStore.key(pod.namespace, pod.name)]
            }
        }
        // A claim bound: pods waiting for it get another chance (VolumeBinding).
        if let claim = change.object as? PersistentVolumeClaim { return cluster.pendingPodKeys(usingClaim: claim) }
        if change.object is Node { nodeCache = nil }
        if change.object is Node, change.type != .deleted {
            // A node became usable: pending pods get another chance.
            return cluster.store.list(Pod.self).filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil }
                .map { ObjectStore.key($0.namespace, $0.name) }
        }
        return []
    }

    private func nodeID(_ name: String) -> Int {
        if let id = nodeIDs[name] { return id }
        let id = podsOnNode.count
        nodeIDs[name] = id
        podsOnNode.append(0)
        return id
    }

    private func track(_ pod: Pod, old: Pod?, deleted: Bool) {
        // Most changes are status updates of a placed pod: same incarnation, node and owners
        // as the previous version, from which the counts were last updated.
        if !deleted, let old, old.metadata.uid == pod.metadata.uid, old.spec?.nodeName == pod.spec?.nodeName,
           old.metadata.ownerReferences == pod.metadata.ownerReferences { return }
        let uid = pod.metadata.uid ?? ""
        let node = deleted ? nil : pod.spec?.nodeName.map(nodeID)
        let owner = pod.metadata.controllerRef?.uid
        if let p = placed[uid] {
            if let n = node, p.node == n, p.owner == owner { return }
            placed[uid] = nil
            podsOnNode[p.node] -= 1
            if let o = p.owner { ownerOnNode[o, default: []].add(-1, at: p.node) }
        }
        guard let node else { return }
        placed[uid] = (node, owner)
        podsOnNode[node] += 1
        if let o = owner { ownerOnNode[o, default: []].add(1, at: node) }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, var pod = cluster.store.get(Pod.self, namespace: parts[0], name: parts[1]),
              let spec = pod.spec, spec.nodeName == nil, pod.metadata.deletionTimestamp == nil else { return }
        if nodeCache == nil {
            nodeCache = cluster.store.list(Node.self).map {
                NodeInfo(id: nodeID($0.name), name: $0.name, labels: $0.metadata.labels ?? [:], taints: $0.spec?.taints ?? [],
                         unschedulable: $0.spec?.unschedulable == true, ready: $0.isReady)
            }
            plainNodes = nodeCache!.map(\.plain)
        }
        let nodes = nodeCache!
        // The VolumeBinding plugin's PreFilter: claims missing or not yet bound.
        if let problem = cluster.claimProblem(for: pod) {
            unschedulable(pod, problem, nodes: nodes.count, cluster)
            return
        }
        let tolerations = spec.tolerations ?? []
        let requiredNames = requiredNodeNames(spec)
        let anyNode = spec.nodeSelector == nil && requiredNames == nil
        let owner = pod.metadata.controllerRef?.uid
        let mine = owner.flatMap { ownerOnNode[$0] } ?? []
        // Feasible nodes with the fewest pods of the same owner, then the fewest pods overall;
        // ties stay in node order for the random pick.
        var reasons: [String: Int] = [:]
        var best = (Int.max, Int.max)
        var candidates: [Int] = []
        nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                if !(anyNode && plainNodes[i]), let r = unfit(spec, requiredNames, tolerations, nodes[i]) {
                    reasons[r, default: 0] += 1
                    continue
                }
                let id = nodes[i].id
                let score = (id < mine.count ? mine[id] : 0, podsOnNode[id])
                if score < best { best = score; candidates.removeAll(keepingCapacity: true) }
                if score == best { candidates.append(i) }
            }
        }
        guard !candidates.isEmpty else {
            let detail = reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            unschedulable(pod, detail, nodes: nodes.count, cluster)
            return
        }
        let chosen = nodes[candidates[cluster.random.int(0..<candidates.count)]]
        pod.spec?.nodeName = chosen.name
        var st = pod.status ?? PodStatus()
        st.conditions = [Condition(type: "PodScheduled", status: "True", lastTransitionTime: cluster.time)]
        pod.status = st
        cluster.bind(pod)
        cluster.recordEvent(for: pod, reason: "Scheduled",
                            message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(chosen.name)", component: "default-scheduler")
    }

    /// The pod stays Pending: PodScheduled=False and a FailedScheduling event saying why,
    /// written again only when the reason changes.
    private func unschedulable(_ pod: Pod, _ why: String, nodes: Int, _ cluster: Cluster) {
        let msg = "0/\(nodes) nodes are available: \(why). preemption: 0/\(nodes) nodes are available: \(nodes) Preemption is not helpful for scheduling."
        guard pod.status?.condition("PodScheduled")?.message != msg else { return }
        var pod = pod
        var st = pod.status ?? PodStatus()
        st.phase = "Pending"
        st.conditions = [Condition(type: "PodScheduled", status: "False", lastTransitionTime: cluster.time, reason: "Unschedulable", message: msg)]
        pod.status = st
        cluster.updateStatus(pod)
        cluster.recordEvent(for: pod, type: "Warning", reason: "FailedScheduling", message: msg, component: "default-scheduler")
    }

    /// Why a node can't take the pod, in the scheduler's words (nil when it can).
    private func unfit(_ spec: PodSpec, _ requiredNames: [String]?, _ tolerations: [Toleration], _ node: NodeInfo) -> String? {
        if let sel = spec.nodeSelector, !sel.allSatisfy({ node.labels[$0.key] == $0.value }) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        if let names = requiredNames, !names.contains(node.name) {
            return "node(s) didn't match Pod's node affinity/selector"
        }
        if node.unschedulable,
           !tolerations.contains(where: { $0.tolerates(Taint(key: "node.kubernetes.io/unschedulable", effect: "NoSchedule")) }) {
            return "node(s) were unschedulable"
        }
        for t in node.taints where t.effect == "NoSchedule" || t.effect == "NoExecute" {
            if !tolerations.contains(where: { $0.tolerates(t) }) {
                return "node(s) had untolerated taint {\(t.key): \(t.value ?? "")}"
            }
        }
        if !node.ready, !tolerations.contains(where: { $0.tolerates(Taint(key: "node.kubernetes.io/not-ready", effect: "NoSchedule")) }) {
            return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }"
        }
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

private extension Array where Element == Int {
    /// Adds to the count at `index`, growing the array with zeros as nodes appear.
    mutating func add(_ delta: Int, at index: Int) {
        if index >= count { append(contentsOf: repeatElement(0, count: index + 1 - count)) }
        self[index] += delta
    }
}

extension Cluster {
    /// The binding subresource: sets spec.nodeName on a pending pod.
    func bind(_ pod: consuming Pod) {
        store.putTyped(pod)
    }
}
