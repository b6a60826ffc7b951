import KubeAPI

/// ControllerRevisions as pkg/controller/history keeps them for StatefulSets and DaemonSets:
/// immutable snapshots of an owner's pod template, numbered by `revision`, named
/// `OWNER-HASH`, owned (controller reference) by the StatefulSet or DaemonSet.
///
/// Both controllers store the same data: a strategic-merge patch that replaces the template,
/// `{"spec":{"template":{"$patch":"replace",…}}}`. They name revisions differently:
/// - StatefulSet: the hash is FNV-1 (32 bit) over the patch's JSON plus the collision count
///   (`history.HashControllerRevision`); labels are the template's plus
///   `controller.kubernetes.io/hash`; pods carry the revision NAME in `controller-revision-hash`.
/// - DaemonSet: the hash is the pod-template-hash of the template (`controller.ComputeHash`,
///   FNV-1a, as Deployments use); labels are the template's plus `controller-revision-hash`
///   (the hash); pods carry the HASH in `controller-revision-hash`.
enum ControllerHistory {
    /// The label on pods naming the revision they were created from.
    static let podRevisionLabel = "controller-revision-hash"
    /// The label history.NewControllerRevision puts on StatefulSet revisions.
    static let revisionHashLabel = "controller.kubernetes.io/hash"

    // MARK: - Data and hashes

    /// The revision data: a patch replacing `spec.template`, as getPatch builds it. The template
    /// is encoded as the apiserver would (its metadata always present, with
    /// `creationTimestamp: null`, as Go encodes an unset metav1.Time).
    static func templatePatch(_ template: PodTemplateSpec?) -> JSONValue {
        var t = (try? JSONBridge.encode(template)) ?? .object([:])
        if case .null = t { t = .object([:]) }
        var meta = t["metadata"]?.objectValue ?? [:]
        meta["creationTimestamp"] = .null
        t["metadata"] = .object(meta)
        t["$patch"] = "replace"
        return ["spec": ["template": t]]
    }

    /// The template a revision's data restores (`rollout undo`, ApplyRevision).
    static func template(of revision: ControllerRevision) -> PodTemplateSpec? {
        guard var t = revision.data?["spec"]?["template"] else { return nil }
        t["$patch"] = nil
        if var meta = t["metadata"]?.objectValue {
            meta["creationTimestamp"] = nil
            t["metadata"] = .object(meta)
        }
        return try? JSONBridge.decode(PodTemplateSpec.self, from: t)
    }

    /// history.HashControllerRevision: FNV-1 over the data's JSON, then the collision count.
    static func hash(data: JSONValue?, collisionCount: Int?) -> String {
        var text = data.map { $0.compactJSON } ?? ""
        if let c = collisionCount { text += String(c) }
        return safeEncode(fnv32(text))
    }

    /// controller.ComputeHash of a template (what DaemonSets name their revisions by).
    static func templateHash(_ template: PodTemplateSpec?, collisionCount: Int?) -> String {
        DeploymentController.templateHash(template, collisionCount: collisionCount)
    }

    /// ControllerRevisionName: the owner's name (at most 223 characters), a dash, the hash.
    static func name(owner: String, hash: String) -> String { "\(owner.prefix(223))-\(hash)" }

    // MARK: - Listing

    /// The revisions an owner controls, oldest revision number first (SortControllerRevisions;
    /// ties by creation then name, so the order is total).
    static func revisions(ownedBy owner: any APIObject, in cluster: Cluster) -> [ControllerRevision] {
        guard let uid = owner.metadata.uid else { return [] }
        return cluster.store.list(ControllerRevision.self, namespace: owner.namespace)
            .filter { $0.metadata.controllerRef?.uid == uid }
            .sorted(by: byRevision)
    }

    static func byRevision(_ a: ControllerRevision, _ b: ControllerRevision) -> Bool {
        if a.revision != b.revision { return a.revision < b.revision }
        let ta = a.metadata.creationTimestamp?.seconds ?? 0, tb = b.metadata.creationTimestamp?.seconds ?? 0
        return ta != tb ? ta < tb : a.name < b.name
    }

    /// nextRevision: one more than the highest, 1 for the first.
    static func nextRevision(_ revisions: [ControllerRevision]) -> Int {
        (revisions.map(\.revision).max() ?? 0) + 1
    }

    /// Revisions whose data equals `data` (FindEqualRevisions), oldest first.
    static func equalRevisions(_ revisions: [ControllerRevision], data: JSONValue) -> [ControllerRevision] {
        revisions.filter { $0.data == data }
    }

    // MARK: - Writing

    /// A new (unsaved) revision for `owner` (history.NewControllerRevision): template labels
    /// plus the hash label, the owner's annotations, a controller reference to the owner.
    /// `hashLabel` is `revisionHashLabel` for StatefulSets, `podRevisionLabel` for DaemonSets.
    static func newRevision(owner: any APIObject, template: PodTemplateSpec?, revision: Int,
                            hash: String, hashLabel: String) -> ControllerRevision {
        var labels = template?.metadata?.labels ?? [:]
        labels[hashLabel] = hash
        var meta = ObjectMeta(name: name(owner: owner.name, hash: hash), namespace: owner.namespace, labels: labels)
        if let ann = owner.metadata.annotations, !ann.isEmpty { meta.annotations = ann }
        meta.ownerReferences = [OwnerReference(apiVersion: owner.resource.apiVersion, kind: owner.resource.kind,
                                               name: owner.name, uid: owner.metadata.uid ?? "")]
        return ControllerRevision(metadata: meta, data: templatePatch(template), revision: revision)
    }

    /// history.CreateControllerRevision for a StatefulSet-style revision: saves `revision`
    /// under `OWNER-HASH(data, collisionCount)`. If that name is taken by a revision with the
    /// same data, that one is returned; if by different data, the collision count goes up and
    /// the name is computed again. Returns the stored revision and the collision count used.
    static func create(_ revision: ControllerRevision, owner: any APIObject, collisionCount: Int,
                       in cluster: Cluster) -> (ControllerRevision, collisionCount: Int) {
        var count = collisionCount
        while true {
            let h = hash(data: revision.data, collisionCount: count == 0 ? nil : count)
            var cr = revision
            cr.metadata.name = name(owner: owner.name, hash: h)
            var labels = cr.metadata.labels ?? [:]
            labels[revisionHashLabel] = h
            cr.metadata.labels = labels
            if let existing = cluster.store.get(ControllerRevision.self, namespace: owner.namespace, name: cr.name) {
                if existing.data == cr.data, existing.metadata.controllerRef?.uid == owner.metadata.uid {
                    return (existing, count)
                }
                count += 1
                continue
            }
            do {
                let saved = try cluster.create(cr, namespace: owner.namespace)
                return ((saved as? ControllerRevision) ?? cr, count)
            } catch {
                count += 1
                if count > collisionCount + 100 { return (cr, count) }
            }
        }
    }

    /// history.UpdateControllerRevision: gives an existing revision a new number (a rollback to
    /// an old template makes its revision the newest again).
    @discardableResult
    static func renumber(_ revision: ControllerRevision, to number: Int, in cluster: Cluster) -> ControllerRevision {
        guard revision.revision != number else { return revision }
        var cr = revision
        cr.revision = number
        return (cluster.write(cr) as? ControllerRevision) ?? cr
    }

    /// truncateHistory: deletes the oldest revisions not in `live` (names of revisions still
    /// used by pods, the current and the update revision) beyond `limit`.
    static func truncate(_ revisions: [ControllerRevision], live: Set<String>, limit: Int, in cluster: Cluster) {
        let history = revisions.sorted(by: byRevision).filter { !live.contains($0.name) }
        let excess = history.count - max(limit, 0)
        guard excess > 0 else { return }
        for cr in history.prefix(excess) {
            _ = try? cluster.delete(.controllerrevisions, namespace: cr.namespace, name: cr.name)
        }
    }
}

/// FNV-1 (32 bit), Go's `fnv.New32()`: multiply, then xor (FNV-1a does the reverse).
public func fnv32(_ s: String) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for b in s.utf8 { h = h &* 16_777_619; h ^= UInt32(b) }
    return h
}
