import Foundation
import Kubectl

/// A small awk: what one-liners in tutorials use. Patterns (`NR>1`, `/re/`, `$3=="Running"`,
/// `BEGIN`/`END`), actions with `print`, `printf`, assignments, `if/else`, `next`, fields,
/// NR/NF/FS/OFS, string concatenation, arithmetic, comparisons, `~`, and the functions
/// length substr index tolower toupper sub gsub. No arrays, loops or user functions.
struct AwkProgram {
    indirect enum Expr {
        case number(Double)
        case string(String)
        case regex(PosixRegex)  // alone: matches $0
        case field(Expr)
        case variable(String)
        case unary(String, Expr)
        case binary(String, Expr, Expr)
        case concat(Expr, Expr)
        case match(Expr, Expr, negate: Bool)
        case assign(Expr, String, Expr)   // target (field/variable), op ("=", "+=", …)
        case incr(Expr, pre: Bool, delta: Double)
        case call(String, [Expr])
        case ternary(Expr, Expr, Expr)
    }

    indirect enum Stmt {
        case print([Expr])
        case printf([Expr])
        case expr(Expr)
        case next
        case exit(Expr?)
        case ifElse(Expr, [Stmt], [Stmt])
        case block([Stmt])
    }

    enum Pattern { case begin, end, always, expr(Expr), range(Expr, Expr) }

    struct Rule {
        var pattern: Pattern
        var action: [Stmt]?
    }

    struct Failure: Error { var message: String }

    var rules: [Rule] = []

    // MARK: Lexing

    enum Tok: Equatable {
        case num(Double), str(String), regex(String), name(String), op(String), newline, end
    }

    private var toks: [Tok] = []
    private var p = 0
    private var depth = 0

    init(_ source: String) throws {
        toks = try AwkProgram.lex(source)
        guard toks.count <= 1500 else { throw Failure(message: "program too long for this simulator's awk") }
        try parseProgram()
    }

    private static func lex(_ s: String) throws -> [Tok] {
        let c = Array(s)
        var i = 0
        var out: [Tok] = []
        func operandExpected() -> Bool {
            guard let last = out.last else { return true }
            switch last {
            case .num, .str, .regex, .name: return false
            case .op(let o): return ![")", "$", "++", "--"].contains(o) || o == "$"
            default: return true
            }
        }
        let ops = ["&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=",
                   "{", "}", "(", ")", ";", ",", "<", ">", "!", "~", "+", "-", "*", "/", "%", "^", "=", "$", "?", ":"]
        while i < c.count {
            let ch = c[i]
            if ch == " " || ch == "\t" { i += 1; continue }
            if ch == "\\", i + 1 < c.count, c[i + 1] == "\n" { i += 2; continue }
            if ch == "\n" { out.append(.newline); i += 1; continue }
            if ch == "#" { while i < c.count, c[i] != "\n" { i += 1 }; continue }
            if ch.isNumber || (ch == "." && i + 1 < c.count && c[i + 1].isNumber) {
                var j = i
                while j < c.count, c[j].isNumber || c[j] == "." { j += 1 }
                out.append(.num(Double(String(c[i..<j])) ?? 0))
                i = j
                continue
            }
            if ch.isLetter || ch == "_" {
                var j = i
                while j < c.count, c[j].isLetter || c[j].isNumber || c[j] == "_" { j += 1 }
                out.append(.name(String(c[i..<j])))
                i = j
                continue
            }
            if ch == "\"" {
                var j = i + 1
                var s = ""
                while j < c.count, c[j] != "\"" {
                    if c[j] == "\\", j + 1 < c.count {
                        j += 1
                        switch c[j] {
                        case "n": s.append("\n")
                        case "t": s.append("\t")
                        case "\\": s.append("\\")
                        case "\"": s.append("\"")
                        case "/": s.append("/")
                        default: s.append("\\"); s.append(c[j])
                        }
                    } else {
                        s.append(c[j])
                    }
                    j += 1
                }
                guard j < c.count else { throw Failure(message: "non-terminated string") }
                out.append(.str(s))
                i = j + 1
                continue
            }
            if ch == "/" && operandExpected() {
                var j = i + 1
                var s = ""
                while j < c.count, c[j] != "/" {
                    if c[j] == "\\", j + 1 < c.count, c[j + 1] == "/" { s.append("/"); j += 2; continue }
                    if c[j] == "\n" { break }
                    s.append(c[j])
                    j += 1
                }
                guard j < c.count, c[j] == "/" else { throw Failure(message: "non-terminated regular expression") }
                out.append(.regex(s))
                i = j + 1
                continue
            }
            var matched = false
            for op in ops where i + op.count <= c.count && String(c[i..<i + op.count]) == op {
                out.append(.op(op))
                i += op.count
                matched = true
                break
            }
            if !matched { throw Failure(message: "syntax error at source line 1, near `\(ch)'") }
        }
        out.append(.end)
        return out
    }

    // MARK: Parsing

    private var tok: Tok { toks[p] }

    private mutating func skipNewlines() { while tok == .newline || tok == .op(";") { p += 1 } }

    private mutating func expect(_ o: String) throws {
        guard tok == .op(o) else { throw syntaxError() }
        p += 1
    }

    private func syntaxError() -> Failure {
        let near: String
        switch tok {
        case .num(let d): near = AwkProgram.format(d)
        case .str(let s): near = "\"\(s)\""
        case .regex(let r): near = "/\(r)/"
        case .name(let n): near = n
        case .op(let o): near = o
        case .newline: near = "newline"
        case .end: near = "end of program"
        }
        return Failure(message: "syntax error at source line 1, near \(near)")
    }

    private mutating func parseProgram() throws {
        skipNewlines()
        while tok != .end {
            var rule = Rule(pattern: .always, action: nil)
            if tok == .name("BEGIN") { p += 1; rule.pattern = .begin } else if tok == .name("END") { p += 1; rule.pattern = .end } else if tok != .op("{") {
                let e = try expr()
                if tok == .op(",") {
                    p += 1
                    rule.pattern = .range(e, try expr())
                } else {
                    rule.pattern = .expr(e)
                }
            }
            if tok == .op("{") {
                rule.action = try block()
            } else if case .begin = rule.pattern {
                throw syntaxError()
            } else if case .end = rule.pattern {
                throw syntaxError()
            }
            rules.append(rule)
            skipNewlines()
        }
    }

    private mutating func block() throws -> [Stmt] {
        try expect("{")
        var stmts: [Stmt] = []
        skipNewlines()
        while tok != .op("}") {
            guard tok != .end else { throw syntaxError() }
            stmts.append(try statement())
            skipNewlines()
        }
        p += 1
        return stmts
    }

    private mutating func statement() throws -> Stmt {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure(message: "statements nested too deeply") }
        switch tok {
        case .op("{"): return .block(try block())
        case .name("print"), .name("printf"):
            let isPrintf = tok == .name("printf")
            p += 1
            var args: [Expr] = []
            let parenthesized = tok == .op("(")
            if !isStatementEnd() {
                if parenthesized {
                    p += 1
                    args = try exprList(noGreater: false)
                    try expect(")")
                } else {
                    args = try exprList(noGreater: true)
                }
            }
            if tok == .op(">") { throw Failure(message: "output redirection in awk is not supported by this simulator") }
            return isPrintf ? .printf(args) : .print(args)
        case .name("next"):
            p += 1
            return .next
        case .name("exit"):
            p += 1
            return .exit(isStatementEnd() ? nil : try expr())
        case .name("if"):
            p += 1
            try expect("(")
            let cond = try expr()
            try expect(")")
            skipOnlyNewlines()
            let then = try statement()
            let save = p
            skipNewlines()
            if tok == .name("else") {
                p += 1
                skipOnlyNewlines()
                return .ifElse(cond, [then], [try statement()])
            }
            p = save
            return .ifElse(cond, [then], [])
        case .name("while"), .name("for"), .name("do"), .name("function"), .name("getline"), .name("delete"):
            throw Failure(message: "`\(tok == .name("while") ? "while" : "for")' loops, arrays and functions are not supported by this simulator's awk")
        default:
            return .expr(try expr())
        }
    }

    private mutating func skipOnlyNewlines() { while tok == .newline { p += 1 } }

    private func isStatementEnd() -> Bool {
        tok == .op(";") || tok == .newline || tok == .op("}") || tok == .end || tok == .op(">")
    }

    private mutating func exprList(noGreater: Bool) throws -> [Expr] {
        var list = [try expr(noGreater: noGreater)]
        while tok == .op(",") {
            p += 1
            skipOnlyNewlines()
            list.append(try expr(noGreater: noGreater))
        }
        return list
    }

    private mutating func expr(noGreater: Bool = false) throws -> Expr { try ternary(noGreater) }

    private mutating func ternary(_ ng: Bool) throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure(message: "expression nested too deeply") }
        let c = try orExpr(ng)
        if tok == .op("?") {
            p += 1
            let a = try ternary(ng)
            try expect(":")
            return .ternary(c, a, try ternary(ng))
        }
        if case .op(let o) = tok, ["=", "+=", "-=", "*=", "/=", "%=", "^="].contains(o) {
            switch c {
            case .field, .variable:
                p += 1
                return .assign(c, o, try ternary(ng))
            default: break
            }
        }
        return c
    }

    private mutating func orExpr(_ ng: Bool) throws -> Expr {
        var l = try andExpr(ng)
        while tok == .op("||") { p += 1; skipOnlyNewlines(); l = .binary("||", l, try andExpr(ng)) }
        return l
    }

    private mutating func andExpr(_ ng: Bool) throws -> Expr {
        var l = try matchExpr(ng)
        while tok == .op("&&") { p += 1; skipOnlyNewlines(); l = .binary("&&", l, try matchExpr(ng)) }
        return l
    }

    private mutating func matchExpr(_ ng: Bool) throws -> Expr {
        var l = try comparison(ng)
        while tok == .op("~") || tok == .op("!~") {
            let neg = tok == .op("!~")
            p += 1
            l = .match(l, try comparison(ng), negate: neg)
        }
        return l
    }

    private mutating func comparison(_ ng: Bool) throws -> Expr {
        let l = try concatenation()
        if case .op(let o) = tok, ["<", "<=", "==", "!=", ">=", ">"].contains(o), !(ng && o == ">") {
            p += 1
            return .binary(o, l, try concatenation())
        }
        return l
    }

    private func startsOperand() -> Bool {
        switch tok {
        case .num, .str, .regex: return true
        case .name(let n): return !["in", "getline"].contains(n)
        case .op(let o): return ["$", "(", "!", "-", "+", "++", "--"].contains(o)
        default: return false
        }
    }

    private mutating func concatenation() throws -> Expr {
        var l = try additive()
        while startsOperand() && tok != .op("-") && tok != .op("+") && tok != .op("!") {
            l = .concat(l, try additive())
        }
        return l
    }

    private mutating func additive() throws -> Expr {
        var l = try multiplicative()
        while tok == .op("+") || tok == .op("-") {
            guard case .op(let o) = tok else { break }
            p += 1
            l = .binary(o, l, try multiplicative())
        }
        return l
    }

    private mutating func multiplicative() throws -> Expr {
        var l = try unary()
        while tok == .op("*") || tok == .op("/") || tok == .op("%") {
            guard case .op(let o) = tok else { break }
            p += 1
            l = .binary(o, l, try unary())
        }
        return l
    }

    private mutating func unary() throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure(message: "expression nested too deeply") }
        if tok == .op("!") { p += 1; return .unary("!", try unary()) }
        if tok == .op("-") { p += 1; return .unary("-", try unary()) }
        if tok == .op("+") { p += 1; return .unary("+", try unary()) }
        return try power()
    }

    private mutating func power() throws -> Expr {
        let base = try postfix()
        if tok == .op("^") { p += 1; return .binary("^", base, try unary()) }
        return base
    }

    private mutating func postfix() throws -> Expr {
        if tok == .op("++") || tok == .op("--") {
            let d: Double = tok == .op("++") ? 1 : -1
            p += 1
            return .incr(try primary(), pre: true, delta: d)
        }
        let e = try primary()
        if tok == .op("++") || tok == .op("--") {
            switch e {
            case .field, .variable:
                let d: Double = tok == .op("++") ? 1 : -1
                p += 1
                return .incr(e, pre: false, delta: d)
            default: break
            }
        }
        return e
    }

    private mutating func primary() throws -> Expr {
        let t = tok
        switch t {
        case .num(let d): p += 1; return .number(d)
        case .str(let s): p += 1; return .string(s)
        case .regex(let r):
            p += 1
            do { return .regex(try PosixRegex(r, extended: true)) } catch {
                throw Failure(message: "syntax error in regular expression \(r) at source line 1")
            }
        case .op("$"):
            p += 1
            return .field(try primaryForField())
        case .op("("):
            p += 1
            let e = try expr()
            try expect(")")
            return e
        case .name(let n):
            p += 1
            if tok == .op("(") {
                p += 1
                var args: [Expr] = []
                if tok != .op(")") { args = try exprList(noGreater: false) }
                try expect(")")
                guard ["length", "substr", "index", "tolower", "toupper", "sub", "gsub", "int", "sprintf", "match"].contains(n) else {
                    throw Failure(message: "calling undefined function \(n)")
                }
                return .call(n, args)
            }
            if n == "length" { return .call("length", []) }
            return .variable(n)
        default:
            throw syntaxError()
        }
    }

    private mutating func primaryForField() throws -> Expr {
        if tok == .op("++") || tok == .op("--") || tok == .op("-") { return try unary() }
        return try primary()
    }

    // MARK: Values

    enum Value {
        case num(Double)
        case str(String)
        case strnum(String)  // field or input: numeric if it looks like a number

        var number: Double {
            switch self {
            case .num(let d): return d
            case .str(let s), .strnum(let s): return AwkProgram.leadingNumber(s)
            }
        }

        var isNumeric: Bool {
            switch self {
            case .num: return true
            case .str: return false
            case .strnum(let s): return AwkProgram.looksNumeric(s)
            }
        }

        var bool: Bool {
            switch self {
            case .num(let d): return d != 0
            case .str(let s): return !s.isEmpty
            case .strnum(let s): return AwkProgram.looksNumeric(s) ? AwkProgram.leadingNumber(s) != 0 : !s.isEmpty
            }
        }

        var string: String {
            switch self {
            case .num(let d): return AwkProgram.format(d)
            case .str(let s), .strnum(let s): return s
            }
        }
    }

    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e16 { return String(Int64(d)) }
        return String(format: "%.6g", d)
    }

    static func looksNumeric(_ s: String) -> Bool {
        let t = s.shellTrim(" \t\n")
        return !t.isEmpty && Double(t) != nil && !t.lowercased().contains("n") && !t.lowercased().contains("i")
    }

    static func leadingNumber(_ s: String) -> Double {
        let t = s.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var num = ""
        var seenDigit = false, seenDot = false, seenE = false
        for c in t {
            if c.isNumber && c.isASCII { num.append(c); seenDigit = true } else if c == "." && !seenDot && !seenE { num.append(c); seenDot = true } else if (c == "-" || c == "+") && (num.isEmpty || num.last == "e" || num.last == "E") { num.append(c) } else if (c == "e" || c == "E") && seenDigit && !seenE { num.append(c); seenE = true } else { break }
        }
        while let l = num.last, !l.isNumber { num.removeLast() }
        return Double(num) ?? 0
    }
}

/// The running state of one awk invocation.
final class AwkRun {
    let program: AwkProgram
    var vars: [String: AwkProgram.Value] = [:]
    var fields: [String] = []
    var record = ""
    var output = ""
    var nextRecord = false
    var exitCode: Int32? = nil
    var rangeActive: [Bool]
    var steps = 0

    struct Stop: Error {}

    init(_ program: AwkProgram, fs: String?, assigns: [(String, String)]) {
        self.program = program
        rangeActive = [Bool](repeating: false, count: program.rules.count)
        vars["FS"] = .str(fs ?? " ")
        vars["OFS"] = .str(" ")
        vars["ORS"] = .str("\n")
        vars["NR"] = .num(0)
        vars["NF"] = .num(0)
        vars["SUBSEP"] = .str("\u{1C}")
        for (k, v) in assigns { vars[k] = .strnum(v) }
    }

    func setRecord(_ line: String) {
        record = line
        fields = split(line)
        vars["NF"] = .num(Double(fields.count))
    }

    func split(_ line: String) -> [String] {
        let fs = vars["FS"]?.string ?? " "
        if fs == " " {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }
        if line.isEmpty { return [] }
        if fs.count == 1, fs != "\\" {
            return line.split(separator: fs.first!, omittingEmptySubsequences: false).map(String.init)
        }
        guard let re = try? PosixRegex(fs, extended: true) else { return [line] }
        let sc = Array(line.unicodeScalars)
        var out: [String] = []
        var cursor = 0
        for m in (try? re.allMatches(in: sc)) ?? [] where !m.range.isEmpty {
            out.append(scalarText(sc, cursor..<m.range.lowerBound))
            cursor = m.range.upperBound
        }
        out.append(scalarText(sc, cursor..<sc.count))
        return out
    }

    func rebuildRecord() {
        record = fields.joined(separator: vars["OFS"]?.string ?? " ")
    }

    func field(_ i: Int) -> AwkProgram.Value {
        if i == 0 { return .strnum(record) }
        return i <= fields.count && i > 0 ? .strnum(fields[i - 1]) : .strnum("")
    }

    func setField(_ i: Int, _ v: String) {
        if i == 0 {
            setRecord(v)
            return
        }
        guard i > 0, i < 10_000 else { return }
        while fields.count < i { fields.append("") }
        fields[i - 1] = v
        vars["NF"] = .num(Double(fields.count))
        rebuildRecord()
    }

    func eval(_ e: AwkProgram.Expr) throws -> AwkProgram.Value {
        steps += 1
        if steps > 5_000_000 { throw AwkProgram.Failure(message: "program too long-running for the simulator") }
        switch e {
        case .number(let d): return .num(d)
        case .string(let s): return .str(s)
        case .regex(let r): return .num(try r.matches(record) ? 1 : 0)
        case .field(let ie): return field(clampInt(try eval(ie).number))
        case .variable(let n):
            if n == "NF" { return .num(Double(fields.count)) }
            return vars[n] ?? .strnum("")
        case .unary(let o, let x):
            let v = try eval(x)
            switch o {
            case "!": return .num(v.bool ? 0 : 1)
            case "-": return .num(-v.number)
            default: return .num(v.number)
            }
        case .binary(let o, let l, let r):
            if o == "&&" { return .num(try eval(l).bool && eval(r).bool ? 1 : 0) }
            if o == "||" { return .num(try eval(l).bool || eval(r).bool ? 1 : 0) }
            let a = try eval(l), b = try eval(r)
            switch o {
            case "+": return .num(a.number + b.number)
            case "-": return .num(a.number - b.number)
            case "*": return .num(a.number * b.number)
            case "/":
                guard b.number != 0 else { throw AwkProgram.Failure(message: "division by zero") }
                return .num(a.number / b.number)
            case "%":
                guard b.number != 0 else { throw AwkProgram.Failure(message: "division by zero in %") }
                return .num(a.number.truncatingRemainder(dividingBy: b.number))
            case "^": return .num(pow(a.number, b.number))
            default:
                let c: Int
                if a.isNumeric && b.isNumeric {
                    c = a.number < b.number ? -1 : a.number > b.number ? 1 : 0
                } else {
                    let x = a.string, y = b.string
                    c = x == y ? 0 : (VirtualFS.cOrder(x, y) ? -1 : 1)
                }
                switch o {
                case "<": return .num(c < 0 ? 1 : 0)
                case "<=": return .num(c <= 0 ? 1 : 0)
                case ">": return .num(c > 0 ? 1 : 0)
                case ">=": return .num(c >= 0 ? 1 : 0)
                case "==": return .num(c == 0 ? 1 : 0)
                default: return .num(c != 0 ? 1 : 0)
                }
            }
        case .concat(let l, let r):
            return .str(try eval(l).string + eval(r).string)
        case .match(let l, let r, let neg):
            let s = try eval(l).string
            let re = try regex(r)
            return .num(try re.matches(s) != neg ? 1 : 0)
        case .assign(let target, let o, let x):
            var v = try eval(x)
            if o != "=" {
                let old = try eval(target).number
                let n = v.number
                switch o {
                case "+=": v = .num(old + n)
                case "-=": v = .num(old - n)
                case "*=": v = .num(old * n)
                case "/=":
                    guard n != 0 else { throw AwkProgram.Failure(message: "division by zero in /=") }
                    v = .num(old / n)
                case "%=":
                    guard n != 0 else { throw AwkProgram.Failure(message: "division by zero in %=") }
                    v = .num(old.truncatingRemainder(dividingBy: n))
                default: v = .num(pow(old, n))
                }
            }
            try store(target, v)
            return v
        case .incr(let target, let pre, let delta):
            let old = try eval(target).number
            try store(target, .num(old + delta))
            return .num(pre ? old + delta : old)
        case .ternary(let c, let a, let b):
            return try eval(c).bool ? eval(a) : eval(b)
        case .call(let name, let args):
            return try call(name, args)
        }
    }

    private func regex(_ e: AwkProgram.Expr) throws -> PosixRegex {
        if case .regex(let r) = e { return r }
        let s = try eval(e).string
        do { return try PosixRegex(s, extended: true) } catch {
            throw AwkProgram.Failure(message: "syntax error in regular expression \(s)")
        }
    }

    private func store(_ target: AwkProgram.Expr, _ v: AwkProgram.Value) throws {
        switch target {
        case .field(let ie): setField(clampInt(try eval(ie).number), v.string)
        case .variable(let n):
            if n == "NF" {
                let k = max(0, min(10_000, clampInt(v.number)))
                if k < fields.count { fields = Array(fields.prefix(k)) } else { while fields.count < k { fields.append("") } }
                rebuildRecord()
            }
            vars[n] = v
        default: break
        }
    }

    private func call(_ name: String, _ args: [AwkProgram.Expr]) throws -> AwkProgram.Value {
        func arg(_ i: Int) throws -> AwkProgram.Value { i < args.count ? try eval(args[i]) : .str("") }
        switch name {
        case "length": return .num(Double(args.isEmpty ? record.count : try arg(0).string.count))
        case "substr":
            let s = Array(try arg(0).string)
            let m = clampInt(try arg(1).number.rounded(), limit: 1e12)
            let n = args.count > 2 ? clampInt(try arg(2).number.rounded(), limit: 1e12) : s.count + 1
            let start = max(1, m), end = min(s.count + 1, m + n)
            if end <= start { return .str("") }
            return .str(String(s[(start - 1)..<(end - 1)]))
        case "index":
            let s = try arg(0).string, t = try arg(1).string
            guard let r = Substring(s).findRange(of: t) else { return .num(0) }
            return .num(Double(s.distance(from: s.startIndex, to: r.lowerBound) + 1))
        case "tolower": return .str(try arg(0).string.lowercased())
        case "toupper": return .str(try arg(0).string.uppercased())
        case "int": return .num(try arg(0).number.rounded(.towardZero))
        case "sprintf":
            guard !args.isEmpty else { return .str("") }
            return .str(formatPrintf(try arg(0).string, try args.dropFirst().map { try eval($0) }))
        case "match":
            let s = try arg(0).string
            guard args.count > 1 else { return .num(0) }
            let re = try regex(args[1])
            if let m = try re.firstMatch(in: Array(s.unicodeScalars), from: 0) {
                let start = m.range.lowerBound + 1
                vars["RSTART"] = .num(Double(start))
                vars["RLENGTH"] = .num(Double(m.range.count))
                return .num(Double(start))
            }
            vars["RSTART"] = .num(0)
            vars["RLENGTH"] = .num(-1)
            return .num(0)
        default:  // sub, gsub
            guard args.count >= 2 else { throw AwkProgram.Failure(message: "\(name): not enough arguments") }
            let re = try regex(args[0])
            let repl = try arg(1).string
            let target = args.count > 2 ? args[2] : .field(.number(0))
            let s = Array(try eval(target).string.unicodeScalars)
            var count = 0
            var out = ""
            var cursor = 0
            for m in try re.allMatches(in: s) {
                let r = m.range
                out += scalarText(s, cursor..<r.lowerBound)
                var rep = ""
                var esc = false
                for ch in repl {
                    if esc { rep.append(ch); esc = false } else if ch == "\\" { esc = true } else if ch == "&" { rep += scalarText(s, r) } else { rep.append(ch) }
                }
                out += rep
                cursor = r.upperBound
                count += 1
                if name == "sub" { break }
            }
            out += scalarText(s, cursor..<s.count)
            if count > 0 { try store(target, .str(out)) }
            return .num(Double(count))
        }
    }

    func formatPrintf(_ fmt: String, _ values: [AwkProgram.Value]) -> String {
        printfFormat(fmt, values.map { v in (v.string, v.number) }, repeatFormat: false).text
    }

    func exec(_ stmts: [AwkProgram.Stmt]) throws {
        for s in stmts {
            if nextRecord || exitCode != nil { return }
            switch s {
            case .print(let args):
                let ofs = vars["OFS"]?.string ?? " ", ors = vars["ORS"]?.string ?? "\n"
                if args.isEmpty { output += record + ors } else {
                    output += try args.map { try eval($0).string }.joined(separator: ofs) + ors
                }
            case .printf(let args):
                guard let first = args.first else { continue }
                output += formatPrintf(try eval(first).string, try args.dropFirst().map { try eval($0) })
            case .expr(let e): _ = try eval(e)
            case .next: nextRecord = true
            case .exit(let e): exitCode = Int32(truncatingIfNeeded: clampInt(try e.map { try eval($0).number } ?? 0))
            case .ifElse(let c, let a, let b): try exec(try eval(c).bool ? a : b)
            case .block(let b): try exec(b)
            }
            if output.utf8.count > ShellSession.maxOutputPerLine { throw AwkProgram.Failure(message: "output too large for the simulator") }
        }
    }
}

extension ShellSession {
    func awk(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var fs: String? = nil
        var assigns: [(String, String)] = []
        var source: String? = nil
        var files: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            if source == nil && a.hasPrefix("-F") {
                var v = String(a.dropFirst(2))
                if v.isEmpty, i < args.count { v = args[i]; i += 1 }
                fs = v == "t" || v == "\\t" ? "\t" : v
                continue
            }
            if source == nil && a == "-v", i < args.count {
                let kv = args[i].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if kv.count == 2 { assigns.append((String(kv[0]), String(kv[1]))) }
                i += 1
                continue
            }
            if source == nil && a == "-f", i < args.count {
                guard let t = workspace.readFile(args[i]) else {
                    io.err("awk: can't open file \(args[i])\n")
                    return 2
                }
                source = t
                i += 1
                continue
            }
            if source == nil && a == "--" { continue }
            if source == nil { source = a } else { files.append(a) }
        }
        guard let source else {
            io.err("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n")
            return 2
        }
        let program: AwkProgram
        do {
            program = try AwkProgram(source)
        } catch let f as AwkProgram.Failure {
            io.err("awk: cmd. line:1: \(f.message)\n")
            return 2
        }
        let run = AwkRun(program, fs: fs, assigns: assigns)
        var status: Int32 = 0
        do {
            for r in program.rules { if case .begin = r.pattern { try run.exec(r.action ?? [.print([])]) } }
            let hasMain = program.rules.contains { if case .begin = $0.pattern { return false }; if case .end = $0.pattern { return false }; return true }
            if run.exitCode == nil && (hasMain || program.rules.contains { if case .end = $0.pattern { return true }; return false }) {
                var nr = 0
                outer: for f in files.isEmpty ? ["-"] : files {
                    if f.contains("="), let eq = f.firstIndex(of: "="), isValidName(String(f[..<eq])) {
                        run.vars[String(f[..<eq])] = .strnum(String(f[f.index(after: eq)...]))
                        continue
                    }
                    let text: String
                    switch readInput(f, io) {
                    case .failure(let e):
                        io.err("awk: cannot open \"\(f)\" (\(e.reason))\n")
                        status = 2
                        continue
                    case .success(let t): text = t
                    }
                    run.vars["FILENAME"] = .str(f == "-" ? "" : f)
                    var fnr = 0
                    for line in splitLines(text) {
                        nr += 1
                        fnr += 1
                        run.vars["NR"] = .num(Double(nr))
                        run.vars["FNR"] = .num(Double(fnr))
                        run.setRecord(line)
                        run.nextRecord = false
                        for (k, r) in program.rules.enumerated() {
                            if run.nextRecord || run.exitCode != nil { break }
                            var hit = false
                            switch r.pattern {
                            case .begin, .end: continue
                            case .always: hit = true
                            case .expr(let e): hit = try run.eval(e).bool
                            case .range(let a, let b):
                                if run.rangeActive[k] {
                                    hit = true
                                    if try run.eval(b).bool { run.rangeActive[k] = false }
                                } else if try run.eval(a).bool {
                                    hit = true
                                    run.rangeActive[k] = !(try run.eval(b).bool)
                                }
                            }
                            if hit { try run.exec(r.action ?? [.print([])]) }
                        }
                        if run.exitCode != nil { break outer }
                    }
                }
            }
            let exitFromMain = run.exitCode
            run.exitCode = nil
            for r in program.rules { if case .end = r.pattern { try run.exec(r.action ?? []) } }
            if let c = run.exitCode ?? exitFromMain { status = c }
        } catch let f as AwkProgram.Failure {
            io.out(run.output)
            io.err("awk: cmd. line:1: fatal: \(f.message)\n")
            return 2
        } catch let f as PosixRegex.Failure {
            io.out(run.output)
            io.err("awk: cmd. line:1: fatal: \(f.message)\n")
            return 2
        }
        io.out(run.output)
        return status
    }
}
