import Foundation
import KubeAPI

// How Go prints things, for the printers that hand a decoded object to Go code:
// `-o jsonpath` (k8s.io/client-go/util/jsonpath) and `-o go-template` (text/template).
// kubectl decodes JSON into `interface{}` trees, so every value a template sees is one of
// map[string]interface{}, []interface{}, string, int64, float64, bool or nil, plus the few
// types template literals and builtins add (int, uint8, complex128). Printing goes through
// package fmt, reproduced here byte for byte; strconv's quoting and float formats and
// encoding/json come from KubeAPI's GoText, GoFloat and GoJSON.

// MARK: - Errors

/// A failure of `-o jsonpath` or `-o go-template`, carrying exactly what kubectl v1.32 shows.
///
/// kubectl prints `error: ` + `message` on stderr (adding a newline only when the message
/// lacks one) and exits 1. Before failing it may already have written to stdout: the
/// partial template output and, for go-template execution errors, a debugging dump
/// (`Error executing template: …`); that text is `stdout`.
public struct PrinterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The error text after `error: `, byte for byte; may span lines and end in newlines.
    public let message: String
    /// What kubectl wrote to stdout before giving up ("" for parse errors).
    public let stdout: String

    public init(message: String, stdout: String = "") {
        self.message = message
        self.stdout = stdout
    }

    /// All of stderr as kubectl prints it (cmdutil.CheckErr: prefix, newline-terminated).
    public var stderr: String {
        let line = "error: " + message
        return line.hasSuffix("\n") ? line : line + "\n"
    }

    /// kubectl's exit status for these failures.
    public var exitCode: Int32 { 1 }

    public var description: String { stderr }
}

// MARK: - Running with room

/// Both engines are recursive descent (parse trees, nested ranges, template calls), like the
/// Go code they port; Go's stacks grow, ours do not, and a secondary thread may have as
/// little as 512 KB (a debug build needs ~8 KB per nested parenthesis). So templates that
/// could nest deeply run on a thread of their own with a large stack (only touched pages
/// are ever committed); everyday templates, whose nesting is bounded by their few
/// delimiters, run inline and skip the thread's cost. The parsers and executors still
/// cap nesting, so this size bounds every template.
enum TemplateStack {
    static let size = 64 << 20

    /// Nesting units (delimiters, parentheses, ranges) that any thread's stack can afford.
    static let inlineBudget = 24

    /// How many times `needle` occurs in `s` (counting stops once past the budget).
    static func count(_ needle: String, in s: String) -> Int {
        let n = Array(needle.utf8), h = Array(s.utf8)
        guard !n.isEmpty, h.count >= n.count else { return 0 }
        var c = 0, i = 0
        while i <= h.count - n.count && c <= inlineBudget {
            if h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { c += 1; i += n.count } else { i += 1 }
        }
        return c
    }

    static func run<T>(inline: Bool, _ body: @escaping @Sendable () throws -> T) throws -> T {
        inline ? try body() : try run(body)
    }

    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    static func run<T>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}

// MARK: - Values

/// The integer types that can reach a printer: JSON numbers decode to int64, template
/// literals and `len` produce int, and indexing a string yields a byte (uint8).
enum GoIntType: Sendable {
    case int, int64, uint8

    var name: String {
        switch self {
        case .int: return "int"
        case .int64: return "int64"
        case .uint8: return "uint8"
        }
    }
}

/// A dynamic Go value: what an `interface{}` holds, or what fmt receives as an argument.
/// `.null` is the nil interface (a JSON null). Maps and slices keep their JSON contents and
/// convert elements lazily, so indexing into big objects stays cheap.
enum GoDynamic: Sendable {
    case null
    case bool(Bool)
    case int(Int64, GoIntType)
    case float(Double)
    case complex(Double, Double)
    case string(String)
    case map([String: JSONValue])
    case slice([JSONValue])

    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(Int64(i), .int64)
        case .double(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .slice(a)
        case .object(let o): self = .map(o)
        }
    }

    /// `reflect.TypeOf(x).String()`; "<nil>" is what %T prints for nil.
    var typeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int(_, let t): return t.name
        case .float: return "float64"
        case .complex: return "complex128"
        case .string: return "string"
        case .map: return "map[string]interface {}"
        case .slice: return "[]interface {}"
        }
    }

    var isString: Bool { if case .string = self { return true } else { return false } }
}

/// A `reflect.Value` as the printers handle it. Besides the dynamic value it records the
/// static type, which Go leaks into behaviour: an element fetched from a map or slice has
/// type `interface{}` (so errors say "in type interface {}", and a JSON null is a nil
/// interface rather than nothing at all), while a value that went through a pipeline is
/// unwrapped to its concrete type.
enum GoValue: Sendable {
    /// The zero `reflect.Value`: a missing map key, or a nil interface after unwrapping.
    case invalid
    /// A value whose static type is its dynamic type (never `.null`).
    case concrete(GoDynamic)
    /// A value of static type `interface{}`; `.null` inside is the nil interface.
    case iface(GoDynamic)

    static func element(_ json: JSONValue) -> GoValue { .iface(GoDynamic(json)) }

    var isValid: Bool { if case .invalid = self { return false } else { return true } }

    /// Go's `indirectInterface`: the concrete value inside an interface, or invalid for nil.
    var unwrapped: GoValue {
        switch self {
        case .iface(.null): return .invalid
        case .iface(let d): return .concrete(d)
        default: return self
        }
    }

    /// `v.Type().String()`; only meaningful for valid values.
    var typeName: String {
        switch self {
        case .invalid: return "<invalid>"
        case .iface: return "interface {}"
        case .concrete(let d): return d.typeName
        }
    }

    /// `v.Interface()`: the dynamic value (nil for invalid and nil interfaces).
    var dynamic: GoDynamic {
        switch self {
        case .invalid: return .null
        case .concrete(let d), .iface(let d): return d
        }
    }

    var isNilInterface: Bool { if case .iface(.null) = self { return true } else { return false } }
}

// MARK: - encoding/json of template values

extension GoJSON {
    /// json.Marshal of a template value (maps and slices print as JSON in jsonpath).
    static func marshal(_ d: GoDynamic) -> String {
        switch d {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i, _): return String(i)
        case .float(let f): return GoFloat.json(f)
        case .complex: return "null"
        case .string(let s): var o = ""; writeString(s, into: &o); return o
        case .map(let m): return marshal(.object(m))
        case .slice(let a): return marshal(.array(a))
        }
    }

    /// kubectl's go-template printer marshals the object to JSON and decodes it again with
    /// apimachinery's json, so every float that prints as an integer reaches the template
    /// as int64 (3.0 becomes 3) while 1e21 stays a float64.
    static func roundTrip(_ v: JSONValue) -> JSONValue {
        switch v {
        case .double(let d): return GoJSON.decodedNumber(d)
        case .array(let a): return .array(a.map(roundTrip))
        case .object(let o): return .object(o.mapValues(roundTrip))
        default: return v
        }
    }
}

// MARK: - package fmt

/// Go's `fmt.Sprint`, `Sprintln`, `Sprintf` over dynamic values.
struct GoFmt {
    // Flags of the verb being printed (fmt.fmtFlags).
    private var plus = false, minus = false, sharp = false, space = false, zero = false
    private var plusV = false, sharpV = false
    private var wid = 0, widPresent = false
    private var prec = 0, precPresent = false
    private var buf = ""

    private init() {}

    private mutating func clearFlags() {
        plus = false; minus = false; sharp = false; space = false; zero = false
        plusV = false; sharpV = false
        wid = 0; widPresent = false; prec = 0; precPresent = false
    }

    /// `fmt.Sprint`: spaces between operands when neither side is a string.
    static func sprint(_ args: [GoDynamic]) -> String {
        var p = GoFmt()
        var prevString = false
        for (i, a) in args.enumerated() {
            let isString = a.isString
            if i > 0 && !isString && !prevString { p.buf += " " }
            p.printArg(a, "v")
            prevString = isString
        }
        return p.buf
    }

    /// `fmt.Sprintln`: always spaces, then a newline.
    static func sprintln(_ args: [GoDynamic]) -> String {
        var p = GoFmt()
        for (i, a) in args.enumerated() {
            if i > 0 { p.buf += " " }
            p.printArg(a, "v")
        }
        p.buf += "\n"
        return p.buf
    }

    /// `%v` of one value.
    static func v(_ a: GoDynamic) -> String { sprint([a]) }

    /// `%#v` of one value.
    static func sharpV(_ a: GoDynamic) -> String {
        var p = GoFmt()
        p.sharpV = true
        p.printArg(a, "v")
        return p.buf
    }

    /// `fmt.Sprintf`.
    static func sprintf(_ format: String, _ args: [GoDynamic]) -> String {
        var p = GoFmt()
        p.doPrintf(Array(format.utf8), args)
        return p.buf
    }

    // MARK: printf driver (fmt.doPrintf)

    private static func tooLarge(_ x: Int) -> Bool { x > 1_000_000 || x < -1_000_000 }

    private static func parsenum(_ s: [UInt8], _ start: Int, _ end: Int) -> (num: Int, isnum: Bool, newi: Int) {
        if start >= end { return (0, false, end) }
        var num = 0, isnum = false, i = start
        while i < end, s[i] >= 48, s[i] <= 57 {
            if tooLarge(num) { return (0, false, end) }
            num = num * 10 + Int(s[i] - 48)
            isnum = true
            i += 1
        }
        return (num, isnum, i)
    }

    private static func parseArgNumber(_ s: [UInt8], from: Int) -> (index: Int, wid: Int, ok: Bool) {
        if s.count - from < 3 { return (0, 1, false) }
        var i = from + 1
        while i < s.count {
            if s[i] == UInt8(ascii: "]") {
                let (width, ok, newi) = parsenum(s, from + 1, i)
                if !ok || newi != i { return (0, i - from + 1, false) }
                return (width - 1, i - from + 1, true)
            }
            i += 1
        }
        return (0, 1, false)
    }

    private mutating func doPrintf(_ format: [UInt8], _ a: [GoDynamic]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var i = 0
        var goodArgNum = true

        func argNumber(_ argNum: Int, _ i: Int) -> (Int, Int, Bool) {
            if i >= end || format[i] != UInt8(ascii: "[") { return (argNum, i, false) }
            reordered = true
            let (index, wid, ok) = GoFmt.parseArgNumber(format, from: i)
            if ok && index >= 0 && index < a.count { return (index, i + wid, true) }
            goodArgNum = false
            return (argNum, i + wid, ok)
        }

        func intFromArg(_ argNum: Int) -> (Int, Bool, Int) {
            var num = 0, isInt = false, newArgNum = argNum
            if argNum < a.count {
                if case .int(let v, _) = a[argNum] { num = Int(v); isInt = true }
                newArgNum = argNum + 1
                if GoFmt.tooLarge(num) { num = 0; isInt = false }
            }
            return (num, isInt, newArgNum)
        }

        while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > lasti { buf += String(decoding: format[lasti..<i], as: UTF8.self) }
            if i >= end { break }
            i += 1 // skip %
            clearFlags()
            flags: while i < end {
                switch format[i] {
                case UInt8(ascii: "#"): sharp = true
                case UInt8(ascii: "0"): zero = !minus // only allow zero padding to the left
                case UInt8(ascii: "+"): plus = true
                case UInt8(ascii: "-"): minus = true; zero = false
                case UInt8(ascii: " "): space = true
                default: break flags
                }
                i += 1
            }
            (argNum, i, afterIndex) = argNumber(argNum, i)

            // Width.
            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                (wid, widPresent, argNum) = intFromArg(argNum)
                if !widPresent { buf += "%!(BADWIDTH)" }
                if wid < 0 { wid = -wid; minus = true; zero = false }
                afterIndex = false
            } else {
                (wid, widPresent, i) = GoFmt.parsenum(format, i, end)
                if afterIndex && widPresent { goodArgNum = false }
            }

            // Precision.
            if i + 1 <= end && i < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, i)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    (prec, precPresent, argNum) = intFromArg(argNum)
                    if prec < 0 { prec = 0; precPresent = false }
                    if !precPresent { buf += "%!(BADPREC)" }
                    afterIndex = false
                } else {
                    (prec, precPresent, i) = GoFmt.parsenum(format, i, end)
                    if !precPresent { prec = 0; precPresent = true }
                }
            }

            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, i) }

            if i >= end { buf += "%!(NOVERB)"; break }

            let (verb, size) = GoFmt.decodeRune(format, i)
            i += size

            if verb == "%" {
                buf += "%"
            } else if !goodArgNum {
                badArgNum(verb)
            } else if argNum >= a.count {
                buf += "%!" + String(verb) + "(MISSING)"
            } else {
                if verb == "v" {
                    sharpV = sharp; sharp = false
                    plusV = plus; plus = false
                }
                printArg(a[argNum], verb)
                argNum += 1
            }
        }

        if !reordered && argNum < a.count {
            clearFlags()
            buf += "%!(EXTRA "
            for (n, arg) in a[argNum...].enumerated() {
                if n > 0 { buf += ", " }
                if case .null = arg {
                    buf += "<nil>"
                } else {
                    buf += arg.typeName + "="
                    printArg(arg, "v")
                }
            }
            buf += ")"
        }
    }

    private mutating func badArgNum(_ verb: Unicode.Scalar) {
        buf += "%!" + String(verb) + "(BADINDEX)"
    }

    static func decodeRune(_ s: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = s[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        // Formats come from Swift strings, so the bytes are valid UTF-8.
        let str = String(decoding: s[i..<min(i + 4, s.count)], as: UTF8.self)
        let u = str.unicodeScalars.first ?? "\u{FFFD}"
        return (u, max(1, String(u).utf8.count))
    }

    // MARK: padding

    private mutating func writePadding(_ n: Int) {
        if n <= 0 { return }
        buf += String(repeating: zero && !minus ? "0" : " ", count: n)
    }

    /// fmt.pad: width counts runes.
    private mutating func pad(_ s: String) {
        if !widPresent || wid == 0 { buf += s; return }
        let width = wid - s.unicodeScalars.count
        if !minus { writePadding(width); buf += s } else { buf += s; writePadding(width) }
    }

    // MARK: printArg / printValue

    private mutating func printArg(_ arg: GoDynamic, _ verb: Unicode.Scalar) {
        if case .null = arg {
            switch verb {
            case "T", "v": pad("<nil>")
            default: badVerb(verb, arg)
            }
            return
        }
        if verb == "T" { fmtS(arg.typeName); return }
        printValue(arg, verb, depth: 0)
    }

    private mutating func printValue(_ arg: GoDynamic, _ verb: Unicode.Scalar, depth: Int) {
        switch arg {
        case .null:
            // Only reachable for elements: an interface{} holding nil.
            if sharpV { buf += "interface {}(nil)" } else { buf += "<nil>" }
        case .bool(let b): fmtBool(b, verb, arg)
        case .int(let v, let t):
            if t == .uint8 { fmtInteger(UInt64(v), signed: false, verb, arg) } else { fmtInteger(UInt64(bitPattern: v), signed: true, verb, arg) }
        case .float(let d): fmtFloat(d, verb, arg)
        case .complex(let re, let im): fmtComplex(re, im, verb, arg)
        case .string(let s): fmtString(s, verb, arg)
        case .map(let m):
            if sharpV { buf += "map[string]interface {}{" } else { buf += "map[" }
            for (i, k) in GoText.sortedKeys(m).enumerated() {
                if i > 0 { buf += sharpV ? ", " : " " }
                printValue(.string(k), verb, depth: depth + 1)
                buf += ":"
                printValue(GoDynamic(m[k]!), verb, depth: depth + 1)
            }
            buf += sharpV ? "}" : "]"
        case .slice(let a):
            if sharpV { buf += "[]interface {}{" } else { buf += "[" }
            for (i, e) in a.enumerated() {
                if i > 0 { buf += sharpV ? ", " : " " }
                printValue(GoDynamic(e), verb, depth: depth + 1)
            }
            buf += sharpV ? "}" : "]"
        }
    }

    private mutating func badVerb(_ verb: Unicode.Scalar, _ arg: GoDynamic) {
        buf += "%!" + String(verb) + "("
        if case .null = arg {
            buf += "<nil>"
        } else {
            buf += arg.typeName + "="
            let saved = (plus, minus, sharp, space, zero, plusV, sharpV, wid, widPresent, prec, precPresent)
            // The value is printed with the flags in force; Go keeps them too.
            printValue(arg, "v", depth: 0)
            (plus, minus, sharp, space, zero, plusV, sharpV, wid, widPresent, prec, precPresent) = saved
        }
        buf += ")"
    }

    private mutating func fmtBool(_ b: Bool, _ verb: Unicode.Scalar, _ arg: GoDynamic) {
        switch verb {
        case "t", "v": pad(b ? "true" : "false")
        default: badVerb(verb, arg)
        }
    }

    private mutating func fmtString(_ s: String, _ verb: Unicode.Scalar, _ arg: GoDynamic) {
        switch verb {
        case "v": if sharpV { fmtQ(s) } else { fmtS(s) }
        case "s": fmtS(s)
        case "x": fmtSx(s, upper: false)
        case "X": fmtSx(s, upper: true)
        case "q": fmtQ(s)
        default: badVerb(verb, arg)
        }
    }

    private func truncate(_ s: String) -> String {
        if precPresent && s.unicodeScalars.count > prec {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.prefix(prec))
            return String(out)
        }
        return s
    }

    private mutating func fmtS(_ s: String) { pad(truncate(s)) }

    private mutating func fmtQ(_ s: String) {
        let t = truncate(s)
        if sharp && GoText.canBackquote(t) { pad("`" + t + "`"); return }
        pad(GoText.quote(t, asciiOnly: plus))
    }

    private mutating func fmtSx(_ s: String, upper: Bool) {
        var bytes = Array(s.utf8)
        if precPresent && prec < bytes.count { bytes = Array(bytes.prefix(prec)) }
        var out = ""
        for (i, b) in bytes.enumerated() {
            if space && i > 0 { out += " " }
            if sharp && (space || i == 0) { out += upper ? "0X" : "0x" }
            out += GoText.hex(UInt32(b), width: 2, upper: upper)
        }
        pad(out)
    }

    private mutating func fmtInteger(_ u: UInt64, signed: Bool, _ verb: Unicode.Scalar, _ arg: GoDynamic) {
        switch verb {
        case "v":
            if sharpV && !signed { fmt0x64(u, leading0x: true) } else { fmtInt(u, base: 10, signed: signed, verb: verb, upper: false) }
        case "d": fmtInt(u, base: 10, signed: signed, verb: verb, upper: false)
        case "b": fmtInt(u, base: 2, signed: signed, verb: verb, upper: false)
        case "o", "O": fmtInt(u, base: 8, signed: signed, verb: verb, upper: false)
        case "x": fmtInt(u, base: 16, signed: signed, verb: verb, upper: false)
        case "X": fmtInt(u, base: 16, signed: signed, verb: verb, upper: true)
        case "c": pad(String(Self.rune(u)))
        case "q": pad(GoText.quote(String(Self.rune(u)), quote: "'", asciiOnly: plus))
        case "U": fmtUnicode(u)
        default: badVerb(verb, arg)
        }
    }

    private static func rune(_ u: UInt64) -> Character {
        if u <= 0x10FFFF, let s = Unicode.Scalar(UInt32(u)) { return Character(s) }
        return "\u{FFFD}"
    }

    private mutating func fmt0x64(_ u: UInt64, leading0x: Bool) {
        let savedSharp = sharp
        sharp = leading0x
        fmtInt(u, base: 16, signed: false, verb: "v", upper: false)
        sharp = savedSharp
    }

    private mutating func fmtUnicode(_ u: UInt64) {
        var s = "U+" + GoText.hex(u, width: precPresent && prec > 4 ? prec : 4, upper: true)
        if sharp && u <= 0x10FFFF, let sc = Unicode.Scalar(UInt32(u)), GoText.isPrint(sc) {
            s += " '" + String(Character(sc)) + "'"
        }
        let savedZero = zero
        zero = false
        pad(s)
        zero = savedZero
    }

    /// fmt.fmtInteger: precision and zero padding give leading zeros, then prefixes and sign.
    private mutating func fmtInt(_ uIn: UInt64, base: Int, signed: Bool, verb: Unicode.Scalar, upper: Bool) {
        var u = uIn
        let negative = signed && Int64(bitPattern: u) < 0
        if negative { u = 0 &- u }
        var precision = 0
        if precPresent {
            precision = prec
            if precision == 0 && u == 0 {
                let oldZero = zero
                zero = false
                writePadding(wid)
                zero = oldZero
                return
            }
        } else if zero && !minus && widPresent {
            precision = wid
            if negative || plus || space { precision -= 1 }
        }
        var digits = String(u, radix: base, uppercase: upper)
        if digits.count < precision { digits = String(repeating: "0", count: precision - digits.count) + digits }
        if sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (upper ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        if negative { digits = "-" + digits } else if plus { digits = "+" + digits } else if space { digits = " " + digits }
        let oldZero = zero
        zero = false
        pad(digits)
        zero = oldZero
    }

    private mutating func fmtFloat(_ d: Double, _ verb: Unicode.Scalar, _ arg: GoDynamic) {
        switch verb {
        case "v": formatFloat(d, "g", defaultPrec: -1)
        case "b", "g", "G", "x", "X": formatFloat(d, Character(verb), defaultPrec: -1)
        case "f", "e", "E", "F": formatFloat(d, Character(verb), defaultPrec: 6)
        default: badVerb(verb, arg)
        }
    }

    private mutating func formatFloat(_ d: Double, _ verb: Character, defaultPrec: Int) {
        let p = precPresent ? prec : defaultPrec
        var num: String
        switch verb {
        case "x", "X", "b":
            // Hex and binary float formats are beyond what templates use; fall back to %g.
            num = GoFloat.format(d, "g", prec: p)
        default:
            num = GoFloat.format(d, verb, prec: p)
        }
        if sharp && verb != "b" && !num.contains(".") && !d.isNaN && !d.isInfinite {
            // %#g and friends always show a decimal point.
            if let e = num.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                num.insert(".", at: e)
            } else {
                num += "."
            }
        }
        var sign: Character = "+"
        if num.hasPrefix("-") || num.hasPrefix("+") { sign = num.first!; num.removeFirst() }
        if space && sign == "+" && !plus { sign = " " }
        if num == "Inf" || num == "NaN" {
            let oldZero = zero
            zero = false
            // Only NaN drops its sign; %v of +Inf prints "+Inf".
            if num == "NaN" && !space && !plus { pad(num) } else { pad(String(sign) + num) }
            zero = oldZero
            return
        }
        if plus || sign != "+" {
            if zero && !minus && widPresent && wid > num.count + 1 {
                buf.append(sign)
                writePadding(wid - num.count - 1)
                buf += num
                return
            }
            pad(String(sign) + num)
            return
        }
        pad(num)
    }

    private mutating func fmtComplex(_ re: Double, _ im: Double, _ verb: Unicode.Scalar, _ arg: GoDynamic) {
        switch verb {
        case "v", "b", "g", "G", "x", "X", "f", "F", "e", "E":
            let oldPlus = plus
            buf += "("
            fmtFloat(re, verb, arg)
            plus = true
            fmtFloat(im, verb, arg)
            buf += "i)"
            plus = oldPlus
        default:
            badVerb(verb, arg)
        }
    }
}
