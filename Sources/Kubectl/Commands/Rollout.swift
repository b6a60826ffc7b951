import KubeAPI
import ClusterSim

enum RolloutCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("revision"), FlagSpec("to-revision"), FlagSpec("watch", "w", value: false), FlagSpec("timeout"),
        FlagSpec("filename", "f"), FlagSpec("selector", "l"), FlagSpec("output", "o"), FlagSpec("dry-run"),
        FlagSpec("recursive", "R", value: false), FlagSpec("template"), FlagSpec("field-manager"),
    ]
    static let revisionKey = "deployment.kubernetes.io/revision"
    static let changeCauseKey = "kubernetes.io/change-cause"
}

extension Kubectl {
    func rollout(_ inv: inout Invocation) throws {
        guard let sub = inv.flags.positionals.first else {
            throw RawError(text: "error: Required resource not specified.\n")
        }
        var sub2 = inv
        sub2.flags.positionals.removeFirst()
        let valid = ["history", "pause", "restart", "resume", "status", "undo"]
        guard valid.contains(sub) else {
            throw KubectlError("unknown command \"\(sub)\" for \"kubectl rollout\"")
        }
        if sub2.flags.positionals.isEmpty && !sub2.flags.has("filename") {
            throw RawError.noResourcesGiven
        }
        let objects = try targets(sub2.flags.positionals, sub2)
        for obj in objects {
            if let set = obj as? StatefulSet { try rolloutStatefulSet(sub, set, &sub2); continue }
            if let ds = obj as? DaemonSet { try rolloutDaemonSet(sub, ds, &sub2); continue }
            guard let d = obj as? Deployment else {
                if sub == "status" { throw KubectlError("no status viewer has been implemented for \(obj.resource.kind).\(obj.resource.group)") }
                throw KubectlError("no \(sub == "history" ? "history viewer" : sub == "undo" ? "rollbacker" : "\(sub)er") has been implemented for \(obj.resource.kind).\(obj.resource.group)".replacingOccurrences(of: "restarter", with: "restarter"))
            }
            switch sub {
            case "status": try rolloutStatus(d, &sub2)
            case "history": try rolloutHistory(d, &sub2)
            case "undo": try rolloutUndo(d, &sub2)
            case "pause", "resume":
                let pause = sub == "pause"
                var cur = d
                if (cur.spec?.paused ?? false) == pause {
                    sub2.out.out("deployment.apps/\(d.name) already \(pause ? "paused" : "resumed")\n")
                    continue
                }
                cur.spec?.paused = pause ? true : nil
                try cluster.update(cur)
                sub2.out.out("deployment.apps/\(d.name) \(pause ? "paused" : "resumed")\n")
            case "restart":
                if d.spec?.paused == true {
                    throw KubectlError("deployments.apps \"\(d.name)\" can't restart paused deployment (run rollout resume first)")
                }
                var cur = d
                var meta = cur.spec?.template?.metadata ?? ObjectMeta()
                meta.annotations = (meta.annotations ?? [:]).merging(["kubectl.kubernetes.io/restartedAt": Time(seconds: cluster.now).rfc3339]) { _, b in b }
                cur.spec?.template?.metadata = meta
                try cluster.update(cur)
                sub2.out.out("deployment.apps/\(d.name) restarted\n")
            default: break
            }
        }
        inv.out = sub2.out
    }

    /// The rollout-status message for a deployment, and whether it is done.
    static func deploymentStatus(_ d: Deployment) throws -> (String, Bool) {
        let name = d.name
        let st = d.status ?? DeploymentStatus()
        if (d.metadata.generation ?? 0) > (st.observedGeneration ?? 0) {
            return ("Waiting for deployment spec update to be observed...", false)
        }
        if st.condition("Progressing")?.reason == "ProgressDeadlineExceeded" {
            throw KubectlError("deployment \"\(name)\" exceeded its progress deadline")
        }
        let want = d.specReplicas
        let updated = st.updatedReplicas ?? 0
        if updated < want {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \(updated) out of \(want) new replicas have been updated...", false)
        }
        if (st.replicas ?? 0) > updated {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \((st.replicas ?? 0) - updated) old replicas are pending termination...", false)
        }
        if (st.availableReplicas ?? 0) < updated {
            return ("Waiting for deployment \"\(name)\" rollout to finish: \(st.availableReplicas ?? 0) of \(updated) updated replicas are available...", false)
        }
        return ("deployment \"\(name)\" successfully rolled out", true)
    }

    private func rolloutStatus(_ d: Deployment, _ inv: inout Invocation) throws {
        if let want = inv.flags.string("revision"), let n = Int(want) {
            let have = Int(d.metadata.annotations?[RolloutCommand.revisionKey] ?? "") ?? 0
            if n != have { throw KubectlError("desired revision (\(n)) is different from the running revision (\(have))") }
        }
        try watchRollout(d, &inv, status: Kubectl.deploymentStatus)
    }

    /// `rollout status`: the status line now and, unless `--watch=false`, again after every
    /// change to the object (as each watch event prints it) until the rollout is done.
    func watchRollout<T: APIObject>(_ object: T, _ inv: inout Invocation, status: (T) throws -> (String, Bool)) throws {
        let watch = inv.flags.string("watch").map { $0 != "false" } ?? true
        var (msg, done) = try status(object)
        inv.out.out(msg + "\n")
        if done || !watch { return }
        var changed = false
        let id = cluster.store.subscribe { c in
            if c.object is T, c.object.name == object.name, c.object.namespace == object.namespace { changed = true }
        }
        defer { cluster.store.unsubscribe(id) }
        let limit = inv.flags.string("timeout").flatMap(Kubectl.parseDuration) ?? waitLimit
        let start = cluster.now
        while cluster.now - start < limit {
            guard let due = cluster.nextTimerDue, due - start <= limit else { break }
            cluster.advanceToNextBatch()
            guard changed else { continue }
            changed = false
            guard let cur = cluster.store.get(T.self, namespace: object.namespace, name: object.name) else {
                throw KubectlError("object has been deleted")
            }
            (msg, done) = try status(cur)
            inv.out.out(msg + "\n")
            if done { return }
        }
        throw KubectlError("timed out waiting for the condition")
    }

    /// `30s`, `5m`, `1h30m`, or a bare number of seconds.
    static func parseDuration(_ s: String) -> Double? {
        if let n = Double(s) { return n }
        var total = 0.0
        var num = ""
        for c in s {
            if c.isNumber || c == "." { num.append(c); continue }
            guard let v = Double(num) else { return nil }
            switch c { case "h": total += v * 3600; case "m": total += v * 60; case "s": total += v; default: return nil }
            num = ""
        }
        return num.isEmpty ? total : nil
    }

    /// The Deployment's ReplicaSets by revision, as `rollout history` sees them.
    func revisions(_ d: Deployment) -> [(Int, ReplicaSet)] {
        cluster.list(.replicasets, namespace: d.namespace).compactMap { $0 as? ReplicaSet }
            .filter { $0.metadata.controllerRef?.uid == d.metadata.uid }
            .compactMap { rs in Int(rs.metadata.annotations?[RolloutCommand.revisionKey] ?? "").map { ($0, rs) } }
            .sorted { $0.0 < $1.0 }
    }

    private func rolloutHistory(_ d: Deployment, _ inv: inout Invocation) throws {
        let revs = revisions(d)
        if let r = inv.flags.string("revision"), let n = Int(r), n > 0 {
            guard let rs = revs.first(where: { $0.0 == n })?.1 else {
                throw KubectlError("unable to find the specified revision")
            }
            var text = "deployment.apps/\(d.name) with revision #\(n)\n"
            text += podTemplateText(rs.spec?.template, changeCause: rs.metadata.annotations?[RolloutCommand.changeCauseKey])
            inv.out.out(text + "\n")
            return
        }
        if revs.isEmpty {
            inv.out.out("No rollout history found.\n")
            return
        }
        var rows = [["REVISION", "CHANGE-CAUSE"]]
        for (n, rs) in revs { rows.append([String(n), rs.metadata.annotations?[RolloutCommand.changeCauseKey] ?? "<none>"]) }
        inv.out.out("deployment.apps/\(d.name) \n" + TabWriter(.kubectlDescribe).format(rows: rows) + "\n")
    }

    /// DescribePodTemplate as `rollout history --revision` prints it: raw tabs, no alignment.
    func podTemplateText(_ t: PodTemplateSpec?, changeCause: String?) -> String {
        var s = "Pod Template:\n"
        let labels = (t?.metadata?.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        s += "  Labels:\t" + (labels.isEmpty ? "<none>" : labels.joined(separator: "\n\t")) + "\n"
        var ann = t?.metadata?.annotations ?? [:]
        if let c = changeCause { ann[RolloutCommand.changeCauseKey] = c }
        if !ann.isEmpty {
            s += "  Annotations:\t" + ann.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n\t") + "\n"
        }
        s += "  Containers:\n"
        for c in t?.spec?.containers ?? [] {
            s += "   \(c.name):\n"
            s += "    Image:\t\(c.image ?? "")\n"
            let ports = (c.ports ?? []).map { "\($0.containerPort ?? 0)/\($0.protocol ?? "TCP")" }
            s += "    Port:\t\(ports.isEmpty ? "<none>" : ports.joined(separator: ", "))\n"
            let host = (c.ports ?? []).map { "\($0.hostPort ?? 0)/\($0.protocol ?? "TCP")" }
            s += "    Host Port:\t\(host.isEmpty ? "<none>" : host.joined(separator: ", "))\n"
            if let cmd = c.command, !cmd.isEmpty { s += "    Command:\n" + cmd.map { "      \($0)\n" }.joined() }
            if let args = c.args, !args.isEmpty { s += "    Args:\n" + args.map { "      \($0)\n" }.joined() }
            let env = (c.env ?? []).map { "      \($0.name):\t\($0.value ?? "")\n" }
            s += env.isEmpty ? "    Environment:\t<none>\n" : "    Environment:\n" + env.joined()
            let mounts = (c.volumeMounts ?? []).map { "      \($0.mountPath) from \($0.name) (\($0.readOnly == true ? "ro" : "rw"))\n" }
            s += mounts.isEmpty ? "    Mounts:\t<none>\n" : "    Mounts:\n" + mounts.joined()
        }
        s += (t?.spec?.volumes ?? []).isEmpty ? "  Volumes:\t<none>\n" : "  Volumes:\n"
        let sel = (t?.spec?.nodeSelector ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        s += "  Node-Selectors:\t" + (sel.isEmpty ? "<none>" : sel.joined(separator: "\n\t")) + "\n"
        s += "  Tolerations:\t<none>\n"
        return s
    }

    private func rolloutUndo(_ d: Deployment, _ inv: inout Invocation) throws {
        if d.spec?.paused == true {
            throw KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
        }
        let revs = revisions(d)
        var target = Int(inv.flags.string("to-revision") ?? "0") ?? 0
        if target == 0 {
            guard revs.count >= 2 else { throw KubectlError("no rollout history found for deployment \"\(d.name)\"") }
            target = revs[revs.count - 2].0
        }
        guard let rs = revs.first(where: { $0.0 == target })?.1 else {
            throw KubectlError("unable to find specified revision \(target) in history")
        }
        var tmpl = rs.spec?.template
        tmpl?.metadata?.labels?["pod-template-hash"] = nil
        if Kubectl.sameTemplate(tmpl, d.spec?.template) {
            inv.out.out("deployment.apps/\(d.name) skipped rollback (current template already matches revision \(target))\n")
            return
        }
        var cur = d
        cur.spec?.template = tmpl
        // The deployment takes the change-cause (and other annotations) of that revision.
        let skip: Set<String> = ["kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
                                 "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
                                 "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"]
        var ann = (d.metadata.annotations ?? [:]).filter { skip.contains($0.key) }
        for (k, v) in rs.metadata.annotations ?? [:] where !skip.contains(k) { ann[k] = v }
        cur.metadata.annotations = ann.isEmpty ? nil : ann
        try cluster.update(cur)
        inv.out.out("deployment.apps/\(d.name) rolled back\n")
    }

    static func sameTemplate(_ a: PodTemplateSpec?, _ b: PodTemplateSpec?) -> Bool {
        var x = a, y = b
        x?.metadata?.labels?["pod-template-hash"] = nil
        y?.metadata?.labels?["pod-template-hash"] = nil
        return x == y
    }
}
