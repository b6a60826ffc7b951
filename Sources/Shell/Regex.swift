/// POSIX basic and extended regular expressions (GNU flavour, as grep, sed and awk read
/// them), compiled to a small backtracking machine with an explicit stack and a step budget:
/// deep inputs cannot overflow the call stack and pathological patterns such as `(a*)*b`
/// stop with an error instead of running for minutes.
///
/// Matching is leftmost-longest as POSIX requires (`a|ab` matches `ab`); among matches of
/// the same length, groups come from the first one in greedy/ordered-alternation priority.
struct PosixRegex {
    enum Failure: Error, Equatable {
        case unmatchedParen, unmatchedCloseParen, unmatchedBracket, unmatchedBrace, trailingBackslash, invalidBackReference, invalidExpression
        case invalidPreceding, invalidRange, invalidClass, invalidContent, tooBig, tooComplex

        /// GNU regex's wording.
        var message: String {
            switch self {
            case .unmatchedParen: return "Unmatched ( or \\("
            case .unmatchedCloseParen: return "Unmatched ) or \\)"
            case .invalidExpression: return "Invalid regular expression"
            case .unmatchedBracket: return "Unmatched [, [^, [:, [., or [="
            case .unmatchedBrace: return "Unmatched \\{"
            case .trailingBackslash: return "Trailing backslash"
            case .invalidBackReference: return "Invalid back reference"
            case .invalidPreceding: return "Invalid preceding regular expression"
            case .invalidRange: return "Invalid range end"
            case .invalidClass: return "Invalid character class name"
            case .invalidContent: return "Invalid content of \\{\\}"
            case .tooBig: return "Regular expression too big"
            case .tooComplex: return "regular expression too complex for the simulator (matching stopped)"
            }
        }
    }

    /// A match: group 0 is the whole match; offsets count unicode scalars.
    struct Match {
        var groups: [Range<Int>?]
        var range: Range<Int> { groups[0]! }
    }

    static let stepBudget = 2_000_000
    static let maxProgram = 30_000

    fileprivate enum Inst {
        case char(Unicode.Scalar)
        case any
        case set(CharSet)
        case split(Int, Int)
        case jmp(Int)
        case save(Int)
        case lineStart, lineEnd
        case wordBoundary(Bool)
        case wordStart, wordEnd
        case notWordBefore, notWordAfter
        case backref(Int)
        case mark(Int)          // remember the position in a loop register
        case progress(Int)      // fail unless the position moved since `mark`
        case match
    }

    fileprivate struct CharSet {
        var negated = false
        var scalars: Set<Unicode.Scalar> = []
        var ranges: [ClosedRange<UInt32>] = []
        var classes: [String] = []

        func contains(_ u: Unicode.Scalar, ignoreCase: Bool) -> Bool {
            var hit = test(u)
            if !hit && ignoreCase {
                for v in PosixRegex.caseVariants(u) where test(v) { hit = true; break }
            }
            return hit != negated
        }

        private func test(_ u: Unicode.Scalar) -> Bool {
            if scalars.contains(u) { return true }
            for r in ranges where r.contains(u.value) { return true }
            for c in classes where characterClass(c, u) { return true }
            return false
        }
    }

    private let program: [Inst]
    private let ignoreCase: Bool
    private let anchoredAtStart: Bool
    private let registers: Int
    let groupCount: Int

    init(_ pattern: String, extended: Bool, ignoreCase: Bool = false, fixed: Bool = false,
         wordMatch: Bool = false, lineMatch: Bool = false) throws {
        var compiler = Compiler(pattern: Array(pattern.unicodeScalars), extended: extended, fixed: fixed)
        let ast = try compiler.parse()
        var prog: [Inst] = []
        if lineMatch { prog.append(.lineStart) }
        if wordMatch { prog.append(.notWordBefore) }
        prog.append(.save(0))
        var regs = 0
        try PosixRegex.emit(ast, into: &prog, registers: &regs)
        prog.append(.save(1))
        if wordMatch { prog.append(.notWordAfter) }
        if lineMatch { prog.append(.lineEnd) }
        prog.append(.match)
        guard prog.count <= PosixRegex.maxProgram else { throw Failure.tooBig }
        program = prog
        registers = regs
        groupCount = compiler.groups
        self.ignoreCase = ignoreCase
        if case .lineStart = prog.first { anchoredAtStart = true } else if case .save = prog.first, prog.count > 1, case .lineStart = prog[1] { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    // MARK: Searching

    /// Whether the text contains a match.
    func matches(_ s: String) throws -> Bool {
        try firstMatch(in: Array(s.unicodeScalars), from: 0, longest: false) != nil
    }

    /// The leftmost(-longest) match starting at or after `from`.
    func firstMatch(in s: [Unicode.Scalar], from: Int, notEmptyAt: Int? = nil, longest: Bool = true) throws -> Match? {
        var steps = 0
        var start = from
        while start <= s.count {
            if let m = try run(s, at: start, steps: &steps, notEmptyAt: notEmptyAt, longest: longest) { return m }
            if anchoredAtStart { return nil }
            start += 1
        }
        return nil
    }

    /// Every non-overlapping match, the way `s///g` and `grep -o` walk a line (an empty match
    /// right after a previous match is skipped).
    func allMatches(in s: [Unicode.Scalar]) throws -> [Match] {
        var out: [Match] = []
        var pos = 0
        var lastEnd: Int? = nil
        while pos <= s.count {
            guard let m = try firstMatch(in: s, from: pos, notEmptyAt: lastEnd) else { break }
            out.append(m)
            let r = m.range
            lastEnd = r.upperBound
            pos = r.isEmpty ? r.upperBound + 1 : r.upperBound
            if out.count > 1_000_000 { break }
        }
        return out
    }

    private enum Frame {
        case branch(Int, Int)
        case restore(Int, Int)
        case restoreRegister(Int, Int)
    }

    private func run(_ s: [Unicode.Scalar], at start: Int, steps: inout Int, notEmptyAt: Int?, longest: Bool) throws -> Match? {
        var best: [Int]? = nil
        func result(_ c: [Int]) -> Match {
            var groups: [Range<Int>?] = []
            for g in 0...groupCount {
                let a = c[2 * g], b = c[2 * g + 1]
                groups.append(a >= 0 && b >= a ? a..<b : nil)
            }
            return Match(groups: groups)
        }
        var caps = [Int](repeating: -1, count: (groupCount + 1) * 2)
        var regs = [Int](repeating: -1, count: registers)
        var stack: [Frame] = []
        var pc = 0
        var sp = start
        let n = s.count
        while true {
            steps += 1
            if steps > PosixRegex.stepBudget { throw Failure.tooComplex }
            var ok = true
            switch program[pc] {
            case .char(let c):
                if sp < n && (s[sp] == c || (ignoreCase && PosixRegex.caseVariants(s[sp]).contains(c))) { sp += 1; pc += 1 } else { ok = false }
            case .any:
                if sp < n { sp += 1; pc += 1 } else { ok = false }
            case .set(let set):
                if sp < n && set.contains(s[sp], ignoreCase: ignoreCase) { sp += 1; pc += 1 } else { ok = false }
            case .split(let a, let b):
                stack.append(.branch(b, sp))
                pc = a
            case .jmp(let a):
                pc = a
            case .save(let k):
                if k < caps.count {
                    stack.append(.restore(k, caps[k]))
                    caps[k] = sp
                }
                pc += 1
            case .lineStart:
                if sp == 0 { pc += 1 } else { ok = false }
            case .lineEnd:
                if sp == n { pc += 1 } else { ok = false }
            case .wordBoundary(let want):
                let before = sp > 0 && PosixRegex.isWord(s[sp - 1])
                let after = sp < n && PosixRegex.isWord(s[sp])
                if (before != after) == want { pc += 1 } else { ok = false }
            case .wordStart:
                if (sp == 0 || !PosixRegex.isWord(s[sp - 1])) && sp < n && PosixRegex.isWord(s[sp]) { pc += 1 } else { ok = false }
            case .wordEnd:
                if sp > 0 && PosixRegex.isWord(s[sp - 1]) && (sp == n || !PosixRegex.isWord(s[sp])) { pc += 1 } else { ok = false }
            case .notWordBefore:
                if sp == 0 || !PosixRegex.isWord(s[sp - 1]) { pc += 1 } else { ok = false }
            case .notWordAfter:
                if sp == n || !PosixRegex.isWord(s[sp]) { pc += 1 } else { ok = false }
            case .backref(let g):
                let a = caps[2 * g], b = caps[2 * g + 1]
                if a < 0 || b < 0 { ok = false; break }
                let len = b - a
                if sp + len > n { ok = false; break }
                var same = true
                for k in 0..<len where s[a + k] != s[sp + k] {
                    if !(ignoreCase && PosixRegex.caseVariants(s[a + k]).contains(s[sp + k])) { same = false; break }
                }
                if same { sp += len; pc += 1 } else { ok = false }
            case .mark(let r):
                stack.append(.restoreRegister(r, regs[r]))
                regs[r] = sp
                pc += 1
            case .progress(let r):
                if regs[r] != sp { pc += 1 } else { ok = false }
            case .match:
                if let e = notEmptyAt, caps[0] == sp, sp == e {
                    ok = false
                } else if !longest || sp == n {
                    // Nothing can be longer than the rest of the text.
                    if let b = best, b[1] >= sp { return result(b) }
                    return result(caps)
                } else {
                    if best == nil || caps[1] > best![1] { best = caps }
                    ok = false
                }
            }
            if ok { continue }
            // Backtrack.
            var resumed = false
            while let f = stack.popLast() {
                switch f {
                case .restore(let k, let v): caps[k] = v
                case .restoreRegister(let r, let v): regs[r] = v
                case .branch(let p, let q):
                    pc = p
                    sp = q
                    resumed = true
                }
                if resumed { break }
            }
            if !resumed { return best.map(result) }
        }
    }

    static func isWord(_ u: Unicode.Scalar) -> Bool {
        u == "_" || u.properties.isAlphabetic || u.properties.numericType != nil
    }

    static func caseVariants(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if u.isASCII {
            let v = u.value
            if v >= 65 && v <= 90 { return [Unicode.Scalar(v + 32)!] }
            if v >= 97 && v <= 122 { return [Unicode.Scalar(v - 32)!] }
            return []
        }
        var out: [Unicode.Scalar] = []
        for m in [u.properties.lowercaseMapping, u.properties.uppercaseMapping] {
            if m.unicodeScalars.count == 1, let x = m.unicodeScalars.first, x != u { out.append(x) }
        }
        return out
    }

    // MARK: Syntax tree

    fileprivate indirect enum Node {
        case empty
        case literal(Unicode.Scalar)
        case any
        case set(CharSet)
        case lineStart, lineEnd
        case wordBoundary(Bool), wordStart, wordEnd
        case backref(Int)
        case group(Node, Int)
        case concat([Node])
        case alternation([Node])
        case repetition(Node, Int, Int?)

        var nullable: Bool {
            switch self {
            case .empty, .lineStart, .lineEnd, .wordBoundary, .wordStart, .wordEnd: return true
            case .literal, .any, .set: return false
            case .backref: return true
            case .group(let n, _): return n.nullable
            case .concat(let ns): return ns.allSatisfy(\.nullable)
            case .alternation(let ns): return ns.contains { $0.nullable }
            case .repetition(let n, let lo, _): return lo == 0 || n.nullable
            }
        }
    }

    private static func emit(_ node: Node, into p: inout [Inst], registers: inout Int) throws {
        if p.count > maxProgram { throw Failure.tooBig }
        switch node {
        case .empty: break
        case .literal(let c): p.append(.char(c))
        case .any: p.append(.any)
        case .set(let s): p.append(.set(s))
        case .lineStart: p.append(.lineStart)
        case .lineEnd: p.append(.lineEnd)
        case .wordBoundary(let b): p.append(.wordBoundary(b))
        case .wordStart: p.append(.wordStart)
        case .wordEnd: p.append(.wordEnd)
        case .backref(let g): p.append(.backref(g))
        case .group(let n, let g):
            p.append(.save(2 * g))
            try emit(n, into: &p, registers: &registers)
            p.append(.save(2 * g + 1))
        case .concat(let ns):
            for n in ns { try emit(n, into: &p, registers: &registers) }
        case .alternation(let ns):
            var jumps: [Int] = []
            for (i, n) in ns.enumerated() {
                if i < ns.count - 1 {
                    let split = p.count
                    p.append(.split(0, 0))
                    try emit(n, into: &p, registers: &registers)
                    jumps.append(p.count)
                    p.append(.jmp(0))
                    p[split] = .split(split + 1, p.count)
                } else {
                    try emit(n, into: &p, registers: &registers)
                }
            }
            for j in jumps { p[j] = .jmp(p.count) }
        case .repetition(let n, let lo, let hi):
            if (hi ?? lo) > 1000 || lo > 1000 { throw Failure.tooBig }
            for _ in 0..<lo { try emit(n, into: &p, registers: &registers) }
            let nullable = n.nullable
            if let hi {
                // Optional copies: (n(n(n)?)?)?
                var splits: [Int] = []
                for _ in lo..<hi {
                    splits.append(p.count)
                    p.append(.split(0, 0))
                    try emit(n, into: &p, registers: &registers)
                }
                for s in splits { p[s] = .split(s + 1, p.count) }
            } else {
                // Star: L: split body, end; body; (progress check); jmp L
                let reg = registers
                if nullable { registers += 1 }
                let loop = p.count
                p.append(.split(0, 0))
                if nullable { p.append(.mark(reg)) }
                try emit(n, into: &p, registers: &registers)
                if nullable { p.append(.progress(reg)) }
                p.append(.jmp(loop))
                p[loop] = .split(loop + 1, p.count)
            }
        }
    }

    // MARK: Parsing POSIX syntax

    fileprivate struct Compiler {
        let pattern: [Unicode.Scalar]
        let extended: Bool
        let fixed: Bool
        var i = 0
        var groups = 0
        var depth = 0
        var closedGroups: Set<Int> = []

        init(pattern: [Unicode.Scalar], extended: Bool, fixed: Bool) {
            self.pattern = pattern
            self.extended = extended
            self.fixed = fixed
        }

        mutating func parse() throws -> Node {
            if fixed { return .concat(pattern.map { .literal($0) }) }
            let n = try alternation()
            if i < pattern.count {
                // A stray closing parenthesis.
                throw Failure.unmatchedCloseParen
            }
            return n
        }

        private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < pattern.count ? pattern[i + k] : nil }

        private func atAlternation() -> Bool {
            extended ? peek() == "|" : (peek() == "\\" && peek(1) == "|")
        }

        private func atGroupEnd() -> Bool {
            guard depth > 0 else { return false }
            return extended ? peek() == ")" : (peek() == "\\" && peek(1) == ")")
        }

        private mutating func alternation() throws -> Node {
            var branches = [try concatenation()]
            while atAlternation() {
                i += extended ? 1 : 2
                branches.append(try concatenation())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func concatenation() throws -> Node {
            var items: [Node] = []
            let start = i
            while i < pattern.count && !atAlternation() && !atGroupEnd() {
                if extended && peek() == ")" && depth == 0 {
                    // ERE: a lone ')' is an ordinary character.
                    i += 1
                    items.append(try quantifiers(.literal(")")))
                    continue
                }
                // BRE: after a leading `^`, a `*` is an ordinary character again.
                var afterAnchor = false
                if !extended, case .lineStart? = items.last, items.count == 1 { afterAnchor = true }
                var atom = try self.atom(atStart: i == start, afterAnchor: afterAnchor)
                if extended { atom = try quantifiers(atom) } else if case .lineStart = atom {} else { atom = try quantifiers(atom) }
                items.append(atom)
                if items.count > PosixRegex.maxProgram { throw Failure.tooBig }
            }
            if items.isEmpty { return .empty }
            return items.count == 1 ? items[0] : .concat(items)
        }

        private mutating func quantifiers(_ base: Node) throws -> Node {
            var node = base
            while let c = peek() {
                if c == "*" {
                    i += 1
                    node = .repetition(node, 0, nil)
                } else if extended && (c == "+" || c == "?") {
                    i += 1
                    node = .repetition(node, c == "+" ? 1 : 0, c == "+" ? nil : 1)
                } else if !extended && c == "\\" && (peek(1) == "+" || peek(1) == "?") {
                    let q = peek(1)!
                    i += 2
                    node = .repetition(node, q == "+" ? 1 : 0, q == "+" ? nil : 1)
                } else if (extended && c == "{") || (!extended && c == "\\" && peek(1) == "{") {
                    let save = i
                    i += extended ? 1 : 2
                    guard let (lo, hi) = try interval() else {
                        if extended { i = save; return node }
                        throw Failure.invalidContent
                    }
                    node = .repetition(node, lo, hi)
                } else {
                    break
                }
            }
            return node
        }

        /// After `{` / `\{`: `m}`, `m,}`, `m,n}`, `,n}`.
        private mutating func interval() throws -> (Int, Int?)? {
            var lo = "", hi = ""
            var comma = false
            while let c = peek(), c.properties.numericType != nil, c.isASCII { lo.unicodeScalars.append(c); i += 1 }
            if peek() == "," {
                comma = true
                i += 1
                while let c = peek(), c.properties.numericType != nil, c.isASCII { hi.unicodeScalars.append(c); i += 1 }
            }
            let closed: Bool
            if extended {
                closed = peek() == "}"
                if closed { i += 1 }
            } else {
                closed = peek() == "\\" && peek(1) == "}"
                if closed { i += 2 }
            }
            guard closed else {
                if extended { return nil }
                throw Failure.unmatchedBrace
            }
            if lo.isEmpty && !comma { if extended { return nil }; throw Failure.invalidContent }
            let l = Int(lo) ?? 0
            let h: Int? = comma ? (hi.isEmpty ? nil : Int(hi)) : l
            if let h, h < l { throw Failure.invalidContent }
            if l > 1000 || (h ?? 0) > 1000 { throw Failure.tooBig }
            return (l, h)
        }

        private mutating func atom(atStart: Bool, afterAnchor: Bool = false) throws -> Node {
            let c = pattern[i]
            i += 1
            switch c {
            case "\\":
                guard let d = peek() else { throw Failure.trailingBackslash }
                i += 1
                if !extended {
                    switch d {
                    case "(": return try group()
                    case "{":
                        if atStart { return .literal("{") }
                        throw Failure.invalidPreceding
                    case ")": throw Failure.unmatchedCloseParen
                    case "}": return .literal("}")
                    default: break
                    }
                }
                switch d {
                case "w", "W":
                    return .set(CharSet(negated: d == "W", scalars: ["_"], ranges: [], classes: ["alnum"]))
                case "s", "S":
                    return .set(CharSet(negated: d == "S", scalars: [], ranges: [], classes: ["space"]))
                case "b": return .wordBoundary(true)
                case "B": return .wordBoundary(false)
                case "<": return .wordStart
                case ">": return .wordEnd
                case "`": return .lineStart
                case "'": return .lineEnd
                case "n": return .literal("\n")
                case "t": return .literal("\t")
                case "1"..."9":
                    let g = Int(d.value - 48)
                    guard g <= groups, closedGroups.contains(g) else { throw Failure.invalidBackReference }
                    return .backref(g)
                default:
                    return .literal(d)
                }
            case "(" where extended:
                return try group()
            case ".":
                return .any
            case "[":
                return .set(try bracket())
            case "^":
                if extended || atStart { return .lineStart }
                return .literal("^")
            case "$":
                if extended { return .lineEnd }
                let atEnd = i == pattern.count || (peek() == "\\" && (peek(1) == ")" || peek(1) == "|"))
                return atEnd ? .lineEnd : .literal("$")
            case "*" where atStart || afterAnchor:
                return extended ? .empty : .literal("*")
            case "*":
                throw Failure.invalidPreceding
            case "+" where extended && atStart, "?" where extended && atStart:
                // GNU ERE: a leading repetition applies to the empty string.
                return .empty
            case "{" where extended && atStart:
                let save = i
                if (try? interval()) ?? nil != nil { return .empty }
                i = save
                return .literal("{")
            default:
                return .literal(c)
            }
        }

        private mutating func group() throws -> Node {
            groups += 1
            let g = groups
            depth += 1
            if depth > 200 { throw Failure.tooBig }
            let inner = try alternation()
            depth -= 1
            if extended {
                guard peek() == ")" else { throw Failure.unmatchedParen }
                i += 1
            } else {
                guard peek() == "\\", peek(1) == ")" else { throw Failure.unmatchedParen }
                i += 2
            }
            closedGroups.insert(g)
            return .group(inner, g)
        }

        private mutating func bracket() throws -> CharSet {
            if i >= pattern.count { throw Failure.invalidExpression }
            var set = CharSet()
            if peek() == "^" { set.negated = true; i += 1 }
            var first = true
            while true {
                guard let c = peek() else { throw Failure.unmatchedBracket }
                if c == "]" && !first { i += 1; break }
                first = false
                var lo = c
                if c == "[", let k = peek(1), k == ":" || k == "." || k == "=" {
                    var j = i + 2
                    var name = ""
                    while j + 1 < pattern.count, !(pattern[j] == k && pattern[j + 1] == "]") { name.unicodeScalars.append(pattern[j]); j += 1 }
                    guard j + 1 < pattern.count else { throw Failure.unmatchedBracket }
                    i = j + 2
                    if k == ":" {
                        let known = ["alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "xdigit", "print", "graph", "cntrl"]
                        guard known.contains(name) else { throw Failure.invalidClass }
                        set.classes.append(name)
                        continue
                    }
                    guard let u = name.unicodeScalars.first else { throw Failure.invalidClass }
                    lo = u
                } else {
                    i += 1
                }
                if peek() == "-", let hi = peek(1), hi != "]" {
                    i += 2
                    guard lo.value <= hi.value else { throw Failure.invalidRange }
                    set.ranges.append(lo.value...hi.value)
                } else {
                    set.scalars.insert(lo)
                }
            }
            return set
        }
    }
}

/// Text of a scalar range.
func scalarText(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
    String(String.UnicodeScalarView(s[r]))
}
