import Foundation
import KubeAPI

/// `kubectl explain --output=plaintext-openapiv2`: the older layout kubectl printed from
/// OpenAPI v2 (staging/src/k8s.io/kubectl/pkg/explain: model_printer.go, fields_printer.go,
/// formatter.go), which is what the course document shows: `KIND:     StatefulSet`,
/// `RESOURCE: spec <Object>`, fields indented three spaces, every object type shown as
/// `<Object>`, no enum lists, and descriptions wrapped at 80 columns.
struct ExplainRendererV2 {
    let schema: ExplainSchema

    enum Failure: Error, Equatable { case fieldDoesNotExist(String) }

    /// Where a field path ends: the kind itself, one of its fields (with the field's
    /// own description), or a type reached inside a list, map or scalar reference.
    private enum Found {
        case root(ExplainSchema.Model)
        case field(ExplainSchema.Field)
        case inner(ExplainSchema.TypeRef)
    }

    func render(kind: String, groupVersion: String, path: [String], recursive: Bool) throws -> String {
        guard let root = schema.model(kind) else { throw Failure.fieldDoesNotExist(path.first ?? "") }
        let found = try lookup(root, path[...])
        var out = "KIND:     \(kind)\nVERSION:  \(groupVersion)\n\n"
        out += body(found, name: path.last ?? "", recursive: recursive)
        return out
    }

    /// LookupSchemaForField: walks the path; a scalar ends the walk even with path left.
    private func lookup(_ root: ExplainSchema.Model, _ path: ArraySlice<String>) throws -> Found {
        guard let first = path.first else { return .root(root) }
        guard let f = root.fields.first(where: { $0.name == first }) else { throw Failure.fieldDoesNotExist(first) }
        return try lookup(field: f, path.dropFirst())
    }

    private func lookup(field f: ExplainSchema.Field, _ path: ArraySlice<String>) throws -> Found {
        if path.isEmpty { return .field(f) }
        if case .primitive = f.type { return .field(f) }
        return try lookup(inner: f.type, path)
    }

    private func lookup(inner t: ExplainSchema.TypeRef, _ path: ArraySlice<String>) throws -> Found {
        switch t {
        case .primitive:
            return .inner(t)
        case .array(let i), .map(let i):
            return try lookup(inner: i, path)
        case .named(let n):
            guard let m = schema.model(n), m.scalar == nil else { return .inner(t) }
            guard let first = path.first else { return .inner(t) }
            guard let f = m.fields.first(where: { $0.name == first }) else { throw Failure.fieldDoesNotExist(first) }
            return try lookup(field: f, path.dropFirst())
        }
    }

    private func body(_ found: Found, name: String, recursive: Bool) -> String {
        // Collect the descriptions met on the way down to an object (with fields) or a scalar.
        var descs: [String] = []
        var object: ExplainSchema.Model? = nil
        var isObject = false
        var typeName = ""
        switch found {
        case .root(let m):
            descs = [m.doc]
            object = m
            isObject = true
        case .field(let f):
            typeName = v2Name(f.type)
            (isObject, object) = descend(f.type, desc: f.doc, into: &descs)
        case .inner(let t):
            typeName = v2Name(t)
            (isObject, object) = descend(t, desc: "", into: &descs)
        }
        var s = ""
        if isObject {
            if !name.isEmpty { s += "RESOURCE: \(name) <\(typeName)>\n\n" }
        } else {
            s += "FIELD:    \(name) <\(typeName)>\n\n"
        }
        s += "DESCRIPTION:\n"
        var wroteAny = false
        for (i, d) in descs.enumerated() where !d.isEmpty {
            if i != 0 { s += "\n" }
            s += wrapped(d, indent: 5)
            wroteAny = true
        }
        if !wroteAny { s += wrapped("<empty>", indent: 5) }
        if isObject {
            s += "\nFIELDS:\n"
            if let m = object { s += recursive ? recursiveFields(m, indent: 3, seen: []) : fields(m) }
        }
        return s
    }

    /// Follows a type through lists, maps and references, adding each description; returns
    /// whether it ends in an object, and which model (nil for an untyped object).
    private func descend(_ t: ExplainSchema.TypeRef, desc: String, into descs: inout [String]) -> (Bool, ExplainSchema.Model?) {
        switch t {
        case .primitive(let p):
            descs.append(desc)
            return (p == "Object", nil)
        case .array(let i), .map(let i):
            descs.append(desc)
            return descend(i, desc: "", into: &descs)
        case .named(let n):
            descs.append(desc)
            guard let m = schema.model(n) else { return (true, nil) }
            descs.append(m.doc)
            return (m.scalar == nil, m.scalar == nil ? m : nil)
        }
    }

    private func fields(_ m: ExplainSchema.Model) -> String {
        var s = ""
        for f in m.fields {
            s += "   \(f.name)\t<\(v2Name(f.type))>" + (f.required ? " -required-" : "") + "\n"
            s += wrapped(f.doc, indent: 5)
            s += "\n"
        }
        return s
    }

    private func recursiveFields(_ m: ExplainSchema.Model, indent: Int, seen: Set<String>) -> String {
        var s = ""
        let pad = String(repeating: " ", count: indent)
        for f in m.fields {
            s += "\(pad)\(f.name)\t<\(v2Name(f.type))>\n"
            if let (name, sub) = objectModel(f.type), !seen.contains(name) {
                s += recursiveFields(sub, indent: indent + 3, seen: seen.union([name]))
            }
        }
        return s
    }

    private func objectModel(_ t: ExplainSchema.TypeRef) -> (String, ExplainSchema.Model)? {
        switch t {
        case .primitive: return nil
        case .array(let i), .map(let i): return objectModel(i)
        case .named(let n):
            guard let m = schema.model(n), m.scalar == nil else { return nil }
            return (n, m)
        }
    }

    /// OpenAPI v2 type names: every object is `Object`; Quantity and IntOrString are strings.
    func v2Name(_ t: ExplainSchema.TypeRef) -> String {
        switch t {
        case .primitive(let p): return p
        case .array(let i): return "[]" + v2Name(i)
        case .map(let i): return "map[string]" + v2Name(i)
        case .named(let n):
            guard let scalar = schema.model(n)?.scalar else { return "Object" }
            return scalar.isEmpty ? "string" : scalar
        }
    }

    /// formatter.go's WriteWrapped: words joined by single spaces into lines of at most
    /// 80 columns including the indent; each line indented.
    func wrapped(_ text: String, indent: Int) -> String {
        let width = 80 - indent
        var lines: [String] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { lines.append(current.joined(separator: " ")); current = [] }
        }
        for raw in text.components(separatedBy: "\n") {
            if raw.trimmingCharacters(in: .whitespaces).isEmpty {
                if !lines.isEmpty || !current.isEmpty { flush(); lines.append("") }
                continue
            }
            for word in raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
                let candidate = (current + [word]).joined(separator: " ")
                if candidate.count <= width || current.isEmpty {
                    current.append(word)
                } else {
                    flush()
                    current = [word]
                }
            }
        }
        flush()
        let pad = String(repeating: " ", count: indent)
        return lines.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
    }
}
