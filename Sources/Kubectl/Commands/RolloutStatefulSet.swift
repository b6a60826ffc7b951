import KubeAPI
import ClusterSim

/// `kubectl rollout` for StatefulSets (kubectl/pkg/polymorphichelpers): status from the
/// StatefulSet's status, history and undo from its ControllerRevisions, restart through the
/// `restartedAt` template annotation; pause and resume aren't supported.
extension Kubectl {
    func rolloutStatefulSet(_ sub: String, _ set: StatefulSet, _ inv: inout Invocation) throws {
        switch sub {
        case "status": try rolloutStatusStatefulSet(set, &inv)
        case "history": try rolloutHistoryStatefulSet(set, &inv)
        case "undo": try rolloutUndoStatefulSet(set, &inv)
        case "restart":
            var cur = set
            var meta = cur.spec?.template?.metadata ?? ObjectMeta()
            meta.annotations = (meta.annotations ?? [:]).merging(["kubectl.kubernetes.io/restartedAt": Time(seconds: cluster.now).rfc3339]) { _, b in b }
            cur.spec?.template?.metadata = meta
            try cluster.update(cur)
            inv.out.out("statefulset.apps/\(set.name) restarted\n")
        case "pause", "resume":
            throw KubectlError("statefulsets.apps \"\(set.name)\" \(sub == "pause" ? "pausing" : "resuming") is not supported")
        default: break
        }
    }

    /// StatefulSetStatusViewer.Status: the message and whether the rollout is done.
    static func statefulSetStatus(_ s: StatefulSet) throws -> (String, Bool) {
        guard (s.spec?.updateStrategy?.type ?? "RollingUpdate") == "RollingUpdate" else {
            throw KubectlError("rollout status is only available for RollingUpdate strategy type")
        }
        let st = s.status ?? StatefulSetStatus()
        let observed = st.observedGeneration ?? 0
        if observed == 0 || (s.metadata.generation ?? 0) > observed {
            return ("Waiting for statefulset spec update to be observed...", false)
        }
        let replicas = s.specReplicas
        let ready = st.readyReplicas ?? 0
        if ready < replicas {
            return ("Waiting for \(replicas - ready) pods to be ready...", false)
        }
        if let ru = s.spec?.updateStrategy?.rollingUpdate {
            let updated = st.updatedReplicas ?? 0
            if let partition = ru.partition, updated < replicas - partition {
                return ("Waiting for partitioned roll out to finish: \(updated) out of \(replicas - partition) new pods have been updated...", false)
            }
            return ("partitioned roll out complete: \(updated) new pods have been updated...", true)
        }
        if st.updateRevision != st.currentRevision {
            return ("waiting for statefulset rolling update to complete \(st.updatedReplicas ?? 0) pods at revision \(st.updateRevision ?? "")...", false)
        }
        return ("statefulset rolling update complete \(st.currentReplicas ?? 0) pods at revision \(st.currentRevision ?? "")...", true)
    }

    private func rolloutStatusStatefulSet(_ s: StatefulSet, _ inv: inout Invocation) throws {
        try watchRollout(s, &inv, status: Kubectl.statefulSetStatus)
    }

    /// The ControllerRevisions a StatefulSet or DaemonSet controls, oldest revision first.
    func controllerRevisions(of owner: any APIObject) -> [ControllerRevision] {
        cluster.list(.controllerrevisions, namespace: owner.namespace).compactMap { $0 as? ControllerRevision }
            .filter { $0.metadata.controllerRef?.uid == owner.metadata.uid }
            .sorted { $0.revision != $1.revision ? $0.revision < $1.revision : $0.name < $1.name }
    }

    /// The pod template a revision's data restores (a StatefulSet's or a DaemonSet's).
    static func revisionTemplate(_ cr: ControllerRevision) -> PodTemplateSpec? {
        guard var t = cr.data?["spec"]?["template"] else { return nil }
        t["$patch"] = nil
        if var meta = t["metadata"]?.objectValue {
            meta["creationTimestamp"] = nil
            t["metadata"] = .object(meta)
        }
        return try? JSONBridge.decode(PodTemplateSpec.self, from: t)
    }

    private func rolloutHistoryStatefulSet(_ s: StatefulSet, _ inv: inout Invocation) throws {
        let revs = controllerRevisions(of: s)
        if let r = inv.flags.string("revision"), let n = Int(r), n > 0 {
            if revs.isEmpty {
                inv.out.out("statefulset.apps/\(s.name) with revision #\(n)\nNo rollout history found.\n")
                return
            }
            guard let cr = revs.last(where: { $0.revision == n }) else {
                throw KubectlError("unable to find the specified revision")
            }
            inv.out.out("statefulset.apps/\(s.name) with revision #\(n)\n" + podTemplateText(Kubectl.revisionTemplate(cr), changeCause: nil) + "\n")
            return
        }
        if revs.isEmpty {
            inv.out.out("statefulset.apps/\(s.name) \nNo rollout history found.\n")
            return
        }
        var rows = [["REVISION", "CHANGE-CAUSE"]]
        var seen: [Int: ControllerRevision] = [:]
        for cr in revs { seen[cr.revision] = cr }
        for n in seen.keys.sorted() {
            let cause = seen[n]?.metadata.annotations?[RolloutCommand.changeCauseKey] ?? ""
            rows.append([String(n), cause.isEmpty ? "<none>" : cause])
        }
        inv.out.out("statefulset.apps/\(s.name) \n" + TabWriter(.kubectlDescribe).format(rows: rows) + "\n")
    }

    private func rolloutUndoStatefulSet(_ s: StatefulSet, _ inv: inout Invocation) throws {
        let toRevision = Int(inv.flags.string("to-revision") ?? "0") ?? 0
        if toRevision < 0 { throw KubectlError("unable to find specified revision \(toRevision) in history") }
        let revs = controllerRevisions(of: s)
        if toRevision == 0 && revs.count <= 1 { throw KubectlError("no last revision to roll back to") }
        // findHistory: the named revision, or the one before the newest.
        let target: ControllerRevision?
        if toRevision == 0 {
            target = revs.count >= 2 ? revs[revs.count - 2] : nil
        } else {
            target = revs.first { $0.revision == toRevision }
        }
        guard let cr = target, let tmpl = Kubectl.revisionTemplate(cr) else {
            throw KubectlError("unable to find specified revision \(toRevision) in history")
        }
        if tmpl == s.spec?.template {
            inv.out.out("statefulset.apps/\(s.name) skipped rollback (current template already matches revision \(toRevision))\n")
            return
        }
        var cur = s
        cur.spec?.template = tmpl
        try cluster.update(cur)
        inv.out.out("statefulset.apps/\(s.name) rolled back\n")
    }
}
