import KubeAPI

/// The nfs-client provisioner (the `nfs-client-provisioner` Deployment in `default`, as
/// kubernetes-incubator/external-storage's nfs-client): for each claim of a class whose
/// provisioner is its PROVISIONER_NAME it makes a directory `NAMESPACE-CLAIM-PVNAME` on the
/// NFS export and a PersistentVolume `pvc-<claim uid>` pointing at it, pre-bound to the claim;
/// when such a volume is released with reclaim policy Delete it removes it again.
/// It only works while its pod is Running and Ready, as the real one does.
final class NFSProvisioner {
    /// Seconds between the claim appearing and the volume existing.
    static let provisioningDelay = 1.0
    /// Seconds between a volume's release and its deletion.
    static let deletionDelay = 0.5

    /// Claims (by uid) with a provisioning already scheduled.
    private var inFlight: Set<String> = []

    /// What the provisioner pod runs with: its name, identity, NFS server and export.
    struct Instance {
        let name: String
        let identity: String
        let server: String
        let path: String
    }

    /// The running provisioner serving `provisioner`, if any.
    func instance(for provisioner: String, in cluster: Cluster) -> Instance? {
        for p in cluster.store.list(Pod.self, namespace: "default")
        where p.metadata.labels?["app"] == "nfs-client-provisioner" && p.metadata.deletionTimestamp == nil && p.isReady {
            guard let c = p.spec?.containers.first else { continue }
            var env: [String: String] = [:]
            for e in c.env ?? [] { env[e.name] = e.value ?? "" }
            guard env["PROVISIONER_NAME"] == provisioner else { continue }
            // A stable identity per provisioner pod, without drawing on the cluster's random
            // stream (which would shift every later name): derived from the pod's uid.
            let h1 = fnv32(p.metadata.uid ?? p.name), h2 = fnv32(String(h1) + (p.metadata.uid ?? ""))
            func hex(_ v: UInt32, _ n: Int) -> String {
                let s = String(v, radix: 16)
                return String(repeating: "0", count: max(0, n - s.count)) + s.suffix(n)
            }
            let id = "\(hex(h1, 8))-\(hex(h2 & 0xffff, 4))-\(hex((h2 >> 16) & 0x0fff | 0x4000, 4))-"
                + "\(hex((h1 >> 16) & 0x3fff | 0x8000, 4))-\(hex(h2, 8))\(hex(h1 & 0xffff, 4))"
            return Instance(name: p.name, identity: "\(provisioner)_\(p.name)_\(id)",
                            server: env["NFS_SERVER"] ?? "", path: env["NFS_PATH"] ?? "/")
        }
        return nil
    }

    /// A claim waits for a volume of class `sc`: provision one shortly if this provisioner
    /// serves the class and is running.
    func request(_ claim: PersistentVolumeClaim, class sc: StorageClass, in cluster: Cluster) {
        guard let uid = claim.metadata.uid, !inFlight.contains(uid),
              instance(for: sc.provisioner ?? "", in: cluster) != nil else { return }
        inFlight.insert(uid)
        let ns = claim.namespace, name = claim.name
        cluster.schedule(after: Self.provisioningDelay) { [weak self] c in
            self?.inFlight.remove(uid)
            self?.provision(namespace: ns, name: name, uid: uid, in: c)
        }
    }

    private func provision(namespace: String, name: String, uid: String, in cluster: Cluster) {
        guard let claim = cluster.store.get(PersistentVolumeClaim.self, namespace: namespace, name: name),
              claim.metadata.uid == uid, claim.metadata.deletionTimestamp == nil, (claim.spec?.volumeName ?? "").isEmpty,
              let sc = cluster.store.get(StorageClass.self, namespace: "", name: claim.storageClass),
              let inst = instance(for: sc.provisioner ?? "", in: cluster) else { return }
        let pvName = "pvc-\(uid)"
        if cluster.store.get(PersistentVolume.self, namespace: "", name: pvName) != nil { return }
        cluster.recordEvent(for: claim, reason: "Provisioning",
                            message: "External provisioner is provisioning volume for claim \"\(namespace)/\(name)\"",
                            component: inst.identity)
        var meta = ObjectMeta(name: pvName)
        meta.annotations = [PersistentVolumeController.provisionedBy: sc.provisioner ?? ""]
        var spec = PersistentVolumeSpec()
        spec.capacity = ["storage": claim.spec?.resources?.requests?["storage"] ?? Quantity("0")]
        spec.accessModes = claim.spec?.accessModes
        spec.persistentVolumeReclaimPolicy = sc.reclaimPolicy ?? "Delete"
        spec.storageClassName = sc.name
        spec.mountOptions = sc.mountOptions
        spec.volumeMode = claim.spec?.volumeMode ?? "Filesystem"
        let dir = inst.path.hasSuffix("/") ? inst.path : inst.path + "/"
        spec.nfs = NFSVolumeSource(server: inst.server, path: "\(dir)\(namespace)-\(name)-\(pvName)")
        var ref = ObjectReference()
        ref.kind = "PersistentVolumeClaim"
        ref.namespace = namespace
        ref.name = name
        ref.uid = uid
        ref.apiVersion = "v1"
        ref.resourceVersion = claim.metadata.resourceVersion
        spec.claimRef = ref
        do {
            _ = try cluster.create(PersistentVolume(metadata: meta, spec: spec), namespace: "")
            cluster.recordEvent(for: claim, reason: "ProvisioningSucceeded", message: "Successfully provisioned volume \(pvName)",
                                component: inst.identity)
        } catch {
            cluster.recordEvent(for: claim, type: "Warning", reason: "ProvisioningFailed",
                                message: "failed to provision volume with StorageClass \"\(sc.name)\": \(error.message)",
                                component: inst.identity)
        }
    }

    /// A released volume with reclaim policy Delete: the provisioner that made it deletes it
    /// (the nfs-client provisioner removes or archives the directory, then the object).
    func reclaim(_ volume: PersistentVolume, in cluster: Cluster) {
        guard let prov = volume.metadata.annotations?[PersistentVolumeController.provisionedBy],
              instance(for: prov, in: cluster) != nil else { return }
        let name = volume.name
        cluster.schedule(after: Self.deletionDelay) { c in
            guard let v = c.store.get(PersistentVolume.self, namespace: "", name: name), v.metadata.deletionTimestamp == nil,
                  v.phase == "Released" else { return }
            _ = try? c.delete(.persistentvolumes, namespace: "", name: name)
        }
    }
}
