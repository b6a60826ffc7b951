import Foundation
import KubeAPI
import ClusterSim

extension DescribeContext {
    /// describePod.
    func describePod(_ pod: Pod) -> String {
        let w = DescribeWriter()
        let spec = pod.spec ?? PodSpec(containers: [])
        let status = pod.status ?? PodStatus()
        w.write(0, "Name:\t\(pod.name)\n")
        w.write(0, "Namespace:\t\(pod.namespace)\n")
        if let p = spec.priority { w.write(0, "Priority:\t\(p)\n") }
        if let pc = spec.priorityClassName, !pc.isEmpty { w.write(0, "Priority Class Name:\t\(pc)\n") }
        if let rc = spec.runtimeClassName, !rc.isEmpty { w.write(0, "Runtime Class Name:\t\(rc)\n") }
        if let sa = spec.serviceAccountName, !sa.isEmpty { w.write(0, "Service Account:\t\(sa)\n") }
        if let node = spec.nodeName, !node.isEmpty {
            w.write(0, "Node:\t\(node)/\(status.hostIP ?? "")\n")
        } else {
            w.write(0, "Node:\t<none>\n")
        }
        if let start = status.startTime { w.write(0, "Start Time:\t\(Describe.rfc1123Z(start))\n") }
        printLabels(w, "Labels", pod.metadata.labels)
        printAnnotations(w, "Annotations", pod.metadata.annotations)
        let phase = status.phase ?? ""
        if let del = pod.metadata.deletionTimestamp, phase != "Failed", phase != "Succeeded" {
            w.write(0, "Status:\tTerminating (lasts \(since(del)))\n")
            w.write(0, "Termination Grace Period:\t\(pod.metadata.deletionGracePeriodSeconds ?? 0)s\n")
        } else {
            w.write(0, "Status:\t\(phase)\n")
        }
        if let r = status.reason, !r.isEmpty { w.write(0, "Reason:\t\(r)\n") }
        if let m = status.message, !m.isEmpty { w.write(0, "Message:\t\(m)\n") }
        if let seccomp = spec.securityContext?["seccompProfile"], let type = seccomp["type"]?.stringValue {
            w.write(0, "SeccompProfile:\t\(type)\n")
            if type == "Localhost" { w.write(0, "LocalhostProfile:\t\(seccomp["localhostProfile"]?.stringValue ?? "")\n") }
        }
        w.write(0, "IP:\t\(status.podIP ?? "")\n")
        if let ips = status.podIPs, !ips.isEmpty {
            w.write(0, "IPs:\n")
            for ip in ips { w.write(1, "IP:\t\(ip.ip)\n") }
        } else {
            w.write(0, "IPs:\t<none>\n")
        }
        if let c = controlledBy(pod.metadata) { w.write(0, "Controlled By:\t\(c)\n") }
        let resolver = EnvResolver(pod: pod)
        if let inits = spec.initContainers, !inits.isEmpty {
            describeContainers(w, "Init Containers", inits, status.initContainerStatuses, resolver, space: "")
        }
        describeContainers(w, "Containers", spec.containers, status.containerStatuses, resolver, space: "")
        if let gates = spec.readinessGates?.arrayValue, !gates.isEmpty {
            w.write(0, "Readiness Gates:\n  Type\tStatus\n")
            for g in gates {
                let type = g["conditionType"]?.stringValue ?? ""
                let st = status.conditions?.first { $0.type == type }?.status ?? "<none>"
                w.write(1, "\(type) \t\(st) \n")
            }
        }
        if let conds = status.conditions, !conds.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\n")
            for c in conds { w.write(1, "\(c.type) \t\(c.status) \n") }
        }
        describeVolumes(w, spec.volumes, space: "")
        w.write(0, "QoS Class:\t\(ResourceLists.qosClass(pod))\n")
        printLabels(w, "Node-Selectors", spec.nodeSelector)
        printTolerations(w, "Tolerations", spec.tolerations)
        describeTopologySpreadConstraints(w, spec.topologySpreadConstraints, space: "")
        describeEvents(w, podEvents(pod))
        return w.finish()
    }

    /// A mirror pod's events are recorded against the static pod's uid (the config.mirror
    /// annotation), which kubectl searches instead of the mirror's own.
    private func podEvents(_ pod: Pod) -> [Event]? {
        guard showEvents else { return nil }
        guard let mirror = pod.metadata.annotations?["kubernetes.io/config.mirror"] else { return cluster.events(for: pod) }
        return cluster.list(.events, namespace: pod.namespace).compactMap { $0 as? Event }
            .filter { $0.involvedObject.uid == mirror && $0.involvedObject.name == pod.name }
            .sorted { ($0.firstTimestamp?.seconds ?? 0, Int($0.metadata.resourceVersion ?? "") ?? 0) < ($1.firstTimestamp?.seconds ?? 0, Int($1.metadata.resourceVersion ?? "") ?? 0) }
    }

    func describeTopologySpreadConstraints(_ w: DescribeWriter, _ value: JSONValue?, space: String) {
        guard var list = value?.arrayValue, !list.isEmpty else { return }
        DescribeGoSort.sort(&list) { GoText.less($0["topologyKey"]?.stringValue ?? "", $1["topologyKey"]?.stringValue ?? "") }
        w.write(0, "\(space)Topology Spread Constraints:\t")
        for (i, c) in list.enumerated() {
            if i != 0 {
                w.write(0, space)
                w.write(0, "\t")
            }
            var s = "\(c["topologyKey"]?.stringValue ?? ""):\(c["whenUnsatisfiable"]?.stringValue ?? "")"
            s += " when max skew \(c["maxSkew"]?.intValue ?? 0) is exceeded"
            if let sel = c["labelSelector"], !sel.isNull {
                let ls = (try? JSONBridge.decode(LabelSelector.self, from: sel)) ?? LabelSelector()
                s += " for selector \(formatSelector(ls))"
            }
            w.write(0, s + "\n")
        }
    }

    // MARK: - Containers

    /// describeContainers (also used for pod templates, where there are no statuses and no
    /// env resolver, and `space` is two spaces).
    func describeContainers(_ w: DescribeWriter, _ label: String, _ containers: [Container], _ statuses: [ContainerStatus]?,
                            _ resolver: EnvResolver?, space: String) {
        var byName: [String: ContainerStatus] = [:]
        for s in statuses ?? [] { byName[s.name] = s }
        w.write(0, "\(space)\(label):\(containers.isEmpty ? " <none>" : "")\n")
        for c in containers {
            let st = byName[c.name]
            let nameIndent = space.isEmpty ? "" : " "
            w.write(1, "\(nameIndent)\(c.name):\n")
            if let st { w.write(2, "Container ID:\t\(st.containerID ?? "")\n") }
            w.write(2, "Image:\t\(c.image ?? "")\n")
            if let st { w.write(2, "Image ID:\t\(st.imageID)\n") }
            let ports = (c.ports ?? []).map { "\($0.containerPort ?? 0)/\($0.protocol ?? "")" }.joined(separator: ", ")
            if ports.contains(",") { w.write(2, "Ports:\t\(ports)\n") } else { w.write(2, "Port:\t\(ports.isEmpty ? "<none>" : ports)\n") }
            let hostPorts = (c.ports ?? []).map { "\($0.hostPort ?? 0)/\($0.protocol ?? "")" }.joined(separator: ", ")
            if hostPorts.contains(",") { w.write(2, "Host Ports:\t\(hostPorts)\n") } else { w.write(2, "Host Port:\t\(hostPorts.isEmpty ? "<none>" : hostPorts)\n") }
            if let seccomp = c.securityContext?["seccompProfile"], let type = seccomp["type"]?.stringValue {
                w.write(2, "SeccompProfile:\t\(type)\n")
                if type == "Localhost" { w.write(3, "LocalhostProfile:\t\(seccomp["localhostProfile"]?.stringValue ?? "")\n") }
            }
            if let cmd = c.command, !cmd.isEmpty {
                w.write(2, "Command:\n")
                for part in cmd { for line in DescribeFormat.splitLines(part) { w.write(3, "\(line)\n") } }
            }
            if let args = c.args, !args.isEmpty {
                w.write(2, "Args:\n")
                for part in args { for line in DescribeFormat.splitLines(part) { w.write(3, "\(line)\n") } }
            }
            if let st {
                describeState(w, "State", st.state ?? ContainerState())
                if st.lastState?.terminated != nil { describeState(w, "Last State", st.lastState!) }
                w.write(2, "Ready:\t\(st.ready ? "True" : "False")\n")
                w.write(2, "Restart Count:\t\(st.restartCount)\n")
            }
            describeResources(w, c.resources, level: 2)
            if let p = c.livenessProbe { w.write(2, "Liveness:\t\(probeText(p))\n") }
            if let p = c.readinessProbe { w.write(2, "Readiness:\t\(probeText(p))\n") }
            if let p = c.startupProbe { w.write(2, "Startup:\t\(probeText(p))\n") }
            if let from = c.envFrom?.arrayValue, !from.isEmpty { describeEnvFrom(w, from) }
            describeEnv(w, c, resolver)
            describeMounts(w, c)
        }
    }

    private func describeState(_ w: DescribeWriter, _ name: String, _ state: ContainerState) {
        if let r = state.running {
            w.write(2, "\(name):\tRunning\n")
            w.write(3, "Started:\t\(Describe.rfc1123Z(r.startedAt))\n")
        } else if let wt = state.waiting {
            w.write(2, "\(name):\tWaiting\n")
            if let reason = wt.reason, !reason.isEmpty { w.write(3, "Reason:\t\(reason)\n") }
        } else if let t = state.terminated {
            w.write(2, "\(name):\tTerminated\n")
            if let reason = t.reason, !reason.isEmpty { w.write(3, "Reason:\t\(reason)\n") }
            if let m = t.message, !m.isEmpty { w.write(3, "Message:\t\(m)\n") }
            w.write(3, "Exit Code:\t\(t.exitCode)\n")
            if let s = t.signal, s > 0 { w.write(3, "Signal:\t\(s)\n") }
            w.write(3, "Started:\t\(Describe.rfc1123Z(t.startedAt))\n")
            w.write(3, "Finished:\t\(Describe.rfc1123Z(t.finishedAt))\n")
        } else {
            w.write(2, "\(name):\tWaiting\n")
        }
    }

    func describeResources(_ w: DescribeWriter, _ r: ResourceRequirements?, level: Int) {
        guard let r else { return }
        for (title, list) in [("Limits", r.limits ?? [:]), ("Requests", r.requests ?? [:])] where !list.isEmpty {
            w.write(level, "\(title):\n")
            for name in list.keys.sorted(by: GoText.less) {
                let q = list[name]!
                w.write(level + 1, "\(name):\t\(ResourceAmount(q)?.description ?? q.text)\n")
            }
        }
    }

    /// DescribeProbe.
    func probeText(_ p: Probe) -> String {
        let attrs = "delay=\(p.initialDelaySeconds ?? 0)s timeout=\(p.timeoutSeconds ?? 1)s period=\(p.periodSeconds ?? 10)s #success=\(p.successThreshold ?? 1) #failure=\(p.failureThreshold ?? 3)"
        if let e = p.exec {
            return "exec [\((e.command ?? []).joined(separator: " "))] \(attrs)"
        }
        if let h = p.httpGet {
            let scheme = (h.scheme ?? "HTTP").lowercased()
            let port = h.port.description
            let host = h.host ?? ""
            let hostPort = port.isEmpty ? host : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
            var url = scheme.isEmpty ? "" : scheme + ":"
            url += "//" + hostPort
            let path = h.path ?? ""
            if !path.isEmpty && !path.hasPrefix("/") { url += "/" }
            url += path
            return "http-get \(url) \(attrs)"
        }
        if let t = p.tcpSocket {
            return "tcp-socket \(t.host ?? ""):\(t.port.description) \(attrs)"
        }
        if let g = p.grpc, !g.isNull {
            return "grpc <pod>:\(g["port"]?.intValue ?? 0) \(g["service"]?.stringValue ?? "") \(attrs)"
        }
        return "unknown \(attrs)"
    }

    private func describeEnvFrom(_ w: DescribeWriter, _ from: [JSONValue]) {
        w.write(2, "Environment Variables from:\n")
        for e in from {
            var kind = "", name = "", optional = false
            if let cm = e["configMapRef"], !cm.isNull {
                kind = "ConfigMap"; name = cm["name"]?.stringValue ?? ""; optional = cm["optional"]?.boolValue ?? false
            } else if let s = e["secretRef"], !s.isNull {
                kind = "Secret"; name = s["name"]?.stringValue ?? ""; optional = s["optional"]?.boolValue ?? false
            }
            if let prefix = e["prefix"]?.stringValue, !prefix.isEmpty {
                w.write(3, "\(name)\t\(kind) with prefix '\(prefix)'\tOptional: \(optional)\n")
            } else {
                w.write(3, "\(name)\t\(kind)\tOptional: \(optional)\n")
            }
        }
    }

    private func describeEnv(_ w: DescribeWriter, _ c: Container, _ resolver: EnvResolver?) {
        let env = c.env ?? []
        w.write(2, "Environment:\(env.isEmpty ? "\t<none>" : "")\n")
        for e in env {
            guard let from = e.valueFrom, !from.isNull else {
                for (i, line) in DescribeFormat.splitLines(e.value ?? "").enumerated() {
                    w.write(3, i == 0 ? "\(e.name):\t\(line)\n" : "\t\(line)\n")
                }
                continue
            }
            if let f = from["fieldRef"], !f.isNull {
                let value = resolver?.fieldRef(f["fieldPath"]?.stringValue ?? "") ?? ""
                w.write(3, "\(e.name):\t\(value) (\(f["apiVersion"]?.stringValue ?? "v1"):\(f["fieldPath"]?.stringValue ?? ""))\n")
            } else if let r = from["resourceFieldRef"], !r.isNull {
                let resource = r["resource"]?.stringValue ?? ""
                var value = EnvResolver.containerResource(resource, divisor: r["divisor"], c)
                if value == "0" && (resource == "limits.cpu" || resource == "limits.memory") { value = "node allocatable" }
                w.write(3, "\(e.name):\t\(value) (\(resource))\n")
            } else if let s = from["secretKeyRef"], !s.isNull {
                w.write(3, "\(e.name):\t<set to the key '\(s["key"]?.stringValue ?? "")' in secret '\(s["name"]?.stringValue ?? "")'>\tOptional: \(s["optional"]?.boolValue ?? false)\n")
            } else if let cm = from["configMapKeyRef"], !cm.isNull {
                w.write(3, "\(e.name):\t<set to the key '\(cm["key"]?.stringValue ?? "")' of config map '\(cm["name"]?.stringValue ?? "")'>\tOptional: \(cm["optional"]?.boolValue ?? false)\n")
            }
        }
    }

    private func describeMounts(_ w: DescribeWriter, _ c: Container) {
        var mounts = c.volumeMounts ?? []
        w.write(2, "Mounts:\(mounts.isEmpty ? "\t<none>" : "")\n")
        DescribeGoSort.sort(&mounts) { GoText.less($0.mountPath, $1.mountPath) }
        for m in mounts {
            var flags = [m.readOnly == true ? "ro" : "rw"]
            if let sub = m.subPath, !sub.isEmpty { flags.append("path=\(GoText.quote(sub))") }
            w.write(3, "\(m.mountPath) from \(m.name) (\(flags.joined(separator: ",")))\n")
        }
        if let devices = c.volumeDevices?.arrayValue, !devices.isEmpty {
            w.write(2, "Devices:\n")
            var list = devices
            DescribeGoSort.sort(&list) { GoText.less($0["devicePath"]?.stringValue ?? "", $1["devicePath"]?.stringValue ?? "") }
            for d in list { w.write(3, "\(d["devicePath"]?.stringValue ?? "") from \(d["name"]?.stringValue ?? "")\n") }
        }
    }

    // MARK: - Volumes

    /// describeVolumes (pods: space ""; pod templates: space "  ").
    func describeVolumes(_ w: DescribeWriter, _ volumes: [Volume]?, space: String) {
        let list = volumes ?? []
        guard !list.isEmpty else { w.write(0, "\(space)Volumes:\t<none>\n"); return }
        w.write(0, "\(space)Volumes:\n")
        for v in list {
            w.write(1, "\(space.isEmpty ? "" : " ")\(v.name):\n")
            if let hp = v.hostPath, !hp.isNull {
                // The apiserver defaults an unset type to "" (HostPathUnset).
                w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t\(hp["path"]?.stringValue ?? "")\n    HostPathType:\t\(hp["type"]?.stringValue ?? "")\n")
            } else if let ed = v.emptyDir, !ed.isNull {
                let limit = ed["sizeLimit"].flatMap { s -> String? in
                    let q = s.stringValue.flatMap { ResourceAmount(parsing: $0) } ?? s.intValue.map { ResourceAmount(mantissa: $0, scale: 0, format: .decimalSI) }
                    guard let q, ResourceAmount.zero < q else { return nil }
                    return q.description
                } ?? "<unset>"
                w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\(ed["medium"]?.stringValue ?? "")\n    SizeLimit:\t\(limit)\n")
            } else if let s = v.secret, !s.isNull {
                w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t\(s["secretName"]?.stringValue ?? "")\n    Optional:\t\(s["optional"]?.boolValue ?? false)\n")
            } else if let cm = v.configMap, !cm.isNull {
                w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t\(cm["name"]?.stringValue ?? "")\n    Optional:\t\(cm["optional"]?.boolValue ?? false)\n")
            } else if let nfs = v.nfs, !nfs.isNull {
                w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t\(nfs["server"]?.stringValue ?? "")\n    Path:\t\(nfs["path"]?.stringValue ?? "")\n    ReadOnly:\t\(nfs["readOnly"]?.boolValue ?? false)\n")
            } else if let pvc = v.persistentVolumeClaim {
                w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t\(pvc.claimName)\n    ReadOnly:\t\(pvc.readOnly ?? false)\n")
            } else if let d = v.downwardAPI, !d.isNull {
                w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n")
                for item in d["items"]?.arrayValue ?? [] {
                    let path = item["path"]?.stringValue ?? ""
                    if let f = item["fieldRef"], !f.isNull { w.write(3, "\(f["fieldPath"]?.stringValue ?? "") -> \(path)\n") }
                    if let r = item["resourceFieldRef"], !r.isNull { w.write(3, "\(r["resource"]?.stringValue ?? "") -> \(path)\n") }
                }
            } else if let p = v.projected, !p.isNull {
                describeProjected(w, p, volume: v.name)
            } else {
                w.write(1, "<unknown>\n")
            }
        }
    }

    /// printProjectedVolumeSource as of v1.32: optional flags are printed as Go prints a
    /// `*bool` with %v — `<nil>` when unset, an address otherwise.
    private func describeProjected(_ w: DescribeWriter, _ p: JSONValue, volume: String) {
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
        for (i, source) in (p["sources"]?.arrayValue ?? []).enumerated() {
            func optional(_ v: JSONValue?) -> String {
                guard let v, !v.isNull else { return "<nil>" }
                return DescribeFormat.pointer(seed: "\(volume)/\(i)")
            }
            if let s = source["secret"], !s.isNull {
                w.write(2, "SecretName:\t\(s["name"]?.stringValue ?? "")\n    SecretOptionalName:\t\(optional(s["optional"]))\n")
            } else if let d = source["downwardAPI"], !d.isNull {
                w.write(2, "DownwardAPI:\ttrue\n")
            } else if let cm = source["configMap"], !cm.isNull {
                w.write(2, "ConfigMapName:\t\(cm["name"]?.stringValue ?? "")\n    ConfigMapOptional:\t\(optional(cm["optional"]))\n")
            } else if let t = source["serviceAccountToken"], !t.isNull {
                w.write(2, "TokenExpirationSeconds:\t\(t["expirationSeconds"]?.intValue ?? 3600)\n")
            }
        }
    }
}

/// Resolves `valueFrom` the way kubectl's describe does: fieldRef through
/// util/fieldpath.ExtractFieldPathAsString, which only knows metadata fields (so
/// `status.podIP` shows empty, as in real output).
struct EnvResolver {
    let pod: Pod

    func fieldRef(_ path: String) -> String {
        let meta = pod.metadata
        if let open = path.firstIndex(of: "["), path.hasSuffix("]") {
            let base = String(path[..<open])
            var key = String(path[path.index(after: open)..<path.index(before: path.endIndex)])
            if key.hasPrefix("'") && key.hasSuffix("'") && key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            switch base {
            case "metadata.annotations": return meta.annotations?[key] ?? ""
            case "metadata.labels": return meta.labels?[key] ?? ""
            default: return ""
            }
        }
        switch path {
        case "metadata.annotations": return formatMap(meta.annotations)
        case "metadata.labels": return formatMap(meta.labels)
        case "metadata.name": return meta.name ?? ""
        case "metadata.namespace": return meta.namespace ?? ""
        case "metadata.uid": return meta.uid ?? ""
        default: return ""
        }
    }

    private func formatMap(_ m: [String: String]?) -> String {
        let m = m ?? [:]
        return m.keys.sorted(by: GoText.less).map { "\($0)=\(GoText.quote(m[$0]!))" }.joined(separator: "\n")
    }

    /// resourcehelper.ExtractContainerResourceValue.
    static func containerResource(_ resource: String, divisor: JSONValue?, _ c: Container) -> String {
        var div = ResourceAmount(mantissa: 1, scale: 0, format: .decimalSI)
        if let d = divisor, let q = d.stringValue.flatMap({ ResourceAmount(parsing: $0) }) ?? d.intValue.map({ ResourceAmount(mantissa: $0, scale: 0, format: .decimalSI) }),
           !q.isZero {
            div = q
        }
        let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == "limits" || parts[0] == "requests" else { return "" }
        let list = parts[0] == "limits" ? c.resources?.limits : c.resources?.requests
        let q = ResourceAmount(list?[parts[1]]) ?? .zero
        switch parts[1] {
        case "cpu":
            let v = (Double(q.milliValue) / Double(div.milliValue)).rounded(.up)
            return String(Int(v))
        case "memory", "ephemeral-storage":
            let v = (Double(q.value) / Double(div.value)).rounded(.up)
            return String(Int(v))
        default:
            if parts[1].hasPrefix("hugepages-") {
                let v = (Double(q.value) / Double(div.value)).rounded(.up)
                return String(Int(v))
            }
            return ""
        }
    }
}

extension DescribeFormat {
    /// A believable Go heap address (`0xc000a1b2c4`) for `%v` of a non-nil pointer, stable for
    /// a given seed.
    static func pointer(seed: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in seed.utf8 { h ^= UInt32(b); h = h &* 16_777_619 }
        let v = 0xc000000000 + UInt64(h & 0x00ff_fff8)
        return "0x" + String(v, radix: 16)
    }
}
