import Testing
import Foundation
@testable import LabKit

/// The DNS lab graded end to end: the reference solution, and the mistakes learners make,
/// each failing the step it should with the message a learner should read.
@Suite struct DNSLabTests {
    static let lab = Repo.load(Repo.lab("dns"))
    static let solution = Repo.text(Repo.root.appendingPathComponent("labs/dns/solution.sh"))!

    func edited(_ old: String, _ new: String) -> String { Repo.variant(Self.solution, [(old, new)]) }

    func expectFailure(_ script: String, step: String, messages: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        LabKitTests.expectFailure(Self.lab, script, step: step, messages: messages, sourceLocation: sourceLocation)
    }

    @Test func referenceSolutionEarnsFullMarks() {
        let result = LabCheck.run(Self.lab, script: Self.solution)
        #expect(result.report.text() == """
            ✔ Put a Service in front of nginx
            ✔ Find the ClusterIP and the NodePort
            ✔ Start a pod to test from
            ✔ Resolve kubernetes and nginx-service
            ✔ Why short names work
            ✔ Fetch the nginx page through the Service
            ✔ A Service without pods
            ✔ Bring the pods back
            score: 90/90 (8 of 8 steps passed)

            """)
        // The seed's nslookup, from inside the pod, in busybox 1.28's layout.
        #expect(result.transcript.contains("""
            / # nslookup kubernetes
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            Name:      kubernetes
            Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
            / # 
            """))
    }

    @Test func theAnswerMayBeWorkedOutWithTheShell() {
        // `lab answer ports $(kubectl get svc …)` expands like a command line; the answer is
        // the NodePort of this learner's own cluster.
        let transcript = LabCheck.run(Self.lab, script: Self.solution).transcript
        #expect(transcript.contains("✔ Step 2/8 passed: Find the ClusterIP and the NodePort (+10)"))
    }

    @Test func answeringWithTheClusterIPFailsThePortsStep() {
        let script = edited("lab answer ports $(kubectl get svc nginx-service -o jsonpath='{.spec.ports[0].nodePort}')",
                            "lab answer ports $(kubectl get svc nginx-service -o jsonpath='{.spec.clusterIP}')")
        let report = LabCheck.run(Self.lab, script: script).report
        let ports = report.steps[1]
        #expect(!ports.passed)
        #expect(ports.messages.count == 1)
        #expect(ports.messages[0].hasPrefix("The question is still open (your answer: 10."))
    }

    @Test func aSelectorThatPicksNoPodFailsTheServiceStep() {
        expectFailure(edited("kubectl apply -f nginx-service.yaml", "sed -i 's/app: nginx$/app: web/' nginx-service.yaml\nkubectl apply -f nginx-service.yaml"),
                      step: "service", messages: [
            "nginx-service has no endpoints: its selector picks no ready pod. Does it select app: nginx, the label of the Deployment's pods? (kubectl get pods --show-labels, kubectl describe svc nginx-service)",
        ])
    }

    @Test func nslookupOnMaster01InsteadOfInThePodFailsTheResolveStep() {
        // Without the shell in the pod, nslookup runs on master01, which has none.
        let script = edited("kubectl exec -it dns-test -- sh\n", "").replacingOccurrences(of: "\nexit\n", with: "\n")
        expectFailure(script, step: "resolve", messages: [
            "Resolve the name kubernetes from inside dns-test: kubectl exec -it dns-test -- sh, then nslookup kubernetes.",
            "Resolve nginx-service from inside dns-test too: nslookup nginx-service.",
        ])
    }

    @Test func notScalingToZeroFailsTheNoEndpointsStep() {
        let script = edited("kubectl scale deployment nginx-deployment --replicas=0\n", "")
        expectFailure(script, step: "noendpoints", messages: [
            "The Deployment still wants 3 pods; scale it to 0: kubectl scale deployment nginx-deployment --replicas=0",
            "3 nginx pods are still there; they need a moment to stop.",
            "Look at the Service's endpoints now: kubectl get endpoints nginx-service",
            "Try the Service again from dns-test (wget -qO- http://nginx-service) and see it fail while it has no endpoints.",
        ])
    }

    @Test func sameSeedSameBytes() {
        #expect(LabCheck.run(Self.lab, script: Self.solution).transcript == LabCheck.run(Self.lab, script: Self.solution).transcript)
    }
}
