import KubeAPI
import ClusterSim

// `kubectl create job` and `kubectl create cronjob` (kubectl/pkg/cmd/create/create_job.go,
// create_cronjob.go): the objects they build on the client, `--from=cronjob/NAME`.

extension Kubectl {
    /// `kubectl create job NAME --image=IMAGE [-- COMMAND…]` or `--from=cronjob/NAME`.
    func createJob(_ inv: inout Invocation) throws {
        let f = inv.flags
        guard f.positionals.count == 2 else {
            throw UsageError(message: "exactly one NAME is required, got \(f.positionals.count - 1)", command: "create job")
        }
        let name = f.positionals[1]
        let image = f.strings("image").last ?? ""
        let from = f.string("from") ?? ""
        if image.isEmpty == from.isEmpty { throw KubectlError("either --image or --from must be specified") }
        if let cmd = f.afterDashes, !cmd.isEmpty, !from.isEmpty { throw KubectlError("cannot specify --from and command") }
        let dry = try DryRun.parse(f, out: &inv.out)
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)

        let built: OrderedJSON
        if from.isEmpty {
            built = BatchGenerator.job(name: name, image: image, command: f.afterDashes)
        } else {
            built = .leaf(try jobFromCronJob(name: name, from: from, inv))
        }
        if dry == .client {
            if format == .table { inv.out.out("job.batch/\(name) created (dry run)\n") }
            else { try printBatchClientObject(built, kind: "job", name: name, format: format, into: &inv.out) }
            return
        }
        let obj = try ResourceType.jobs.decode(built.value)
        do {
            let created = try cluster.create(obj, namespace: inv.namespace, dryRun: dry == .server)
            if format == .table { inv.out.out("job.batch/\(name) created\(dry.suffix)\n") }
            else { try printObjects([created], format: format, into: &inv.out) }
        } catch let e as APIError where e.reason == "AlreadyExists" {
            throw KubectlError("failed to create job: \(e.message)")
        }
    }

    /// createJobFromCronJob: the CronJob's job template, marked as started by hand and owned
    /// by the CronJob (without blockOwnerDeletion).
    private func jobFromCronJob(name: String, from: String, _ inv: Invocation) throws -> JSONValue {
        guard let slash = from.firstIndex(of: "/") else {
            throw KubectlError("from must be an existing cronjob: the server doesn't have a resource type \"\(from)\"")
        }
        let typeText = String(from[..<slash]), cjName = String(from[from.index(after: slash)...])
        let type = try resourceType(typeText)
        guard type == .cronjobs else {
            throw KubectlError("from must be an existing cronjob: no kind \"\(type.kind)\" is registered for version \"batch/v1\" in scheme \"k8s.io/kubectl/pkg/scheme/scheme.go:28\"")
        }
        guard let cj = try cluster.get(.cronjobs, namespace: inv.namespace, name: cjName) as? CronJob else {
            throw APIError.notFound(.cronjobs, cjName)
        }
        var meta = ObjectMeta(name: name)
        var annotations = ["cronjob.kubernetes.io/instantiate": "manual"]
        for (k, v) in cj.spec?.jobTemplate?.metadata?.annotations ?? [:] { annotations[k] = v }
        meta.annotations = annotations
        meta.labels = cj.spec?.jobTemplate?.metadata?.labels
        meta.ownerReferences = [OwnerReference(apiVersion: "batch/v1", kind: "CronJob", name: cj.name, uid: cj.metadata.uid ?? "",
                                               controller: true, blockOwnerDeletion: nil)]
        var job = Job(metadata: meta, spec: cj.spec?.jobTemplate?.spec ?? JobSpec())
        job.apiVersion = "batch/v1"
        job.kind = "Job"
        var json = try JSONBridge.encode(job)
        // The Go struct prints its zero values: a null creationTimestamp and an empty status.
        if case .object(var o) = json {
            if case .object(var m) = o["metadata"] ?? .null { m["creationTimestamp"] = .null; o["metadata"] = .object(m) }
            o["status"] = .object([:])
            json = .object(o)
        }
        return json
    }

    /// `kubectl create cronjob NAME --image=IMAGE --schedule='…' [--restart=…] [-- COMMAND…]`.
    func createCronJob(_ inv: inout Invocation) throws {
        let f = inv.flags
        let image = f.strings("image").last
        let schedule = f.string("schedule")
        let missing = [image == nil ? "\"image\"" : nil, schedule == nil ? "\"schedule\"" : nil].compactMap { $0 }
        if !missing.isEmpty {
            let list = missing.map { $0.replacingOccurrences(of: "\"", with: "\\\"") }.joined(separator: ", ")
            throw RawError(text: "E1126 00:00:00.000000       1 run.go:72] \"command failed\" err=\"required flag(s) \(list) not set\"\n")
        }
        guard f.positionals.count == 2 else {
            throw UsageError(message: "exactly one NAME is required, got \(f.positionals.count - 1)", command: "create cronjob")
        }
        let name = f.positionals[1]
        let dry = try DryRun.parse(f, out: &inv.out)
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)
        let restart = f.string("restart").flatMap { $0.isEmpty ? nil : $0 } ?? "OnFailure"
        let built = BatchGenerator.cronJob(name: name, image: image ?? "", schedule: schedule ?? "", restart: restart, command: f.afterDashes)
        if dry == .client {
            if format == .table { inv.out.out("cronjob.batch/\(name) created (dry run)\n") }
            else { try printBatchClientObject(built, kind: "cronjob", name: name, format: format, into: &inv.out) }
            return
        }
        let obj = try ResourceType.cronjobs.decode(built.value)
        do {
            let created = try cluster.create(obj, namespace: inv.namespace, dryRun: dry == .server)
            if format == .table { inv.out.out("cronjob.batch/\(name) created\(dry.suffix)\n") }
            else { try printObjects([created], format: format, into: &inv.out) }
        } catch let e as APIError where e.reason == "AlreadyExists" {
            throw KubectlError("failed to create cronjob: \(e.message)")
        }
    }
}

/// A JSON value that keeps its keys in the order given: the Go structs kubectl prints with
/// `--dry-run=client -o json` list their fields in declaration order, not sorted.
indirect enum OrderedJSON {
    case leaf(JSONValue)
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])

    var value: JSONValue {
        switch self {
        case .leaf(let v): return v
        case .object(let pairs): return .object(Dictionary(pairs.map { ($0.0, $0.1.value) }, uniquingKeysWith: { $1 }))
        case .array(let items): return .array(items.map(\.value))
        }
    }

    /// `value` with every object's keys in the order `fields` lists them (others after, sorted):
    /// a Go struct's declaration order for the few fields a generator sets.
    static func inGoOrder(_ value: JSONValue, fields: [String]) -> OrderedJSON {
        let rank = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        switch value {
        case .object(let o):
            let keys = o.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
            return .object(keys.map { ($0, inGoOrder(o[$0]!, fields: fields)) })
        case .array(let a):
            return .array(a.map { inGoOrder($0, fields: fields) })
        default:
            return .leaf(value)
        }
    }

    /// json.MarshalIndent with four spaces, as kubectl's JSON printer writes.
    func pretty(_ depth: Int = 0) -> String {
        let pad = String(repeating: "    ", count: depth + 1), end = String(repeating: "    ", count: depth)
        switch self {
        case .leaf(let v): return GoJSON.marshalIndent(v, indent: "    ")
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + GoJSON.marshal(JSONValue.string($0.0)) + ": " + $0.1.pretty(depth + 1) }.joined(separator: ",\n") + "\n" + end + "}"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + $0.pretty(depth + 1) }.joined(separator: ",\n") + "\n" + end + "]"
        }
    }
}

/// What `kubectl create job` / `create cronjob` build before sending them, fields in the Go
/// structs' order.
enum BatchGenerator {
    static func str(_ s: String) -> OrderedJSON { .leaf(.string(s)) }

    static func container(name: String, image: String, command: [String]?) -> OrderedJSON {
        var c: [(String, OrderedJSON)] = [("name", str(name)), ("image", str(image))]
        if let cmd = command, !cmd.isEmpty { c.append(("command", .array(cmd.map(str)))) }
        c.append(("resources", .object([])))
        return .object(c)
    }

    static func podTemplate(name: String, image: String, restart: String, command: [String]?) -> OrderedJSON {
        .object([
            ("metadata", .object([("creationTimestamp", .leaf(.null))])),
            ("spec", .object([("containers", .array([container(name: name, image: image, command: command)])), ("restartPolicy", str(restart))])),
        ])
    }

    static func job(name: String, image: String, command: [String]?) -> OrderedJSON {
        .object([
            ("kind", str("Job")), ("apiVersion", str("batch/v1")),
            ("metadata", .object([("name", str(name)), ("creationTimestamp", .leaf(.null))])),
            ("spec", .object([("template", podTemplate(name: name, image: image, restart: "Never", command: command))])),
            ("status", .object([])),
        ])
    }

    static func cronJob(name: String, image: String, schedule: String, restart: String, command: [String]?) -> OrderedJSON {
        .object([
            ("kind", str("CronJob")), ("apiVersion", str("batch/v1")),
            ("metadata", .object([("name", str(name)), ("creationTimestamp", .leaf(.null))])),
            ("spec", .object([
                ("schedule", str(schedule)),
                ("jobTemplate", .object([
                    ("metadata", .object([("name", str(name)), ("creationTimestamp", .leaf(.null))])),
                    ("spec", .object([("template", podTemplate(name: name, image: image, restart: restart, command: command))])),
                ])),
            ])),
            ("status", .object([])),
        ])
    }
}

extension Kubectl {
    /// A client-built batch object printed the way kubectl prints it before sending.
    func printBatchClientObject(_ obj: OrderedJSON, kind: String, name: String, format: OutputFormat, into out: inout CommandOutput) throws {
        switch format {
        case .json: out.out(obj.pretty() + "\n")
        case .name: out.out("\(kind).batch/\(name)\n")
        default: try printClientObject(obj.value, format: format, into: &out)
        }
    }
}
