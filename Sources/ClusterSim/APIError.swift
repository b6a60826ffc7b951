import KubeAPI

/// One cause of an Invalid error, rendered as `field.ErrorList` does.
public struct FieldError: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case required(detail: String)
        case invalid(value: String, detail: String)
        case unsupported(value: String, supported: [String])
        case forbidden(detail: String)
        case duplicate(value: String)
        case tooLong(max: Int)
        case notFound(value: String)
    }
    public let field: String
    public let kind: Kind

    public init(_ field: String, _ kind: Kind) { self.field = field; self.kind = kind }

    public var text: String {
        switch kind {
        case .required(let d): return "\(field): Required value" + (d.isEmpty ? "" : ": \(d)")
        case .invalid(let v, let d): return "\(field): Invalid value: \(v)" + (d.isEmpty ? "" : ": \(d)")
        case .unsupported(let v, let s): return "\(field): Unsupported value: \(v): supported values: " + s.map { "\"\($0)\"" }.joined(separator: ", ")
        case .forbidden(let d): return "\(field): Forbidden: \(d)"
        case .duplicate(let v): return "\(field): Duplicate value: \(v)"
        case .tooLong(let m): return "\(field): Too long: may not be more than \(m) bytes"
        case .notFound(let v): return "\(field): Not found: \(v)"
        }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        JSONValueQuote.write(s, into: &out)
        return out
    }
}

enum JSONValueQuote {
    /// Go's %q for the simple strings names and images are made of.
    static func write(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        out += "\""
    }
}

/// A Status error as the apiserver returns it; `kubectlText` is what kubectl prints.
public struct APIError: Error, Sendable, Equatable {
    public let reason: String
    public let message: String
    public let code: Int

    public static func notFound(_ r: ResourceType, _ name: String) -> APIError {
        APIError(reason: "NotFound", message: "\(r.qualifiedPlural) \"\(name)\" not found", code: 404)
    }

    public static func alreadyExists(_ r: ResourceType, _ name: String) -> APIError {
        APIError(reason: "AlreadyExists", message: "\(r.qualifiedPlural) \"\(name)\" already exists", code: 409)
    }

    public static func conflict(_ r: ResourceType, _ name: String) -> APIError {
        APIError(reason: "Conflict", message: "Operation cannot be fulfilled on \(r.qualifiedPlural) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again", code: 409)
    }

    public static func badRequest(_ message: String) -> APIError {
        APIError(reason: "BadRequest", message: message, code: 400)
    }

    public static func invalid(kind: String, name: String, _ errors: [FieldError]) -> APIError {
        var seen = Set<String>()
        let lines = errors.map(\.text).filter { seen.insert($0).inserted }
        let head = "\(kind) \"\(name)\" is invalid: "
        let message = lines.count == 1 ? head + lines[0] : head + "[" + lines.joined(separator: ", ") + "]"
        return APIError(reason: "Invalid", message: message, code: 422, causes: lines, kindName: "The \(kind) \"\(name)\" is invalid: ")
    }

    /// For Invalid errors kubectl prints its own multi-line form rather than the message.
    public let causes: [String]
    let kindName: String

    init(reason: String, message: String, code: Int, causes: [String], kindName: String) {
        self.reason = reason; self.message = message; self.code = code; self.causes = causes; self.kindName = kindName
    }

    public init(reason: String, message: String, code: Int, causes: [String] = []) {
        self.init(reason: reason, message: message, code: code, causes: causes, kindName: "")
    }

    /// The line(s) kubectl prints for this error (without trailing newline).
    /// `context` is the `error when creating "x.yaml": ` style prefix some verbs add.
    public func kubectlText(context: String = "") -> String {
        if reason == "Invalid" && !kindName.isEmpty {
            if causes.count == 1 { return kindName + causes[0] }
            return kindName + "\n" + causes.map { "* \($0)" }.joined(separator: "\n")
        }
        return "Error from server (\(reason)): \(context)\(message)"
    }
}
