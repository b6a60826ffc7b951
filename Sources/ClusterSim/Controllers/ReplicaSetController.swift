import KubeAPI

/// replicaset-controller: keeps `spec.replicas` pods matching the selector alive, adopts
/// matching orphans, deletes surplus pods in Kubernetes' ranking order, reports status.
final class ReplicaSetController: Controller {
    /// What the controller needs to know of each pod, kept up to date from the change feed so
    /// a sync reads small summaries instead of copying every pod (10,000-replica sets).
    struct PodSummary: Equatable {
        let name: String
        let active: Bool
        let ready: Bool
        let readySince: Double
        let phaseRank: Int
        let nodeName: String?
        let restarts: Int
        let created: Double
        let deletionCost: Int
        let labels: [String: String]?

        init(_ p: Pod) {
            // Each part of the pod read once: a summary is taken on every pod change.
            let meta = p.metadata, status = p.status
            let phase = status?.phase ?? "Pending"
            let readyCondition = status?.condition("Ready")
            name = meta.name ?? ""
            active = meta.deletionTimestamp == nil && phase != "Succeeded" && phase != "Failed"
            ready = readyCondition?.status == "True"
            readySince = readyCondition?.lastTransitionTime?.seconds ?? 0
            switch phase { case "Unknown": phaseRank = 1; case "Running": phaseRank = 2; default: phaseRank = 0 }
            nodeName = p.spec?.nodeName
            restarts = (status?.containerStatuses ?? []).reduce(0) { $0 + $1.restartCount }
            created = meta.creationTimestamp?.seconds ?? 0
            deletionCost = Int(meta.annotations?["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
            labels = meta.labels
        }
    }

    /// The summaries of one owner's pods, kept contiguous so a sync walks them in memory
    /// order; removal swaps the last one in, as order doesn't matter to any sync.
    struct PodGroup {
        private var slots: [ObjectKey: Int] = [:]
        private var keys: [ObjectKey] = []
        private(set) var pods: [PodSummary] = []

        mutating func set(_ summary: PodSummary, for key: ObjectKey) {
            if let i = slots[key] {
                pods[i] = summary
            } else {
                slots[key] = pods.count
                keys.append(key)
                pods.append(summary)
            }
        }

        mutating func remove(_ key: ObjectKey) {
            guard let i = slots.removeValue(forKey: key) else { return }
            let last = pods.count - 1
            if i != last {
                pods[i] = pods[last]
                keys[i] = keys[last]
                slots[keys[i]] = i
            }
            pods.removeLast()
            keys.removeLast()
        }
    }

    /// Pod summaries grouped by the uid of the pods' controlling owner (`Cluster.orphans` for
    /// none), mirroring `Cluster.dependents`: a sync reads its own group only.
    private var groups: [String: PodGroup] = [:]

    let watchedKinds: Set<String>? = ["ReplicaSet", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let rs = change.object as? ReplicaSet { return [ObjectStore.key(rs.namespace, rs.name)] }
        guard let pod = change.object as? Pod else { return [] }
        let ref = pod.metadata.controllerRef
        // Owner references rarely change; when they don't, the previous controller is this one.
        let sameOwners = change.old.map { $0.metadata.ownerReferences == pod.metadata.ownerReferences } ?? false
        let oldRef = sameOwners ? ref : change.old?.metadata.controllerRef
        let key = ObjectKey(kind: "Pod", namespace: pod.namespace, name: pod.name)
        let owner = ref?.uid ?? Cluster.orphans
        let summary = change.type == .deleted ? nil : PodSummary(pod)
        if let old = change.old {
            let oldOwner = oldRef?.uid ?? Cluster.orphans
            if oldOwner != owner || summary == nil {
                groups[oldOwner]?.remove(key)
            } else if let old = old as? Pod, PodSummary(old) == summary {
                // The group already holds this summary.
                return keys(pod, ref, oldRef, change, cluster)
            }
        }
        if let summary { groups[owner, default: PodGroup()].set(summary, for: key) }
        return keys(pod, ref, oldRef, change, cluster)
    }

    /// The ReplicaSets to sync after a pod change: its controller before and after, and for an
    /// orphan, those whose selector matches it.
    private func keys(_ pod: Pod, _ ref: OwnerReference?, _ oldRef: OwnerReference?, _ change: ObjectStore.Change,
                      _ cluster: Cluster) -> [String] {
        var keys: [String] = []
        if let r = oldRef, r.kind == "ReplicaSet" { keys.append(controllerKey(pod.namespace, r.name)) }
        if let r = ref, r.kind == "ReplicaSet", !(oldRef?.kind == "ReplicaSet" && oldRef?.name == r.name) {
            keys.append(controllerKey(pod.namespace, r.name))
        }
        if ref == nil, change.type != .deleted, pod.metadata.deletionTimestamp == nil {
            for rs in cluster.store.list(ReplicaSet.self, namespace: pod.namespace)
            where rs.spec?.selector.map({ !$0.isEmpty && $0.matches(pod.metadata.labels) }) == true {
                keys.append(ObjectStore.key(rs.namespace, rs.name))
            }
        }
        return keys
    }

    /// The last controller key built: one ReplicaSet's pods change one after another.
    private var lastControllerKey: (namespace: String, name: String, key: String)?

    private func controllerKey(_ namespace: String, _ name: String) -> String {
        if let last = lastControllerKey, last.namespace == namespace, last.name == name { return last.key }
        let key = ObjectStore.key(namespace, name)
        lastControllerKey = (namespace, name, key)
        return key
    }

    /// How many of the pods a ReplicaSet controls are active.
    private func activeCount(_ uid: String) -> Int {
        (groups[uid]?.pods ?? []).withUnsafeBufferPointer { pods in pods.indices.count { pods[$0].active } }
    }

    /// The summaries of the active pods a ReplicaSet controls, in no particular order:
    /// deletion ranking sorts them fully (ties by name).
    private func activePods(_ uid: String) -> [PodSummary] {
        (groups[uid]?.pods ?? []).filter(\.active)
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let rs = cluster.store.get(ReplicaSet.self, namespace: parts[0], name: parts[1]),
              let uid = rs.metadata.uid else { return }
        if rs.metadata.deletionTimestamp == nil {
            _ = adoptOrphans(rs, cluster)
            let diff = activeCount(uid) - rs.specReplicas
            if diff < 0 {
                for _ in 0..<min(-diff, 500) {
                    guard createPod(rs, cluster) != nil else { break }
                }
            } else if diff > 0 {
                for victim in Self.rankForDeletion(activePods(uid)).prefix(diff) {
                    _ = try? cluster.delete(.pods, namespace: rs.namespace, name: victim.name)
                    cluster.recordEvent(for: rs, reason: "SuccessfulDelete", message: "Deleted pod: \(victim.name)", component: "replicaset-controller")
                }
            }
        }
        updateStatus(rs, cluster)
    }

    static func isActive(_ p: Pod) -> Bool {
        p.metadata.deletionTimestamp == nil && p.phase != "Succeeded" && p.phase != "Failed"
    }

    private func adoptOrphans(_ rs: ReplicaSet, _ cluster: Cluster) -> [Pod] {
        guard let sel = rs.spec?.selector, !sel.isEmpty else { return [] }
        var adopted: [Pod] = []
        for var pod in cluster.pods(ownedBy: Cluster.orphans, namespace: rs.namespace)
        where pod.metadata.deletionTimestamp == nil && sel.matches(pod.metadata.labels) {
            pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []) +
                [OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name, uid: rs.metadata.uid!)]
            if let p = cluster.write(pod) as? Pod { adopted.append(p) }
        }
        return adopted
    }

    private func createPod(_ rs: ReplicaSet, _ cluster: Cluster) -> Pod? {
        guard let tmpl = rs.spec?.template, let spec = tmpl.spec else { return nil }
        var meta = ObjectMeta()
        meta.generateName = rs.name + "-"
        meta.labels = tmpl.metadata?.labels
        meta.annotations = tmpl.metadata?.annotations
        meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name, uid: rs.metadata.uid!)]
        do {
            let created = try cluster.create(Pod(metadata: meta, spec: spec), namespace: rs.namespace)
            cluster.recordEvent(for: rs, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", component: "replicaset-controller")
            return created as? Pod
        } catch {
            cluster.recordEvent(for: rs, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", component: "replicaset-controller")
            return nil
        }
    }

    /// controller.ActivePodsWithRanks: the pods least worth keeping come first.
    static func rankForDeletion(_ pods: [PodSummary]) -> [PodSummary] {
        var perNode: [String: Int] = [:]
        for p in pods { if let n = p.nodeName { perNode[n, default: 0] += 1 } }
        return pods.sorted { a, b in
            let aa = a.nodeName != nil, ba = b.nodeName != nil
            if aa != ba { return !aa }
            if a.phaseRank != b.phaseRank { return a.phaseRank < b.phaseRank }
            if a.ready != b.ready { return !a.ready }
            if a.deletionCost != b.deletionCost { return a.deletionCost < b.deletionCost }
            let ra = perNode[a.nodeName ?? ""] ?? 0, rb = perNode[b.nodeName ?? ""] ?? 0
            if ra != rb { return ra > rb }
            if a.ready && b.ready, a.readySince != b.readySince { return a.readySince > b.readySince }
            if a.restarts != b.restarts { return a.restarts > b.restarts }
            if a.created != b.created { return a.created > b.created }
            return a.name > b.name
        }
    }

    private func updateStatus(_ rs: ReplicaSet, _ cluster: Cluster) {
        guard let uid = rs.metadata.uid, let current = cluster.store.get(ReplicaSet.self, namespace: rs.namespace, name: rs.name) else { return }
        let minReady = Double(current.spec?.minReadySeconds ?? 0)
        var st = current.status ?? ReplicaSetStatus()
        let sel = current.spec?.template?.metadata?.labels ?? [:]
        var active = 0, fullyLabeled = 0, ready = 0, available = 0
        var nextCheck: Double? = nil
        // Pods of one template mostly share one labels dictionary: match it once.
        var lastLabels: [String: String]?? = .none
        var lastMatched = false
        // Read the summaries in place: copying each would cost more than the counting.
        (groups[uid]?.pods ?? []).withUnsafeBufferPointer { pods in
            for i in pods.indices where pods[i].active {
                active += 1
                if lastLabels != .some(pods[i].labels) {
                    lastLabels = .some(pods[i].labels)
                    lastMatched = sel.allSatisfy { pods[i].labels?[$0.key] == $0.value }
                }
                if lastMatched { fullyLabeled += 1 }
                guard pods[i].ready else { continue }
                ready += 1
                let since = pods[i].readySince
                if minReady == 0 || since + minReady <= cluster.now { available += 1 }
                else { nextCheck = min(nextCheck ?? .infinity, since + minReady - cluster.now) }
            }
        }
        st.replicas = active
        st.fullyLabeledReplicas = fullyLabeled == 0 ? nil : fullyLabeled
        st.readyReplicas = ready == 0 ? nil : ready
        st.availableReplicas = available == 0 ? nil : available
        st.observedGeneration = current.metadata.generation
        var updated = current
        updated.status = st
        cluster.updateStatus(updated)
        if let n = nextCheck {
            let key = ObjectStore.key(rs.namespace, rs.name)
            cluster.schedule(after: n) { [unowned self] c in self.reconcile(key, in: c) }
        }
    }
}
