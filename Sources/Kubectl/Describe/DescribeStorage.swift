import KubeAPI
import ClusterSim

/// describe.go's PersistentVolumeClaimDescriber, PersistentVolumeDescriber and
/// StorageClassDescriber.
extension PersistentVolumeClaim: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        w.write(0, "StorageClass:\t\(storageClass)\n")
        if let d = metadata.deletionTimestamp {
            w.write(0, "Status:\tTerminating (lasts \(ctx.since(d)))\n")
        } else {
            w.write(0, "Status:\t\(status?.phase ?? "")\n")
        }
        let volume = spec?.volumeName ?? ""
        w.write(0, "Volume:\t\(volume)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Finalizers:\t[\((metadata.finalizers ?? []).joined(separator: " "))]\n")
        let bound = !volume.isEmpty
        w.write(0, "Capacity:\t\(bound ? (status?.capacity?["storage"]?.text ?? "0") : "")\n")
        w.write(0, "Access Modes:\t\(bound ? DescribeStorage.accessModes(status?.accessModes) : "")\n")
        if let vm = spec?.volumeMode { w.write(0, "VolumeMode:\t\(vm)\n") }
        // printPodsMultiline: the pods whose volumes name the claim, by name.
        let users = ctx.cluster.list(.pods, namespace: namespace).compactMap { $0 as? Pod }
            .filter { ($0.spec?.volumes ?? []).contains { $0.persistentVolumeClaim?.claimName == name } }
            .map(\.name).sorted()
        w.write(0, "Used By:\t")
        if users.isEmpty {
            w.writeLine("<none>")
        } else {
            for (i, u) in users.enumerated() {
                if i != 0 { w.write(0, "\t") }
                w.write(0, "\(u)\n")
            }
        }
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}

extension PersistentVolume: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        w.write(0, "Name:\t\(name)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Finalizers:\t[\((metadata.finalizers ?? []).joined(separator: " "))]\n")
        w.write(0, "StorageClass:\t\(storageClass)\n")
        if let d = metadata.deletionTimestamp {
            w.write(0, "Status:\tTerminating (lasts \(ctx.since(d)))\n")
        } else {
            w.write(0, "Status:\t\(status?.phase ?? "")\n")
        }
        let claim = spec?.claimRef.map { "\($0.namespace ?? "")/\($0.name ?? "")" } ?? ""
        w.write(0, "Claim:\t\(claim)\n")
        w.write(0, "Reclaim Policy:\t\(spec?.persistentVolumeReclaimPolicy ?? "")\n")
        w.write(0, "Access Modes:\t\(DescribeStorage.accessModes(spec?.accessModes))\n")
        if let vm = spec?.volumeMode { w.write(0, "VolumeMode:\t\(vm)\n") }
        w.write(0, "Capacity:\t\(spec?.capacity?["storage"]?.text ?? "0")\n")
        w.write(0, "Node Affinity:\t")
        w.writeLine("<none>")
        w.write(0, "Message:\t\(status?.message ?? "")\n")
        w.write(0, "Source:\n")
        if let nfs = spec?.nfs {
            w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t\(nfs.server)\n    Path:\t\(nfs.path)\n    ReadOnly:\t\(nfs.readOnly ?? false)\n")
        } else if let hp = spec?.hostPath {
            w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t\(hp["path"]?.stringValue ?? "")\n    HostPathType:\t\(hp["type"]?.stringValue ?? "")\n")
        } else {
            w.write(1, "<unknown>\n")
        }
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}

extension StorageClass: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let ann = metadata.annotations ?? [:]
        let isDefault = ann["storageclass.kubernetes.io/is-default-class"] == "true" || ann["storageclass.beta.kubernetes.io/is-default-class"] == "true"
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "IsDefaultClass:\t\(isDefault ? "Yes" : "No")\n")
        w.write(0, "Annotations:\t\(DescribeStorage.formatLabels(metadata.annotations))\n")
        w.write(0, "Provisioner:\t\(provisioner ?? "")\n")
        w.write(0, "Parameters:\t\(DescribeStorage.formatLabels(parameters))\n")
        w.write(0, "AllowVolumeExpansion:\t\(allowVolumeExpansion.map { $0 ? "True" : "False" } ?? "<unset>")\n")
        if let opts = mountOptions, !opts.isEmpty {
            w.write(0, "MountOptions:\n")
            for o in opts { w.write(1, "\(o)\n") }
        } else {
            w.write(0, "MountOptions:\t<none>\n")
        }
        if let r = reclaimPolicy { w.write(0, "ReclaimPolicy:\t\(r)\n") }
        if let m = volumeBindingMode { w.write(0, "VolumeBindingMode:\t\(m)\n") }
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}

enum DescribeStorage {
    /// storageutil.GetAccessModesAsString.
    static func accessModes(_ modes: [String]?) -> String {
        let m = modes ?? []
        return [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
            .filter { m.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty.
    static func formatLabels(_ m: [String: String]?) -> String {
        let s = (m ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return s.isEmpty ? "<none>" : s
    }
}
