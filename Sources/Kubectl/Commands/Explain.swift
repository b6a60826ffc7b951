import KubeAPI
import ClusterSim

enum ExplainCommand {
    /// v1.32 has the -o shorthand for --output (added in v1.32, lost in v1.33, restored later).
    static let flags: [FlagSpec] = [
        FlagSpec("recursive", value: false), FlagSpec("api-version"), FlagSpec("output", "o"),
    ]
}

extension Kubectl {
    /// `kubectl explain TYPE[.FIELD…] [--recursive] [--api-version=GROUP/VERSION]`: the
    /// documentation of a kind or one of its fields, from the schema in ExplainData*.swift.
    func explain(_ inv: inout Invocation) throws {
        let args = inv.flags.positionals
        if args.isEmpty {
            throw KubectlError("You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.")
        }
        if args.count > 1 { throw KubectlError("We accept only this format: explain RESOURCE") }
        let apiVersion = inv.flags.string("api-version") ?? ""
        let (type, path) = try explainTarget(args[0], groupQualified: apiVersion.isEmpty)

        var group = type.group
        var version = type.version
        if !apiVersion.isEmpty {
            // schema.ParseGroupVersion: "v1" is the core group, "apps/v1" a named one.
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 1: (group, version) = ("", parts[0])
            case 2: (group, version) = (parts[0], parts[1])
            default: throw KubectlError("unexpected GroupVersion string: \(apiVersion)")
            }
        }
        let matches = group == type.group && version == type.version

        let format = inv.flags.string("output") ?? "plaintext"
        if format == "plaintext-openapiv2" {
            // The OpenAPI v2 path looks the kind up by group, version and kind.
            guard matches else {
                throw KubectlError("couldn't find resource for \"\(group)/\(version), Kind=\(type.kind)\"")
            }
            let v2 = ExplainRendererV2(schema: .shared)
            do {
                inv.out.out(try v2.render(kind: type.kind, groupVersion: type.apiVersion, path: path,
                                          recursive: inv.flags.bool("recursive")))
            } catch ExplainRendererV2.Failure.fieldDoesNotExist(let field) {
                throw KubectlError("field \"\(field)\" does not exist")
            }
            return
        }

        let gvr = "\(group)/\(version), Resource=\(type.plural)"
        let servedPath = group.isEmpty ? version : "\(group)/\(version)"
        guard ExplainSchema.servedGroupVersions.contains(servedPath) else {
            throw KubectlError("couldn't find resource for \"\(gvr)\"")
        }
        guard format == "plaintext" else { throw KubectlError("unrecognized format: \(format)") }
        guard matches else { throw KubectlError("GVR (\(gvr)) not found in OpenAPI schema") }

        let renderer = ExplainRenderer(schema: .shared)
        guard renderer.schema.model(type.kind) != nil else {
            throw KubectlError("GVR (\(group)/\(version), Resource=\(type.plural)) not found in OpenAPI schema")
        }
        do {
            inv.out.out(try renderer.render(group: group, kind: type.kind, version: version, path: path,
                                            recursive: inv.flags.bool("recursive")))
        } catch ExplainRenderer.Failure.fieldDoesNotExist(let header, let field) {
            // kubectl has streamed the header to stdout before it finds the field missing.
            inv.out.out(header)
            throw KubectlError("field \"\(field)\" does not exist")
        }
    }

    /// Splits `statefulsets.apps.spec.template` into a resource type and a field path, as
    /// explain.SplitAndParseResourceRequestWithMatchingPrefix does: the first dot-separated
    /// word names the resource, and `PLURAL.GROUP` is taken as the group only when typed
    /// with the plural name and no --api-version is given.
    func explainTarget(_ text: String, groupQualified: Bool) throws -> (ResourceType, [String]) {
        let input = text.hasSuffix(".") ? String(text.dropLast()) : text
        let parts = input.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        // Kinds the simulator does not serve yet are still documented.
        guard let type = ResourceType.lookup(name) ?? ResourceType.known.first(where: { r in
            let n = name.lowercased()
            return n == r.plural || n == r.singular || r.shortNames.contains(n) || n == r.kind.lowercased()
        }) else {
            throw KubectlError("the server doesn't have a resource type \"\(name)\"")
        }
        if groupQualified && !type.group.isEmpty {
            let groupResource = "\(type.plural).\(type.group)"
            if input.hasPrefix(groupResource) {
                let suffix = input.dropFirst(groupResource.count)
                let fields = suffix.isEmpty ? [] : Array(suffix.split(separator: ".", omittingEmptySubsequences: false).map(String.init).dropFirst())
                return (type, fields)
            }
        }
        return (type, Array(parts.dropFirst()))
    }
}
