import KubeAPI

/// garbagecollector: deletes dependents whose owner is gone (background), deletes them
/// first while the owner waits (foreground, `foregroundDeletion` finalizer), or releases
/// them (orphan, `orphan` finalizer).
final class GarbageCollector: Controller {
    /// Owners and dependents can be of any kind.
    let watchedKinds: Set<String>? = nil

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        let o = change.object
        var keys: [String] = []
        if change.type == .deleted, let uid = o.metadata.uid {
            keys += (cluster.dependents[uid] ?? []).sorted().map(\.queueKey)
        }
        if change.type != .deleted, o.metadata.deletionTimestamp != nil,
           !(o.metadata.finalizers ?? []).filter({ $0 == "foregroundDeletion" || $0 == "orphan" }).isEmpty {
            keys.append("\(o.resource.kind)|\(ObjectStore.key(o.namespace, o.name))")
        }
        // A dependent going away may let its foreground-deleting owner finish.
        if change.type == .deleted, let owner = o.metadata.controllerRef,
           let r = ResourceType.lookup(owner.kind), let ownerObj = cluster.store.get(r, namespace: o.namespace, name: owner.name),
           ownerObj.metadata.finalizers?.contains("foregroundDeletion") == true {
            keys.append("\(owner.kind)|\(ObjectStore.key(o.namespace, owner.name))")
        }
        return keys
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let bar = key.firstIndex(of: "|")!
        guard let r = ResourceType.lookup(String(key[..<bar])) else { return }
        let path = key[key.index(after: bar)...].split(separator: "/", maxSplits: 1).map(String.init)
        let (ns, name) = path.count == 2 ? (path[0], path[1]) : ("", path[0])
        guard var obj = cluster.store.get(r, namespace: ns, name: name) else { return }
        let finalizers = obj.metadata.finalizers ?? []
        if obj.metadata.deletionTimestamp != nil, finalizers.contains("orphan") {
            for var dep in dependents(of: obj, cluster) {
                dep.metadata.ownerReferences = dep.metadata.ownerReferences?.filter { $0.uid != obj.metadata.uid }
                if dep.metadata.ownerReferences?.isEmpty == true { dep.metadata.ownerReferences = nil }
                cluster.write(dep)
            }
            obj.metadata.finalizers = finalizers.filter { $0 != "orphan" }
            cluster.write(obj)
            return
        }
        if obj.metadata.deletionTimestamp != nil, finalizers.contains("foregroundDeletion") {
            let deps = dependents(of: obj, cluster)
            for d in deps where d.metadata.deletionTimestamp == nil {
                _ = try? cluster.delete(d.resource, namespace: d.namespace, name: d.name, propagation: .foreground)
            }
            if deps.isEmpty {
                obj.metadata.finalizers = finalizers.filter { $0 != "foregroundDeletion" }
                cluster.write(obj)
            }
            return
        }
        // A dependent: delete it if its owner no longer exists.
        guard let ref = obj.metadata.controllerRef, let ownerType = ResourceType.lookup(ref.kind) else { return }
        let owner = cluster.store.get(ownerType, namespace: ns, name: ref.name)
        if owner == nil || owner?.metadata.uid != ref.uid {
            _ = try? cluster.delete(r, namespace: ns, name: name, propagation: .background)
        }
    }

    private func dependents(of obj: any APIObject, _ cluster: Cluster) -> [any APIObject] {
        let uid = obj.metadata.uid ?? ""
        return (cluster.pods(ownedBy: uid) as [any APIObject]) + (cluster.replicaSets(ownedBy: uid) as [any APIObject])
    }
}
