import Foundation

// How Go writes text, for every place whose output must match kubectl byte for byte:
// strconv's quoting and float formats, and encoding/json. kubectl v1.32 is built with
// Go 1.23, so these follow that release (e.g. encoding/json's `\b` and `\f` short forms,
// new in Go 1.22). The YAML codec, the JSON printers, describe and the patch code's error
// messages all call these, so there is one copy of each rule to get right.

// MARK: - Strings

public enum GoText {
    /// Go's string order (`<` on strings, fmt's and encoding/json's map-key sort): plain
    /// UTF-8 bytes, unlike Swift's comparison, which normalises first.
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A map's keys in Go's order.
    public static func sortedKeys(_ o: [String: JSONValue]) -> [String] {
        o.keys.sorted(by: less)
    }

    /// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    /// Every other space (U+00A0, U+2028, …) and every control or format character is not.
    public static func isPrint(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value >= 0x20 && u.value < 0x7f }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `v` in hexadecimal, zero-padded to at least `width` digits.
    public static func hex<T: BinaryInteger>(_ v: T, width: Int, upper: Bool = false) -> String {
        let digits = String(v, radix: 16, uppercase: upper)
        if digits.count >= width { return digits }
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// `strconv.Quote`, which is also what `%q` and `%#v` print for a string (or, with
    /// `asciiOnly`, `strconv.QuoteToASCII`, which `%+q` prints; `quote` "'" gives QuoteRune's
    /// escaping).
    public static func quote(_ s: String, quote q: Character = "\"", asciiOnly: Bool = false) -> String {
        var out = String(q)
        for u in s.unicodeScalars { appendEscaped(u, quote: q, asciiOnly: asciiOnly, into: &out) }
        out.append(q)
        return out
    }

    /// strconv's appendEscapedRune: printable runes as they are, the C escapes where there is
    /// one, then `\xHH` below U+0080 and `\uHHHH` / `\UHHHHHHHH` above.
    private static func appendEscaped(_ u: Unicode.Scalar, quote q: Character, asciiOnly: Bool, into out: inout String) {
        if Character(u) == q || u == "\\" {
            out.append("\\"); out.unicodeScalars.append(u); return
        }
        if asciiOnly {
            if u.value < 0x80 && isPrint(u) { out.unicodeScalars.append(u); return }
        } else if isPrint(u) {
            out.unicodeScalars.append(u); return
        }
        switch u {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if u.value < 0x20 || u.value == 0x7f {
                out += "\\x" + hex(u.value, width: 2)
            } else if u.value < 0x10000 {
                out += "\\u" + hex(u.value, width: 4)
            } else {
                out += "\\U" + hex(u.value, width: 8)
            }
        }
    }

    /// `strconv.CanBackquote`: whether `%#q` may print the string in backquotes.
    public static func canBackquote(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            if u == "`" || u == "\u{FEFF}" { return false }
            if u.value < 0x20 && u != "\t" { return false }
            if u.value == 0x7f { return false }
        }
        return true
    }
}

// MARK: - Floats

/// `strconv.FormatFloat` with the formats 'e', 'E', 'f', 'F', 'g' and 'G'.
public enum GoFloat {
    /// The shortest decimal digits that read back as the same float (what strconv computes
    /// for precision -1), as Go's `decimal`: value = 0.d₁d₂… × 10^dp. Zero has no digits.
    /// With `bitSize` 32, the digits that identify `d` (a float32 value) among float32s.
    static func shortestDigits(_ d: Double, bitSize: Int = 64) -> (digits: [UInt8], dp: Int) {
        let a = abs(d)
        if a == 0 { return ([], 0) }
        // Swift's description is the shortest round-tripping representation, like Go's.
        let text = bitSize == 32 ? Float(a).description : a.description
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var dp = 0
        var sawDot = false
        for ch in mantissa {
            if ch == "." { sawDot = true; continue }
            guard let v = ch.asciiValue, v >= 48, v <= 57 else { continue }
            digits.append(v - 48)
            if !sawDot { dp += 1 }
        }
        dp += exp
        while let f = digits.first, f == 0 { digits.removeFirst(); dp -= 1 }
        while let l = digits.last, l == 0 { digits.removeLast() }
        return (digits, dp)
    }

    /// `strconv.FormatFloat(d, fmt, prec, bitSize)`; `prec` -1 means the fewest digits that
    /// read back exactly (what `%v` and encoding/json use). With `bitSize` 32 the value is
    /// first rounded to a float32, so it may become ±Inf or 0 as in Go.
    public static func format(_ value: Double, _ fmt: Character, prec: Int = -1, bitSize: Int = 64) -> String {
        let d = bitSize == 32 ? Double(Float(value)) : value
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let neg = d.sign == .minus
        if prec < 0 {
            let (digits, dp) = shortestDigits(d, bitSize: bitSize)
            let body: String
            switch fmt {
            case "e", "E":
                body = formatE(digits, dp, prec: max(digits.count - 1, 0), upper: fmt == "E")
            case "f", "F":
                body = formatF(digits, dp, prec: max(digits.count - dp, 0))
            default: // g, G
                let eprec = 6 // "if precision was the shortest possible, use precision 6"
                let exp = dp - 1
                if !digits.isEmpty && (exp < -4 || exp >= eprec) {
                    body = formatE(digits, dp, prec: digits.count - 1, upper: fmt == "G")
                } else {
                    body = formatF(digits, dp, prec: max(digits.count - dp, 0))
                }
            }
            return (neg ? "-" : "") + body
        }
        // Fixed precision: C's printf rounds the exact binary value just as strconv does,
        // and its %g makes the same %e/%f choice and drops trailing zeros the same way.
        let p = min(prec, 1000)
        switch fmt {
        case "e": return String(format: "%.*e", p, d)
        case "E": return String(format: "%.*E", p, d)
        case "f", "F": return String(format: "%.*f", p, d)
        case "G": return String(format: "%.*G", max(p, 1), d)
        default: return String(format: "%.*g", max(p, 1), d)
        }
    }

    private static func formatE(_ digits: [UInt8], _ dp: Int, prec: Int, upper: Bool) -> String {
        var s = ""
        s.append(digits.isEmpty ? "0" : String(digits[0]))
        if prec > 0 {
            s.append(".")
            for i in 1...prec { s.append(i < digits.count ? String(digits[i]) : "0") }
        }
        s.append(upper ? "E" : "e")
        let exp = digits.isEmpty ? 0 : dp - 1
        s.append(exp < 0 ? "-" : "+")
        let e = abs(exp)
        s.append(e < 10 ? "0\(e)" : "\(e)")
        return s
    }

    private static func formatF(_ digits: [UInt8], _ dp: Int, prec: Int) -> String {
        var s = ""
        if dp > 0 {
            for i in 0..<dp { s.append(i < digits.count ? String(digits[i]) : "0") }
        } else {
            s = "0"
        }
        if prec > 0 {
            s.append(".")
            for i in 0..<prec {
                let idx = dp + i
                s.append(idx >= 0 && idx < digits.count ? String(digits[idx]) : "0")
            }
        }
        return s
    }

    /// encoding/json's float64 encoding: 'f' unless tiny or huge, and e-07 cleaned to e-7.
    /// (NaN and ±Inf are errors in encoding/json; callers reject them before this.)
    public static func json(_ d: Double) -> String {
        let a = abs(d)
        if a != 0 && (a < 1e-6 || a >= 1e21) {
            var s = format(d, "e")
            // "clean up e-09 to e-9"
            let chars = Array(s)
            let n = chars.count
            if n >= 4, chars[n - 4] == "e", chars[n - 3] == "-", chars[n - 2] == "0" {
                s = String(chars[0..<(n - 2)]) + String(chars[n - 1])
            }
            return s
        }
        return format(d, "f")
    }
}

// MARK: - encoding/json

public enum GoJSON {
    /// `json.Marshal`: compact, map keys in byte order, and strings escaped as Go does
    /// (HTML-sensitive `<`, `>`, `&` and U+2028/U+2029 as `\u` escapes).
    public static func marshal(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: nil, depth: 0, into: &out)
        return out
    }

    /// `json.MarshalIndent(value, "", indent)`: Marshal's bytes laid out one member per line;
    /// empty objects and arrays stay `{}` and `[]`. `kubectl get -o json` uses four spaces.
    public static func marshalIndent(_ value: JSONValue, indent: String) -> String {
        var out = ""
        write(value, indent: indent, depth: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: String?, depth: Int, into out: inout String) {
        func newline(_ level: Int) {
            if let indent { out += "\n" + String(repeating: indent, count: level) }
        }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += GoFloat.json(d)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (n, element) in a.enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1)
                write(element, indent: indent, depth: depth + 1, into: &out)
            }
            newline(depth)
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (n, key) in GoText.sortedKeys(o).enumerated() {
                if n > 0 { out += "," }
                newline(depth + 1)
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(o[key]!, indent: indent, depth: depth + 1, into: &out)
            }
            newline(depth)
            out += "}"
        }
    }

    /// encoding/json's string encoding with HTML escaping on, as Marshal and kubectl's
    /// printers use it.
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"   // Go 1.22+ uses the short forms for \b and \f
            case "\u{0C}": out += "\\f"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + GoText.hex(u.value, width: 4)
            default:
                if u.value < 0x20 { out += "\\u" + GoText.hex(u.value, width: 4) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }

    /// What a float64 comes back as after json.Marshal and a decode into unstructured
    /// (apimachinery's json): int64 when the text reads as an integer, so 3.0 becomes 3
    /// while 1e21 and 0.5 stay floats.
    public static func decodedNumber(_ d: Double) -> JSONValue {
        let text = GoFloat.json(d)
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let i = Int(text) { return .int(i) }
        return .double(d)
    }
}
