import KubeAPI

/// One address in a DNS answer, with the name a reverse (PTR) lookup of it gives.
public struct DNSRecord: Sendable, Equatable {
    public let ip: String
    /// e.g. "kubernetes.default.svc.cluster.local" for 10.96.0.1; nil when there is no PTR.
    public let ptrName: String?
    public init(ip: String, ptrName: String?) { self.ip = ip; self.ptrName = ptrName }
}

public enum DNSAnswer: Sendable, Equatable {
    /// fqdn: the name that matched after applying the search path (no trailing dot).
    case found(fqdn: String, records: [DNSRecord])
    case nxdomain
}

extension Cluster {
    public static let dnsServiceIP = "10.96.0.10"
    public static let clusterDomain = "cluster.local"

    /// What a pod in `namespace` (ClusterFirst dnsPolicy) gets for `name`: search path
    /// `NS.svc.cluster.local svc.cluster.local cluster.local`, ndots:5, absolute names with a
    /// trailing dot skip the search.
    public func resolve(_ name: String, fromNamespace namespace: String) -> DNSAnswer {
        let n = name.lowercased()
        guard !n.isEmpty, !n.hasPrefix(".") else { return .nxdomain }
        if n.hasSuffix(".") { return lookup(String(n.dropLast())) }
        let search = ["\(namespace).svc.\(Cluster.clusterDomain)", "svc.\(Cluster.clusterDomain)", Cluster.clusterDomain]
        // ndots:5 — a name with fewer dots is tried with each search domain first.
        var candidates = search.map { "\(n).\($0)" }
        if n.filter({ $0 == "." }).count >= 5 { candidates.insert(n, at: 0) } else { candidates.append(n) }
        for c in candidates {
            let a = lookup(c)
            if case .found = a { return a }
        }
        return .nxdomain
    }

    /// One query to CoreDNS's kubernetes plugin for a fully qualified name (no trailing dot).
    func lookup(_ fqdn: String) -> DNSAnswer {
        let zone = "." + Cluster.clusterDomain
        guard fqdn.hasSuffix(zone) else { return .nxdomain }
        let labels = fqdn.dropLast(zone.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.allSatisfy({ !$0.isEmpty }) else { return .nxdomain }
        // a-b-c-d.NS.pod.cluster.local: CoreDNS ("pods insecure") answers with the IP it spells.
        if labels.count == 3, labels[2] == "pod" {
            let ip = labels[0].replacingOccurrences(of: "-", with: ".")
            guard IPv4.parse(ip) != nil, store.get(Namespace.self, namespace: "", name: labels[1]) != nil else { return .nxdomain }
            return .found(fqdn: fqdn, records: [DNSRecord(ip: ip, ptrName: reverseLookup(ip))])
        }
        guard labels.count >= 3, labels.last == "svc" else { return .nxdomain }
        let ns = labels[labels.count - 2], svcName = labels[labels.count - 3]
        guard let svc = store.get(Service.self, namespace: ns, name: svcName) else { return .nxdomain }
        let endpoints = dnsEndpoints(of: svc)
        if labels.count == 3 {
            if svc.serviceType == "ExternalName" { return .nxdomain }
            if let ip = svc.virtualIP {
                return .found(fqdn: fqdn, records: [DNSRecord(ip: ip, ptrName: "\(svcName).\(ns).svc.\(Cluster.clusterDomain)")])
            }
            guard !endpoints.isEmpty else { return .nxdomain }
            return .found(fqdn: fqdn, records: endpoints.map { DNSRecord(ip: $0.ip, ptrName: $0.name) })
        }
        // HOST.SVC.NS.svc.cluster.local: one endpoint of the service, by hostname or dashed IP.
        guard labels.count == 4 else { return .nxdomain }
        let matches = endpoints.filter { $0.host == labels[0] }
        guard !matches.isEmpty else { return .nxdomain }
        return .found(fqdn: fqdn, records: matches.map { DNSRecord(ip: $0.ip, ptrName: $0.name) })
    }

    /// The endpoints CoreDNS publishes for a service: the ready addresses of its
    /// EndpointSlices (all of them with publishNotReadyAddresses), in slice order.
    func dnsEndpoints(of svc: Service) -> [(ip: String, host: String, name: String)] {
        let all = svc.spec?.publishNotReadyAddresses == true
        var out: [(ip: String, host: String, name: String)] = []
        for slice in store.list(EndpointSlice.self, namespace: svc.namespace)
        where slice.metadata.labels?["kubernetes.io/service-name"] == svc.name {
            for e in slice.endpoints ?? [] where all || e.conditions?.ready != false {
                for ip in e.addresses {
                    let host = e.hostname ?? ip.replacingOccurrences(of: ".", with: "-")
                    out.append((ip, host, "\(host).\(svc.name).\(svc.namespace).svc.\(Cluster.clusterDomain)"))
                }
            }
        }
        return out
    }

    /// The PTR name for an IP, nil if none: a service's ClusterIP gives the service's name, an
    /// endpoint address `HOST.SVC.NS.svc.cluster.local` (CoreDNS's reverse index).
    public func reverseLookup(_ ip: String) -> String? {
        let services = store.list(Service.self)
        if let svc = services.first(where: { $0.virtualIP == ip }) {
            return "\(svc.name).\(svc.namespace).svc.\(Cluster.clusterDomain)"
        }
        for svc in services where svc.serviceType != "ExternalName" {
            if let e = dnsEndpoints(of: svc).first(where: { $0.ip == ip }) { return e.name }
        }
        return nil
    }

    /// The lines of /etc/resolv.conf a pod gets.
    public func resolvConf(forNamespace namespace: String) -> String {
        "search \(namespace).svc.\(Cluster.clusterDomain) svc.\(Cluster.clusterDomain) \(Cluster.clusterDomain)\nnameserver \(Cluster.dnsServiceIP)\noptions ndots:5\n"
    }
}
