import KubeAPI

/// deployment-controller (pkg/controller/deployment): one ReplicaSet per pod template,
/// rolling updates with maxSurge/maxUnavailable arithmetic, Recreate, proportional scaling,
/// pause, revisions and history cleanup, status and conditions.
final class DeploymentController: Controller {
    static let revisionKey = "deployment.kubernetes.io/revision"
    static let revisionHistoryKey = "deployment.kubernetes.io/revision-history"
    static let desiredKey = "deployment.kubernetes.io/desired-replicas"
    static let maxKey = "deployment.kubernetes.io/max-replicas"
    static let hashKey = "pod-template-hash"

    let watchedKinds: Set<String>? = ["Deployment", "ReplicaSet", "Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        switch change.object {
        case let d as Deployment:
            return [ObjectStore.key(d.namespace, d.name)]
        case let rs as ReplicaSet:
            var keys: [String] = []
            for ref in [change.old?.metadata.controllerRef, rs.metadata.controllerRef] {
                if let r = ref, r.kind == "Deployment" { keys.append(ObjectStore.key(rs.namespace, r.name)) }
            }
            return keys
        case let p as Pod where change.type == .deleted:
            // Recreate waits for old pods to be gone.
            guard let rsName = p.metadata.controllerRef?.name,
                  let rs = cluster.store.get(ReplicaSet.self, namespace: p.namespace, name: rsName),
                  let d = rs.metadata.controllerRef, d.kind == "Deployment" else { return [] }
            return [ObjectStore.key(p.namespace, d.name)]
        default:
            return []
        }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let d = cluster.store.get(Deployment.self, namespace: parts[0], name: parts[1]) else { return }
        var rsList = cluster.replicaSets(ownedBy: d.metadata.uid ?? "")
        rsList += adoptOrphans(d, cluster)
        if d.metadata.deletionTimestamp != nil {
            syncStatus(d, rsList, cluster)
            return
        }
        if d.spec?.paused == true {
            sync(d, rsList, cluster)
            return
        }
        if isScalingEvent(d, rsList) {
            sync(d, rsList, cluster)
            return
        }
        if d.spec?.strategy?.type == "Recreate" {
            rolloutRecreate(d, rsList, cluster)
        } else {
            rolloutRolling(d, rsList, cluster)
        }
    }

    private func adoptOrphans(_ d: Deployment, _ cluster: Cluster) -> [ReplicaSet] {
        guard let sel = d.spec?.selector, !sel.isEmpty else { return [] }
        var out: [ReplicaSet] = []
        for rs in cluster.replicaSets(ownedBy: Cluster.orphans) where rs.namespace == d.namespace
            && rs.metadata.deletionTimestamp == nil && sel.matches(rs.metadata.labels) {
            var r = rs
            r.metadata.ownerReferences = (r.metadata.ownerReferences ?? []) +
                [OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.name, uid: d.metadata.uid!)]
            if let w = cluster.write(r) as? ReplicaSet { out.append(w) }
        }
        return out
    }

    // MARK: - Template matching and revisions

    static func templateWithoutHash(_ t: PodTemplateSpec?) -> PodTemplateSpec? {
        guard var t = t else { return nil }
        t.metadata?.labels?[hashKey] = nil
        if t.metadata?.labels?.isEmpty == true { t.metadata?.labels = nil }
        return t
    }

    static func templateHash(_ t: PodTemplateSpec?, collisionCount: Int?) -> String {
        var text = (try? JSONBridge.encode(templateWithoutHash(t)))?.compactJSON ?? ""
        if let c = collisionCount { text += String(c) }
        return safeEncode(fnv32a(text))
    }

    static func revision(_ rs: ReplicaSet) -> Int { Int(rs.metadata.annotations?[revisionKey] ?? "") ?? 0 }

    private func findNewRS(_ d: Deployment, _ rsList: [ReplicaSet]) -> ReplicaSet? {
        let want = Self.templateWithoutHash(d.spec?.template)
        // The oldest matching ReplicaSet wins, as in FindNewReplicaSet.
        return rsList.sorted(by: Self.byCreation).first { Self.templateWithoutHash($0.spec?.template) == want }
    }

    static func byCreation(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
        let ta = a.metadata.creationTimestamp?.seconds ?? 0, tb = b.metadata.creationTimestamp?.seconds ?? 0
        return ta != tb ? ta < tb : a.name < b.name
    }

    /// getAllReplicaSetsAndSyncRevision: the new RS (created when asked) and the old ones.
    private func newAndOld(_ d: Deployment, _ rsList: [ReplicaSet], create: Bool, _ cluster: Cluster) -> (ReplicaSet?, [ReplicaSet]) {
        let existingNew = findNewRS(d, rsList)
        let old = rsList.filter { $0.metadata.uid != existingNew?.metadata.uid }
        let maxOld = old.map(Self.revision).max() ?? 0
        let newRevision = maxOld + 1
        if var rs = existingNew {
            // Make sure the new RS carries the latest revision and the Deployment's annotations.
            var changed = false
            var ann = rs.metadata.annotations ?? [:]
            let oldRev = ann[Self.revisionKey] ?? ""
            if (Int(oldRev) ?? 0) < newRevision {
                ann[Self.revisionKey] = String(newRevision)
                if !oldRev.isEmpty {
                    let hist = ann[Self.revisionHistoryKey].map { $0 + "," + oldRev } ?? oldRev
                    ann[Self.revisionHistoryKey] = hist
                }
                changed = true
            }
            for (k, v) in Self.copiedAnnotations(d) where ann[k] != v { ann[k] = v; changed = true }
            if ann[Self.desiredKey] != String(d.specReplicas) || ann[Self.maxKey] != String(d.specReplicas + maxSurge(d)) {
                ann[Self.desiredKey] = String(d.specReplicas)
                ann[Self.maxKey] = String(d.specReplicas + maxSurge(d))
                changed = true
            }
            if changed {
                rs.metadata.annotations = ann
                rs = cluster.write(rs) as! ReplicaSet
            }
            setRevision(d, rs.metadata.annotations?[Self.revisionKey] ?? "", cluster)
            return (rs, old)
        }
        guard create else { return (nil, old) }
        let hash = Self.templateHash(d.spec?.template, collisionCount: d.status?.collisionCount)
        var tmpl = d.spec?.template ?? PodTemplateSpec()
        var meta = tmpl.metadata ?? ObjectMeta()
        meta.labels = (meta.labels ?? [:]).merging([Self.hashKey: hash]) { _, b in b }
        tmpl.metadata = meta
        var sel = d.spec?.selector ?? LabelSelector()
        sel.matchLabels = (sel.matchLabels ?? [:]).merging([Self.hashKey: hash]) { _, b in b }
        var rsMeta = ObjectMeta(name: "\(d.name)-\(hash)", namespace: d.namespace, labels: meta.labels)
        var ann = Self.copiedAnnotations(d)
        ann[Self.revisionKey] = String(newRevision)
        ann[Self.desiredKey] = String(d.specReplicas)
        ann[Self.maxKey] = String(d.specReplicas + maxSurge(d))
        rsMeta.annotations = ann
        rsMeta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.name, uid: d.metadata.uid!)]
        var spec = ReplicaSetSpec()
        spec.selector = sel
        spec.template = tmpl
        spec.minReadySeconds = d.spec?.minReadySeconds
        let allOld = old
        spec.replicas = d.spec?.strategy?.type == "Recreate" ? 0 : newRSReplicas(d, allOld, nil)
        let created: ReplicaSet
        do {
            created = try cluster.create(ReplicaSet(metadata: rsMeta, spec: spec), namespace: d.namespace) as! ReplicaSet
        } catch {
            // A name collision with a foreign RS: bump collisionCount and retry next sync.
            var dd = d
            var st = dd.status ?? DeploymentStatus()
            st.collisionCount = (st.collisionCount ?? 0) + 1
            dd.status = st
            cluster.updateStatus(dd)
            return (nil, old)
        }
        if (spec.replicas ?? 0) > 0 {
            cluster.recordEvent(for: d, reason: "ScalingReplicaSet", message: "Scaled up replica set \(created.name) from 0 to \(spec.replicas!)", component: "deployment-controller")
        }
        setRevision(d, String(newRevision), cluster)
        var dd = cluster.store.get(Deployment.self, namespace: d.namespace, name: d.name) ?? d
        setCondition(&dd, type: "Progressing", status: "True", reason: "NewReplicaSetCreated", message: "Created new replica set \"\(created.name)\"", cluster)
        cluster.updateStatus(dd)
        return (created, old)
    }

    /// Deployment annotations copied onto its ReplicaSets (all but kubectl's bookkeeping).
    static func copiedAnnotations(_ d: Deployment) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in d.metadata.annotations ?? [:] where k != "kubectl.kubernetes.io/last-applied-configuration"
            && k != revisionKey && k != revisionHistoryKey && k != desiredKey && k != maxKey {
            out[k] = v
        }
        return out
    }

    private func setRevision(_ d: Deployment, _ rev: String, _ cluster: Cluster) {
        guard var cur = cluster.store.get(Deployment.self, namespace: d.namespace, name: d.name),
              cur.metadata.annotations?[Self.revisionKey] != rev else { return }
        cur.metadata.annotations = (cur.metadata.annotations ?? [:]).merging([Self.revisionKey: rev]) { _, b in b }
        cluster.write(cur)
    }

    // MARK: - Arithmetic (deploymentutil)

    func maxSurge(_ d: Deployment) -> Int {
        guard d.spec?.strategy?.type != "Recreate" else { return 0 }
        return resolveFenceposts(d).surge
    }

    /// ResolveFenceposts: surge rounds up, unavailable rounds down; both 0 → unavailable 1.
    func resolveFenceposts(_ d: Deployment) -> (surge: Int, unavailable: Int) {
        let ru = d.spec?.strategy?.rollingUpdate
        let r = d.specReplicas
        let surge = (ru?.maxSurge ?? .string("25%")).scaled(total: r, roundUp: true) ?? 0
        var unavailable = (ru?.maxUnavailable ?? .string("25%")).scaled(total: r, roundUp: false) ?? 0
        if surge == 0 && unavailable == 0 { unavailable = 1 }
        return (surge, unavailable)
    }

    func maxUnavailable(_ d: Deployment) -> Int {
        guard d.spec?.strategy?.type != "Recreate", d.specReplicas > 0 else { return 0 }
        return min(resolveFenceposts(d).unavailable, d.specReplicas)
    }

    private func newRSReplicas(_ d: Deployment, _ all: [ReplicaSet], _ newRS: ReplicaSet?) -> Int {
        let current = all.reduce(0) { $0 + $1.specReplicas } + (newRS.map { n in all.contains { $0.metadata.uid == n.metadata.uid } ? 0 : n.specReplicas } ?? 0)
        let newCount = newRS?.specReplicas ?? 0
        let maxTotal = d.specReplicas + maxSurge(d)
        if current >= maxTotal { return newCount }
        let up = min(maxTotal - current, d.specReplicas - newCount)
        return newCount + max(up, 0)
    }

    // MARK: - Scaling

    @discardableResult
    private func scale(_ rs: ReplicaSet, to n: Int, _ d: Deployment, _ cluster: Cluster) -> ReplicaSet {
        var r = cluster.store.get(ReplicaSet.self, namespace: rs.namespace, name: rs.name) ?? rs
        let from = r.specReplicas
        var ann = r.metadata.annotations ?? [:]
        let annChanged = ann[Self.desiredKey] != String(d.specReplicas) || ann[Self.maxKey] != String(d.specReplicas + maxSurge(d))
        guard from != n || annChanged else { return r }
        ann[Self.desiredKey] = String(d.specReplicas)
        ann[Self.maxKey] = String(d.specReplicas + maxSurge(d))
        r.metadata.annotations = ann
        r.spec?.replicas = n
        r = cluster.write(r) as! ReplicaSet
        if from != n {
            let dir = n > from ? "up" : "down"
            cluster.recordEvent(for: d, reason: "ScalingReplicaSet", message: "Scaled \(dir) replica set \(r.name) from \(from) to \(n)", component: "deployment-controller")
        }
        return r
    }

    private func isScalingEvent(_ d: Deployment, _ rsList: [ReplicaSet]) -> Bool {
        for rs in rsList where rs.specReplicas > 0 {
            if let desired = rs.metadata.annotations?[Self.desiredKey], Int(desired) != d.specReplicas { return true }
        }
        return false
    }

    /// sync(): scaling only (paused deployments and replica-count changes).
    private func sync(_ d: Deployment, _ rsList: [ReplicaSet], _ cluster: Cluster) {
        let (newRS, old) = newAndOld(d, rsList, create: false, cluster)
        scaleProportionally(d, newRS, old, cluster)
        if d.spec?.paused != true, let n = newRS, isComplete(d, n, cluster) { cleanup(d, old, cluster) }
        syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster)
    }

    /// deployment sync's scale(): one active RS takes the new size; several share the
    /// change in proportion to their size (larger first), the remainder to the largest.
    private func scaleProportionally(_ d: Deployment, _ newRS: ReplicaSet?, _ old: [ReplicaSet], _ cluster: Cluster) {
        var candidates = old.sorted { !Self.byCreation($0, $1) }
        if let n = newRS { candidates.append(n) }
        let active = candidates.filter { $0.specReplicas > 0 }
        if newRS != nil || !old.isEmpty, active.count <= 1 {
            let target = active.first ?? newRS ?? candidates.first!
            if target.specReplicas != d.specReplicas { scale(target, to: d.specReplicas, d, cluster) }
            return
        }
        if let n = newRS, Int(n.metadata.annotations?[Self.desiredKey] ?? "") == d.specReplicas,
           (n.status?.availableReplicas ?? 0) == d.specReplicas {
            for rs in old where rs.specReplicas > 0 { scale(rs, to: 0, d, cluster) }
            return
        }
        guard d.spec?.strategy?.type != "Recreate" else { return }
        let current = active.reduce(0) { $0 + $1.specReplicas }
        let allowed = d.specReplicas > 0 ? d.specReplicas + maxSurge(d) : 0
        let toAdd = allowed - current
        let ordered = active.sorted { a, b in
            if a.specReplicas != b.specReplicas { return a.specReplicas > b.specReplicas }
            return toAdd > 0 ? !Self.byCreation(a, b) : Self.byCreation(a, b)
        }
        var added = 0
        var after: [String: Int] = [:]
        for rs in ordered {
            guard toAdd != 0, toAdd != added else { after[rs.name] = rs.specReplicas; continue }
            let fraction: Int
            if d.specReplicas == 0 { fraction = -rs.specReplicas } else {
                let annotated = Int(rs.metadata.annotations?[Self.maxKey] ?? "") ?? (d.status?.replicas ?? current)
                let size = Double(rs.specReplicas * (d.specReplicas + maxSurge(d))) / Double(max(annotated, 1))
                fraction = Int(size.rounded(.toNearestOrAwayFromZero)) - rs.specReplicas
            }
            let proportion = toAdd > 0 ? min(fraction, toAdd - added) : max(fraction, toAdd - added)
            after[rs.name] = rs.specReplicas + proportion
            added += proportion
        }
        if toAdd != 0, let first = ordered.first { after[first.name] = max((after[first.name] ?? 0) + toAdd - added, 0) }
        for rs in ordered { scale(rs, to: after[rs.name] ?? rs.specReplicas, d, cluster) }
    }

    // MARK: - Rolling update

    private func rolloutRolling(_ d: Deployment, _ rsList: [ReplicaSet], _ cluster: Cluster) {
        let (newRSOpt, old) = newAndOld(d, rsList, create: true, cluster)
        guard let newRS = newRSOpt else { syncStatus(d, rsList, cluster); return }
        let d = cluster.store.get(Deployment.self, namespace: d.namespace, name: d.name) ?? d
        let all = old + [newRS]
        // reconcileNewReplicaSet
        if newRS.specReplicas != d.specReplicas {
            let target = newRS.specReplicas > d.specReplicas ? d.specReplicas : newRSReplicas(d, all, newRS)
            if target != newRS.specReplicas {
                scale(newRS, to: target, d, cluster)
                syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster)
                return
            }
        }
        if reconcileOld(d, newRS: newRS, old: old, cluster) {
            syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster)
            return
        }
        if isComplete(d, newRS, cluster) { cleanup(d, old, cluster) }
        syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster)
    }

    private func reconcileOld(_ d: Deployment, newRS: ReplicaSet, old: [ReplicaSet], _ cluster: Cluster) -> Bool {
        let oldCount = old.reduce(0) { $0 + $1.specReplicas }
        guard oldCount > 0 else { return false }
        let all = old + [newRS]
        let allCount = all.reduce(0) { $0 + $1.specReplicas }
        let minAvailable = d.specReplicas - maxUnavailable(d)
        let newUnavailable = newRS.specReplicas - (newRS.status?.availableReplicas ?? 0)
        let maxScaledDown = allCount - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return false }
        // cleanupUnhealthyReplicas: unavailable old pods go first, oldest RS first.
        var cleaned = 0
        var oldAfter: [ReplicaSet] = []
        for rs in old.sorted(by: Self.byCreation) {
            var r = rs
            if cleaned < maxScaledDown, r.specReplicas > 0 {
                let unhealthy = r.specReplicas - (r.status?.availableReplicas ?? 0)
                if unhealthy > 0 {
                    let down = min(maxScaledDown - cleaned, unhealthy)
                    r = scale(r, to: r.specReplicas - down, d, cluster)
                    cleaned += down
                }
            }
            oldAfter.append(r)
        }
        // scaleDownOldReplicaSetsForRollingUpdate: available old pods while above minAvailable.
        let available = (oldAfter + [newRS]).reduce(0) { $0 + ($1.status?.availableReplicas ?? 0) }
        var scaledDown = 0
        if available > minAvailable {
            let total = available - minAvailable
            for rs in oldAfter.sorted(by: Self.byCreation) {
                if scaledDown >= total { break }
                if rs.specReplicas == 0 { continue }
                let down = min(rs.specReplicas, total - scaledDown)
                scale(rs, to: rs.specReplicas - down, d, cluster)
                scaledDown += down
            }
        }
        return cleaned + scaledDown > 0
    }

    // MARK: - Recreate

    private func rolloutRecreate(_ d: Deployment, _ rsList: [ReplicaSet], _ cluster: Cluster) {
        let (existingNew, old) = newAndOld(d, rsList, create: false, cluster)
        var scaledDown = false
        for rs in old where rs.specReplicas > 0 {
            scale(rs, to: 0, d, cluster)
            scaledDown = true
        }
        if scaledDown { syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster); return }
        // Wait until every old pod is gone before starting new ones.
        for rs in old where !cluster.pods(ownedBy: rs.metadata.uid ?? "").isEmpty {
            syncStatus(d, rsList, cluster)
            return
        }
        var newRS = existingNew
        if newRS == nil { newRS = newAndOld(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), create: true, cluster).0 }
        if let n = newRS, n.specReplicas != d.specReplicas { scale(n, to: d.specReplicas, d, cluster) }
        if let n = newRS, isComplete(d, n, cluster) { cleanup(d, old, cluster) }
        syncStatus(d, cluster.replicaSets(ownedBy: d.metadata.uid ?? ""), cluster)
    }

    // MARK: - History and status

    private func isComplete(_ d: Deployment, _ newRS: ReplicaSet, _ cluster: Cluster) -> Bool {
        let rs = cluster.store.get(ReplicaSet.self, namespace: newRS.namespace, name: newRS.name) ?? newRS
        let all = cluster.replicaSets(ownedBy: d.metadata.uid ?? "")
        let total = all.reduce(0) { $0 + ($1.status?.replicas ?? 0) }
        return (rs.status?.replicas ?? 0) == d.specReplicas && total == d.specReplicas
            && (rs.status?.availableReplicas ?? 0) == d.specReplicas
    }

    /// Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit.
    private func cleanup(_ d: Deployment, _ old: [ReplicaSet], _ cluster: Cluster) {
        let limit = d.spec?.revisionHistoryLimit ?? 10
        let idle = old.compactMap { cluster.store.get(ReplicaSet.self, namespace: $0.namespace, name: $0.name) }
            .filter { $0.specReplicas == 0 && ($0.status?.replicas ?? 0) == 0 && $0.metadata.deletionTimestamp == nil }
            .sorted { Self.revision($0) < Self.revision($1) }
        guard idle.count > limit else { return }
        for rs in idle.prefix(idle.count - limit) {
            _ = try? cluster.delete(.replicasets, namespace: rs.namespace, name: rs.name)
        }
    }

    private func setCondition(_ d: inout Deployment, type: String, status: String, reason: String, message: String, _ cluster: Cluster) {
        var st = d.status ?? DeploymentStatus()
        var list = st.conditions ?? []
        if let i = list.firstIndex(where: { $0.type == type }) {
            if list[i].status == status && list[i].reason == reason && list[i].message == message { return }
            var c = list[i]
            if c.status != status { c.lastTransitionTime = cluster.time }
            c.status = status; c.reason = reason; c.message = message
            c.lastUpdateTime = cluster.time
            list[i] = c
        } else {
            var c = Condition(type: type, status: status, lastTransitionTime: cluster.time, reason: reason, message: message)
            c.lastUpdateTime = cluster.time
            list.append(c)
        }
        // Available is listed before Progressing, as the controller adds them in that order.
        st.conditions = list.sorted { ($0.type == "Available" ? 0 : $0.type == "Progressing" ? 1 : 2) < ($1.type == "Available" ? 0 : $1.type == "Progressing" ? 1 : 2) }
        d.status = st
    }

    private func syncStatus(_ d: Deployment, _ rsList: [ReplicaSet], _ cluster: Cluster) {
        guard var cur = cluster.store.get(Deployment.self, namespace: d.namespace, name: d.name) else { return }
        let live = cluster.replicaSets(ownedBy: cur.metadata.uid ?? "")
        let newRS = findNewRS(cur, live)
        var st = cur.status ?? DeploymentStatus()
        let replicas = live.reduce(0) { $0 + ($1.status?.replicas ?? 0) }
        let ready = live.reduce(0) { $0 + ($1.status?.readyReplicas ?? 0) }
        let available = live.reduce(0) { $0 + ($1.status?.availableReplicas ?? 0) }
        st.observedGeneration = cur.metadata.generation
        st.replicas = replicas == 0 ? nil : replicas
        st.updatedReplicas = (newRS?.status?.replicas ?? 0) == 0 ? nil : newRS?.status?.replicas
        st.readyReplicas = ready == 0 ? nil : ready
        st.availableReplicas = available == 0 ? nil : available
        let unavailable = max(cur.specReplicas - available, 0)
        st.unavailableReplicas = unavailable == 0 ? nil : unavailable
        cur.status = st
        if available >= cur.specReplicas - maxUnavailable(cur) {
            setCondition(&cur, type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability.", cluster)
        } else {
            setCondition(&cur, type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability.", cluster)
        }
        if cur.spec?.paused == true {
            setCondition(&cur, type: "Progressing", status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused", cluster)
        } else if let n = newRS {
            let nrs = cluster.store.get(ReplicaSet.self, namespace: n.namespace, name: n.name) ?? n
            let complete = (nrs.status?.replicas ?? 0) == cur.specReplicas && replicas == cur.specReplicas
                && (nrs.status?.availableReplicas ?? 0) == cur.specReplicas && nrs.specReplicas == cur.specReplicas
            if complete {
                setCondition(&cur, type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: "ReplicaSet \"\(n.name)\" has successfully progressed.", cluster)
            } else if cur.status?.condition("Progressing")?.reason != "NewReplicaSetCreated" || cur.status?.condition("Progressing")?.message != "Created new replica set \"\(n.name)\"" || st.updatedReplicas != nil {
                let existing = cur.status?.condition("Progressing")
                if existing?.reason == "NewReplicaSetCreated" && existing?.message == "Created new replica set \"\(n.name)\"" && (nrs.status?.replicas ?? 0) == 0 {
                    // Keep the creation condition until the new pods show up.
                } else {
                    setCondition(&cur, type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: "ReplicaSet \"\(n.name)\" is progressing.", cluster)
                }
            }
        }
        cluster.updateStatus(cur)
    }
}
