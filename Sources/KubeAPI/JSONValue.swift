import Foundation

/// A JSON document as the apiserver sees it: the untyped form every object passes through
/// for patching, field paths, jsonpath and YAML/JSON printing.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        get { if case .object(let o) = self { return o[key] } else { return nil } }
        set {
            guard case .object(var o) = self else { return }
            o[key] = newValue
            self = .object(o)
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded(): return Int(d)
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Walks a dotted path with `[i]` indexes: `spec.template.spec.containers[0].image`.
    public func value(atPath path: String) -> JSONValue? {
        var cur: JSONValue? = self
        for seg in FieldPath.parse(path) {
            switch seg {
            case .key(let k): cur = cur?[k]
            case .index(let i):
                guard let a = cur?.arrayValue, i >= 0, i < a.count else { return nil }
                cur = a[i]
            }
        }
        return cur
    }
}

/// One step of a field path such as `spec.containers[0].image`.
public enum FieldPath: Equatable, Sendable {
    case key(String)
    case index(Int)

    public static func parse(_ path: String) -> [FieldPath] {
        var out: [FieldPath] = []
        var cur = ""
        var i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            if c == "." {
                if !cur.isEmpty { out.append(.key(cur)); cur = "" }
            } else if c == "[" {
                if !cur.isEmpty { out.append(.key(cur)); cur = "" }
                guard let close = path[i...].firstIndex(of: "]") else { cur.append(contentsOf: path[i...]); break }
                let inner = path[path.index(after: i)..<close]
                if let n = Int(inner) { out.append(.index(n)) } else { out.append(.key(String(inner))) }
                i = close
            } else {
                cur.append(c)
            }
            i = path.index(after: i)
        }
        if !cur.isEmpty { out.append(.key(cur)) }
        return out
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral v: String) { self = .string(v) }
    public init(integerLiteral v: Int) { self = .int(v) }
    public init(booleanLiteral v: Bool) { self = .bool(v) }
    public init(arrayLiteral v: JSONValue...) { self = .array(v) }
    public init(dictionaryLiteral v: (String, JSONValue)...) {
        self = .object(Dictionary(v, uniquingKeysWith: { _, b in b }))
    }
    public init(nilLiteral: ()) { self = .null }
}

// MARK: - JSON text as Go writes it

extension JSONValue {
    /// `json.Marshal` output (see `GoJSON.marshal`): keys sorted, no whitespace.
    public var compactJSON: String { GoJSON.marshal(self) }

    /// `json.MarshalIndent(v, "", indent)`; `kubectl get -o json` prints it with four spaces.
    public func prettyJSON(indent: String = "    ") -> String { GoJSON.marshalIndent(self, indent: indent) }

    /// encoding/json's float format; kept under this name for the typed API's callers.
    static func formatDouble(_ d: Double) -> String { GoFloat.json(d) }
}

// MARK: - Typed <-> untyped

public enum JSONBridge {
    public static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let data = try JSONEncoder().encode(value)
        return try JSONDecoder().decode(T.self, from: data)
    }
}

extension JSONValue {
    /// Parses JSON text (e.g. a last-applied-configuration annotation).
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
