import Testing
import Foundation
@testable import LabKit

/// The StatefulSet lab graded end to end: the reference solution, and the mistakes learners
/// make (a Deployment instead, no serviceName, a misspelt storage class), each failing the
/// step it should with the message a learner should read.
@Suite struct StatefulSetLabTests {
    static let lab = Repo.load(Repo.lab("statefulset"))
    static let solution = Repo.text(Repo.root.appendingPathComponent("labs/statefulset/solution.sh"))!
    static func wrong(_ name: String) -> String { Repo.text(Repo.fixtures.appendingPathComponent("statefulset-wrong/\(name).sh"))! }

    @Test func referenceSolutionEarnsFullMarks() {
        let result = LabCheck.run(Self.lab, script: Self.solution)
        #expect(result.report.text() == """
            ✔ Recap: resolve kubernetes
            ✔ Create the headless Service and the StatefulSet
            ✔ Inspect Service, StatefulSet, claims, volumes and pods
            ✔ Why a headless Service and volumeClaimTemplates?
            ✔ Delete the StatefulSet, then create it again
            ✔ Data outlives its pod
            ✔ Roll out nginx:1.18.0, highest ordinal first
            ✔ Resolve the Service and each pod by name
            score: 100/100 (8 of 8 steps passed)

            """)
        #expect(result.report.passed)
        #expect(result.report.exitCode == 0)
    }

    @Test func theTranscriptShowsWhatARealClusterWouldHaveDone() {
        let transcript = LabCheck.run(Self.lab, script: Self.solution).transcript
        // Re-created in order: myapp-1 only once myapp-0 runs (2 s: its NFS volume is mounted first).
        #expect(transcript.contains("""
            myapp-0                                   0/1     ContainerCreating   0          0s
            myapp-0                                   1/1     Running             0          2s
            myapp-1                                   0/1     Pending             0          0s
            """))
        // The file written before the pod was replaced is read from its successor.
        #expect(transcript.contains("""
            [root@master01 controller]# kubectl exec myapp-1 -- cat /usr/share/nginx/html/index.html
            hello from myapp-1

            """))
        #expect(transcript.contains("partitioned roll out complete: 3 new pods have been updated...\n"))
        #expect(transcript.contains("Name:      myapp-0.myapp-svc.default.svc.cluster.local\n"))
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

    @Test func aDeploymentInsteadOfAStatefulSetFailsTheApplyStep() {
        expectFailure(Self.wrong("deployment-instead"), step: "apply", messages: [
            "There is no headless Service myapp-svc (clusterIP: None) yet. Apply stateful-demo.yaml as it is.",
            "There is no StatefulSet named myapp yet (a Deployment is not the same thing). Create it from the file: kubectl apply -f stateful-demo.yaml",
            "0 of the 3 claims myappdata-myapp-N are Bound. A claim stays Pending when its StorageClass does not exist: kubectl describe pvc shows why; the class is nfs-client-storageclass (kubectl get sc).",
        ])
    }

    @Test func aMissingServiceNameFailsTheApplyStep() {
        expectFailure(Self.wrong("missing-servicename"), step: "apply", messages: [
            "The StatefulSet's serviceName is <none>; it must name the headless Service myapp-svc, or its pods get no DNS names. Apply the course's file unchanged.",
        ])
    }

    @Test func aMisspeltStorageClassLeavesClaimsAndPodsPending() {
        let result = LabCheck.run(Self.lab, script: Self.wrong("wrong-storage-class"))
        #expect(result.transcript.contains("myappdata-myapp-0   Pending                                      nfs-storageclass   <unset>"))
        expectFailure(Self.wrong("wrong-storage-class"), step: "apply", messages: [
            "0 of the 3 claims myappdata-myapp-N are Bound. A claim stays Pending when its StorageClass does not exist: kubectl describe pvc shows why; the class is nfs-client-storageclass (kubectl get sc).",
            "0 of the StatefulSet's 3 pods are ready so far. They start one after the other; watch with kubectl get pods -w.",
        ])
    }

    @Test func recreatingWithoutDeletingFailsTheRecreateStep() {
        // Everything up to the quiz, then only a re-apply: nothing is deleted and made again.
        let upToWhy = Self.solution.components(separatedBy: "# 5.")[0]
        expectFailure(upToWhy + "kubectl get pod -w &\nkubectl apply -f stateful-demo.yaml\nkill %1\n", step: "recreate", messages: [
            "Since this step began, the StatefulSet's pods have not been deleted and created again in order. Delete the StatefulSet (kubectl delete statefulset myapp), then apply stateful-demo.yaml again.",
        ])
    }
}
