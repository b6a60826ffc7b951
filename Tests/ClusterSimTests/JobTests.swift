import Foundation
import Testing
import KubeAPI
@testable import ClusterSim

/// The Job and CronJob strategies and controllers on the standard cluster.
@Suite struct JobTests {
    func job(_ name: String, _ command: [String], restart: String? = "Never", configure: (inout JobSpec) -> Void = { _ in }) -> Job {
        var c = Container(name: "c", image: "busybox:1.28")
        c.command = command
        var pod = PodSpec(containers: [c])
        pod.restartPolicy = restart
        var spec = JobSpec()
        spec.template = PodTemplateSpec(spec: pod)
        configure(&spec)
        return Job(metadata: ObjectMeta(name: name), spec: spec)
    }

    func get(_ c: Cluster, _ name: String) -> Job? { c.store.get(Job.self, namespace: "default", name: name) }
    func pods(_ c: Cluster, _ job: String) -> [Pod] {
        c.store.list(Pod.self, namespace: "default").filter { $0.metadata.labels?["job-name"] == job }.sorted { $0.name < $1.name }
    }
    func eventTexts(_ c: Cluster, _ o: any APIObject) -> [String] { c.events(for: o).map { "\($0.reason ?? "") \($0.message ?? "")" } }

    @Test func defaultsAndGeneratedSelector() throws {
        let c = Cluster.standard()
        let created = try #require(try c.create(job("pi", ["sh", "-c", "echo hi"]), namespace: "default") as? Job)
        let uid = try #require(created.metadata.uid)
        let spec = try #require(created.spec)
        #expect(spec.completions == 1 && spec.parallelism == 1 && spec.backoffLimit == 6)
        #expect(spec.completionMode == "NonIndexed" && spec.suspend == false && spec.manualSelector == false)
        #expect(spec.podReplacementPolicy == "TerminatingOrFailed")
        #expect(spec.selector == LabelSelector(matchLabels: ["batch.kubernetes.io/controller-uid": uid]))
        let labels = ["batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi"]
        #expect(spec.template?.metadata?.labels == labels)
        #expect(created.metadata.labels == labels)
    }

    @Test func restartPolicyMustBeNeverOrOnFailure() {
        let c = Cluster.standard()
        #expect(throws: APIError.self) { try c.create(job("a", ["true"], restart: nil), namespace: "default") }
        do {
            try c.create(job("a", ["true"], restart: "Always"), namespace: "default")
            Issue.record("Always accepted")
        } catch {
            #expect(error.kubectlText(context: "") == "The Job \"a\" is invalid: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"")
        }
    }

    @Test func succeedsWithCompletionTimeConditionsAndEvents() throws {
        let c = Cluster.standard()
        try c.create(job("ok", ["sh", "-c", "echo done; sleep 5"]), namespace: "default")
        c.advance(by: 30)
        let j = try #require(get(c, "ok"))
        #expect(j.status?.succeeded == 1)
        #expect(j.status?.conditions?.map(\.type) == ["SuccessCriteriaMet", "Complete"])
        #expect(j.status?.conditions?.last?.reason == "CompletionsReached")
        #expect(j.status?.completionTime != nil)
        #expect(j.statusWord == "Complete")
        let p = try #require(pods(c, "ok").first)
        #expect(p.phase == "Succeeded")
        #expect(p.name.hasPrefix("ok-"))
        #expect(p.metadata.finalizers == nil, "the tracking finalizer is removed once the pod is counted")
        #expect(eventTexts(c, j) == ["SuccessfulCreate Created pod: \(p.name)", "Completed Job completed"])
    }

    @Test func neverRetriesWithExponentialBackoffUntilTheLimit() throws {
        let c = Cluster.standard()
        try c.create(job("bad", ["sh", "-c", "exit 1"]) { $0.backoffLimit = 2 }, namespace: "default")
        c.advance(by: 5)
        #expect(pods(c, "bad").count == 1)
        c.advance(by: 300)
        let all = pods(c, "bad")
        #expect(all.count == 3, "backoffLimit 2: the first pod and two retries")
        #expect(all.allSatisfy { $0.phase == "Failed" })
        // Pods are created 10 s, then 20 s after the previous failure.
        let created = all.compactMap { $0.metadata.creationTimestamp?.seconds }.sorted()
        #expect(created[1] - created[0] >= 10 && created[1] - created[0] < 13)
        #expect(created[2] - created[1] >= 20 && created[2] - created[1] < 23)
        let j = try #require(get(c, "bad"))
        #expect(j.status?.failed == 3)
        #expect(j.status?.conditions?.map(\.type) == ["FailureTarget", "Failed"])
        #expect(j.status?.conditions?.last?.reason == "BackoffLimitExceeded")
        #expect(j.statusWord == "Failed")
        #expect(eventTexts(c, j).last == "BackoffLimitExceeded Job has reached the specified backoff limit")
    }

    @Test func onFailureRestartsInPlaceAndCountsRestarts() throws {
        let c = Cluster.standard()
        try c.create(job("crash", ["sh", "-c", "exit 3"], restart: "OnFailure") { $0.backoffLimit = 2 }, namespace: "default")
        c.advance(by: 300)
        let j = try #require(get(c, "crash"))
        #expect(j.statusWord == "Failed")
        // One pod, restarted by the kubelet, then deleted when the Job failed.
        let created = eventTexts(c, j).filter { $0.hasPrefix("SuccessfulCreate") }
        #expect(created.count == 1)
        #expect(eventTexts(c, j).contains { $0.hasPrefix("SuccessfulDelete Deleted pod: crash-") })
    }

    @Test func parallelismAndCompletions() throws {
        let c = Cluster.standard()
        try c.create(job("par", ["sh", "-c", "sleep 10"]) { $0.completions = 5; $0.parallelism = 2 }, namespace: "default")
        c.advance(by: 3)
        #expect(pods(c, "par").count == 2)
        c.advance(by: 60)
        let j = try #require(get(c, "par"))
        #expect(j.status?.succeeded == 5)
        #expect(pods(c, "par").count == 5)
        #expect(j.statusWord == "Complete")
        let row = Job.table([j], in: c).rows[0]
        #expect(row[2] == "5/5")
    }

    @Test func indexedJobNamesPodsByIndex() throws {
        let c = Cluster.standard()
        try c.create(job("idx", ["sh", "-c", "sleep 1"]) { $0.completions = 3; $0.parallelism = 3; $0.completionMode = "Indexed" }, namespace: "default")
        c.advance(by: 30)
        let names = pods(c, "idx").map(\.name)
        #expect(names.count == 3)
        for i in 0..<3 { #expect(names.contains { $0.hasPrefix("idx-\(i)-") }) }
        #expect(get(c, "idx")?.status?.completedIndexes == "0-2")
    }

    @Test func activeDeadlineAndTTL() throws {
        let c = Cluster.standard()
        try c.create(job("slow", ["sleep", "600"]) { $0.activeDeadlineSeconds = 20 }, namespace: "default")
        try c.create(job("gone", ["sh", "-c", "sleep 2"]) { $0.ttlSecondsAfterFinished = 10 }, namespace: "default")
        c.advance(by: 8)
        #expect(get(c, "gone")?.statusWord == "Complete")
        c.advance(by: 60)
        #expect(get(c, "gone") == nil, "deleted 10 s after it finished")
        #expect(pods(c, "gone").isEmpty)
        let slow = try #require(get(c, "slow"))
        #expect(slow.status?.conditions?.last?.reason == "DeadlineExceeded")
        #expect(slow.statusWord == "Failed")
    }

    @Test func indexFormatting() {
        #expect(JobController.formatIndexes([0, 1, 2, 4, 6, 7]) == "0-2,4,6-7")
        #expect(JobController.parseIndexes("0-2,4,6-7") == [0, 1, 2, 4, 6, 7])
        #expect(JobController.formatIndexes([]) == nil)
    }

    // MARK: - CronJob

    func cronJob(_ name: String, _ schedule: String, _ command: [String], configure: (inout CronJobSpec) -> Void = { _ in }) -> CronJob {
        var tmpl = JobTemplateSpec()
        tmpl.spec = job(name, command, restart: "OnFailure").spec
        var spec = CronJobSpec(schedule: schedule, jobTemplate: tmpl)
        configure(&spec)
        return CronJob(metadata: ObjectMeta(name: name), spec: spec)
    }

    @Test func cronJobRunsEveryMinuteAndKeepsThreeSuccessfulJobs() throws {
        let c = Cluster.standard()
        try c.create(cronJob("hello", "* * * * *", ["sh", "-c", "date; echo Hello"]), namespace: "default")
        c.advance(by: 200)
        // 09:01, 09:02, 09:03 (start is 09:00:00).
        let minute = Int(Cluster.defaultStartTime / 60)
        var names = c.store.list(Job.self, namespace: "default").map(\.name).sorted()
        #expect(names == (1...3).map { "hello-\(minute + $0)" })
        let job = try #require(get(c, "hello-\(minute + 1)"))
        #expect(job.metadata.annotations?["batch.kubernetes.io/cronjob-scheduled-timestamp"] == "2026-11-26T09:01:00Z")
        #expect(job.metadata.controllerRef?.kind == "CronJob")
        c.advance(by: 120)
        names = c.store.list(Job.self, namespace: "default").map(\.name).sorted()
        #expect(names == (3...5).map { "hello-\(minute + $0)" })
        let cj = try #require(c.store.get(CronJob.self, namespace: "default", name: "hello"))
        #expect(cj.status?.lastScheduleTime == Time(seconds: Double((minute + 5) * 60)))
        let events = eventTexts(c, cj)
        #expect(events.contains("SuccessfulCreate Created job hello-\(minute + 1)"))
        #expect(events.contains("SawCompletedJob Saw completed job: hello-\(minute + 1), status: Complete"))
        #expect(events.contains("SuccessfulDelete Deleted job hello-\(minute + 1)"))
    }

    @Test func forbidSkipsWhileAJobRunsAndSuspendStopsScheduling() throws {
        let c = Cluster.standard()
        try c.create(cronJob("long", "* * * * *", ["sleep", "150"]) { $0.concurrencyPolicy = "Forbid" }, namespace: "default")
        c.advance(by: 200)
        #expect(c.store.list(Job.self, namespace: "default").count == 1)
        var cj = try #require(c.store.get(CronJob.self, namespace: "default", name: "long"))
        #expect(eventTexts(c, cj).contains("JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid"))
        cj.spec?.suspend = true
        try c.update(cj)
        c.advance(by: 300)
        #expect(c.store.list(Job.self, namespace: "default").count == 1)
    }

    @Test func replaceDeletesTheRunningJob() throws {
        let c = Cluster.standard()
        try c.create(cronJob("rep", "* * * * *", ["sleep", "600"]) { $0.concurrencyPolicy = "Replace" }, namespace: "default")
        c.advance(by: 130)
        let minute = Int(Cluster.defaultStartTime / 60)
        #expect(c.store.list(Job.self, namespace: "default").map(\.name) == ["rep-\(minute + 2)"])
    }

    @Test func deletingACronJobDeletesItsJobsUnlessOrphaned() throws {
        let c = Cluster.standard()
        try c.create(cronJob("a", "* * * * *", ["true"]), namespace: "default")
        try c.create(cronJob("b", "* * * * *", ["true"]), namespace: "default")
        c.advance(by: 70)
        let minute = Int(Cluster.defaultStartTime / 60) + 1
        #expect(c.store.list(Job.self, namespace: "default").map(\.name).sorted() == ["a-\(minute)", "b-\(minute)"])
        try c.delete(.cronjobs, namespace: "default", name: "a")
        try c.delete(.cronjobs, namespace: "default", name: "b", propagation: .orphan)
        c.advance(by: 5)
        let left = c.store.list(Job.self, namespace: "default")
        #expect(left.map(\.name) == ["b-\(minute)"])
        #expect(left.first?.metadata.ownerReferences == nil)
    }

    @Test func cronJobValidation() {
        let c = Cluster.standard()
        func message(_ cj: CronJob) -> String {
            do { try c.create(cj, namespace: "default"); return "" } catch { return error.kubectlText(context: "") }
        }
        #expect(message(cronJob("a", "* * * *", ["true"])) ==
                "The CronJob \"a\" is invalid: spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: [* * * *]")
        #expect(message(cronJob("a", "TZ=UTC * * * * *", ["true"])) ==
                "The CronJob \"a\" is invalid: spec.schedule: Invalid value: \"TZ=UTC * * * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead")
        #expect(message(cronJob("a", "* * * * *", ["true"]) { $0.timeZone = "Mars/Olympus" }) ==
                "The CronJob \"a\" is invalid: spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus")
        #expect(message(cronJob("a", "* * * * *", ["true"]) { $0.concurrencyPolicy = "Sometimes" }) ==
                "The CronJob \"a\" is invalid: spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"")
        #expect(message(cronJob(String(repeating: "x", count: 53), "* * * * *", ["true"])).hasSuffix("must be no more than 52 characters"))
    }
}
