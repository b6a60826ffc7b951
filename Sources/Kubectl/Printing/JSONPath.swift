import KubeAPI

/// kubectl's `-o jsonpath=TEMPLATE`: a port of k8s.io/client-go/util/jsonpath as kubectl
/// v1.32 drives it (AllowMissingKeys(true), maps and slices printed as JSON).
///
/// The port keeps upstream's quirks on purpose, because learners see them: `{range}` is a
/// flat state machine rather than a block, `['a.b']` means `.a.b`, `[]` means `[0]`, a
/// string's wildcard yields its bytes, results of one action are joined by single spaces.
/// The one deliberate difference: Go visits map entries in random order for `*` and `..`;
/// this port uses sorted key order so output is deterministic.
///
/// kubectl applies the template to one object directly, and to several objects as the List
/// `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`;
/// building that list is the caller's job. Integers should arrive as `.int` (kubectl
/// decodes objects as unstructured: int64), fractions as `.double` (float64).
///
/// Errors (`PrinterError.message`, printed by kubectl after `error: `):
/// - parse: `error parsing jsonpath TEMPLATE, REASON` + newline, e.g.
///   `error parsing jsonpath {.items[}, unterminated array`
/// - execution: `error executing jsonpath "TEMPLATE": Error executing template: REASON.
///   Printing more information for debugging the template:` followed by the lines
///   `\ttemplate was:`, `\t\tTEMPLATE`, `\tobject given to jsonpath engine was:`,
///   `\t\t<the object in Go %#v syntax>` and two empty lines.
public struct JSONPath: Sendable {
    /// The template as given.
    public let template: String
    private let root: [JPNode]
    /// Few enough `range`s that execution cannot nest deeply (see TemplateStack).
    private let shallow: Bool

    public init(_ template: String) throws {
        self.template = template
        shallow = TemplateStack.count("range", in: template) <= TemplateStack.inlineBudget
        // The parser is a loop; only its bounded re-parsing of filters and unions recurses.
        root = try TemplateStack.run(inline: true) {
            do {
                return try JPParser.parse(template)
            } catch let e as JPError {
                throw PrinterError(message: "error parsing jsonpath \(template), \(e.message)\n")
            }
        }
    }

    /// Runs the template against one object and returns what kubectl prints on stdout.
    public func execute(_ data: JSONValue) throws -> String {
        try TemplateStack.run(inline: shallow) { try run(data) }
    }

    private func run(_ data: JSONValue) throws -> String {
        var engine = JPEngine(root: root)
        do {
            let results = try engine.findResults(.concrete(GoDynamic(data)), start: 0)
            var out = ""
            for r in results { out += JPEngine.printResults(r) }
            return out
        } catch let e as JPError {
            let message = "error executing jsonpath \(GoText.quote(template)): Error executing template: \(e.message). "
                + "Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(template)\n"
                + "\tobject given to jsonpath engine was:\n\t\t\(GoFmt.sharpV(GoDynamic(data)))\n\n\n"
            throw PrinterError(message: message)
        }
    }
}

// MARK: - Syntax tree

/// A parse or execution failure. `partial` is the value upstream returns alongside the
/// error, which an existence filter `[?(@.x)]` keeps using when the error is ignored.
struct JPError: Error {
    let message: String
    var partial: [GoValue] = []
}

/// One slice bound of `[start:end:step]` (upstream's ParamsEntry).
struct JPParam: Sendable {
    var value = 0
    var known = false
    /// The end bound implied by a plain index `[n]` (n+1); a derived 0 means "to the end".
    var derived = false
}

indirect enum JPNode: Sendable {
    case list([JPNode])
    case text(String)
    case field(String)
    case array([JPParam])
    case filter(left: [JPNode], right: [JPNode], op: String)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case wildcard
    case recursive
    case union([[JPNode]])
    case identifier(String)
}

// MARK: - Parser

/// A port of client-go's jsonpath Parser. Upstream is a chain of mutually tail-recursive
/// functions; here the chain is a loop (`step`) so long templates cannot exhaust the stack.
/// Lists under construction are boxes because upstream appends to a list after handing it
/// to its parent.
private final class JPListBox {
    var nodes: [JPBuildNode] = []
}

private enum JPBuildNode {
    case list(JPListBox)
    case node(JPNode)
}

struct JPParser {
    private var input: [Unicode.Scalar]
    private var pos = 0
    private var start = 0
    /// Width of the last scalar read (0 at the end), so backup() after EOF is a no-op.
    private var width = 0
    private let root = JPListBox()
    /// Nesting of parseAction (filters and unions re-parse their insides).
    private let depth: Int

    private init(_ text: String, depth: Int) {
        input = Array(text.unicodeScalars)
        self.depth = depth
    }

    static func parse(_ text: String) throws -> [JPNode] {
        var p = JPParser(text, depth: 0)
        try p.run()
        return freeze(p.root)
    }

    /// Upstream's parseAction: parse `{text}` and keep the first action's nodes.
    private func parseAction(_ text: String) throws -> [JPBuildNode] {
        if depth > 64 { throw JPError(message: "unterminated filter") }
        var p = JPParser("{" + text + "}", depth: depth + 1)
        try p.run()
        if case .list(let l)? = p.root.nodes.first { return l.nodes }
        return []
    }

    private static func freeze(_ box: JPListBox) -> [JPNode] { box.nodes.map(freeze) }

    private static func freeze(_ n: JPBuildNode) -> JPNode {
        switch n {
        case .list(let l): return .list(freeze(l))
        case .node(let n): return n
        }
    }

    // MARK: scanning helpers

    /// The next scalar, or nil at the end of input (upstream's eof).
    private mutating func next() -> Unicode.Scalar? {
        if pos >= input.count { width = 0; return nil }
        width = 1
        pos += 1
        return input[pos - 1]
    }

    private mutating func backup() { pos -= width }

    private func peek() -> Unicode.Scalar? { pos < input.count ? input[pos] : nil }

    private func hasPrefix(_ s: String) -> Bool {
        var i = pos
        for u in s.unicodeScalars {
            if i >= input.count || input[i] != u { return false }
            i += 1
        }
        return true
    }

    private mutating func consumeText() -> String {
        var v = String.UnicodeScalarView()
        if start < pos { v.append(contentsOf: input[start..<pos]) }
        start = pos
        return String(v)
    }

    private func scalar(at i: Int) -> Unicode.Scalar? { i >= 0 && i < input.count ? input[i] : nil }

    // MARK: states

    private enum State {
        case text
        case inside(JPListBox)
        case done
    }

    private mutating func run() throws {
        var state = State.text
        while true {
            switch state {
            case .done: return
            case .text: state = parseText()
            case .inside(let cur): state = try parseInsideAction(cur)
            }
        }
    }

    private mutating func parseText() -> State {
        while true {
            if hasPrefix("{") {
                if pos > start { root.nodes.append(.node(.text(consumeText()))) }
                // parseLeftDelim
                pos += 1
                _ = consumeText()
                let node = JPListBox()
                root.nodes.append(.list(node))
                return .inside(node)
            }
            if next() == nil { break }
        }
        if pos > start { root.nodes.append(.node(.text(consumeText()))) }
        return .done
    }

    private mutating func parseInsideAction(_ cur: JPListBox) throws -> State {
        if hasPrefix("}") {
            pos += 1
            _ = consumeText()
            return .text
        }
        if hasPrefix("[?(") { return try parseFilter(cur) }
        if hasPrefix("..") { return try parseRecursive(cur) }
        guard let r = next() else { throw JPError(message: "unclosed action") }
        switch r {
        case "\r", "\n":
            throw JPError(message: "unclosed action")
        case " ", "@", "$":
            _ = consumeText()
        case "[":
            return try parseArray(cur)
        case "\"", "'":
            return try parseQuote(cur, end: r)
        case ".":
            return parseField(cur)
        case "+", "-":
            backup()
            return try parseNumber(cur)
        default:
            if JPParser.isDigit(r) {
                backup()
                return try parseNumber(cur)
            }
            if JPParser.isAlphaNumeric(r) {
                backup()
                return parseIdentifier(cur)
            }
            throw JPError(message: "unrecognized character in action: \(JPParser.goU(r))")
        }
        return .inside(cur)
    }

    private mutating func parseIdentifier(_ cur: JPListBox) -> State {
        while true {
            if JPParser.isTerminator(next()) { backup(); break }
        }
        let value = consumeText()
        if value == "true" || value == "false" {
            cur.nodes.append(.node(.bool(value == "true")))
        } else {
            cur.nodes.append(.node(.identifier(value)))
        }
        return .inside(cur)
    }

    private mutating func parseRecursive(_ cur: JPListBox) throws -> State {
        if case .node(.recursive)? = cur.nodes.last {
            throw JPError(message: "invalid multiple recursive descent")
        }
        pos += 2
        _ = consumeText()
        cur.nodes.append(.node(.recursive))
        if let r = peek(), JPParser.isAlphaNumeric(r) { return parseField(cur) }
        return .inside(cur)
    }

    private mutating func parseNumber(_ cur: JPListBox) throws -> State {
        if let r = peek(), r == "+" || r == "-" { pos += 1 }
        while true {
            let r = next()
            if r != "." && !(r.map(JPParser.isDigit) ?? false) { backup(); break }
        }
        let value = consumeText()
        if case .success(let i) = GoStrconv.atoi(value) {
            cur.nodes.append(.node(.int(i)))
        } else if let d = GoStrconv.parseFloat(value) {
            cur.nodes.append(.node(.float(d)))
        } else {
            throw JPError(message: "cannot parse number \(value)")
        }
        return .inside(cur)
    }

    private mutating func parseArray(_ cur: JPListBox) throws -> State {
        while true {
            guard let r = next(), r != "\n" else { throw JPError(message: "unterminated array") }
            if r == "]" { break }
        }
        var text = consumeText()
        text = String(text.unicodeScalars.dropFirst().dropLast())
        if text == "*" { text = ":" }

        // Union: each comma-separated part is parsed as its own [part].
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count > 1 {
            var union: [[JPNode]] = []
            for part in parts {
                let trimmed = JPParser.trimSpaces(String(part))
                let nodes = try parseAction("[" + trimmed + "]")
                union.append(nodes.map(JPParser.freeze))
            }
            cur.nodes.append(.node(.union(union)))
            return .inside(cur)
        }

        // Dict key ['name']: re-parsed as the field path .name (so ['a.b'] is .a.b).
        let scalars = Array(text.unicodeScalars)
        if scalars.count >= 2, scalars.first == "'", scalars.last == "'",
           !scalars[1..<(scalars.count - 1)].contains("'") {
            var key = String.UnicodeScalarView()
            key.append(contentsOf: scalars[1..<(scalars.count - 1)])
            let nodes = try parseAction("." + String(key))
            cur.nodes.append(contentsOf: nodes)
            return .inside(cur)
        }

        // Slice operator ^(-?\d*)(:-?\d*)?(:-?\d*)?$
        guard let groups = JPParser.matchSlice(text) else {
            throw JPError(message: "invalid array index \(text)")
        }
        var params = [JPParam(), JPParam(), JPParam()]
        for i in 0..<3 {
            var v = groups[i]
            if !v.isEmpty {
                if i > 0 { v.removeFirst() }
                if i > 0 && v.isEmpty {
                    params[i].known = false
                } else {
                    params[i].known = true
                    guard case .success(let n) = GoStrconv.atoi(v) else {
                        throw JPError(message: "array index \(v) is not a number")
                    }
                    params[i].value = n
                }
            } else if i == 1 {
                params[i].known = true
                params[i].value = params[0].value &+ 1
                params[i].derived = true
            }
        }
        cur.nodes.append(.node(.array(params)))
        return .inside(cur)
    }

    private mutating func parseFilter(_ cur: JPListBox) throws -> State {
        pos += 3
        _ = consumeText()
        var begin = false, end = false
        var pair: Unicode.Scalar = "\""
        loop: while true {
            guard let r = next(), r != "\n" else { throw JPError(message: "unterminated filter") }
            switch r {
            case "\"", "'":
                if !begin {
                    begin = true
                    pair = r
                    continue
                }
                if scalar(at: pos - 2) != "\\" && r == pair { end = true }
            case ")":
                if begin == end { break loop }
            default:
                break
            }
        }
        if next() != "]" { throw JPError(message: "unclosed array expect ]") }
        let all = Array(consumeText().unicodeScalars)
        var inner = String.UnicodeScalarView()
        inner.append(contentsOf: all.dropLast(2))
        let text = String(inner)
        if let (left, op, right) = JPParser.matchComparison(text) {
            let l = try parseAction(left).map(JPParser.freeze)
            let r = try parseAction(right).map(JPParser.freeze)
            cur.nodes.append(.node(.filter(left: l, right: r, op: op)))
        } else {
            let l = try parseAction(text).map(JPParser.freeze)
            cur.nodes.append(.node(.filter(left: l, right: [], op: "exists")))
        }
        return .inside(cur)
    }

    private mutating func parseQuote(_ cur: JPListBox, end: Unicode.Scalar) throws -> State {
        while true {
            guard let r = next(), r != "\n" else { throw JPError(message: "unterminated quoted string") }
            if r == end && scalar(at: pos - 2) != "\\" { break }
        }
        let value = consumeText()
        guard let s = JPParser.unquoteExtend(value) else {
            throw JPError(message: "unquote string \(value) error invalid syntax")
        }
        cur.nodes.append(.node(.text(s)))
        return .inside(cur)
    }

    private mutating func parseField(_ cur: JPListBox) -> State {
        _ = consumeText()
        // advance: scan to the next unescaped terminator
        while true {
            let r = next()
            if r == "\\" { _ = next(); continue }
            if JPParser.isTerminator(r) { backup(); break }
        }
        let value = consumeText()
        if value == "*" {
            cur.nodes.append(.node(.wildcard))
        } else {
            cur.nodes.append(.node(.field(value.replacingOccurrences(of: "\\", with: ""))))
        }
        return .inside(cur)
    }

    // MARK: character classes and literals

    private static func isTerminator(_ r: Unicode.Scalar?) -> Bool {
        guard let r else { return true }
        switch r {
        case " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}": return true
        default: return false
        }
    }

    /// Go's isAlphaNumeric: `_`, unicode.IsLetter or unicode.IsDigit.
    static func isAlphaNumeric(_ r: Unicode.Scalar) -> Bool {
        r == "_" || isLetter(r) || isDigit(r)
    }

    static func isLetter(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// unicode.IsDigit: general category Nd.
    static func isDigit(_ r: Unicode.Scalar) -> Bool {
        r.properties.generalCategory == .decimalNumber
    }

    /// Go's `%#U`: `U+0041 'A'` (the quoted rune only when printable).
    static func goU(_ r: Unicode.Scalar) -> String {
        var s = "U+" + GoText.hex(r.value, width: 4, upper: true)
        if GoText.isPrint(r) { s += " '" + String(Character(r)) + "'" }
        return s
    }

    private static func trimSpaces(_ s: String) -> String {
        var v = Substring(s)
        while v.first == " " { v.removeFirst() }
        while v.last == " " { v.removeLast() }
        return String(v)
    }

    /// `^(-?\d*)(:-?\d*)?(:-?\d*)?$` with RE2's leftmost-first semantics; nil when no match.
    private static func matchSlice(_ text: String) -> [String]? {
        let s = Array(text.unicodeScalars)
        var i = 0
        func group(colon: Bool) -> String? {
            var g = String.UnicodeScalarView()
            if colon {
                guard i < s.count, s[i] == ":" else { return nil }
                g.append(s[i]); i += 1
            }
            if i < s.count, s[i] == "-" { g.append(s[i]); i += 1 }
            while i < s.count, s[i].value >= 48, s[i].value <= 57 { g.append(s[i]); i += 1 }
            return String(g)
        }
        let g1 = group(colon: false) ?? ""
        let g2 = group(colon: true) ?? ""
        let g3 = group(colon: true) ?? ""
        return i == s.count ? [g1, g2, g3] : nil
    }

    /// `^([^!<>=]+)([!<>=]+)(.+?)$`: left operand, operator run, right operand. The operator
    /// run gives back its last character when nothing else is left for the right side.
    private static func matchComparison(_ text: String) -> (String, String, String)? {
        let s = Array(text.unicodeScalars)
        let opChars: Set<Unicode.Scalar> = ["!", "<", ">", "="]
        var i = 0
        while i < s.count, !opChars.contains(s[i]) { i += 1 }
        guard i > 0, i < s.count else { return nil }
        let leftEnd = i
        while i < s.count, opChars.contains(s[i]) { i += 1 }
        var opEnd = i
        if opEnd == s.count {
            if opEnd - leftEnd < 2 { return nil }
            opEnd -= 1
        }
        // `.` does not match a newline.
        if s[opEnd...].contains("\n") { return nil }
        func str(_ r: ArraySlice<Unicode.Scalar>) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: r); return String(v)
        }
        return (str(s[0..<leftEnd]), str(s[leftEnd..<opEnd]), str(s[opEnd...]))
    }

    /// Upstream's UnquoteExtend: strconv.Unquote that also accepts single-quoted strings.
    static func unquoteExtend(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count >= 2, let q = b.first, q == b.last, q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { return nil }
        let body = Array(b[1..<(b.count - 1)])
        if !body.contains(UInt8(ascii: "\\")) && !body.contains(q) {
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let (bytes, n) = unquoteChar(body, i, quote: q) else { return nil }
            out.append(contentsOf: bytes)
            i += n
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// strconv.UnquoteChar: the bytes of one (possibly escaped) character and its length.
    static func unquoteChar(_ s: [UInt8], _ i: Int, quote: UInt8) -> ([UInt8], Int)? {
        let c = s[i]
        if c == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { return nil }
        if c >= 0x80 {
            var n = 1
            while i + n < s.count, s[i + n] & 0xC0 == 0x80 { n += 1 }
            return (Array(s[i..<(i + n)]), n)
        }
        if c != UInt8(ascii: "\\") { return ([c], 1) }
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        var n = 2
        let value: UInt32
        switch e {
        case UInt8(ascii: "a"): value = 7
        case UInt8(ascii: "b"): value = 8
        case UInt8(ascii: "f"): value = 12
        case UInt8(ascii: "n"): value = 10
        case UInt8(ascii: "r"): value = 13
        case UInt8(ascii: "t"): value = 9
        case UInt8(ascii: "v"): value = 11
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
            guard i + 2 + count <= s.count else { return nil }
            var v: UInt32 = 0
            for j in 0..<count {
                guard let h = hexValue(s[i + 2 + j]) else { return nil }
                v = v << 4 | h
            }
            n += count
            if e == UInt8(ascii: "x") { return ([UInt8(v)], n) }
            guard v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v), let u = Unicode.Scalar(v) else { return nil }
            return (Array(String(u).utf8), n)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard i + 4 <= s.count else { return nil }
            var v = UInt32(e - 48)
            for j in 0..<2 {
                let d = s[i + 2 + j]
                guard d >= 48, d <= 55 else { return nil }
                v = v << 3 | UInt32(d - 48)
            }
            guard v <= 255 else { return nil }
            return ([UInt8(v)], 4)
        case UInt8(ascii: "\\"): value = 92
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard e == quote else { return nil }
            value = UInt32(e)
        default:
            return nil
        }
        return ([UInt8(value)], n)
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }
}

// MARK: - Evaluation

/// Upstream's JSONPath execution state. `findResults` mirrors FindResults, including its
/// range bookkeeping (beginRange/inRange/endRange and the last `{end}` seen), with node
/// positions as absolute indexes into the root list.
struct JPEngine {
    let root: [JPNode]
    private var beginRange = 0
    private var inRange = 0
    private var endRange = 0
    private var lastEndNode: Int? = nil
    static let maxRangeNesting = 200

    init(root: [JPNode]) { self.root = root }

    mutating func findResults(_ data: GoValue, start: Int) throws -> [[GoValue]] {
        let cur = [data]
        var fullResult: [[GoValue]] = []
        var i = start
        while i < root.count {
            let results = try walk(cur, root[i])

            // An {end} closes the block this call was started for.
            if endRange > 0 && endRange <= inRange {
                endRange -= 1
                lastEndNode = i
                break
            }
            // A {range …}: run the following nodes once per result.
            if beginRange > 0 {
                beginRange -= 1
                inRange += 1
                // Go's stacks grow; ours do not. No sensible template nests this deep.
                if inRange > JPEngine.maxRangeNesting {
                    throw JPError(message: "range nesting deeper than \(JPEngine.maxRangeNesting)")
                }
                if !results.isEmpty {
                    for value in results {
                        fullResult += try findResults(JPEngine.interface(value), start: i + 1)
                    }
                } else {
                    // Still walk the body so the position advances to the matching {end}.
                    _ = try findResults(.invalid, start: i + 1)
                }
                inRange -= 1
                // Resume after the most recent {end}.
                if let last = lastEndNode, last > i { i = last }
                i += 1
                continue
            }
            fullResult.append(results)
            i += 1
        }
        return fullResult
    }

    /// `reflect.ValueOf(v.Interface())`: the range body sees elements unwrapped.
    private static func interface(_ v: GoValue) -> GoValue { v.unwrapped }

    /// PrintResults: JSON for maps and slices, fmt for the rest, single spaces between.
    static func printResults(_ results: [GoValue]) -> String {
        var out = ""
        for (i, r) in results.enumerated() {
            switch r {
            case .invalid:
                out += "<no value>"
            case .iface(.null), .concrete(.null):
                out += "null"
            case .iface(let d), .concrete(let d):
                switch d {
                case .map, .slice: out += GoJSON.marshal(d)
                default: out += GoFmt.v(d)
                }
            }
            if i != results.count - 1 { out += " " }
        }
        return out
    }

    private mutating func walk(_ value: [GoValue], _ node: JPNode) throws -> [GoValue] {
        switch node {
        case .list(let nodes): return try evalList(value, nodes)
        case .text(let t): return [.concrete(.string(t))]
        case .field(let name): return evalField(value, name)
        case .array(let params): return try evalArray(value, params)
        case .filter(let left, let right, let op): return try evalFilter(value, left, right, op)
        case .int(let n): return value.map { _ in .concrete(.int(Int64(n), .int)) }
        case .float(let d): return value.map { _ in .concrete(.float(d)) }
        case .bool(let b): return value.map { _ in .concrete(.bool(b)) }
        case .wildcard: return evalWildcard(value)
        case .recursive: return evalRecursive(value)
        case .union(let lists):
            var result: [GoValue] = []
            for l in lists {
                do { result += try evalList(value, l) } catch var e as JPError { e.partial = value; throw e }
            }
            return result
        case .identifier(let name): return try evalIdentifier(value, name)
        }
    }

    private mutating func evalList(_ value: [GoValue], _ nodes: [JPNode]) throws -> [GoValue] {
        var cur = value
        for n in nodes { cur = try walk(cur, n) }
        return cur
    }

    private mutating func evalIdentifier(_ input: [GoValue], _ name: String) throws -> [GoValue] {
        switch name {
        case "range":
            beginRange += 1
            return input
        case "end":
            if inRange > 0 {
                endRange += 1
            } else {
                throw JPError(message: "not in range, nothing to end")
            }
            return []
        default:
            throw JPError(message: "unrecognized identifier \(name)", partial: input)
        }
    }

    /// template.Indirect: look through interfaces; reports a nil interface.
    private static func indirect(_ v: GoValue) -> (GoValue, Bool) {
        switch v {
        case .iface(.null): return (v, true)
        case .iface(let d): return (.concrete(d), false)
        default: return (v, false)
        }
    }

    private func evalField(_ input: [GoValue], _ name: String) -> [GoValue] {
        var results: [GoValue] = []
        for v in input {
            let (value, isNil) = JPEngine.indirect(v)
            if isNil { continue }
            if case .concrete(.map(let m)) = value, let e = m[name] {
                results.append(.element(e))
            }
        }
        // Missing keys are allowed (kubectl sets AllowMissingKeys(true)).
        return results
    }

    private func evalArray(_ input: [GoValue], _ node: [JPParam]) throws -> [GoValue] {
        var result: [GoValue] = []
        for v in input {
            let (value, isNil) = JPEngine.indirect(v)
            if isNil { continue }
            guard case .concrete(.slice(let arr)) = value else {
                throw JPError(message: "\(JPEngine.typeName(value)) is not array or slice", partial: input)
            }
            var params = node
            let len = arr.count
            if !params[0].known { params[0].value = 0 }
            if params[0].value < 0 { params[0].value += len }
            if !params[1].known { params[1].value = len }
            if params[1].value < 0 || (params[1].value == 0 && params[1].derived) { params[1].value += len }
            if params[1].value != params[0].value {
                if params[0].value >= len || params[0].value < 0 {
                    throw JPError(message: "array index out of bounds: index \(params[0].value), length \(len)", partial: input)
                }
                if params[1].value > len || params[1].value < 0 {
                    throw JPError(message: "array index out of bounds: index \(params[1].value - 1), length \(len)", partial: input)
                }
                if params[0].value > params[1].value {
                    throw JPError(message: "starting index \(params[0].value) is greater than ending index \(params[1].value)", partial: input)
                }
            } else {
                // Upstream returns here, dropping results gathered from earlier inputs.
                return result
            }
            var step = 1
            if params[2].known {
                if params[2].value <= 0 { throw JPError(message: "step must be > 0", partial: input) }
                step = params[2].value
            }
            var i = params[0].value
            while i < params[1].value {
                result.append(.element(arr[i]))
                let (n, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = n
            }
        }
        return result
    }

    /// `%v` of a reflect.Value's type, for "X is not array or slice".
    private static func typeName(_ v: GoValue) -> String {
        if case .invalid = v { return "<nil>" }
        return v.typeName
    }

    /// The children visited by `*` and `..`: map values (in sorted key order here; random
    /// in Go), slice elements, and a string's bytes.
    private static func children(_ value: GoValue) -> [GoValue] {
        switch value {
        case .concrete(.map(let m)):
            return GoText.sortedKeys(m).map { .element(m[$0]!) }
        case .concrete(.slice(let a)):
            return a.map { .element($0) }
        case .concrete(.string(let s)):
            return s.utf8.map { .concrete(.int(Int64($0), .uint8)) }
        default:
            return []
        }
    }

    private func evalWildcard(_ input: [GoValue]) -> [GoValue] {
        var results: [GoValue] = []
        for v in input {
            let (value, isNil) = JPEngine.indirect(v)
            if isNil { continue }
            results += JPEngine.children(value)
        }
        return results
    }

    private func evalRecursive(_ input: [GoValue]) -> [GoValue] {
        var result: [GoValue] = []
        // Depth-first with an explicit stack: same order as upstream's recursion.
        for v in input {
            let (value, isNil) = JPEngine.indirect(v)
            if isNil { continue }
            let kids = JPEngine.children(value)
            if !kids.isEmpty {
                result.append(value)
                result += evalRecursive(kids)
            }
        }
        return result
    }

    private mutating func evalFilter(_ input: [GoValue], _ left: [JPNode], _ right: [JPNode], _ op: String) throws -> [GoValue] {
        var results: [GoValue] = []
        for v in input {
            let (value, _) = JPEngine.indirect(v)
            guard case .concrete(.slice(let arr)) = value else {
                let shown: String
                switch value {
                case .invalid: shown = "<invalid reflect.Value>"
                case .iface(let d), .concrete(let d): shown = GoFmt.v(d)
                }
                throw JPError(message: "\(shown) is not array or slice and cannot be filtered", partial: input)
            }
            for elem in arr {
                let temp: [GoValue] = [.element(elem)]
                var lefts: [GoValue]
                do {
                    lefts = try evalList(temp, left)
                } catch let err as JPError where op == "exists" {
                    // Upstream ignores the error here but keeps the value returned with it.
                    lefts = err.partial
                }
                if op == "exists" {
                    if !lefts.isEmpty { results.append(.element(elem)) }
                    continue
                }
                if lefts.isEmpty { continue }
                if lefts.count > 1 { throw JPError(message: "can only compare one element at a time", partial: input) }
                let rights = try evalList(temp, right)
                if rights.isEmpty { continue }
                if rights.count > 1 { throw JPError(message: "can only compare one element at a time", partial: input) }
                if try JPEngine.compare(op, lefts[0].dynamic, rights[0].dynamic, partial: results) {
                    results.append(.element(elem))
                }
            }
        }
        return results
    }
}

extension JPEngine {
    fileprivate static func compare(_ op: String, _ l: GoDynamic, _ r: GoDynamic, partial: [GoValue]) throws -> Bool {
        do {
            switch op {
            case "<": return try JPCompare.less(l, r)
            case ">": return try !JPCompare.lessEqual(l, r)
            case "==": return try JPCompare.equal(l, r)
            case "!=": return try !JPCompare.equal(l, r)
            case "<=": return try JPCompare.lessEqual(l, r)
            case ">=": return try !JPCompare.less(l, r)
            default: throw JPError(message: "unrecognized filter operator \(op)")
            }
        } catch var e as JPError {
            e.partial = partial
            throw e
        }
    }
}

/// client-go's forked text/template comparisons (third_party/forked/golang/template).
enum JPCompare {
    enum Kind { case bool, complex, int, float, string, uint }

    static func kind(_ d: GoDynamic) throws -> Kind {
        switch d {
        case .bool: return .bool
        case .int(_, .uint8): return .uint
        case .int: return .int
        case .float: return .float
        case .complex: return .complex
        case .string: return .string
        default: throw JPError(message: "invalid type for comparison")
        }
    }

    static func equal(_ a: GoDynamic, _ b: GoDynamic) throws -> Bool {
        let k1 = try kind(a), k2 = try kind(b)
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, _), .int(let y, _)) where (k1 == k2) || (k1 == .int && k2 == .uint) || (k1 == .uint && k2 == .int):
            return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.complex(let r1, let i1), .complex(let r2, let i2)): return r1 == r2 && i1 == i2
        default: throw JPError(message: "incompatible types for comparison")
        }
    }

    static func less(_ a: GoDynamic, _ b: GoDynamic) throws -> Bool {
        let k1 = try kind(a), k2 = try kind(b)
        if k1 != k2 && !((k1 == .int && k2 == .uint) || (k1 == .uint && k2 == .int)) {
            throw JPError(message: "incompatible types for comparison")
        }
        switch (a, b) {
        case (.int(let x, _), .int(let y, _)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return GoText.less(x, y)
        default: throw JPError(message: "invalid type for comparison")
        }
    }

    static func lessEqual(_ a: GoDynamic, _ b: GoDynamic) throws -> Bool {
        let lt = try less(a, b)
        if lt { return true }
        return try equal(a, b)
    }
}
