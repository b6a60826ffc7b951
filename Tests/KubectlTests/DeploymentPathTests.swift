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
