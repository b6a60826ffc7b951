import KubeAPI
import ClusterSim

/// `kubectl cordon`, `uncordon`, `drain` and `taint`: the node maintenance commands, worded
/// as kubectl v1.32 words them (staging/src/k8s.io/kubectl/pkg/cmd/drain, pkg/drain, cmd/taint).
enum NodeCommands {
    static let cordonFlags: [FlagSpec] = [FlagSpec("selector", "l"), FlagSpec("dry-run")]
    static let drainFlags: [FlagSpec] = [
        FlagSpec("selector", "l"), FlagSpec("dry-run"), FlagSpec("force", value: false),
        FlagSpec("ignore-daemonsets", value: false), FlagSpec("ignore-errors", value: false),
        FlagSpec("delete-emptydir-data", value: false), FlagSpec("delete-local-data", value: false),
        FlagSpec("grace-period"), FlagSpec("timeout"), FlagSpec("pod-selector"),
        FlagSpec("disable-eviction", value: false), FlagSpec("skip-wait-for-delete-timeout"),
        FlagSpec("chunk-size"),
    ]
    static let taintFlags: [FlagSpec] = [
        FlagSpec("selector", "l"), FlagSpec("dry-run"), FlagSpec("overwrite", value: false), FlagSpec("all", value: false),
        FlagSpec("output", "o"), FlagSpec("field-manager"), FlagSpec("validate"),
    ]

    static let daemonSetFatal = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)"
    static let daemonSetWarning = "ignoring DaemonSet-managed Pods"
    static let localStorageFatal = "Pods with local storage (use --delete-emptydir-data to override)"
    static let localStorageWarning = "deleting Pods with local storage"
    static let unmanagedFatal = "cannot delete Pods that declare no controller (use --force to override)"
    static let unmanagedWarning = "deleting Pods that declare no controller"
}

extension Kubectl {
    func cordon(_ inv: inout Invocation) throws { try cordonCommand(&inv, unschedulable: true) }
    func uncordon(_ inv: inout Invocation) throws { try cordonCommand(&inv, unschedulable: false) }

    /// The nodes a cordon/uncordon/drain names: by name, or by `-l`.
    private func nodesFor(_ inv: Invocation, use: String) throws -> [Node] {
        let names = inv.flags.positionals
        if let sel = inv.flags.string("selector") {
            if !names.isEmpty { throw UsageError(message: "error: cannot specify both a node name and a --selector option") }
            let query: LabelQuery
            do { query = try LabelQuery.parse(sel) } catch let e as APIError { throw KubectlError(e.message) }
            let nodes = cluster.list(.nodes, namespace: nil, selector: query).compactMap { $0 as? Node }
            if nodes.isEmpty { throw KubectlError("No resources found") }
            return nodes.sorted { $0.name < $1.name }
        }
        guard !names.isEmpty else { throw UsageError(message: "USAGE: \(use) [flags]") }
        return try names.map { name throws -> Node in
            guard let n = try cluster.get(.nodes, namespace: "", name: name) as? Node else { throw APIError.notFound(.nodes, name) }
            return n
        }
    }

    private func cordonCommand(_ inv: inout Invocation, unschedulable: Bool) throws {
        let dry = try DryRun.parse(inv.flags, out: &inv.out)
        let nodes = try nodesFor(inv, use: unschedulable ? "cordon NODE" : "uncordon NODE")
        setUnschedulable(nodes, unschedulable, dry, &inv)
    }

    /// RunCordonOrUncordon: `node/NAME cordoned`, or `already cordoned`.
    private func setUnschedulable(_ nodes: [Node], _ unschedulable: Bool, _ dry: DryRun, _ inv: inout Invocation) {
        let verb = unschedulable ? "cordoned" : "uncordoned"
        for node in nodes {
            if (node.spec?.unschedulable ?? false) == unschedulable {
                inv.out.out("node/\(node.name) already \(verb)\(dry.suffix)\n")
                continue
            }
            if dry != .client {
                var n = node
                var spec = n.spec ?? NodeSpec()
                spec.unschedulable = unschedulable ? true : nil
                n.spec = spec
                n.metadata.resourceVersion = nil
                do { try cluster.update(n, dryRun: dry == .server) } catch {
                    inv.out.err("error: unable to \(unschedulable ? "cordon" : "uncordon") node \"\(node.name)\": \(error.message)\n")
                    continue
                }
            }
            inv.out.out("node/\(node.name) \(verb)\(dry.suffix)\n")
        }
    }

    // MARK: - drain

    func drain(_ inv: inout Invocation) throws {
        let dry = try DryRun.parse(inv.flags, out: &inv.out)
        if let ps = inv.flags.string("pod-selector"), (try? LabelQuery.parse(ps)) == nil {
            throw KubectlError("--pod-selector=<pod_selector> must be a valid label selector")
        }
        let nodes = try nodesFor(inv, use: "drain NODE")
        setUnschedulable(nodes, true, dry, &inv)
        var failed: [String] = []
        var errors: [String] = []
        for node in nodes {
            do {
                try drainNode(node.name, dry, &inv)
                inv.out.out("node/\(node.name) drained\(dry.suffix)\n")
            } catch let e as DrainFailure {
                inv.out.err("error: unable to drain node \"\(node.name)\" due to error: \(e.message), continuing command...\n")
                failed.append(node.name)
                errors.append(e.message)
            }
        }
        guard !failed.isEmpty else { return }
        var text = "There are pending nodes to be drained:\n" + failed.map { " \($0)\n" }.joined()
        text += errors.map { $0 + "\n" }.joined()
        throw RawError(text: text)
    }

    private struct DrainFailure: Error { let message: String }

    /// One pod and what drain's filters decided for it.
    private struct PodVerdict {
        let pod: Pod
        var delete: Bool
        var warning: String?
        var error: String?
    }

    /// GetPodsForDeletion: the node's pods through drain's filters, in the order the
    /// apiserver lists them (namespace, then name).
    private func podsForDeletion(_ node: String, _ inv: Invocation) -> [PodVerdict] {
        let force = inv.flags.bool("force")
        let ignoreDS = inv.flags.bool("ignore-daemonsets")
        let emptyDir = inv.flags.bool("delete-emptydir-data") || inv.flags.bool("delete-local-data")
        let selector = inv.flags.string("pod-selector").flatMap { try? LabelQuery.parse($0) }
        let pods = cluster.list(.pods, namespace: nil, selector: selector).compactMap { $0 as? Pod }
            .filter { $0.spec?.nodeName == node }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        return pods.map { pod in
            var v = PodVerdict(pod: pod, delete: true)
            let finished = pod.phase == "Succeeded" || pod.phase == "Failed"
            let ref = pod.metadata.controllerRef
            // daemonSetFilter
            if let ref, ref.kind == "DaemonSet", !finished {
                if (try? cluster.get(.daemonsets, namespace: pod.namespace, name: ref.name)) == nil {
                    let msg = "daemonsets.apps \"\(ref.name)\" not found"
                    if force { v.warning = msg } else { v.delete = false; v.error = msg; return v }
                } else if !ignoreDS {
                    v.delete = false; v.error = NodeCommands.daemonSetFatal; return v
                } else {
                    v.delete = false; v.warning = NodeCommands.daemonSetWarning; return v
                }
            }
            // mirrorPodFilter: static pods the kubelet runs from files stay.
            if pod.metadata.annotations?["kubernetes.io/config.mirror"] != nil
                || pod.metadata.annotations?["kubernetes.io/config.source"] == "file" {
                v.delete = false; v.warning = nil; return v
            }
            // localStorageFilter
            if (pod.spec?.volumes ?? []).contains(where: { $0.emptyDir != nil }), !finished {
                if !emptyDir { v.delete = false; v.error = NodeCommands.localStorageFatal; return v }
                v.warning = NodeCommands.localStorageWarning
            }
            // unreplicatedFilter
            if ref == nil, !finished {
                if !force { v.delete = false; v.error = NodeCommands.unmanagedFatal; return v }
                v.warning = NodeCommands.unmanagedWarning
            }
            return v
        }
    }

    private func drainNode(_ node: String, _ dry: DryRun, _ inv: inout Invocation) throws {
        let verdicts = podsForDeletion(node, inv)
        // PodDeleteList.errors: one line per message, pods joined; "cannot delete" added when missing.
        var errorOrder: [String] = []
        var errorPods: [String: [String]] = [:]
        for v in verdicts { if let e = v.error {
            if errorPods[e] == nil { errorOrder.append(e) }
            errorPods[e, default: []].append("\(v.pod.namespace)/\(v.pod.name)")
        } }
        if !errorOrder.isEmpty {
            let msgs = errorOrder.map { e -> String in
                let pods = errorPods[e]!.joined(separator: ", ")
                return e.lowercased().hasPrefix("cannot delete") ? "\(e): \(pods)" : "cannot delete \(e): \(pods)"
            }
            throw DrainFailure(message: msgs.count == 1 ? msgs[0] : "[" + msgs.joined(separator: ", ") + "]")
        }
        var warningOrder: [String] = []
        var warningPods: [String: [String]] = [:]
        for v in verdicts { if let w = v.warning {
            if warningPods[w] == nil { warningOrder.append(w) }
            warningPods[w, default: []].append("\(v.pod.namespace)/\(v.pod.name)")
        } }
        if !warningOrder.isEmpty {
            inv.out.err("Warning: " + warningOrder.map { "\($0): \(warningPods[$0]!.joined(separator: ", "))" }.joined(separator: "; ") + "\n")
        }
        let victims = verdicts.filter(\.delete).map(\.pod)
        if dry == .client {
            for p in victims { inv.out.out("evicting pod \(p.namespace)/\(p.name) (dry run)\n") }
            return
        }
        let grace = inv.flags.string("grace-period").flatMap { Int($0) }.flatMap { $0 < 0 ? nil : $0 }
        let disableEviction = inv.flags.bool("disable-eviction")
        for p in victims {
            inv.out.out(dry == .server ? "evicting pod \(p.namespace)/\(p.name) (server dry run)\n" : "evicting pod \(p.namespace)/\(p.name)\n")
            if dry == .server { continue }
            _ = try? cluster.delete(.pods, namespace: p.namespace, name: p.name, gracePeriod: grace)
        }
        if dry == .server { return }
        // waitForDelete: each pod is reported once it is gone (or replaced by a namesake).
        let timeout = inv.flags.string("timeout").flatMap(Kubectl.parseDuration).flatMap { $0 > 0 ? $0 : nil }
        let limit = timeout ?? waitLimit
        let start = cluster.now
        var pending = victims
        let verb = disableEviction ? "deleted" : "evicted"
        while true {
            pending = pending.filter { p in
                let cur = cluster.store.get(Pod.self, namespace: p.namespace, name: p.name)
                guard cur == nil || cur?.metadata.uid != p.metadata.uid else { return true }
                inv.out.out("pod/\(p.name) \(verb)\n")
                return false
            }
            if pending.isEmpty { return }
            // kubectl polls every second.
            guard cluster.now - start < limit else { break }
            cluster.advance(by: 1)
        }
        let shown = timeout.map { Kubectl.formatDuration($0) } ?? "\(Int(limit))s"
        var text = "There are pending pods in node \"\(node)\" when an error occurred: drain did not complete within \(shown)\n"
        for p in pending { text += "pod/\(p.name)\n" }
        inv.out.err(text)
        throw DrainFailure(message: "drain did not complete within \(shown)")
    }

    static func formatDuration(_ s: Double) -> String {
        var rest = Int(s)
        var out = ""
        if rest >= 3600 { out += "\(rest / 3600)h"; rest %= 3600 }
        if rest >= 60 || !out.isEmpty { out += "\(rest / 60)m"; rest %= 60 }
        return out + "\(rest)s"
    }

    // MARK: - taint

    func taint(_ inv: inout Invocation) throws {
        let dry = try DryRun.parse(inv.flags, out: &inv.out)
        var resources: [String] = []
        var specs: [String] = []
        for s in inv.flags.positionals {
            let isTaint = s.contains("=") || s.contains(":") || s.hasSuffix("-")
            if isTaint { specs.append(s) }
            else if specs.isEmpty { resources.append(s) }
            else { throw KubectlError("all resources must be specified before taint changes: \(s)") }
        }
        guard !resources.isEmpty else { throw KubectlError("one or more resources must be specified as <resource> <name>") }
        guard !specs.isEmpty else { throw KubectlError("at least one taint update is required") }
        let (add, remove) = try Kubectl.parseTaints(specs)
        let type = resources[0].lowercased()
        guard let r = ResourceType.lookup(type) else {
            throw KubectlError("the server doesn't have a resource type \"\(type)\"")
        }
        guard r == .nodes else { throw KubectlError("invalid resource type \(type), only node types are supported") }
        var conflicts: [String] = []
        for a in add { for rm in remove where a.key == rm.key && (rm.effect.isEmpty || rm.effect == a.effect) {
            conflicts.append("{\"\(rm.key)\":\"\(rm.effect)\"}")
        } }
        if !conflicts.isEmpty {
            throw KubectlError("can not both modify and remove the following taint(s) in the same command: \(conflicts.joined(separator: ", "))")
        }
        let all = inv.flags.bool("all"), selector = inv.flags.string("selector")
        if all && selector != nil { throw KubectlError("setting 'all' parameter with a non empty selector is prohibited") }
        var nodes: [Node]
        if all || selector != nil {
            let query: LabelQuery?
            do { query = try selector.map { try LabelQuery.parse($0) } } catch let e as APIError { throw KubectlError(e.message) }
            nodes = cluster.list(.nodes, namespace: nil, selector: query).compactMap { $0 as? Node }.sorted { $0.name < $1.name }
            if resources.count > 1 {
                nodes = nodes.filter { resources.dropFirst().contains($0.name) }
            }
        } else {
            guard resources.count >= 2 else {
                throw KubectlError("at least one resource name must be specified since 'all' parameter is not set")
            }
            nodes = []
            for name in resources.dropFirst() {
                guard let n = cluster.store.get(Node.self, namespace: "", name: name) else {
                    inv.out.err(APIError.notFound(.nodes, name).kubectlText() + "\n")
                    inv.out.exitCode = 1
                    continue
                }
                nodes.append(n)
            }
        }
        for node in nodes {
            let old = node.spec?.taints ?? []
            if !inv.flags.bool("overwrite") {
                let existing = add.filter { a in old.contains { $0.key == a.key && $0.effect == a.effect } }.map(\.key)
                if !existing.isEmpty {
                    throw KubectlError("node \(node.name) already has \(existing.joined(separator: ",")) taint(s) with same effect(s) and --overwrite is false")
                }
            }
            // reorganizeTaints: the new taints first, then the old ones they don't replace.
            var taints = add.map { t -> Taint in var t = t; if t.value == "" { t.value = nil }; return t }
            for o in old where !taints.contains(where: { $0.key == o.key && $0.effect == o.effect }) { taints.append(o) }
            let added = old.count != taints.count
            var removed = false
            var missing: [String] = []
            for rm in remove {
                let before = taints.count
                taints.removeAll { $0.key == rm.key && (rm.effect.isEmpty || $0.effect == rm.effect) }
                removed = taints.count != before
                if !removed { missing.append("taint \"\(rm.effect.isEmpty ? rm.key : "\(rm.key):\(rm.effect)")\" not found") }
            }
            if !missing.isEmpty {
                throw KubectlError(missing.count == 1 ? missing[0] : "[" + missing.joined(separator: ", ") + "]")
            }
            let operation = (added && removed) || inv.flags.bool("overwrite") ? "modified" : added ? "tainted" : "untainted"
            if dry != .client {
                var n = node
                var spec = n.spec ?? NodeSpec()
                spec.taints = taints.isEmpty ? nil : taints
                n.spec = spec
                n.metadata.resourceVersion = nil
                try cluster.update(n, dryRun: dry == .server)
            }
            inv.out.out("node/\(node.name) \(operation)\(dry.suffix)\n")
        }
    }

    /// parseTaints: `key=value:Effect` and `key:Effect` add, `key:Effect-` and `key-` remove.
    static func parseTaints(_ specs: [String]) throws -> (add: [Taint], remove: [(key: String, effect: String)]) {
        var add: [Taint] = []
        var remove: [(key: String, effect: String)] = []
        for spec in specs {
            if spec.hasSuffix("-") {
                let t = try parseTaint(String(spec.dropLast()))
                remove.append((t.key, t.effect))
                continue
            }
            let t = try parseTaint(spec)
            if t.effect.isEmpty { throw UsageError(message: "invalid taint spec: \(spec)") }
            if add.contains(where: { $0.key == t.key && $0.effect == t.effect }) {
                throw UsageError(message: "duplicated taints with the same key and effect: {\(t.key) \(t.value ?? "") \(t.effect) <nil>}")
            }
            add.append(t)
        }
        return (add, remove)
    }

    private static func parseTaint(_ st: String) throws -> Taint {
        let parts = st.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var key = "", value = "", effect = ""
        switch parts.count {
        case 1:
            key = parts[0]
        case 2:
            effect = parts[1]
            guard ["NoSchedule", "PreferNoSchedule", "NoExecute"].contains(effect) else {
                throw UsageError(message: "invalid taint effect: \(effect), unsupported taint effect")
            }
            let kv = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            if kv.count > 2 { throw UsageError(message: "invalid taint spec: \(st)") }
            key = kv[0]
            if kv.count == 2 {
                value = kv[1]
                if !isLabelValue(value) {
                    throw UsageError(message: "invalid taint spec: \(st), a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
                }
            }
        default:
            throw UsageError(message: "invalid taint spec: \(st)")
        }
        if let problem = qualifiedNameProblem(key) { throw UsageError(message: "invalid taint spec: \(st), \(problem)") }
        return Taint(key: key, value: value, effect: effect)
    }

    private static func isLabelValue(_ v: String) -> Bool {
        if v.isEmpty { return true }
        guard v.count <= 63, let f = v.first, let l = v.last, f.isASCII && (f.isLetter || f.isNumber), l.isASCII && (l.isLetter || l.isNumber) else { return false }
        return v.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    /// validation.IsQualifiedName's first complaint, if any.
    private static func qualifiedNameProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        switch parts.count {
        case 1: name = parts[0]
        case 2:
            if parts[0].isEmpty { return "prefix part must be non-empty" }
            name = parts[1]
        default:
            return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
        }
        if name.isEmpty { return "name part must be non-empty" }
        if name.count > 63 { return "name part must be no more than 63 characters" }
        if !isLabelValue(name) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
        }
        return nil
    }
}
