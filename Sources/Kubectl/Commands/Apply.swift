import KubeAPI
import ClusterSim

enum ApplyCommand {
    static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"
    static let flags: [FlagSpec] = [
        FlagSpec("filename", "f"), FlagSpec("recursive", "R", value: false), FlagSpec("dry-run"), FlagSpec("output", "o"),
        FlagSpec("validate"), FlagSpec("server-side", value: false), FlagSpec("force-conflicts", value: false),
        FlagSpec("field-manager"), FlagSpec("prune", value: false), FlagSpec("selector", "l"), FlagSpec("overwrite", value: false),
        FlagSpec("record", value: false), FlagSpec("wait", value: false), FlagSpec("timeout"), FlagSpec("force", value: false),
        FlagSpec("grace-period"), FlagSpec("kustomize", "k"), FlagSpec("template"), FlagSpec("show-managed-fields", value: false),
        FlagSpec("cascade"), FlagSpec("all", value: false),
    ]
    static let createFlags: [FlagSpec] = [
        FlagSpec("filename", "f"), FlagSpec("recursive", "R", value: false), FlagSpec("dry-run"), FlagSpec("output", "o"),
        FlagSpec("validate"), FlagSpec("save-config", value: false), FlagSpec("record", value: false), FlagSpec("edit", value: false),
        FlagSpec("image"), FlagSpec("replicas", "r"), FlagSpec("port"), FlagSpec("template"), FlagSpec("field-manager"),
        FlagSpec("selector", "l"), FlagSpec("raw"), FlagSpec("windows-line-endings", value: false),
        FlagSpec("show-managed-fields", value: false), FlagSpec("from"), FlagSpec("restart"), FlagSpec("schedule"),
        FlagSpec("tcp"), FlagSpec("clusterip"), FlagSpec("node-port"), FlagSpec("external-name"),
    ]
}

/// `--dry-run` values: none, client, server; a bare `--dry-run` is the deprecated client form.
enum DryRun: Equatable {
    case none, client, server

    static func parse(_ flags: ParsedFlags, out: inout CommandOutput) throws -> DryRun {
        guard let v = flags.string("dry-run") else { return .none }
        switch v {
        case "client": return .client
        case "server": return .server
        case "none", "false": return .none
        case "true":
            out.err("W1126 00:00:00.000000       1 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n")
            return .client
        default: throw KubectlError("Invalid dry-run value (\(v)). Must be \"none\", \"server\", or \"client\".")
        }
    }

    var suffix: String {
        switch self { case .none: return ""; case .client: return " (dry run)"; case .server: return " (server dry run)" }
    }
}

extension Kubectl {
    func apply(_ inv: inout Invocation) throws {
        let f = inv.flags
        let paths = f.strings("filename")
        if paths.isEmpty { throw KubectlError("must specify one of -f and -k") }
        let dry = try DryRun.parse(f, out: &inv.out)
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)
        var errors: [Error] = []
        for path in paths {
            for entry in manifestStream(path, inv, recursive: f.bool("recursive")) {
                switch entry {
                case .object(let m): do { try applyOne(m, dry: dry, format: format, inv: &inv) } catch { errors.append(error) }
                case .failure(let e): errors.append(e)
                }
            }
        }
        report(errors, into: &inv.out)
    }

    /// Renders an error the way kubectl's CheckErr would, with its trailing newline.
    func errorText(_ error: Error, context: String = "") -> String {
        switch error {
        case let e as APIError: return e.kubectlText(context: context) + "\n"
        case let e as KubectlError: return "error: \(e.message)\n"
        case let e as RawError: return e.text
        default: return "error: \(error)\n"
        }
    }

    private func applyOne(_ m: Manifest, dry: DryRun, format: OutputFormat, inv: inout Invocation) throws {
        let ns = try targetNamespace(m, inv)
        let annotated = LastApplied.modified(m.json, namespace: m.type.namespaced ? ns : nil)
        let name = m.object.name
        let label = "\(m.type.qualifiedKind)/\(name)"
        if let current = try? cluster.get(m.type, namespace: ns, name: name) {
            let currentJSON = current.toJSON()
            let original = current.metadata.annotations?[ApplyCommand.lastAppliedKey].flatMap { try? JSONValue.parse($0) }
            if original == nil {
                inv.out.err("Warning: resource \(m.type.qualifiedPlural)/\(name) is missing the \(ApplyCommand.lastAppliedKey) annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n")
            }
            let merged: ApplyMerge.Outcome
            do {
                merged = try ApplyMerge.threeWay(original: original, modified: annotated, current: currentJSON, kind: m.type.kind)
            } catch {
                throw RawError(text: error.kubectlServerText + "\n")
            }
            if merged.patchIsEmpty {
                try report(current, label: label, verb: "unchanged", dry: dry, format: format, inv: &inv)
                return
            }
            let obj: any APIObject
            do { obj = try m.type.decode(merged.result) } catch let e as DecodeError {
                throw RawError(text: "Error from server (BadRequest): error when applying patch:\n\(merged.patch.compactJSON)\nto:\nResource: \"\(m.type.group.isEmpty ? "" : m.type.group + "/")\(m.type.version), Resource=\(m.type.plural)\", GroupVersionKind: \"\(m.type.group.isEmpty ? "" : m.type.group + "/")\(m.type.version), Kind=\(m.type.kind)\"\nName: \"\(name)\", Namespace: \"\(ns)\"\nfor: \"\(m.source)\": error when patching \"\(m.source)\": \(e.message)\n")
            }
            let updated = dry == .client ? obj : try cluster.update(obj, dryRun: dry == .server)
            try report(updated, label: label, verb: "configured", dry: dry, format: format, inv: &inv)
        } else {
            let obj = try m.type.decode(annotated)
            if dry == .client {
                try report(obj, label: label, verb: "created", dry: dry, format: format, inv: &inv)
                return
            }
            do {
                let created = try cluster.create(obj, namespace: ns, dryRun: dry == .server)
                try report(created, label: label, verb: "created", dry: dry, format: format, inv: &inv)
            } catch let e as APIError where e.reason != "Invalid" {
                throw RawError(text: e.kubectlText(context: "error when creating \"\(m.source)\": ") + "\n")
            }
        }
    }

    private func report(_ obj: any APIObject, label: String, verb: String, dry: DryRun, format: OutputFormat, inv: inout Invocation) throws {
        if format == .table {
            inv.out.out("\(label) \(verb)\(dry.suffix)\n")
        } else {
            try printObjects([obj], format: format, into: &inv.out)
        }
    }

    // MARK: - create

    func create(_ inv: inout Invocation) throws {
        let f = inv.flags
        if let sub = f.positionals.first {
            switch sub {
            case "deployment", "deploy": try createDeployment(&inv); return
            case "namespace", "ns": try createNamespace(&inv); return
            case "job": try createJob(&inv); return
            case "cronjob", "cj": try createCronJob(&inv); return
            case "service", "svc": try createService(&inv); return
            default:
                throw KubectlError("unknown command \"\(sub)\" for \"kubectl create\"")
            }
        }
        let paths = f.strings("filename")
        if paths.isEmpty {
            throw RawError(text: "error: must specify one of -f and -k\n\n")
        }
        let dry = try DryRun.parse(f, out: &inv.out)
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)
        var errors: [Error] = []
        for path in paths {
            for entry in manifestStream(path, inv, recursive: f.bool("recursive")) {
                guard case .object(let m) = entry else {
                    if case .failure(let e) = entry { errors.append(e) }
                    continue
                }
                do {
                    let ns = try targetNamespace(m, inv)
                    var json = m.json
                    if f.bool("save-config") { json = LastApplied.modified(m.json, namespace: m.type.namespaced ? ns : nil) }
                    let obj = try m.type.decode(json)
                    let label = "\(m.type.qualifiedKind)/\(obj.name)"
                    if dry == .client { try report(obj, label: label, verb: "created", dry: dry, format: format, inv: &inv); continue }
                    do {
                        let created = try cluster.create(obj, namespace: ns, dryRun: dry == .server)
                        try report(created, label: label, verb: "created", dry: dry, format: format, inv: &inv)
                    } catch let e as APIError where e.reason != "Invalid" {
                        throw RawError(text: e.kubectlText(context: "error when creating \"\(m.source)\": ") + "\n")
                    }
                } catch { errors.append(error) }
            }
        }
        report(errors, into: &inv.out)
    }

    /// `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND…]`.
    private func createDeployment(_ inv: inout Invocation) throws {
        let f = inv.flags
        guard f.positionals.count == 2 else {
            throw UsageError(message: "exactly one NAME is required, got \(f.positionals.count - 1)", command: "create deployment")
        }
        let name = f.positionals[1]
        let images = f.strings("image")
        guard !images.isEmpty else { throw KubectlError("required flag(s) \"image\" not set") }
        let dry = try DryRun.parse(f, out: &inv.out)
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)
        var replicas = 1
        if let r = f.string("replicas") {
            guard let n = Int(r) else {
                throw UsageError(message: "invalid argument \"\(r)\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"\(r)\": invalid syntax")
            }
            replicas = n
        }
        var port: Int? = nil
        if let p = f.string("port") {
            guard let n = Int(p) else {
                throw UsageError(message: "invalid argument \"\(p)\" for \"--port\" flag: strconv.ParseInt: parsing \"\(p)\": invalid syntax")
            }
            port = n
        }
        if images.count > 1 && f.afterDashes != nil {
            throw KubectlError("cannot specify multiple --image options and command")
        }
        let generated = DeploymentGenerator.ordered(name: name, images: images, replicas: replicas, port: port, command: f.afterDashes)
        let json = generated.value
        if dry == .client && format != .table {
            if format == .json { inv.out.out(generated.pretty() + "\n") } else { try printClientObject(json, format: format, into: &inv.out) }
            return
        }
        if dry == .client {
            inv.out.out("deployment.apps/\(name) created (dry run)\n")
            return
        }
        let obj = try ResourceType.deployments.decode(json)
        do {
            let created = try cluster.create(obj, namespace: inv.namespace, dryRun: dry == .server)
            if format == .table { inv.out.out("deployment.apps/\(name) created\(dry.suffix)\n") }
            else { try printObjects([created], format: format, into: &inv.out) }
        } catch let e as APIError where e.reason == "AlreadyExists" {
            throw KubectlError("failed to create deployment: \(e.message)")
        }
    }

    private func createNamespace(_ inv: inout Invocation) throws {
        let f = inv.flags
        guard f.positionals.count == 2 else {
            throw UsageError(message: "exactly one NAME is required, got \(f.positionals.count - 1)", command: "create namespace")
        }
        let name = f.positionals[1]
        let dry = try DryRun.parse(f, out: &inv.out)
        let created = try cluster.create(Namespace(metadata: ObjectMeta(name: name)), namespace: "", dryRun: dry != .none)
        inv.out.out("namespace/\(created.name) created\(dry.suffix)\n")
    }

    /// Objects built on the client (`create … --dry-run=client -o yaml`) print the Go struct
    /// as it is, with the zero values the apiserver would fill in later.
    func printClientObject(_ json: JSONValue, format: OutputFormat, into out: inout CommandOutput) throws {
        switch format {
        case .yaml: out.out(YAMLCodec.emit(json))
        case .json: out.out(json.prettyJSON() + "\n")
        case .name: out.out("\(json["kind"]?.stringValue?.lowercased() ?? "").apps/\(json["metadata"]?["name"]?.stringValue ?? "")\n")
        case .jsonpath(let t): out.out(try runJSONPath(t, json))
        case .goTemplate(let t): out.out(try runGoTemplate(t, json))
        default: break
        }
    }
}

/// What `kubectl create deployment` builds before sending it, fields in the Go structs' order
/// (`-o json` prints them so).
enum DeploymentGenerator {
    static func ordered(name: String, images: [String], replicas: Int, port: Int?, command: [String]?) -> OrderedJSON {
        func str(_ s: String) -> OrderedJSON { .leaf(.string(s)) }
        let containers: [OrderedJSON] = images.map { image in
            // The container is named after the image, even when two images share a name: the
            // apiserver then refuses the duplicate, as it does for kubectl.
            var cname = image
            if let at = cname.firstIndex(of: "@") { cname = String(cname[..<at]) }
            cname = cname.split(separator: "/").last.map(String.init) ?? cname
            if let colon = cname.firstIndex(of: ":") { cname = String(cname[..<colon]) }
            var c: [(String, OrderedJSON)] = [("name", str(cname)), ("image", str(image))]
            if let cmd = command, !cmd.isEmpty { c.append(("command", .array(cmd.map(str)))) }
            if let p = port { c.append(("ports", .array([.object([("containerPort", .leaf(.int(p)))])]))) }
            c.append(("resources", .object([])))
            return .object(c)
        }
        let labels = OrderedJSON.object([("app", str(name))])
        return .object([
            ("kind", str("Deployment")), ("apiVersion", str("apps/v1")),
            ("metadata", .object([("name", str(name)), ("creationTimestamp", .leaf(.null)), ("labels", labels)])),
            ("spec", .object([
                ("replicas", .leaf(.int(replicas))),
                ("selector", .object([("matchLabels", labels)])),
                ("template", .object([
                    ("metadata", .object([("creationTimestamp", .leaf(.null)), ("labels", labels)])),
                    ("spec", .object([("containers", .array(containers))])),
                ])),
                ("strategy", .object([])),
            ])),
            ("status", .object([])),
        ])
    }
}
