import Foundation
import KubeAPI

/// cronjob-controller (pkg/controller/cronjob, v2): at each scheduled time creates a Job
/// named `CRONJOB-<scheduled time in minutes since the epoch>`, following the concurrency
/// policy, the starting deadline and suspension; tracks the active Jobs, records the last
/// schedule and success, and prunes finished Jobs beyond the history limits.
final class CronJobController: Controller {
    let watchedKinds: Set<String>? = ["CronJob", "Job"]
    static let component = "cronjob-controller"

    /// CronJobs being deleted with `--cascade=orphan`, by uid.
    private var orphaning: Set<String> = []

    /// Timers already set, by CronJob uid and due time: a sync sets at most one per moment.
    private var pendingWakeups: Set<String> = []

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let cj = change.object as? CronJob {
            if cj.metadata.deletionTimestamp != nil, cj.metadata.finalizers?.contains("orphan") == true, let uid = cj.metadata.uid {
                orphaning.insert(uid)
            }
            if change.type == .deleted, let uid = cj.metadata.uid {
                // The garbage collector only tracks pods and ReplicaSets: remove the Jobs here.
                return ["deleted|\(cj.namespace)|\(uid)"]
            }
            return [ObjectStore.key(cj.namespace, cj.name)]
        }
        guard let job = change.object as? Job, let ref = job.metadata.controllerRef, ref.kind == "CronJob" else { return [] }
        return [ObjectStore.key(job.namespace, ref.name)]
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        if key.hasPrefix("deleted|") {
            let p = key.split(separator: "|").map(String.init)
            guard p.count == 3 else { return }
            let orphan = orphaning.remove(p[2]) != nil
            for var job in cluster.store.list(Job.self, namespace: p[1]) where job.metadata.controllerRef?.uid == p[2] {
                if orphan {
                    // `--cascade=orphan`: the Jobs stay, without their owner.
                    job.metadata.ownerReferences = job.metadata.ownerReferences?.filter { $0.uid != p[2] }
                    if job.metadata.ownerReferences?.isEmpty == true { job.metadata.ownerReferences = nil }
                    cluster.write(job)
                } else {
                    _ = try? cluster.delete(.jobs, namespace: job.namespace, name: job.name, propagation: .background)
                }
            }
            return
        }
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let cj = cluster.store.get(CronJob.self, namespace: parts[0], name: parts[1]),
              let uid = cj.metadata.uid, cj.metadata.deletionTimestamp == nil else { return }
        let jobs = cluster.store.list(Job.self, namespace: cj.namespace).filter { $0.metadata.controllerRef?.uid == uid }
        var st = cj.status ?? CronJobStatus()

        // Active list: finished children leave it; unknown running ones are only reported
        // (a Job made with `kubectl create job --from` is not adopted).
        var active = st.active ?? []
        for job in jobs {
            let listed = active.contains { $0.uid == job.metadata.uid }
            let done = job.finishedCondition
            if !listed, done == nil {
                cluster.recordEvent(for: cj, type: "Warning", reason: "UnexpectedJob",
                                    message: "Saw a job that the controller did not create or forgot: \(job.name)", component: Self.component)
            } else if listed, let done {
                active.removeAll { $0.uid == job.metadata.uid }
                cluster.recordEvent(for: cj, reason: "SawCompletedJob", message: "Saw completed job: \(job.name), status: \(done.type)",
                                    component: Self.component)
            }
            if done?.type == "Complete", let t = job.status?.completionTime,
               (st.lastSuccessfulTime?.seconds ?? -Double.infinity) < t.seconds {
                st.lastSuccessfulTime = t
            }
        }
        for ref in active where !jobs.contains(where: { $0.metadata.uid == ref.uid }) {
            cluster.recordEvent(for: cj, reason: "MissingJob", message: "Active job went missing: \(ref.name ?? "")", component: Self.component)
            active.removeAll { $0.uid == ref.uid }
        }
        st.active = active.isEmpty ? nil : active

        defer { cleanupHistory(cj, cluster) }
        guard cj.spec?.suspend != true else { writeStatus(cj, st, cluster); return }
        let zone = cj.spec?.timeZone.flatMap(CronSchedule.timeZone(named:)) ?? TimeZone(identifier: "UTC")!
        if let tz = cj.spec?.timeZone, CronSchedule.timeZone(named: tz) == nil {
            cluster.recordEvent(for: cj, type: "Warning", reason: "UnknownTimeZone", message: "invalid timeZone: \(FieldError.quote(tz)): unknown time zone \(tz)", component: Self.component)
            writeStatus(cj, st, cluster); return
        }
        let scheduleText = (cj.spec?.schedule ?? "").replacingOccurrences(of: #"^(CRON_)?TZ=\S+\s+"#, with: "", options: .regularExpression)
        let schedule: CronSchedule
        do throws(CronSchedule.ParseError) { schedule = try CronSchedule.parse(scheduleText) } catch {
            cluster.recordEvent(for: cj, type: "Warning", reason: "UnparseableSchedule", message: "unparseable schedule: \(FieldError.quote(cj.spec?.schedule ?? "")) : \(error.message)", component: Self.component)
            writeStatus(cj, st, cluster); return
        }

        // The most recent time the schedule says a Job should have started, if not yet done.
        var earliest = st.lastScheduleTime?.seconds ?? cj.metadata.creationTimestamp?.seconds ?? cluster.now
        if let d = cj.spec?.startingDeadlineSeconds { earliest = max(earliest, cluster.now - Double(d)) }
        var missed = 0
        var scheduled: Double?
        var t = earliest
        while let n = schedule.next(after: t, in: zone), n <= cluster.now {
            missed += 1
            scheduled = n
            t = n
            if missed > 100_000 { break }
        }
        if missed > 100 {
            cluster.recordEvent(for: cj, type: "Warning", reason: "TooManyMissedTimes",
                                message: "too many missed start times: \(missed). Set or decrease .spec.startingDeadlineSeconds or check clock skew",
                                component: Self.component)
        }
        defer { wakeForNext(cj, schedule, zone, cluster) }
        guard let when = scheduled else { writeStatus(cj, st, cluster); return }

        if let d = cj.spec?.startingDeadlineSeconds, when + Double(d) < cluster.now {
            cluster.recordEvent(for: cj, type: "Warning", reason: "MissSchedule",
                                message: "Missed scheduled time to start a job: \(Time(seconds: when).rfc3339)", component: Self.component)
            writeStatus(cj, st, cluster); return
        }
        let jobName = "\(cj.name)-\(Int(when / 60))"
        if jobs.contains(where: { $0.name == jobName }) || cluster.store.get(Job.self, namespace: cj.namespace, name: jobName) != nil {
            st.lastScheduleTime = Time(seconds: when)
            writeStatus(cj, st, cluster); return
        }
        switch cj.spec?.concurrencyPolicy ?? "Allow" {
        case "Forbid" where !active.isEmpty:
            cluster.recordEvent(for: cj, reason: "JobAlreadyActive",
                                message: "Not starting job because prior execution is running and concurrency policy is Forbid", component: Self.component)
            writeStatus(cj, st, cluster); return
        case "Replace":
            for ref in active {
                guard let name = ref.name else { continue }
                _ = try? cluster.delete(.jobs, namespace: cj.namespace, name: name, propagation: .background)
                cluster.recordEvent(for: cj, reason: "SuccessfulDelete", message: "Deleted job \(name)", component: Self.component)
            }
            active = []
        default: break
        }

        // getJobFromTemplate2.
        let tmpl = cj.spec?.jobTemplate
        var meta = ObjectMeta(name: jobName, namespace: cj.namespace)
        meta.labels = tmpl?.metadata?.labels
        var annotations = tmpl?.metadata?.annotations ?? [:]
        annotations[BatchLabels.scheduledTimestamp] = Self.rfc3339(when, in: zone)
        meta.annotations = annotations
        meta.ownerReferences = [OwnerReference(apiVersion: "batch/v1", kind: "CronJob", name: cj.name, uid: uid)]
        do {
            let created = try cluster.create(Job(metadata: meta, spec: tmpl?.spec ?? JobSpec()), namespace: cj.namespace)
            cluster.recordEvent(for: cj, reason: "SuccessfulCreate", message: "Created job \(created.name)", component: Self.component)
            if let job = created as? Job { active.append(Self.reference(job)) }
        } catch {
            cluster.recordEvent(for: cj, type: "Warning", reason: "FailedCreate", message: "Error creating job: \(error.message)", component: Self.component)
        }
        st.active = active.isEmpty ? nil : active
        st.lastScheduleTime = Time(seconds: when)
        writeStatus(cj, st, cluster)
    }

    private func writeStatus(_ cj: CronJob, _ st: CronJobStatus, _ cluster: Cluster) {
        var updated = cj
        updated.status = st
        cluster.updateStatus(updated)
    }

    /// Requeues the CronJob for its next scheduled time (plus the controller's 100 ms).
    private func wakeForNext(_ cj: CronJob, _ schedule: CronSchedule, _ zone: TimeZone, _ cluster: Cluster) {
        guard let uid = cj.metadata.uid, let next = schedule.next(after: cluster.now, in: zone) else { return }
        let token = "\(uid)@\(Int(next))"
        guard pendingWakeups.insert(token).inserted else { return }
        let key = ObjectStore.key(cj.namespace, cj.name)
        cluster.schedule(after: next - cluster.now + 0.1) { [unowned self] c in
            self.pendingWakeups.remove(token)
            self.reconcile(key, in: c)
        }
    }

    /// cleanupFinishedJobs: keeps the newest `successfulJobsHistoryLimit` complete and
    /// `failedJobsHistoryLimit` failed Jobs.
    private func cleanupHistory(_ cj: CronJob, _ cluster: Cluster) {
        guard let uid = cj.metadata.uid, let current = cluster.store.get(CronJob.self, namespace: cj.namespace, name: cj.name),
              current.metadata.uid == uid else { return }
        let jobs = cluster.store.list(Job.self, namespace: cj.namespace)
            .filter { $0.metadata.controllerRef?.uid == uid && $0.metadata.deletionTimestamp == nil }
        for (type, limit) in [("Complete", current.spec?.successfulJobsHistoryLimit), ("Failed", current.spec?.failedJobsHistoryLimit)] {
            guard let limit else { continue }
            let finished = jobs.filter { $0.finishedCondition?.type == type }
                .sorted { ($0.status?.startTime?.seconds ?? 0, $0.name) < ($1.status?.startTime?.seconds ?? 0, $1.name) }
            for job in finished.dropLast(max(limit, 0)) {
                _ = try? cluster.delete(.jobs, namespace: job.namespace, name: job.name, propagation: .background)
                cluster.recordEvent(for: current, reason: "SuccessfulDelete", message: "Deleted job \(job.name)", component: Self.component)
            }
        }
    }

    static func reference(_ job: Job) -> ObjectReference {
        var r = ObjectReference()
        r.apiVersion = "batch/v1"
        r.kind = "Job"
        r.name = job.name
        r.namespace = job.namespace
        r.resourceVersion = job.metadata.resourceVersion
        r.uid = job.metadata.uid
        return r
    }

    /// time.Format(RFC3339) in the CronJob's zone: `2026-11-26T09:05:00Z` or `…+01:00`.
    static func rfc3339(_ t: Double, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))
        let utc = Time(seconds: t + Double(offset)).rfc3339
        guard offset != 0 else { return utc }
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        return String(utc.dropLast()) + String(format: "%@%02d:%02d", sign, a / 3600, (a % 3600) / 60)
    }
}
