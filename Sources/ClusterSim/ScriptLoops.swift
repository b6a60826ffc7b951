import Foundation

// What batch examples add to the container mini-shell (`Script`): counted `for` loops
// (`for i in 1 2 3`, `$(seq 1 5)`, `{1..5}`) and `printf`.

extension Script {
    /// Unrolls `for NAME in WORDS; do BODY; done` (not nested) into BODY once per word with
    /// `$NAME` / `${NAME}` replaced, so the plain command sequence can be run. At most
    /// 1000 iterations: a container's log is what matters, not a loop's length.
    static func expandForLoops(_ text: String) -> String {
        guard let loop = text.range(of: #"for\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([^;\n]*)[;\n]\s*do\s+(.*?)[;\n]?\s*done"#,
                                    options: .regularExpression) else { return text }
        let source = String(text[loop])
        guard let re = try? NSRegularExpression(pattern: #"^for\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([^;\n]*)[;\n]\s*do\s+(.*?)[;\n]?\s*done$"#,
                                                options: [.dotMatchesLineSeparators]),
              let m = re.firstMatch(in: source, range: NSRange(source.startIndex..., in: source)),
              let nameR = Range(m.range(at: 1), in: source), let listR = Range(m.range(at: 2), in: source),
              let bodyR = Range(m.range(at: 3), in: source) else { return text }
        let name = String(source[nameR])
        let body = String(source[bodyR]).trimmingCharacters(in: .whitespaces)
        let items = loopItems(String(source[listR]).trimmingCharacters(in: .whitespaces))
        let unrolled = items.prefix(1000).map { item in
            body.replacingOccurrences(of: "${\(name)}", with: item).replacingOccurrences(of: "$\(name)", with: item)
        }.joined(separator: "; ")
        let rest = text.replacingCharacters(in: loop, with: unrolled.isEmpty ? ":" : unrolled)
        return expandForLoops(rest)
    }

    /// The words a `for` loop walks: `$(seq A B)`, `$(seq N)`, `{A..B}` or a plain list.
    static func loopItems(_ list: String) -> [String] {
        let seqArgs: [String]?
        if list.hasPrefix("$(seq "), list.hasSuffix(")") {
            seqArgs = list.dropFirst(6).dropLast().split(separator: " ").map(String.init)
        } else if list.hasPrefix("`seq "), list.hasSuffix("`") {
            seqArgs = list.dropFirst(5).dropLast().split(separator: " ").map(String.init)
        } else {
            seqArgs = nil
        }
        if let a = seqArgs {
            let n = a.compactMap { Int($0) }
            guard n.count == a.count, !n.isEmpty else { return [] }
            let (lo, step, hi) = n.count == 1 ? (1, 1, n[0]) : n.count == 2 ? (n[0], 1, n[1]) : (n[0], n[1], n[2])
            guard step != 0 else { return [] }
            return Array(stride(from: lo, through: hi, by: step).prefix(1000)).map(String.init)
        }
        if list.hasPrefix("{"), list.hasSuffix("}"), let dots = list.range(of: "..") {
            if let lo = Int(list[list.index(after: list.startIndex)..<dots.lowerBound]),
               let hi = Int(list[dots.upperBound..<list.index(before: list.endIndex)]) {
                return Array(stride(from: lo, through: hi, by: lo <= hi ? 1 : -1).prefix(1000)).map(String.init)
            }
        }
        return words(list)
    }

    /// `printf FORMAT [ARGS…]` as a shell prints it: `%s`/`%d` take the arguments in turn,
    /// `\n` ends a line; the format is reused while arguments remain. The lines written, and
    /// whether the output ended with a newline.
    static func printf(_ args: [String]) -> [String] {
        guard let format = args.first else { return [] }
        var rest = Array(args.dropFirst())
        var out = ""
        repeat {
            var chars = Array(format)[...]
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == "\\", let n = chars.first {
                    chars = chars.dropFirst()
                    switch n { case "n": out.append("\n"); case "t": out.append("\t"); case "\\": out.append("\\"); default: out.append(c); out.append(n) }
                } else if c == "%", let n = chars.first {
                    chars = chars.dropFirst()
                    switch n {
                    case "%": out.append("%")
                    case "s": out.append(rest.isEmpty ? "" : rest.removeFirst())
                    case "d", "i": out.append(rest.isEmpty ? "0" : String(Int(rest.removeFirst()) ?? 0))
                    default: out.append(c); out.append(n)
                    }
                } else {
                    out.append(c)
                }
            }
        } while !rest.isEmpty && format.contains("%")
        if out.hasSuffix("\n") { out.removeLast() }
        return out.isEmpty ? [] : out.components(separatedBy: "\n")
    }
}
