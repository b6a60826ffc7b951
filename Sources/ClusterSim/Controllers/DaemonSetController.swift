import KubeAPI

/// daemonset-controller (pkg/controller/daemon): one pod per eligible node, pinned to it by
/// node affinity; eligibility by nodeSelector, required node affinity and taints (with the
/// tolerations every daemon pod gets); RollingUpdate (maxUnavailable or maxSurge) and
/// OnDelete; ControllerRevisions; status.
final class DaemonSetController: Controller {
    static let component = "daemonset-controller"
    static let generationLabel = "pod-template-generation"
    static let hashLabel = ControllerHistory.podRevisionLabel

    let watchedKinds: Set<String>? = ["DaemonSet", "Pod", "Node"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        switch change.object {
        case let ds as DaemonSet:
            return [ObjectStore.key(ds.namespace, ds.name)]
        case let pod as Pod:
            var keys: [String] = []
            for ref in [change.old?.metadata.controllerRef, pod.metadata.controllerRef] {
                if let r = ref, r.kind == "DaemonSet" { keys.append(ObjectStore.key(pod.namespace, r.name)) }
            }
            // An orphan a DaemonSet's selector matches may be adopted.
            if pod.metadata.controllerRef == nil, change.type == .added {
                for ds in cluster.store.list(DaemonSet.self, namespace: pod.namespace)
                where ds.spec?.selector.map({ !$0.isEmpty && $0.matches(pod.metadata.labels) }) == true {
                    keys.append(ObjectStore.key(ds.namespace, ds.name))
                }
            }
            return keys
        case let node as Node:
            // Only what decides where daemon pods run matters: labels, taints, readiness.
            if change.type == .modified, let old = change.old as? Node, old.metadata.labels == node.metadata.labels,
               old.spec?.taints == node.spec?.taints, old.isReady == node.isReady { return [] }
            return cluster.store.list(DaemonSet.self).map { ObjectStore.key($0.namespace, $0.name) }
        default:
            return []
        }
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        guard let ds = cluster.store.get(DaemonSet.self, namespace: parts[0], name: parts[1]), let uid = ds.metadata.uid else {
            deleteOrphanedRevisions(namespace: parts[0], owner: parts[1], cluster)
            return
        }
        // Being deleted: the garbage collector takes the pods.
        if ds.metadata.deletionTimestamp != nil { return }
        adoptOrphans(ds, cluster)
        let (current, old) = constructHistory(ds, cluster)
        let hash = current?.metadata.labels?[Self.hashLabel] ?? ""
        let nodes = cluster.store.list(Node.self).sorted { $0.name < $1.name }
        let changed = manage(ds, nodes: nodes, hash: hash, cluster)
        // As the real controller waits for its expectations, the update waits for the
        // creations and deletions just made to be observed.
        if !changed, ds.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" {
            rollingUpdate(ds, uid: uid, nodes: nodes, hash: hash, cluster)
        }
        cleanupHistory(ds, old: old, current: current, cluster)
        updateStatus(ds, hash: hash, cluster)
    }

    // MARK: - Eligibility

    /// The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations), after the
    /// template's own.
    static func daemonTolerations(_ spec: PodSpec) -> [Toleration] {
        var list = spec.tolerations ?? []
        var auto: [(String, String)] = [
            ("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
            ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
            ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule"),
        ]
        if spec.hostNetwork == true { auto.append(("node.kubernetes.io/network-unavailable", "NoSchedule")) }
        for (key, effect) in auto {
            let t = Toleration(key: key, operator: "Exists", effect: effect)
            if let i = list.firstIndex(where: { $0.key == key && $0.effect == effect }) { list[i] = t } else { list.append(t) }
        }
        return list
    }

    /// The taints a node has for scheduling: its own, plus the not-ready taint the node
    /// lifecycle controller puts on a node that isn't Ready.
    static func effectiveTaints(_ node: Node) -> [Taint] {
        var taints = node.spec?.taints ?? []
        if !node.isReady, !taints.contains(where: { $0.key == "node.kubernetes.io/not-ready" }) {
            taints.append(Taint(key: "node.kubernetes.io/not-ready", effect: "NoSchedule"))
        }
        return taints
    }

    /// NodeShouldRunDaemonPod: whether a daemon pod should be created on the node, and
    /// whether one already there may stay (only NoExecute taints evict).
    static func shouldRun(_ ds: DaemonSet, on node: Node) -> (run: Bool, keep: Bool) {
        guard let spec = ds.spec?.template?.spec, node.metadata.deletionTimestamp == nil else { return (false, false) }
        if let sel = spec.nodeSelector, !sel.allSatisfy({ node.metadata.labels?[$0.key] == $0.value }) { return (false, false) }
        if !NodeAffinity.requiredMatches(spec.affinity, node) { return (false, false) }
        let tolerations = daemonTolerations(spec)
        let untolerated = effectiveTaints(node).filter { t in
            (t.effect == "NoSchedule" || t.effect == "NoExecute") && !tolerations.contains { $0.tolerates(t) }
        }
        if untolerated.isEmpty { return (true, true) }
        return (false, !untolerated.contains { $0.effect == "NoExecute" })
    }

    /// The node a daemon pod is for: where it runs, or where its affinity pins it.
    static func targetNode(_ pod: Pod) -> String? {
        if let n = pod.spec?.nodeName { return n }
        return NodeAffinity.pinnedNodeNames(pod.spec?.affinity)?.first
    }

    // MARK: - Pods

    private func adoptOrphans(_ ds: DaemonSet, _ cluster: Cluster) {
        guard let sel = ds.spec?.selector, !sel.isEmpty, let uid = ds.metadata.uid else { return }
        for var pod in cluster.pods(ownedBy: Cluster.orphans, namespace: ds.namespace)
        where pod.metadata.deletionTimestamp == nil && sel.matches(pod.metadata.labels) {
            pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []) +
                [OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: ds.name, uid: uid)]
            cluster.write(pod)
        }
    }

    /// getNodesToDaemonPods: the DaemonSet's pods by target node, oldest first; pods that
    /// finished and are being deleted no longer count.
    private func podsByNode(_ ds: DaemonSet, _ cluster: Cluster) -> [String: [Pod]] {
        var out: [String: [Pod]] = [:]
        for pod in cluster.pods(ownedBy: ds.metadata.uid ?? "", namespace: ds.namespace) {
            if pod.metadata.deletionTimestamp != nil && ["Succeeded", "Failed"].contains(pod.phase) { continue }
            guard let node = Self.targetNode(pod) else { continue }
            out[node, default: []].append(pod)
        }
        for k in out.keys { out[k]?.sort(by: Self.olderFirst) }
        return out
    }

    static func olderFirst(_ a: Pod, _ b: Pod) -> Bool {
        let ta = a.metadata.creationTimestamp?.seconds ?? 0, tb = b.metadata.creationTimestamp?.seconds ?? 0
        return ta != tb ? ta < tb : a.name < b.name
    }

    static func isUpdated(_ pod: Pod, hash: String, generation: Int?) -> Bool {
        let labels = pod.metadata.labels ?? [:]
        let templateMatches = generation.map { labels[generationLabel] == String($0) } ?? false
        return (!hash.isEmpty && labels[hashLabel] == hash) || templateMatches
    }

    static func isAvailable(_ pod: Pod, minReadySeconds: Int, now: Double) -> Bool {
        guard pod.metadata.deletionTimestamp == nil, let ready = pod.status?.condition("Ready"), ready.status == "True" else { return false }
        return minReadySeconds == 0 || (ready.lastTransitionTime?.seconds ?? 0) + Double(minReadySeconds) <= now
    }

    /// manage(): creates the missing daemon pods and deletes those that must go.
    /// Returns whether it created or deleted anything.
    private func manage(_ ds: DaemonSet, nodes: [Node], hash: String, _ cluster: Cluster) -> Bool {
        let byNode = podsByNode(ds, cluster)
        let surge = Self.surgeConfigured(ds)
        var create: [String] = []
        var delete: [Pod] = []
        let nodeNames = Set(nodes.map(\.name))
        for node in nodes {
            let pods = byNode[node.name] ?? []
            let (run, keep) = Self.shouldRun(ds, on: node)
            if run && pods.isEmpty {
                create.append(node.name)
            } else if keep && !pods.isEmpty {
                var running: [Pod] = []
                for p in pods where p.metadata.deletionTimestamp == nil {
                    if p.phase == "Failed" || p.phase == "Succeeded" {
                        cluster.recordEvent(for: ds, type: "Warning", reason: "FailedDaemonPod",
                                            message: "Found failed daemon pod \(p.namespace)/\(p.name) on node \(node.name), will try to kill it",
                                            component: Self.component)
                        delete.append(p)
                    } else {
                        running.append(p)
                    }
                }
                if running.count > 1 {
                    if !surge {
                        delete += running.dropFirst()
                    } else {
                        // With surge, the oldest updated and the oldest old pod may both stay.
                        let updated = running.filter { Self.isUpdated($0, hash: hash, generation: ds.templateGeneration) }
                        let old = running.filter { !Self.isUpdated($0, hash: hash, generation: ds.templateGeneration) }
                        delete += updated.dropFirst() + old.dropFirst()
                    }
                }
            } else if !keep {
                delete += pods.filter { $0.metadata.deletionTimestamp == nil }
            }
        }
        // Pods not yet scheduled, pinned to nodes that no longer exist.
        for (node, pods) in byNode where !nodeNames.contains(node) {
            delete += pods.filter { $0.spec?.nodeName == nil && $0.metadata.deletionTimestamp == nil }
        }
        syncNodes(ds, delete: delete.map(\.name), create: create, hash: hash, cluster)
        return !create.isEmpty || !delete.isEmpty
    }

    private func syncNodes(_ ds: DaemonSet, delete: [String], create: [String], hash: String, _ cluster: Cluster) {
        for node in create { createPod(ds, node: node, hash: hash, cluster) }
        for name in delete {
            guard (try? cluster.delete(.pods, namespace: ds.namespace, name: name)) != nil else { continue }
            cluster.recordEvent(for: ds, reason: "SuccessfulDelete", message: "Deleted pod: \(name)", component: Self.component)
        }
    }

    private func createPod(_ ds: DaemonSet, node: String, hash: String, _ cluster: Cluster) {
        guard let tmpl = ds.spec?.template, var spec = tmpl.spec, let uid = ds.metadata.uid else { return }
        spec.tolerations = Self.daemonTolerations(spec)
        spec.affinity = NodeAffinity.pinning(spec.affinity, to: node)
        var meta = ObjectMeta()
        meta.generateName = ds.name + "-"
        var labels = tmpl.metadata?.labels ?? [:]
        if let g = ds.templateGeneration { labels[Self.generationLabel] = String(g) }
        if !hash.isEmpty { labels[Self.hashLabel] = hash }
        meta.labels = labels
        meta.annotations = tmpl.metadata?.annotations
        meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: ds.name, uid: uid)]
        do {
            let created = try cluster.create(Pod(metadata: meta, spec: spec), namespace: ds.namespace)
            cluster.recordEvent(for: ds, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", component: Self.component)
        } catch {
            cluster.recordEvent(for: ds, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", component: Self.component)
        }
    }

    // MARK: - Rolling update

    /// AllowsSurge: a RollingUpdate with a non-zero maxSurge.
    static func surgeConfigured(_ ds: DaemonSet) -> Bool {
        guard ds.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else { return false }
        switch ds.spec?.updateStrategy?.rollingUpdate?.maxSurge {
        case .int(let i)?: return i > 0
        case .string(let s)?: return (Int(s.dropLast()) ?? 0) > 0
        case nil: return false
        }
    }

    static func maxSurge(_ ds: DaemonSet, desired: Int) -> Int {
        guard ds.spec?.updateStrategy?.type ?? "RollingUpdate" == "RollingUpdate" else { return 0 }
        return ds.spec?.updateStrategy?.rollingUpdate?.maxSurge?.scaled(total: desired, roundUp: true) ?? 0
    }

    /// updatedDesiredNodeCounts: maxUnavailable and maxSurge for this many nodes (rounded
    /// up), with unavailable 1 when both come out 0.
    static func bounds(_ ds: DaemonSet, desired: Int) -> (unavailable: Int, surge: Int) {
        let ru = ds.spec?.updateStrategy?.rollingUpdate
        var unavailable = ru?.maxUnavailable?.scaled(total: desired, roundUp: true) ?? 1
        let surge = maxSurge(ds, desired: desired)
        if desired > 0 && unavailable == 0 && surge == 0 { unavailable = 1 }
        return (unavailable, surge)
    }

    private func rollingUpdate(_ ds: DaemonSet, uid: String, nodes: [Node], hash: String, _ cluster: Cluster) {
        let byNode = podsByNode(ds, cluster)
        let desired = nodes.filter { Self.shouldRun(ds, on: $0).run }.count
        let (maxUnavailable, maxSurge) = Self.bounds(ds, desired: desired)
        let minReady = ds.spec?.minReadySeconds ?? 0
        let now = cluster.now
        let gen = ds.templateGeneration
        func available(_ p: Pod) -> Bool { Self.isAvailable(p, minReadySeconds: minReady, now: now) }
        /// findUpdatedPodsOnNode: at most one new and one old live pod per node.
        func split(_ pods: [Pod]) -> (new: Pod?, old: Pod?, ok: Bool) {
            var new: Pod?, old: Pod?
            for p in pods where p.metadata.deletionTimestamp == nil {
                if Self.isUpdated(p, hash: hash, generation: gen) {
                    if new != nil { return (nil, nil, false) }
                    new = p
                } else {
                    if old != nil { return (nil, nil, false) }
                    old = p
                }
            }
            return (new, old, true)
        }
        let names = byNode.keys.sorted()
        if maxSurge == 0 {
            var numUnavailable = 0
            var replaceNow: [String] = [], candidates: [String] = []
            for n in names {
                let (new, old, ok) = split(byNode[n] ?? [])
                // Nodes the manage loop still has to fix count as unavailable.
                if !ok || (new == nil) == (old == nil) { numUnavailable += 1; continue }
                if let new {
                    if !available(new) { numUnavailable += 1 }
                    continue
                }
                guard let old else { continue }
                if !available(old) { replaceNow.append(old.name); numUnavailable += 1 }
                else if numUnavailable < maxUnavailable { candidates.append(old.name) }
            }
            let remaining = min(max(maxUnavailable - numUnavailable, 0), candidates.count)
            syncNodes(ds, delete: replaceNow + candidates.prefix(remaining), create: [], hash: hash, cluster)
            return
        }
        var deleteOld: [String] = [], allowedNew: [String] = [], candidateNew: [String] = []
        var numSurge = 0
        for n in names {
            let (new, old, ok) = split(byNode[n] ?? [])
            if !ok { numSurge += 1; continue }
            guard let old else { continue }
            if let new {
                if !available(new) { numSurge += 1; continue }
                deleteOld.append(old.name)
            } else if !available(old) {
                allowedNew.append(n)
            } else {
                candidateNew.append(n)
            }
        }
        let remaining = min(max(maxSurge - numSurge, 0), candidateNew.count)
        syncNodes(ds, delete: deleteOld, create: allowedNew + candidateNew.prefix(remaining), hash: hash, cluster)
    }

    // MARK: - History

    /// constructHistory: the revision of the current template (created, or renumbered to
    /// the newest, as needed) and the others.
    private func constructHistory(_ ds: DaemonSet, _ cluster: Cluster) -> (ControllerRevision?, [ControllerRevision]) {
        let all = ControllerHistory.revisions(ownedBy: ds, in: cluster)
        let data = ControllerHistory.templatePatch(ds.spec?.template)
        let equal = ControllerHistory.equalRevisions(all, data: data)
        let maxRevision = all.map(\.revision).max() ?? 0
        var current: ControllerRevision?
        if let newest = equal.last {
            // Duplicates of the current template: keep the newest.
            for dup in equal.dropLast() { _ = try? cluster.delete(.controllerrevisions, namespace: dup.namespace, name: dup.name) }
            current = newest.revision < maxRevision
                ? ControllerHistory.renumber(newest, to: maxRevision + 1, in: cluster) : newest
        } else {
            var collisions = ds.status?.collisionCount ?? 0
            for _ in 0..<10 {
                let hash = ControllerHistory.templateHash(ds.spec?.template, collisionCount: collisions == 0 ? nil : collisions)
                let cr = ControllerHistory.newRevision(owner: ds, template: ds.spec?.template, revision: maxRevision + 1,
                                                       hash: hash, hashLabel: Self.hashLabel)
                if cluster.store.get(ControllerRevision.self, namespace: ds.namespace, name: cr.name) == nil,
                   let saved = try? cluster.create(cr, namespace: ds.namespace) as? ControllerRevision {
                    current = saved
                    break
                }
                collisions += 1
            }
            if collisions != (ds.status?.collisionCount ?? 0), var cur = cluster.store.get(DaemonSet.self, namespace: ds.namespace, name: ds.name) {
                var st = cur.status ?? DaemonSetStatus()
                st.collisionCount = collisions
                cur.status = st
                cluster.updateStatus(cur)
            }
        }
        let old = all.filter { $0.name != current?.name && cluster.store.get(ControllerRevision.self, namespace: $0.namespace, name: $0.name) != nil }
        return (current, old)
    }

    /// cleanupHistory: old revisions no live pod uses, beyond revisionHistoryLimit.
    private func cleanupHistory(_ ds: DaemonSet, old: [ControllerRevision], current: ControllerRevision?, _ cluster: Cluster) {
        let limit = ds.spec?.revisionHistoryLimit ?? 10
        guard old.count > limit else { return }
        var live = Set<String>()
        for p in cluster.pods(ownedBy: ds.metadata.uid ?? "", namespace: ds.namespace) {
            if let h = p.metadata.labels?[Self.hashLabel] { live.insert(ControllerHistory.name(owner: ds.name, hash: h)) }
        }
        if let c = current { live.insert(c.name) }
        ControllerHistory.truncate(old, live: live, limit: limit, in: cluster)
    }

    /// Revisions left behind by a DaemonSet that is gone (the garbage collector only
    /// follows pods and ReplicaSets).
    private func deleteOrphanedRevisions(namespace: String, owner: String, _ cluster: Cluster) {
        for cr in cluster.store.list(ControllerRevision.self, namespace: namespace)
        where cr.metadata.controllerRef?.kind == "DaemonSet" && cr.metadata.controllerRef?.name == owner {
            _ = try? cluster.delete(.controllerrevisions, namespace: namespace, name: cr.name)
        }
    }

    // MARK: - Status

    private func updateStatus(_ ds: DaemonSet, hash: String, _ cluster: Cluster) {
        guard var cur = cluster.store.get(DaemonSet.self, namespace: ds.namespace, name: ds.name) else { return }
        let byNode = podsByNode(cur, cluster)
        let minReady = cur.spec?.minReadySeconds ?? 0
        var desired = 0, scheduled = 0, misscheduled = 0, ready = 0, available = 0, updated = 0
        var nextCheck: Double?
        for node in cluster.store.list(Node.self) {
            let (run, _) = Self.shouldRun(cur, on: node)
            let pods = byNode[node.name] ?? []
            if run { desired += 1 }
            if !pods.isEmpty && !run { misscheduled += 1 }
            guard run, let pod = pods.first(where: { $0.metadata.deletionTimestamp == nil }) ?? pods.first else { continue }
            scheduled += 1
            if pod.isReady {
                ready += 1
                if Self.isAvailable(pod, minReadySeconds: minReady, now: cluster.now) { available += 1 }
                else if minReady > 0, pod.metadata.deletionTimestamp == nil,
                        let since = pod.status?.condition("Ready")?.lastTransitionTime?.seconds,
                        since + Double(minReady) > cluster.now {
                    // Available once minReadySeconds have passed: look again then.
                    nextCheck = min(nextCheck ?? .infinity, since + Double(minReady) - cluster.now)
                }
            }
            if Self.isUpdated(pod, hash: hash, generation: cur.templateGeneration) { updated += 1 }
        }
        var st = cur.status ?? DaemonSetStatus()
        st.desiredNumberScheduled = desired
        st.currentNumberScheduled = scheduled
        st.numberMisscheduled = misscheduled
        st.numberReady = ready
        st.numberAvailable = available == 0 ? nil : available
        st.updatedNumberScheduled = updated == 0 ? nil : updated
        st.numberUnavailable = desired - available > 0 ? desired - available : nil
        st.observedGeneration = cur.metadata.generation
        cur.status = st
        cluster.updateStatus(cur)
        if let n = nextCheck {
            let key = ObjectStore.key(ds.namespace, ds.name)
            cluster.schedule(after: max(n, 0)) { [unowned self] c in self.reconcile(key, in: c) }
        }
    }
}

/// Node affinity as daemon pods use it: the required terms a node must match, and the
/// `matchFields metadata.name In [node]` term that pins a pod to its node.
enum NodeAffinity {
    static func requiredTerms(_ affinity: JSONValue?) -> [JSONValue]? {
        affinity?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?.arrayValue
    }

    /// Whether the node matches any required term (each term's expressions all hold).
    static func requiredMatches(_ affinity: JSONValue?, _ node: Node) -> Bool {
        guard let terms = requiredTerms(affinity) else { return true }
        let labels = node.metadata.labels ?? [:]
        return terms.contains { term in
            let exprs = term["matchExpressions"]?.arrayValue ?? []
            let fields = term["matchFields"]?.arrayValue ?? []
            if exprs.isEmpty && fields.isEmpty { return false }
            return exprs.allSatisfy { requirement($0, labels) }
                && fields.allSatisfy { f in
                    f["key"]?.stringValue == "metadata.name" && requirement(f, ["metadata.name": node.name])
                }
        }
    }

    private static func requirement(_ r: JSONValue, _ labels: [String: String]) -> Bool {
        guard let key = r["key"]?.stringValue else { return false }
        let values = (r["values"]?.arrayValue ?? []).compactMap(\.stringValue)
        let v = labels[key]
        switch r["operator"]?.stringValue ?? "" {
        case "In": return v.map(values.contains) ?? false
        case "NotIn": return !(v.map(values.contains) ?? false)
        case "Exists": return v != nil
        case "DoesNotExist": return v == nil
        case "Gt": return v.flatMap { Int($0) }.flatMap { a in values.first.flatMap { Int($0) }.map { a > $0 } } ?? false
        case "Lt": return v.flatMap { Int($0) }.flatMap { a in values.first.flatMap { Int($0) }.map { a < $0 } } ?? false
        default: return false
        }
    }

    /// The node names `matchFields metadata.name In` terms pin a pod to.
    static func pinnedNodeNames(_ affinity: JSONValue?) -> [String]? {
        guard let terms = requiredTerms(affinity) else { return nil }
        var names: [String] = []
        for t in terms {
            for f in t["matchFields"]?.arrayValue ?? [] where f["key"]?.stringValue == "metadata.name" {
                names += (f["values"]?.arrayValue ?? []).compactMap(\.stringValue)
            }
        }
        return names.isEmpty ? nil : names
    }

    /// ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one term that
    /// matches the node by name; everything else in the affinity stays.
    static func pinning(_ affinity: JSONValue?, to node: String) -> JSONValue {
        let term: JSONValue = ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]
        var a = affinity ?? .object([:])
        var na = a["nodeAffinity"] ?? .object([:])
        var required = na["requiredDuringSchedulingIgnoredDuringExecution"] ?? .object([:])
        required["nodeSelectorTerms"] = [term]
        na["requiredDuringSchedulingIgnoredDuringExecution"] = required
        a["nodeAffinity"] = na
        return a
    }
}
