import Testing
import KubeAPI
@testable import ClusterSim

@Suite struct BootstrapTests {
    @Test func standardClusterIsSettled() throws {
        let c = Cluster.standard()
        let pods = c.store.list(Pod.self)
        for p in pods { print(p.namespace, p.name, PodPrinting.status(p), PodPrinting.ready(p), p.spec?.nodeName ?? "-", p.status?.podIP ?? "-") }
        #expect(pods.allSatisfy { PodPrinting.status($0) == "Running" && PodPrinting.ready($0) == "1/1" })
        #expect(pods.count == 13)
        #expect(c.now == Cluster.defaultStartTime)
    }
}
