import KubeAPI

/// A server-side printed table (meta.k8s.io/v1 Table): column definitions and rows whose
/// cells are already formatted, as pkg/printers/internalversion produces them.
public struct Table: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public let name: String
        /// 0 = always shown; 1 = only with `-o wide`.
        public let priority: Int
    }
    public var columns: [Column]
    public var rows: [[String]]
}

extension Cluster {
    /// The table the apiserver would return for these objects of one resource type.
    public func table(_ r: ResourceType, _ objects: [any APIObject]) -> Table {
        let now = self.now
        func age(_ o: any APIObject) -> String {
            guard let t = o.metadata.creationTimestamp else { return "<unknown>" }
            return HumanDuration.format(seconds: now - t.seconds)
        }
        func cols(_ names: [String], wide: [String] = []) -> [Table.Column] {
            names.map { Table.Column(name: $0, priority: 0) } + wide.map { Table.Column(name: $0, priority: 1) }
        }
        func containers(_ t: PodTemplateSpec?) -> (String, String) {
            let cs = t?.spec?.containers ?? []
            return (cs.map(\.name).joined(separator: ","), cs.map { $0.image ?? "" }.joined(separator: ","))
        }
        switch r.kind {
        case "Pod":
            return Table(columns: cols(["Name", "Ready", "Status", "Restarts", "Age"], wide: ["IP", "Node", "Nominated Node", "Readiness Gates"]),
                         rows: objects.map { o in
                let p = o as! Pod
                return [p.name, PodPrinting.ready(p), PodPrinting.status(p), PodPrinting.restarts(p, now: now), age(p),
                        p.status?.podIPs?.first?.ip ?? p.status?.podIP ?? "<none>", p.spec?.nodeName ?? "<none>", "<none>", "<none>"]
            })
        case "ReplicaSet":
            return Table(columns: cols(["Name", "Desired", "Current", "Ready", "Age"], wide: ["Containers", "Images", "Selector"]),
                         rows: objects.map { o in
                let rs = o as! ReplicaSet
                let (c, i) = containers(rs.spec?.template)
                return [rs.name, String(rs.specReplicas), String(rs.status?.replicas ?? 0), String(rs.status?.readyReplicas ?? 0), age(rs),
                        c, i, rs.spec?.selector?.formatted ?? "<none>"]
            })
        case "Deployment":
            return Table(columns: cols(["Name", "Ready", "Up-to-date", "Available", "Age"], wide: ["Containers", "Images", "Selector"]),
                         rows: objects.map { o in
                let d = o as! Deployment
                let (c, i) = containers(d.spec?.template)
                let sel = d.spec?.selector?.formatted ?? ""
                return [d.name, "\(d.status?.readyReplicas ?? 0)/\(d.specReplicas)", String(d.status?.updatedReplicas ?? 0),
                        String(d.status?.availableReplicas ?? 0), age(d), c, i, sel == "<none>" ? "" : sel]
            })
        case "Node":
            return Table(columns: cols(["Name", "Status", "Roles", "Age", "Version"],
                                       wide: ["Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"]),
                         rows: objects.map { o in
                let n = o as! Node
                var status = n.status?.conditions?.first { $0.type == "Ready" }.map { $0.status == "True" ? "Ready" : "NotReady" } ?? "Unknown"
                if n.spec?.unschedulable == true { status += ",SchedulingDisabled" }
                var roles = Set<String>()
                for (k, v) in n.metadata.labels ?? [:] {
                    if k.hasPrefix("node-role.kubernetes.io/") { roles.insert(String(k.dropFirst("node-role.kubernetes.io/".count))) }
                    if k == "kubernetes.io/role" { roles.insert(v) }
                }
                let info = n.status?.nodeInfo
                return [n.name, status, roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ","), age(n), info?.kubeletVersion ?? "",
                        n.internalIP ?? "<none>", n.status?.addresses?.first { $0.type == "ExternalIP" }?.address ?? "<none>",
                        info?.osImage ?? "<unknown>", info?.kernelVersion ?? "<unknown>", info?.containerRuntimeVersion ?? "<unknown>"]
            })
        case "Namespace":
            return Table(columns: cols(["Name", "Status", "Age"]), rows: objects.map { o in
                let n = o as! Namespace
                return [n.name, n.metadata.deletionTimestamp != nil ? "Terminating" : (n.status?.phase ?? "Active"), age(n)]
            })
        case "Event":
            let columns = [("Last Seen", 0), ("Type", 0), ("Reason", 0), ("Object", 0), ("Subobject", 1), ("Source", 1),
                           ("Message", 0), ("First Seen", 1), ("Count", 1), ("Name", 1)].map { Table.Column(name: $0.0, priority: $0.1) }
            return Table(columns: columns,
                         rows: objects.map { o in
                let e = o as! Event
                let last = e.lastTimestamp ?? e.firstTimestamp ?? e.metadata.creationTimestamp
                let first = e.firstTimestamp ?? e.metadata.creationTimestamp
                let obj = "\((e.involvedObject.kind ?? "").lowercased())/\(e.involvedObject.name ?? "")"
                let source = [e.source?.component, e.source?.host].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                return [last.map { HumanDuration.format(seconds: now - $0.seconds) } ?? "<unknown>", e.type ?? "", e.reason ?? "", obj,
                        e.involvedObject.fieldPath ?? "", source, (e.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines), first.map { HumanDuration.format(seconds: now - $0.seconds) } ?? "<unknown>",
                        String(e.count ?? 1), e.name]
            })
        default:
            if let s = Cluster.strategy(r) { return s.tableAny(objects, in: self) }
            return Table(columns: cols(["Name", "Age"]), rows: objects.map { [$0.name, age($0)] })
        }
    }
}

import Foundation
