import KubeAPI
import ClusterSim

extension DescribeContext {
    /// DescribePodTemplate.
    func describePodTemplate(_ w: DescribeWriter, _ template: PodTemplateSpec?) {
        w.write(0, "Pod Template:\n")
        guard let template else { w.write(1, "<unset>"); return }
        let meta = template.metadata ?? ObjectMeta()
        let spec = template.spec ?? PodSpec(containers: [])
        printLabels(w, "  Labels", meta.labels)
        if let ann = meta.annotations, !ann.isEmpty { printAnnotations(w, "  Annotations", ann) }
        if let sa = spec.serviceAccountName, !sa.isEmpty { w.write(1, "Service Account:\t\(sa)\n") }
        if let inits = spec.initContainers, !inits.isEmpty {
            describeContainers(w, "Init Containers", inits, nil, nil, space: "  ")
        }
        describeContainers(w, "Containers", spec.containers, nil, nil, space: "  ")
        describeVolumes(w, spec.volumes, space: "  ")
        describeTopologySpreadConstraints(w, spec.topologySpreadConstraints, space: "  ")
        if let pc = spec.priorityClassName, !pc.isEmpty { w.write(1, "Priority Class Name:\t\(pc)\n") }
        printLabels(w, "  Node-Selectors", spec.nodeSelector)
        printTolerations(w, "  Tolerations", spec.tolerations)
    }

    /// getPodStatusForController: phases of the pods the selector matches that this
    /// controller owns.
    func podPhaseCounts(namespace: String, selector: LabelSelector?, owner uid: String?) -> (running: Int, waiting: Int, succeeded: Int, failed: Int) {
        var r = 0, wt = 0, s = 0, f = 0
        // An empty or missing selector lists everything (labels.Everything()).
        for case let pod as Pod in cluster.list(.pods, namespace: namespace) {
            if let sel = selector, !sel.matches(pod.metadata.labels) { continue }
            guard let ref = pod.metadata.controllerRef, ref.uid == uid else { continue }
            switch pod.status?.phase ?? "" {
            case "Running": r += 1
            case "Pending": wt += 1
            case "Succeeded": s += 1
            case "Failed": f += 1
            default: break
            }
        }
        return (r, wt, s, f)
    }

    /// describeReplicaSet.
    func describeReplicaSet(_ rs: ReplicaSet) -> String {
        let w = DescribeWriter()
        let spec = rs.spec ?? ReplicaSetSpec()
        let counts = podPhaseCounts(namespace: rs.namespace, selector: spec.selector, owner: rs.metadata.uid)
        let events = events(for: rs)
        w.write(0, "Name:\t\(rs.name)\n")
        w.write(0, "Namespace:\t\(rs.namespace)\n")
        w.write(0, "Selector:\t\(formatSelector(spec.selector))\n")
        printLabels(w, "Labels", rs.metadata.labels)
        printAnnotations(w, "Annotations", rs.metadata.annotations)
        if let c = controlledBy(rs.metadata) { w.write(0, "Controlled By:\t\(c)\n") }
        w.write(0, "Replicas:\t\(rs.status?.replicas ?? 0) current / \(spec.replicas ?? 1) desired\n")
        w.write(0, "Pods Status:\t")
        w.write(0, "\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        describePodTemplate(w, spec.template)
        if let conds = rs.status?.conditions, !conds.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
            w.write(1, "----\t------\t------\n")
            for c in conds { w.write(1, "\(c.type) \t\(c.status)\t\(c.reason ?? "")\n") }
        }
        describeEvents(w, events)
        return w.finish()
    }

    /// deploymentutil.GetAllReplicaSetsInChunks: the ReplicaSets the selector matches and the
    /// Deployment controls, oldest first; the oldest one whose template equals the
    /// Deployment's (ignoring pod-template-hash) is the new one, all others are old.
    func replicaSets(of d: Deployment) -> (old: [ReplicaSet], new: ReplicaSet?) {
        var owned: [ReplicaSet] = []
        for case let rs as ReplicaSet in cluster.list(.replicasets, namespace: d.namespace) {
            if let sel = d.spec?.selector, !sel.matches(rs.metadata.labels) { continue }
            guard let ref = rs.metadata.controllerRef, ref.uid == d.metadata.uid else { continue }
            owned.append(rs)
        }
        DescribeGoSort.sort(&owned) { a, b in
            let ta = a.metadata.creationTimestamp.map { $0.seconds.rounded(.down) } ?? 0
            let tb = b.metadata.creationTimestamp.map { $0.seconds.rounded(.down) } ?? 0
            return ta == tb ? GoText.less(a.name, b.name) : ta < tb
        }
        func stripped(_ t: PodTemplateSpec?) -> PodTemplateSpec? {
            guard var t else { return nil }
            t.metadata?.labels?["pod-template-hash"] = nil
            if t.metadata?.labels?.isEmpty == true, d.spec?.template?.metadata?.labels == nil { t.metadata?.labels = nil }
            return t
        }
        let target = stripped(d.spec?.template)
        let new = owned.first { stripped($0.spec?.template) == target }
        let old = owned.filter { $0.metadata.uid != new?.metadata.uid || new == nil }
        return (old, new)
    }

    /// describeDeployment.
    func describeDeployment(_ d: Deployment) -> String {
        let w = DescribeWriter()
        let spec = d.spec ?? DeploymentSpec()
        let status = d.status ?? DeploymentStatus()
        let events = events(for: d)
        let (oldRSs, newRS) = replicaSets(of: d)
        w.write(0, "Name:\t\(d.name)\n")
        w.write(0, "Namespace:\t\(d.namespace)\n")
        w.write(0, "CreationTimestamp:\t\(Describe.rfc1123Z(d.metadata.creationTimestamp))\n")
        printLabels(w, "Labels", d.metadata.labels)
        printAnnotations(w, "Annotations", d.metadata.annotations)
        w.write(0, "Selector:\t\(selectorString(spec.selector))\n")
        w.write(0, "Replicas:\t\(spec.replicas ?? 1) desired | \(status.updatedReplicas ?? 0) updated | \(status.replicas ?? 0) total | \(status.availableReplicas ?? 0) available | \(status.unavailableReplicas ?? 0) unavailable\n")
        w.write(0, "StrategyType:\t\(spec.strategy?.type ?? "")\n")
        w.write(0, "MinReadySeconds:\t\(spec.minReadySeconds ?? 0)\n")
        if let ru = spec.strategy?.rollingUpdate {
            w.write(0, "RollingUpdateStrategy:\t\(ru.maxUnavailable?.description ?? "0") max unavailable, \(ru.maxSurge?.description ?? "0") max surge\n")
        }
        describePodTemplate(w, spec.template)
        if let conds = status.conditions, !conds.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
            w.write(1, "----\t------\t------\n")
            for c in conds { w.write(1, "\(c.type) \t\(c.status)\t\(c.reason ?? "")\n") }
        }
        if !oldRSs.isEmpty || newRS != nil {
            w.write(0, "OldReplicaSets:\t\(replicaSetList(oldRSs))\n")
            w.write(0, "NewReplicaSet:\t\(replicaSetList(newRS.map { [$0] } ?? []))\n")
        }
        describeEvents(w, events)
        return w.finish()
    }

    /// printReplicaSetsByLabels.
    private func replicaSetList(_ list: [ReplicaSet]) -> String {
        let s = list.map { "\($0.name) (\($0.status?.replicas ?? 0)/\($0.spec?.replicas ?? 1) replicas created)" }.joined(separator: ", ")
        return s.isEmpty ? "<none>" : s
    }
}
