import Foundation
import KubeAPI
import ClusterSim

/// `kubectl wait` (kubectl/pkg/cmd/wait): lets virtual time pass until each named object
/// meets `--for=condition=NAME[=VALUE]`, `--for=delete` or `--for=jsonpath='{…}'=VALUE`.
enum WaitCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("for"), FlagSpec("timeout"), FlagSpec("selector", "l"), FlagSpec("all", value: false),
        FlagSpec("all-namespaces", "A", value: false), FlagSpec("field-selector"), FlagSpec("filename", "f"),
        FlagSpec("recursive", "R", value: false), FlagSpec("local", value: false), FlagSpec("output", "o"),
        FlagSpec("allow-missing-template-keys", value: false),
    ]

    enum Condition {
        case condition(type: String, value: String)
        case delete
        case jsonpath(expression: String, value: String?)
    }

    static func parse(_ text: String) throws -> Condition {
        if text.lowercased() == "delete" { return .delete }
        if text.hasPrefix("condition=") {
            let rest = text.dropFirst("condition=".count)
            guard !rest.isEmpty else { throw KubectlError("unrecognized condition: \"\(text)\"") }
            let parts = rest.split(separator: "=", maxSplits: 1).map(String.init)
            return .condition(type: parts[0], value: parts.count > 1 ? parts[1] : "True")
        }
        if text.hasPrefix("jsonpath=") {
            let rest = String(text.dropFirst("jsonpath=".count))
            // `{.status.phase}=Running`: the expression ends at the last `}`.
            guard let close = rest.lastIndex(of: "}"), rest.hasPrefix("{") else {
                throw KubectlError("unrecognized condition: \"\(text)\"")
            }
            let expr = String(rest[...close])
            let after = rest[rest.index(after: close)...]
            if after.isEmpty { return .jsonpath(expression: expr, value: nil) }
            guard after.hasPrefix("=") else { throw KubectlError("unrecognized condition: \"\(text)\"") }
            return .jsonpath(expression: expr, value: String(after.dropFirst()))
        }
        throw KubectlError("unrecognized condition: \"\(text)\"")
    }
}

extension Kubectl {
    func wait(_ inv: inout Invocation) throws {
        let f = inv.flags
        let condition = try WaitCommand.parse(f.string("for") ?? "")
        var timeout = 30.0
        if let t = f.string("timeout") {
            guard let d = Kubectl.parseDuration(t) else {
                throw RawError(text: "Error: invalid argument \"\(t)\" for \"--timeout\" flag: time: invalid duration \"\(t)\"\nSee 'kubectl wait --help' for usage.\n")
            }
            // A negative timeout waits a week.
            timeout = d < 0 ? 7 * 86400 : d
        }
        let refs = try resourceRefs(f.positionals, allowAll: false)
        guard !refs.isEmpty else {
            throw KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
        }
        // The objects to wait for, as (type, name), resolved once as kubectl's builder does.
        var targets: [(ResourceType, String)] = []
        for ref in refs {
            let ns = namespaceFor(ref.type, inv)
            if let name = ref.name {
                if case .delete = condition, cluster.store.get(ref.type, namespace: ns, name: name) == nil { continue }
                _ = try cluster.get(ref.type, namespace: ns, name: name)
                targets.append((ref.type, name))
            } else {
                let query = try f.string("selector").map { try LabelQuery.parse($0) }
                let all = cluster.list(ref.type, namespace: ns, selector: query)
                guard f.bool("all") || query != nil else {
                    throw KubectlError("resource(s) were provided, but no name was specified")
                }
                targets += all.map { (ref.type, $0.name) }
            }
        }
        if targets.isEmpty {
            if case .delete = condition { return }
            throw KubectlError("no matching resources found")
        }
        let start = cluster.now
        for (type, name) in targets {
            let ns = namespaceFor(type, inv)
            while true {
                let current = cluster.store.get(type, namespace: ns, name: name)
                if try met(condition, current) {
                    inv.out.out("\(type.qualifiedKind)/\(name) condition met\n")
                    break
                }
                if current == nil {
                    // Gone while waiting for something else.
                    throw KubectlError("\(type.qualifiedPlural) \"\(name)\" not found")
                }
                guard let due = cluster.nextTimerDue, due - start <= timeout else {
                    // Nothing more happens in time: the rest of the timeout passes.
                    cluster.advance(by: max(0, start + timeout - cluster.now))
                    if try met(condition, cluster.store.get(type, namespace: ns, name: name)) {
                        inv.out.out("\(type.qualifiedKind)/\(name) condition met\n")
                        break
                    }
                    throw KubectlError("timed out waiting for the condition on \(type.plural)/\(name)")
                }
                cluster.advanceToNextBatch()
            }
        }
    }

    private func met(_ condition: WaitCommand.Condition, _ object: (any APIObject)?) throws -> Bool {
        switch condition {
        case .delete:
            return object == nil
        case .condition(let type, let value):
            guard let object, case .array(let conds)? = object.toJSON()["status"]?["conditions"] else { return false }
            return conds.contains { c in
                c["type"]?.stringValue?.lowercased() == type.lowercased() && c["status"]?.stringValue?.lowercased() == value.lowercased()
            }
        case .jsonpath(let expr, let value):
            guard let object else { return false }
            let got = (try? runJSONPath(expr, object.toJSON())) ?? ""
            return value.map { got == $0 } ?? !got.isEmpty
        }
    }
}
