import Foundation

/// kubectl's path for a manifest whose first non-space character is `{`: apimachinery's
/// YAMLOrJSONDecoder switches to a `json.Decoder` over the whole stream (no `---` splitting),
/// and reports Go `encoding/json` syntax errors as `json: offset N: <message>`
/// (N = 1-based byte offset of the offending byte) or `unexpected EOF`.
enum KubeJSONStream {
    static func looksLikeJSON(_ b: [UInt8]) -> Bool {
        // bytes.TrimLeftFunc(buf, unicode.IsSpace) then HasPrefix "{"
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D { i += 1; continue }
            if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { i += 2; continue }
            if c >= 0xE1 {
                // Multi-byte Unicode spaces (U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000).
                let s = String(decoding: b[i..<min(b.count, i + 3)], as: UTF8.self)
                if let u = s.unicodeScalars.first, u.properties.isWhitespace, u.value > 0xFF {
                    i += String(u).utf8.count
                    continue
                }
            }
            return c == UInt8(ascii: "{")
        }
        return false
    }

    static func decode(_ b: [UInt8]) -> YAMLStream {
        var docs: [JSONValue] = []
        var scanner = GoJSONScanner(bytes: b)
        var index = 0
        while true {
            switch scanner.nextValue() {
            case .end:
                return YAMLStream(documents: docs, error: nil)
            case .value(let v):
                if !v.isNull { docs.append(v) }
                index += 1
            case .syntax(let offset, let message):
                return YAMLStream(documents: docs, error: YAMLParseError(documentIndex: index, reason: .json("json: offset \(offset): \(message)")))
            case .unexpectedEOF:
                return YAMLStream(documents: docs, error: YAMLParseError(documentIndex: index, reason: .json("unexpected EOF")))
            }
        }
    }
}

/// A port of the state machine of Go's encoding/json scanner, driven like json.Decoder does.
struct GoJSONScanner {
    enum Outcome { case value(JSONValue), syntax(Int, String), unexpectedEOF, end }

    private let b: [UInt8]
    private var pos = 0

    init(bytes: [UInt8]) { self.b = bytes }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    static func quoteChar(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        // strconv.Quote(string(rune(c))) without the double quotes
        let q = GoText.quote(String(Unicode.Scalar(c)))
        return "'" + q.dropFirst().dropLast() + "'"
    }

    private enum Container {
        case array([JSONValue])
        case object([String: JSONValue], key: String?)
    }

    private enum Failure: Error { case syntax(Int, String), eof }

    mutating func nextValue() -> Outcome {
        while pos < b.count && Self.isSpace(b[pos]) { pos += 1 }
        if pos >= b.count { return .end }
        do {
            return .value(try parseValue())
        } catch Failure.syntax(let o, let m) {
            return .syntax(o, m)
        } catch {
            return .unexpectedEOF
        }
    }

    private func err(_ at: Int, _ context: String) -> Failure {
        .syntax(at + 1, "invalid character " + Self.quoteChar(b[at]) + " " + context)
    }

    private mutating func skipSpace() throws {
        while pos < b.count && Self.isSpace(b[pos]) { pos += 1 }
        if pos >= b.count { throw Failure.eof }
    }

    /// Iterative parse of one top-level value (no recursion: nesting up to 10000 like Go).
    private mutating func parseValue() throws -> JSONValue {
        var stack: [Container] = []
        var finished: JSONValue? = nil
        while true {
            if let v = finished {
                finished = nil
                guard let top = stack.popLast() else { return v }
                switch top {
                case .array(var a):
                    a.append(v)
                    try skipSpace()
                    let c = b[pos]
                    if c == UInt8(ascii: ",") {
                        pos += 1
                        stack.append(.array(a))  // then a value begins
                    } else if c == UInt8(ascii: "]") {
                        pos += 1
                        finished = .array(a)
                        continue
                    } else {
                        throw err(pos, "after array element")
                    }
                case .object(var o, let key):
                    o[key ?? ""] = v
                    try skipSpace()
                    let c = b[pos]
                    if c == UInt8(ascii: ",") {
                        pos += 1
                        let k = try parseKey()
                        stack.append(.object(o, key: k))
                    } else if c == UInt8(ascii: "}") {
                        pos += 1
                        finished = .object(o)
                        continue
                    } else {
                        throw err(pos, "after object key:value pair")
                    }
                }
            }
            // stateBeginValue
            try skipSpace()
            let c = b[pos]
            switch c {
            case UInt8(ascii: "{"):
                pos += 1
                if stack.count + 1 > 10000 { throw err(pos - 1, "exceeded max depth") }
                try skipSpace()
                if b[pos] == UInt8(ascii: "}") {
                    pos += 1
                    finished = .object([:])
                } else {
                    let k = try parseKey()
                    stack.append(.object([:], key: k))
                }
            case UInt8(ascii: "["):
                pos += 1
                if stack.count + 1 > 10000 { throw err(pos - 1, "exceeded max depth") }
                try skipSpace()
                if b[pos] == UInt8(ascii: "]") {
                    pos += 1
                    finished = .array([])
                } else {
                    stack.append(.array([]))
                }
            case UInt8(ascii: "\""):
                finished = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                finished = try parseNumber()
            case UInt8(ascii: "t"):
                try literal("true", "true"); finished = .bool(true)
            case UInt8(ascii: "f"):
                try literal("false", "false"); finished = .bool(false)
            case UInt8(ascii: "n"):
                try literal("null", "null"); finished = .null
            default:
                throw err(pos, "looking for beginning of value")
            }
        }
    }

    /// After `{` or `,` in an object: a key string, then `:`.
    private mutating func parseKey() throws -> String {
        try skipSpace()
        guard b[pos] == UInt8(ascii: "\"") else { throw err(pos, "looking for beginning of object key string") }
        let k = try parseString()
        try skipSpace()
        guard b[pos] == UInt8(ascii: ":") else { throw err(pos, "after object key") }
        pos += 1
        return k
    }

    private mutating func literal(_ word: String, _ name: String) throws {
        let w = Array(word.utf8)
        pos += 1
        for i in 1..<w.count {
            guard pos < b.count else { throw Failure.eof }
            if b[pos] != w[i] {
                throw err(pos, "in literal \(name) (expecting '\(Character(Unicode.Scalar(w[i])))')")
            }
            pos += 1
        }
    }

    private mutating func parseString() throws -> String {
        pos += 1  // opening quote
        var out: [UInt8] = []
        var scalars = String.UnicodeScalarView()
        func flush() {
            if !out.isEmpty { scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars); out.removeAll() }
        }
        while true {
            guard pos < b.count else { throw Failure.eof }
            let c = b[pos]
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c < 0x20 { throw err(pos, "in string literal") }
            if c == UInt8(ascii: "\\") {
                pos += 1
                guard pos < b.count else { throw Failure.eof }
                let e = b[pos]
                switch e {
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "u"):
                    var v: UInt32 = 0
                    for _ in 0..<4 {
                        pos += 1
                        guard pos < b.count else { throw Failure.eof }
                        guard let h = Self.hex(b[pos]) else { throw err(pos, "in \\u hexadecimal character escape") }
                        v = v << 4 | h
                    }
                    // Surrogate pair?
                    if v >= 0xD800 && v < 0xDC00, pos + 6 < b.count, b[pos + 1] == UInt8(ascii: "\\"), b[pos + 2] == UInt8(ascii: "u") {
                        var lo: UInt32 = 0
                        var ok = true
                        for k in 3...6 { if let h = Self.hex(b[pos + k]) { lo = lo << 4 | h } else { ok = false } }
                        if ok && lo >= 0xDC00 && lo < 0xE000 {
                            pos += 6
                            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        }
                    }
                    flush()
                    scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                default:
                    throw err(pos, "in string escape code")
                }
                pos += 1
                continue
            }
            out.append(c)
            pos += 1
        }
        flush()
        return String(scalars)
    }

    private static func hex(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = pos
        func digit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
        if b[pos] == UInt8(ascii: "-") {
            pos += 1
            guard pos < b.count else { throw Failure.eof }
            guard digit(pos) else { throw err(pos, "in numeric literal") }
        }
        if b[pos] == UInt8(ascii: "0") {
            pos += 1
        } else {
            while digit(pos) { pos += 1 }
        }
        if pos < b.count && b[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < b.count else { throw Failure.eof }
            guard digit(pos) else { throw err(pos, "after decimal point in numeric literal") }
            while digit(pos) { pos += 1 }
        }
        if pos < b.count && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            pos += 1
            guard pos < b.count else { throw Failure.eof }
            if b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-") {
                pos += 1
                guard pos < b.count else { throw Failure.eof }
            }
            guard digit(pos) else { throw err(pos, "in exponent of numeric literal") }
            while digit(pos) { pos += 1 }
        }
        let text = String(decoding: b[start..<pos], as: UTF8.self)
        if let i = Int(text) { return .int(i) }
        return .double(Double(text) ?? 0)
    }
}
