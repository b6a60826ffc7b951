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
            if f.has("sort-by") { inv.out.err("warning: --watch or --watch-only requested, --sort-by will be ignored\n") }
            // The builder's SingleResourceType(): `get pod,svc -w`, `get all -w`.
            if !(f.positionals.first?.contains("/") ?? true),
               (try resourceRefs(Array(f.positionals.prefix(1)))).count > 1 {
                throw KubectlError("you may only specify a single resource type")
            }
            guard kinds.count == 1 else {
                throw KubectlError("watch is only supported on individual resources and resource collections - more than 1 resource was found")
            }
            try watch(kinds[0], names: refs.compactMap(\.name), selector: selector, fieldFilter: fieldFilter,
                      format: format, options: options, inv: &inv)
            return
        }
        if f.bool("output-watch-events") {
            throw UsageError(message: "--output-watch-events option can only be used with --watch or --watch-only")
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

    /// `get -w`: the current rows, then one row per watch event. In a script the watch lasts
    /// until the cluster is quiet (nobody can press Ctrl-C); `startWatch` hands the stream to
    /// a caller that advances time itself (the REPL, a background job in the shell).
    func watch(_ r: ResourceType, names: [String], selector: LabelQuery?, fieldFilter: FieldFilter?,
               format: OutputFormat, options: TableOptions, inv: inout Invocation) throws {
        let ns: String? = options.allNamespaces || !r.namespaced ? nil : namespaceFor(r, inv)
        let watchOnly = inv.flags.bool("watch-only")
        let printer = WatchPrinter(kubectl: self, resource: r, format: format, options: options,
                                   withEvents: inv.flags.bool("output-watch-events"))
        // The current state: the list, or the named objects (NotFound is an error).
        var current: [any APIObject]
        if names.isEmpty {
            current = cluster.list(r, namespace: ns, selector: selector)
        } else {
            current = try names.map { try cluster.get(r, namespace: ns ?? inv.namespace, name: $0) }
        }
        if let ff = fieldFilter { current = try current.filter { try ff.matches($0) } }
        if !watchOnly { try printer.print(current, event: "ADDED", into: &inv.out) }
        if names.count > 1 {
            throw KubectlError("you may only watch a single resource or type of resource at a time")
        }
        func matches(_ o: any APIObject) -> Bool {
            guard o.resource == r else { return false }
            if let n = ns, o.namespace != n { return false }
            if let name = names.first, o.name != name { return false }
            if let s = selector, !s.matches(o.metadata.labels) { return false }
            if let ff = fieldFilter, (try? ff.matches(o)) != true { return false }
            return true
        }
        let stream = WatchStream(cluster: cluster, waitLimit: waitLimit)
        stream.subscribe { change, out in
            // As the apiserver's watch cache filters: an object that starts matching arrives as
            // ADDED, one that stops matching as DELETED (with its previous state).
            let now = matches(change.object)
            let before = change.type == .modified ? change.old.map(matches) ?? false : now
            let event: String
            let object: any APIObject
            switch (change.type, before, now) {
            case (.deleted, _, true): (event, object) = ("DELETED", change.object)
            case (.added, _, true), (.modified, false, true): (event, object) = ("ADDED", change.object)
            case (.modified, true, true): (event, object) = ("MODIFIED", change.object)
            case (.modified, true, false): (event, object) = ("DELETED", change.old ?? change.object)
            default: return true
            }
            do {
                try printer.print([object], event: event, into: &out)
                return true
            } catch {
                WatchPrinter.report(error, into: &out)
                return false
            }
        }
        if streamRequested {
            stream.write(inv.out)
            inv.out = stream.takeOutput()
            startedStream = stream
            return
        }
        let rest = stream.runUntilQuiet()
        for c in rest.chunks { c.stream == .stdout ? inv.out.out(c.text) : inv.out.err(c.text) }
        if rest.exitCode != 0 { inv.out.exitCode = rest.exitCode }
    }
}

/// Prints watch events the way kubectl's printers do, one `PrintObj` + `Flush` per event:
/// tables through one tabwriter that remembers column widths (a wider STATUS widens every
/// later row), the header once, with the first row printed; `--output-watch-events` adds
/// an EVENT column (or wraps documents in `{type, object}`); YAML documents are separated
/// by `---`.
final class WatchPrinter {
    let kubectl: Kubectl
    let resource: ResourceType
    let format: OutputFormat
    let options: TableOptions
    let withEvents: Bool
    private var writer = StreamingTableWriter()
    private var printedHeader = false
    private var printed = 0

    init(kubectl: Kubectl, resource: ResourceType, format: OutputFormat, options: TableOptions, withEvents: Bool) {
        self.kubectl = kubectl
        self.resource = resource
        self.format = format
        self.options = options
        self.withEvents = withEvents
    }

    /// A printer error ends the watch; worded as `Kubectl.run` words errors.
    static func report(_ error: Error, into out: inout CommandOutput) {
        switch error {
        case let e as KubectlError: out.err("error: \(e.message)\n")
        case let e as APIError: out.err(e.kubectlText() + "\n")
        case let e as RawError: out.err(e.text)
        case let e as PrinterFailure: out.out(e.stdout); out.err(e.stderr)
        default: out.err("error: \(error)\n")
        }
        out.exitCode = 1
    }

    /// One `PrintObj` per object, then one `Flush`: the initial list is laid out as one table,
    /// each later event on its own (with the widths remembered).
    func print(_ objects: [any APIObject], event: String, into out: inout CommandOutput) throws {
        switch format {
        case .table, .wide:
            guard !objects.isEmpty else { return }
            let header = !printedHeader && !options.noHeaders
            var rows = kubectl.tableRows(resource, objects, options: options, withHeader: !printedHeader)
            if withEvents {
                for i in rows.indices { rows[i].insert(i == 0 && header ? "EVENT" : event, at: 0) }
            }
            printedHeader = true
            out.out(writer.writeBatch(rows: rows))
        default:
            for o in objects { try print(o, event: event, into: &out) }
        }
    }

    private func print(_ object: any APIObject, event: String, into out: inout CommandOutput) throws {
        printed += 1
        switch format {
        case .table, .wide:
            break
        case .customColumns:
            var o = CommandOutput()
            try kubectl.printObjects([object], format: format, into: &o)
            // The custom-columns printer prints its header for the first object only.
            var text = o.stdout
            if printed > 1, let nl = text.firstIndex(of: "\n") { text = String(text[text.index(after: nl)...]) }
            out.out(text)
        default:
            var o = CommandOutput()
            if withEvents {
                let doc: JSONValue = ["type": .string(event), "object": kubectl.json(object)]
                try kubectl.printDocument(doc, format: format, kind: object.resource.qualifiedKind, name: object.name, into: &o)
            } else {
                try kubectl.printObjects([object], format: format, into: &o)
            }
            if format == .yaml && printed > 1 { out.out("---\n") }
            out.out(o.stdout)
        }
    }
}

extension Kubectl {
    /// One document (a watch event) in a non-table format.
    func printDocument(_ doc: JSONValue, format: OutputFormat, kind: String, name: String, into out: inout CommandOutput) throws {
        switch format {
        case .yaml: out.out(YAMLCodec.emit(doc))
        case .json: out.out(doc.prettyJSON() + "\n")
        case .name: out.out("\(kind)/\(name)\n")
        case .jsonpath(let t): out.out(try runJSONPath(t, doc))
        case .goTemplate(let t): out.out(try runGoTemplate(t, doc))
        default: break
        }
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
