import KubeAPI
import ClusterSim

enum DescribeCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("selector", "l"), FlagSpec("all-namespaces", "A", value: false), FlagSpec("filename", "f"),
        FlagSpec("show-events", value: false), FlagSpec("recursive", "R", value: false), FlagSpec("chunk-size"),
    ]
}

enum EditCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("filename", "f"), FlagSpec("output", "o"), FlagSpec("record", value: false), FlagSpec("save-config", value: false),
        FlagSpec("validate"), FlagSpec("windows-line-endings", value: false), FlagSpec("field-manager"), FlagSpec("subresource"),
        FlagSpec("show-managed-fields", value: false), FlagSpec("template"), FlagSpec("recursive", "R", value: false),
    ]

    static let header = """
    # Please edit the object below. Lines beginning with a '#' will be ignored,
    # and an empty file will abort the edit. If an error occurs while saving this file will be
    # reopened with the relevant failures.
    #

    """
}

extension Kubectl {
    func describe(_ inv: inout Invocation) throws {
        let f = inv.flags
        if f.positionals.isEmpty && !f.has("filename") {
            throw RawError(text: """
            You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.
            error: Required resource not specified.
            See 'kubectl describe -h' for help and examples

            """)
        }
        let selector = try f.string("selector").map { try LabelQuery.parse($0) }
        let showEvents = f.string("show-events").map { $0 != "false" } ?? true
        var objects: [any APIObject] = []
        var errors: [String] = []
        if let path = f.string("filename") {
            for m in try readManifests(path, inv) {
                do { objects.append(try cluster.get(m.type, namespace: try targetNamespace(m, inv), name: m.object.name)) }
                catch { errors.append(errorText(error)) }
            }
        } else {
            for ref in try resourceRefs(f.positionals) {
                let ns: String? = f.bool("all-namespaces") ? nil : namespaceFor(ref.type, inv)
                if let n = ref.name {
                    if let o = try? cluster.get(ref.type, namespace: ns ?? inv.namespace, name: n) {
                        objects.append(o)
                    } else {
                        // No exact match: every object whose name starts with it.
                        let prefixed = cluster.list(ref.type, namespace: ns, selector: selector).filter { $0.name.hasPrefix(n) }
                        if prefixed.isEmpty { errors.append(APIError.notFound(ref.type, n).kubectlText() + "\n") }
                        objects += prefixed
                    }
                } else {
                    objects += cluster.list(ref.type, namespace: ns, selector: selector)
                }
            }
            if objects.isEmpty && errors.isEmpty {
                inv.out.err(f.bool("all-namespaces") ? "No resources found\n" : "No resources found in \(inv.namespace) namespace.\n")
            }
        }
        inv.out.out(objects.map { Describe.describe($0, in: cluster, showEvents: showEvents) }.joined(separator: "\n\n"))
        if !errors.isEmpty {
            inv.out.err(errors.joined())
            inv.out.exitCode = 1
        }
    }

    func edit(_ inv: inout Invocation) throws {
        let objects = try targets(inv.flags.positionals, inv)
        guard let obj = objects.first else { return }
        let editorCommand = inv.environment["KUBE_EDITOR"] ?? inv.environment["EDITOR"] ?? "vi"
        let path = "/tmp/kubectl-edit-\(cluster.random.int(1_000_000_000..<4_000_000_000)).yaml"
        let original = YAMLCodec.emit(obj.toJSON())
        var failureComment = ""
        var previousAttempt: String? = nil
        for _ in 0..<3 {
            let content = EditCommand.header + failureComment + (previousAttempt ?? original)
            try? workspace.writeFile(path, contents: content)
            guard let editor = editor, editor.edit(path: path, command: editorCommand) else {
                throw KubectlError("there was a problem with the editor \"\(editorCommand)\"")
            }
            let edited = workspace.readFile(path) ?? ""
            let body = edited.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                inv.out.err("Edit cancelled, no changes made.\n")
                return
            }
            if body == original {
                inv.out.err("Edit cancelled, no changes made.\n")
                return
            }
            if let prev = previousAttempt, body == prev {
                inv.out.out("A copy of your changes has been stored to \"\(path)\"\n")
                throw KubectlError("Edit cancelled, no valid changes were saved.")
            }
            previousAttempt = body
            let doc: JSONValue
            do {
                doc = try YAMLCodec.parseDocument(body)
            } catch let e as YAMLParseError {
                failureComment = "# The edited file had a syntax error: \(e.detail)\n#\n"
                continue
            }
            do {
                let updated = try obj.resource.decode(doc)
                try cluster.update(updated)
                inv.out.out("\(obj.resource.qualifiedKind)/\(obj.name) edited\n")
                return
            } catch let e as APIError {
                let lines = e.causes.isEmpty ? [e.message] : e.causes
                failureComment = "# \(obj.resource.qualifiedPlural) \"\(obj.name)\" was not valid:\n" + lines.map { "# * \($0)\n" }.joined() + "#\n"
            } catch let e as DecodeError {
                failureComment = "# \(obj.resource.qualifiedPlural) \"\(obj.name)\" was not valid:\n# * \(e.message)\n#\n"
            }
        }
        inv.out.out("A copy of your changes has been stored to \"\(path)\"\n")
        throw KubectlError("Edit cancelled, no valid changes were saved.")
    }
}

import Foundation
