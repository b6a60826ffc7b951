import Kubectl

/// Text filters: grep, sed, sort, uniq, cut, tr. Regular expressions are POSIX BRE/ERE.
extension ShellSession {
    // MARK: - grep

    func grep(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let name = currentCommand
        var normalized: [String] = []
        for a in args {
            // -A2 style is handled by the option parser; `-5` means -C 5.
            if a.count > 1, a.hasPrefix("-"), a.dropFirst().allSatisfy(\.isNumber) { normalized += ["-C", String(a.dropFirst())] } else { normalized.append(a) }
        }
        guard let o = parseOptions(normalized, spec: "ivncEFGPqsowxlLhHrRe:f:A:B:C:mZzUIab", long: [
            "ignore-case": "i", "invert-match": "v", "line-number": "n", "count": "c", "extended-regexp": "E",
            "fixed-strings": "F", "basic-regexp": "G", "perl-regexp": "P", "quiet": "q", "silent": "q",
            "no-messages": "s", "only-matching": "o", "word-regexp": "w", "line-regexp": "x",
            "files-with-matches": "l", "files-without-match": "L", "no-filename": "h", "with-filename": "H",
            "recursive": "r", "dereference-recursive": "R", "regexp": "e", "file": "f",
            "after-context": "A", "before-context": "B", "context": "C", "color": "\0", "colour": "\0",
            "max-count": "m",
        ], cmd: name, io: io) else { return 2 }
        var operands = o.operands
        var patterns: [String] = o.all("e")
        for f in o.all("f") {
            guard let t = workspace.readFile(f) else {
                io.err("\(name): \(f): No such file or directory\n")
                return 2
            }
            patterns += splitLines(t)
        }
        if patterns.isEmpty && o.all("f").isEmpty {
            guard !operands.isEmpty else {
                io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
                return 2
            }
            patterns = splitLines(operands.removeFirst() + "\n")
            if patterns.isEmpty { patterns = [""] }
        }
        let extended = o.has("E") || o.has("P") || name == "egrep"
        let fixed = o.has("F") || name == "fgrep"
        var regexes: [PosixRegex] = []
        for p in patterns {
            do {
                regexes.append(try PosixRegex(p, extended: extended, ignoreCase: o.has("i"), fixed: fixed,
                                              wordMatch: o.has("w"), lineMatch: o.has("x")))
            } catch let f as PosixRegex.Failure {
                io.err("\(name): \(f.message)\n")
                return 2
            }
        }
        let recursive = o.has("r") || o.has("R")
        if operands.isEmpty { operands = recursive ? ["."] : ["-"] }

        // Expand directories for -r.
        var files: [String] = []
        var status: Int32 = 1
        var hadError = false
        for f in operands {
            if f != "-" && workspace.isDirectory(f) {
                if recursive {
                    files += filesUnder(f)
                } else {
                    if !o.has("s") { io.err("\(name): \(f): Is a directory\n") }
                    hadError = true
                }
            } else {
                files.append(f)
            }
        }
        let showNames = o.has("H") || (!o.has("h") && (files.count > 1 || recursive))
        let after = Int(o.value("A") ?? o.value("C") ?? "0") ?? 0
        let before = Int(o.value("B") ?? o.value("C") ?? "0") ?? 0
        let maxCount = o.value("m").flatMap { Int($0) }
        var lastPrintedGroup = false
        for f in files {
            let text: String
            switch readInput(f, io) {
            case .failure(let e):
                if !o.has("s") { io.err("\(name): \(f): \(e.reason)\n") }
                hadError = true
                continue
            case .success(let t): text = t
            }
            let display = f == "-" ? "(standard input)" : f
            let lines = splitLines(text)
            var count = 0
            var lastPrinted = -1
            var afterLeft = 0
            for (i, line) in lines.enumerated() {
                if let m = maxCount, count >= m { break }
                let hit: Bool
                do {
                    hit = try regexes.contains { try $0.matches(line) } != o.has("v")
                } catch let f as PosixRegex.Failure {
                    io.err("\(name): \(f.message)\n")
                    return 2
                }
                if hit {
                    count += 1
                    status = 0
                    if o.has("q") { return 0 }
                    if o.has("c") || o.has("l") || o.has("L") { continue }
                    // Context before.
                    if before > 0 || after > 0 {
                        let start = max(lastPrinted + 1, i - before)
                        if lastPrintedGroup && start > lastPrinted + 1 { io.out("--\n") }
                        for k in start..<i { io.out((showNames ? display + "-" : "") + (o.has("n") ? "\(k + 1)-" : "") + lines[k] + "\n") }
                    }
                    let prefix = (showNames ? display + ":" : "") + (o.has("n") ? "\(i + 1):" : "")
                    if o.has("o") && !o.has("v") {
                        let sc = Array(line.unicodeScalars)
                        for r in regexes {
                            for m in (try? r.allMatches(in: sc)) ?? [] where !m.range.isEmpty {
                                io.out(prefix + scalarText(sc, m.range) + "\n")
                            }
                        }
                    } else {
                        io.out(prefix + line + "\n")
                    }
                    lastPrinted = i
                    lastPrintedGroup = true
                    afterLeft = after
                } else if afterLeft > 0 && !o.has("c") && !o.has("l") && !o.has("q") {
                    io.out((showNames ? display + "-" : "") + (o.has("n") ? "\(i + 1)-" : "") + line + "\n")
                    lastPrinted = i
                    afterLeft -= 1
                }
            }
            if o.has("c") { io.out((showNames ? display + ":" : "") + "\(count)\n") }
            if o.has("l") && count > 0 { io.out(display + "\n") }
            if o.has("L") && count == 0 { io.out(display + "\n") }
            try checkOutputLimit()
        }
        if hadError && !(o.has("q") && status == 0) { return 2 }
        return status
    }

    /// Regular files under a directory, depth first, sorted.
    private func filesUnder(_ dir: String) -> [String] {
        var result: [String] = []
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        for name in workspace.listDirectory(dir) ?? [] {
            let p = prefix + name
            if workspace.isDirectory(p) { result += filesUnder(p) } else if workspace.isFile(p) { result.append(p) }
            if result.count > VirtualFS.maxEntries { break }
        }
        return result
    }

    // MARK: - sort

    func sort(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "rnufbhVk:t:o:sc", long: [
            "reverse": "r", "numeric-sort": "n", "unique": "u", "ignore-case": "f", "ignore-leading-blanks": "b",
            "human-numeric-sort": "h", "version-sort": "V", "key": "k", "field-separator": "t", "output": "o", "stable": "s",
        ], cmd: "sort", io: io) else { return 2 }
        var separator: Character? = nil
        if let t = o.value("t") {
            guard t.count == 1 else {
                io.err(t.isEmpty ? "sort: empty tab\n" : "sort: multi-character tab ‘\(t)’\n")
                return 2
            }
            separator = t.first
        }
        struct Key { var start: Int; var end: Int?; var numeric: Bool; var reverse: Bool; var fold: Bool }
        var keys: [Key] = []
        for k in o.all("k") {
            var spec = k
            var mods = ""
            while let last = spec.last, "nrfbhgV".contains(last) { mods.append(last); spec.removeLast() }
            let parts = spec.split(separator: ",", maxSplits: 1).map { String($0.split(separator: ".").first ?? "") }
            var endMods = ""
            var endText = parts.count > 1 ? parts[1] : nil
            if var e = endText {
                while let last = e.last, "nrfbhgV".contains(last) { endMods.append(last); e.removeLast() }
                endText = e
            }
            guard let start = Int(parts.first ?? ""), start >= 1 else {
                io.err("sort: invalid number at field start: invalid count at start of ‘\(k)’\n")
                return 2
            }
            let allMods = mods + endMods
            keys.append(Key(start: start, end: endText.flatMap { Int($0) }, numeric: allMods.contains("n") || allMods.contains("h") || allMods.contains("g"),
                            reverse: allMods.contains("r"), fold: allMods.contains("f")))
        }
        var lines: [String] = []
        var status: Int32 = 0
        for f in o.operands.isEmpty ? ["-"] : o.operands {
            switch readInput(f, io) {
            case .failure(let e):
                io.err("sort: cannot read: \(f): \(e.reason)\n")
                return 2
            case .success(let t): lines += splitLines(t)
            }
        }
        func fields(_ line: String) -> [Substring] {
            if let sep = separator { return line.split(separator: sep, omittingEmptySubsequences: false) }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        }
        func keyText(_ line: String, _ k: Key) -> String {
            let fs = fields(line)
            guard k.start - 1 < fs.count else { return "" }
            let end = min(fs.count, k.end ?? fs.count)
            if end < k.start { return "" }
            return fs[(k.start - 1)..<end].joined(separator: separator.map(String.init) ?? " ")
        }
        func numeric(_ s: String) -> Double {
            let t = s.drop { $0 == " " || $0 == "\t" }
            var num = ""
            for (i, c) in t.enumerated() {
                if c.isNumber || c == "." || (i == 0 && c == "-") { num.append(c) } else { break }
            }
            var v = Double(num) ?? 0
            if o.has("h"), let suffix = t.dropFirst(num.count).first, let idx = "KMGTPE".firstIndex(of: Character(suffix.uppercased())) {
                v *= pow1024("KMGTPE".distance(from: "KMGTPE".startIndex, to: idx) + 1)
            }
            return v
        }
        func compare(_ a: String, _ b: String, numericSort: Bool, fold: Bool) -> Int {
            if numericSort {
                let x = numeric(a), y = numeric(b)
                return x < y ? -1 : x > y ? 1 : 0
            }
            let x = fold ? a.uppercased() : a, y = fold ? b.uppercased() : b
            if x == y { return 0 }
            return VirtualFS.cOrder(x, y) ? -1 : 1
        }
        func cmp(_ a: String, _ b: String) -> Int {
            if keys.isEmpty {
                let c = compare(a, b, numericSort: o.has("n") || o.has("h"), fold: o.has("f"))
                if c != 0 || o.has("u") || o.has("s") { return o.has("r") ? -c : c }
            } else {
                for k in keys {
                    var c = compare(keyText(a, k), keyText(b, k), numericSort: k.numeric || o.has("n"), fold: k.fold || o.has("f"))
                    if k.reverse != o.has("r") { c = -c }
                    if c != 0 { return c }
                }
                if o.has("u") || o.has("s") { return 0 }
            }
            // Last resort: whole line, bytewise.
            let c = a == b ? 0 : (VirtualFS.cOrder(a, b) ? -1 : 1)
            return o.has("r") ? -c : c
        }
        let sorted = lines.enumerated().sorted { x, y in
            let c = cmp(x.element, y.element)
            return c != 0 ? c < 0 : x.offset < y.offset
        }.map(\.element)
        var result: [String] = []
        for l in sorted {
            if o.has("u"), let last = result.last, cmp(last, l) == 0 { continue }
            result.append(l)
        }
        let text = joinLines(result)
        if let out = o.value("o") {
            do { try workspace.writeFile(out, contents: text) } catch let e as FSError {
                io.err("sort: open failed: \(out): \(e.reason)\n")
                status = 2
            }
        } else {
            io.out(text)
        }
        return status
    }

    private func pow1024(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 1024 }
        return v
    }

    // MARK: - uniq

    func uniq(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "cduif:s:", long: ["count": "c", "repeated": "d", "unique": "u", "ignore-case": "i"], cmd: "uniq", io: io) else { return 1 }
        let input = o.operands.first ?? "-"
        let text: String
        switch readInput(input, io) {
        case .failure(let e):
            io.err("uniq: \(input): \(e.reason)\n")
            return 1
        case .success(let t): text = t
        }
        var groups: [(String, Int)] = []
        for line in splitLines(text) {
            if let last = groups.last, o.has("i") ? last.0.lowercased() == line.lowercased() : last.0 == line {
                groups[groups.count - 1].1 += 1
            } else {
                groups.append((line, 1))
            }
        }
        var out = ""
        for (line, n) in groups {
            if o.has("d") && n < 2 { continue }
            if o.has("u") && n > 1 { continue }
            out += (o.has("c") ? pad(String(n), 7) + " " : "") + line + "\n"
        }
        if o.operands.count > 1 {
            do { try workspace.writeFile(o.operands[1], contents: out) } catch let e as FSError {
                io.err("uniq: \(o.operands[1]): \(e.reason)\n")
                return 1
            }
            return 0
        }
        io.out(out)
        return 0
    }

    // MARK: - cut

    func cut(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "d:f:c:b:s", long: ["delimiter": "d", "fields": "f", "characters": "c", "bytes": "b", "only-delimited": "s", "output-delimiter": "O"], cmd: "cut", io: io) else { return 1 }
        let listText = o.value("f") ?? o.value("c") ?? o.value("b")
        let modes = [o.value("f"), o.value("c"), o.value("b")].compactMap { $0 }.count
        guard let listText else {
            io.usageError("cut", "you must specify a list of bytes, characters, or fields")
            return 1
        }
        if modes > 1 {
            io.usageError("cut", "only one type of list may be specified")
            return 1
        }
        let byField = o.value("f") != nil
        var delimiter: Character = "\t"
        if let d = o.value("d") {
            guard d.count == 1 else {
                io.usageError("cut", "the delimiter must be a single character")
                return 1
            }
            delimiter = d.first!
            if !byField {
                io.usageError("cut", "an input delimiter may be specified only when operating on fields")
                return 1
            }
        }
        // Ranges: (start, end) 1-based, end nil = to the end.
        var ranges: [(Int, Int?)] = []
        for piece in listText.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = piece.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            let a = bounds[0].isEmpty ? 1 : Int(bounds[0])
            let b: Int?? = bounds.count == 1 ? .some(a) : (bounds[1].isEmpty ? .some(nil) : Int(bounds[1]).map { .some($0) })
            guard let start = a, let end = b, start >= 1, !(bounds.count == 2 && bounds[0].isEmpty && bounds[1].isEmpty) else {
                if piece.contains("0") && !piece.contains(where: { !$0.isNumber && $0 != "-" }) {
                    io.usageError("cut", "\(byField ? "fields" : "byte/character positions") are numbered from 1")
                } else {
                    io.usageError("cut", "invalid \(byField ? "field" : "byte/character position") value ‘\(piece)’")
                }
                return 1
            }
            if let e = end, e < start {
                io.usageError("cut", "invalid decreasing range")
                return 1
            }
            ranges.append((start, end))
        }
        func selected(_ i: Int) -> Bool { ranges.contains { i >= $0.0 && ($0.1 == nil || i <= $0.1!) } }
        let outDelim = o.value("O") ?? String(delimiter)
        var status: Int32 = 0
        for f in o.operands.isEmpty ? ["-"] : o.operands {
            let text: String
            switch readInput(f, io) {
            case .failure(let e):
                io.err("cut: \(f): \(e.reason)\n")
                status = 1
                continue
            case .success(let t): text = t
            }
            var out = ""
            for line in splitLines(text) {
                if byField {
                    guard line.contains(delimiter) else {
                        if !o.has("s") { out += line + "\n" }
                        continue
                    }
                    let fs = line.split(separator: delimiter, omittingEmptySubsequences: false)
                    out += fs.enumerated().filter { selected($0.offset + 1) }.map { String($0.element) }.joined(separator: outDelim) + "\n"
                } else {
                    out += String(line.enumerated().filter { selected($0.offset + 1) }.map(\.element)) + "\n"
                }
            }
            io.out(out)
        }
        return status
    }

    // MARK: - paste

    func paste(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "d:s", long: ["delimiters": "d", "serial": "s"], cmd: "paste", io: io) else { return 1 }
        let delims = Array(interpretEscapes(o.value("d") ?? "\t", allowOctalWithoutZero: true).text)
        func delim(_ i: Int) -> String { delims.isEmpty ? "" : String(delims[i % delims.count]) }
        var columns: [[String]] = []
        var stdinLines: [String]? = nil
        var stdinCursor = 0
        var dashCount = 0
        for f in o.operands.isEmpty ? ["-"] : o.operands where f == "-" { _ = f; dashCount += 1 }
        for f in o.operands.isEmpty ? ["-"] : o.operands {
            if f == "-" {
                if stdinLines == nil { stdinLines = splitLines(io.stdin.readAll()) }
                if o.has("s") {
                    columns.append(stdinLines!)
                } else {
                    // Several `-` operands take lines from stdin in turn.
                    var col: [String] = []
                    var k = stdinCursor
                    while k < stdinLines!.count { col.append(stdinLines![k]); k += dashCount }
                    stdinCursor += 1
                    columns.append(col)
                }
                continue
            }
            guard let t = workspace.readFile(f) else {
                io.err("paste: \(f): \(workspace.isDirectory(f) ? "Is a directory" : "No such file or directory")\n")
                return 1
            }
            columns.append(splitLines(t))
        }
        var out = ""
        if o.has("s") {
            for col in columns {
                out += col.enumerated().map { ($0.offset > 0 ? delim($0.offset - 1) : "") + $0.element }.joined() + "\n"
            }
        } else {
            let rows = columns.map(\.count).max() ?? 0
            for r in 0..<rows {
                var line = ""
                for (c, col) in columns.enumerated() {
                    if c > 0 { line += delim(c - 1) }
                    if r < col.count { line += col[r] }
                }
                out += line + "\n"
            }
        }
        io.out(out)
        return 0
    }

    // MARK: - tr

    func tr(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var delete = false, squeeze = false, complement = false
        var sets: [String] = []
        for a in args {
            if a.hasPrefix("-") && a.count > 1 && sets.isEmpty && a.dropFirst().allSatisfy({ "dscC".contains($0) }) {
                for c in a.dropFirst() {
                    if c == "d" { delete = true } else if c == "s" { squeeze = true } else { complement = true }
                }
            } else {
                sets.append(a)
            }
        }
        if sets.isEmpty {
            io.usageError("tr", "missing operand")
            return 1
        }
        if !delete && !squeeze && sets.count < 2 {
            io.usageError("tr", "missing operand after ‘\(sets[0])’\nTwo strings must be given when translating.")
            return 1
        }
        let set1 = ShellSession.trSet(sets[0])
        let set2 = sets.count > 1 ? ShellSession.trSet(sets[1]) : []
        func inSet1(_ c: Character) -> Bool { set1.contains(c) != complement }
        var out = ""
        var last: Character? = nil
        let squeezeSet = (delete || sets.count < 2) ? Set(set1) : Set(set2)
        for c in io.stdin.readAll() {
            var ch = c
            if delete {
                if inSet1(c) { continue }
            } else if sets.count > 1, inSet1(c) {
                if complement {
                    ch = set2.last ?? c
                } else if let i = set1.lastIndex(of: c) {
                    ch = i < set2.count ? set2[i] : (set2.last ?? c)
                }
            }
            if squeeze, ch == last, (complement && sets.count < 2 ? !set1.contains(ch) : squeezeSet.contains(ch)) { continue }
            out.append(ch)
            last = ch
        }
        io.out(out)
        return 0
    }

    /// Expands `a-z`, `[:upper:]` and escapes of a tr set.
    static func trSet(_ s: String) -> [Character] {
        let classes: [String: String] = [
            "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
            "[:digit:]": "0123456789", "[:space:]": " \t\n\r\u{0B}\u{0C}", "[:blank:]": " \t",
            "[:alpha:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "[:alnum:]": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "[:punct:]": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        ]
        var chars: [Character] = []
        var rest = Substring(s)
        while !rest.isEmpty {
            if let (name, expansion) = classes.first(where: { rest.hasPrefix($0.key) }) {
                chars += expansion
                rest = rest.dropFirst(name.count)
                continue
            }
            var c = rest.first!
            rest = rest.dropFirst()
            if c == "\\", let n = rest.first {
                rest = rest.dropFirst()
                switch n {
                case "n": c = "\n"
                case "t": c = "\t"
                case "r": c = "\r"
                case "\\": c = "\\"
                default: c = n
                }
            }
            if rest.count >= 2, rest.first == "-", let hi = rest.dropFirst().first,
               let a = c.unicodeScalars.first, let b = hi.unicodeScalars.first, a.value <= b.value, b.value - a.value < 1000 {
                for v in a.value...b.value { if let u = Unicode.Scalar(v) { chars.append(Character(u)) } }
                rest = rest.dropFirst(2)
                continue
            }
            chars.append(c)
        }
        return chars
    }
}
