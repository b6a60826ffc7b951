import KubeAPI
import ClusterSim

/// One object read from `-f`: the file it came from, its JSON, and its resource type.
struct Manifest {
    let source: String
    let json: JSONValue
    let type: ResourceType
    /// Decoded lazily by the server side; kept here for names.
    var object: any APIObject
}

extension Kubectl {
    /// One document of a `-f` stream: an object, or why that document could not be used.
    enum StreamEntry {
        case object(Manifest)
        case failure(Error)
    }

    /// Reads every object named by `-f PATH`, failing on the first bad document.
    func readManifests(_ path: String, _ inv: Invocation, recursive: Bool = false) throws -> [Manifest] {
        try manifestStream(path, inv, recursive: recursive).map { entry in
            switch entry {
            case .object(let m): return m
            case .failure(let e): throw e
            }
        }
    }

    /// Reads every object named by `-f PATH` (file, directory or `-` for stdin), in order, as
    /// kubectl's builder visits them: a document kubectl can't map or decode is an error for
    /// that document only; a YAML syntax error ends the file there.
    func manifestStream(_ path: String, _ inv: Invocation, recursive: Bool = false) -> [StreamEntry] {
        var files: [(name: String, text: String)] = []
        if path == "-" {
            files = [("STDIN", inv.stdin ?? "")]
        } else if path.hasPrefix("http://") || path.hasPrefix("https://") {
            return [.failure(KubectlError("unable to read URL \"\(path)\", server reported 404 Not Found, status code=404"))]
        } else if workspace.isDirectory(path) {
            func walk(_ dir: String) {
                for entry in workspace.listDirectory(dir) ?? [] {
                    let p = dir.hasSuffix("/") ? dir + entry : dir + "/" + entry
                    if workspace.isDirectory(p) { if recursive { walk(p) }; continue }
                    if [".json", ".yaml", ".yml"].contains(where: { entry.hasSuffix($0) }), let t = workspace.readFile(p) {
                        files.append((p, t))
                    }
                }
            }
            walk(path)
            if files.isEmpty { return [.failure(KubectlError("error reading [\(path)]: recognized file extensions are [.json .yaml .yml]"))] }
        } else if let text = workspace.readFile(path) {
            files = [(path, text)]
        } else {
            return [.failure(KubectlError("the path \"\(path)\" does not exist"))]
        }
        var out: [StreamEntry] = []
        for (name, text) in files {
            let stream = YAMLCodec.parseStream(text)
            for doc in stream.documents {
                do { out.append(.object(try manifest(doc, source: name))) } catch { out.append(.failure(error)) }
            }
            if let e = stream.error { out.append(.failure(KubectlError(e.errorText(file: name)))); break }
        }
        return out
    }

    /// Prints errors as kubectl's CheckErr does: one error with its `error: ` prefix, several
    /// as an aggregate, one per line without it.
    func report(_ errors: [Error], into out: inout CommandOutput) {
        guard !errors.isEmpty else { return }
        out.exitCode = 1
        if errors.count == 1 { out.err(errorText(errors[0])); return }
        for e in errors {
            var text = errorText(e)
            if text.hasPrefix("error: ") { text.removeFirst(7) }
            out.err(text)
        }
    }

    func manifest(_ doc: JSONValue, source: String) throws -> Manifest {
        guard case .object = doc else {
            throw KubectlError("error validating \"\(source)\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false")
        }
        let kind = doc["kind"]?.stringValue ?? ""
        let apiVersion = doc["apiVersion"]?.stringValue ?? ""
        if apiVersion.isEmpty || kind.isEmpty {
            let missing = [apiVersion.isEmpty ? "apiVersion not set" : nil, kind.isEmpty ? "kind not set" : nil].compactMap { $0 }
            let detail = missing.count == 1 ? missing[0] : "[\(missing.joined(separator: ", "))]"
            throw KubectlError("error validating \"\(source)\": error validating data: \(detail); if you choose to ignore these errors, turn validation off with --validate=false")
        }
        guard let type = ResourceType.lookup(apiVersion: apiVersion, kind: kind) else {
            let name = doc["metadata"]?["name"]?.stringValue ?? ""
            let ns = doc["metadata"]?["namespace"]?.stringValue ?? ""
            throw RawError(text: "error: resource mapping not found for name: \"\(name)\" namespace: \"\(ns)\" from \"\(source)\": no matches for kind \"\(kind)\" in version \"\(apiVersion)\"\nensure CRDs are installed first\n")
        }
        do {
            return Manifest(source: source, json: doc, type: type, object: try type.decode(doc))
        } catch let e as DecodeError {
            throw RawError(text: "Error from server (BadRequest): error when creating \"\(source)\": \(e.message)\n")
        }
    }

    /// The namespace an object from a file goes to: its own, else `-n`, else the context's.
    func targetNamespace(_ m: Manifest, _ inv: Invocation) throws -> String {
        guard m.type.namespaced else { return "" }
        let own = m.json["metadata"]?["namespace"]?.stringValue ?? ""
        if let explicit = inv.flags.string("namespace"), !own.isEmpty, own != explicit {
            throw KubectlError("the namespace from the provided object \"\(own)\" does not match the namespace \"\(explicit)\". You must pass '--namespace=\(own)' to perform this operation.")
        }
        return own.isEmpty ? inv.namespace : own
    }
}
