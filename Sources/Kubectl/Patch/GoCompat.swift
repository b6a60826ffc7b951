import KubeAPI

// Small re-creations of Go standard-library behaviour that the patch code needs in order
// to match kubectl and the apiserver byte for byte: `fmt`'s %v / %s / %q renderings of
// decoded JSON (they surface in error messages), `strconv.Atoi`, bytewise string order,
// `sort.SliceStable`'s exact algorithm (its result depends on the algorithm when the
// comparison is not a strict weak order, which strategic merge's ordering code relies on),
// and `encoding/json`'s compact output (sorted keys, HTML-safe escapes, Go float layout).
//
// Values are always `JSONValue`s as decoded by the apiserver: integers are Go `int64`,
// other numbers `float64`, objects `map[string]interface {}`, arrays `[]interface {}`.

enum GoCompat {

    // MARK: fmt

    /// `fmt.Sprintf("%v", x)` for a decoded JSON value; `nil` is a Go nil interface.
    static func v(_ value: JSONValue?) -> String {
        guard let value else { return "<nil>" }
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return formatG(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map { v($0) }.joined(separator: " ") + "]"
        case .object(let o):
            let keys = o.keys.sorted(by: less)
            return "map[" + keys.map { "\($0):\(v(o[$0]))" }.joined(separator: " ") + "]"
        }
    }

    /// `fmt.Sprintf("%s", x)`: strings print bare, other scalars as `%!s(type=value)`.
    static func s(_ value: JSONValue?) -> String {
        guard let value else { return "%!s(<nil>)" }
        switch value {
        case .null: return "%!s(<nil>)"
        case .bool(let b): return "%!s(bool=\(b ? "true" : "false"))"
        case .int(let i): return "%!s(int64=\(i))"
        case .double(let d): return "%!s(float64=\(formatG(d)))"
        case .string(let str): return str
        case .array(let a): return "[" + a.map { s($0) }.joined(separator: " ") + "]"
        case .object(let o):
            let keys = o.keys.sorted(by: less)
            return "map[" + keys.map { "\($0):\(s(o[$0]))" }.joined(separator: " ") + "]"
        }
    }

    /// `reflect.TypeOf(x).String()` for a decoded JSON value (`<nil>` for a nil interface).
    static func typeName(_ value: JSONValue?) -> String {
        guard let value else { return "<nil>" }
        switch value {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int64"
        case .double: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// The dynamic Go type of a value, for "same type?" checks (`reflect.TypeOf(a) != reflect.TypeOf(b)`).
    enum Kind: Equatable { case nilValue, bool, int, double, string, array, object }

    static func kind(_ value: JSONValue?) -> Kind {
        guard let value else { return .nilValue }
        switch value {
        case .null: return .nilValue
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// `strconv.Quote` (what `%q` prints) for the strings that reach error messages.
    static func quote(_ str: String) -> String {
        var out = "\""
        for u in str.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += "\\x" + hex2(u.value)
                } else if (0x80..<0xA0).contains(u.value) || u.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func hex2(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return h.count < 2 ? "0" + h : h
    }

    // MARK: strings and numbers

    /// Go's string `<`: bytewise over UTF-8.
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    enum AtoiError: Error, Equatable { case syntax, range }

    /// `strconv.Atoi` on a 64-bit platform.
    static func atoi(_ str: String) -> Result<Int, AtoiError> {
        var bytes = Array(str.utf8)
        if bytes.isEmpty { return .failure(.syntax) }
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            bytes.removeFirst()
            if bytes.isEmpty { return .failure(.syntax) }
        }
        var magnitude: UInt64 = 0
        var overflow = false
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return .failure(.syntax) }
            if overflow { continue }
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { magnitude = m2 }
        }
        if overflow { return .failure(.range) }
        if negative {
            if magnitude > UInt64(Int64.max) + 1 { return .failure(.range) }
            return .success(magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude))
        }
        if magnitude > UInt64(Int64.max) { return .failure(.range) }
        return .success(Int(magnitude))
    }

    /// The text of the `*strconv.NumError` that `strconv.Atoi` returns.
    static func atoiErrorText(_ str: String, _ err: AtoiError) -> String {
        "strconv.Atoi: parsing \(quote(str)): " + (err == .syntax ? "invalid syntax" : "value out of range")
    }

    /// Shortest round-trip decimal digits of `d` (no sign) and the decimal point position:
    /// value = 0.DIGITS × 10^point.
    private static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(abs(d))"  // Swift prints the shortest round-tripping form
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = String(mantissa[..<dot])
            fracPart = String(mantissa[mantissa.index(after: dot)...])
        }
        var digits = Array((intPart + fracPart).utf8).map { $0 - UInt8(ascii: "0") }
        var point = intPart.count + exponent
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        if digits == [0] { point = 1 }
        return (digits, point)
    }

    private static func layoutE(_ digits: [UInt8], _ point: Int, minExpDigits: Int) -> String {
        var out = String(digits[0])
        if digits.count > 1 { out += "." + digits[1...].map(String.init).joined() }
        let exp = point - 1
        var expText = String(abs(exp))
        while expText.count < minExpDigits { expText = "0" + expText }
        return out + "e" + (exp < 0 ? "-" : "+") + expText
    }

    private static func layoutF(_ digits: [UInt8], _ point: Int) -> String {
        let ds = digits.map(String.init).joined()
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + ds }
        if point >= digits.count { return ds + String(repeating: "0", count: point - digits.count) }
        let i = ds.index(ds.startIndex, offsetBy: point)
        return String(ds[..<i]) + "." + String(ds[i...])
    }

    /// `strconv.FormatFloat(d, 'g', -1, 64)`, which is what `%v` prints for a float64.
    static func formatG(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        let sign = d.sign == .minus && d != 0 ? "-" : ""
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(d)
        let exp = point - 1
        // In shortest mode strconv decides between %e and %f with precision 6.
        if exp < -4 || exp >= 6 { return sign + layoutE(digits, point, minExpDigits: 2) }
        return sign + layoutF(digits, point)
    }

    /// `encoding/json`'s float64 rendering.
    static func jsonFloat(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let sign = d < 0 ? "-" : ""
        let (digits, point) = shortestDigits(d)
        let a = abs(d)
        if a < 1e-6 || a >= 1e21 {
            var e = layoutE(digits, point, minExpDigits: 2)
            // Go trims "e-07" to "e-7" (but keeps two digits for positive exponents).
            if e.hasSuffix("e-0" + String(e.last!)), e.count >= 4 {
                let last = e.removeLast()
                e.removeLast()
                e.append(last)
            }
            return sign + e
        }
        return sign + layoutF(digits, point)
    }

    // MARK: encoding/json

    /// `json.Marshal` (compact, sorted keys, `<>&` and U+2028/U+2029 escaped) of a value.
    static func marshal(_ value: JSONValue) -> String {
        var out = ""
        writeJSON(value, into: &out)
        return out
    }

    private static func writeJSON(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += jsonFloat(d)
        case .string(let str): writeJSONString(str, into: &out)
        case .array(let a):
            out += "["
            for (n, e) in a.enumerated() {
                if n > 0 { out += "," }
                writeJSON(e, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (n, k) in o.keys.sorted(by: less).enumerated() {
                if n > 0 { out += "," }
                writeJSONString(k, into: &out)
                out += ":"
                writeJSON(o[k]!, into: &out)
            }
            out += "}"
        }
    }

    private static func writeJSONString(_ str: String, into out: inout String) {
        out += "\""
        for u in str.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    out += "\\u00" + hex2(u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    // MARK: sort.SliceStable

    /// Go's `sort.SliceStable(x, less)` — the same insertion-sort blocks and SymMerge passes,
    /// so that inconsistent `less` functions give the same order Go gives.
    static func sliceStable<T>(_ items: inout [T], _ lessFn: (T, T) -> Bool) {
        let n = items.count
        func lessAt(_ i: Int, _ j: Int) -> Bool { lessFn(items[i], items[j]) }
        func swapAt(_ i: Int, _ j: Int) { items.swapAt(i, j) }

        func insertionSort(_ a: Int, _ b: Int) {
            var i = a + 1
            while i < b {
                var j = i
                while j > a && lessAt(j, j - 1) {
                    swapAt(j, j - 1)
                    j -= 1
                }
                i += 1
            }
        }
        func swapRange(_ a: Int, _ b: Int, _ count: Int) {
            for i in 0..<count { swapAt(a + i, b + i) }
        }
        func rotate(_ a: Int, _ m: Int, _ b: Int) {
            var i = m - a
            var j = b - m
            while i != j {
                if i > j {
                    swapRange(m - i, m, j)
                    i -= j
                } else {
                    swapRange(m - i, m + j - i, i)
                    j -= i
                }
            }
            swapRange(m - i, m, i)
        }
        func symMerge(_ a: Int, _ m: Int, _ b: Int) {
            if m - a == 1 {
                var i = m
                var j = b
                while i < j {
                    let h = (i + j) >> 1
                    if lessAt(h, a) { i = h + 1 } else { j = h }
                }
                var k = a
                while k < i - 1 {
                    swapAt(k, k + 1)
                    k += 1
                }
                return
            }
            if b - m == 1 {
                var i = a
                var j = m
                while i < j {
                    let h = (i + j) >> 1
                    if !lessAt(m, h) { i = h + 1 } else { j = h }
                }
                var k = m
                while k > i {
                    swapAt(k, k - 1)
                    k -= 1
                }
                return
            }
            let mid = (a + b) >> 1
            let nn = mid + m
            var start: Int
            var r: Int
            if m > mid {
                start = nn - b
                r = mid
            } else {
                start = a
                r = m
            }
            let p = nn - 1
            while start < r {
                let c = (start + r) >> 1
                if !lessAt(p - c, c) { start = c + 1 } else { r = c }
            }
            let end = nn - start
            if start < m && m < end { rotate(start, m, end) }
            if a < start && start < mid { symMerge(a, start, mid) }
            if mid < end && end < b { symMerge(mid, end, b) }
        }

        var blockSize = 20
        var a = 0
        var b = blockSize
        while b <= n {
            insertionSort(a, b)
            a = b
            b += blockSize
        }
        insertionSort(a, n)
        while blockSize < n {
            a = 0
            b = 2 * blockSize
            while b <= n {
                symMerge(a, a + blockSize, b)
                a = b
                b += 2 * blockSize
            }
            let m = a + blockSize
            if m < n { symMerge(a, m, n) }
            blockSize *= 2
        }
    }
}
