import KubeAPI
import ClusterSim

/// `kubectl rollout status|history|undo|restart` for DaemonSets (polymorphichelpers'
/// daemonset status viewer, history viewer and rollbacker).
extension Kubectl {
    func rolloutDaemonSet(_ sub: String, _ ds: DaemonSet, _ inv: inout Invocation) throws {
        switch sub {
        case "status": try rolloutStatusDaemonSet(ds, &inv)
        case "history": try rolloutHistoryDaemonSet(ds, &inv)
        case "undo": try rolloutUndoDaemonSet(ds, &inv)
        case "restart":
            var cur = ds
            var meta = cur.spec?.template?.metadata ?? ObjectMeta()
            meta.annotations = (meta.annotations ?? [:]).merging(["kubectl.kubernetes.io/restartedAt": Time(seconds: cluster.now).rfc3339]) { _, b in b }
            cur.spec?.template?.metadata = meta
            try cluster.update(cur)
            inv.out.out("daemonset.apps/\(ds.name) restarted\n")
        case "pause", "resume":
            throw RawError(text: "error: daemonsets.apps \"\(ds.name)\" \(sub == "pause" ? "pausing" : "resuming") is not supported\n")
        default: break
        }
    }

    /// The daemon set status viewer's message, and whether the rollout is done.
    static func daemonSetStatus(_ ds: DaemonSet) throws -> (String, Bool) {
        guard ds.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else {
            throw KubectlError("rollout status is only available for RollingUpdate strategy type")
        }
        let st = ds.status ?? DaemonSetStatus()
        guard (ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0) else {
            return ("Waiting for daemon set spec update to be observed...", false)
        }
        let desired = st.desiredNumberScheduled, updated = st.updatedNumberScheduled ?? 0, available = st.numberAvailable ?? 0
        if updated < desired {
            return ("Waiting for daemon set \"\(ds.name)\" rollout to finish: \(updated) out of \(desired) new pods have been updated...", false)
        }
        if available < desired {
            return ("Waiting for daemon set \"\(ds.name)\" rollout to finish: \(available) of \(desired) updated pods are available...", false)
        }
        return ("daemon set \"\(ds.name)\" successfully rolled out", true)
    }

    private func rolloutStatusDaemonSet(_ ds: DaemonSet, _ inv: inout Invocation) throws {
        try watchRollout(ds, &inv, status: Kubectl.daemonSetStatus)
    }

    private func rolloutHistoryDaemonSet(_ ds: DaemonSet, _ inv: inout Invocation) throws {
        let revs = controllerRevisions(of: ds)
        if let r = inv.flags.string("revision"), let n = Int(r), n > 0 {
            guard let cr = revs.first(where: { $0.revision == n }) else {
                throw KubectlError("unable to find the specified revision")
            }
            let text = "daemonset.apps/\(ds.name) with revision #\(n)\n" + podTemplateText(Kubectl.revisionTemplate(cr), changeCause: nil)
            inv.out.out(text + "\n")
            return
        }
        if revs.isEmpty {
            inv.out.out("No rollout history found.\n")
            return
        }
        var rows = [["REVISION", "CHANGE-CAUSE"]]
        for cr in revs { rows.append([String(cr.revision), cr.metadata.annotations?[RolloutCommand.changeCauseKey] ?? "<none>"]) }
        inv.out.out("daemonset.apps/\(ds.name) \n" + TabWriter(.kubectlDescribe).format(rows: rows) + "\n")
    }

    private func rolloutUndoDaemonSet(_ ds: DaemonSet, _ inv: inout Invocation) throws {
        let revs = controllerRevisions(of: ds)
        let to = Int(inv.flags.string("to-revision") ?? "0") ?? 0
        if to == 0 && revs.count <= 1 { throw KubectlError("no last revision to roll back to") }
        // findHistory: the given revision, or the one before the newest.
        let target: ControllerRevision? = to == 0 ? revs.dropLast().last : revs.first { $0.revision == to }
        guard let cr = target, let tmpl = Kubectl.revisionTemplate(cr) else {
            throw KubectlError("unable to find specified revision \(to) in history")
        }
        if cr.revision == revs.last?.revision || tmpl == ds.spec?.template {
            inv.out.out("daemonset.apps/\(ds.name) skipped rollback (current template already matches revision \(cr.revision))\n")
            return
        }
        var cur = ds
        cur.spec?.template = tmpl
        try cluster.update(cur)
        inv.out.out("daemonset.apps/\(ds.name) rolled back\n")
    }
}
