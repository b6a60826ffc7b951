import Testing
import Foundation
@testable import LabKit

/// The DaemonSet lab graded end to end: the reference solution earns full marks, and the
/// usual mistakes fail the step they should.
@Suite struct DaemonSetLabTests {
    static let lab = Repo.load(Repo.lab("daemonset"))
    static let solution = Repo.text(Repo.root.appendingPathComponent("labs/daemonset/solution.sh"))!
    static func wrong(_ name: String) -> String {
        Repo.text(Repo.fixtures.appendingPathComponent("daemonset-wrong/\(name).sh"))!
    }

    @Test func referenceSolutionEarnsFullMarks() {
        let result = LabCheck.run(Self.lab, script: Self.solution)
        #expect(result.report.text() == """
            ✔ Create the DaemonSet
            ✔ See where the pods run
            ✔ Let master01 run a pod too
            ✔ Add a worker and watch it get a pod
            ✔ Drain a worker for maintenance
            ✔ Put the worker back, remove another
            score: 60/60 (6 of 6 steps passed)

            """)
        #expect(result.report.exitCode == 0)
    }

    @Test func theSolutionShowsTheDrainRefusalAndTheNewNode() {
        let transcript = LabCheck.run(Self.lab, script: Self.solution).transcript
        #expect(transcript.contains("error: unable to drain node \"node01\" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): "))
        #expect(transcript.contains("There are pending nodes to be drained:\n node01\n"))
        #expect(transcript.contains("Warning: ignoring DaemonSet-managed Pods: "))
        #expect(transcript.contains("node/node01 drained\n"))
        #expect(transcript.contains("This node has joined the cluster:"))
        #expect(transcript.contains("daemon set \"nginx-daemonset\" successfully rolled out\n"))
    }

    func expectFailure(_ script: String, step: String, messages: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        LabKitTests.expectFailure(Self.lab, script, step: step, messages: messages, sourceLocation: sourceLocation)
    }

    @Test func blamingTheNodeNameFailsTheQuiz() {
        expectFailure(Self.wrong("wrong-answer"), step: "where",
                      messages: ["The question is still open (your answer: 3). Compare master01's Taints with the tolerations a DaemonSet pod has."])
    }

    @Test func removingTheMastersTaintInsteadOfToleratingItFails() {
        // The learner's pod does run on master01, but for the wrong reason: the report says
        // so, rather than quoting the earlier state in which the taint was still there.
        expectFailure(Self.wrong("untainted-master"), step: "tolerate", messages: [
            "master01 lost its control-plane taint. Put it back (kubectl taint nodes master01 node-role.kubernetes.io/control-plane:NoSchedule) and tolerate it in the DaemonSet instead.",
            "The DaemonSet's pod template tolerates no control-plane taint yet: add the toleration to spec.template.spec.tolerations.",
        ])
    }

    @Test func aRefusedDrainDoesNotCount() {
        expectFailure(Self.wrong("drain-refused"), step: "drain",
                      messages: ["No drain has finished yet. kubectl drain node01 --ignore-daemonsets"])
    }
}
