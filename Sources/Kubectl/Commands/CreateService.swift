import KubeAPI
import ClusterSim

// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (create_service.go).

extension Kubectl {
    func createService(_ inv: inout Invocation) throws {
        let f = inv.flags
        let kinds = ["clusterip": "ClusterIP", "nodeport": "NodePort", "loadbalancer": "LoadBalancer", "externalname": "ExternalName"]
        guard f.positionals.count >= 2 else {
            throw KubectlError("Required resource not specified.")
        }
        let sub = f.positionals[1]
        guard let type = kinds[sub] else {
            throw KubectlError("unknown command \"\(sub)\" for \"kubectl create service\"")
        }
        guard f.positionals.count == 3 else {
            throw UsageError(message: "exactly one NAME is required, got \(f.positionals.count - 2)", command: "create service \(sub)")
        }
        let name = f.positionals[2]
        let clusterIP = f.string("clusterip")
        let tcp = f.strings("tcp").flatMap { $0.split(separator: ",").map(String.init) }
        if tcp.isEmpty && type != "ExternalName" && clusterIP != "None" {
            throw KubectlError("at least one tcp port specifier must be provided")
        }
        if type == "ExternalName" && (f.string("external-name") ?? "").isEmpty {
            throw KubectlError("external name must be specified")
        }
        var nodePort: Int?
        if let np = f.string("node-port") {
            guard let n = Int(np) else {
                throw UsageError(message: "invalid argument \"\(np)\" for \"--node-port\" flag: strconv.ParseInt: parsing \"\(np)\": invalid syntax", command: "create service \(sub)")
            }
            nodePort = n == 0 ? nil : n
        }
        var ports: [ServicePort] = []
        for spec in tcp {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            // kubectl parses the port as a uint16 and checks a numeric target port's range.
            let digits = parts[0]
            guard parts.count <= 2, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw KubectlError("strconv.ParseUint: parsing \"\(parts[0])\": invalid syntax")
            }
            guard let port = Int(digits), port <= 65535 else {
                throw KubectlError("strconv.ParseUint: parsing \"\(digits)\": value out of range")
            }
            if parts.count == 2 {
                if let t = Int(parts[1]), !(1...65535).contains(t) { throw KubectlError("must be between 1 and 65535, inclusive") }
                if parts[1].isEmpty {
                    throw KubectlError("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)")
                }
            }
            var sp = ServicePort(port: port)
            sp.name = spec.replacingOccurrences(of: ":", with: "-")
            sp.protocol = "TCP"
            if parts.count == 2 {
                sp.targetPort = Int(parts[1]).map { .int($0) } ?? .string(parts[1])
            } else {
                sp.targetPort = .int(port)
            }
            sp.nodePort = nodePort
            ports.append(sp)
        }
        var spec = ServiceSpec()
        spec.type = type
        spec.ports = ports.isEmpty ? nil : ports
        // kubectl gives every generated service the `app: NAME` selector, ExternalName too.
        if type == "ExternalName" { spec.externalName = f.string("external-name") }
        spec.selector = ["app": name]
        if let ip = clusterIP, !ip.isEmpty { spec.clusterIP = ip }
        let svc = Service(metadata: ObjectMeta(name: name, namespace: inv.namespace, labels: ["app": name]), spec: spec)
        let dry = try DryRun.parse(f, out: &inv.out)
        if dry == .client, try printClientService(svc, &inv) { return }
        if dry != .client {
            do throws(APIError) {
                try cluster.create(svc, namespace: inv.namespace, dryRun: dry == .server)
            } catch {
                // create_service.go wraps every error: `failed to create NodePort service: <message>`.
                throw KubectlError("failed to create \(type) service: \(error.message)")
            }
        }
        inv.out.out("service/\(name) created\(dry.suffix)\n")
    }

    /// `--dry-run=client -o yaml|json|name|jsonpath`: the Service as kubectl built it, with
    /// the zero values it carries (creationTimestamp null, an empty load balancer status).
    /// Returns false when no output format was asked for.
    func printClientService(_ svc: Service, _ inv: inout Invocation) throws -> Bool {
        guard inv.flags.string("output") != nil else { return false }
        let format = try OutputFormat.parse(inv.flags.string("output"), template: inv.flags.string("template"), tableAllowed: false)
        var client = svc
        client.metadata.namespace = nil
        client.apiVersion = "v1"
        client.kind = "Service"
        var json = try JSONBridge.encode(client)
        json["metadata"]?["creationTimestamp"] = .null
        json["status"] = ["loadBalancer": [:]]
        switch format {
        case .name: inv.out.out("service/\(svc.name)\n")
        case .json: inv.out.out(OrderedJSON.inGoOrder(json, fields: Kubectl.serviceFieldOrder).pretty() + "\n")
        default: try printClientObject(json, format: format, into: &inv.out)
        }
        return true
    }

    /// The order of the fields `create service` can set, as the Go structs declare them
    /// (Service, ObjectMeta, ServiceSpec, ServicePort).
    static let serviceFieldOrder = [
        "kind", "apiVersion", "metadata", "spec", "status",
        "name", "namespace", "creationTimestamp", "labels",
        "ports", "selector", "clusterIP", "type", "externalName",
        "protocol", "port", "targetPort", "nodePort", "loadBalancer",
    ]
}
