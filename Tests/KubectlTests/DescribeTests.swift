import Testing
import Foundation
import KubeAPI
import ClusterSim
@testable import Kubectl

/// `kubectl describe` output, byte for byte. Every expected text below was also produced by
/// the real kubectl v1.32.4 client describing the same objects (served by a stub API server,
/// timestamps shifted so ages agree), so these literals are kubectl's own output.
///
/// Trailing whitespace is significant: a line whose text ends in spaces is written with a
/// `$` after them (`cat -A` style) so that editors cannot strip it; `text()` removes the `$`.
@Suite struct DescribeTests {
    func text(_ s: String) -> String { s.replacingOccurrences(of: "$\n", with: "\n") }

    // MARK: - Scenarios

    enum Scenarios {
        /// The course's nginx-deployment: 3 × nginx:1.14, containerPort 80, app=nginx.
        static func nginxDeployment(_ cluster: Cluster, image: String = "nginx:1.14") throws {
            var d = Deployment(metadata: ObjectMeta(name: "nginx-deployment", labels: ["app": "nginx"]), spec: DeploymentSpec())
            d.spec?.replicas = 3
            d.spec?.selector = LabelSelector(matchLabels: ["app": "nginx"])
            var c = Container(name: "nginx", image: image)
            c.ports = [ContainerPort(containerPort: 80)]
            d.spec?.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "nginx"]), spec: PodSpec(containers: [c]))
            try cluster.create(d, namespace: "default")
        }

        static func setImage(_ cluster: Cluster, _ image: String) throws {
            var d = try cluster.get(.deployments, namespace: "default", name: "nginx-deployment") as! Deployment
            d.spec?.template?.spec?.containers[0].image = image
            d.metadata.resourceVersion = nil
            try cluster.update(d)
        }

        /// A pod using most of what describe knows how to print.
        static let richPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"rich","labels":{"app":"rich","tier":"web"},
         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"x\\":1}\\n","note":"short",
           "long":"\(String(repeating: "x", count: 150))","multi":"first\\nsecond\\n"}},
         "spec":{
          "initContainers":[{"name":"init","image":"busybox:1.28","command":["sh","-c","echo init"]}],
          "containers":[{"name":"app","image":"nginx:1.14",
            "ports":[{"containerPort":80},{"name":"https","containerPort":443,"hostPort":8443}],
            "resources":{"requests":{"cpu":"0.25","memory":"64Mi"},"limits":{"cpu":"1000m","memory":"1024Mi","ephemeral-storage":"2Gi"}},
            "env":[{"name":"PLAIN","value":"v"},{"name":"MULTI","value":"a\\nb"},
              {"name":"MY_NODE","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"spec.nodeName"}}},
              {"name":"MY_NAME","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}},
              {"name":"CPU_MILLIS","valueFrom":{"resourceFieldRef":{"containerName":"app","resource":"limits.cpu","divisor":"1m"}}},
              {"name":"MEM_REQ","valueFrom":{"resourceFieldRef":{"containerName":"app","resource":"requests.memory"}}},
              {"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}},
              {"name":"MODE","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"mode","optional":true}}}],
            "envFrom":[{"configMapRef":{"name":"cfg"}},{"secretRef":{"name":"db","optional":true},"prefix":"DB_"}],
            "livenessProbe":{"httpGet":{"path":"/healthz","port":80,"scheme":"HTTP"},"initialDelaySeconds":5,"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
            "readinessProbe":{"exec":{"command":["cat","/tmp/ready"]},"timeoutSeconds":2,"periodSeconds":5,"successThreshold":1,"failureThreshold":3},
            "startupProbe":{"tcpSocket":{"port":"https"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":30},
            "volumeMounts":[{"name":"cache","mountPath":"/cache"},{"name":"cfg","mountPath":"/etc/cfg","readOnly":true},{"name":"data","mountPath":"/data","subPath":"sub dir"}]}],
          "nodeSelector":{"kubernetes.io/os":"linux"},
          "tolerations":[{"key":"dedicated","operator":"Equal","value":"web","effect":"NoSchedule"},{"operator":"Exists"}],
          "volumes":[{"name":"cache","emptyDir":{"medium":"Memory","sizeLimit":"1Gi"}},
            {"name":"cfg","configMap":{"name":"cfg","defaultMode":420}},
            {"name":"data","persistentVolumeClaim":{"claimName":"data-claim"}},
            {"name":"sec","secret":{"secretName":"db","optional":true}},
            {"name":"host","hostPath":{"path":"/var/log","type":"Directory"}},
            {"name":"info","downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}},{"path":"cpu","resourceFieldRef":{"containerName":"app","resource":"limits.cpu"}}]}},
            {"name":"empty","emptyDir":{}}]}}
        """

        /// `nginx-deployment` settled for 50s.
        static func settledNginx() throws -> Cluster {
            let cluster = Cluster.standard()
            try nginxDeployment(cluster)
            cluster.advance(by: 50)
            return cluster
        }

        /// A bare pod whose image tag does not exist, 40s after creation.
        static func badImage() throws -> Cluster {
            let cluster = Cluster.standard()
            let pod = Pod(metadata: ObjectMeta(name: "web", labels: ["run": "web"]),
                          spec: PodSpec(containers: [Container(name: "web", image: "nginx:9.99")]))
            try cluster.create(pod, namespace: "default")
            cluster.advance(by: 40)
            return cluster
        }

        /// nginx-deployment rolled from nginx:1.14 to nginx:1.16.
        static func rolledOut() throws -> Cluster {
            let cluster = Cluster.standard()
            try nginxDeployment(cluster)
            cluster.advance(by: 40)
            try setImage(cluster, "nginx:1.16")
            cluster.advance(by: 90)
            return cluster
        }

        static func rich() throws -> Cluster {
            let cluster = Cluster.standard()
            // The pod mounts a claim: a scheduler places it only once the claim is bound.
            var claim = PersistentVolumeClaimSpec()
            claim.accessModes = ["ReadWriteOnce"]
            var resources = VolumeResourceRequirements()
            resources.requests = ["storage": Quantity("1Gi")]
            claim.resources = resources
            try cluster.create(PersistentVolumeClaim(metadata: ObjectMeta(name: "data-claim"), spec: claim), namespace: "default")
            cluster.advance(by: 2)
            try cluster.create(try ResourceType.pods.decode(JSONValue.parse(richPod)), namespace: "default")
            cluster.advance(by: 75)
            return cluster
        }

        /// A pod in its grace period and one that cannot be scheduled.
        static func terminatingAndPending() throws -> Cluster {
            let cluster = Cluster.standard()
            var sleeper = Container(name: "sleeper", image: "busybox:1.28")
            sleeper.command = ["sleep", "3600"]
            try cluster.create(Pod(metadata: ObjectMeta(name: "sleeper"), spec: PodSpec(containers: [sleeper])), namespace: "default")
            var pending = PodSpec(containers: [Container(name: "p", image: "nginx:1.14")])
            pending.nodeSelector = ["disk": "ssd"]
            try cluster.create(Pod(metadata: ObjectMeta(name: "pending"), spec: pending), namespace: "default")
            cluster.advance(by: 20)
            try cluster.delete(.pods, namespace: "default", name: "sleeper")
            cluster.advance(by: 5)
            return cluster
        }
    }

    func describe(_ cluster: Cluster, _ r: ResourceType, _ name: String, namespace: String = "default", showEvents: Bool = true) throws -> String {
        Describe.describe(try cluster.get(r, namespace: namespace, name: name), in: cluster, showEvents: showEvents)
    }

    // MARK: - nginx-deployment

    @Test func nginxDeployment() throws {
        let cluster = try Scenarios.settledNginx()
        #expect(try describe(cluster, .deployments, "nginx-deployment") == text(DescribeExpected.deployment))
    }

    @Test func nginxReplicaSet() throws {
        let cluster = try Scenarios.settledNginx()
        #expect(try describe(cluster, .replicasets, "nginx-deployment-688cb89fc9") == text(DescribeExpected.replicaSet))
    }

    @Test func nginxPod() throws {
        let cluster = try Scenarios.settledNginx()
        #expect(try describe(cluster, .pods, "nginx-deployment-688cb89fc9-2d7mw") == text(DescribeExpected.pod))
    }

    @Test func node01() throws {
        let cluster = try Scenarios.settledNginx()
        #expect(try describe(cluster, .nodes, "node01", namespace: "") == text(DescribeExpected.node01))
    }

    @Test func controlPlaneNode() throws {
        let cluster = try Scenarios.settledNginx()
        let out = try describe(cluster, .nodes, "master01", namespace: "")
        #expect(out.contains("\nRoles:              control-plane\n"))
        #expect(out.contains("\nTaints:             node-role.kubernetes.io/control-plane:NoSchedule\n"))
        #expect(out.contains("\nNon-terminated Pods:          (6 in total)\n"))
    }

    @Test func showEventsFalseOmitsTheSection() throws {
        let cluster = try Scenarios.settledNginx()
        let with = try describe(cluster, .deployments, "nginx-deployment")
        let without = try describe(cluster, .deployments, "nginx-deployment", showEvents: false)
        #expect(with.hasPrefix(without))
        #expect(!without.contains("Events:"))
        #expect(without.hasSuffix("NewReplicaSet:   nginx-deployment-688cb89fc9 (3/3 replicas created)\n"))
    }

    // MARK: - Other states

    @Test func imagePullBackOff() throws {
        let cluster = try Scenarios.badImage()
        #expect(try describe(cluster, .pods, "web") == text(DescribeExpected.badImagePod))
    }

    @Test func rolloutOldAndNewReplicaSets() throws {
        let cluster = try Scenarios.rolledOut()
        #expect(try describe(cluster, .deployments, "nginx-deployment") == text(DescribeExpected.rolledOutDeployment))
    }

    @Test func richPod() throws {
        let cluster = try Scenarios.rich()
        #expect(try describe(cluster, .pods, "rich") == text(DescribeExpected.richPod))
    }

    @Test func terminatingPod() throws {
        let cluster = try Scenarios.terminatingAndPending()
        #expect(try describe(cluster, .pods, "sleeper") == text(DescribeExpected.terminatingPod))
    }

    @Test func unschedulablePod() throws {
        let cluster = try Scenarios.terminatingAndPending()
        #expect(try describe(cluster, .pods, "pending") == text(DescribeExpected.pendingPod))
    }

    @Test func namespace() throws {
        let cluster = Cluster.standard()
        #expect(try describe(cluster, .namespaces, "kube-system", namespace: "") == text("""
        Name:         kube-system
        Labels:       kubernetes.io/metadata.name=kube-system
        Annotations:  <none>
        Status:       Active

        No resource quota.

        No LimitRange resource.

        """))
    }

    /// Events have no describer: the generic one prints every field.
    @Test func eventUsesTheGenericDescriber() throws {
        let cluster = try Scenarios.badImage()
        let event = cluster.events(for: try cluster.get(.pods, namespace: "default", name: "web")).first { $0.reason == "BackOff" }!
        #expect(Describe.describe(event, in: cluster) == text(DescribeExpected.backOffEvent))
    }

    @Test func joiningSeveralObjects() {
        #expect(Describe.joined(["a\n", "b\n", "c\n"]) == "a\n\n\nb\n\n\nc\n")
        #expect(Describe.joinedPrefixMatches(["a\n", "b\n"]) == "a\n\nb\n\n")
    }

    // MARK: - Building blocks

    @Test func rfc1123Z() {
        #expect(Describe.rfc1123Z(Time(seconds: Cluster.defaultStartTime + 0.9)) == "Thu, 26 Nov 2026 09:00:00 +0000")
        #expect(Describe.rfc1123Z(Time(seconds: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(Describe.rfc1123Z(nil) == "Mon, 01 Jan 0001 00:00:00 +0000")
    }

    @Test func quantitiesPrintCanonically() {
        func canon(_ s: String) -> String? { ResourceAmount(parsing: s)?.description }
        #expect(canon("0.25") == "250m")
        #expect(canon("1000m") == "1")
        #expect(canon("1500m") == "1500m")
        #expect(canon("1024Mi") == "1Gi")
        #expect(canon("1.5Gi") == "1536Mi")
        #expect(canon("0.5Ki") == "512")
        #expect(canon("7990056Ki") == "7990056Ki")
        #expect(canon("48294789041") == "48294789041")
        #expect(canon("129e6") == "129e6")
        #expect(canon("1e3") == "1e3")
        #expect(canon("12000") == "12k")
        #expect(canon("0") == "0")
        #expect(canon("100u") == "100u")
        #expect(canon("abc") == nil)
        #expect(ResourceAmount(parsing: "64Mi")!.value == 67_108_864)
        #expect(ResourceAmount(parsing: "250m")!.milliValue == 250)
        #expect(ResourceAmount(parsing: "1.5m")!.milliValue == 2)
        let sum = ResourceAmount(parsing: "100m")!.adding(ResourceAmount(parsing: "0.9")!)
        #expect(sum.description == "1")
    }

    @Test func qosClasses() throws {
        func pod(_ requests: [String: String], _ limits: [String: String]) -> Pod {
            var c = Container(name: "c", image: "x")
            var r = ResourceRequirements()
            r.requests = requests.isEmpty ? nil : requests.mapValues(Quantity.init)
            r.limits = limits.isEmpty ? nil : limits.mapValues(Quantity.init)
            c.resources = r
            return Pod(metadata: ObjectMeta(name: "p"), spec: PodSpec(containers: [c]))
        }
        #expect(ResourceLists.qosClass(pod([:], [:])) == "BestEffort")
        #expect(ResourceLists.qosClass(pod(["cpu": "100m"], [:])) == "Burstable")
        // Only limits: Guaranteed once the apiserver has copied them into requests, not before.
        #expect(ResourceLists.qosClass(pod([:], ["cpu": "1", "memory": "1Gi"])) == "Burstable")
        #expect(ResourceLists.qosClass(pod(["cpu": "1", "memory": "1Gi"], ["cpu": "1", "memory": "1Gi"])) == "Guaranteed")
        #expect(ResourceLists.qosClass(pod(["cpu": "1000m", "memory": "1024Mi"], ["cpu": "1", "memory": "1Gi"])) == "Guaranteed")
        #expect(ResourceLists.qosClass(pod(["cpu": "500m", "memory": "1Gi"], ["cpu": "1", "memory": "1Gi"])) == "Burstable")
    }

    /// Go's sort.Sort: small inputs are insertion-sorted (equal elements keep their order);
    /// larger ones are pdqsort and must still come out sorted.
    @Test func goSort() {
        var small = [(3, "a"), (1, "b"), (3, "c"), (1, "d"), (2, "e")]
        DescribeGoSort.sort(&small) { $0.0 < $1.0 }
        #expect(small.map(\.1) == ["b", "d", "e", "a", "c"])
        var rng = SeededRandom(seed: 7)
        for n in [13, 50, 51, 200, 1000] {
            var xs = (0..<n).map { _ in rng.int(0..<20) }
            DescribeGoSort.sort(&xs, by: <)
            #expect(xs == xs.sorted())
            var desc = Array((0..<n).reversed())
            DescribeGoSort.sort(&desc, by: <)
            #expect(desc == Array(0..<n))
        }
    }

    @Test func genericFieldLabels() {
        #expect(DescribeContext.smartLabel("apiVersion") == "API Version")
        #expect(DescribeContext.smartLabel("involvedObject") == "Involved Object")
        #expect(DescribeContext.smartLabel("uid") == "UID")
        #expect(DescribeContext.smartLabel("podIPs") == "Pod I Ps")
        #expect(DescribeContext.smartLabel("x_y") == "x_y")
        #expect(GoFmt.v(.float(1_000_000)) == "1e+06")
        #expect(GoFmt.v(.float(0.5)) == "0.5")
        #expect(GoFmt.v(.float(123456)) == "123456")
    }

    @Test func terminalEscapes() {
        #expect(DescribeWriter.escape("a\u{1B}[31mb\rc") == "a^[[31mb\\rc")
    }
}

/// kubectl v1.32.4's own output for the scenarios above.
enum DescribeExpected {
    static let deployment = """
        Name:                   nginx-deployment
        Namespace:              default
        CreationTimestamp:      Thu, 26 Nov 2026 09:00:00 +0000
        Labels:                 app=nginx
        Annotations:            deployment.kubernetes.io/revision: 1
        Selector:               app=nginx
        Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
        StrategyType:           RollingUpdate
        MinReadySeconds:        0
        RollingUpdateStrategy:  25% max unavailable, 25% max surge
        Pod Template:
          Labels:  app=nginx
          Containers:
           nginx:
            Image:         nginx:1.14
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Conditions:
          Type           Status  Reason
          ----           ------  ------
          Available      True    MinimumReplicasAvailable
          Progressing    True    NewReplicaSetAvailable
        OldReplicaSets:  <none>
        NewReplicaSet:   nginx-deployment-688cb89fc9 (3/3 replicas created)
        Events:
          Type    Reason             Age   From                   Message
          ----    ------             ----  ----                   -------
          Normal  ScalingReplicaSet  50s   deployment-controller  Scaled up replica set nginx-deployment-688cb89fc9 from 0 to 3

        """

    static let replicaSet = """
        Name:           nginx-deployment-688cb89fc9
        Namespace:      default
        Selector:       app=nginx,pod-template-hash=688cb89fc9
        Labels:         app=nginx
                        pod-template-hash=688cb89fc9
        Annotations:    deployment.kubernetes.io/desired-replicas: 3
                        deployment.kubernetes.io/max-replicas: 4
                        deployment.kubernetes.io/revision: 1
        Controlled By:  Deployment/nginx-deployment
        Replicas:       3 current / 3 desired
        Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed
        Pod Template:
          Labels:  app=nginx
                   pod-template-hash=688cb89fc9
          Containers:
           nginx:
            Image:         nginx:1.14
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Events:
          Type    Reason            Age   From                   Message
          ----    ------            ----  ----                   -------
          Normal  SuccessfulCreate  50s   replicaset-controller  Created pod: nginx-deployment-688cb89fc9-l6l46
          Normal  SuccessfulCreate  50s   replicaset-controller  Created pod: nginx-deployment-688cb89fc9-jhw5h
          Normal  SuccessfulCreate  50s   replicaset-controller  Created pod: nginx-deployment-688cb89fc9-2d7mw

        """

    static let pod = """
        Name:             nginx-deployment-688cb89fc9-2d7mw
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node01/192.168.10.12
        Start Time:       Thu, 26 Nov 2026 09:00:00 +0000
        Labels:           app=nginx
                          pod-template-hash=688cb89fc9
        Annotations:      <none>
        Status:           Running
        IP:               10.244.1.46
        IPs:
          IP:           10.244.1.46
        Controlled By:  ReplicaSet/nginx-deployment-688cb89fc9
        Containers:
          nginx:
            Container ID:   containerd://48eec1a3a706e0aa3b40cce12a24b9163b8b8b1162683070a9b6e32f085ddcb6
            Image:          nginx:1.14
            Image ID:       docker.io/library/nginx@sha256:493519b30649362116ef43c7505fbc0436114d1f28b011f2dd8fea7745ba6fbf
            Port:           80/TCP
            Host Port:      0/TCP
            State:          Running
              Started:      Thu, 26 Nov 2026 09:00:01 +0000
            Ready:          True
            Restart Count:  0
            Environment:    <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-4qrw9 (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True $
          Initialized                 True $
          Ready                       True $
          ContainersReady             True $
          PodScheduled                True $
        Volumes:
          kube-api-access-4qrw9:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age   From               Message
          ----    ------     ----  ----               -------
          Normal  Scheduled  50s   default-scheduler  Successfully assigned default/nginx-deployment-688cb89fc9-2d7mw to node01
          Normal  Pulled     50s   kubelet            Container image "nginx:1.14" already present on machine
          Normal  Created    49s   kubelet            Created container: nginx
          Normal  Started    49s   kubelet            Started container nginx

        """

    static let node01 = """
        Name:               node01
        Roles:              <none>
        Labels:             beta.kubernetes.io/arch=amd64
                            beta.kubernetes.io/os=linux
                            kubernetes.io/arch=amd64
                            kubernetes.io/hostname=node01
                            kubernetes.io/os=linux
        Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
                            node.alpha.kubernetes.io/ttl: 0
                            volumes.kubernetes.io/controller-managed-attach-detach: true
        CreationTimestamp:  Thu, 12 Nov 2026 09:00:00 +0000
        Taints:             <none>
        Unschedulable:      false
        Lease:
          HolderIdentity:  node01
          AcquireTime:     <unset>
          RenewTime:       Thu, 26 Nov 2026 09:00:50 +0000
        Conditions:
          Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
          ----             ------  -----------------                 ------------------                ------                       -------
          MemoryPressure   False   Mon, 01 Jan 0001 00:00:00 +0000   Thu, 12 Nov 2026 09:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
          DiskPressure     False   Mon, 01 Jan 0001 00:00:00 +0000   Thu, 12 Nov 2026 09:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure
          PIDPressure      False   Mon, 01 Jan 0001 00:00:00 +0000   Thu, 12 Nov 2026 09:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
          Ready            True    Thu, 12 Nov 2026 09:00:00 +0000   Thu, 12 Nov 2026 09:00:00 +0000   KubeletReady                 kubelet is posting ready status
        Addresses:
          InternalIP:  192.168.10.12
          Hostname:    node01
        Capacity:
          cpu:                4
          ephemeral-storage:  51175Mi
          hugepages-1Gi:      0
          hugepages-2Mi:      0
          memory:             7990056Ki
          pods:               110
        Allocatable:
          cpu:                4
          ephemeral-storage:  48294789041
          hugepages-1Gi:      0
          hugepages-2Mi:      0
          memory:             7887656Ki
          pods:               110
        System Info:
          Machine ID:                 69761647e8c534bc16f4651077cd5776
          System UUID:                EFB8FC41-D44D-4FA9-8CD5-AAB4A8FC6747
          Boot ID:                    a82a7d09-6d14-4b78-8a75-c4f6ead6b9f6
          Kernel Version:             3.10.0-1160.el7.x86_64
          OS Image:                   CentOS Linux 7 (Core)
          Operating System:           linux
          Architecture:               amd64
          Container Runtime Version:  containerd://1.7.24
          Kubelet Version:            v1.32.4
          Kube-Proxy Version:         v1.32.4
        PodCIDR:                      10.244.1.0/24
        PodCIDRs:                     10.244.1.0/24
        Non-terminated Pods:          (5 in total)
          Namespace                   Name                                 CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
          ---------                   ----                                 ------------  ----------  ---------------  -------------  ---
          default                     nginx-deployment-688cb89fc9-2d7mw    0 (0%)        0 (0%)      0 (0%)           0 (0%)         50s
          default                     nginx-deployment-688cb89fc9-l6l46    0 (0%)        0 (0%)      0 (0%)           0 (0%)         50s
          kube-system                 coredns-79fd888767-zsdqs             0 (0%)        0 (0%)      0 (0%)           0 (0%)         14d
          kube-system                 kube-flannel-ds-9fsmv                0 (0%)        0 (0%)      0 (0%)           0 (0%)         14d
          kube-system                 kube-proxy-95nqt                     0 (0%)        0 (0%)      0 (0%)           0 (0%)         14d
        Allocated resources:
          (Total limits may be over 100 percent, i.e., overcommitted.)
          Resource           Requests  Limits
          --------           --------  ------
          cpu                0 (0%)    0 (0%)
          memory             0 (0%)    0 (0%)
          ephemeral-storage  0 (0%)    0 (0%)
          hugepages-1Gi      0 (0%)    0 (0%)
          hugepages-2Mi      0 (0%)    0 (0%)
        Events:              <none>

        """

    static let badImagePod = """
        Name:             web
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node01/192.168.10.12
        Start Time:       Thu, 26 Nov 2026 09:00:00 +0000
        Labels:           run=web
        Annotations:      <none>
        Status:           Pending
        IP:               10.244.1.45
        IPs:
          IP:  10.244.1.45
        Containers:
          web:
            Container ID:   $
            Image:          nginx:9.99
            Image ID:       $
            Port:           <none>
            Host Port:      <none>
            State:          Waiting
              Reason:       ImagePullBackOff
            Ready:          False
            Restart Count:  0
            Environment:    <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-k7zvw (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True $
          Initialized                 True $
          Ready                       False $
          ContainersReady             False $
          PodScheduled                True $
        Volumes:
          kube-api-access-k7zvw:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type     Reason     Age               From               Message
          ----     ------     ----              ----               -------
          Normal   Scheduled  40s               default-scheduler  Successfully assigned default/web to node01
          Normal   Pulling    4s (x3 over 40s)  kubelet            Pulling image "nginx:9.99"
          Warning  Failed     2s (x3 over 38s)  kubelet            Failed to pull image "nginx:9.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found
          Warning  Failed     2s (x3 over 38s)  kubelet            Error: ErrImagePull
          Normal   BackOff    1s (x3 over 37s)  kubelet            Back-off pulling image "nginx:9.99"
          Warning  Failed     1s (x3 over 37s)  kubelet            Error: ImagePullBackOff

        """

    static let backOffEvent = """
        Name:             web.87151c7267bf7ca5
        Namespace:        default
        Labels:           <none>
        Annotations:      <none>
        API Version:      v1
        Count:            3
        Event Time:       <nil>
        First Timestamp:  2026-11-26T09:00:03Z
        Involved Object:
          API Version:       v1
          Field Path:        spec.containers{web}
          Kind:              Pod
          Name:              web
          Namespace:         default
          Resource Version:  200
          UID:               5a21937a-64c5-4b7f-a8b7-0365461982ed
        Kind:                Event
        Last Timestamp:      2026-11-26T09:00:39Z
        Message:             Back-off pulling image "nginx:9.99"
        Metadata:
          Creation Timestamp:  2026-11-26T09:00:03Z
          Resource Version:    218
          UID:                 b5e7e6ea-72e0-4421-999c-6e42c0754ac2
        Reason:                BackOff
        Reporting Component:   kubelet
        Reporting Instance:    node01
        Source:
          Component:  kubelet
          Host:       node01
        Type:         Normal
        Events:       <none>

        """

    static let rolledOutDeployment = """
        Name:                   nginx-deployment
        Namespace:              default
        CreationTimestamp:      Thu, 26 Nov 2026 09:00:00 +0000
        Labels:                 app=nginx
        Annotations:            deployment.kubernetes.io/revision: 2
        Selector:               app=nginx
        Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
        StrategyType:           RollingUpdate
        MinReadySeconds:        0
        RollingUpdateStrategy:  25% max unavailable, 25% max surge
        Pod Template:
          Labels:  app=nginx
          Containers:
           nginx:
            Image:         nginx:1.16
            Port:          80/TCP
            Host Port:     0/TCP
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Conditions:
          Type           Status  Reason
          ----           ------  ------
          Available      True    MinimumReplicasAvailable
          Progressing    True    NewReplicaSetAvailable
        OldReplicaSets:  nginx-deployment-688cb89fc9 (0/0 replicas created)
        NewReplicaSet:   nginx-deployment-7586f5df4f (3/3 replicas created)
        Events:
          Type    Reason             Age    From                   Message
          ----    ------             ----   ----                   -------
          Normal  ScalingReplicaSet  2m10s  deployment-controller  Scaled up replica set nginx-deployment-688cb89fc9 from 0 to 3
          Normal  ScalingReplicaSet  90s    deployment-controller  Scaled up replica set nginx-deployment-7586f5df4f from 0 to 1
          Normal  ScalingReplicaSet  83s    deployment-controller  Scaled down replica set nginx-deployment-688cb89fc9 from 3 to 2
          Normal  ScalingReplicaSet  83s    deployment-controller  Scaled up replica set nginx-deployment-7586f5df4f from 1 to 2
          Normal  ScalingReplicaSet  78s    deployment-controller  Scaled down replica set nginx-deployment-688cb89fc9 from 2 to 1
          Normal  ScalingReplicaSet  78s    deployment-controller  Scaled up replica set nginx-deployment-7586f5df4f from 2 to 3
          Normal  ScalingReplicaSet  77s    deployment-controller  Scaled down replica set nginx-deployment-688cb89fc9 from 1 to 0

        """

    static let richPod = """
        Name:             rich
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node01/192.168.10.12
        Start Time:       Thu, 26 Nov 2026 09:00:02 +0000
        Labels:           app=rich
                          tier=web
        Annotations:      long:
                            xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...
                          multi:
                            first
                            second
                          note: short
        Status:           Running
        IP:               10.244.1.45
        IPs:
          IP:  10.244.1.45
        Init Containers:
          init:
            Image:      busybox:1.28
            Port:       <none>
            Host Port:  <none>
            Command:
              sh
              -c
              echo init
            Environment:  <none>
            Mounts:       <none>
        Containers:
          app:
            Container ID:   containerd://b42713b2b5602fb7415f1b15e0b84d86f7c25eb8ee1cc7bd9becfda67a3a7f2e
            Image:          nginx:1.14
            Image ID:       docker.io/library/nginx@sha256:493519b30649362116ef43c7505fbc0436114d1f28b011f2dd8fea7745ba6fbf
            Ports:          80/TCP, 443/TCP
            Host Ports:     0/TCP, 8443/TCP
            State:          Running
              Started:      Thu, 26 Nov 2026 09:00:04 +0000
            Ready:          True
            Restart Count:  0
            Limits:
              cpu:                1
              ephemeral-storage:  2Gi
              memory:             1Gi
            Requests:
              cpu:      250m
              memory:   64Mi
            Liveness:   http-get http://:80/healthz delay=5s timeout=1s period=10s #success=1 #failure=3
            Readiness:  exec [cat /tmp/ready] delay=0s timeout=2s period=5s #success=1 #failure=3
            Startup:    tcp-socket :https delay=0s timeout=1s period=10s #success=1 #failure=30
            Environment Variables from:
              cfg  ConfigMap                 Optional: false
              db   Secret with prefix 'DB_'  Optional: true
            Environment:
              PLAIN:       v
              MULTI:       a
                           b
              MY_NODE:      (v1:spec.nodeName)
              MY_NAME:     rich (v1:metadata.name)
              CPU_MILLIS:  1000 (limits.cpu)
              MEM_REQ:     67108864 (requests.memory)
              PASSWORD:    <set to the key 'password' in secret 'db'>   Optional: false
              MODE:        <set to the key 'mode' of config map 'cfg'>  Optional: true
            Mounts:
              /cache from cache (rw)
              /data from data (rw,path="sub dir")
              /etc/cfg from cfg (ro)
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-fghq7 (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True $
          Initialized                 True $
          Ready                       True $
          ContainersReady             True $
          PodScheduled                True $
        Volumes:
          cache:
            Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
            Medium:     Memory
            SizeLimit:  1Gi
          cfg:
            Type:      ConfigMap (a volume populated by a ConfigMap)
            Name:      cfg
            Optional:  false
          data:
            Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
            ClaimName:  data-claim
            ReadOnly:   false
          sec:
            Type:        Secret (a volume populated by a Secret)
            SecretName:  db
            Optional:    true
          host:
            Type:          HostPath (bare host directory volume)
            Path:          /var/log
            HostPathType:  Directory
          info:
            Type:  DownwardAPI (a volume populated by information about the pod)
            Items:
              metadata.labels -> labels
              limits.cpu -> cpu
          empty:
            Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
            Medium:     $
            SizeLimit:  <unset>
          kube-api-access-fghq7:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   Burstable
        Node-Selectors:              kubernetes.io/os=linux
        Tolerations:                 op=Exists
                                     dedicated=web:NoSchedule
                                     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age   From               Message
          ----    ------     ----  ----               -------
          Normal  Scheduled  75s   default-scheduler  Successfully assigned default/rich to node01
          Normal  Pulled     74s   kubelet            Container image "nginx:1.14" already present on machine
          Normal  Created    73s   kubelet            Created container: app
          Normal  Started    73s   kubelet            Started container app

        """

    static let terminatingPod = """
        Name:                      sleeper
        Namespace:                 default
        Priority:                  0
        Service Account:           default
        Node:                      node01/192.168.10.12
        Start Time:                Thu, 26 Nov 2026 09:00:00 +0000
        Labels:                    <none>
        Annotations:               <none>
        Status:                    Terminating (lasts <invalid>)
        Termination Grace Period:  30s
        IP:                        10.244.1.45
        IPs:
          IP:  10.244.1.45
        Containers:
          sleeper:
            Container ID:  containerd://415f1b15e0b84d86f7c25eb8ee1cc7bd9becfda67a3a7f2e0f8677cac5e0cd4a
            Image:         busybox:1.28
            Image ID:      docker.io/library/busybox@sha256:cc025e6f06c6b1064edfe970d3a3a8aa37cbd8491180888b041fe5867dd9d16b
            Port:          <none>
            Host Port:     <none>
            Command:
              sleep
              3600
            State:          Running
              Started:      Thu, 26 Nov 2026 09:00:01 +0000
            Ready:          True
            Restart Count:  0
            Environment:    <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-k7zvw (ro)
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True $
          Initialized                 True $
          Ready                       True $
          ContainersReady             True $
          PodScheduled                True $
        Volumes:
          kube-api-access-k7zvw:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              <none>
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type    Reason     Age   From               Message
          ----    ------     ----  ----               -------
          Normal  Scheduled  25s   default-scheduler  Successfully assigned default/sleeper to node01
          Normal  Pulling    25s   kubelet            Pulling image "busybox:1.28"
          Normal  Pulled     24s   kubelet            Successfully pulled image "busybox:1.28" in 966ms (966ms including waiting). Image size: 734003 bytes.
          Normal  Created    24s   kubelet            Created container: sleeper
          Normal  Started    24s   kubelet            Started container sleeper
          Normal  Killing    5s    kubelet            Stopping container sleeper

        """

    static let pendingPod = """
        Name:             pending
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             <none>
        Labels:           <none>
        Annotations:      <none>
        Status:           Pending
        IP:               $
        IPs:              <none>
        Containers:
          p:
            Image:        nginx:1.14
            Port:         <none>
            Host Port:    <none>
            Environment:  <none>
            Mounts:
              /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-l6l46 (ro)
        Conditions:
          Type           Status
          PodScheduled   False $
        Volumes:
          kube-api-access-l6l46:
            Type:                    Projected (a volume that contains injected data from multiple sources)
            TokenExpirationSeconds:  3607
            ConfigMapName:           kube-root-ca.crt
            ConfigMapOptional:       <nil>
            DownwardAPI:             true
        QoS Class:                   BestEffort
        Node-Selectors:              disk=ssd
        Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                     node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
        Events:
          Type     Reason            Age   From               Message
          ----     ------            ----  ----               -------
          Warning  FailedScheduling  25s   default-scheduler  0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.

        """
}
