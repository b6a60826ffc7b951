import Testing
import KubeAPI
@testable import ClusterSim

/// The DaemonSet controller's rules: which nodes get a pod, what the pods look like, how
/// they follow nodes, and the rolling update's bounds.
@Suite struct DaemonSetTests {
    static func daemonSet(_ name: String = "nginx-daemonset", image: String = "nginx:1.14",
                          tolerations: [Toleration]? = nil, nodeSelector: [String: String]? = nil,
                          strategy: DaemonSetUpdateStrategy? = nil) -> DaemonSet {
        var spec = DaemonSetSpec()
        spec.selector = LabelSelector(matchLabels: ["app": "nginx"])
        var pod = PodSpec(containers: [Container(name: "nginx", image: image)])
        pod.tolerations = tolerations
        pod.nodeSelector = nodeSelector
        spec.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "nginx"]), spec: pod)
        spec.updateStrategy = strategy
        return DaemonSet(metadata: ObjectMeta(name: name, labels: ["app": "nginx"]), spec: spec)
    }

    static func pods(_ c: Cluster, _ name: String = "nginx-daemonset") -> [Pod] {
        c.store.list(Pod.self, namespace: "default").filter { $0.metadata.controllerRef?.name == name }
    }

    static func nodesOf(_ c: Cluster, _ name: String = "nginx-daemonset") -> [String] {
        pods(c, name).filter { $0.metadata.deletionTimestamp == nil }.compactMap { $0.spec?.nodeName }.sorted()
    }

    @Test func onePodPerWorkerNoneOnTheControlPlane() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 15)
        #expect(Self.nodesOf(c) == ["node01", "node02"])
        #expect(Self.pods(c).allSatisfy { PodPrinting.status($0) == "Running" })
        let ds = try #require(c.store.get(DaemonSet.self, namespace: "default", name: "nginx-daemonset"))
        let st = try #require(ds.status)
        #expect(st.desiredNumberScheduled == 2 && st.currentNumberScheduled == 2 && st.numberReady == 2)
        #expect(st.updatedNumberScheduled == 2 && st.numberAvailable == 2 && st.numberMisscheduled == 0)
        #expect(st.numberUnavailable == nil)
        #expect(ds.metadata.annotations?["deprecated.daemonset.template.generation"] == "1")
    }

    @Test func podsCarryTheDaemonTolerationsAffinityAndLabels() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 5)
        let pod = try #require(Self.pods(c).first { $0.spec?.nodeName == "node01" })
        #expect(pod.name.hasPrefix("nginx-daemonset-") && pod.name.count == "nginx-daemonset-".count + 5)
        #expect(pod.spec?.tolerations?.map { "\($0.key ?? ""):\($0.effect ?? ""):\($0.tolerationSeconds.map(String.init) ?? "-")" } == [
            "node.kubernetes.io/not-ready:NoExecute:-", "node.kubernetes.io/unreachable:NoExecute:-",
            "node.kubernetes.io/disk-pressure:NoSchedule:-", "node.kubernetes.io/memory-pressure:NoSchedule:-",
            "node.kubernetes.io/pid-pressure:NoSchedule:-", "node.kubernetes.io/unschedulable:NoSchedule:-",
        ])
        #expect(NodeAffinity.pinnedNodeNames(pod.spec?.affinity) == ["node01"])
        let revisions = c.store.list(ControllerRevision.self, namespace: "default")
        #expect(revisions.count == 1)
        let hash = try #require(pod.metadata.labels?["controller-revision-hash"])
        #expect(revisions.first?.name == "nginx-daemonset-\(hash)")
        #expect(revisions.first?.revision == 1)
        #expect(pod.metadata.labels?["pod-template-generation"] == "1")
        #expect(pod.metadata.controllerRef?.kind == "DaemonSet")
    }

    @Test func controlPlaneTolerationAddsMaster() throws {
        let c = Cluster.standard()
        let t = Toleration(key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule")
        try c.create(Self.daemonSet(tolerations: [t]), namespace: "default")
        c.advance(by: 10)
        #expect(Self.nodesOf(c) == ["master01", "node01", "node02"])
    }

    @Test func nodeSelectorFollowsNodeLabels() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(nodeSelector: ["disktype": "ssd"]), namespace: "default")
        c.advance(by: 5)
        #expect(Self.nodesOf(c) == [])
        var n = try #require(c.store.get(Node.self, namespace: "", name: "node02"))
        n.metadata.labels?["disktype"] = "ssd"
        try c.update(n)
        c.advance(by: 5)
        #expect(Self.nodesOf(c) == ["node02"])
        n = try #require(c.store.get(Node.self, namespace: "", name: "node02"))
        n.metadata.labels?["disktype"] = nil
        try c.update(n)
        c.advance(by: 60)
        #expect(Self.pods(c).isEmpty)
    }

    @Test func newNodeGetsAPodOnceReadyAndRemovedNodesPodsAreCollected() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 5)
        let spec = c.nextWorkerSpecification()
        #expect(spec.name == "node03" && spec.ip == "192.168.10.14" && spec.podCIDR == "10.244.3.0/24")
        try c.joinNode(spec)
        c.advance(by: 5)
        // Not ready yet: only the system DaemonSets, which tolerate everything, are there.
        #expect(Self.nodesOf(c) == ["node01", "node02"])
        #expect(Self.nodesOf(c, "kube-proxy").isEmpty)
        #expect(c.store.list(Pod.self, namespace: "kube-system").contains { $0.spec?.nodeName == "node03" && $0.name.hasPrefix("kube-proxy-") })
        c.advance(by: 10)
        #expect(Self.nodesOf(c) == ["node01", "node02", "node03"])
        let onNode3 = try #require(Self.pods(c).first { $0.spec?.nodeName == "node03" })
        #expect(onNode3.status?.podIP?.hasPrefix("10.244.3.") == true)
        try c.removeNode("node03")
        c.advance(by: 10)
        #expect(Self.pods(c).contains { $0.name == onNode3.name })
        c.advance(by: 40)
        #expect(!c.store.list(Pod.self).contains { $0.spec?.nodeName == "node03" })
        #expect(c.store.get(DaemonSet.self, namespace: "default", name: "nginx-daemonset")?.status?.desiredNumberScheduled == 2)
    }

    @Test func cordonedNodesKeepTheirDaemonPods() throws {
        let c = Cluster.standard()
        var n = try #require(c.store.get(Node.self, namespace: "", name: "node01"))
        n.spec?.unschedulable = true
        try c.update(n)
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 10)
        #expect(Self.nodesOf(c) == ["node01", "node02"])
        let tainted = c.store.get(Node.self, namespace: "", name: "node01")?.spec?.taints ?? []
        #expect(tainted.contains { $0.key == "node.kubernetes.io/unschedulable" && $0.effect == "NoSchedule" })
    }

    @Test func noExecuteTaintEvictsAndKeepsOff() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 10)
        var n = try #require(c.store.get(Node.self, namespace: "", name: "node02"))
        n.spec?.taints = [Taint(key: "dedicated", value: "infra", effect: "NoExecute")]
        try c.update(n)
        c.advance(by: 60)
        #expect(Self.nodesOf(c) == ["node01"])
    }

    @Test func rollingUpdateReplacesOneNodeAtATime() throws {
        let c = Cluster.standard()
        try c.create(Self.daemonSet(), namespace: "default")
        c.advance(by: 10)
        var ds = try #require(c.store.get(DaemonSet.self, namespace: "default", name: "nginx-daemonset"))
        ds.spec?.template?.spec?.containers[0].image = "nginx:1.18.0"
        try c.update(ds)
        var maxDown = 0
        for _ in 0..<120 {
            c.advance(by: 1)
            let live = Self.pods(c).filter { $0.metadata.deletionTimestamp == nil && $0.isReady }
            maxDown = max(maxDown, 2 - live.count)
        }
        #expect(maxDown == 1)
        #expect(Self.pods(c).map { $0.spec?.containers[0].image } == ["nginx:1.18.0", "nginx:1.18.0"])
        ds = try #require(c.store.get(DaemonSet.self, namespace: "default", name: "nginx-daemonset"))
        #expect(ds.metadata.annotations?["deprecated.daemonset.template.generation"] == "2")
        #expect(ds.status?.updatedNumberScheduled == 2)
        #expect(c.store.list(ControllerRevision.self, namespace: "default").map(\.revision).sorted() == [1, 2])
    }

    @Test func validationInTheApiserversWords() {
        let c = Cluster.standard()
        var bad = Self.daemonSet()
        bad.spec?.template?.metadata?.labels = ["app": "x"]
        #expect(throws: APIError.self) { try c.create(bad, namespace: "default") }
        do { try c.create(bad, namespace: "default") } catch {
            #expect(error.kubectlText() == "The DaemonSet \"nginx-daemonset\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"x\"}: `selector` does not match template `labels`")
        }
        var zero = DaemonSetUpdateStrategy()
        zero.type = "RollingUpdate"
        var ru = DaemonSetUpdateStrategy.RollingUpdate()
        ru.maxUnavailable = .int(0)
        zero.rollingUpdate = ru
        do { try c.create(Self.daemonSet(strategy: zero), namespace: "default") } catch {
            #expect(error.kubectlText() == "The DaemonSet \"nginx-daemonset\" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0")
        }
    }
}
