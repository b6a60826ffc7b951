import KubeAPI
import ClusterSim

// Commands that change one field of existing objects: scale, set image, label, annotate, patch.

enum ScaleCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("replicas"), FlagSpec("current-replicas"), FlagSpec("resource-version"), FlagSpec("filename", "f"),
        FlagSpec("selector", "l"), FlagSpec("all", value: false), FlagSpec("output", "o"), FlagSpec("timeout"),
        FlagSpec("dry-run"), FlagSpec("recursive", "R", value: false), FlagSpec("record", value: false),
    ]
}

enum SetImageCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("all", value: false), FlagSpec("selector", "l"), FlagSpec("filename", "f"), FlagSpec("local", value: false),
        FlagSpec("output", "o"), FlagSpec("dry-run"), FlagSpec("record", value: false), FlagSpec("recursive", "R", value: false),
        FlagSpec("field-manager"), FlagSpec("template"),
    ]
}

enum LabelCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("overwrite", value: false), FlagSpec("all", value: false), FlagSpec("selector", "l"), FlagSpec("filename", "f"),
        FlagSpec("list", value: false), FlagSpec("local", value: false), FlagSpec("output", "o"), FlagSpec("dry-run"),
        FlagSpec("resource-version"), FlagSpec("all-namespaces", "A", value: false), FlagSpec("recursive", "R", value: false),
        FlagSpec("field-selector"), FlagSpec("record", value: false), FlagSpec("field-manager"), FlagSpec("template"),
    ]
}

enum PatchCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("patch", "p"), FlagSpec("type"), FlagSpec("filename", "f"), FlagSpec("patch-file"), FlagSpec("output", "o"),
        FlagSpec("dry-run"), FlagSpec("local", value: false), FlagSpec("record", value: false), FlagSpec("subresource"),
        FlagSpec("field-manager"), FlagSpec("template"), FlagSpec("recursive", "R", value: false),
    ]
}

extension Kubectl {
    /// Objects named by `TYPE NAME`, `TYPE/NAME` or `-f FILE`, fetched from the cluster.
    func targets(_ args: [String], _ inv: Invocation, selector: LabelQuery? = nil, all: Bool = false) throws -> [any APIObject] {
        if let path = inv.flags.string("filename") {
            return try readManifests(path, inv).map { m in try cluster.get(m.type, namespace: try targetNamespace(m, inv), name: m.object.name) }
        }
        let refs = try resourceRefs(args)
        if refs.isEmpty {
            throw RawError.noResourcesGiven
        }
        var out: [any APIObject] = []
        for ref in refs {
            if let n = ref.name {
                out.append(try cluster.get(ref.type, namespace: namespaceFor(ref.type, inv), name: n))
            } else if selector != nil || all {
                out += cluster.list(ref.type, namespace: namespaceFor(ref.type, inv), selector: selector)
            } else {
                throw KubectlError("resource(s) were provided, but no name was specified")
            }
        }
        return out
    }

    /// The change-cause `--record` stores: the command path, its arguments, then every flag
    /// that was set as `--name=value` in name order.
    func changeCause(_ inv: Invocation, path: String) -> String {
        var parts = ["kubectl", path] + inv.flags.positionals.filter { !path.split(separator: " ").map(String.init).contains($0) }
        let names = inv.flags.setFlagNames.sorted()
        for n in names { parts.append("--\(n)=\(inv.flags.string(n) ?? "")") }
        if !names.contains("record") { parts.append("--record=true") }
        return parts.joined(separator: " ")
    }

    func recordIfAsked(_ obj: inout any APIObject, _ inv: Invocation, path: String) {
        guard inv.flags.bool("record") else { return }
        obj.metadata.annotations = (obj.metadata.annotations ?? [:]).merging(["kubernetes.io/change-cause": changeCause(inv, path: path)]) { _, b in b }
    }

    func warnRecordDeprecated(_ inv: inout Invocation) {
        if inv.flags.has("record") {
            inv.out.err("Flag --record has been deprecated, --record will be removed in the future\n")
        }
    }

    // MARK: scale

    func scale(_ inv: inout Invocation) throws {
        warnRecordDeprecated(&inv)
        guard let r = inv.flags.string("replicas") else { throw KubectlError("required flag(s) \"replicas\" not set") }
        guard let n = Int(r) else {
            throw UsageError(message: "invalid argument \"\(r)\" for \"--replicas\" flag: strconv.ParseInt: parsing \"\(r)\": invalid syntax")
        }
        if n < 0 { throw KubectlError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0") }
        let selector = try inv.flags.string("selector").map { try LabelQuery.parse($0) }
        for var obj in try targets(inv.flags.positionals, inv, selector: selector, all: inv.flags.bool("all")) {
            if let cur = inv.flags.string("current-replicas"), let want = Int(cur) {
                let have = (obj as? any ReplicaScalable)?.desiredReplicas ?? 1
                if have != want {
                    throw KubectlError("Expected replicas to be \(want), was \(have)")
                }
            }
            guard var scalable = obj as? any ReplicaScalable else {
                throw APIError(reason: "NotFound", message: "the server could not find the requested resource", code: 404)
            }
            scalable.desiredReplicas = n
            obj = scalable
            recordIfAsked(&obj, inv, path: "scale")
            try cluster.update(obj)
            inv.out.out("\(obj.resource.qualifiedKind)/\(obj.name) scaled\n")
        }
    }

    // MARK: set image

    func set(_ inv: inout Invocation) throws {
        guard inv.flags.positionals.first == "image" else {
            let sub = inv.flags.positionals.first ?? ""
            throw KubectlError(sub.isEmpty ? "Required resource not specified." : "unknown command \"\(sub)\" for \"kubectl set\"")
        }
        warnRecordDeprecated(&inv)
        let args = Array(inv.flags.positionals.dropFirst())
        let pairs = args.filter { $0.contains("=") }
        let resources = args.filter { !$0.contains("=") }
        if pairs.isEmpty { throw KubectlError("at least one image update is required") }
        var updates: [(String, String)] = []
        for p in pairs {
            let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[1].isEmpty else { throw KubectlError("invalid image update \(p)") }
            updates.append((kv[0], kv[1]))
        }
        let selector = try inv.flags.string("selector").map { try LabelQuery.parse($0) }
        for var obj in try targets(resources, inv, selector: selector, all: inv.flags.bool("all")) {
            guard var tmplSpec = podSpec(of: obj) else {
                throw KubectlError("error: \(obj.resource.qualifiedKind)/\(obj.name) does not have a pod template")
            }
            var changed = false
            for (name, image) in updates {
                var found = false
                for i in tmplSpec.containers.indices where name == "*" || tmplSpec.containers[i].name == name {
                    found = true
                    if tmplSpec.containers[i].image != image { tmplSpec.containers[i].image = image; changed = true }
                }
                for i in (tmplSpec.initContainers ?? []).indices where name == "*" || tmplSpec.initContainers![i].name == name {
                    found = true
                    if tmplSpec.initContainers![i].image != image { tmplSpec.initContainers![i].image = image; changed = true }
                }
                if !found { throw KubectlError("unable to find container named \"\(name)\"") }
            }
            guard changed else { continue }
            setPodSpec(&obj, tmplSpec)
            recordIfAsked(&obj, inv, path: "set image")
            try cluster.update(obj)
            inv.out.out("\(obj.resource.qualifiedKind)/\(obj.name) image updated\n")
        }
    }

    func podSpec(of obj: any APIObject) -> PodSpec? {
        if let p = obj as? Pod { return p.spec }
        return (obj as? any PodTemplateOwner)?.podTemplate?.spec
    }

    func setPodSpec(_ obj: inout any APIObject, _ spec: PodSpec) {
        if var p = obj as? Pod { p.spec = spec; obj = p; return }
        guard var owner = obj as? any PodTemplateOwner else { return }
        owner.podTemplate?.spec = spec
        obj = owner
    }

    // MARK: label / annotate

    func label(_ inv: inout Invocation) throws { try setMetadataMap(&inv, labels: true) }
    func annotate(_ inv: inout Invocation) throws { try setMetadataMap(&inv, labels: false) }

    private func setMetadataMap(_ inv: inout Invocation, labels: Bool) throws {
        let args = inv.flags.positionals
        let changes = args.filter { $0.contains("=") || ($0.hasSuffix("-") && !$0.contains("/")) }
        let resources = args.filter { !changes.contains($0) }
        if changes.isEmpty && !inv.flags.bool("list") {
            throw UsageError(message: "at least one \(labels ? "label" : "annotation") update is required")
        }
        var sets: [(String, String)] = []
        var removes: [String] = []
        for c in changes {
            if c.hasSuffix("-") && !c.contains("=") { removes.append(String(c.dropLast())); continue }
            let kv = c.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if labels, !kv[1].isEmpty, !Kubectl.validLabelValue(kv[1]) {
                throw KubectlError("invalid label value: \"\(c)\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
            }
            sets.append((kv[0], kv[1]))
        }
        let selector = try inv.flags.string("selector").map { try LabelQuery.parse($0) }
        for var obj in try targets(resources, inv, selector: selector, all: inv.flags.bool("all")) {
            var map = (labels ? obj.metadata.labels : obj.metadata.annotations) ?? [:]
            if !inv.flags.bool("overwrite") {
                for (k, v) in sets where map[k] != nil && map[k] != v {
                    if labels { throw KubectlError("'\(k)' already has a value (\(map[k]!)), and --overwrite is false") }
                    throw KubectlError("--overwrite is false but found the following declared annotation(s): '\(k)' already has a value (\(map[k]!))")
                }
            }
            let before = map
            for (k, v) in sets { map[k] = v }
            for k in removes {
                if map.removeValue(forKey: k) == nil { inv.out.out("\(labels ? "label" : "annotation") \"\(k)\" not found.\n") }
            }
            let verb: String
            if map == before { verb = labels ? "not labeled" : "not annotated" }
            else if labels && sets.isEmpty { verb = "unlabeled" }
            else { verb = labels ? "labeled" : "annotated" }
            if map != before {
                if labels { obj.metadata.labels = map.isEmpty ? nil : map } else { obj.metadata.annotations = map.isEmpty ? nil : map }
                try cluster.update(obj)
            }
            inv.out.out("\(obj.resource.qualifiedKind)/\(obj.name) \(verb)\n")
        }
    }

    static func validLabelValue(_ v: String) -> Bool {
        guard v.count <= 63, let f = v.first, let l = v.last else { return v.isEmpty }
        func alnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        return alnum(f) && alnum(l) && v.allSatisfy { alnum($0) || "-_.".contains($0) }
    }

    // MARK: patch

    func patch(_ inv: inout Invocation) throws {
        guard let text = inv.flags.string("patch") ?? inv.flags.string("patch-file").flatMap({ workspace.readFile($0) }) else {
            throw KubectlError("must specify -p to patch")
        }
        let type = inv.flags.string("type") ?? "strategic"
        if case .failure(let e) = PatchType.parse(type) { throw RawError(text: e.kubectlLocalText + "\n") }
        let patchJSON: JSONValue
        do { patchJSON = try YAMLCodec.parseDocument(text) } catch let e as YAMLParseError {
            throw RawError(text: PatchText.kubectlParseError(patch: text, yamlError: e.detail) + "\n")
        }
        for obj in try targets(inv.flags.positionals, inv) {
            let current = obj.toJSON()
            let result: JSONValue
            do {
                result = try PatchEngine.apply(type: type, patch: patchJSON, to: current, kind: obj.resource.kind)
            } catch {
                throw RawError(text: error.kubectlServerText + "\n")
            }
            let updated: any APIObject
            do { updated = try obj.resource.decode(result) } catch let e as DecodeError {
                throw APIError(reason: "BadRequest", message: e.message, code: 400)
            }
            let stored = try cluster.update(updated)
            let same = stored.metadata.resourceVersion == obj.metadata.resourceVersion
            inv.out.out("\(obj.resource.qualifiedKind)/\(obj.name) patched\(same ? " (no change)" : "")\n")
        }
    }
}

extension ParsedFlags {
    /// Names of the flags given on the command line (other than the namespace context).
    var setFlagNames: [String] { values.keys.filter { $0 != "help" } }
}

extension RawError {
    /// What kubectl says when a command that acts on resources is given none.
    static let noResourcesGiven = RawError(text: """
        error: You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'

        """)
}
