import KubeAPI

extension Cluster {
    /// The DaemonSets a kubeadm cluster with flannel runs in kube-system, `kube-proxy` and
    /// `kube-flannel-ds`, adopting the per-node pods the bootstrap created (so `kubectl drain`
    /// sees them as DaemonSet-managed, and a node that joins gets its own).
    ///
    /// Called once the bootstrap has settled. It draws from its own random generator and
    /// backdates what it creates to `installedAt`, so the objects made before keep their
    /// names, IPs and ages.
    func installSystemDaemonSets(seed: UInt64, installedAt: Double) {
        let saved = random
        random = SeededRandom(seed: seed &+ 0x6461_656D_6F6E)
        defer { random = saved }
        let sets: [(name: String, labels: [String: String], selector: [String: String], container: String, image: String)] = [
            ("kube-flannel-ds", ["app": "flannel", "k8s-app": "flannel"], ["app": "flannel", "k8s-app": "flannel"], "kube-flannel", "docker.io/flannel/flannel:v0.26.1"),
            ("kube-proxy", ["k8s-app": "kube-proxy"], ["k8s-app": "kube-proxy"], "kube-proxy", "registry.k8s.io/kube-proxy:v1.32.4"),
        ]
        for s in sets {
            var spec = PodSpec(containers: [Container(name: s.container, image: s.image)])
            spec.hostNetwork = true
            spec.priorityClassName = "system-node-critical"
            spec.tolerations = [Toleration(key: nil, operator: "Exists", effect: nil)]
            spec.nodeSelector = ["kubernetes.io/os": "linux"]
            var dsSpec = DaemonSetSpec()
            dsSpec.selector = LabelSelector(matchLabels: s.selector)
            dsSpec.template = PodTemplateSpec(metadata: ObjectMeta(labels: s.labels), spec: spec)
            var meta = ObjectMeta(name: s.name, namespace: "kube-system", labels: s.selector)
            meta.annotations = nil
            guard var ds = try? create(DaemonSet(metadata: meta, spec: dsSpec), namespace: "kube-system") as? DaemonSet,
                  let uid = ds.metadata.uid else { continue }
            ds.metadata.creationTimestamp = Time(seconds: installedAt)
            store.putTyped(ds)
            // The pods become the DaemonSet's own, of its first revision.
            let hash = ControllerHistory.templateHash(ds.spec?.template, collisionCount: nil)
            for var pod in store.list(Pod.self, namespace: "kube-system")
            where pod.metadata.ownerReferences == nil && LabelSelector(matchLabels: s.selector).matches(pod.metadata.labels) {
                pod.metadata.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: s.name, uid: uid)]
                var labels = pod.metadata.labels ?? [:]
                labels[DaemonSetController.hashLabel] = hash
                labels[DaemonSetController.generationLabel] = "1"
                pod.metadata.labels = labels
                store.putTyped(pod)
            }
        }
        drain()
        for cr in store.list(ControllerRevision.self, namespace: "kube-system") where cr.metadata.controllerRef?.kind == "DaemonSet" {
            var c = cr
            c.metadata.creationTimestamp = Time(seconds: installedAt)
            store.putTyped(c)
        }
    }
}
