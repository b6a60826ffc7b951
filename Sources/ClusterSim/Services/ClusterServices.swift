import KubeAPI

extension Cluster {
    /// The Services every kubeadm cluster has: `kubernetes` (the apiserver, endpoints kept by
    /// the apiserver itself) and `kube-dns` (CoreDNS). Made with their own random stream so
    /// the names and IPs of everything else in the standard cluster stay as they were.
    func createClusterServices(apiserver: String?, seed: UInt64) {
        let saved = random
        random = SeededRandom(seed: seed &+ 0x5E41_C0DE)
        defer { random = saved }

        var k8s = Service(metadata: ObjectMeta(name: "kubernetes", namespace: "default",
                                               labels: ["component": "apiserver", "provider": "kubernetes"]), spec: ServiceSpec())
        var https = ServicePort(port: 443)
        https.name = "https"
        https.targetPort = .int(6443)
        k8s.spec?.ports = [https]
        k8s.spec?.clusterIP = "10.96.0.1"
        _ = try? create(k8s, namespace: "default")
        if let ip = apiserver {
            var ep = Endpoints(metadata: ObjectMeta(name: "kubernetes", namespace: "default",
                                                    labels: ["endpointslice.kubernetes.io/skip-mirror": "true"]))
            var subset = EndpointSubset()
            subset.addresses = [EndpointAddress(ip: ip)]
            var p = EndpointPort(port: 6443)
            p.name = "https"
            p.protocol = "TCP"
            subset.ports = [p]
            ep.subsets = [subset]
            _ = try? create(ep, namespace: "default")
            var slice = EndpointSlice(metadata: ObjectMeta(name: "kubernetes", namespace: "default",
                                                           labels: ["kubernetes.io/service-name": "kubernetes"]))
            var e = SliceEndpoint(addresses: [ip])
            var cond = EndpointConditions()
            cond.ready = true
            e.conditions = cond
            slice.endpoints = [e]
            var sp = SlicePort()
            sp.name = "https"
            sp.port = 6443
            sp.protocol = "TCP"
            slice.ports = [sp]
            _ = try? create(slice, namespace: "default")
        }

        var meta = ObjectMeta(name: "kube-dns", namespace: "kube-system",
                              labels: ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"])
        meta.annotations = ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"]
        var dns = Service(metadata: meta, spec: ServiceSpec())
        dns.spec?.clusterIP = Cluster.dnsServiceIP
        dns.spec?.selector = ["k8s-app": "kube-dns"]
        dns.spec?.ports = [("dns", 53, "UDP"), ("dns-tcp", 53, "TCP"), ("metrics", 9153, "TCP")].map { name, port, proto in
            var p = ServicePort(port: port)
            p.name = name
            p.protocol = proto
            p.targetPort = .int(port)
            return p
        }
        _ = try? create(dns, namespace: "kube-system")
        // The endpoint controllers' first sync, here rather than in the next drain so that
        // the objects they create draw on this random stream.
        EndpointsController().reconcile("kube-system/kube-dns", in: self)
        EndpointSliceController().reconcile("kube-system/kube-dns", in: self)
    }
}
