import Testing
import KubeAPI
import ClusterSim
@testable import Kubectl

@Suite struct DeploymentPathTests {
    @Test func seedWalkthrough() {
        let f = Fixture()
        let apply = f.run("kubectl apply -f nginx-deployment.yaml")
        #expect(apply.combined == "deployment.apps/nginx-deployment created\n")
        let get = f.run("kubectl get pod,deploy,rs")
        print(get.combined)
        let hist = f.run("kubectl rollout history deployment nginx-deployment")
        #expect(hist.combined == "deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n\n")
    }
}

@Suite struct RollingUpdateTests {
    /// Non-terminating pods and available pods of a deployment right now.
    static func counts(_ c: Cluster, app: String) -> (total: Int, available: Int) {
        let pods = c.store.list(Pod.self, namespace: "default").filter {
            $0.metadata.labels?["app"] == app && $0.metadata.deletionTimestamp == nil
        }
        return (pods.count, pods.filter(\.isReady).count)
    }

    @Test(arguments: [(3, "25%", "25%"), (10, "25%", "25%"), (4, "1", "0"), (5, "0", "2")])
    func surgeAndUnavailabilityBoundsHoldAtEveryStep(replicas: Int, surge: String, unavailable: String) throws {
        let f = Fixture()
        let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: \(replicas)
          strategy:
            rollingUpdate:
              maxSurge: \(surge.hasSuffix("%") ? "\"\(surge)\"" : surge)
              maxUnavailable: \(unavailable.hasSuffix("%") ? "\"\(unavailable)\"" : unavailable)
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: nginx
                image: nginx:1.14
        """
        try f.workspace.writeFile("web.yaml", contents: manifest)
        #expect(f.run("kubectl apply -f web.yaml", advance: 30).combined == "deployment.apps/web created\n")
        let maxSurge = IntOrString(from: surge).scaled(total: replicas, roundUp: true)!
        var maxUnavail = IntOrString(from: unavailable).scaled(total: replicas, roundUp: false)!
        if maxSurge == 0 && maxUnavail == 0 { maxUnavail = 1 }
        var violations: [String] = []
        var steps = 0
        _ = f.cluster.store.subscribe { change in
            guard change.object is Pod else { return }
            steps += 1
            let (total, available) = Self.counts(f.cluster, app: "web")
            if total > replicas + maxSurge { violations.append("\(total) pods at \(change.type) \(change.object.name)") }
            if available < replicas - maxUnavail { violations.append("\(available) available at \(change.type) \(change.object.name)") }
        }
        let out = f.run("kubectl set image deployment/web nginx=nginx:1.18.0", advance: 0)
        #expect(out.combined == "deployment.apps/web image updated\n")
        let status = f.run("kubectl rollout status deployment/web", advance: 0)
        #expect(status.exitCode == 0)
        #expect(status.stdout.hasSuffix("deployment \"web\" successfully rolled out\n"))
        #expect(violations.isEmpty, "\(violations)")
        #expect(steps > replicas * 3)
        // Old pods finish terminating after the rollout is reported complete.
        f.cluster.advance(by: 40)
        let pods = f.cluster.store.list(Pod.self, namespace: "default").filter { $0.metadata.labels?["app"] == "web" }
        #expect(pods.count == replicas)
        #expect(pods.allSatisfy { $0.spec?.containers[0].image == "nginx:1.18.0" && $0.isReady })
    }

    @Test func undoReturnsToRevisionOneTemplate() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml", advance: 30)
        let rs1 = f.cluster.store.list(ReplicaSet.self, namespace: "default").first { $0.name.hasPrefix("nginx-deployment-") }!
        f.run("kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0 --record", advance: 120)
        let hist = f.run("kubectl rollout history deployment/nginx-deployment")
        #expect(hist.stdout == """
        deployment.apps/nginx-deployment 
        REVISION  CHANGE-CAUSE
        1         <none>
        2         kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0 --record=true


        """)
        #expect(f.run("kubectl rollout undo deployment/nginx-deployment", advance: 120).stdout == "deployment.apps/nginx-deployment rolled back\n")
        let d = f.cluster.store.get(Deployment.self, namespace: "default", name: "nginx-deployment")!
        #expect(d.spec?.template?.spec?.containers[0].image == "nginx:1.14")
        #expect(d.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        let rs = f.cluster.store.get(ReplicaSet.self, namespace: "default", name: rs1.name)!
        #expect(rs.specReplicas == 3)
        #expect(rs.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        #expect(rs.metadata.annotations?["deployment.kubernetes.io/revision-history"] == "1")
        let after = f.run("kubectl rollout history deployment/nginx-deployment")
        #expect(after.stdout == """
        deployment.apps/nginx-deployment 
        REVISION  CHANGE-CAUSE
        2         kubectl set image deployment/nginx-deployment nginx=nginx:1.18.0 --record=true
        3         <none>


        """)
    }
}

extension IntOrString {
    init(from text: String) { self = Int(text).map { .int($0) } ?? .string(text) }
}
