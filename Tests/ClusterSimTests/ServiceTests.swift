import Testing
@testable import KubeAPI
@testable import ClusterSim

/// Services: allocation, the endpoint controllers, cluster DNS and in-cluster HTTP.
@Suite struct ServiceTests {
    // MARK: - Helpers

    static func deployment(_ name: String, image: String = "nginx:1.14", replicas: Int = 3, labels: [String: String] = ["app": "nginx"],
                           readinessDelay: Int? = nil, namedPort: String? = nil) -> Deployment {
        var d = Deployment(metadata: ObjectMeta(name: name, namespace: "default", labels: labels), spec: DeploymentSpec())
        d.spec?.replicas = replicas
        d.spec?.selector = LabelSelector(matchLabels: labels)
        var c = Container(name: "web", image: image)
        var port = ContainerPort(containerPort: 80)
        port.name = namedPort
        c.ports = [port]
        if let delay = readinessDelay {
            var probe = Probe()
            probe.tcpSocket = TCPSocketAction(port: .int(80))
            probe.initialDelaySeconds = delay
            c.readinessProbe = probe
        }
        d.spec?.template = PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [c]))
        return d
    }

    static func service(_ name: String, type: String? = nil, selector: [String: String] = ["app": "nginx"], port: Int = 80,
                        targetPort: IntOrString? = nil, nodePort: Int? = nil, clusterIP: String? = nil) -> Service {
        var s = Service(metadata: ObjectMeta(name: name, namespace: "default"), spec: ServiceSpec())
        s.spec?.type = type
        s.spec?.selector = selector
        var p = ServicePort(port: port)
        p.targetPort = targetPort
        p.nodePort = nodePort
        s.spec?.ports = [p]
        s.spec?.clusterIP = clusterIP
        return s
    }

    static func nginxCluster(replicas: Int = 3) throws -> Cluster {
        let c = Cluster.standard()
        try c.create(deployment("nginx-deployment", replicas: replicas), namespace: "default")
        try c.create(service("nginx-service", type: "NodePort"), namespace: "default")
        c.advance(by: 30)
        return c
    }

    static func invalidText(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as APIError { return e.kubectlText() } catch { return "\(error)" }
        return nil
    }

    // MARK: - Allocation

    @Test func allocationIsDeterministicAndInRange() throws {
        let a = try Self.nginxCluster(), b = try Self.nginxCluster()
        let sa = try #require(a.store.get(Service.self, namespace: "default", name: "nginx-service"))
        let sb = try #require(b.store.get(Service.self, namespace: "default", name: "nginx-service"))
        #expect(sa.spec == sb.spec)
        let ip = try #require(sa.spec?.clusterIP)
        let v = try #require(IPv4.parse(ip))
        #expect(v > 0x0A60_0100 && v < 0x0A70_0000)
        #expect(sa.spec?.clusterIPs == [ip])
        let np = try #require(sa.spec?.ports?.first?.nodePort)
        #expect((30000...32767).contains(np))
        #expect(sa.spec?.ports?.first?.targetPort == .int(80))
        #expect(sa.spec?.ports?.first?.protocol == "TCP")
        #expect(sa.spec?.sessionAffinity == "None")
        #expect(sa.spec?.externalTrafficPolicy == "Cluster")
        #expect(sa.spec?.internalTrafficPolicy == "Cluster")
        #expect(sa.spec?.ipFamilies == ["IPv4"] && sa.spec?.ipFamilyPolicy == "SingleStack")
    }

    @Test func bootstrapServices() throws {
        let c = Cluster.standard()
        let k = try #require(c.store.get(Service.self, namespace: "default", name: "kubernetes"))
        #expect(k.spec?.clusterIP == "10.96.0.1")
        let dns = try #require(c.store.get(Service.self, namespace: "kube-system", name: "kube-dns"))
        #expect(dns.spec?.clusterIP == "10.96.0.10")
        #expect(c.age(dns) == "14d")
        let ep = try #require(c.store.get(Endpoints.self, namespace: "kube-system", name: "kube-dns"))
        #expect(ep.subsets?.first?.addresses?.count == 2)
        #expect(ep.subsets?.first?.ports?.map(\.port) == [53, 53, 9153])
        #expect(c.store.get(Endpoints.self, namespace: "default", name: "kubernetes")?.formatted() == "192.168.10.11:6443")
    }

    @Test func nodePortAndClusterIPConflicts() throws {
        let c = Cluster.standard()
        try c.create(Self.service("a", type: "NodePort", nodePort: 30080), namespace: "default")
        let dup = Self.invalidText { try c.create(Self.service("b", type: "NodePort", nodePort: 30080), namespace: "default") }
        #expect(dup == "The Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated")
        let range = Self.invalidText { try c.create(Self.service("b", type: "NodePort", nodePort: 80), namespace: "default") }
        #expect(range == "The Service \"b\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767")
        let ip = Self.invalidText { try c.create(Self.service("b", clusterIP: "10.96.0.10"), namespace: "default") }
        #expect(ip == "The Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated")
        let noPorts = Self.invalidText {
            var s = Self.service("b")
            s.spec?.ports = nil
            try c.create(s, namespace: "default")
        }
        #expect(noPorts == "The Service \"b\" is invalid: spec.ports: Required value")
        let cip = Self.invalidText { try c.create(Self.service("b", nodePort: 30001), namespace: "default") }
        #expect(cip == "The Service \"b\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'")
        // A deleted service frees its node port.
        try c.delete(.services, namespace: "default", name: "a")
        try c.create(Self.service("b", type: "NodePort", nodePort: 30080), namespace: "default")
        // The cluster IP is immutable; leaving it out keeps it.
        var b = try #require(c.store.get(Service.self, namespace: "default", name: "b"))
        let kept = b.spec?.clusterIP
        b.spec?.clusterIP = nil
        b.spec?.clusterIPs = nil
        b.spec?.ports?[0].nodePort = nil
        try c.update(b)
        let after = try #require(c.store.get(Service.self, namespace: "default", name: "b"))
        #expect(after.spec?.clusterIP == kept && after.spec?.ports?.first?.nodePort == 30080)
        var moved = after
        moved.spec?.clusterIP = "10.96.0.77"
        moved.spec?.clusterIPs = ["10.96.0.77"]
        let immutable = Self.invalidText { try c.update(moved) }
        #expect(immutable == "The Service \"b\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.77\"}: may not change once set")
    }

    @Test func headlessServiceHasNoClusterIP() throws {
        let c = Cluster.standard()
        try c.create(Self.service("h", clusterIP: "None"), namespace: "default")
        let h = try #require(c.store.get(Service.self, namespace: "default", name: "h"))
        #expect(h.spec?.clusterIPs == ["None"])
        let t = c.table(.services, [h])
        #expect(t.rows[0][1...4] == ["ClusterIP", "None", "<none>", "80/TCP"])
    }

    // MARK: - Endpoints

    @Test func endpointsFollowReadinessAndScale() throws {
        let c = Cluster.standard()
        try c.create(Self.deployment("web", replicas: 2, readinessDelay: 20), namespace: "default")
        try c.create(Self.service("web"), namespace: "default")
        c.advance(by: 10)
        var ep = try #require(c.store.get(Endpoints.self, namespace: "default", name: "web"))
        #expect(ep.subsets?.first?.addresses == nil)
        #expect(ep.subsets?.first?.notReadyAddresses?.count == 2)
        #expect(ep.formatted() == "")
        #expect(c.resolve("web", fromNamespace: "default") != .nxdomain)
        c.advance(by: 30)
        ep = try #require(c.store.get(Endpoints.self, namespace: "default", name: "web"))
        #expect(ep.subsets?.first?.addresses?.count == 2)
        #expect(ep.subsets?.first?.addresses?.allSatisfy { $0.targetRef?.kind == "Pod" && $0.nodeName != nil } == true)
        let slices = EndpointSliceController.slices(of: "web", namespace: "default", in: c)
        #expect(slices.count == 1)
        #expect(slices.first?.name.hasPrefix("web-") == true)
        #expect(slices.first?.endpoints?.allSatisfy { $0.conditions?.ready == true } == true)
        // Scale to zero: nothing left to list.
        var d = try #require(c.store.get(Deployment.self, namespace: "default", name: "web"))
        d.spec?.replicas = 0
        try c.update(d)
        c.advance(by: 60)
        ep = try #require(c.store.get(Endpoints.self, namespace: "default", name: "web"))
        #expect(ep.subsets == nil)
        #expect(ep.formatted() == "<none>")
        #expect(c.table(.endpointslices, EndpointSliceController.slices(of: "web", namespace: "default", in: c)).rows.first?[2...3] == ["<unset>", "<unset>"])
        // Deleting the service removes both.
        try c.delete(.services, namespace: "default", name: "web")
        c.advance(by: 1)
        #expect(c.store.get(Endpoints.self, namespace: "default", name: "web") == nil)
        #expect(EndpointSliceController.slices(of: "web", namespace: "default", in: c).isEmpty)
    }

    @Test func namedTargetPortResolvesFromContainers() throws {
        let c = Cluster.standard()
        try c.create(Self.deployment("web", replicas: 1, namedPort: "http"), namespace: "default")
        try c.create(Self.service("web", port: 8080, targetPort: .string("http")), namespace: "default")
        c.advance(by: 30)
        let ep = try #require(c.store.get(Endpoints.self, namespace: "default", name: "web"))
        #expect(ep.subsets?.first?.ports?.first?.port == 80)
        #expect(ep.formatted().hasSuffix(":80"))
    }

    @Test func endpointsTableFormatting() throws {
        var ep = Endpoints(metadata: ObjectMeta(name: "x"))
        var s = EndpointSubset()
        s.addresses = ["10.244.1.5", "10.244.2.3", "10.244.1.9", "10.244.2.8"].map { EndpointAddress(ip: $0) }
        s.ports = [EndpointPort(port: 80)]
        ep.subsets = [s]
        #expect(ep.formatted() == "10.244.1.5:80,10.244.2.3:80,10.244.1.9:80 + 1 more...")
        s.ports = nil
        ep.subsets = [s]
        #expect(ep.formatted() == "10.244.1.5,10.244.2.3,10.244.1.9 + 1 more...")
    }

    // MARK: - DNS

    @Test func dnsSearchPathAndNXDOMAIN() throws {
        let c = try Self.nginxCluster()
        let svc = try #require(c.store.get(Service.self, namespace: "default", name: "nginx-service"))
        let ip = try #require(svc.spec?.clusterIP)
        #expect(c.resolve("kubernetes", fromNamespace: "default") ==
                .found(fqdn: "kubernetes.default.svc.cluster.local", records: [DNSRecord(ip: "10.96.0.1", ptrName: "kubernetes.default.svc.cluster.local")]))
        #expect(c.resolve("nginx-service", fromNamespace: "default") ==
                .found(fqdn: "nginx-service.default.svc.cluster.local", records: [DNSRecord(ip: ip, ptrName: "nginx-service.default.svc.cluster.local")]))
        #expect(c.resolve("nginx-service.default", fromNamespace: "kube-system") ==
                .found(fqdn: "nginx-service.default.svc.cluster.local", records: [DNSRecord(ip: ip, ptrName: "nginx-service.default.svc.cluster.local")]))
        #expect(c.resolve("nginx-service", fromNamespace: "kube-system") == .nxdomain)
        #expect(c.resolve("kube-dns.kube-system.svc.cluster.local.", fromNamespace: "default") ==
                .found(fqdn: "kube-dns.kube-system.svc.cluster.local", records: [DNSRecord(ip: "10.96.0.10", ptrName: "kube-dns.kube-system.svc.cluster.local")]))
        #expect(c.resolve("node01", fromNamespace: "default") == .nxdomain)
        #expect(c.resolve("nope", fromNamespace: "default") == .nxdomain)
        #expect(c.resolve("10-244-1-7.default.pod", fromNamespace: "default") ==
                .found(fqdn: "10-244-1-7.default.pod.cluster.local", records: [DNSRecord(ip: "10.244.1.7", ptrName: nil)]))
        #expect(c.reverseLookup("10.96.0.10") == "kube-dns.kube-system.svc.cluster.local")
        #expect(c.reverseLookup("192.168.10.12") == nil)
        let pod = try #require(c.store.list(Pod.self, namespace: "default").first { $0.name.hasPrefix("nginx-deployment") })
        let podIP = try #require(pod.status?.podIP)
        #expect(c.reverseLookup(podIP) == podIP.replacingOccurrences(of: ".", with: "-") + ".nginx-service.default.svc.cluster.local")
        #expect(c.resolvConf(forNamespace: "dev") == "search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
    }

    @Test func headlessServiceAnswersWithReadyPods() throws {
        let c = Cluster.standard()
        try c.create(Self.service("myapp-svc", selector: ["app": "myapp"], clusterIP: "None"), namespace: "default")
        for i in 0..<3 {
            var spec = PodSpec(containers: [Container(name: "myapp", image: "ikubernetes/myapp:v1")])
            spec.hostname = "myapp-\(i)"
            spec.subdomain = "myapp-svc"
            try c.create(Pod(metadata: ObjectMeta(name: "myapp-\(i)", namespace: "default", labels: ["app": "myapp"]), spec: spec), namespace: "default")
        }
        c.advance(by: 30)
        guard case .found(let fqdn, let records) = c.resolve("myapp-svc", fromNamespace: "default") else {
            Issue.record("headless service did not resolve"); return
        }
        #expect(fqdn == "myapp-svc.default.svc.cluster.local")
        #expect(records.map(\.ptrName) == (0..<3).map { "myapp-\($0).myapp-svc.default.svc.cluster.local" })
        let pod1 = try #require(c.store.get(Pod.self, namespace: "default", name: "myapp-1"))
        #expect(c.resolve("myapp-1.myapp-svc", fromNamespace: "default") ==
                .found(fqdn: "myapp-1.myapp-svc.default.svc.cluster.local",
                       records: [DNSRecord(ip: pod1.status!.podIP!, ptrName: "myapp-1.myapp-svc.default.svc.cluster.local")]))
        #expect(c.reverseLookup(pod1.status!.podIP!) == "myapp-1.myapp-svc.default.svc.cluster.local")
        // A pod being deleted leaves the answer.
        try c.delete(.pods, namespace: "default", name: "myapp-1")
        c.advance(by: 1)
        guard case .found(_, let after) = c.resolve("myapp-svc", fromNamespace: "default") else { Issue.record("gone"); return }
        #expect(after.count == 2)
        #expect(c.resolve("myapp-1.myapp-svc", fromNamespace: "default") == .nxdomain)
    }

    // MARK: - HTTP

    @Test func httpThroughServiceIsLoadBalancedAndLogged() throws {
        let c = try Self.nginxCluster()
        var client = PodSpec(containers: [Container(name: "busybox", image: "busybox:1.28.4")])
        client.containers[0].args = ["/bin/sh", "-c", "sleep 36000"]
        try c.create(Pod(metadata: ObjectMeta(name: "dns-test", namespace: "default"), spec: client), namespace: "default")
        c.advance(by: 10)
        let from = try #require(c.store.get(Pod.self, namespace: "default", name: "dns-test"))
        var served = Set<String>()
        for _ in 0..<30 {
            guard case .response(let status, _, let headers, let body) = c.httpGet(host: "nginx-service", port: 80, path: "/", fromPod: from) else {
                Issue.record("no response"); return
            }
            #expect(status == 200)
            #expect(body.utf8.count == 612)
            #expect(body.contains("<h1>Welcome to nginx!</h1>"))
            #expect(headers.first == "Server: nginx/1.14.2")
            #expect(headers.contains("Content-Length: 612"))
            #expect(headers.contains("ETag: \"5c0692e1-264\""))
        }
        for p in c.store.list(Pod.self, namespace: "default") where p.name.hasPrefix("nginx-deployment") {
            let lines = c.logs(pod: p, container: "web", previous: false) ?? []
            let access = lines.filter { $0.text.contains("\"GET / HTTP/1.1\" 200 612 \"-\" \"Wget\" \"-\"") }
            if !access.isEmpty { served.insert(p.name) }
            #expect(access.allSatisfy { $0.text.hasPrefix(from.status!.podIP! + " - - [26/Nov/2026:09:") })
        }
        #expect(served.count == 3)
        // Other paths: nginx's 404 page.
        if case .response(let status, _, _, let body) = c.httpGet(host: "nginx-service", port: 80, path: "/nope", fromPod: from) {
            #expect(status == 404)
            #expect(body.contains("<body bgcolor=\"white\">\r\n"))
            #expect(body.utf8.count == 169)
        } else { Issue.record("no 404") }
        let all = c.store.list(Pod.self, namespace: "default").filter { $0.name.hasPrefix("nginx-deployment") }
            .flatMap { c.logs(pod: $0, container: "web", previous: false) ?? [] }.map(\.text)
        let errorLine = try #require(all.first { $0.contains("[error]") })
        #expect(errorLine.hasPrefix("2026/11/26 09:"))
        #expect(errorLine.hasSuffix("open() \"/usr/share/nginx/html/nope\" failed (2: No such file or directory), client: \(from.status!.podIP!), server: localhost, request: \"GET /nope HTTP/1.1\", host: \"nginx-service\""))
        #expect(all.contains { $0.contains("\"GET /nope HTTP/1.1\" 404 169 \"-\" \"Wget\" \"-\"") })
        #expect(c.httpGet(host: "nginx-servic", port: 80, path: "/", fromPod: from) == .unknownHost)
        let ip = try #require(c.store.get(Service.self, namespace: "default", name: "nginx-service")?.spec?.clusterIP)
        #expect(c.httpGet(host: ip, port: 8080, path: "/", fromPod: from) == .timedOut)
        // NodePort on every node.
        let np = try #require(c.store.get(Service.self, namespace: "default", name: "nginx-service")?.spec?.ports?.first?.nodePort)
        for node in ["192.168.10.11", "192.168.10.12", "192.168.10.13"] {
            guard case .response(200, _, _, _) = c.httpGet(host: node, port: np, path: "/", fromPod: nil, userAgent: "curl/7.29.0") else {
                Issue.record("NodePort on \(node)"); continue
            }
        }
        #expect(c.httpGet(host: "192.168.10.12", port: 31999 == np ? 31998 : 31999, path: "/", fromPod: nil) == .connectionRefused)
    }

    @Test func connectionRefusedWithoutEndpoints() throws {
        let c = Cluster.standard()
        try c.create(Self.service("empty", selector: ["app": "none"]), namespace: "default")
        c.advance(by: 1)
        let ip = try #require(c.store.get(Service.self, namespace: "default", name: "empty")?.spec?.clusterIP)
        #expect(c.httpGet(host: ip, port: 80, path: "/", fromPod: nil) == .connectionRefused)
        // A busybox pod listens on nothing.
        let busy = try #require(c.store.list(Pod.self, namespace: "kube-system").first { $0.name.hasPrefix("coredns") })
        #expect(c.httpGet(host: busy.status!.podIP!, port: 80, path: "/", fromPod: nil) == .connectionRefused)
        #expect(c.httpGet(host: "10.244.9.9", port: 80, path: "/", fromPod: nil) == .timedOut)
    }

    @Test func myappServesVersionAndHostname() throws {
        let c = Cluster.standard()
        try c.create(Self.deployment("myapp", image: "ikubernetes/myapp:v2", replicas: 1, labels: ["app": "myapp"]), namespace: "default")
        try c.create(Self.service("myapp", selector: ["app": "myapp"]), namespace: "default")
        c.advance(by: 30)
        let pod = try #require(c.store.list(Pod.self, namespace: "default").first { $0.name.hasPrefix("myapp-") })
        let ip = try #require(c.store.get(Service.self, namespace: "default", name: "myapp")?.spec?.clusterIP)
        #expect(c.httpGet(host: ip, port: 80, path: "/", fromPod: nil).body == "Hello MyApp | Version: v2 | <a href=\"hostname.html\">Pod Name</a>\n")
        #expect(c.httpGet(host: ip, port: 80, path: "/hostname.html", fromPod: nil).body == pod.name + "\n")
    }

    @Test func nginxPageVersions() {
        #expect(WebServer.nginxIndexOld.utf8.count == 612)
        #expect(WebServer.nginxIndexNew.utf8.count == 615)
        #expect(WebServer.forImage("nginx:1.18.0")?.banner == "nginx/1.18.0")
        #expect(Cluster.httpDate(Cluster.defaultStartTime) == "Thu, 26 Nov 2026 09:00:00 GMT")
    }
}

extension HTTPResult {
    var body: String? {
        if case .response(_, _, _, let b) = self { return b }
        return nil
    }
}
