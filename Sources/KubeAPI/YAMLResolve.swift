import Foundation

// go-yaml v2 (gopkg.in/yaml.v2 2.4.0, vendored by sigs.k8s.io/yaml as goyaml.v2) scalar
// resolution, plus the bits of Go's strconv / time / sort behaviour that kubectl's YAML
// handling depends on. Everything here is pure and allocation-light.

/// A value as go-yaml v2 produces it when unmarshalling into `interface{}`.
indirect enum GoYAMLValue {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    case string(String)
    case seq([GoYAMLValue])
    case map(GoYAMLMap)
}

/// `map[interface{}]interface{}`: insertion-ordered, later keys overwrite earlier ones
/// (go-yaml v2 does not reject duplicate keys).
struct GoYAMLMap {
    private(set) var keys: [GoYAMLValue] = []
    private(set) var values: [GoYAMLValue] = []
    private var identities: [GoYAMLKey?] = []
    private var index: [GoYAMLKey: Int]? = nil  // built once the map grows

    var count: Int { keys.count }

    mutating func set(_ key: GoYAMLValue, _ value: GoYAMLValue) {
        let k = GoYAMLKey(key)
        if let k {
            if let index {
                if let i = index[k] { values[i] = value; return }
            } else if let i = identities.firstIndex(of: k) {
                values[i] = value
                return
            }
        }
        if let k, index != nil { index![k] = keys.count }
        keys.append(key)
        values.append(value)
        identities.append(k)
        if index == nil && keys.count > 12 {
            var built: [GoYAMLKey: Int] = [:]
            for (i, id) in identities.enumerated() { if let id { built[id] = i } }
            index = built
        }
    }
}

/// Hashable identity of a scalar map key with Go interface-equality semantics
/// (`1`, `1.0` and `"1"` are three different keys; NaN never equals itself).
enum GoYAMLKey: Hashable {
    case null, bool(Bool), int(Int64), uint(UInt64), float(UInt64), string(String)
    init?(_ v: GoYAMLValue) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = .uint(u)
        case .float(let d):
            if d.isNaN { return nil }
            self = .float((d == 0 ? 0.0 : d).bitPattern)
        case .string(let s): self = .string(s)
        case .seq, .map: return nil
        }
    }
}

enum GoYAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let null = "tag:yaml.org,2002:null"
    static let bool = "tag:yaml.org,2002:bool"
    static let str = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let timestamp = "tag:yaml.org,2002:timestamp"
    static let binary = "tag:yaml.org,2002:binary"
    static let merge = "tag:yaml.org,2002:merge"

    static func short(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// A failure raised by go-yaml's decoder through `failf` (printed as `yaml: <message>`).
struct GoYAMLFailure: Error {
    let message: String
}

enum GoYAMLResolver {
    /// `resolve(tag, in)` from go-yaml v2 resolve.go.
    static func resolve(tag: String, _ s: String) throws -> (tag: String, value: GoYAMLValue) {
        if tag.isEmpty { return resolveUnchecked(tag: tag, s) }
        switch tag {
        case "", GoYAMLTag.str, GoYAMLTag.bool, GoYAMLTag.int, GoYAMLTag.float, GoYAMLTag.null, GoYAMLTag.timestamp:
            break
        default:
            return (tag, .string(s))
        }
        let (rtag, out) = resolveUnchecked(tag: tag, s)
        switch tag {
        case "", rtag, GoYAMLTag.str, GoYAMLTag.binary:
            return (rtag, out)
        case GoYAMLTag.float where rtag == GoYAMLTag.int:
            if case .int(let i) = out { return (GoYAMLTag.float, .float(Double(i))) }
        default:
            break
        }
        throw GoYAMLFailure(message: "cannot decode \(GoYAMLTag.short(rtag)) `\(s)` as a \(GoYAMLTag.short(tag))")
    }

    private static func resolveUnchecked(tag: String, _ s: String) -> (String, GoYAMLValue) {
        let u = s.utf8
        let hint: UInt8
        if let first = u.first {
            switch first {
            case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = UInt8(ascii: "S")
            case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = UInt8(ascii: "D")
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
                 UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
                 UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"): hint = UInt8(ascii: "M")
            case UInt8(ascii: "."): hint = UInt8(ascii: ".")
            default: hint = 0
            }
        } else {
            hint = UInt8(ascii: "N")
        }
        if hint != 0 && tag != GoYAMLTag.str && tag != GoYAMLTag.binary {
            if let item = mapped(s) { return item }
            switch hint {
            case UInt8(ascii: "."):
                if let d = goParseDotFloat(s) { return (GoYAMLTag.float, .float(d)) }
            case UInt8(ascii: "D"), UInt8(ascii: "S"):
                if tag == "" || tag == GoYAMLTag.timestamp {
                    if GoTime.isYAMLTimestamp(s) { return (GoYAMLTag.timestamp, .string(s)) }
                }
                let plain = s.utf8.contains(UInt8(ascii: "_")) ? String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "_" })) : s
                if case .success(let i) = GoStrconv.parseInt(plain, base: 0) { return (GoYAMLTag.int, .int(i)) }
                if case .success(let v) = GoStrconv.parseUint(plain, base: 0) { return (GoYAMLTag.int, .uint(v)) }
                if isYAMLStyleFloat(plain), let d = Double(plain), d.isFinite {
                    return (GoYAMLTag.float, .float(d))
                }
                if plain.hasPrefix("0b") {
                    let rest = String(plain.dropFirst(2))
                    if case .success(let i) = GoStrconv.parseInt(rest, base: 2) { return (GoYAMLTag.int, .int(i)) }
                    if case .success(let v) = GoStrconv.parseUint(rest, base: 2) { return (GoYAMLTag.int, .uint(v)) }
                } else if plain.hasPrefix("-0b") {
                    if case .success(let i) = GoStrconv.parseInt("-" + plain.dropFirst(3), base: 2) { return (GoYAMLTag.int, .int(i)) }
                }
            default:
                break
            }
        }
        return (GoYAMLTag.str, .string(s))
    }

    private static func mapped(_ s: String) -> (String, GoYAMLValue)? {
        if s.utf8.count > 6 { return nil }  // every entry is short
        switch s {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return (GoYAMLTag.bool, .bool(true))
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
            return (GoYAMLTag.bool, .bool(false))
        case "", "~", "null", "Null", "NULL":
            return (GoYAMLTag.null, .null)
        case ".nan", ".NaN", ".NAN":
            return (GoYAMLTag.float, .float(.nan))
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
            return (GoYAMLTag.float, .float(.infinity))
        case "-.inf", "-.Inf", "-.INF":
            return (GoYAMLTag.float, .float(-.infinity))
        default:
            return nil
        }
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits() -> Int { let st = i; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }; return i - st }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        } else {
            if digits() == 0 { return false }
            if i < b.count, b[i] == UInt8(ascii: ".") { i += 1; _ = digits() }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    /// strconv.ParseFloat for a string starting with '.': only `\.[0-9]+([eE][-+]?[0-9]+)?` is valid.
    private static func goParseDotFloat(_ s: String) -> Double? {
        guard s.hasPrefix("."), isYAMLStyleFloat(s) else { return nil }
        guard let d = Double(s), d.isFinite else { return nil }
        return d
    }

    /// `isBase60Float` from go-yaml v2 encode.go:
    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= 48 && c <= 57),
              b.contains(UInt8(ascii: ":")) else { return false }
        func isDigit(_ x: UInt8) -> Bool { x >= 48 && x <= 57 }
        var i = 0
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, isDigit(b[i]) else { return false }
        i += 1
        while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        // Each group is ":" followed by 1 or 2 digits, the first of a pair being 0-5.
        // Regex backtracking: "[0-5]?[0-9]" matches one digit, or two when the first is 0-5.
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { return false }
            if i + 1 < b.count, isDigit(b[i + 1]), b[i] <= UInt8(ascii: "5") {
                // Prefer two digits unless the second digit would be needed elsewhere; nothing
                // after a group may start with a digit, so the greedy choice is the only one.
                i += 2
            } else {
                i += 1
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == b.count
    }
}

// MARK: - Go's %#v for decoded YAML values (used in go-yaml / sigs.k8s.io/yaml error texts)

enum GoSyntax {
    static func format(_ v: GoYAMLValue?, topLevel: Bool = true) -> String {
        guard let v else { return "<nil>" }
        switch v {
        case .null: return topLevel ? "<nil>" : "interface {}(nil)"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "0x" + String(u, radix: 16)
        case .float(let d): return GoFloat.format(d, "g")
        case .string(let s): return GoText.quote(s)
        case .seq(let a):
            return "[]interface {}{" + a.map { format($0, topLevel: false) }.joined(separator: ", ") + "}"
        case .map(let m):
            // fmt sorts map keys: numbers before strings etc. Keep it simple and stable.
            var pairs: [(String, String)] = []
            for (k, val) in zip(m.keys, m.values) {
                pairs.append((format(k, topLevel: false), format(val, topLevel: false)))
            }
            pairs.sort { $0.0 < $1.0 }
            return "map[interface {}]interface {}{" + pairs.map { "\($0.0):\($0.1)" }.joined(separator: ", ") + "}"
        }
    }

    /// reflect.TypeOf(v).String() as printed by %s.
    static func typeName(_ v: GoYAMLValue) -> String {
        switch v {
        case .null: return "%!s(<nil>)"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint64"
        case .float: return "float64"
        case .string: return "string"
        case .seq: return "[]interface {}"
        case .map: return "map[interface {}]interface {}"
        }
    }
}

// MARK: - time.Parse for go-yaml's timestamp formats

enum GoTime {
    /// go-yaml v2 `parseTimestamp`: true when `s` parses with one of
    /// "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
    /// "2006-1-2 15:4:5.999999999", "2006-1-2".
    static func isYAMLTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        if i != 4 || i == b.count || b[i] != UInt8(ascii: "-") { return false }
        return parse(b, sep: UInt8(ascii: "T"), zone: true) || parse(b, sep: UInt8(ascii: "t"), zone: true)
            || parse(b, sep: UInt8(ascii: " "), zone: false) || parse(b, sep: nil, zone: false)
    }

    private static func parse(_ b: [UInt8], sep: UInt8?, zone: Bool) -> Bool {
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 48 && b[k] <= 57 }
        func getnum(fixed: Bool) -> Int? {
            guard isDigit(i) else { return nil }
            if !isDigit(i + 1) {
                if fixed { return nil }
                let v = Int(b[i] - 48); i += 1; return v
            }
            let v = Int(b[i] - 48) * 10 + Int(b[i + 1] - 48); i += 2; return v
        }
        func lit(_ c: UInt8) -> Bool { if i < b.count && b[i] == c { i += 1; return true }; return false }
        guard b.count >= 4 else { return false }
        let year = Int(String(decoding: b[0..<4], as: UTF8.self)) ?? 0
        i = 4
        guard lit(UInt8(ascii: "-")), let month = getnum(fixed: false), month >= 1, month <= 12,
              lit(UInt8(ascii: "-")), let day = getnum(fixed: false) else { return false }
        if let sep {
            guard lit(sep), let hour = getnum(fixed: false), hour < 24, lit(UInt8(ascii: ":")),
                  let minute = getnum(fixed: false), minute < 60, lit(UInt8(ascii: ":")),
                  let second = getnum(fixed: false), second < 60 else { return false }
            _ = (hour, minute, second)
            // .999999999: optional fraction, "." or "," followed by at least one digit.
            if i + 1 < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ","), isDigit(i + 1) {
                i += 1
                while isDigit(i) { i += 1 }
            }
            if zone {
                if i < b.count && b[i] == UInt8(ascii: "Z") {
                    i += 1
                } else {
                    guard b.count - i >= 6, b[i + 3] == UInt8(ascii: ":"),
                          b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return false }
                    let save = i
                    i += 1
                    guard let hh = getnum(fixed: true), i == save + 3 else { return false }
                    i += 1
                    guard let mm = getnum(fixed: true) else { return false }
                    if hh > 24 || mm > 60 { return false }
                }
            }
        }
        guard i == b.count else { return false }
        // day range check happens last in time.Parse
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day >= 1 && day <= days
    }
}

// MARK: - go-yaml v2 map key ordering (sorter.go keyList.Less) for string keys

enum GoYAMLKeyOrder {
    private static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 {
            return (u.value >= 65 && u.value <= 90) || (u.value >= 97 && u.value <= 122)
        }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value >= 48 && u.value <= 57 }
        return u.properties.generalCategory == .decimalNumber
    }

    /// keyList.Less for two string keys.
    static func less(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let fast: Bool? = a.withUTF8 { ua in
            b.withUTF8 { ub in
                if ua.contains(where: { $0 >= 0x80 }) || ub.contains(where: { $0 >= 0x80 }) { return nil }
                return lessASCII(ua, ub)
            }
        }
        if let fast { return fast }
        return lessScalars(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    private static func lessASCII(_ ar: UnsafeBufferPointer<UInt8>, _ br: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func letter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        @inline(__always) func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = letter(ar[i]), bl = letter(br[i])
            if al && bl { return ar[i] < br[i] }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == 48 || br[i] == 48 {
                var j = i - 1
                while j >= 0 && digit(ar[j]) {
                    if ar[j] != 48 { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && digit(ar[ai]) { an = an &* 10 &+ Int64(ar[ai] - 48); ai += 1 }
            var bi = i
            while bi < br.count && digit(br[bi]) { bn = bn &* 10 &+ Int64(br[bi] - 48); bi += 1 }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i] < br[i]
        }
        return ar.count < br.count
    }

    private static func lessScalars(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = isLetter(ar[i]), bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ (Int64(ar[ai].value) &- 48); ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ (Int64(br[bi].value) &- 48); bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }
}
