import Foundation
import KubeAPI

/// Renders explain's plaintext layout the way kubectl v1.32 does from OpenAPI v3
/// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): the header,
/// `FIELD:` for a field path, `DESCRIPTION:` wrapped at 76 columns and indented 4, then
/// `FIELDS:` with `name<TAB><type>`, ` -required-`, `enum:` lines and descriptions.
struct ExplainRenderer {
    let schema: ExplainSchema

    enum Failure: Error, Equatable {
        /// `error: field "NAME" does not exist`; kubectl has already printed the header.
        case fieldDoesNotExist(header: String, field: String)
    }

    /// The whole output for `kind` (a type name in the schema) at `path`.
    func render(group: String, kind: String, version: String, path: [String], recursive: Bool) throws -> String {
        var header = ""
        if !group.isEmpty { header += "GROUP:      \(group)\n" }
        header += "KIND:       \(kind)\n"
        header += "VERSION:    \(version)\n"
        header += "\n"
        guard let body = output(node: .named(kind), docChain: nil, path: path[...], recursive: recursive, isRoot: true) else {
            throw Failure.fieldDoesNotExist(header: header, field: path.last ?? "")
        }
        return header + body + "\n"
    }

    /// Follows `path` down from `node`; nil when a step names no field.
    /// `docChain` is the description explain prints for the node: the field's own text
    /// followed by the descriptions of the types it refers to.
    private func output(node: ExplainSchema.TypeRef, docChain: String?, path: ArraySlice<String>,
                        recursive: Bool, isRoot: Bool) -> String? {
        if path.isEmpty {
            var s = "DESCRIPTION:\n"
            let desc = docChain ?? typeDocs(node)
            s += indent(4, wrap(desc.isEmpty ? "<empty>" : desc, 76)) + "\n"
            let list = fieldList(node, level: 1, recursive: recursive, history: [], isRoot: isRoot)
            if !list.isEmpty { s += "FIELDS:\n" + list }
            return s
        }
        switch node {
        case .primitive:
            return nil
        case .array(let t), .map(let t):
            // Lists and maps are transparent: `containers.ports` looks inside the items.
            return output(node: t, docChain: nil, path: path, recursive: recursive, isRoot: false)
        case .named(let name):
            guard let m = schema.model(name), let f = m.fields.first(where: { $0.name == path.first! }) else { return nil }
            var s = ""
            if path.count == 1 {
                s += "FIELD: \(f.name) <\(typeGuess(f.type))>\n"
                if !f.enumValues.isEmpty {
                    s += "ENUM:" + f.enumValues.map { "\n    " + enumText($0) }.joined()
                }
                s += "\n\n"
            }
            guard let rest = output(node: f.type, docChain: f.doc + "\n" + typeDocs(f.type), path: path.dropFirst(),
                                    recursive: recursive, isRoot: false) else { return nil }
            return s + rest
        }
    }

    /// The descriptions of the named types a type refers to, each ending in a newline.
    private func typeDocs(_ t: ExplainSchema.TypeRef) -> String {
        switch t {
        case .primitive: return ""
        case .array(let inner), .map(let inner): return typeDocs(inner)
        case .named(let name):
            guard let m = schema.model(name), !m.doc.isEmpty else { return "" }
            return m.doc + "\n"
        }
    }

    /// `string`, `integer`, `[]Container`, `map[string]string`, `Object`, `Quantity`: the
    /// type hint explain prints between angle brackets.
    func typeGuess(_ t: ExplainSchema.TypeRef) -> String {
        switch t {
        case .primitive(let p): return p
        case .array(let inner): return "[]" + typeGuess(inner)
        case .map(let inner): return "map[string]" + typeGuess(inner)
        case .named(let name):
            if let scalar = schema.model(name)?.scalar, !scalar.isEmpty, scalar != "object" { return scalar }
            // Like the template, keep what follows the last dot of the schema name.
            return name.split(separator: ".").last.map(String.init) ?? name
        }
    }

    private func fieldList(_ t: ExplainSchema.TypeRef, level: Int, recursive: Bool, history: Set<String>, isRoot: Bool) -> String {
        switch t {
        case .primitive: return ""
        case .array(let inner), .map(let inner):
            return fieldList(inner, level: level, recursive: recursive, history: history, isRoot: false)
        case .named(let name):
            // A type already being listed further up is a cycle: stop there, as explain does.
            if history.contains(name) { return "" }
            guard let m = schema.model(name) else { return "" }
            var seen = history
            if !isRoot { seen.insert(name) }
            var s = ""
            for f in m.fields {
                s += fieldDetail(f, in: m, level: level, short: recursive)
                if recursive {
                    s += fieldList(f.type, level: level + 1, recursive: true, history: seen, isRoot: false)
                }
            }
            return s
        }
    }

    private func fieldDetail(_ f: ExplainSchema.Field, in m: ExplainSchema.Model, level: Int, short: Bool) -> String {
        let pad = level * 2
        var s = indent(pad, f.name) + "\t<\(typeGuess(f.type))>"
        if f.required { s += " -required-" }
        if !f.enumValues.isEmpty {
            // The one-line view shows at most four values.
            let shown = f.enumValues.prefix(4).map(enumText).joined(separator: ", ")
            s += "\n" + String(repeating: " ", count: pad) + "enum: " + shown + (f.enumValues.count > 4 ? ", ...." : "")
        }
        s += "\n"
        if !short {
            s += indent(pad + 2, wrap(f.doc.isEmpty ? "<no description>" : f.doc, 78 - pad)) + "\n"
            s += "\n"
        }
        return s
    }

    private func enumText(_ v: String) -> String { v.isEmpty ? "\"\"" : v }

    /// go-wordwrap's WrapString: breaks at spaces so lines stay within `limit` characters,
    /// keeps existing line breaks, and never splits a word.
    func wrap(_ s: String, _ limit: Int) -> String {
        var out = ""
        var current = 0
        var word = ""
        var space = ""
        for ch in s {
            if ch == "\n" {
                if word.isEmpty {
                    if current + space.count <= limit { out += space }
                } else {
                    out += space + word
                }
                out.append("\n")
                word = ""; space = ""; current = 0
            } else if ch == " " || ch == "\t" {
                if space.isEmpty || !word.isEmpty {
                    current += space.count + word.count
                    out += space + word
                    space = ""; word = ""
                }
                space.append(ch)
            } else {
                word.append(ch)
                if current + space.count + word.count > limit && word.count < limit {
                    out.append("\n")
                    current = 0
                    space = ""
                }
            }
        }
        if word.isEmpty {
            if current + space.count <= limit { out += space }
        } else {
            out += space + word
        }
        return out
    }

    /// The template's `indent`: pads the first line and every line after a newline.
    func indent(_ n: Int, _ s: String) -> String {
        let pad = String(repeating: " ", count: n)
        return pad + s.replacingOccurrences(of: "\n", with: "\n" + pad)
    }
}
