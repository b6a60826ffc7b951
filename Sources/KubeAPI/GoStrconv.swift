import Foundation

/// Go's strconv number parsing, which decides what go-yaml resolves a scalar to, what a
/// go-template or jsonpath number literal is, and which JSON-patch array indexes are valid.
/// The results and the kind of failure follow Go exactly, since both reach kubectl's output
/// (e.g. `strconv.Atoi: parsing "1x": invalid syntax`).
public enum GoStrconv {
    /// `strconv.ErrSyntax` and `strconv.ErrRange`.
    public enum NumError: Error, Equatable, Sendable {
        case syntax, range

        /// `(*strconv.NumError).Error()` for a call of strconv.`function` on `input`.
        public func message(function: String, input: String) -> String {
            "strconv.\(function): parsing \(GoText.quote(input)): " + (self == .syntax ? "invalid syntax" : "value out of range")
        }
    }

    /// `strconv.ParseUint(s, base, 64)`. Base 0 takes the base from a `0b`, `0o`, `0x` or `0`
    /// prefix and allows underscores between digits; otherwise `base` is 2 through 36.
    /// Like Go, an overflow is reported as soon as it happens, before later bad characters.
    public static func parseUint(_ s: String, base: Int) -> Result<UInt64, NumError> {
        var digits = Array(s.utf8)[...]
        if digits.isEmpty { return .failure(.syntax) }
        let base0 = base == 0
        var base = UInt64(base)
        if base0 {
            base = 10
            if digits.first == UInt8(ascii: "0") {
                let prefix = digits.count >= 3 ? digits[digits.startIndex + 1] | 0x20 : 0
                switch prefix {
                case UInt8(ascii: "b"): base = 2; digits = digits.dropFirst(2)
                case UInt8(ascii: "o"): base = 8; digits = digits.dropFirst(2)
                case UInt8(ascii: "x"): base = 16; digits = digits.dropFirst(2)
                default: base = 8; digits = digits.dropFirst(1)
                }
            }
        }
        var n: UInt64 = 0
        var underscores = false
        for c in digits {
            let d: UInt64
            switch c {
            case UInt8(ascii: "_") where base0: underscores = true; continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                d = UInt64((c | 0x20) - UInt8(ascii: "a") + 10)
            default: return .failure(.syntax)
            }
            if d >= base { return .failure(.syntax) }
            let (shifted, o1) = n.multipliedReportingOverflow(by: base)
            let (sum, o2) = shifted.addingReportingOverflow(d)
            if o1 || o2 { return .failure(.range) }
            n = sum
        }
        if underscores && !underscoreOK(s) { return .failure(.syntax) }
        return .success(n)
    }

    /// `strconv.ParseInt(s, base, 64)`: an optional sign, then ParseUint's digits.
    public static func parseInt(_ s: String, base: Int) -> Result<Int64, NumError> {
        guard let first = s.utf8.first else { return .failure(.syntax) }
        let negative = first == UInt8(ascii: "-")
        let unsigned = first == UInt8(ascii: "+") || negative ? String(s.dropFirst()) : s
        let magnitude: UInt64
        switch parseUint(unsigned, base: base) {
        case .success(let u): magnitude = u
        case .failure(.syntax): return .failure(.syntax)
        case .failure(.range): return .failure(.range)
        }
        let cutoff = UInt64(1) << 63
        if !negative && magnitude >= cutoff { return .failure(.range) }
        if negative && magnitude > cutoff { return .failure(.range) }
        if negative { return .success(magnitude == cutoff ? Int64.min : -Int64(magnitude)) }
        return .success(Int64(magnitude))
    }

    /// `strconv.Atoi` on a 64-bit platform (the same as ParseInt(s, 10, 64)).
    public static func atoi(_ s: String) -> Result<Int, NumError> {
        parseInt(s, base: 10).map { Int($0) }
    }

    /// `strconv.ParseFloat(s, 64)`: decimal or hexadecimal (`0x1.8p3`, which must have a `p`
    /// exponent) numbers with underscores between digits, and the spellings of infinity
    /// and NaN. nil where Go returns an error, including out of range.
    public static func parseFloat(_ s: String) -> Double? {
        if let special = parseSpecialFloat(s) { return special }
        let b = Array(s.utf8)
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var hex = false
        if i + 2 < b.count, b[i] == UInt8(ascii: "0"), b[i + 1] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 2
        }
        func isDigit(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || (hex && c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
        }
        var underscores = false, sawDot = false, sawDigits = false
        var mantissa = ""
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "_") {
                underscores = true
            } else if c == UInt8(ascii: ".") {
                if sawDot { break }
                sawDot = true
                mantissa.append(".")
            } else if isDigit(c) {
                sawDigits = true
                mantissa.unicodeScalars.append(Unicode.Scalar(c))
            } else {
                break
            }
            i += 1
        }
        guard sawDigits else { return nil }
        var exponent = ""
        let exponentMark = hex ? UInt8(ascii: "p") : UInt8(ascii: "e")
        if i < b.count, b[i] | 0x20 == exponentMark {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                exponent.unicodeScalars.append(Unicode.Scalar(b[i]))
                i += 1
            }
            guard i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
            while i < b.count, (b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9")) || b[i] == UInt8(ascii: "_") {
                if b[i] == UInt8(ascii: "_") { underscores = true } else { exponent.unicodeScalars.append(Unicode.Scalar(b[i])) }
                i += 1
            }
        } else if hex {
            return nil  // "hexadecimal mantissa requires a 'p' exponent"
        }
        guard i == b.count else { return nil }
        if underscores && !underscoreOK(s) { return nil }
        // Swift's parser rounds correctly, as Go's does; it only needs digits on both sides
        // of a decimal point.
        if mantissa.hasPrefix(".") { mantissa = "0" + mantissa }
        if mantissa.hasSuffix(".") { mantissa += "0" }
        let text = (hex ? "0x" : "") + mantissa + (exponent.isEmpty ? "" : (hex ? "p" : "e") + exponent)
        guard let magnitude = Double(text), magnitude.isFinite else { return nil }  // out of range is an error
        return negative ? -magnitude : magnitude
    }

    /// strconv's `special`: `inf`, `infinity` (any case, optional sign) and `nan` (any case).
    private static func parseSpecialFloat(_ s: String) -> Double? {
        let asciiLower = s.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        var body = Substring(String(decoding: asciiLower, as: UTF8.self))
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            if body.first == "-" { sign = -1 }
            body = body.dropFirst()
            return body == "inf" || body == "infinity" ? sign * .infinity : nil
        }
        if body == "inf" || body == "infinity" { return .infinity }
        if body == "nan" { return .nan }
        return nil
    }

    /// strconv's underscoreOK: underscores only between digits, or after a base prefix.
    static func underscoreOK(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        var saw: Character = "^"  // ^ start, 0 digit or prefix, _ underscore, ! anything else
        if let f = b.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { b = b.dropFirst() }
        var hex = false
        if b.count >= 2, b.first == UInt8(ascii: "0") {
            let c = b[b.startIndex + 1] | 0x20
            if c == UInt8(ascii: "b") || c == UInt8(ascii: "o") || c == UInt8(ascii: "x") {
                b = b.dropFirst(2)
                saw = "0"
                hex = c == UInt8(ascii: "x")
            }
        }
        for c in b {
            let l = c | 0x20
            if (c >= 48 && c <= 57) || (hex && l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f")) {
                saw = "0"
            } else if c == UInt8(ascii: "_") {
                if saw != "0" { return false }
                saw = "_"
            } else {
                if saw == "_" { return false }
                saw = "!"
            }
        }
        return saw != "_"
    }
}
