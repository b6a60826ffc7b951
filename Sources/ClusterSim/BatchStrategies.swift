import Foundation
import KubeAPI

// The apiserver's registry strategies for batch/v1 Job and CronJob: defaults
// (pkg/apis/batch/v1/defaults.go), the generated selector (pkg/registry/batch/job),
// validation (pkg/apis/batch/validation) and the server-side tables (printJob, printCronJob).

extension Job: HasStatus {}
extension CronJob: HasStatus {}

enum BatchLabels {
    static let controllerUID = "batch.kubernetes.io/controller-uid"
    static let jobName = "batch.kubernetes.io/job-name"
    static let legacyControllerUID = "controller-uid"
    static let legacyJobName = "job-name"
    static let completionIndex = "batch.kubernetes.io/job-completion-index"
    static let trackingFinalizer = "batch.kubernetes.io/job-tracking"
    static let scheduledTimestamp = "batch.kubernetes.io/cronjob-scheduled-timestamp"
}

extension JobSpec {
    /// SetDefaults_Job's spec part, shared with a CronJob's job template only for the pod
    /// template (a template's job spec is defaulted when the Job is created from it).
    mutating func applyJobDefaults() {
        if completions == nil && parallelism == nil { completions = 1; parallelism = 1 }
        if parallelism == nil { parallelism = 1 }
        if backoffLimit == nil { backoffLimit = backoffLimitPerIndex != nil ? 2_147_483_647 : 6 }
        if completionMode == nil { completionMode = "NonIndexed" }
        if suspend == nil { suspend = false }
        if podReplacementPolicy == nil { podReplacementPolicy = podFailurePolicy != nil ? "Failed" : "TerminatingOrFailed" }
        Defaults.template(&template)
    }

    /// validateJobSpec: the checks a Job and a CronJob's job template share.
    func validationErrors(path: String) -> [FieldError] {
        var errs: [FieldError] = []
        func nonNegative(_ v: Int?, _ field: String) {
            if let v, v < 0 { errs.append(FieldError("\(path).\(field)", .invalid(value: String(v), detail: "must be greater than or equal to 0"))) }
        }
        nonNegative(parallelism, "parallelism")
        nonNegative(completions, "completions")
        nonNegative(activeDeadlineSeconds, "activeDeadlineSeconds")
        nonNegative(backoffLimit, "backoffLimit")
        nonNegative(ttlSecondsAfterFinished, "ttlSecondsAfterFinished")
        if let mode = completionMode, mode != "NonIndexed", mode != "Indexed" {
            errs.append(FieldError("\(path).completionMode", .unsupported(value: FieldError.quote(mode), supported: ["NonIndexed", "Indexed"])))
        }
        if completionMode == "Indexed", completions == nil {
            errs.append(FieldError("\(path).completions", .required(detail: "when completion mode is Indexed")))
        }
        if let p = podReplacementPolicy, p != "TerminatingOrFailed", p != "Failed" {
            errs.append(FieldError("\(path).podReplacementPolicy", .unsupported(value: FieldError.quote(p), supported: ["Failed", "TerminatingOrFailed"])))
        }
        guard let spec = template?.spec else {
            errs.append(FieldError("\(path).template.spec.containers", .required(detail: "")))
            errs.append(FieldError("\(path).template.spec.restartPolicy", .required(detail: "valid values: \"OnFailure\", \"Never\"")))
            return errs
        }
        errs += Validation.podSpec(spec, path: "\(path).template.spec", restartPolicies: ["Always", "OnFailure", "Never"])
        // Defaulting turns a missing restartPolicy into Always: both read as "not given".
        let rp = spec.restartPolicy ?? ""
        if rp == "Always" || rp.isEmpty {
            errs.append(FieldError("\(path).template.spec.restartPolicy", .required(detail: "valid values: \"OnFailure\", \"Never\"")))
        } else if rp != "OnFailure" && rp != "Never" {
            errs.append(FieldError("\(path).template.spec.restartPolicy", .unsupported(value: FieldError.quote(rp), supported: ["OnFailure", "Never"])))
        }
        return errs
    }
}

extension Job: KindStrategy {
    mutating func applyDefaults() {
        var s = spec ?? JobSpec()
        s.applyJobDefaults()
        spec = s
        if (metadata.labels ?? [:]).isEmpty, let l = s.template?.metadata?.labels, !l.isEmpty { metadata.labels = l }
    }

    func validate(old: Job?) -> [FieldError] {
        var errs: [FieldError] = []
        let s = spec ?? JobSpec()
        if s.manualSelector == true {
            if let sel = s.selector {
                if !sel.isEmpty, !sel.matches(s.template?.metadata?.labels) {
                    errs.append(FieldError("spec.template.metadata.labels", .invalid(value: Validation.goMap(s.template?.metadata?.labels), detail: "`selector` does not match template `labels`")))
                }
            } else {
                errs.append(FieldError("spec.selector", .required(detail: "")))
            }
        } else if old == nil, name.count > 63 {
            // The job-name label carries the name: it must fit a label value.
            errs.append(FieldError("metadata.name", .invalid(value: FieldError.quote(name), detail: "must be no more than 63 characters")))
        }
        errs += s.validationErrors(path: "spec")
        if let o = old?.spec {
            if o.completions != s.completions {
                errs.append(FieldError("spec.completions", .invalid(value: s.completions.map(String.init) ?? "null", detail: "field is immutable")))
            }
            if s.selector != nil, o.selector != s.selector {
                errs.append(FieldError("spec.selector", .invalid(value: Validation.goSelector(s.selector), detail: "field is immutable")))
            }
            if o.template != s.template, o.suspend != true {
                errs.append(FieldError("spec.template", .invalid(value: "core.PodTemplateSpec{...}", detail: "field is immutable")))
            }
        }
        return errs
    }

    /// The registry's PrepareForCreate: without `manualSelector`, a selector on the Job's
    /// uid and the labels that make its pods match it.
    mutating func admit(in cluster: Cluster, old: Job?) throws(APIError) {
        guard old == nil, spec?.manualSelector != true, let uid = metadata.uid else {
            if old != nil, spec?.selector == nil { spec?.selector = old?.spec?.selector }
            return
        }
        var s = spec ?? JobSpec()
        s.selector = LabelSelector(matchLabels: [BatchLabels.controllerUID: uid])
        s.manualSelector = false
        var tmpl = s.template ?? PodTemplateSpec()
        var meta = tmpl.metadata ?? ObjectMeta()
        var labels = meta.labels ?? [:]
        labels[BatchLabels.controllerUID] = uid
        labels[BatchLabels.jobName] = name
        labels[BatchLabels.legacyControllerUID] = uid
        labels[BatchLabels.legacyJobName] = name
        meta.labels = labels
        tmpl.metadata = meta
        s.template = tmpl
        spec = s
        // Defaulting on read copies the template's labels to a Job that has none.
        if (metadata.labels ?? [:]).isEmpty { metadata.labels = labels }
    }

    static func table(_ jobs: [Job], in cluster: Cluster) -> Table {
        let cols = ["Name", "Status", "Completions", "Duration", "Age"].map { Table.Column(name: $0, priority: 0) }
            + ["Containers", "Images", "Selector"].map { Table.Column(name: $0, priority: 1) }
        return Table(columns: cols, rows: jobs.map { j in
            let st = j.status ?? JobStatus()
            let succeeded = st.succeeded ?? 0
            var done = "\(succeeded)/1"
            if let c = j.spec?.completions { done = "\(succeeded)/\(c)" }
            else if let p = j.spec?.parallelism, p > 1 { done = "\(succeeded)/1 of \(p)" }
            var took = ""
            if let start = st.startTime {
                took = HumanDuration.format(seconds: (st.completionTime?.seconds ?? cluster.now) - start.seconds)
            }
            let cs = j.spec?.template?.spec?.containers ?? []
            return [j.name, j.statusWord, done, took, cluster.age(j), cs.map(\.name).joined(separator: ","),
                    cs.map { $0.image ?? "" }.joined(separator: ","), j.spec?.selector?.formatted ?? "<none>"]
        })
    }
}

extension Job {
    /// printJob's STATUS column.
    var statusWord: String {
        func has(_ t: String) -> Bool { status?.conditions?.contains { $0.type == t && $0.status == "True" } ?? false }
        if has("Complete") { return "Complete" }
        if has("Failed") { return "Failed" }
        if metadata.deletionTimestamp != nil { return "Terminating" }
        if has("Suspended") { return "Suspended" }
        if has("FailureTarget") { return "FailureTarget" }
        if has("SuccessCriteriaMet") { return "SuccessCriteriaMet" }
        return "Running"
    }

    /// Whether the Job has finished (Complete or Failed), and how.
    var finishedCondition: Condition? {
        status?.conditions?.first { ($0.type == "Complete" || $0.type == "Failed") && $0.status == "True" }
    }
}

extension CronJob: KindStrategy {
    mutating func applyDefaults() {
        guard var s = spec else { return }
        if s.concurrencyPolicy == nil { s.concurrencyPolicy = "Allow" }
        if s.suspend == nil { s.suspend = false }
        if s.successfulJobsHistoryLimit == nil { s.successfulJobsHistoryLimit = 3 }
        if s.failedJobsHistoryLimit == nil { s.failedJobsHistoryLimit = 1 }
        var jt = s.jobTemplate ?? JobTemplateSpec()
        if jt.metadata == nil { jt.metadata = ObjectMeta() }
        var js = jt.spec ?? JobSpec()
        Defaults.template(&js.template)
        jt.spec = js
        s.jobTemplate = jt
        spec = s
    }

    func validate(old: CronJob?) -> [FieldError] {
        var errs: [FieldError] = []
        if name.count > 52 {
            errs.append(FieldError("metadata.name", .invalid(value: FieldError.quote(name), detail: "must be no more than 52 characters")))
        }
        let s = spec
        let schedule = s?.schedule ?? ""
        if schedule.isEmpty {
            errs.append(FieldError("spec.schedule", .required(detail: "")))
        } else {
            do throws(CronSchedule.ParseError) { _ = try CronSchedule.parse(schedule) }
            catch { errs.append(FieldError("spec.schedule", .invalid(value: FieldError.quote(schedule), detail: error.message))) }
            let oldHadTZ = old?.spec?.schedule?.contains("TZ") ?? false
            if schedule.contains("TZ") {
                if !oldHadTZ {
                    errs.append(FieldError("spec.schedule", .invalid(value: FieldError.quote(schedule), detail: "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")))
                } else if s?.timeZone != nil {
                    errs.append(FieldError("spec.schedule", .invalid(value: FieldError.quote(schedule), detail: "cannot use both timeZone field and TZ or CRON_TZ in schedule")))
                }
            }
        }
        if let tz = s?.timeZone {
            if tz.isEmpty {
                errs.append(FieldError("spec.timeZone", .invalid(value: "\"\"", detail: "timeZone must be nil or non-empty string")))
            } else if tz.lowercased() == "local" {
                errs.append(FieldError("spec.timeZone", .invalid(value: FieldError.quote(tz), detail: "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")))
            } else if CronSchedule.timeZone(named: tz) == nil {
                errs.append(FieldError("spec.timeZone", .invalid(value: FieldError.quote(tz), detail: "unknown time zone \(tz)")))
            }
        }
        if let d = s?.startingDeadlineSeconds, d < 0 {
            errs.append(FieldError("spec.startingDeadlineSeconds", .invalid(value: String(d), detail: "must be greater than or equal to 0")))
        }
        switch s?.concurrencyPolicy ?? "" {
        case "Allow", "Forbid", "Replace": break
        case "": errs.append(FieldError("spec.concurrencyPolicy", .required(detail: "")))
        case let p: errs.append(FieldError("spec.concurrencyPolicy", .unsupported(value: FieldError.quote(p), supported: ["Allow", "Forbid", "Replace"])))
        }
        for (v, f) in [(s?.successfulJobsHistoryLimit, "successfulJobsHistoryLimit"), (s?.failedJobsHistoryLimit, "failedJobsHistoryLimit")] {
            if let v, v < 0 { errs.append(FieldError("spec.\(f)", .invalid(value: String(v), detail: "must be greater than or equal to 0"))) }
        }
        let js = s?.jobTemplate?.spec ?? JobSpec()
        errs += js.validationErrors(path: "spec.jobTemplate.spec")
        if let sel = js.selector {
            errs.append(FieldError("spec.jobTemplate.spec.selector", .invalid(value: Validation.goSelector(sel), detail: "`selector` will be auto-generated")))
        }
        if js.manualSelector == true {
            errs.append(FieldError("spec.jobTemplate.spec.manualSelector", .unsupported(value: "true", supported: ["nil", "false"])))
        }
        return errs
    }

    static func table(_ cjs: [CronJob], in cluster: Cluster) -> Table {
        let cols = ["Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age"].map { Table.Column(name: $0, priority: 0) }
            + ["Containers", "Images", "Selector"].map { Table.Column(name: $0, priority: 1) }
        return Table(columns: cols, rows: cjs.map { c in
            let last = c.status?.lastScheduleTime.map { HumanDuration.format(seconds: cluster.now - $0.seconds) } ?? "<none>"
            let cs = c.spec?.jobTemplate?.spec?.template?.spec?.containers ?? []
            return [c.name, c.spec?.schedule ?? "", c.spec?.timeZone ?? "<none>", c.spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>",
                    String(c.status?.active?.count ?? 0), last, cluster.age(c), cs.map(\.name).joined(separator: ","),
                    cs.map { $0.image ?? "" }.joined(separator: ","), c.spec?.jobTemplate?.spec?.selector?.formatted ?? "<none>"]
        })
    }
}
