import KubeAPI
import ClusterSim

// `kubectl describe job` and `kubectl describe cronjob` (describe.go: describeJob,
// describeCronJob, describeJobTemplate, printActiveJobs).

extension Job: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let spec = spec ?? JobSpec()
        let st = status ?? JobStatus()
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        w.write(0, "Selector:\t\(ctx.selectorString(spec.selector))\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        if let c = ctx.controlledBy(metadata) { w.write(0, "Controlled By:\t\(c)\n") }
        if let p = spec.parallelism { w.write(0, "Parallelism:\t\(p)\n") }
        w.write(0, "Completions:\t\(spec.completions.map(String.init) ?? "<unset>")\n")
        if let m = spec.completionMode { w.write(0, "Completion Mode:\t\(m)\n") }
        if let s = spec.suspend { w.write(0, "Suspend:\t\(s)\n") }
        if let b = spec.backoffLimit { w.write(0, "Backoff Limit:\t\(b)\n") }
        if let t = spec.ttlSecondsAfterFinished { w.write(0, "TTL Seconds After Finished:\t\(t)\n") }
        if let t = st.startTime { w.write(0, "Start Time:\t\(Describe.rfc1123Z(t))\n") }
        if let t = st.completionTime { w.write(0, "Completed At:\t\(Describe.rfc1123Z(t))\n") }
        if let a = st.startTime, let b = st.completionTime {
            w.write(0, "Duration:\t\(HumanDuration.format(seconds: b.seconds - a.seconds))\n")
        }
        if let d = spec.activeDeadlineSeconds { w.write(0, "Active Deadline Seconds:\t\(d)s\n") }
        if let ready = st.ready {
            w.write(0, "Pods Statuses:\t\(st.active ?? 0) Active (\(ready) Ready) / \(st.succeeded ?? 0) Succeeded / \(st.failed ?? 0) Failed\n")
        } else {
            w.write(0, "Pods Statuses:\t\(st.active ?? 0) Active / \(st.succeeded ?? 0) Succeeded / \(st.failed ?? 0) Failed\n")
        }
        if spec.completionMode == "Indexed" { w.write(0, "Completed Indexes:\t\(Self.capIndexes(st.completedIndexes, 50))\n") }
        ctx.describePodTemplate(w, spec.template)
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }

    /// capIndexesListOrNone.
    static func capIndexes(_ s: String?, _ softLimit: Int) -> String {
        guard let s, !s.isEmpty else { return "<none>" }
        let bytes = Array(s.utf8)
        var ix = softLimit
        while ix < bytes.count, bytes[ix] != UInt8(ascii: ",") { ix += 1 }
        if ix >= bytes.count { return s }
        return String(decoding: bytes[...ix], as: UTF8.self) + "..."
    }
}

extension CronJob: KubectlDescribable {
    func describe(in ctx: DescribeContext) -> String {
        let w = DescribeWriter()
        let spec = spec
        w.write(0, "Name:\t\(name)\n")
        w.write(0, "Namespace:\t\(namespace)\n")
        ctx.printLabels(w, "Labels", metadata.labels)
        ctx.printAnnotations(w, "Annotations", metadata.annotations)
        w.write(0, "Schedule:\t\(spec?.schedule ?? "")\n")
        w.write(0, "Concurrency Policy:\t\(spec?.concurrencyPolicy ?? "")\n")
        w.write(0, "Suspend:\t\(spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>")\n")
        w.write(0, "Successful Job History Limit:\t\(spec?.successfulJobsHistoryLimit.map(String.init) ?? "<unset>")\n")
        w.write(0, "Failed Job History Limit:\t\(spec?.failedJobsHistoryLimit.map(String.init) ?? "<unset>")\n")
        w.write(0, "Starting Deadline Seconds:\t\(spec?.startingDeadlineSeconds.map { "\($0)s" } ?? "<unset>")\n")
        // describeJobTemplate.
        let js = spec?.jobTemplate?.spec ?? JobSpec()
        w.write(0, "Selector:\t\(js.selector.map { ctx.selectorString($0) } ?? "<unset>")\n")
        w.write(0, "Parallelism:\t\(js.parallelism.map(String.init) ?? "<unset>")\n")
        w.write(0, "Completions:\t\(js.completions.map(String.init) ?? "<unset>")\n")
        if let d = js.activeDeadlineSeconds { w.write(0, "Active Deadline Seconds:\t\(d)s\n") }
        ctx.describePodTemplate(w, js.template)
        w.write(0, "Last Schedule Time:\t\(status?.lastScheduleTime.map { Describe.rfc1123Z($0) } ?? "<unset>")\n")
        // printActiveJobs.
        w.write(0, "Active Jobs:\t")
        let active = status?.active ?? []
        if active.isEmpty { w.writeLine("<none>") }
        else { w.write(0, active.map { $0.name ?? "" }.joined(separator: ", ")); w.writeLine("") }
        ctx.describeEvents(w, ctx.events(for: self))
        return w.finish()
    }
}
