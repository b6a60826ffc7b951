import KubeAPI
import ClusterSim

/// The `-o` formats kubectl's printer flags accept.
enum OutputFormat: Equatable {
    case table, wide, yaml, json, name
    case jsonpath(String)
    case goTemplate(String)
    case customColumns([(header: String, path: String)])

    static func == (a: OutputFormat, b: OutputFormat) -> Bool {
        switch (a, b) {
        case (.table, .table), (.wide, .wide), (.yaml, .yaml), (.json, .json), (.name, .name): return true
        case (.jsonpath(let x), .jsonpath(let y)), (.goTemplate(let x), .goTemplate(let y)): return x == y
        default: return false
        }
    }

    static let allowed = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"

    /// Parses `-o VALUE` (and `--template`).
    static func parse(_ value: String?, template: String?, tableAllowed: Bool = true) throws -> OutputFormat {
        guard let v = value, !v.isEmpty else {
            if let t = template { return .goTemplate(t) }
            return .table
        }
        let (kind, arg): (String, String?) = {
            if let eq = v.firstIndex(of: "=") { return (String(v[..<eq]), String(v[v.index(after: eq)...])) }
            return (v, nil)
        }()
        switch kind {
        case "wide" where tableAllowed: return .wide
        case "yaml": return .yaml
        case "json": return .json
        case "name": return .name
        case "jsonpath", "jsonpath-as-json":
            guard let t = arg ?? template, !t.isEmpty else { throw KubectlError("template format specified but no template given") }
            return .jsonpath(t)
        case "go-template", "template":
            guard let t = arg ?? template, !t.isEmpty else { throw KubectlError("template format specified but no template given") }
            return .goTemplate(t)
        case "custom-columns":
            guard let spec = arg, !spec.isEmpty else { throw KubectlError("custom-columns format specified but no custom columns given") }
            var cols: [(String, String)] = []
            for part in spec.split(separator: ",") {
                let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
                guard pair.count == 2 else {
                    throw KubectlError("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
                }
                cols.append((pair[0], pair[1]))
            }
            return .customColumns(cols)
        default:
            throw KubectlError("unable to match a printer suitable for the output format \"\(v)\", allowed formats are: \(allowed)")
        }
    }
}

/// Options that shape `kubectl get` tables.
struct TableOptions {
    var wide = false
    var noHeaders = false
    var showLabels = false
    var labelColumns: [String] = []
    var allNamespaces = false
    var showKind = false
}

extension Kubectl {
    /// The untyped object as `get -o yaml|json` shows it.
    func json(_ o: any APIObject) -> JSONValue { o.toJSON() }

    static func listJSON(_ items: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
    }

    /// Prints objects in a non-table format; several objects print as a List.
    func printObjects(_ objects: [any APIObject], format: OutputFormat, into out: inout CommandOutput, forceList: Bool = false) throws {
        let items = objects.map(json)
        let doc = (items.count == 1 && !forceList) ? items[0] : Kubectl.listJSON(items)
        switch format {
        case .yaml: out.out(YAMLCodec.emit(doc))
        case .json: out.out(doc.prettyJSON() + "\n")
        case .name: for o in objects { out.out("\(o.resource.qualifiedKind)/\(o.name)\n") }
        case .jsonpath(let t): out.out(try runJSONPath(t, doc))
        case .goTemplate(let t): out.out(try runGoTemplate(t, doc))
        case .customColumns(let cols):
            var rows: [[String]] = [cols.map { $0.header }]
            for item in items {
                rows.append(try cols.map { c in
                    var path = c.path.trimmingCharacters(in: .whitespaces)
                    if !path.hasPrefix("{") { path = "{" + (path.hasPrefix(".") ? "" : ".") + path + "}" }
                    let v = try runJSONPath(path, item)
                    return v.isEmpty ? "<none>" : v
                })
            }
            out.out(TabWriter(.kubectlTable).format(rows: rows))
        case .table, .wide:
            break
        }
    }

    /// Lays out one kind's server-side table as kubectl's table printer does.
    func tableRows(_ r: ResourceType, _ objects: [any APIObject], options: TableOptions, withHeader: Bool) -> [[String]] {
        let table = cluster.table(r, objects)
        let visible = table.columns.indices.filter { options.wide || table.columns[$0].priority == 0 }
        var rows: [[String]] = []
        if withHeader && !options.noHeaders {
            var header = visible.map { table.columns[$0].name.uppercased() }
            if options.allNamespaces && r.namespaced { header.insert("NAMESPACE", at: 0) }
            header += options.labelColumns.map { ($0.split(separator: "/").last.map(String.init) ?? $0).uppercased() }
            if options.showLabels { header.append("LABELS") }
            rows.append(header)
        }
        for (i, o) in objects.enumerated() {
            var cells = visible.map { TabWriter.tableCell(table.rows[i][$0]) }
            if options.showKind { cells[0] = "\(r.qualifiedKind)/\(cells[0])" }
            if options.allNamespaces && r.namespaced { cells.insert(o.namespace, at: 0) }
            for key in options.labelColumns { cells.append(o.metadata.labels?[key] ?? "") }
            if options.showLabels {
                let l = (o.metadata.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                cells.append(l.isEmpty ? "<none>" : l)
            }
            rows.append(cells)
        }
        return rows
    }
}
