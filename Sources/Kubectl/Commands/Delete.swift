import KubeAPI
import ClusterSim

enum DeleteCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("filename", "f"), FlagSpec("recursive", "R", value: false), FlagSpec("selector", "l"), FlagSpec("all", value: false),
        FlagSpec("all-namespaces", "A", value: false), FlagSpec("cascade"), FlagSpec("grace-period"), FlagSpec("force", value: false),
        FlagSpec("now", value: false), FlagSpec("wait", value: false), FlagSpec("timeout"), FlagSpec("ignore-not-found", value: false),
        FlagSpec("output", "o"), FlagSpec("dry-run"), FlagSpec("field-selector"), FlagSpec("interactive", "i", value: false),
        FlagSpec("raw"),
    ]
}

extension Kubectl {
    func delete(_ inv: inout Invocation) throws {
        let f = inv.flags
        let dry = try DryRun.parse(f, out: &inv.out)
        let propagation: PropagationPolicy
        switch f.string("cascade") ?? "background" {
        case "background", "true": propagation = .background
        case "foreground": propagation = .foreground
        case "orphan", "false": propagation = .orphan
        case let v: throw KubectlError("invalid cascade value (\(v)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        var grace: Int? = nil
        if let g = f.string("grace-period") {
            guard let n = Int(g) else {
                throw UsageError(message: "invalid argument \"\(g)\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"\(g)\": invalid syntax")
            }
            grace = n
        }
        if f.bool("now") { grace = 1 }
        let force = f.bool("force")
        if force && grace == nil { grace = 0 }
        if force && grace == 0 {
            inv.out.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        } else if grace == 0 {
            // kubectl turns --grace-period=0 without --force into 1 second.
            grace = 1
        }
        let wait = f.string("wait").map { $0 != "false" } ?? true
        let selector = try f.string("selector").map { s -> LabelQuery in
            do { return try LabelQuery.parse(s) } catch let e as APIError { throw KubectlError(e.message) }
        }

        var targets: [(ResourceType, String, String)] = []
        var errors: [String] = []
        if !f.strings("filename").isEmpty {
            for path in f.strings("filename") {
                for entry in manifestStream(path, inv, recursive: f.bool("recursive")) {
                    switch entry {
                    case .object(let m): targets.append((m.type, try targetNamespace(m, inv), m.object.name))
                    case .failure(let e): errors.append(errorText(e))
                    }
                }
            }
        } else {
            if f.positionals.isEmpty {
                throw RawError.noResourcesGiven
            }
            let refs = try resourceRefs(f.positionals, allowAll: true)
            let hasNames = refs.contains { $0.name != nil }
            if !hasNames && selector == nil && !f.bool("all") && f.string("field-selector") == nil {
                throw KubectlError("resource(s) were provided, but no name was specified")
            }
            if hasNames && (selector != nil || f.bool("all")) {
                throw KubectlError("name cannot be provided when a selector is specified")
            }
            for ref in refs {
                let ns = f.bool("all-namespaces") ? nil : namespaceFor(ref.type, inv)
                if let n = ref.name {
                    targets.append((ref.type, ns ?? "", n))
                } else {
                    for o in cluster.list(ref.type, namespace: ns, selector: selector) { targets.append((ref.type, o.namespace, o.name)) }
                }
            }
            if targets.isEmpty && !hasNames {
                inv.out.out("No resources found\n")
                return
            }
        }
        var deleted: [(ResourceType, String, String, String?)] = []
        for (r, ns, name) in targets {
            do {
                let obj = try cluster.delete(r, namespace: ns, name: name, propagation: propagation, gracePeriod: grace, dryRun: dry != .none)
                let verb = (force && grace == 0) ? "force deleted" : "deleted"
                if f.string("output") == "name" {
                    inv.out.out("\(r.qualifiedKind)/\(name)\n")
                } else {
                    inv.out.out("\(r.qualifiedKind) \"\(name)\" \(verb)\(dry.suffix)\n")
                }
                deleted.append((r, ns, name, obj.metadata.uid))
            } catch {
                if !f.bool("ignore-not-found") { errors.append(error.kubectlText() + "\n") }
            }
        }
        // kubectl waits for the objects to be gone before returning.
        if wait && dry == .none && !deleted.isEmpty {
            cluster.settle(limit: waitLimit) { c in
                deleted.allSatisfy { (r, ns, name, uid) in
                    guard let o = c.store.get(r, namespace: ns, name: name) else { return true }
                    return o.metadata.uid != uid
                }
            }
        }
        if !errors.isEmpty {
            inv.out.err(errors.joined())
            inv.out.exitCode = 1
        }
    }
}
