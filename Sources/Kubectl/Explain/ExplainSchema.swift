import Foundation
import KubeAPI

/// The API schema `kubectl explain` reads, kept as data: a small text format (see
/// `ExplainSchema.parse`) in the ExplainData*.swift files, one block per OpenAPI type.
/// Field names, types, required markers and enum values follow the Kubernetes v1.32
/// OpenAPI v3 document; the descriptions are kubelab's own, written for learners.
struct ExplainSchema: Sendable {
    /// How a field's value is typed, the way the OpenAPI document nests schemas.
    indirect enum TypeRef: Sendable, Equatable {
        /// A JSON type: string, integer, boolean, number, or Object (an untyped object).
        case primitive(String)
        /// A named type from `components/schemas` (`PodSpec`, `Quantity`).
        case named(String)
        case array(TypeRef)
        case map(TypeRef)
    }

    struct Field: Sendable {
        let name: String
        let type: TypeRef
        let required: Bool
        let enumValues: [String]
        let doc: String
    }

    struct Model: Sendable {
        let name: String
        /// nil for objects; "string"/"integer" for named scalars like Time; "" for types the
        /// document leaves untyped (Quantity, IntOrString), which explain shows by name.
        let scalar: String?
        var doc: String
        /// Sorted by name: explain ranges over a JSON map, so fields print alphabetically.
        var fields: [Field]
    }

    let models: [String: Model]

    static let shared: ExplainSchema = {
        let schema = ExplainSchema(text: ExplainData.all.joined(separator: "\n"))
        return schema
    }()

    init(text: String) {
        models = ExplainSchema.parse(text)
    }

    func model(_ name: String) -> Model? { models[name] }

    /// The text format, one line each:
    ///
    ///     ## TypeName            an object type; `## Time = string` a named scalar,
    ///                            `## Quantity = untyped` a type with no JSON type
    ///     First line after it:   the type's description
    ///     name Type [!] [{A,B}] | description
    ///     +object                the apiVersion, kind and metadata fields of a kind
    ///                            a field; `!` marks it required, `{…}` lists enum values
    ///                            (`""` for the empty string); Type is string, integer,
    ///                            boolean, number, Object, []T, map[string]T or a TypeName.
    static func parse(_ text: String) -> [String: Model] {
        var models: [String: Model] = [:]
        var current: Model?
        var sawDoc = false
        func flush() {
            if var m = current {
                m.fields.sort { $0.name < $1.name }
                models[m.name] = m
            }
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("## ") {
                flush()
                let head = line.dropFirst(3)
                let parts = head.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                let scalar: String? = parts.count > 1 ? (parts[1] == "untyped" ? "" : parts[1]) : nil
                current = Model(name: parts[0], scalar: scalar, doc: "", fields: [])
                sawDoc = false
                continue
            }
            guard current != nil else { continue }
            if !sawDoc {
                current!.doc = line
                sawDoc = true
                continue
            }
            if line == "+object" {
                // The three fields every top-level kind shares.
                current!.fields += standardObjectFields
                continue
            }
            let pieces = line.components(separatedBy: " | ")
            let head = pieces[0].split(separator: " ").map(String.init)
            guard head.count >= 2 else { continue }
            let doc = pieces.dropFirst().joined(separator: " | ")
            var required = false
            var enumValues: [String] = []
            for token in head.dropFirst(2) {
                if token == "!" { required = true }
                if token.hasPrefix("{") && token.hasSuffix("}") {
                    enumValues = token.dropFirst().dropLast().split(separator: ",").map { $0 == "\"\"" ? "" : String($0) }
                }
            }
            current!.fields.append(Field(name: head[0], type: parseType(head[1]), required: required,
                                         enumValues: enumValues, doc: doc))
        }
        flush()
        return models
    }

    static let standardObjectFields: [Field] = [
        Field(name: "apiVersion", type: .primitive("string"), required: false, enumValues: [],
              doc: "The version of the API schema this object is written in, e.g. v1 or apps/v1. The server uses it to interpret the rest of the object."),
        Field(name: "kind", type: .primitive("string"), required: false, enumValues: [],
              doc: "The type of object, in CamelCase, e.g. Pod or Deployment. Cannot be changed."),
        Field(name: "metadata", type: .named("ObjectMeta"), required: false, enumValues: [],
              doc: "The object's name, namespace, labels, annotations and other bookkeeping."),
    ]

    static func parseType(_ s: String) -> TypeRef {
        if s.hasPrefix("[]") { return .array(parseType(String(s.dropFirst(2)))) }
        if s.hasPrefix("map[string]") { return .map(parseType(String(s.dropFirst("map[string]".count)))) }
        if ["string", "integer", "boolean", "number", "Object"].contains(s) { return .primitive(s) }
        return .named(s)
    }

    /// The group-versions whose OpenAPI documents a v1.32 apiserver serves, as `api/v1` and
    /// `apis/GROUP/VERSION` paths: `--api-version` must name one of them.
    static let servedGroupVersions: Set<String> = {
        var s = Set(InfoCommands.apiResources.map { $0.2 })
        s.insert("autoscaling/v1")
        return s
    }()
}
