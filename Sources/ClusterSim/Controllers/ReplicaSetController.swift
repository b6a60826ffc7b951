import KubeAPI

/// replicaset-controller: keeps `spec.replicas` pods matching the selector alive, adopts
/// matching orphans, deletes surplus pods in Kubernetes' ranking order, reports status.
final class ReplicaSetController: Controller {
    /// What the controller needs to know of each pod, kept up to date from the change feed so
    /// a sync reads small summaries instead of copying every pod (10,000-replica sets).
    struct PodSummary {
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
            name = p.name
            active = ReplicaSetController.isActive(p)
            ready = p.isReady
            readySince = p.status?.condition("Ready")?.lastTransitionTime?.seconds ?? 0
            switch p.phase { case "Unknown": phaseRank = 1; case "Running": phaseRank = 2; default: phaseRank = 0 }
            nodeName = p.spec?.nodeName
            restarts = (p.status?.containerStatuses ?? []).reduce(0) { $0 + $1.restartCount }
            created = p.metadata.creationTimestamp?.seconds ?? 0
            deletionCost = Int(p.metadata.annotations?["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
            labels = p.metadata.labels
        }
    }

    private var summaries: [ObjectKey: PodSummary] = [:]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let rs = change.object as? ReplicaSet { return [ObjectStore.key(rs.namespace, rs.name)] }
        guard let pod = change.object as? Pod else { return [] }
        let key = ObjectKey(kind: "Pod", namespace: pod.namespace, name: pod.name)
        summaries[key] = change.type == .deleted ? nil : PodSummary(pod)
        var keys: [String] = []
        for ref in [change.old?.metadata.controllerRef, pod.metadata.controllerRef] {
            if let r = ref, r.kind == "ReplicaSet" { keys.append(ObjectStore.key(pod.namespace, r.name)) }
        }
        if pod.metadata.controllerRef == nil, change.type != .deleted, pod.metadata.deletionTimestamp == nil {
            for rs in cluster.store.list(ReplicaSet.self, namespace: pod.namespace)
            where rs.spec?.selector.map({ !$0.isEmpty && $0.matches(pod.metadata.labels) }) == true {
                keys.append(ObjectStore.key(rs.namespace, rs.name))
            }
        }
        return keys
    }

    /// The summaries of the pods a ReplicaSet controls.
    private func owned(_ uid: String, _ cluster: Cluster) -> [PodSummary] {
        // Order doesn't matter: counts, and deletion ranking sorts fully (ties by name).
        (cluster.dependents[uid] ?? []).compactMap { $0.kind == "Pod" ? summaries[$0] : nil }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let rs = cluster.store.get(ReplicaSet.self, namespace: parts[0], name: parts[1]),
              let uid = rs.metadata.uid else { return }
        if rs.metadata.deletionTimestamp == nil {
            _ = adoptOrphans(rs, cluster)
            let active = owned(uid, cluster).filter(\.active)
            let diff = active.count - rs.specReplicas
            if diff < 0 {
                for _ in 0..<min(-diff, 500) {
                    guard createPod(rs, cluster) != nil else { break }
                }
            } else if diff > 0 {
                for victim in Self.rankForDeletion(active).prefix(diff) {
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
        for var pod in cluster.pods(ownedBy: Cluster.orphans) where pod.namespace == rs.namespace
            && pod.metadata.deletionTimestamp == nil && sel.matches(pod.metadata.labels) {
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
        let active = owned(uid, cluster).filter(\.active)
        let minReady = Double(current.spec?.minReadySeconds ?? 0)
        var st = current.status ?? ReplicaSetStatus()
        st.replicas = active.count
        let sel = current.spec?.template?.metadata?.labels ?? [:]
        st.fullyLabeledReplicas = active.filter { p in sel.allSatisfy { p.labels?[$0.key] == $0.value } }.count
        let ready = active.filter(\.ready)
        st.readyReplicas = ready.count
        var available = 0
        var nextCheck: Double? = nil
        for p in ready {
            let since = p.readySince
            if minReady == 0 || since + minReady <= cluster.now { available += 1 }
            else { nextCheck = min(nextCheck ?? .infinity, since + minReady - cluster.now) }
        }
        st.availableReplicas = available
        st.observedGeneration = current.metadata.generation
        if st.fullyLabeledReplicas == 0 { st.fullyLabeledReplicas = nil }
        if st.readyReplicas == 0 { st.readyReplicas = nil }
        if st.availableReplicas == 0 { st.availableReplicas = nil }
        var updated = current
        updated.status = st
        cluster.updateStatus(updated)
        if let n = nextCheck {
            let key = ObjectStore.key(rs.namespace, rs.name)
            cluster.schedule(after: n) { [unowned self] c in self.reconcile(key, in: c) }
        }
    }
}
