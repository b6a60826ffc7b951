import KubeAPI

/// The course's cluster: a kubeadm control plane `master01` and workers `node01`, `node02`,
/// with the kube-system pods such a cluster runs and the NFS client provisioner in
/// `default`. It is built through the same API and controllers a learner uses, then left
/// to settle, so ages, IPs and names are as believable as everything else.
public struct NodeSpecification: Sendable {
    public var name: String
    public var ip: String
    public var podCIDR: String
    public var controlPlane: Bool
    public init(name: String, ip: String, podCIDR: String, controlPlane: Bool = false) {
        self.name = name; self.ip = ip; self.podCIDR = podCIDR; self.controlPlane = controlPlane
    }
}

extension Cluster {
    public static let defaultNodes = [
        NodeSpecification(name: "master01", ip: "192.168.10.11", podCIDR: "10.244.0.0/24", controlPlane: true),
        NodeSpecification(name: "node01", ip: "192.168.10.12", podCIDR: "10.244.1.0/24"),
        NodeSpecification(name: "node02", ip: "192.168.10.13", podCIDR: "10.244.2.0/24"),
    ]

    /// Images every node already has when the course starts: the control plane's, and
    /// those the course's earlier chapters pulled.
    public static let preloadedImages = [
        "registry.k8s.io/pause:3.10", "registry.k8s.io/kube-proxy:v1.32.4", "docker.io/flannel/flannel:v0.26.1",
        "registry.k8s.io/coredns/coredns:v1.11.3", "quay.io/external_storage/nfs-client-provisioner:latest",
        "nginx:1.14", "busybox:1.28.4", "ikubernetes/myapp:v1",
    ]

    /// A settled cluster whose control plane was installed `age` seconds before `now`.
    public static func standard(seed: UInt64 = 1, now: Double = Cluster.defaultStartTime,
                                nodes: [NodeSpecification] = Cluster.defaultNodes, age: Double = 14 * 86400) -> Cluster {
        let c = Cluster(seed: seed, startTime: now - age)
        for n in nodes { c.addNode(n) }
        c.createNamespace("default")
        c.createNamespace("kube-node-lease")
        c.createNamespace("kube-public")
        c.createNamespace("kube-system")
        c.createClusterServices(apiserver: nodes.first(where: \.controlPlane)?.ip, seed: seed)
        if let master = nodes.first(where: \.controlPlane) {
            for (component, image) in [("etcd", "registry.k8s.io/etcd:3.5.16-0"),
                                       ("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.32.4"),
                                       ("kube-controller-manager", "registry.k8s.io/kube-controller-manager:v1.32.4"),
                                       ("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.32.4")] {
                c.kubelet.nodeImages[master.name, default: []].insert(ImageCatalog.normalize(image))
                var meta = ObjectMeta(name: "\(component)-\(master.name)", namespace: "kube-system",
                                      labels: ["component": component, "tier": "control-plane"])
                meta.annotations = ["kubernetes.io/config.source": "file"]
                var spec = PodSpec(containers: [Container(name: component, image: image)])
                spec.nodeName = master.name
                spec.hostNetwork = true
                spec.priorityClassName = "system-node-critical"
                spec.priority = 2000001000
                spec.tolerations = [Toleration(key: nil, operator: "Exists", effect: "NoExecute")]
                _ = try? c.create(Pod(metadata: meta, spec: spec), namespace: "kube-system")
            }
        }
        for n in nodes {
            for (prefix, image, labels) in [("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.4", ["k8s-app": "kube-proxy"]),
                                            ("kube-flannel-ds", "docker.io/flannel/flannel:v0.26.1", ["app": "flannel", "k8s-app": "flannel"])] {
                var meta = ObjectMeta(namespace: "kube-system", labels: labels)
                meta.generateName = prefix + "-"
                var spec = PodSpec(containers: [Container(name: prefix == "kube-proxy" ? "kube-proxy" : "kube-flannel", image: image)])
                spec.nodeName = n.name
                spec.hostNetwork = true
                spec.priorityClassName = "system-node-critical"
                spec.priority = 2000001000
                spec.tolerations = [Toleration(key: nil, operator: "Exists", effect: nil)]
                _ = try? c.create(Pod(metadata: meta, spec: spec), namespace: "kube-system")
            }
        }
        var dns = Deployment(metadata: ObjectMeta(name: "coredns", namespace: "kube-system", labels: ["k8s-app": "kube-dns"]),
                             spec: DeploymentSpec())
        dns.spec?.replicas = 2
        dns.spec?.selector = LabelSelector(matchLabels: ["k8s-app": "kube-dns"])
        var dnsPod = PodSpec(containers: [Container(name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3")])
        dnsPod.tolerations = [Toleration(key: "CriticalAddonsOnly", operator: "Exists", effect: nil),
                              Toleration(key: "node-role.kubernetes.io/control-plane", operator: nil, effect: "NoSchedule")]
        dnsPod.priorityClassName = "system-cluster-critical"
        dnsPod.nodeSelector = ["kubernetes.io/os": "linux"]
        dns.spec?.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["k8s-app": "kube-dns"]), spec: dnsPod)
        _ = try? c.create(dns, namespace: "kube-system")
        c.createStorageClasses(seed: seed)
        c.advance(by: 60)
        // The provisioner was installed the evening before the lesson.
        c.advance(by: age - 60 - 14 * 3600 - 1_234)
        var nfs = Deployment(metadata: ObjectMeta(name: "nfs-client-provisioner", namespace: "default",
                                                  labels: ["app": "nfs-client-provisioner"]), spec: DeploymentSpec())
        nfs.spec?.replicas = 1
        nfs.spec?.selector = LabelSelector(matchLabels: ["app": "nfs-client-provisioner"])
        nfs.spec?.strategy = DeploymentStrategy()
        nfs.spec?.strategy?.type = "Recreate"
        var nfsContainer = Container(name: "nfs-client-provisioner", image: "quay.io/external_storage/nfs-client-provisioner:latest")
        nfsContainer.env = [EnvVar(name: "PROVISIONER_NAME", value: "nfs-storage"),
                            EnvVar(name: "NFS_SERVER", value: "192.168.10.20"), EnvVar(name: "NFS_PATH", value: "/opt/k8s")]
        nfsContainer.volumeMounts = [VolumeMount(name: "nfs-client-root", mountPath: "/persistentvolumes")]
        var nfsSpec = PodSpec(containers: [nfsContainer])
        nfsSpec.serviceAccountName = "nfs-client-provisioner"
        var vol = Volume(name: "nfs-client-root")
        vol.nfs = ["server": "192.168.10.20", "path": "/opt/k8s"]
        nfsSpec.volumes = [vol]
        nfs.spec?.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "nfs-client-provisioner"]), spec: nfsSpec)
        _ = try? c.create(nfs, namespace: "default")
        c.advance(by: now - c.now)
        c.installSystemDaemonSets(seed: seed, installedAt: now - age)
        c.forgetBootstrapHistory()
        return c
    }

    public func addNode(_ n: NodeSpecification) {
        var labels = ["beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                      "kubernetes.io/hostname": n.name, "kubernetes.io/os": "linux"]
        var meta = ObjectMeta(name: n.name)
        var spec = NodeSpec()
        spec.podCIDR = n.podCIDR
        spec.podCIDRs = [n.podCIDR]
        if n.controlPlane {
            labels["node-role.kubernetes.io/control-plane"] = ""
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
            spec.taints = [Taint(key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule")]
        }
        meta.labels = labels
        meta.annotations = ["kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                            "node.alpha.kubernetes.io/ttl": "0",
                            "volumes.kubernetes.io/controller-managed-attach-detach": "true"]
        var node = Node(metadata: meta)
        node.spec = spec
        var st = NodeStatus()
        st.capacity = ["cpu": Quantity("4"), "ephemeral-storage": Quantity("51175Mi"), "hugepages-1Gi": Quantity("0"),
                       "hugepages-2Mi": Quantity("0"), "memory": Quantity("7990056Ki"), "pods": Quantity("110")]
        st.allocatable = ["cpu": Quantity("4"), "ephemeral-storage": Quantity("48294789041"), "hugepages-1Gi": Quantity("0"),
                          "hugepages-2Mi": Quantity("0"), "memory": Quantity("7887656Ki"), "pods": Quantity("110")]
        st.addresses = [NodeAddress(type: "InternalIP", address: n.ip), NodeAddress(type: "Hostname", address: n.name)]
        st.nodeInfo = NodeSystemInfo(machineID: random.hex(32), systemUUID: random.uuid().uppercased(), bootID: random.uuid(),
                                     kernelVersion: "3.10.0-1160.el7.x86_64", osImage: "CentOS Linux 7 (Core)",
                                     containerRuntimeVersion: "containerd://1.7.24", kubeletVersion: "v1.32.4",
                                     kubeProxyVersion: "v1.32.4", operatingSystem: "linux", architecture: "amd64")
        var ready = Condition(type: "Ready", status: "True", lastTransitionTime: time, reason: "KubeletReady", message: "kubelet is posting ready status")
        ready.lastHeartbeatTime = time
        st.conditions = [
            Condition(type: "MemoryPressure", status: "False", lastTransitionTime: time, reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available"),
            Condition(type: "DiskPressure", status: "False", lastTransitionTime: time, reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure"),
            Condition(type: "PIDPressure", status: "False", lastTransitionTime: time, reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available"),
            ready,
        ]
        node.status = st
        kubelet.nodeImages[n.name, default: []].formUnion(Cluster.preloadedImages.map(ImageCatalog.normalize))
        _ = try? create(node, namespace: "")
    }

    func createNamespace(_ name: String) {
        _ = try? create(Namespace(metadata: ObjectMeta(name: name)), namespace: "")
    }

    /// What happened while the cluster was installed is not the learner's doing, nor
    /// recent enough for `kubectl get events` (events live one hour).
    func forgetBootstrapHistory() {
        store.clearHistory()
        for e in store.list(Event.self) { store.remove(.events, namespace: e.namespace, name: e.name) }
        store.clearHistory()
    }
}
