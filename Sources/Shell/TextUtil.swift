/// Small text helpers shared by the parser and the built-ins.

/// Splits text into lines the way line-oriented tools see it: a trailing newline does not
/// start an extra empty line. Works on bytes, so `\r\n` is not mistaken for one character.
func splitLines(_ s: String) -> [String] {
    if s.isEmpty { return [] }
    var lines = s.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    if s.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
    return lines
}

/// Lines back into text, each ended by a newline.
func joinLines(_ lines: [String]) -> String {
    lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
}

/// Whether text ends in a newline (or is empty).
func endsWithNewline(_ s: String) -> Bool { s.isEmpty || s.utf8.last == UInt8(ascii: "\n") }

/// Interprets backslash escapes as `echo -e` (`\0nnn`), `printf` and `$'…'` (`\nnn`) do.
/// `stop` is set when `\c` was seen (produce no further output).
func interpretEscapes(_ s: String, allowOctalWithoutZero: Bool) -> (text: String, stop: Bool) {
    var out = String.UnicodeScalarView()
    let c = Array(s.unicodeScalars)
    var i = 0
    func hexValue(_ u: Unicode.Scalar) -> UInt32? {
        switch u {
        case "0"..."9": return u.value - 48
        case "a"..."f": return u.value - 87
        case "A"..."F": return u.value - 55
        default: return nil
        }
    }
    while i < c.count {
        let ch = c[i]
        guard ch == "\\", i + 1 < c.count else { out.append(ch); i += 1; continue }
        let n = c[i + 1]
        i += 2
        switch n {
        case "n": out.append("\n")
        case "t": out.append("\t")
        case "r": out.append("\r")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "e", "E": out.append("\u{1B}")
        case "f": out.append("\u{0C}")
        case "v": out.append("\u{0B}")
        case "\\": out.append("\\")
        case "'" where allowOctalWithoutZero: out.append("'")
        case "\"" where allowOctalWithoutZero: out.append("\"")
        case "?" where allowOctalWithoutZero: out.append("?")
        case "c":
            if allowOctalWithoutZero, i < c.count {
                // $'\cX': control character.
                out.append(Unicode.Scalar(c[i].value & 0x1f) ?? "?")
                i += 1
            } else {
                return (String(out), true)
            }
        case "x":
            var v: UInt32 = 0
            var k = 0
            while k < 2, i < c.count, let h = hexValue(c[i]) { v = v * 16 + h; i += 1; k += 1 }
            if k == 0 { out.append("\\"); out.append("x") } else { out.append(Unicode.Scalar(v) ?? "?") }
        case "u", "U":
            var v: UInt32 = 0
            var k = 0
            let maxDigits = n == "u" ? 4 : 8
            while k < maxDigits, i < c.count, let h = hexValue(c[i]) { v = v * 16 + h; i += 1; k += 1 }
            if k == 0 { out.append("\\"); out.append(n) } else { out.append(Unicode.Scalar(v) ?? "?") }
        case "0"..."7":
            if allowOctalWithoutZero {
                var v = n.value - 48
                var d = 1
                while d < 3, i < c.count, c[i] >= "0", c[i] <= "7" { v = v * 8 + (c[i].value - 48); i += 1; d += 1 }
                out.append(Unicode.Scalar(v & 0xff) ?? "?")
            } else if n == "0" {
                var v: UInt32 = 0
                var d = 0
                while d < 3, i < c.count, c[i] >= "0", c[i] <= "7" { v = v * 8 + (c[i].value - 48); i += 1; d += 1 }
                out.append(Unicode.Scalar(v & 0xff) ?? "?")
            } else {
                out.append("\\"); out.append(n)
            }
        default:
            out.append("\\"); out.append(n)
        }
    }
    return (String(out), false)
}

// MARK: - Glob patterns

/// Whether a pattern (with `\` escaping quoted characters) contains an unescaped `*`, `?` or `[`.
func hasGlobMeta(_ pattern: String) -> Bool {
    var escaped = false
    for u in pattern.unicodeScalars {
        if escaped { escaped = false; continue }
        if u == "\\" { escaped = true; continue }
        if u == "*" || u == "?" || u == "[" { return true }
    }
    return false
}

/// Escapes glob metacharacters so the text matches only itself.
func escapeGlob(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u == "*" || u == "?" || u == "[" || u == "]" || u == "\\" { out += "\\" }
        out.unicodeScalars.append(u)
    }
    return out
}

/// Removes the escaping backslashes of a pattern.
func unescapeGlob(_ s: String) -> String {
    var out = ""
    var escaped = false
    for u in s.unicodeScalars {
        if !escaped && u == "\\" { escaped = true; continue }
        escaped = false
        out.unicodeScalars.append(u)
    }
    return out
}

/// fnmatch(3)-style matching of `*`, `?`, `[...]` (with `!`/`^` and ranges) and `\x`.
func globMatch(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
    return globMatch(p, 0, t, 0)
}

private func globMatch(_ p: [Unicode.Scalar], _ pi0: Int, _ t: [Unicode.Scalar], _ ti0: Int) -> Bool {
    var pi = pi0, ti = ti0
    var starP = -1, starT = -1
    while ti < t.count {
        if pi < p.count {
            let c = p[pi]
            if c == "*" {
                starP = pi; starT = ti; pi += 1
                continue
            }
            if c == "?" { pi += 1; ti += 1; continue }
            if c == "[", let (matched, next) = matchBracket(p, pi, t[ti]) {
                if matched { pi = next; ti += 1; continue }
            } else {
                var lit = c
                var next = pi + 1
                if c == "\\", pi + 1 < p.count { lit = p[pi + 1]; next = pi + 2 }
                if lit == t[ti] { pi = next; ti += 1; continue }
            }
        }
        if starP >= 0 {
            pi = starP + 1
            starT += 1
            ti = starT
            continue
        }
        return false
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
}

/// Matches `[...]` at p[i]; returns nil when the bracket is not closed (then `[` is literal).
private func matchBracket(_ p: [Unicode.Scalar], _ i: Int, _ ch: Unicode.Scalar) -> (Bool, Int)? {
    var j = i + 1
    var negate = false
    if j < p.count, p[j] == "!" || p[j] == "^" { negate = true; j += 1 }
    var matched = false
    var first = true
    while j < p.count {
        var c = p[j]
        if c == "]" && !first { return (matched != negate, j + 1) }
        first = false
        if c == "[", j + 1 < p.count, p[j + 1] == ":" {
            // [:class:]
            if let end = (j + 2..<p.count).first(where: { p[$0] == ":" && $0 + 1 < p.count && p[$0 + 1] == "]" }) {
                let name = String(String.UnicodeScalarView(p[(j + 2)..<end]))
                if characterClass(name, ch) { matched = true }
                j = end + 2
                continue
            }
        }
        if c == "\\", j + 1 < p.count { j += 1; c = p[j] }
        if j + 2 < p.count, p[j + 1] == "-", p[j + 2] != "]" {
            var hi = p[j + 2]
            var skip = 3
            if hi == "\\", j + 3 < p.count { hi = p[j + 3]; skip = 4 }
            if ch >= c && ch <= hi { matched = true }
            j += skip
            continue
        }
        if ch == c { matched = true }
        j += 1
    }
    return nil
}

func characterClass(_ name: String, _ u: Unicode.Scalar) -> Bool {
    let v = u.value
    switch name {
    case "alpha": return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    case "digit": return v >= 48 && v <= 57
    case "alnum": return characterClass("alpha", u) || characterClass("digit", u)
    case "upper": return v >= 65 && v <= 90
    case "lower": return v >= 97 && v <= 122
    case "space": return v == 32 || (v >= 9 && v <= 13)
    case "blank": return v == 32 || v == 9
    case "punct": return (v >= 33 && v <= 47) || (v >= 58 && v <= 64) || (v >= 91 && v <= 96) || (v >= 123 && v <= 126)
    case "xdigit": return characterClass("digit", u) || (v >= 65 && v <= 70) || (v >= 97 && v <= 102)
    case "print": return v >= 32 && v != 127
    case "graph": return v > 32 && v != 127
    case "cntrl": return v < 32 || v == 127
    default: return false
    }
}

// MARK: - Dates (no Foundation: a proleptic Gregorian calendar in UTC)

struct CivilTime {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int

    init(epoch: Double) {
        let secs = clampInt(epoch.rounded(.down), limit: 1.0e15)
        var days = secs / 86_400
        var rem = secs % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        hour = rem / 3600
        minute = (rem % 3600) / 60
        second = rem % 60
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = month <= 2 ? y + 1 : y
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
}

/// A Double as an Int without trapping (NaN → 0, out of range → clamped).
func clampInt(_ d: Double, limit: Double = 9.0e18) -> Int {
    guard d.isFinite else { return d.isNaN ? 0 : (d > 0 ? Int(limit) : -Int(limit)) }
    return Int(max(-limit, min(limit, d)))
}

func pad(_ s: String, _ width: Int, right: Bool = true) -> String {
    let n = s.count
    if n >= width { return s }
    let spaces = String(repeating: " ", count: width - n)
    return right ? spaces + s : s + spaces
}

func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
