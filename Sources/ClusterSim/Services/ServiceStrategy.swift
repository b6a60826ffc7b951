import KubeAPI

// The Service registry: defaults (pkg/apis/core/v1/defaults.go), validation
// (pkg/apis/core/validation), and the ClusterIP / NodePort allocators of
// pkg/registry/core/service. Allocations are not stored separately: what is "in use" is
// derived from the Services in the store, so a deleted Service frees its IP and ports.

extension Service: KindStrategy, HasStatus {
    static let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]

    var serviceType: String { spec?.type ?? "ClusterIP" }
    var isHeadless: Bool { spec?.clusterIP == "None" }
    /// The allocated virtual IP, nil for headless and ExternalName services.
    public var virtualIP: String? {
        guard let ip = spec?.clusterIPs?.first ?? spec?.clusterIP, !ip.isEmpty, ip != "None" else { return nil }
        return ip
    }

    mutating func applyDefaults() {
        var s = spec ?? ServiceSpec()
        if (s.type ?? "").isEmpty { s.type = "ClusterIP" }
        if s.sessionAffinity == nil { s.sessionAffinity = "None" }
        if let ports = s.ports {
            s.ports = ports.map { p in
                var p = p
                if p.protocol == nil { p.protocol = "TCP" }
                if p.targetPort == nil || p.targetPort == .int(0) || p.targetPort == .string("") { p.targetPort = .int(p.port) }
                return p
            }
        }
        if s.type == "NodePort" || s.type == "LoadBalancer" {
            if s.externalTrafficPolicy == nil { s.externalTrafficPolicy = "Cluster" }
        }
        if s.type == "LoadBalancer", s.allocateLoadBalancerNodePorts == nil { s.allocateLoadBalancerNodePorts = true }
        if s.type != "ExternalName" {
            if s.internalTrafficPolicy == nil { s.internalTrafficPolicy = "Cluster" }
            // The registry's dual-stack defaulting on a single-stack IPv4 cluster.
            if s.ipFamilyPolicy == nil { s.ipFamilyPolicy = "SingleStack" }
            if s.ipFamilies == nil { s.ipFamilies = ["IPv4"] }
            if let ip = s.clusterIP, !ip.isEmpty, (s.clusterIPs ?? []).isEmpty { s.clusterIPs = [ip] }
            if (s.clusterIP ?? "").isEmpty, let first = s.clusterIPs?.first { s.clusterIP = first }
        }
        spec = s
    }

    func validate(old: Service?) -> [FieldError] {
        var errs: [FieldError] = []
        let s = spec ?? ServiceSpec()
        let type = serviceType
        if let o = old, o.serviceType != "ExternalName", type != "ExternalName", !(o.isHeadless && isHeadless),
           let oldIPs = o.spec?.clusterIPs, let newIPs = s.clusterIPs, !newIPs.isEmpty, oldIPs.count == newIPs.count {
            for (i, ip) in oldIPs.enumerated() where ip != newIPs[i] {
                errs.append(FieldError("spec.clusterIPs[\(i)]", .invalid(value: Service.goStrings(newIPs), detail: "may not change once set")))
            }
        }
        if !Service.types.contains(type) {
            errs.append(FieldError("spec.type", .unsupported(value: FieldError.quote(type), supported: Service.types)))
        }
        let ports = s.ports ?? []
        if ports.isEmpty && type != "ExternalName" && !isHeadless {
            errs.append(FieldError("spec.ports", .required(detail: "")))
        }
        if type == "ExternalName" && (s.externalName ?? "").isEmpty {
            errs.append(FieldError("spec.externalName", .required(detail: "")))
        }
        if let ip = s.clusterIP, !ip.isEmpty, ip != "None", IPv4.parse(ip) == nil {
            errs.append(FieldError("spec.clusterIPs[0]", .invalid(value: FieldError.quote(ip), detail: "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")))
        }
        var names = Set<String>()
        for (i, p) in ports.enumerated() {
            let path = "spec.ports[\(i)]"
            let name = p.name ?? ""
            if ports.count > 1 && name.isEmpty {
                errs.append(FieldError("\(path).name", .required(detail: "")))
            } else if !name.isEmpty {
                if !Validation.isLabel(name) {
                    errs.append(FieldError("\(path).name", .invalid(value: FieldError.quote(name), detail: Validation.labelMessage)))
                } else if !names.insert(name).inserted {
                    errs.append(FieldError("\(path).name", .duplicate(value: FieldError.quote(name))))
                }
            }
            if !(1...65535).contains(p.port) {
                errs.append(FieldError("\(path).port", .invalid(value: String(p.port), detail: "must be between 1 and 65535, inclusive")))
            }
            let proto = p.protocol ?? "TCP"
            if !["SCTP", "TCP", "UDP"].contains(proto) {
                errs.append(FieldError("\(path).protocol", .unsupported(value: FieldError.quote(proto), supported: ["SCTP", "TCP", "UDP"])))
            }
            switch p.targetPort {
            case .int(let t)? where !(1...65535).contains(t):
                errs.append(FieldError("\(path).targetPort", .invalid(value: String(t), detail: "must be between 1 and 65535, inclusive")))
            case .string(let n)? where !Service.isPortName(n):
                errs.append(FieldError("\(path).targetPort", .invalid(value: FieldError.quote(n), detail: "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")))
            default: break
            }
            // Leaving NodePort for ClusterIP with the node ports unchanged (as `kubectl apply`
            // sends them) is allowed: the registry drops them (dropTypeDependentFields).
            let keptFromOld = old.map { o in
                ["NodePort", "LoadBalancer"].contains(o.serviceType) && (o.spec?.ports ?? []).contains { $0.nodePort == p.nodePort }
            } ?? false
            if p.nodePort != nil, type == "ClusterIP" || type == "ExternalName", !keptFromOld {
                errs.append(FieldError("\(path).nodePort", .forbidden(detail: "may not be used when `type` is '\(type)'")))
            }
        }
        return errs
    }

    static func isPortName(_ n: String) -> Bool {
        guard !n.isEmpty, n.count <= 15, n.first != "-", n.last != "-", !n.contains("--") else { return false }
        return n.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" } && n.contains { $0 >= "a" && $0 <= "z" }
    }

    /// Go's %#v of a []string.
    static func goStrings(_ a: [String]) -> String {
        "[]string{" + a.map { FieldError.quote($0) }.joined(separator: ", ") + "}"
    }

    mutating func admit(in cluster: Cluster, old: Service?) throws(APIError) {
        guard var s = spec else { return }
        let others = cluster.store.list(Service.self).filter { !($0.namespace == namespace && $0.name == name) }
        var errs: [FieldError] = []
        // An update that leaves allocated values out keeps them (the registry's patchAllocatedValues).
        if let o = old?.spec, serviceType != "ExternalName" {
            if (s.clusterIP ?? "").isEmpty, let ip = o.clusterIP { s.clusterIP = ip; s.clusterIPs = o.clusterIPs }
        }
        if serviceType == "ExternalName" {
            s.clusterIP = nil; s.clusterIPs = nil
        } else if s.clusterIP != "None", old?.virtualIP == nil || old?.virtualIP != s.clusterIP {
            let used = Set(others.compactMap(\.virtualIP))
            if let want = s.clusterIP, !want.isEmpty {
                if let problem = ServiceIPAllocator.check(want, used: used) {
                    errs.append(FieldError("spec.clusterIPs", .invalid(value: Service.goStrings([want]), detail: "failed to allocate IP \(want): \(problem)")))
                }
            } else {
                let ip = ServiceIPAllocator.allocate(used: used, random: &cluster.random)
                s.clusterIP = ip
                s.clusterIPs = [ip]
            }
        }
        if serviceType == "NodePort" || serviceType == "LoadBalancer", var ports = s.ports {
            var used = Set(others.flatMap { ($0.spec?.ports ?? []).compactMap(\.nodePort) })
            let oldPorts = old?.spec?.ports ?? []
            for i in ports.indices {
                if ports[i].nodePort == nil,
                   let kept = oldPorts.first(where: { $0.port == ports[i].port && ($0.protocol ?? "TCP") == (ports[i].protocol ?? "TCP") })?.nodePort {
                    ports[i].nodePort = kept
                }
                if let np = ports[i].nodePort {
                    if !NodePortAllocator.range.contains(np) {
                        errs.append(FieldError("spec.ports[\(i)].nodePort", .invalid(value: String(np), detail: "provided port is not in the valid range. The range of valid ports is 30000-32767")))
                    } else if used.contains(np), !oldPorts.contains(where: { $0.nodePort == np }) {
                        errs.append(FieldError("spec.ports[\(i)].nodePort", .invalid(value: String(np), detail: "provided port is already allocated")))
                    }
                    used.insert(np)
                } else {
                    let np = NodePortAllocator.allocate(used: used, random: &cluster.random)
                    ports[i].nodePort = np
                    used.insert(np)
                }
            }
            s.ports = ports
        } else if serviceType == "ClusterIP", var ports = s.ports {
            // Switching back to ClusterIP releases the node ports (and the external policy goes).
            for i in ports.indices { ports[i].nodePort = nil }
            s.ports = ports
            s.externalTrafficPolicy = nil
        }
        if !errs.isEmpty { throw APIError.invalid(kind: "Service", name: name, errs) }
        spec = s
        if status == nil { status = ServiceStatus() }
        if status?.loadBalancer == nil { status?.loadBalancer = .object([:]) }
    }

    static func table(_ objects: [Service], in cluster: Cluster) -> Table {
        let columns = ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"].map { Table.Column(name: $0, priority: 0) }
            + [Table.Column(name: "Selector", priority: 1)]
        return Table(columns: columns, rows: objects.map { svc in
            let s = svc.spec ?? ServiceSpec()
            let ports = (s.ports ?? []).map { p in
                let proto = p.protocol ?? "TCP"
                if let np = p.nodePort, np > 0 { return "\(p.port):\(np)/\(proto)" }
                return "\(p.port)/\(proto)"
            }.joined(separator: ",")
            return [svc.name, svc.serviceType, s.clusterIPs?.first ?? "<none>", svc.externalIPCell, ports.isEmpty ? "<none>" : ports,
                    cluster.age(svc), Service.formatLabels(s.selector)]
        })
    }

    /// EXTERNAL-IP as kubectl prints it (no cloud provider: load balancers stay pending).
    var externalIPCell: String {
        let ext = spec?.externalIPs ?? []
        switch serviceType {
        case "ClusterIP", "NodePort": return ext.isEmpty ? "<none>" : ext.joined(separator: ",")
        case "LoadBalancer": return ext.isEmpty ? "<pending>" : ext.joined(separator: ",")
        case "ExternalName": return spec?.externalName ?? ""
        default: return "<unknown>"
        }
    }

    /// labels.FormatLabels: sorted `k=v` pairs, `<none>` when empty.
    static func formatLabels(_ m: [String: String]?) -> String {
        let s = (m ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return s.isEmpty ? "<none>" : s
    }

    static var tracksGeneration: Bool { false }
}

/// Dotted-quad IPv4 helpers.
enum IPv4 {
    static func parse(_ s: String) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let b = UInt32(p), b <= 255 else { return nil }
            v = v << 8 | b
        }
        return v
    }

    static func format(_ v: UInt32) -> String {
        "\(v >> 24).\((v >> 16) & 255).\((v >> 8) & 255).\(v & 255)"
    }
}

/// The service CIDR allocator (kube-apiserver --service-cluster-ip-range=10.96.0.0/12).
enum ServiceIPAllocator {
    static let cidr = "10.96.0.0/12"
    static let base: UInt32 = 0x0A60_0000
    /// Usable addresses: the network and broadcast addresses are excluded.
    static let size = (1 << 20) - 2
    /// Dynamic allocations avoid the first addresses, which are left for static ones
    /// (min(max(16, size/16), 256) in the bitmap allocator).
    static let staticBand = 256

    static func check(_ ip: String, used: Set<String>) -> String? {
        guard let v = IPv4.parse(ip) else { return "the provided IP (\(ip)) is not in the valid range. The range of valid IPs is \(cidr)" }
        guard v > base, v < base + UInt32(size) + 1 else {
            return "the provided IP (\(ip)) is not in the valid range. The range of valid IPs is \(cidr)"
        }
        return used.contains(IPv4.format(v)) ? "provided IP is already allocated" : nil
    }

    /// A random free address from the dynamic band, scanning forward from a random offset.
    static func allocate(used: Set<String>, random: inout SeededRandom) -> String {
        let span = size - staticBand
        let start = random.int(0..<span)
        for k in 0..<span {
            let idx = staticBand + (start + k) % span
            let ip = IPv4.format(base + 1 + UInt32(idx))
            if !used.contains(ip) { return ip }
        }
        return IPv4.format(base + 1)
    }
}

/// The NodePort allocator (--service-node-port-range=30000-32767).
enum NodePortAllocator {
    static let range = 30000...32767
    /// min(max(16, size/32), 128): the low ports are left for static requests.
    static let staticBand = 86

    static func allocate(used: Set<Int>, random: inout SeededRandom) -> Int {
        let span = range.count - staticBand
        let start = random.int(0..<span)
        for k in 0..<span {
            let p = range.lowerBound + staticBand + (start + k) % span
            if !used.contains(p) { return p }
        }
        for p in range where !used.contains(p) { return p }
        return range.lowerBound
    }
}
