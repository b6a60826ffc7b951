/// `$(( … ))`: bash integer arithmetic (64-bit, wrapping), with variables.

extension ShellSession {
    func evaluateArithmetic(_ text: String) throws -> Int {
        var evaluator = ArithmeticEvaluator(text: text, session: self, depth: 0)
        return try evaluator.evaluate()
    }
}

struct ArithmeticEvaluator {
    enum Tok: Equatable { case num(Int), name(String), op(String), end }

    let text: String
    let session: ShellSession
    let depth: Int
    private var toks: [Tok] = []
    private var rawToks: [String] = []
    private var i = 0
    private var nest = 0

    init(text: String, session: ShellSession, depth: Int) {
        self.text = text
        self.session = session
        self.depth = depth
    }

    private func fail(_ what: String, at index: Int? = nil) -> ControlFlow {
        let k = index ?? i
        let rest = k < rawToks.count ? rawToks[k...].joined(separator: " ") : ""
        let expr = text.shellTrim(" \t\n")
        return .abort("bash: \(expr): \(what) (error token is \"\(rest)\")", 1)
    }

    mutating func evaluate() throws -> Int {
        try tokenize()
        if toks == [.end] { return 0 }
        let v = try comma()
        guard toks[i] == .end else { throw fail("syntax error in expression") }
        return v
    }

    private mutating func tokenize() throws {
        let c = Array(text.unicodeScalars)
        var k = 0
        let ops = ["**=", "<<=", ">>=", "**", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--",
                   "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
                   "+", "-", "*", "/", "%", "(", ")", "<", ">", "!", "~", "&", "|", "^", "?", ":", "=", ","]
        while k < c.count {
            let ch = c[k]
            if ch == " " || ch == "\t" || ch == "\n" { k += 1; continue }
            if ch.properties.numericType != nil && ch.isASCII {
                var j = k
                while j < c.count, c[j].isASCII, (c[j].properties.isAlphabetic || c[j].properties.numericType != nil || c[j] == "#") { j += 1 }
                let s = String(String.UnicodeScalarView(c[k..<j]))
                guard let v = ArithmeticEvaluator.parseNumber(s) else {
                    rawToks.append(s)
                    i = rawToks.count - 1
                    throw fail("value too great for base")
                }
                toks.append(.num(v)); rawToks.append(s)
                k = j
                continue
            }
            if ch.isASCII && (ch.properties.isAlphabetic || ch == "_") {
                var j = k
                while j < c.count, c[j].isASCII, (c[j].properties.isAlphabetic || c[j].properties.numericType != nil || c[j] == "_") { j += 1 }
                let s = String(String.UnicodeScalarView(c[k..<j]))
                toks.append(.name(s)); rawToks.append(s)
                k = j
                continue
            }
            var matched = false
            for op in ops {
                let o = Array(op.unicodeScalars)
                if k + o.count <= c.count, Array(c[k..<k + o.count]) == o {
                    toks.append(.op(op)); rawToks.append(op)
                    k += o.count
                    matched = true
                    break
                }
            }
            if !matched {
                rawToks.append(String(String.UnicodeScalarView(c[k...])))
                i = rawToks.count - 1
                throw fail("syntax error: invalid arithmetic operator")
            }
        }
        toks.append(.end)
    }

    static func parseNumber(_ s: String) -> Int? {
        if s.hasPrefix("0x") || s.hasPrefix("0X") { return Int(s.dropFirst(2), radix: 16) }
        if let h = s.firstIndex(of: "#"), let base = Int(s[..<h]), base >= 2, base <= 36 {
            return Int(s[s.index(after: h)...], radix: base)
        }
        if s.count > 1 && s.hasPrefix("0") { return Int(s.dropFirst(), radix: 8) }
        return Int(s)
    }

    private func peekOp() -> String? {
        if case .op(let o) = toks[i] { return o }
        return nil
    }

    private func variableValue(_ name: String) throws -> Int {
        let raw = session.parameterValue(name) ?? ""
        let s = raw.shellTrim(" \t\n")
        if s.isEmpty { return 0 }
        if let v = ArithmeticEvaluator.parseNumber(s) { return v }
        guard depth < 16 else { throw ControlFlow.abort("bash: \(s): expression recursion level exceeded", 1) }
        var sub = ArithmeticEvaluator(text: s, session: session, depth: depth + 1)
        return try sub.evaluate()
    }

    private func store(_ name: String, _ v: Int) throws {
        try session.assign(name, String(v))
    }

    private mutating func comma() throws -> Int {
        var v = try assignment()
        while peekOp() == "," { i += 1; v = try assignment() }
        return v
    }

    private mutating func assignment() throws -> Int {
        nest += 1
        defer { nest -= 1 }
        if nest > 200 { throw fail("expression recursion level exceeded") }
        if case .name(let n) = toks[i], case .op(let o) = toks[i + 1],
           ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=", "**="].contains(o) {
            i += 2
            let rhs = try assignment()
            var v = rhs
            if o != "=" {
                let old = try variableValue(n)
                v = try apply(String(o.dropLast()), old, rhs)
            }
            try store(n, v)
            return v
        }
        return try ternary()
    }

    private mutating func ternary() throws -> Int {
        let c = try binary(0)
        guard peekOp() == "?" else { return c }
        i += 1
        let a = try assignment()
        guard peekOp() == ":" else { throw fail("`:' expected for conditional expression") }
        i += 1
        let b = try assignment()
        return c != 0 ? a : b
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
    ]

    private mutating func binary(_ level: Int) throws -> Int {
        if level == ArithmeticEvaluator.levels.count { return try power() }
        var v = try binary(level + 1)
        while let o = peekOp(), ArithmeticEvaluator.levels[level].contains(o) {
            let at = i
            i += 1
            let rhs = try binary(level + 1)
            v = try apply(o, v, rhs, at: at + 1)
        }
        return v
    }

    private mutating func power() throws -> Int {
        let base = try unary()
        if peekOp() == "**" {
            let at = i
            i += 1
            let e = try power()
            return try apply("**", base, e, at: at + 1)
        }
        return base
    }

    private mutating func unary() throws -> Int {
        nest += 1
        defer { nest -= 1 }
        if nest > 200 { throw fail("expression recursion level exceeded") }
        if let o = peekOp() {
            switch o {
            case "-": i += 1; return 0 &- (try unary())
            case "+": i += 1; return try unary()
            case "!": i += 1; return try unary() == 0 ? 1 : 0
            case "~": i += 1; return ~(try unary())
            case "++", "--":
                i += 1
                guard case .name(let n) = toks[i] else { throw fail("syntax error: operand expected") }
                i += 1
                let v = try variableValue(n) &+ (o == "++" ? 1 : -1)
                try store(n, v)
                return v
            default: break
            }
        }
        return try postfix()
    }

    private mutating func postfix() throws -> Int {
        switch toks[i] {
        case .num(let v):
            i += 1
            return v
        case .name(let n):
            i += 1
            let v = try variableValue(n)
            if let o = peekOp(), o == "++" || o == "--" {
                i += 1
                try store(n, v &+ (o == "++" ? 1 : -1))
            }
            return v
        case .op("("):
            i += 1
            let v = try comma()
            guard peekOp() == ")" else { throw fail("missing `)'") }
            i += 1
            return v
        default:
            throw fail("syntax error: operand expected", at: toks[i] == .end ? max(0, i - 1) : i)
        }
    }

    private func apply(_ o: String, _ a: Int, _ b: Int, at: Int? = nil) throws -> Int {
        switch o {
        case "+": return a &+ b
        case "-": return a &- b
        case "*": return a &* b
        case "/", "%":
            if b == 0 { throw fail("division by 0", at: at.map { $0 } ?? i - 1) }
            if a == Int.min && b == -1 { return o == "/" ? Int.min : 0 }
            return o == "/" ? a / b : a % b
        case "**":
            if b < 0 { throw fail("exponent less than 0", at: at) }
            var result = 1, base = a, e = b
            while e > 0 {
                if e & 1 == 1 { result = result &* base }
                base = base &* base
                e >>= 1
            }
            return result
        case "<<": return b >= 64 || b < 0 ? 0 : a << b
        case ">>": return b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b
        case "<": return a < b ? 1 : 0
        case ">": return a > b ? 1 : 0
        case "<=": return a <= b ? 1 : 0
        case ">=": return a >= b ? 1 : 0
        case "==": return a == b ? 1 : 0
        case "!=": return a != b ? 1 : 0
        case "&": return a & b
        case "|": return a | b
        case "^": return a ^ b
        case "&&": return a != 0 && b != 0 ? 1 : 0
        case "||": return a != 0 || b != 0 ? 1 : 0
        default: throw fail("syntax error in expression")
        }
    }
}
