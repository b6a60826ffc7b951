import Testing
import Foundation
@testable import LabKit

/// The Jobs lab graded end to end: the reference solution, and the mistakes learners make,
/// each failing the step it should with the message a learner should read.
@Suite struct JobsLabTests {
    static let lab = Repo.load(Repo.lab("jobs"))
    static let solution = Repo.text(Repo.root.appendingPathComponent("labs/jobs/solution.sh"))!
    /// The mistakes learners make, each the reference solution with one line changed.
    static let mistakes: [String: (line: String, typed: String)] = [
        "kept-always": ("sed -i 's/restartPolicy: Always/restartPolicy: Never/' fail-job.yaml\n", ""),
        "onfailure": ("restartPolicy: Never/' fail-job.yaml", "restartPolicy: OnFailure/' fail-job.yaml"),
        "wrong-count": ("lab answer backoff 4", "lab answer backoff 3"),
        "too-parallel": ("s/parallelism: 1/parallelism: 2/", "s/parallelism: 1/parallelism: 6/"),
        "hourly": ("--schedule=\"*/1 * * * *\"", "--schedule=\"0 * * * *\""),
        "never-suspended": ("kubectl patch cronjob hello -p '{\"spec\":{\"suspend\":true}}'\n", ""),
    ]
    static func wrong(_ name: String) -> String { Repo.variant(solution, [mistakes[name]!]) }

    @Test func referenceSolutionEarnsFullMarks() {
        let result = LabCheck.run(Self.lab, script: Self.solution)
        #expect(result.report.text() == """
            ✔ Run a Job to completion
            ✔ Fix a Job that restarts for ever
            ✔ Count the retries
            ✔ Run a parallel Job
            ✔ Schedule a CronJob every minute
            ✔ Suspend the CronJob
            score: 60/60 (6 of 6 steps passed)

            """)
        #expect(result.report.passed)
        #expect(result.report.exitCode == 0)
    }

    @Test func theTranscriptShowsWhatARealClusterWouldHaveDone() {
        let transcript = LabCheck.run(Self.lab, script: Self.solution).transcript
        // The pi Job completes once and is not restarted; its log is pi to 2000 digits.
        #expect(transcript.contains("pi     Complete   1/1"))
        #expect(transcript.contains("\n3.14159265358979323846264338327950288419716939937510"))
        #expect(transcript.contains("8658326459958133904780275901\n"))
        // The refused Job, in the apiserver's words.
        #expect(transcript.contains(
            "The Job \"fail\" is invalid: spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"\n"))
        // Four failed pods, and the Job's verdict.
        #expect(transcript.contains("Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 4 Failed\n"))
        #expect(transcript.contains("Warning  BackoffLimitExceeded"))
        // Three scheduled Jobs after 200 s, named after their minute, and the greeting.
        #expect(transcript.contains("hello-29928066   Complete   1/1"))
        #expect(transcript.contains("hello-29928068   Complete   1/1"))
        #expect(transcript.contains("Hello from the Kubernetes cluster\n"))
        // Suspended: SUSPEND True, and no Job newer than the last one seen before.
        #expect(transcript.contains("hello   */1 * * * *   <none>     True "))
        #expect(!transcript.contains("hello-29928071"))
    }

    @Test func sameSeedSameBytes() {
        let a = LabCheck.run(Self.lab, script: Self.solution)
        let b = LabCheck.run(Self.lab, script: Self.solution)
        #expect(a.transcript == b.transcript)
        #expect(a.report == b.report)
    }

    func expectFailure(_ script: String, step: String, messages: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        LabKitTests.expectFailure(Self.lab, script, step: step, messages: messages, sourceLocation: sourceLocation)
    }

    @Test func keepingRestartPolicyAlwaysNeverCreatesTheJob() {
        expectFailure(Self.wrong("kept-always"), step: "restart-policy", messages: [
            "There is no Job named fail yet. Set restartPolicy: Never in fail-job.yaml and apply it.",
        ])
    }

    @Test func onFailureRestartsInPlaceInsteadOfMakingPodsToCount() {
        expectFailure(Self.wrong("onfailure"), step: "restart-policy", messages: [
            "The Job fail runs its pods with restartPolicy OnFailure; this step wants Never, so that each failure gives a new pod you can count.",
        ])
    }

    @Test func aWrongCountLeavesTheQuestionOpen() {
        let report = LabCheck.run(Self.lab, script: Self.wrong("wrong-count")).report
        let backoff = report.steps[2]
        #expect(backoff.id == "backoff" && !backoff.passed)
        #expect(backoff.messages.count == 1)
        #expect(backoff.messages.first?.hasPrefix("The question is still open (your answer: ") == true)
        #expect(report.steps[0].passed && report.steps[1].passed)
        #expect(!report.passed)
    }

    @Test func tooMuchParallelismFailsTheParallelStep() {
        expectFailure(Self.wrong("too-parallel"), step: "parallel", messages: [
            "The Job parallel runs 6 pods at a time; this step wants 2.",
        ])
    }

    @Test func anHourlyScheduleRunsNothingWithinTheLab() {
        expectFailure(Self.wrong("hourly"), step: "cronjob", messages: [
            "The CronJob hello runs on the schedule 0 * * * *; this step wants every minute: */1 * * * *.",
            "The CronJob hello has 0 Jobs so far; it starts one a minute. Wait (sleep 60) and look again with kubectl get jobs.",
            "You have not read a scheduled Job's output yet: kubectl logs job/hello-… (a name from kubectl get jobs).",
        ])
    }

    @Test func forgettingToSuspendFailsTheLastStep() {
        expectFailure(Self.wrong("never-suspended"), step: "suspend", messages: [
            "The CronJob hello is not suspended (spec.suspend is false). Patch it: kubectl patch cronjob hello -p '{\"spec\":{\"suspend\":true}}'",
            "You have not looked at the suspended CronJob yet: kubectl get cronjob hello shows SUSPEND True.",
        ])
    }
}
