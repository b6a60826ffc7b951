import KubeAPI

extension Cluster {
    /// The course's default StorageClass, served by the nfs-client-provisioner Deployment
    /// (whose PROVISIONER_NAME is `nfs-storage`). Made with its own random stream so the
    /// names and IPs of everything else in the standard cluster stay as they were.
    func createStorageClasses(seed: UInt64) {
        let saved = random
        random = SeededRandom(seed: seed &+ 0x5C_0A6E)
        defer { random = saved }
        var meta = ObjectMeta(name: "nfs-client-storageclass")
        meta.annotations = [StorageNames.defaultClassAnnotation: "true"]
        var sc = StorageClass(metadata: meta, provisioner: "nfs-storage")
        sc.parameters = ["archiveOnDelete": "false"]
        sc.reclaimPolicy = "Delete"
        sc.volumeBindingMode = "Immediate"
        _ = try? create(sc, namespace: "")
    }
}
