import KubeAPI
import ClusterSim

enum GetCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("output", "o"), FlagSpec("selector", "l"), FlagSpec("all-namespaces", "A", value: false),
        FlagSpec("show-labels", value: false), FlagSpec("label-columns", "L"), FlagSpec("no-headers", value: false),
        FlagSpec("watch", "w", value: false), FlagSpec("watch-only", value: false), FlagSpec("output-watch-events", value: false),
        FlagSpec("show-kind", value: false), FlagSpec("template"), FlagSpec("sort-by"), FlagSpec("field-selector"),
        FlagSpec("ignore-not-found", value: false), FlagSpec("filename", "f"), FlagSpec("recursive", "R", value: false),
        FlagSpec("chunk-size"), FlagSpec("server-print", value: false), FlagSpec("show-managed-fields", value: false),
        FlagSpec("allow-missing-template-keys", value: false), FlagSpec("raw"), FlagSpec("subresource"),
    ]
}

extension Kubectl {
    func get(_ inv: inout Invocation) throws {
        let f = inv.flags
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"))
        if f.positionals.isEmpty && !f.has("filename") {
            throw RawError(text: """
            You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

            error: Required resource not specified.
            Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
            See 'kubectl get -h' for help and examples

            """)
        }
        let selector = try f.string("selector").map { s -> LabelQuery in
            do { return try LabelQuery.parse(s) } catch let e as APIError { throw KubectlError(e.message) }
        }
        let fieldFilter = try f.string("field-selector").map(FieldFilter.parse)
        let allNamespaces = f.bool("all-namespaces")
        var refs: [ResourceRef] = []
        if let file = f.string("filename") {
            for doc in try readManifests(file, inv) {
                refs.append(ResourceRef(type: doc.type, name: doc.object.name))
            }
        } else {
            refs = try resourceRefs(f.positionals)
        }
        var options = TableOptions()
        options.wide = format == .wide
        options.noHeaders = f.bool("no-headers")
        options.showLabels = f.bool("show-labels")
        options.labelColumns = f.strings("label-columns").flatMap { $0.split(separator: ",").map(String.init) }
        options.allNamespaces = allNamespaces
        let kinds = refs.reduce(into: [ResourceType]()) { if !$0.contains($1.type) { $0.append($1.type) } }
        options.showKind = f.bool("show-kind") || kinds.count > 1 || f.positionals.first?.split(separator: ",").contains("all") == true

        if f.bool("watch") || f.bool("watch-only") {
            guard kinds.count == 1 else {
                throw KubectlError("watch is only supported on individual resources and resource collections - more than 1 resource was found")
            }
            try watch(kinds[0], names: refs.compactMap(\.name), selector: selector, format: format, options: options, inv: &inv)
            return
        }

        var errors: [String] = []
        var groups: [(ResourceType, [any APIObject])] = []
        for r in kinds {
            let ns: String? = allNamespaces ? nil : namespaceFor(r, inv)
            var objs: [any APIObject] = []
            let named = refs.filter { $0.type == r }.compactMap(\.name)
            if named.isEmpty {
                objs = cluster.list(r, namespace: ns, selector: selector)
            } else {
                for n in named {
                    do { objs.append(try cluster.get(r, namespace: ns ?? inv.namespace, name: n)) }
                    catch { if !f.bool("ignore-not-found") { errors.append(error.kubectlText()) } }
                }
                if let sel = selector { objs = objs.filter { sel.matches($0.metadata.labels) } }
            }
            if let ff = fieldFilter { objs = try objs.filter { try ff.matches($0) } }
            if let key = f.string("sort-by") { objs = try sortObjects(objs, by: key) }
            groups.append((r, objs))
        }
        let all = groups.flatMap { $0.1 }
        switch format {
        case .table, .wide:
            var first = true
            for (r, objs) in groups where !objs.isEmpty {
                if !first { inv.out.out("\n") }
                first = false
                inv.out.out(TabWriter(.kubectlTable).format(rows: tableRows(r, objs, options: options, withHeader: true)))
            }
            if all.isEmpty && errors.isEmpty && refs.allSatisfy({ $0.name == nil }) {
                let namespaced = kinds.allSatisfy(\.namespaced)
                inv.out.err(namespaced && !allNamespaces ? "No resources found in \(inv.namespace) namespace.\n" : "No resources found\n")
            }
        default:
            let singleNamed = refs.count == 1 && refs[0].name != nil
            if !all.isEmpty || !singleNamed {
                try printObjects(all, format: format, into: &inv.out, forceList: !singleNamed)
            }
        }
        if !errors.isEmpty {
            inv.out.err(errors.joined(separator: "\n") + "\n")
            inv.out.exitCode = 1
        }
    }

    /// `--sort-by` with a JSONPath like `.metadata.name` or `{.status.startTime}`.
    func sortObjects(_ objs: [any APIObject], by key: String) throws -> [any APIObject] {
        var path = key
        if !path.hasPrefix("{") { path = "{" + path + "}" }
        let keyed = try objs.map { ($0, try runJSONPath(path, json($0))) }
        return keyed.sorted { a, b in
            if let x = Double(a.1), let y = Double(b.1) { return x < y }
            return a.1 < b.1
        }.map { $0.0 }
    }

    /// `get -w`: the current rows, then one row per change until the cluster is quiet
    /// (a script can't press Ctrl-C; the REPL will stream instead).
    func watch(_ r: ResourceType, names: [String], selector: LabelQuery?, format: OutputFormat,
               options: TableOptions, inv: inout Invocation) throws {
        let ns: String? = options.allNamespaces ? nil : namespaceFor(r, inv)
        func wanted(_ o: any APIObject) -> Bool {
            guard o.resource == r else { return false }
            if let n = ns, r.namespaced, o.namespace != n { return false }
            if !names.isEmpty && !names.contains(o.name) { return false }
            if let s = selector, !s.matches(o.metadata.labels) { return false }
            return true
        }
        var writer = StreamingTableWriter()
        let events = inv.flags.bool("output-watch-events")
        var printedHeader = false
        var text = ""
        func emit(_ objs: [any APIObject], event: String?) throws {
            guard !objs.isEmpty else { return }
            switch format {
            case .table, .wide:
                var rows = tableRows(r, objs, options: options, withHeader: !printedHeader)
                if events {
                    for i in rows.indices {
                        rows[i].insert(i == 0 && !printedHeader && !options.noHeaders ? "EVENT" : (event ?? "ADDED"), at: 0)
                    }
                }
                printedHeader = true
                text += writer.writeBatch(rows: rows)
            default:
                var o = CommandOutput()
                try printObjects(objs, format: format, into: &o)
                text += o.stdout
            }
        }
        if !inv.flags.bool("watch-only") {
            let current = cluster.list(r, namespace: ns, selector: selector).filter(wanted)
            try emit(current, event: "ADDED")
        }
        var pending: [(String, any APIObject)] = []
        let id = cluster.store.subscribe { change in
            if wanted(change.object) { pending.append((change.type.rawValue, change.object)) }
        }
        defer { cluster.store.unsubscribe(id) }
        let start = cluster.now
        while cluster.now - start < waitLimit {
            guard let due = cluster.nextTimerDue, due - start <= waitLimit else { break }
            cluster.advanceToNextBatch()
            for (type, obj) in pending { try emit([obj], event: type) }
            pending.removeAll()
        }
        inv.out.out(text)
    }
}

/// `--field-selector`: `metadata.name=x`, `status.phase!=Running`, `spec.nodeName=node01`.
struct FieldFilter {
    var terms: [(path: String, value: String, equal: Bool)]

    static func parse(_ s: String) throws -> FieldFilter {
        var terms: [(String, String, Bool)] = []
        for part in s.split(separator: ",") {
            let p = String(part)
            if let r = p.range(of: "!=") { terms.append((String(p[..<r.lowerBound]), String(p[r.upperBound...]), false)) }
            else if let r = p.range(of: "==") ?? p.range(of: "=") { terms.append((String(p[..<r.lowerBound]), String(p[r.upperBound...]), true)) }
            else { throw KubectlError("invalid selector: '\(s)'; can't understand '\(p)'") }
        }
        return FieldFilter(terms: terms)
    }

    func matches(_ o: any APIObject) throws -> Bool {
        let j = o.toJSON()
        for t in terms {
            // The field labels each kind's apiserver registry accepts.
            var supported = ["metadata.name", "metadata.namespace"]
            switch o.resource.kind {
            case "Pod": supported += ["status.phase", "spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                      "spec.serviceAccountName", "status.podIP", "status.nominatedNodeName", "spec.hostNetwork"]
            case "Event": supported += ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                                        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                                        "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"]
            case "Node": supported += ["spec.unschedulable"]
            case "Namespace": supported += ["status.phase"]
            case "ReplicaSet": supported += ["status.replicas"]
            default: break
            }
            guard supported.contains(t.path) else {
                throw APIError(reason: "BadRequest", message: "Unable to find \"\(o.resource.group.isEmpty ? "" : o.resource.group + "/")\(o.resource.version), Resource=\(o.resource.plural)\" that match label selector \"\", field selector \"\(t.path)=\(t.value)\": field label not supported: \(t.path)", code: 400)
            }
            let field = t.path == "source" ? "source.component" : t.path
            let raw = j.value(atPath: field)
            let v = raw?.stringValue ?? raw.map { $0.isNull ? "" : $0.compactJSON } ?? ""
            if (v == t.value) != t.equal { return false }
        }
        return true
    }
}
