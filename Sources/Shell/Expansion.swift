import Kubectl

/// A word being built during expansion: its text, and the same text as a glob pattern
/// (quoted characters escaped).
struct Field {
    var value = ""
    var pattern = ""
    var glob = false
    var started = false

    mutating func addQuoted(_ s: String) {
        value += s
        pattern += escapeGlob(s)
        started = true
    }

    mutating func addUnquoted(_ s: String) {
        value += s
        pattern += s
        if !glob && hasGlobMeta(s) { glob = true }
        started = true
    }
}

extension ShellSession {
    // MARK: Words → fields

    /// Brace expansion, parameter/command/arithmetic expansion, field splitting, globbing.
    func expandWords(_ words: [Word], _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> [String] {
        var result: [String] = []
        var total = 0
        for w in words {
            for bw in try braceExpand(w) {
                for f in try expandFields(bw, ctx, &out) {
                    if f.glob {
                        let matches = expandGlob(f.pattern)
                        if !matches.isEmpty { result += matches; continue }
                    }
                    result.append(f.value)
                }
            }
            total = result.reduce(0) { $0 + $1.utf8.count }
            if total > ShellSession.maxWordBytes || result.count > 200_000 {
                throw ControlFlow.abort("kubelab: expansion too large (limit \(ShellSession.maxWordBytes >> 20) MiB); stopped", 1)
            }
        }
        return result
    }

    func expandFields(_ word: Word, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> [Field] {
        var fields: [Field] = []
        var cur = Field()

        func finishField() {
            if cur.started { fields.append(cur) }
            cur = Field()
        }

        func addSplit(_ s: String) {
            guard !s.isEmpty else { return }
            let (lead, pieces, trail) = ifsSplit(s)
            if lead { finishField() }
            for (i, piece) in pieces.enumerated() {
                if i > 0 { finishField() }
                cur.addUnquoted(piece)
            }
            if trail { finishField() }
        }

        for part in word.parts {
            switch part {
            case .literal(let s):
                cur.addUnquoted(s)
            case .quoted(let s):
                cur.addQuoted(s)
            case .tilde(let user):
                cur.addQuoted(tildeValue(user))
            case .doubleQuoted(let inner):
                if inner.count == 1, case .parameter(let pe) = inner[0], pe.name == "@", pe.op == nil, !pe.length {
                    // "$@": one field per positional parameter.
                    for (i, p) in positional.enumerated() {
                        if i > 0 { finishField() }
                        cur.addQuoted(p)
                    }
                    continue
                }
                cur.addQuoted(try expandPartsToString(inner, ctx, &out, quoted: true))
            case .parameter, .commandSubstitution, .arithmetic, .processSubstitution:
                addSplit(try expandPart(part, ctx, &out, quoted: false))
            }
        }
        finishField()
        return fields
    }

    /// A word as one string: no field splitting, no globbing (assignments, here-documents,
    /// `case` subjects, redirection targets of here-strings).
    func expandToString(_ word: Word, _ ctx: ExecContext, _ out: inout OutputBuffer, hereDoc: Bool = false) throws -> String {
        let s = try expandPartsToString(word.parts, ctx, &out, quoted: hereDoc)
        if s.utf8.count > ShellSession.maxWordBytes {
            throw ControlFlow.abort("kubelab: expansion too large (limit \(ShellSession.maxWordBytes >> 20) MiB); stopped", 1)
        }
        return s
    }

    /// A word as a glob pattern: quoted characters are escaped (`case`, `${x#pattern}`).
    func expandToPattern(_ word: Word, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> String {
        var p = ""
        for part in word.parts {
            switch part {
            case .literal(let s): p += s
            case .quoted(let s): p += escapeGlob(s)
            case .tilde(let u): p += escapeGlob(tildeValue(u))
            case .doubleQuoted(let inner): p += escapeGlob(try expandPartsToString(inner, ctx, &out, quoted: true))
            default: p += try expandPart(part, ctx, &out, quoted: false)
            }
        }
        return p
    }

    func expandPartsToString(_ parts: [WordPart], _ ctx: ExecContext, _ out: inout OutputBuffer, quoted: Bool) throws -> String {
        var s = ""
        for part in parts {
            switch part {
            case .literal(let t), .quoted(let t): s += t
            case .tilde(let u): s += tildeValue(u)
            case .doubleQuoted(let inner): s += try expandPartsToString(inner, ctx, &out, quoted: true)
            default: s += try expandPart(part, ctx, &out, quoted: quoted)
            }
        }
        return s
    }

    private func tildeValue(_ user: String) -> String {
        if user.isEmpty { return variables["HOME"] ?? workspace.home }
        if user == "root" { return workspace.home }
        return "~" + user
    }

    /// One expansion (`$x`, `$(…)`, `$((…))`, `<(…)`) as text.
    func expandPart(_ part: WordPart, _ ctx: ExecContext, _ out: inout OutputBuffer, quoted: Bool) throws -> String {
        switch part {
        case .parameter(let pe):
            return try expandParameter(pe, ctx, &out, quoted: quoted)
        case .commandSubstitution(let src):
            var s = try commandSubstitution(src, ctx, &out)
            while s.utf8.last == UInt8(ascii: "\n") { s.removeLast() }
            return s
        case .arithmetic(let expr):
            return String(try arithmeticValue(expr, ctx, &out))
        case .processSubstitution(let src):
            let text = try commandSubstitution(src, ctx, &out)
            try? workspace.createDirectory("/dev/fd", parents: true)
            let path = "/dev/fd/\(63 - temporaryPaths.count)"
            try? workspace.writeFile(path, contents: text)
            temporaryPaths.append(path)
            return path
        case .literal(let s), .quoted(let s):
            return s
        case .tilde(let u):
            return tildeValue(u)
        case .doubleQuoted(let inner):
            return try expandPartsToString(inner, ctx, &out, quoted: true)
        }
    }

    // MARK: Parameters

    /// A parameter's value; nil when unset.
    func parameterValue(_ name: String) -> String? {
        switch name {
        case "?": return String(lastExitCode)
        case "$": return "4242"
        case "#": return String(positional.count)
        case "@", "*": return positional.joined(separator: " ")
        case "0": return shellName
        case "!": return nil
        case "-": return "himBH"
        case "RANDOM":
            randomState = randomState &* 1_103_515_245 &+ 12_345
            return String((randomState >> 16) & 0x7fff)
        default:
            if let n = Int(name) { return n >= 1 && n <= positional.count ? positional[n - 1] : nil }
            return variables[name]
        }
    }

    private func expandParameter(_ pe: ParameterExpansion, _ ctx: ExecContext, _ out: inout OutputBuffer, quoted: Bool) throws -> String {
        let value = parameterValue(pe.name)
        if pe.length { return String((value ?? "").count) }
        guard let op = pe.op else { return value ?? "" }
        func isUnset(_ colon: Bool) -> Bool { value == nil || (colon && value!.isEmpty) }
        func word(_ w: Word) throws -> String { try expandPartsToString(w.parts, ctx, &out, quoted: quoted) }
        switch op {
        case .useDefault(let colon, let w):
            return isUnset(colon) ? try word(w) : value!
        case .assignDefault(let colon, let w):
            if isUnset(colon) {
                let v = try word(w)
                guard isValidName(pe.name) else {
                    throw ControlFlow.abort("bash: $\(pe.name): cannot assign in this way", 1)
                }
                try assign(pe.name, v)
                return v
            }
            return value!
        case .errorIfUnset(let colon, let w):
            if isUnset(colon) {
                var msg = try word(w)
                if msg.isEmpty { msg = colon ? "parameter null or not set" : "parameter not set" }
                throw ControlFlow.abort("bash: \(pe.name): \(msg)", 1)
            }
            return value!
        case .useAlternate(let colon, let w):
            return isUnset(colon) ? "" : try word(w)
        case .removePrefix(let longest, let w):
            let v = value ?? ""
            let pattern = try expandToPattern(w, ctx, &out)
            let chars = Array(v)
            let range = longest ? Array(stride(from: chars.count, through: 0, by: -1)) : Array(0...chars.count)
            for n in range where globMatch(pattern, String(chars[0..<n])) { return String(chars[n...]) }
            return v
        case .removeSuffix(let longest, let w):
            let v = value ?? ""
            let pattern = try expandToPattern(w, ctx, &out)
            let chars = Array(v)
            let range = longest ? Array(0...chars.count) : Array(stride(from: chars.count, through: 0, by: -1))
            for n in range where globMatch(pattern, String(chars[n...])) { return String(chars[0..<n]) }
            return v
        case .replace(let all, let anchor, let pw, let rw):
            let v = value ?? ""
            let pattern = try expandToPattern(pw, ctx, &out)
            let replacement = try word(rw)
            if pattern.isEmpty { return v }
            let chars = Array(v)
            var result = ""
            var i = 0
            var replacedOnce = false
            while i <= chars.count {
                if (anchor == "#" && i > 0) || (replacedOnce && !all) {
                    result += String(chars[i...])
                    break
                }
                // Longest match starting at i.
                var matchEnd: Int? = nil
                var e = chars.count
                while e >= i {
                    if (anchor != "%" || e == chars.count), globMatch(pattern, String(chars[i..<e])) { matchEnd = e; break }
                    e -= 1
                }
                if let m = matchEnd, m > i {
                    result += replacement
                    replacedOnce = true
                    i = m
                    continue
                }
                if i < chars.count { result.append(chars[i]) }
                i += 1
            }
            return result
        case .substring(let offText, let lenText):
            let v = Array(value ?? "")
            var off = try evaluateArithmetic(offText)
            if off < 0 { off = max(0, v.count + off) }
            if off > v.count { return "" }
            var end = v.count
            if let lenText {
                let len = try evaluateArithmetic(lenText)
                end = len < 0 ? (len < -v.count ? -1 : v.count + len) : (len > v.count - off ? v.count : off + len)
                if end < off {
                    throw ControlFlow.abort("bash: \(lenText): substring expression < 0", 1)
                }
            }
            return String(v[off..<end])
        case .upper(let all):
            let v = value ?? ""
            return all ? v.uppercased() : v.prefix(1).uppercased() + v.dropFirst()
        case .lower(let all):
            let v = value ?? ""
            return all ? v.lowercased() : v.prefix(1).lowercased() + v.dropFirst()
        }
    }

    /// Splits text on IFS. `lead`/`trail`: the text began/ended with a separator.
    func ifsSplit(_ s: String) -> (lead: Bool, pieces: [String], trail: Bool) {
        let ifs = variables["IFS"] ?? " \t\n"
        if ifs.isEmpty { return (false, [s], false) }
        let white = Set(ifs.unicodeScalars.filter { $0 == " " || $0 == "\t" || $0 == "\n" })
        let other = Set(ifs.unicodeScalars.filter { !white.contains($0) })
        let sc = Array(s.unicodeScalars)
        var i = 0
        var lead = false
        while i < sc.count, white.contains(sc[i]) { i += 1; lead = true }
        var pieces: [String] = []
        var cur = ""
        var have = false
        var trail = false
        while i < sc.count {
            let c = sc[i]
            if white.contains(c) || other.contains(c) {
                var j = i
                while j < sc.count, white.contains(sc[j]) { j += 1 }
                if j < sc.count, other.contains(sc[j]) {
                    j += 1
                    while j < sc.count, white.contains(sc[j]) { j += 1 }
                }
                pieces.append(cur)
                cur = ""
                have = false
                i = j
                if i == sc.count { trail = true }
                continue
            }
            cur.unicodeScalars.append(c)
            have = true
            i += 1
        }
        if have { pieces.append(cur) }
        if pieces.isEmpty { trail = lead }
        return (lead, pieces, trail)
    }

    // MARK: Command substitution

    /// Runs `$(…)` in a subshell and returns its standard output (stderr goes to `out`).
    func commandSubstitution(_ src: String, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> String {
        guard ctx.depth < ShellSession.maxNesting else {
            throw ControlFlow.abort("bash: command substitution nested too deeply (kubelab allows \(ShellSession.maxNesting) levels)", 1)
        }
        var inner = ctx
        inner.depth += 1
        inner.stdoutIsTerminal = false
        inner.loopDepth = 0
        inner.inSubshell = true
        let snap = snapshot()
        defer { restore(snap) }
        var captured = OutputBuffer()
        var status: Int32 = 0
        let parser = Parser(src, atEOF: true)
        do {
            status = try statusOfSubshell {
                var last: Int32 = 0
                while let list = try parser.parseCompleteCommand() {
                    if list.isEmpty { continue }
                    last = try run(list, inner, &captured)
                    lastExitCode = last
                }
                return last
            }
        } catch let e as ParseError {
            if case .syntax(let msg) = e { captured.err("bash: command substitution: \(msg)\n") }
            status = 2
        }
        lastSubstitutionStatus = status
        lastExitCode = status
        var stdout = ""
        for c in captured.chunks {
            if c.stream == .stdout { stdout += c.text } else { out.err(c.text) }
        }
        return stdout
    }

    // MARK: Braces

    /// `{a,b}` and `{1..5}` in unquoted text.
    func braceExpand(_ word: Word) throws -> [Word] {
        // Iterative (a word with thousands of groups must not exhaust the stack).
        var results: [Word] = []
        var work: [Word] = [word]
        var steps = 0
        while let w = work.popLast() {
            steps += 1
            if steps > 50_000 || results.count + work.count > 50_000 {
                throw ControlFlow.abort("kubelab: brace expansion too large; stopped", 1)
            }
            var expanded = false
            for (idx, part) in w.parts.enumerated() {
                guard case .literal(let s) = part, s.contains("{"),
                      let (prefix, alternatives, suffix) = ShellSession.braceGroup(s) else { continue }
                for alt in alternatives.reversed() {
                    var parts = Array(w.parts[..<idx])
                    parts.append(.literal(prefix + alt + suffix))
                    parts.append(contentsOf: w.parts[(idx + 1)...])
                    work.append(Word(parts: parts, raw: w.raw))
                }
                expanded = true
                break
            }
            if !expanded { results.append(w) }
        }
        return results
    }

    /// The first expandable `{…}` in a literal: prefix, alternatives, suffix.
    static func braceGroup(_ s: String) -> (String, [String], String)? {
        let c = Array(s)
        var i = 0
        while i < c.count {
            if c[i] == "{" && !(i > 0 && c[i - 1] == "$") {
                var depth = 0
                var commas: [Int] = []
                var j = i
                var close: Int? = nil
                while j < c.count {
                    if c[j] == "{" { depth += 1 }
                    if c[j] == "}" { depth -= 1; if depth == 0 { close = j; break } }
                    if c[j] == "," && depth == 1 { commas.append(j) }
                    j += 1
                }
                guard let close else { return nil }
                let prefix = String(c[..<i]), suffix = String(c[(close + 1)...])
                if !commas.isEmpty {
                    var alts: [String] = []
                    var start = i + 1
                    for k in commas + [close] {
                        alts.append(String(c[start..<k]))
                        start = k + 1
                    }
                    return (prefix, alts, suffix)
                }
                let inner = String(c[(i + 1)..<close])
                if let seq = sequence(inner) { return (prefix, seq, suffix) }
                i += 1
                continue
            }
            i += 1
        }
        return nil
    }

    /// `1..5`, `a..e`, `1..10..2`.
    private static func sequence(_ s: String) -> [String]? {
        let parts = s.splitString(by: "..")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var step = 1
        if parts.count == 3 {
            guard let st = Int(parts[2]) else { return nil }
            step = st == Int.min || st == 0 ? 1 : abs(st)
        }
        if let a = Int(parts[0]), let b = Int(parts[1]) {
            let count = (abs(Double(b) - Double(a)) / Double(step)).rounded(.down) + 1
            guard count <= 100_000 else { return nil }
            let width = (parts[0].hasPrefix("0") && parts[0].count > 1) || (parts[1].hasPrefix("0") && parts[1].count > 1)
                ? max(parts[0].count, parts[1].count) : 0
            var out: [String] = []
            var v = a
            for _ in 0..<Int(count) {
                var t = String(v)
                if width > 0 && t.count < width { t = String(repeating: "0", count: width - t.count) + t }
                out.append(t)
                v = a <= b ? v &+ step : v &- step
            }
            return out
        }
        if parts[0].unicodeScalars.count == 1, parts[1].unicodeScalars.count == 1,
           let a = parts[0].unicodeScalars.first, let b = parts[1].unicodeScalars.first,
           a.isASCII, b.isASCII {
            var out: [String] = []
            var v = Int(a.value)
            let e = Int(b.value)
            while a.value <= b.value ? v <= e : v >= e {
                out.append(String(Character(Unicode.Scalar(UInt8(v)))))
                v = a.value <= b.value ? v + step : v - step
            }
            return out
        }
        return nil
    }

    // MARK: Globbing

    /// Paths matching a pattern, sorted; empty when none match.
    func expandGlob(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        let trailingSlash = pattern.hasSuffix("/")
        let comps = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if comps.isEmpty { return [] }
        var candidates: [String] = [absolute ? "/" : ""]
        for (idx, comp) in comps.enumerated() {
            let isLast = idx == comps.count - 1
            var next: [String] = []
            for prefix in candidates {
                if hasGlobMeta(comp) {
                    guard let names = workspace.listDirectory(prefix.isEmpty ? "." : prefix) else { continue }
                    let dotOK = comp.hasPrefix(".") || comp.hasPrefix("\\.")
                    for name in names where (dotOK || !name.hasPrefix(".")) && globMatch(comp, name) {
                        let path = prefix + name
                        if isLast {
                            if !trailingSlash || workspace.isDirectory(path) { next.append(trailingSlash ? path + "/" : path) }
                        } else if workspace.isDirectory(path) {
                            next.append(path + "/")
                        }
                    }
                } else {
                    let path = prefix + unescapeGlob(comp)
                    if isLast {
                        if workspace.exists(path) { next.append(trailingSlash ? path + "/" : path) }
                    } else if workspace.isDirectory(path) {
                        next.append(path + "/")
                    }
                }
            }
            candidates = next
            if candidates.count > 100_000 { return [] }
        }
        return candidates.sorted(by: VirtualFS.cOrder)
    }
}

extension String {
    /// Splits on a multi-character separator (no Foundation).
    func splitString(by sep: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let r = rest.findRange(of: sep) {
            result.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}

extension Substring {
    func findRange(of sep: String) -> Range<Substring.Index>? {
        guard !sep.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(sep) { return i..<index(i, offsetBy: sep.count) }
            i = index(after: i)
        }
        return nil
    }
}
