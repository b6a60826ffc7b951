import KubeAPI
import ClusterSim

/// describe.go's StatefulSetDescriber.
extension StatefulSet: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let counts = ctx.podPhaseCounts(namespace: namespace, selector: spec?.selector, owner: metadata.uid)
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        w.write(0, "CreationTimestamp:\t\(Describe.rfc1123Z(metadata.creationTimestamp))\n")
        w.write(0, "Selector:\t\(ctx.selectorString(spec?.selector))\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Replicas:\t\(spec?.replicas ?? 1) desired | \(status?.replicas ?? 0) total\n")
        w.write(0, "Update Strategy:\t\(spec?.updateStrategy?.type ?? "")\n")
        if let ru = spec?.updateStrategy?.rollingUpdate, let partition = ru.partition {
            w.write(1, "Partition:\t\(partition)\n")
            if let mu = ru.maxUnavailable { w.write(1, "MaxUnavailable:\t\(mu.description)\n") }
        }
        w.write(0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        ctx.describePodTemplate(w, spec?.template)
        // describeVolumeClaimTemplates.
        let templates = spec?.volumeClaimTemplates ?? []
        if templates.isEmpty {
            w.write(0, "Volume Claims:\t<none>\n")
        } else {
            w.write(0, "Volume Claims:\n")
            for t in templates {
                let meta = t.metadata ?? ObjectMeta()
                w.write(1, "Name:\t\(meta.name ?? "")\n")
                let cls = meta.annotations?["volume.beta.kubernetes.io/storage-class"] ?? t.spec?.storageClassName ?? ""
                w.write(1, "StorageClass:\t\(cls)\n")
                ctx.printLabels(w, "Labels", meta.labels, initialIndent: "  ")
                ctx.printLabels(w, "Annotations", meta.annotations, initialIndent: "  ")
                w.write(1, "Capacity:\t\(t.spec?.resources?.requests?["storage"]?.text ?? "<default>")\n")
                // %s of a []PersistentVolumeAccessMode.
                w.write(1, "Access Modes:\t[\((t.spec?.accessModes ?? []).joined(separator: " "))]\n")
            }
        }
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}
