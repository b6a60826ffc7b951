import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import LabKit

/// The Deployment lab graded end to end: the reference solution, and the mistakes learners
/// make, each failing the step it should with the message a learner should read.
@Suite struct DeploymentLabTests {

    @Test func referenceSolutionEarnsFullMarks() {
        let result = LabCheck.run(Repo.deployment, script: Repo.solution)
        #expect(result.report.text() == """
            ✔ Create the Deployment
            ✔ Read pods, Deployments and ReplicaSets
            ✔ Ask for 5 replicas
            ✔ Roll out nginx:1.18.0 and watch it
            ✔ Read the rollout history
            ✔ Roll back
            ✔ Delete a pod and watch it come back
            score: 70/70 (7 of 7 steps passed)

            """)
        #expect(result.report.passed)
        #expect(result.report.exitCode == 0)
        #expect(result.report.score == result.report.maxScore)
    }

    @Test func stepsAreAnnouncedTheMomentTheyPass() {
        let transcript = LabCheck.run(Repo.deployment, script: Repo.solution).transcript
        // Step 1 passes once the pods are ready, i.e. after the command following `apply`.
        #expect(transcript.contains("""
            replicaset.apps/nginx-deployment-688cb89fc9         3         3         3       6s
            ✔ Step 1/7 passed: Create the Deployment (+10)
            [root@master01 controller]# lab answer inspect UP-TO-DATE
            Answer recorded for step inspect.
            ✔ Step 2/7 passed: Read pods, Deployments and ReplicaSets (+10)

            """))
        #expect(transcript.contains("""
            deployment "nginx-deployment" successfully rolled out
            ✔ Step 4/7 passed: Roll out nginx:1.18.0 and watch it (+10)

            """))
        #expect(transcript.hasSuffix("""
            ✔ Step 7/7 passed: Delete a pod and watch it come back (+10)
            Lab complete: 70/70 points.
            [root@master01 controller]# kubectl get pods -l app=nginx
            NAME                                READY   STATUS    RESTARTS   AGE
            nginx-deployment-688cb89fc9-6tgqx   1/1     Running   0          12s
            nginx-deployment-688cb89fc9-7msj2   1/1     Running   0          13s
            nginx-deployment-688cb89fc9-bsfzh   1/1     Running   0          4s
            nginx-deployment-688cb89fc9-jrzdk   1/1     Running   0          12s
            nginx-deployment-688cb89fc9-lhlnj   1/1     Running   0          13s

            """))
    }

    @Test func sameSeedSameBytes() {
        let a = LabCheck.run(Repo.deployment, script: Repo.solution)
        let b = LabCheck.run(Repo.deployment, script: Repo.solution)
        #expect(a.transcript == b.transcript)
        #expect(a.report == b.report)
    }

    func expectFailure(_ script: String, step: String, messages: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        LabKitTests.expectFailure(Repo.deployment, script, step: step, messages: messages, sourceLocation: sourceLocation)
    }

    @Test func wrongImageTagFailsTheRolloutAndNamesTheTagTyped() {
        expectFailure(Repo.wrong("wrong-image-tag"), step: "rollout", messages: [
            "The Deployment's pod template runs nginx:1.81.0; this step wants nginx:1.18.0. Check the image tag: kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0",
            "0 of 5 pods run nginx:1.18.0 and are ready; the rollout has not finished. Watch it with kubectl rollout status deployment/nginx-deployment.",
            "This step wants a rolling update — new pods becoming ready while old ones are still being replaced. Change the image of the running Deployment; do not delete and re-create it.",
        ])
    }

    @Test func forgettingToApplyTheEditedFileFailsTheScaleStep() {
        expectFailure(Repo.wrong("forgot-apply"), step: "scale", messages: [
            "The Deployment has 3 replicas; this step wants 5 — did you apply the edited file? (Scaling the ReplicaSet does not last: the Deployment sets it back.)",
        ])
    }

    @Test func scalingTheReplicaSetInsteadOfTheDeploymentFailsTheScaleStep() {
        expectFailure(Repo.wrong("scaled-replicaset"), step: "scale", messages: [
            "The Deployment has 3 replicas; this step wants 5 — did you apply the edited file? (Scaling the ReplicaSet does not last: the Deployment sets it back.)",
        ])
    }

    @Test func neverCreatingTheDeploymentFailsTheFirstStep() {
        expectFailure(Repo.wrong("never-applied"), step: "apply", messages: [
            "There is no Deployment named nginx-deployment yet. Create it from the file: kubectl apply -f nginx-deployment.yaml",
        ])
    }

    @Test func editingTheLiveObjectCountsAsMuchAsEditingTheFile() {
        let viaEdit = Repo.solution.replacingOccurrences(
            of: "sed -i 's/replicas: 3/replicas: 5/' nginx-deployment.yaml\nkubectl apply -f nginx-deployment.yaml",
            with: "KUBE_EDITOR=\"sed -i s/replicas:\\ 3/replicas:\\ 5/\" kubectl edit deployment/nginx-deployment")
        #expect(viaEdit != Repo.solution)
        #expect(LabCheck.run(Repo.deployment, script: viaEdit).report.passed)
    }

    @Test func aStepNotFinishedWhenTheScriptEndsIsJudgedAfterTheClusterSettles() {
        // The pods are not ready right after `apply`; grading waits for them.
        let report = LabCheck.run(Repo.deployment, script: "kubectl apply -f nginx-deployment.yaml\n").report
        #expect(report.steps[0].passed)
        #expect(report.steps[1].messages == [
            "You have not listed the pods yet: kubectl get pods (or kubectl get pod,deploy,rs).",
            "You have not looked at the Deployment yet: kubectl get deploy shows READY, UP-TO-DATE and AVAILABLE.",
            "You have not looked at the ReplicaSet yet: kubectl get rs shows DESIRED, CURRENT and READY.",
            "The question is still open (your answer: <none>). One column counts the pods updated to the newest template.",
        ])
    }

    @Test func jsonIsExactlyAsCLIMdSays() {
        let report = LabCheck.run(Repo.deployment, script: Repo.wrong("scaled-replicaset")).report
        let steps = [
            #"{"id":"apply","title":"Create the Deployment","passed":true,"points":10,"messages":[]}"#,
            #"{"id":"inspect","title":"Read pods, Deployments and ReplicaSets","passed":true,"points":10,"messages":[]}"#,
            #"{"id":"scale","title":"Ask for 5 replicas","passed":false,"points":0,"messages":["The Deployment has 3 replicas; this step wants 5 — did you apply the edited file? (Scaling the ReplicaSet does not last: the Deployment sets it back.)"]}"#,
            #"{"id":"rollout","title":"Roll out nginx:1.18.0 and watch it","passed":false,"points":0,"messages":["not reached: an earlier step did not pass"]}"#,
            #"{"id":"history","title":"Read the rollout history","passed":false,"points":0,"messages":["not reached: an earlier step did not pass"]}"#,
            #"{"id":"undo","title":"Roll back","passed":false,"points":0,"messages":["not reached: an earlier step did not pass"]}"#,
            #"{"id":"self-healing","title":"Delete a pod and watch it come back","passed":false,"points":0,"messages":["not reached: an earlier step did not pass"]}"#,
        ]
        #expect(report.json == #"{"lab":"deployment","score":20,"maxScore":70,"passed":false,"steps":["# + steps.joined(separator: ",") + "]}\n")
        // And it is JSON.
        let parsed = try? JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect(parsed?["maxScore"] as? Int == 70)
    }

    @Test func junitHasOneTestcasePerStepAndAFailureWithTheMessages() throws {
        let report = LabCheck.run(Repo.deployment, script: Repo.wrong("wrong-image-tag")).report
        let rollout = "The Deployment's pod template runs nginx:1.81.0; this step wants nginx:1.18.0. Check the image tag: kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0"
        #expect(report.junit == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kubelab" tests="7" failures="4" errors="0">
              <testsuite name="deployment" tests="7" failures="4" errors="0" skipped="0">
                <testcase classname="deployment" name="apply: Create the Deployment"/>
                <testcase classname="deployment" name="inspect: Read pods, Deployments and ReplicaSets"/>
                <testcase classname="deployment" name="scale: Ask for 5 replicas"/>
                <testcase classname="deployment" name="rollout: Roll out nginx:1.18.0 and watch it">
                  <failure message="\(rollout)" type="StepFailed">\(rollout)
            0 of 5 pods run nginx:1.18.0 and are ready; the rollout has not finished. Watch it with kubectl rollout status deployment/nginx-deployment.
            This step wants a rolling update — new pods becoming ready while old ones are still being replaced. Change the image of the running Deployment; do not delete and re-create it.</failure>
                </testcase>
                <testcase classname="deployment" name="history: Read the rollout history">
                  <failure message="not reached: an earlier step did not pass" type="StepFailed">not reached: an earlier step did not pass</failure>
                </testcase>
                <testcase classname="deployment" name="undo: Roll back">
                  <failure message="not reached: an earlier step did not pass" type="StepFailed">not reached: an earlier step did not pass</failure>
                </testcase>
                <testcase classname="deployment" name="self-healing: Delete a pod and watch it come back">
                  <failure message="not reached: an earlier step did not pass" type="StepFailed">not reached: an earlier step did not pass</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
        // Well-formed XML, as a CI system's parser will read it.
        let doc = try XMLDocument(data: Data(report.junit.utf8))
        #expect(try doc.nodes(forXPath: "//testcase").count == 7)
        #expect(try doc.nodes(forXPath: "//testcase/failure").count == 4)
    }

    @Test func junitEscapesWhatXMLReserves() throws {
        let report = LabReport(lab: "x&y", title: "t", steps: [
            .init(id: "a", title: "<b> \"q\"", passed: false, required: true, points: 0, maxPoints: 1,
                  messages: ["1 < 2 & \"3\" > 0\nline two\u{7}"]),
        ], stopped: nil)
        let doc = try XMLDocument(data: Data(report.junit.utf8))
        let failure = try doc.nodes(forXPath: "//failure").first as? XMLElement
        #expect(failure?.attribute(forName: "message")?.stringValue == "1 < 2 & \"3\" > 0\nline two")
        #expect(failure?.stringValue == "1 < 2 & \"3\" > 0\nline two")
        #expect(try doc.nodes(forXPath: "//testcase/@name").first?.stringValue == "a: <b> \"q\"")
    }
}
