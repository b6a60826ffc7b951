import KubeAPI
import ClusterSim

/// describe.go's DaemonSetDescriber.
extension DaemonSet: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let st = status ?? DaemonSetStatus()
        let counts = ctx.podPhaseCounts(namespace: namespace, selector: spec?.selector, owner: metadata.uid)
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        w.write(0, "Selector:\t\(ctx.formatSelector(spec?.selector))\n")
        let nodeSelector = (spec?.template?.spec?.nodeSelector ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        w.write(0, "Node-Selector:\t\(nodeSelector.isEmpty ? "<none>" : nodeSelector)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Desired Number of Nodes Scheduled: \(st.desiredNumberScheduled)\n")
        w.write(0, "Current Number of Nodes Scheduled: \(st.currentNumberScheduled)\n")
        w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: \(st.updatedNumberScheduled ?? 0)\n")
        w.write(0, "Number of Nodes Scheduled with Available Pods: \(st.numberAvailable ?? 0)\n")
        w.write(0, "Number of Nodes Misscheduled: \(st.numberMisscheduled)\n")
        w.write(0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        ctx.describePodTemplate(w, spec?.template)
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}
