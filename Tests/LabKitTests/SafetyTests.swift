import Testing
import Foundation
@testable import LabKit
import ClusterSim
import KubeAPI

/// Scripts that would hang the program or exhaust memory are stopped with a clear message
/// and a failing grade (and, interactively, set right and explained).
@Suite struct SafetyTests {
    let apply = "kubectl apply -f nginx-deployment.yaml\n"

    func check(_ script: String, limits: Limits = .standard) -> (LabCheck.Result, LabSession) {
        var options = LabSession.Options()
        options.limits = limits
        let session = LabSession(lab: Repo.deployment, options: options)
        var transcript = ""
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) where !session.isOver {
            if case .complete(let t) = session.feed(String(line)) { transcript += t.text }
        }
        transcript += session.finish()
        return (LabCheck.Result(transcript: transcript, report: session.report()), session)
    }

    func nginxPods(_ s: LabSession) -> Int { s.simulation.cluster.list(.pods, namespace: "default").filter { $0.name.hasPrefix("nginx-deployment-") }.count }

    @Test func aMillionReplicasAreSetBackAndTheScriptStops() {
        let (result, session) = check(apply + "kubectl scale deploy nginx-deployment --replicas=1000000\nkubectl get pods\n")
        let reason = "deployment.apps/nginx-deployment asks for 1000000 replicas; this lab allows at most 100, so kubelab set it back to 3."
        #expect(result.transcript.hasSuffix("""
            deployment.apps/nginx-deployment scaled
            kubelab: \(reason)
            kubelab stopped the script: \(reason)

            """))
        #expect(result.report.stopped == reason)
        #expect(!result.report.passed)
        #expect(result.report.exitCode == 1)
        #expect(result.report.steps[0].messages.first == "kubelab stopped the script: \(reason)")
        #expect(result.report.json.contains(#""passed":false,"stopped":"deployment.apps/nginx-deployment asks for 1000000 replicas"#))
        #expect(nginxPods(session) <= 3)
    }

    @Test func aMillionReplicasInAManifestNeverReachTheControllers() {
        let (result, session) = check("sed -i 's/replicas: 3/replicas: 1000000/' nginx-deployment.yaml\n" + apply)
        #expect(result.report.stopped == "deployment.apps/nginx-deployment asks for 1000000 replicas; this lab allows at most 100, so kubelab set it back to 100.")
        #expect(nginxPods(session) == 0)
    }

    @Test func interactivelyTheLearnerIsToldAndGoesOn() {
        var options = LabSession.Options()
        options.stopAtLimits = false
        let session = LabSession(lab: Repo.deployment, options: options)
        let text = session.type("kubectl apply -f nginx-deployment.yaml", "kubectl scale deploy nginx-deployment --replicas=1000000",
                                "kubectl rollout status deploy/nginx-deployment")
        #expect(text.contains("kubelab: deployment.apps/nginx-deployment asks for 1000000 replicas; this lab allows at most 100, so kubelab set it back to 3.\n"))
        #expect(!session.isOver)
        #expect(text.hasSuffix("set it back to 3.\n✔ Step 1/7 passed: Create the Deployment (+10)\n"
                               + "[root@master01 controller]# kubectl rollout status deploy/nginx-deployment\n"
                               + "deployment \"nginx-deployment\" successfully rolled out\n"))
        #expect(nginxPods(session) == 3)
    }

    @Test func anAbsurdSleepIsCutShort() {
        let (result, session) = check(apply + "sleep 99999999\nkubectl get pods\n")
        #expect(result.report.stopped == "a command asked to wait 99999999 seconds; at most 3600 seconds at a time are allowed.")
        #expect(session.simulation.cluster.now - Cluster.defaultStartTime < 3_700)
        #expect(!result.transcript.contains("kubectl get pods\n"))
    }

    @Test func anEndlessKubectlLoopIsRefusedOnce() {
        let (result, _) = check("while true; do kubectl get pods >/dev/null; done\n")
        #expect(result.report.stopped == "one command line ran kubectl more than 500 times.")
        #expect(result.transcript.components(separatedBy: "more than 500 times").count == 3)  // the note and the stop line
    }

    @Test func sleepingInALoopUsesUpTheSessionTime() {
        let (result, session) = check("while true; do sleep 3000; done\n")
        #expect(result.report.stopped == "the script used up the 86400 seconds of cluster time a session may take.")
        #expect(session.simulation.cluster.now - Cluster.defaultStartTime <= 86_400 + 1)
    }

    @Test func tooManyPodsStopTheScript() {
        var limits = Limits()
        limits.maxPods = 40
        let (result, _) = check(apply + "kubectl scale deploy nginx-deployment --replicas=50\nkubectl get deploy\nkubectl get pods\n", limits: limits)
        #expect(result.report.stopped?.hasPrefix("the cluster holds ") == true)
        #expect(result.report.stopped?.hasSuffix(" pods; this lab allows at most 40.") == true)
    }

    @Test func aScriptLongerThanTheLimitStops() {
        var limits = Limits()
        limits.maxScriptLines = 5
        let (result, _) = check(String(repeating: "true\n", count: 20), limits: limits)
        #expect(result.report.stopped == "the script has more than 5 command lines.")
    }

    @Test func watchesEndWhenTheClusterIsQuiet() {
        let (result, _) = check(apply + "kubectl get pods -w\nkubectl rollout status deploy/nginx-deployment\n")
        #expect(result.report.stopped == nil)
        #expect(result.report.steps[0].passed)
    }

    @Test func theWorkspaceIsAJail() {
        let (result, _) = check("cat ../../../../../../etc/hostname\ncd /../../..; pwd\nls /\n")
        #expect(result.report.stopped == nil)
        let host = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}never"
        #expect(!result.transcript.contains(host))
    }
}
