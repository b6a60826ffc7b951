import Foundation
import Kubectl

/// printf(1)/bash printf formatting: %s %b %q %c %d %i %o %u %x %X %e %f %g %%, flags, width,
/// precision (`*` too). `args` carry text and, from awk, an already numeric value.
func printfFormat(_ format: String, _ args: [(String, Double?)], repeatFormat: Bool) -> (text: String, errors: [String]) {
    var out = ""
    var errors: [String] = []
    var argIndex = 0
    let f = Array(format)

    func nextArg() -> (String, Double?)? {
        guard argIndex < args.count else { return nil }
        defer { argIndex += 1 }
        return args[argIndex]
    }

    func number(_ a: (String, Double?)?) -> Double {
        guard let a else { return 0 }
        if let n = a.1 { return n }
        let s = a.0.shellTrim(" \t\n")
        if s.isEmpty { return 0 }
        if s.hasPrefix("'") || s.hasPrefix("\"") { return Double(s.dropFirst().unicodeScalars.first?.value ?? 0) }
        if let v = ArithmeticEvaluator.parseNumber(s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s) {
            return Double(s.hasPrefix("-") ? -v : v)
        }
        if let d = Double(s) { return d }
        errors.append("\(a.0): invalid number")
        return AwkProgram.leadingNumber(s)
    }

    repeat {
        let startArgs = argIndex
        var i = 0
        while i < f.count {
            let ch = f[i]
            if ch == "\\" {
                // Escapes of the format string.
                var j = i + 1
                var esc = "\\"
                if j < f.count {
                    esc.append(f[j]); j += 1
                    if f[i + 1] == "x" { while j < f.count, j < i + 4, f[j].isHexDigit { esc.append(f[j]); j += 1 } }
                    if ("0"..."7").contains(f[i + 1]) { while j < f.count, j < i + 4, ("0"..."7").contains(f[j]) { esc.append(f[j]); j += 1 } }
                }
                let (t, stop) = interpretEscapes(esc, allowOctalWithoutZero: true)
                if stop { return (out, errors) }
                out += t
                i = j
                continue
            }
            guard ch == "%" else { out.append(ch); i += 1; continue }
            i += 1
            guard i < f.count else { out.append("%"); break }
            if f[i] == "%" { out.append("%"); i += 1; continue }
            var flags = ""
            while i < f.count, "-+ #0".contains(f[i]) { flags.append(f[i]); i += 1 }
            var width: Int? = nil
            if i < f.count, f[i] == "*" {
                var w = clampInt(number(nextArg()), limit: 1e6)
                if w < 0 { flags.append("-"); w = -w }
                width = w
                i += 1
            } else {
                var w = ""
                while i < f.count, f[i].isNumber { w.append(f[i]); i += 1 }
                width = w.isEmpty ? nil : (Int(w) ?? 10_000)
            }
            var precision: Int? = nil
            if i < f.count, f[i] == "." {
                i += 1
                if i < f.count, f[i] == "*" {
                    precision = max(0, clampInt(number(nextArg()), limit: 1e6))
                    i += 1
                } else {
                    var p = ""
                    while i < f.count, f[i].isNumber { p.append(f[i]); i += 1 }
                    precision = p.isEmpty ? 0 : (Int(p) ?? 10_000)
                }
            }
            // Keep absurd widths from allocating gigabytes.
            if let w = width { width = min(w, 10_000) }
            if let p = precision { precision = min(p, 10_000) }
            while i < f.count, "hlLjzt".contains(f[i]) { i += 1 }
            guard i < f.count else { out += "%" + flags; break }
            let conv = f[i]
            i += 1
            var body: String
            switch conv {
            case "s", "b", "q":
                var s = nextArg()?.0 ?? ""
                if conv == "b" {
                    let (t, stop) = interpretEscapes(s, allowOctalWithoutZero: false)
                    s = t
                    if stop { out += s; return (out, errors) }
                } else if conv == "q" {
                    if s.isEmpty { s = "''" } else {
                        var q = ""
                        for ch in s {
                            if " \t!\"#$&'()*,;<>?[\\]^`{|}~".contains(ch) { q.append("\\") }
                            q.append(ch)
                        }
                        s = q
                    }
                }
                if let p = precision { s = String(s.prefix(p)) }
                body = s
            case "c":
                body = String((nextArg()?.0 ?? "").prefix(1))
            case "d", "i", "o", "u", "x", "X":
                let v = number(nextArg())
                let n = v.isFinite ? Int(max(min(v, 9.2e18), -9.2e18)) : 0
                var digits: String
                switch conv {
                case "o": digits = String(UInt(bitPattern: n), radix: 8)
                case "x": digits = String(UInt(bitPattern: n), radix: 16)
                case "X": digits = String(UInt(bitPattern: n), radix: 16).uppercased()
                case "u": digits = String(UInt(bitPattern: n))
                default: digits = String(abs(n))
                }
                if let p = precision, digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
                if flags.contains("#") && n != 0 {
                    if conv == "o" { digits = "0" + digits } else if conv == "x" { digits = "0x" + digits } else if conv == "X" { digits = "0X" + digits }
                }
                var sign = ""
                if conv == "d" || conv == "i" {
                    if n < 0 { sign = "-" } else if flags.contains("+") { sign = "+" } else if flags.contains(" ") { sign = " " }
                }
                if flags.contains("0") && !flags.contains("-") && precision == nil, let w = width, sign.count + digits.count < w {
                    digits = String(repeating: "0", count: w - sign.count - digits.count) + digits
                }
                body = sign + digits
            case "e", "E", "f", "F", "g", "G", "a", "A":
                let v = number(nextArg())
                var spec = "%" + flags
                if let w = width { spec += String(min(w, 10_000)) }
                if let p = precision { spec += "." + String(min(p, 100)) }
                spec.append(conv)
                body = String(format: spec, v)
                width = nil
            default:
                errors.append("%\(conv): invalid format character")
                return (out, errors)
            }
            if let w = width, body.count < w {
                let padding = String(repeating: " ", count: w - body.count)
                body = flags.contains("-") ? body + padding : padding + body
            }
            out += body
        }
        if !repeatFormat || argIndex == startArgs { break }
    } while argIndex < args.count
    return (out, errors)
}

extension ShellSession {
    func printf(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var a = args
        var target: String? = nil
        if a.first == "-v", a.count > 1 {
            target = a[1]
            a.removeFirst(2)
        }
        if a.first == "--" { a.removeFirst() }
        guard let format = a.first else {
            io.err("printf: usage: printf [-v var] format [arguments]\n")
            return 2
        }
        let (text, errors) = printfFormat(format, a.dropFirst().map { ($0, nil) }, repeatFormat: true)
        for e in errors { io.err("bash: printf: \(e)\n") }
        if let target {
            guard isValidName(target) else {
                io.err("bash: printf: `\(target)': not a valid identifier\n")
                return 2
            }
            try assign(target, text)
        } else {
            io.out(text)
        }
        return errors.isEmpty ? 0 : 1
    }
}
