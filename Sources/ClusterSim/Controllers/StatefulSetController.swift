import KubeAPI

/// statefulset-controller (pkg/controller/statefulset, stateful_set_control.go):
/// - pods `NAME-N` with a stable identity (hostname = pod name, subdomain = serviceName,
///   labels `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index`,
///   `controller-revision-hash`) and one claim per volumeClaimTemplate `TEMPLATE-NAME-N`,
///   created before the pod and reused when the pod is made again;
/// - OrderedReady: one pod at a time, 0→N-1, each Running and Ready before the next; scale
///   down N-1→0 one at a time. Parallel: all at once;
/// - RollingUpdate from the highest ordinal down to `partition`, deleting one pod at a time
///   and waiting for its replacement to be Running and Ready; OnDelete: only pods deleted by
///   hand come back with the new template;
/// - ControllerRevisions (current/update revision, history limit) and status;
/// - persistentVolumeClaimRetentionPolicy (whenDeleted, whenScaled).
final class StatefulSetController: Controller {
    static let component = "statefulset-controller"
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"

    let watchedKinds: Set<String>? = ["StatefulSet", "Pod", "PersistentVolumeClaim"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        switch change.object {
        case let s as StatefulSet:
            return [ObjectStore.key(s.namespace, s.name)]
        case let p as Pod:
            var keys: [String] = []
            for ref in [change.old?.metadata.controllerRef, p.metadata.controllerRef] {
                if let r = ref, r.kind == "StatefulSet" { keys.append(ObjectStore.key(p.namespace, r.name)) }
            }
            // A pod of a deleted set going away may unblock the set made again under that name.
            if change.type == .deleted, let (parent, _) = Self.parentAndOrdinal(p.name),
               cluster.store.get(StatefulSet.self, namespace: p.namespace, name: parent) != nil {
                keys.append(ObjectStore.key(p.namespace, parent))
            }
            return keys
        case let c as PersistentVolumeClaim where change.type == .deleted:
            // A claim being deleted blocks pod creation until it is gone.
            guard let ordIdx = c.name.lastIndex(of: "-") else { return [] }
            let base = String(c.name[..<ordIdx])
            return cluster.store.list(StatefulSet.self, namespace: c.namespace)
                .filter { s in (s.spec?.volumeClaimTemplates ?? []).contains { base == "\($0.metadata?.name ?? "")-\(s.name)" } }
                .map { ObjectStore.key($0.namespace, $0.name) }
        default:
            return []
        }
    }

    /// `web-3` → ("web", 3).
    static func parentAndOrdinal(_ podName: String) -> (String, Int)? {
        guard let dash = podName.lastIndex(of: "-"), let ord = Int(podName[podName.index(after: dash)...]), ord >= 0 else { return nil }
        return (String(podName[..<dash]), ord)
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let set = cluster.store.get(StatefulSet.self, namespace: parts[0], name: parts[1]),
              let uid = set.metadata.uid else { return }
        var pods = cluster.pods(ownedBy: uid, namespace: set.namespace)
        if set.metadata.deletionTimestamp != nil {
            // Being deleted (foreground/orphan): the garbage collector handles the pods.
            return
        }
        pods += adoptOrphans(set, cluster)
        let revisions = ControllerHistory.revisions(ownedBy: set, in: cluster)
        let (current, update, collisionCount) = setRevisions(set, revisions, cluster)
        var status = sync(set, current: current, update: update, pods: pods, cluster)
        status.collisionCount = collisionCount
        status.observedGeneration = set.metadata.generation
        writeStatus(set, status, cluster)
        // Keep the revisions pods still use, the current and the update one, and the newest
        // others up to revisionHistoryLimit.
        var live: Set<String> = [current.name, update.name]
        for p in cluster.pods(ownedBy: uid, namespace: set.namespace) {
            if let r = p.metadata.labels?[ControllerHistory.podRevisionLabel] { live.insert(r) }
        }
        ControllerHistory.truncate(ControllerHistory.revisions(ownedBy: set, in: cluster), live: live,
                                   limit: set.spec?.revisionHistoryLimit ?? 10, in: cluster)
    }

    // MARK: - Revisions

    /// getStatefulSetRevisions: the revision of the set's template (created, or an older one
    /// with the same template renumbered), and the revision the pods are currently at.
    private func setRevisions(_ set: StatefulSet, _ revisions: [ControllerRevision], _ cluster: Cluster)
        -> (current: ControllerRevision, update: ControllerRevision, collisionCount: Int) {
        var collisionCount = set.status?.collisionCount ?? 0
        let data = ControllerHistory.templatePatch(set.spec?.template)
        let equal = ControllerHistory.equalRevisions(revisions, data: data)
        let next = ControllerHistory.nextRevision(revisions)
        let update: ControllerRevision
        if let last = equal.last, last.name == revisions.last?.name {
            update = last
        } else if let last = equal.last {
            update = ControllerHistory.renumber(last, to: next, in: cluster)
        } else {
            let fresh = ControllerHistory.newRevision(owner: set, template: set.spec?.template, revision: next,
                                                      hash: "", hashLabel: ControllerHistory.revisionHashLabel)
            let (saved, count) = ControllerHistory.create(fresh, owner: set, collisionCount: collisionCount, in: cluster)
            update = saved
            collisionCount = count
        }
        let currentName = set.status?.currentRevision
        let current = revisions.first { $0.name == currentName && $0.name != update.name } ?? (currentName == update.name ? update : nil)
        return (current ?? update, update, collisionCount)
    }

    // MARK: - The sync

    private struct Replica {
        let ordinal: Int
        var pod: Pod?
    }

    private func sync(_ set: StatefulSet, current: ControllerRevision, update: ControllerRevision, pods: [Pod],
                      _ cluster: Cluster) -> StatefulSetStatus {
        let replicaCount = set.specReplicas
        let start = set.spec?.ordinals?.start ?? 0
        let monotonic = set.spec?.podManagementPolicy != "Parallel"
        let minReady = Double(set.spec?.minReadySeconds ?? 0)

        var status = StatefulSetStatus()
        status.currentRevision = current.name
        status.updateRevision = update.name
        var replicas: [Pod?] = Array(repeating: nil, count: replicaCount)
        var condemned: [Pod] = []
        var ready = 0, available = 0, currentCount = 0, updatedCount = 0
        for p in pods {
            guard let (parent, ord) = Self.parentAndOrdinal(p.name), parent == set.name else { continue }
            status.replicas += 1
            if isRunningAndReady(p) {
                ready += 1
                if isAvailable(p, minReady, cluster) { available += 1 }
            }
            if p.metadata.deletionTimestamp == nil {
                let rev = p.metadata.labels?[ControllerHistory.podRevisionLabel]
                if rev == current.name { currentCount += 1 }
                if rev == update.name { updatedCount += 1 }
            }
            if ord >= start && ord < start + replicaCount { replicas[ord - start] = p } else { condemned.append(p) }
        }
        condemned.sort { (Self.parentAndOrdinal($0.name)?.1 ?? 0) > (Self.parentAndOrdinal($1.name)?.1 ?? 0) }
        func finish() -> StatefulSetStatus {
            status.readyReplicas = ready
            status.availableReplicas = available
            status.currentReplicas = currentCount
            status.updatedReplicas = updatedCount
            return completeRollingUpdate(set, status)
        }

        // Missing or failed replicas first, lowest ordinal first.
        for i in 0..<replicaCount {
            let ord = start + i
            if let p = replicas[i], ["Failed", "Succeeded"].contains(p.phase), p.metadata.deletionTimestamp == nil {
                cluster.recordEvent(for: set, type: "Warning", reason: "RecreatingFailedPod",
                                    message: "StatefulSet \(set.namespace)/\(set.name) is recreating failed Pod \(p.name)",
                                    component: Self.component)
                _ = try? cluster.delete(.pods, namespace: p.namespace, name: p.name, gracePeriod: 0)
                cluster.recordEvent(for: set, reason: "SuccessfulDelete", message: "delete Pod \(p.name) in StatefulSet \(set.name) successful",
                                    component: Self.component)
                if let rev = p.metadata.labels?[ControllerHistory.podRevisionLabel] {
                    if rev == current.name { currentCount -= 1 }
                    if rev == update.name { updatedCount -= 1 }
                }
                status.replicas -= 1
                replicas[i] = nil
                if monotonic { return finish() }
                continue
            }
            if replicas[i] == nil {
                let useCurrent = set.spec?.updateStrategy?.type != "OnDelete"
                    && ord < start + (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0)
                let revision = useCurrent ? current : update
                guard let created = createPod(set, ordinal: ord, revision: revision, cluster) else { return finish() }
                replicas[i] = created
                status.replicas += 1
                if revision.name == current.name { currentCount += 1 }
                if revision.name == update.name { updatedCount += 1 }
                if monotonic { return finish() }
                continue
            }
            guard let p = replicas[i] else { continue }
            if monotonic && p.metadata.deletionTimestamp != nil { return finish() }
            if monotonic && !(isRunningAndReady(p) && isAvailable(p, minReady, cluster)) {
                if isRunningAndReady(p) { scheduleAvailabilityCheck(set, p, minReady, cluster) }
                return finish()
            }
            // Claims deleted by hand come back for a running pod's next incarnation only; the
            // identity labels are restored at once.
            restoreIdentity(set, p, cluster)
        }

        // Surplus pods, highest ordinal first.
        for p in condemned {
            if p.metadata.deletionTimestamp != nil {
                if monotonic { return finish() }
                continue
            }
            if monotonic, !isRunningAndReady(p), p.name != condemned.first(where: { !isRunningAndReady($0) })?.name {
                return finish()
            }
            markClaimsForScaleDown(set, p, cluster)
            deletePod(set, p, cluster)
            if let rev = p.metadata.labels?[ControllerHistory.podRevisionLabel] {
                if rev == current.name { currentCount -= 1 }
                if rev == update.name { updatedCount -= 1 }
            }
            if monotonic { return finish() }
        }

        guard set.spec?.updateStrategy?.type != "OnDelete" else { return finish() }
        // RollingUpdate: the highest ordinal not at the update revision goes first; wait for
        // each replacement to be healthy.
        let partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0
        let updateMin = max(0, min(partition, replicaCount))
        var target = replicaCount - 1
        while target >= updateMin {
            guard let p = replicas[target] else { return finish() }
            if p.metadata.labels?[ControllerHistory.podRevisionLabel] != update.name && p.metadata.deletionTimestamp == nil {
                deletePod(set, p, cluster)
                if p.metadata.labels?[ControllerHistory.podRevisionLabel] == current.name { currentCount -= 1 }
                return finish()
            }
            if !(isRunningAndReady(p) && isAvailable(p, minReady, cluster)) || p.metadata.deletionTimestamp != nil { return finish() }
            target -= 1
        }
        return finish()
    }

    /// completeRollingUpdate: once every pod is updated and ready, the update revision becomes
    /// the current one.
    private func completeRollingUpdate(_ set: StatefulSet, _ status: StatefulSetStatus) -> StatefulSetStatus {
        var s = status
        if set.spec?.updateStrategy?.type != "OnDelete", (s.updatedReplicas ?? 0) == s.replicas, (s.readyReplicas ?? 0) == s.replicas {
            s.currentReplicas = s.updatedReplicas
            s.currentRevision = s.updateRevision
        }
        // OnDelete: the current revision follows once every pod runs the update revision.
        if set.spec?.updateStrategy?.type == "OnDelete", (s.updatedReplicas ?? 0) == s.replicas {
            s.currentReplicas = s.updatedReplicas
            s.currentRevision = s.updateRevision
        }
        return s
    }

    private func isRunningAndReady(_ p: Pod) -> Bool { p.phase == "Running" && p.isReady }

    private func isAvailable(_ p: Pod, _ minReady: Double, _ cluster: Cluster) -> Bool {
        guard minReady > 0 else { return true }
        let since = p.status?.condition("Ready")?.lastTransitionTime?.seconds ?? cluster.now
        return since + minReady <= cluster.now
    }

    private func scheduleAvailabilityCheck(_ set: StatefulSet, _ p: Pod, _ minReady: Double, _ cluster: Cluster) {
        let since = p.status?.condition("Ready")?.lastTransitionTime?.seconds ?? cluster.now
        let key = ObjectStore.key(set.namespace, set.name)
        cluster.schedule(after: max(0, since + minReady - cluster.now)) { [weak self] c in self?.reconcile(key, in: c) }
    }

    private func writeStatus(_ set: StatefulSet, _ status: StatefulSetStatus, _ cluster: Cluster) {
        guard var current = cluster.store.get(StatefulSet.self, namespace: set.namespace, name: set.name),
              current.metadata.uid == set.metadata.uid else { return }
        var st = status
        // omitempty fields stay out of the object while zero, as in apps/v1.
        if st.readyReplicas == 0 { st.readyReplicas = nil }
        if st.currentReplicas == 0 { st.currentReplicas = nil }
        if st.updatedReplicas == 0 { st.updatedReplicas = nil }
        st.conditions = current.status?.conditions
        current.status = st
        cluster.updateStatus(current)
    }

    // MARK: - Pods and claims

    private func adoptOrphans(_ set: StatefulSet, _ cluster: Cluster) -> [Pod] {
        guard let sel = set.spec?.selector, !sel.isEmpty else { return [] }
        var adopted: [Pod] = []
        for var pod in cluster.pods(ownedBy: Cluster.orphans, namespace: set.namespace)
        where pod.metadata.deletionTimestamp == nil && sel.matches(pod.metadata.labels)
            && Self.parentAndOrdinal(pod.name)?.0 == set.name {
            pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []) + [ownerRef(set)]
            if let p = cluster.write(pod) as? Pod { adopted.append(p) }
        }
        return adopted
    }

    private func ownerRef(_ set: StatefulSet) -> OwnerReference {
        OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: set.name, uid: set.metadata.uid ?? "")
    }

    /// The claims of one ordinal: each template with its name `TEMPLATE-SET-ORDINAL`, the
    /// set's selector labels, in the set's namespace (getPersistentVolumeClaims).
    static func claims(_ set: StatefulSet, ordinal: Int) -> [PersistentVolumeClaim] {
        (set.spec?.volumeClaimTemplates ?? []).map { t in
            var meta = t.metadata ?? ObjectMeta()
            let templateName = meta.name ?? ""
            meta.name = "\(templateName)-\(set.name)-\(ordinal)"
            meta.namespace = set.namespace
            var labels = meta.labels ?? [:]
            for (k, v) in set.spec?.selector?.matchLabels ?? [:] { labels[k] = v }
            meta.labels = labels.isEmpty ? nil : labels
            meta.creationTimestamp = nil
            return PersistentVolumeClaim(metadata: meta, spec: t.spec ?? PersistentVolumeClaimSpec())
        }
    }

    /// newVersionedStatefulSetPod: the template of `revision` with the ordinal's identity and
    /// claims.
    private func newPod(_ set: StatefulSet, ordinal: Int, revision: ControllerRevision) -> Pod? {
        let template = ControllerHistory.template(of: revision) ?? set.spec?.template
        guard var spec = template?.spec else { return nil }
        let name = "\(set.name)-\(ordinal)"
        var meta = ObjectMeta(name: name, namespace: set.namespace)
        var labels = template?.metadata?.labels ?? [:]
        labels[Self.podNameLabel] = name
        labels[Self.podIndexLabel] = String(ordinal)
        labels[ControllerHistory.podRevisionLabel] = revision.name
        meta.labels = labels
        meta.annotations = template?.metadata?.annotations
        meta.ownerReferences = [ownerRef(set)]
        spec.hostname = name
        if let svc = set.spec?.serviceName, !svc.isEmpty { spec.subdomain = svc }
        // Each claim template becomes a volume of that name (replacing a template volume of
        // the same name).
        var volumes = spec.volumes ?? []
        for t in set.spec?.volumeClaimTemplates ?? [] {
            let vname = t.metadata?.name ?? ""
            var v = Volume(name: vname)
            v.persistentVolumeClaim = PVCVolumeSource(claimName: "\(vname)-\(set.name)-\(ordinal)")
            if let i = volumes.firstIndex(where: { $0.name == vname }) { volumes[i] = v } else { volumes.append(v) }
        }
        spec.volumes = volumes.isEmpty ? nil : volumes
        return Pod(metadata: meta, spec: spec)
    }

    /// createPersistentVolumeClaims + CreateStatefulPod, with the controller's events.
    private func createPod(_ set: StatefulSet, ordinal: Int, revision: ControllerRevision, _ cluster: Cluster) -> Pod? {
        guard let pod = newPod(set, ordinal: ordinal, revision: revision) else { return nil }
        for var claim in Self.claims(set, ordinal: ordinal) {
            if let existing = cluster.store.get(PersistentVolumeClaim.self, namespace: set.namespace, name: claim.name) {
                if existing.metadata.deletionTimestamp != nil {
                    cluster.recordEvent(for: set, type: "Warning", reason: "FailedCreate",
                                        message: "create Pod \(pod.name) in StatefulSet \(set.name) failed error: pvc \(claim.name) is being deleted",
                                        component: Self.component)
                    return nil
                }
                updateClaimOwner(set, existing, cluster)
                continue
            }
            if set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Delete" {
                claim.metadata.ownerReferences = [ownerRef(set)]
            }
            do {
                try cluster.create(claim, namespace: set.namespace)
                cluster.recordEvent(for: set, reason: "SuccessfulCreate",
                                    message: "create Claim \(claim.name) Pod \(pod.name) in StatefulSet \(set.name) success",
                                    component: Self.component)
            } catch {
                cluster.recordEvent(for: set, type: "Warning", reason: "FailedCreate",
                                    message: "create Claim \(claim.name) for Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error.message)",
                                    component: Self.component)
                return nil
            }
        }
        do {
            let created = try cluster.create(pod, namespace: set.namespace)
            cluster.recordEvent(for: set, reason: "SuccessfulCreate", message: "create Pod \(pod.name) in StatefulSet \(set.name) successful",
                                component: Self.component)
            return created as? Pod
        } catch {
            // Typically the previous incarnation still terminating: retried when it is gone.
            cluster.recordEvent(for: set, type: "Warning", reason: "FailedCreate",
                                message: "create Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error.message)",
                                component: Self.component)
            return nil
        }
    }

    private func deletePod(_ set: StatefulSet, _ pod: Pod, _ cluster: Cluster) {
        do {
            try cluster.delete(.pods, namespace: pod.namespace, name: pod.name)
            cluster.recordEvent(for: set, reason: "SuccessfulDelete", message: "delete Pod \(pod.name) in StatefulSet \(set.name) successful",
                                component: Self.component)
        } catch {
            cluster.recordEvent(for: set, type: "Warning", reason: "FailedDelete",
                                message: "delete Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error.message)",
                                component: Self.component)
        }
    }

    /// The identity labels a learner may have removed come back (updateStatefulPod).
    private func restoreIdentity(_ set: StatefulSet, _ pod: Pod, _ cluster: Cluster) {
        guard let (_, ord) = Self.parentAndOrdinal(pod.name) else { return }
        var labels = pod.metadata.labels ?? [:]
        guard labels[Self.podNameLabel] != pod.name || labels[Self.podIndexLabel] != String(ord) else { return }
        labels[Self.podNameLabel] = pod.name
        labels[Self.podIndexLabel] = String(ord)
        var p = pod
        p.metadata.labels = labels
        cluster.write(p)
    }

    /// whenDeleted: Delete makes the set own its claims (deleted with it by the garbage
    /// collector); Retain leaves them unowned.
    private func updateClaimOwner(_ set: StatefulSet, _ claim: PersistentVolumeClaim, _ cluster: Cluster) {
        let wantOwned = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted == "Delete"
        let owned = claim.metadata.ownerReferences?.contains { $0.uid == set.metadata.uid } ?? false
        guard wantOwned != owned else { return }
        var c = claim
        var refs = (c.metadata.ownerReferences ?? []).filter { $0.kind != "StatefulSet" }
        if wantOwned { refs.append(ownerRef(set)) }
        c.metadata.ownerReferences = refs.isEmpty ? nil : refs
        cluster.write(c)
    }

    /// whenScaled: Delete removes the claims of a pod removed by a scale down, once it is gone.
    private func markClaimsForScaleDown(_ set: StatefulSet, _ pod: Pod, _ cluster: Cluster) {
        guard set.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled == "Delete",
              let (_, ord) = Self.parentAndOrdinal(pod.name) else { return }
        let names = Self.claims(set, ordinal: ord).map(\.name)
        let ns = set.namespace, podUID = pod.metadata.uid
        func check(_ c: Cluster) {
            if let p = c.store.get(Pod.self, namespace: ns, name: pod.name), p.metadata.uid == podUID {
                c.schedule(after: 1) { check($0) }
                return
            }
            for n in names { _ = try? c.delete(.persistentvolumeclaims, namespace: ns, name: n) }
        }
        cluster.schedule(after: 1) { check($0) }
    }
}
