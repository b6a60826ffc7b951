import Foundation
import KubeAPI

/// job-controller (pkg/controller/job): runs a Job's pods to completion. Keeps up to
/// `parallelism` pods running until `completions` have succeeded, replaces failed pods after
/// an exponential back-off (10 s, 20 s, 40 s … capped at 10 minutes, as the 1.32 code does), fails the Job past
/// `backoffLimit` or `activeDeadlineSeconds`, counts finished pods through the
/// `batch.kubernetes.io/job-tracking` finalizer, and deletes finished Jobs after
/// `ttlSecondsAfterFinished`.
final class JobController: Controller {
    let watchedKinds: Set<String>? = ["Job", "Pod"]

    /// Finished pods that went away before they were counted, by Job uid.
    private var uncounted: [String: (succeeded: Int, failed: Int)] = [:]
    /// When the last counted pod failure happened, by Job uid: the back-off runs from it.
    private var lastFailure: [String: Double] = [:]
    /// Reconciles already scheduled, by key and time, so a busy Job doesn't pile up timers.
    private var pendingWakeups: Set<String> = []

    static let component = "job-controller"
    static let baseBackoff = 10.0
    static let maxBackoff = 600.0

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        if let job = change.object as? Job {
            if change.type == .deleted, let uid = job.metadata.uid {
                uncounted[uid] = nil; lastFailure[uid] = nil
                return []
            }
            return [ObjectStore.key(job.namespace, job.name)]
        }
        guard let pod = change.object as? Pod, let ref = pod.metadata.controllerRef, ref.kind == "Job" else { return [] }
        if change.type == .deleted, pod.metadata.finalizers?.contains(BatchLabels.trackingFinalizer) == true {
            // Gone before the controller counted it: a pod that didn't succeed counts as failed.
            var u = uncounted[ref.uid] ?? (0, 0)
            if pod.phase == "Succeeded" { u.succeeded += 1 } else { u.failed += 1; lastFailure[ref.uid] = cluster.now }
            uncounted[ref.uid] = u
        }
        // Pod events are batched for a second before the Job is synced (syncJobBatchPeriod).
        let key = ObjectStore.key(pod.namespace, ref.name)
        if batching.insert(key).inserted {
            cluster.schedule(after: Self.batchPeriod) { [unowned self] c in
                self.batching.remove(key)
                self.reconcile(key, in: c)
            }
        }
        return []
    }

    /// Jobs with a batched sync pending.
    private var batching: Set<String> = []
    static let batchPeriod = 1.0

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let job = cluster.store.get(Job.self, namespace: parts[0], name: parts[1]),
              let uid = job.metadata.uid else { return }
        let pods = cluster.pods(ownedBy: uid, namespace: job.namespace)
        var st = job.status ?? JobStatus()

        // Count the finished pods not yet counted, and release them.
        var newFailures = 0
        for var pod in pods where pod.metadata.finalizers?.contains(BatchLabels.trackingFinalizer) == true {
            let terminal = pod.phase == "Succeeded" || pod.phase == "Failed"
            let gone = pod.metadata.deletionTimestamp != nil
            guard terminal || (gone && job.finishedCondition != nil) else { continue }
            if terminal {
                if pod.phase == "Succeeded" {
                    st.succeeded = (st.succeeded ?? 0) + 1
                    if job.spec?.completionMode == "Indexed", let i = Self.index(of: pod) {
                        st.completedIndexes = Self.formatIndexes(Self.parseIndexes(st.completedIndexes).union([i]))
                    }
                } else {
                    st.failed = (st.failed ?? 0) + 1
                    newFailures += 1
                    lastFailure[uid] = Self.finishTime(pod) ?? cluster.now
                }
            }
            pod.metadata.finalizers = pod.metadata.finalizers?.filter { $0 != BatchLabels.trackingFinalizer }
            if pod.metadata.finalizers?.isEmpty == true { pod.metadata.finalizers = nil }
            cluster.write(pod)
        }
        if let u = uncounted.removeValue(forKey: uid) {
            st.succeeded = (st.succeeded ?? 0) + u.succeeded
            st.failed = (st.failed ?? 0) + u.failed
            newFailures += u.failed
        }
        if st.succeeded == 0 { st.succeeded = nil }
        if st.failed == 0 { st.failed = nil }

        let spec = job.spec ?? JobSpec()
        let live = cluster.pods(ownedBy: uid, namespace: job.namespace)
        let active = live.filter { $0.metadata.deletionTimestamp == nil && $0.phase != "Succeeded" && $0.phase != "Failed" }
        let terminating = live.filter { $0.metadata.deletionTimestamp != nil && $0.phase != "Succeeded" && $0.phase != "Failed" }

        if job.metadata.deletionTimestamp != nil { return }
        if let done = job.finishedCondition {
            writeStatus(job, &st, active: active, terminating: terminating, cluster)
            scheduleTTL(job, finishedAt: done.lastTransitionTime?.seconds ?? cluster.now, cluster)
            return
        }

        // Suspension: no pods, no clock.
        if spec.suspend == true {
            for p in active { deletePod(p, job, cluster) }
            if !hasCondition(st, "Suspended") {
                setCondition(&st, "Suspended", reason: "JobSuspended", message: "Job suspended", cluster)
                cluster.recordEvent(for: job, reason: "Suspended", message: "Job suspended", component: Self.component)
            }
            st.startTime = nil
            writeStatus(job, &st, active: [], terminating: terminating + active, cluster)
            return
        }
        if hasCondition(st, "Suspended") {
            setCondition(&st, "Suspended", status: "False", reason: "JobResumed", message: "Job resumed", cluster)
            cluster.recordEvent(for: job, reason: "Resumed", message: "Job resumed", component: Self.component)
        }
        if st.startTime == nil { st.startTime = cluster.time }

        // Failure: a pending FailureTarget, too many failures, or too long.
        var failure: (reason: String, message: String)?
        if let ft = st.conditions?.first(where: { $0.type == "FailureTarget" && $0.status == "True" }) {
            failure = (ft.reason ?? "", ft.message ?? "")
        } else if let limit = spec.backoffLimit, pastBackoffLimit(spec, failed: st.failed ?? 0, active: active, limit: limit) {
            failure = ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
        } else if let ads = spec.activeDeadlineSeconds, let start = st.startTime {
            if cluster.now - start.seconds >= Double(ads) {
                failure = ("DeadlineExceeded", "Job was active longer than specified deadline")
            } else {
                wake(key, after: start.seconds + Double(ads) - cluster.now, cluster)
            }
        }
        if let f = failure {
            if !hasCondition(st, "FailureTarget") {
                setCondition(&st, "FailureTarget", reason: f.reason, message: f.message, cluster)
                for p in active { deletePod(p, job, cluster) }
                cluster.recordEvent(for: job, type: "Warning", reason: f.reason, message: f.message, component: Self.component)
            }
            let stillRunning = cluster.pods(ownedBy: uid, namespace: job.namespace)
                .filter { $0.phase != "Succeeded" && $0.phase != "Failed" }
            if stillRunning.isEmpty {
                setCondition(&st, "Failed", reason: f.reason, message: f.message, cluster)
            }
            writeStatus(job, &st, active: [], terminating: stillRunning, cluster)
            if stillRunning.isEmpty { scheduleTTL(job, finishedAt: cluster.now, cluster) }
            return
        }

        // Success.
        let succeeded = st.succeeded ?? 0
        let indexed = spec.completionMode == "Indexed"
        let complete: Bool
        if let c = spec.completions {
            complete = indexed ? Self.parseIndexes(st.completedIndexes).count >= c : succeeded >= c
        } else {
            complete = succeeded > 0 && active.isEmpty
        }
        if complete {
            for p in active { deletePod(p, job, cluster) }
            let message = "Reached expected number of succeeded pods"
            setCondition(&st, "SuccessCriteriaMet", reason: "CompletionsReached", message: message, cluster)
            setCondition(&st, "Complete", reason: "CompletionsReached", message: message, cluster)
            st.completionTime = cluster.time
            cluster.recordEvent(for: job, reason: "Completed", message: "Job completed", component: Self.component)
            writeStatus(job, &st, active: [], terminating: terminating, cluster)
            scheduleTTL(job, finishedAt: cluster.now, cluster)
            return
        }

        // Start pods, after the back-off that follows a failure.
        let parallelism = max(spec.parallelism ?? 1, 0)
        var want: Int
        if let c = spec.completions { want = min(parallelism, max(c - succeeded, 0)) }
        else { want = succeeded > 0 ? 0 : parallelism }
        var created: [Pod] = []
        if active.count < want {
            let failures = st.failed ?? 0
            let delay = failures == 0 ? 0 : min(Self.baseBackoff * pow(2, Double(failures - 1)), Self.maxBackoff)
            let readyAt = (lastFailure[uid] ?? 0) + delay
            if failures > 0, readyAt > cluster.now + 1e-9 {
                wake(key, after: readyAt - cluster.now, cluster)
            } else {
                var indexes: [Int?] = Array(repeating: nil, count: want - active.count)
                if indexed, let c = spec.completions {
                    let busy = Set(active.compactMap(Self.index(of:))).union(Self.parseIndexes(st.completedIndexes))
                    indexes = Array((0..<c).filter { !busy.contains($0) }.prefix(want - active.count))
                }
                for i in indexes.prefix(500) {
                    if let p = createPod(job, index: i, cluster) { created.append(p) }
                }
            }
        }
        writeStatus(job, &st, active: active + created, terminating: terminating, cluster)
    }

    /// pastBackoffLimit: failed pods beyond the limit, or for OnFailure the restarts of the
    /// running pods reaching it.
    private func pastBackoffLimit(_ spec: JobSpec, failed: Int, active: [Pod], limit: Int) -> Bool {
        if failed > limit { return true }
        guard spec.template?.spec?.restartPolicy == "OnFailure" else { return false }
        let restarts = active.reduce(0) { sum, p in
            sum + (p.status?.containerStatuses ?? []).reduce(0) { $0 + $1.restartCount }
                + (p.status?.initContainerStatuses ?? []).reduce(0) { $0 + $1.restartCount }
        }
        return limit == 0 ? restarts > 0 : restarts >= limit
    }

    private func createPod(_ job: Job, index: Int?, _ cluster: Cluster) -> Pod? {
        guard let tmpl = job.spec?.template, let spec = tmpl.spec, let uid = job.metadata.uid else { return nil }
        var meta = ObjectMeta()
        meta.generateName = index.map { "\(job.name)-\($0)-" } ?? "\(job.name)-"
        meta.labels = tmpl.metadata?.labels
        meta.annotations = tmpl.metadata?.annotations
        var podSpec = spec
        if let i = index {
            meta.labels = (meta.labels ?? [:]).merging([BatchLabels.completionIndex: String(i)]) { $1 }
            meta.annotations = (meta.annotations ?? [:]).merging([BatchLabels.completionIndex: String(i)]) { $1 }
            podSpec.hostname = "\(job.name)-\(i)"
            // Every container (init ones too) learns its index from the pod's label.
            var env = EnvVar(name: "JOB_COMPLETION_INDEX", value: nil)
            env.valueFrom = .object(["fieldRef": .object(["apiVersion": .string("v1"),
                                                          "fieldPath": .string("metadata.labels['\(BatchLabels.completionIndex)']")])])
            func withIndex(_ c: Container) -> Container {
                var c = c
                c.env = (c.env ?? []) + [env]
                return c
            }
            podSpec.containers = podSpec.containers.map(withIndex)
            if let inits = podSpec.initContainers { podSpec.initContainers = inits.map(withIndex) }
        }
        meta.finalizers = [BatchLabels.trackingFinalizer]
        meta.ownerReferences = [OwnerReference(apiVersion: "batch/v1", kind: "Job", name: job.name, uid: uid)]
        do {
            let created = try cluster.create(Pod(metadata: meta, spec: podSpec), namespace: job.namespace)
            cluster.recordEvent(for: job, reason: "SuccessfulCreate", message: "Created pod: \(created.name)", component: Self.component)
            return created as? Pod
        } catch {
            cluster.recordEvent(for: job, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.message)", component: Self.component)
            return nil
        }
    }

    private func deletePod(_ pod: Pod, _ job: Job, _ cluster: Cluster) {
        guard pod.metadata.deletionTimestamp == nil else { return }
        _ = try? cluster.delete(.pods, namespace: pod.namespace, name: pod.name)
        cluster.recordEvent(for: job, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)", component: Self.component)
    }

    private func writeStatus(_ job: Job, _ st: inout JobStatus, active: [Pod], terminating: [Pod], _ cluster: Cluster) {
        st.active = active.isEmpty ? nil : active.count
        st.ready = active.count { $0.status?.condition("Ready")?.status == "True" }
        st.terminating = terminating.count
        st.uncountedTerminatedPods = .object([:])
        var updated = job
        updated.status = st
        cluster.updateStatus(updated)
    }

    private func hasCondition(_ st: JobStatus, _ type: String) -> Bool {
        st.conditions?.contains { $0.type == type && $0.status == "True" } ?? false
    }

    private func setCondition(_ st: inout JobStatus, _ type: String, status: String = "True", reason: String, message: String, _ cluster: Cluster) {
        var list = st.conditions ?? []
        var c = Condition(type: type, status: status, lastTransitionTime: cluster.time, reason: reason, message: message)
        c.lastProbeTime = .string(cluster.time.rfc3339)
        if let i = list.firstIndex(where: { $0.type == type }) {
            if list[i].status == status { return }
            list[i] = c
        } else {
            list.append(c)
        }
        st.conditions = list
    }

    /// The ttl-after-finished controller: deletes the finished Job (and, in the foreground,
    /// its pods) `ttlSecondsAfterFinished` after it finished.
    private func scheduleTTL(_ job: Job, finishedAt: Double, _ cluster: Cluster) {
        guard let ttl = job.spec?.ttlSecondsAfterFinished, let uid = job.metadata.uid else { return }
        let due = finishedAt + Double(ttl)
        if due <= cluster.now {
            _ = try? cluster.delete(.jobs, namespace: job.namespace, name: job.name, propagation: .foreground)
            return
        }
        let token = "ttl|\(uid)"
        guard pendingWakeups.insert(token).inserted else { return }
        let ns = job.namespace, name = job.name
        cluster.schedule(after: due - cluster.now) { [unowned self] c in
            self.pendingWakeups.remove(token)
            guard let j = c.store.get(Job.self, namespace: ns, name: name), j.metadata.uid == uid,
                  j.metadata.deletionTimestamp == nil else { return }
            _ = try? c.delete(.jobs, namespace: ns, name: name, propagation: .foreground)
        }
    }

    /// Reconciles `key` again in `seconds` (once per key and moment).
    private func wake(_ key: String, after seconds: Double, _ cluster: Cluster) {
        let token = "\(key)@\(Int((cluster.now + seconds) * 1000))"
        guard pendingWakeups.insert(token).inserted else { return }
        cluster.schedule(after: max(seconds, 0)) { [unowned self] c in
            self.pendingWakeups.remove(token)
            self.reconcile(key, in: c)
        }
    }

    private static func finishTime(_ pod: Pod) -> Double? {
        (pod.status?.containerStatuses ?? []).compactMap { $0.state?.terminated?.finishedAt?.seconds }.max()
    }

    static func index(of pod: Pod) -> Int? {
        pod.metadata.annotations?[BatchLabels.completionIndex].flatMap { Int($0) }
    }

    /// `1,3-5` ⇄ {1, 3, 4, 5}: how status.completedIndexes is written.
    static func parseIndexes(_ s: String?) -> Set<Int> {
        var out = Set<Int>()
        for part in (s ?? "").split(separator: ",") {
            let ends = part.split(separator: "-").compactMap { Int($0) }
            if ends.count == 2, ends[0] <= ends[1] { out.formUnion(ends[0]...ends[1]) } else if ends.count == 1 { out.insert(ends[0]) }
        }
        return out
    }

    static func formatIndexes(_ set: Set<Int>) -> String? {
        let sorted = set.sorted()
        guard !sorted.isEmpty else { return nil }
        var parts: [String] = []
        var start = sorted[0], prev = sorted[0]
        for v in sorted.dropFirst() + [Int.min] {
            if v == prev + 1 { prev = v; continue }
            parts.append(start == prev ? "\(start)" : "\(start)-\(prev)")
            start = v; prev = v
        }
        return parts.joined(separator: ",")
    }
}
