import Foundation
import KubeAPI

/// kubectl's `-o go-template=TEMPLATE` / `--template`: Go's text/template (as built into
/// kubectl v1.32, Go 1.23) with kubectl's extra functions `exists` and `base64decode`.
///
/// The lexer, parser and executor are ports of text/template/parse and text/template, so
/// error texts and positions (`template: output:1:6: executing "output" at <.a.b>: …`)
/// match. kubectl feeds the template a JSON round trip of the object: maps are
/// map[string]interface{}, numbers that look like integers are int64 (even a float 3.0),
/// other numbers float64; `execute` applies the same round trip to its input.
///
/// Errors (`PrinterError`):
/// - parse: message `error parsing template TEMPLATE, template: output:LINE: REASON` + newline.
/// - execution: message `error executing template "TEMPLATE": template: output:L:C: executing
///   "output" at <NODE>: REASON`; `stdout` holds the output written before the failure
///   followed by kubectl's dump: `Error executing template: REASON. Printing more
///   information for debugging the template:`, `\ttemplate was:`, `\t\tTEMPLATE`,
///   `\traw data was:`, `\t\t<compact JSON>`, `\tobject given to template engine was:`,
///   `\t\t<the object as Go's %+v prints it>` and an empty line.
///
/// Deliberate limits: the parser refuses nesting deeper than 200 (Go allows 10000
/// parentheses) and template recursion stops at 1000 calls (Go: 100000), so no template
/// can exhaust the stack (see TemplateStack); the messages are Go's.
public struct GoTemplate: Sendable {
    /// The template as given.
    public let text: String
    private let trees: [String: GTList]
    /// Few enough delimiters and parentheses, and no template calls, that neither parsing
    /// nor execution can nest deeply (see TemplateStack).
    private let shallow: Bool

    static let name = "output"

    public init(_ text: String) throws {
        self.text = text
        shallow = TemplateStack.count("{{", in: text) + TemplateStack.count("(", in: text) <= TemplateStack.inlineBudget
            && TemplateStack.count("template", in: text) == 0 && TemplateStack.count("block", in: text) == 0
        trees = try TemplateStack.run(inline: shallow) {
            do {
                return try GTParser.parse(text, name: GoTemplate.name)
            } catch let e as GTError {
                throw PrinterError(message: "error parsing template \(text), \(e.message)\n")
            }
        }
    }

    /// Runs the template against one object and returns what kubectl prints on stdout.
    public func execute(_ data: JSONValue) throws -> String {
        try TemplateStack.run(inline: shallow) { try run(data) }
    }

    private func run(_ data: JSONValue) throws -> String {
        let object = GoJSON.roundTrip(data)
        let state = GTExec(text: text, trees: trees)
        do {
            try state.run(root: .concrete(GoDynamic(object)))
            return state.out
        } catch let e as GTError {
            var stdout = state.out
            stdout += "Error executing template: \(e.message). Printing more information for debugging the template:\n"
            stdout += "\ttemplate was:\n\t\t\(text)\n"
            stdout += "\traw data was:\n\t\t\(GoJSON.marshal(data))\n"
            stdout += "\tobject given to template engine was:\n\t\t\(GoFmt.v(GoDynamic(object)))\n\n"
            throw PrinterError(message: "error executing template \(GoText.quote(text)): \(e.message)", stdout: stdout)
        }
    }
}

struct GTError: Error { let message: String }

// MARK: - Lexer (text/template/parse/lex.go)

enum GTItemType: Equatable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // keywords
    case block, breakKw, continueKw, dot, define, elseKw, end, ifKw, nilKw, range, template, with

    var isKeyword: Bool {
        switch self {
        case .block, .breakKw, .continueKw, .dot, .define, .elseKw, .end, .ifKw, .nilKw, .range, .template, .with: return true
        default: return false
        }
    }

    static let keywords: [String: GTItemType] = [
        ".": .dot, "block": .block, "break": .breakKw, "continue": .continueKw, "define": .define,
        "else": .elseKw, "end": .end, "if": .ifKw, "range": .range, "nil": .nilKw,
        "template": .template, "with": .with,
    ]
}

struct GTItem {
    var typ: GTItemType
    var pos: Int
    var val: String
    var line: Int

    /// item.String(), as parse errors quote tokens.
    var description: String {
        switch typ {
        case .eof: return "EOF"
        case .error: return val
        default:
            if typ.isKeyword { return "<\(val)>" }
            if val.utf8.count > 10 {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: val.unicodeScalars.prefix(10))
                return GoText.quote(String(v)) + "..."
            }
            return GoText.quote(val)
        }
    }
}

struct GTLexer {
    private var input: [UInt8]
    private var pos = 0
    private var start = 0
    private var atEOF = false
    private var parenDepth = 0
    private var line = 1
    private var startLine = 1
    private var item = GTItem(typ: .eof, pos: 0, val: "", line: 1)
    private var insideAction = false

    private static let leftDelim: [UInt8] = Array("{{".utf8)
    private static let rightDelim: [UInt8] = Array("}}".utf8)
    private static let leftComment: [UInt8] = Array("/*".utf8)
    private static let rightComment: [UInt8] = Array("*/".utf8)

    init(_ text: String) { input = Array(text.utf8) }

    private enum State {
        case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable
        case char, number, quote, rawQuote
    }

    // MARK: helpers

    private func decode(at i: Int) -> (Unicode.Scalar, Int) {
        GoFmt.decodeRune(input, i)
    }

    private mutating func next() -> Unicode.Scalar? {
        if pos >= input.count { atEOF = true; return nil }
        let (r, w) = decode(at: pos)
        pos += w
        if r == "\n" { line += 1 }
        return r
    }

    private mutating func peek() -> Unicode.Scalar? {
        let r = next()
        backup()
        return r
    }

    private mutating func backup() {
        if !atEOF && pos > 0 {
            var w = 1
            while w < 4 && pos - w > 0 && input[pos - w] & 0xC0 == 0x80 { w += 1 }
            let (r, _) = decode(at: pos - w)
            pos -= w
            if r == "\n" { line -= 1 }
        }
    }

    private func text(_ a: Int, _ b: Int) -> String { String(decoding: input[a..<b], as: UTF8.self) }

    private mutating func thisItem(_ t: GTItemType) -> GTItem {
        let i = GTItem(typ: t, pos: start, val: text(start, pos), line: startLine)
        start = pos
        startLine = line
        return i
    }

    private mutating func emit(_ t: GTItemType) -> State? {
        item = thisItem(t)
        return nil
    }

    private mutating func emitItem(_ i: GTItem) -> State? {
        item = i
        return nil
    }

    private func countNewlines(_ a: Int, _ b: Int) -> Int {
        a < b ? input[a..<b].reduce(0) { $0 + ($1 == 10 ? 1 : 0) } : 0
    }

    private mutating func ignore() {
        line += countNewlines(start, pos)
        start = pos
        startLine = line
    }

    private mutating func accept(_ valid: String) -> Bool {
        if let r = next(), valid.unicodeScalars.contains(r) { return true }
        backup()
        return false
    }

    private mutating func acceptRun(_ valid: String) {
        while let r = next(), valid.unicodeScalars.contains(r) {}
        backup()
    }

    private mutating func errorf(_ message: String) -> State? {
        item = GTItem(typ: .error, pos: start, val: message, line: startLine)
        start = 0
        pos = 0
        input = []
        return nil
    }

    private func hasPrefix(_ p: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= input.count else { return false }
        for k in 0..<p.count where input[i + k] != p[k] { return false }
        return true
    }

    private func index(of p: [UInt8], from i: Int) -> Int? {
        guard p.count > 0, i <= input.count - p.count else { return nil }
        var j = i
        while j <= input.count - p.count {
            if input[j] == p[0] && hasPrefix(p, at: j) { return j - i }
            j += 1
        }
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 10 }
    static func isSpace(_ r: Unicode.Scalar?) -> Bool { r == " " || r == "\t" || r == "\r" || r == "\n" }

    static func isAlphaNumeric(_ r: Unicode.Scalar?) -> Bool {
        guard let r else { return false }
        return r == "_" || JPParser.isLetter(r) || JPParser.isDigit(r)
    }

    private func hasLeftTrimMarker(at i: Int) -> Bool {
        i + 2 <= input.count && input[i] == UInt8(ascii: "-") && GTLexer.isSpace(input[i + 1])
    }

    private func hasRightTrimMarker(at i: Int) -> Bool {
        i >= 0 && i + 2 <= input.count && GTLexer.isSpace(input[i]) && input[i + 1] == UInt8(ascii: "-")
    }

    private func rightTrimLength(_ a: Int, _ b: Int) -> Int {
        var n = 0
        while b - n > a && GTLexer.isSpace(input[b - n - 1]) { n += 1 }
        return n
    }

    private func leftTrimLength(from i: Int) -> Int {
        var n = 0
        while i + n < input.count && GTLexer.isSpace(input[i + n]) { n += 1 }
        return n
    }

    private func atRightDelim() -> (delim: Bool, trimSpaces: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(GTLexer.rightDelim, at: pos + 2) { return (true, true) }
        if hasPrefix(GTLexer.rightDelim, at: pos) { return (true, false) }
        return (false, false)
    }

    private mutating func atTerminator() -> Bool {
        let r = peek()
        if GTLexer.isSpace(r) { return true }
        switch r {
        case nil, ".", ",", "|", ":", ")", "(": return true
        default: return hasPrefix(GTLexer.rightDelim, at: pos)
        }
    }

    // MARK: driver

    /// Returns the next item (the parser's lexer.nextItem).
    mutating func nextItem() -> GTItem {
        item = GTItem(typ: .eof, pos: pos, val: "EOF", line: startLine)
        var state: State? = insideAction ? .insideAction : .text
        while let s = state { state = step(s) }
        return item
    }

    private mutating func step(_ s: State) -> State? {
        switch s {
        case .text: return lexText()
        case .leftDelim: return lexLeftDelim()
        case .comment: return lexComment()
        case .rightDelim: return lexRightDelim()
        case .insideAction: return lexInsideAction()
        case .space: return lexSpace()
        case .identifier: return lexIdentifier()
        case .field: return lexFieldOrVariable(.field)
        case .variable:
            if atTerminator() { return emit(.variable) }
            return lexFieldOrVariable(.variable)
        case .char: return lexChar()
        case .number: return lexNumber()
        case .quote: return lexQuote()
        case .rawQuote: return lexRawQuote()
        }
    }

    private mutating func lexText() -> State? {
        if let x = index(of: GTLexer.leftDelim, from: pos) {
            if x > 0 {
                pos += x
                var trimLength = 0
                if hasLeftTrimMarker(at: pos + GTLexer.leftDelim.count) { trimLength = rightTrimLength(start, pos) }
                pos -= trimLength
                line += countNewlines(start, pos)
                let i = thisItem(.text)
                pos += trimLength
                ignore()
                if !i.val.isEmpty { return emitItem(i) }
            }
            return .leftDelim
        }
        pos = input.count
        if pos > start {
            line += countNewlines(start, pos)
            return emit(.text)
        }
        return emit(.eof)
    }

    private mutating func lexLeftDelim() -> State? {
        pos += GTLexer.leftDelim.count
        let trimSpace = hasLeftTrimMarker(at: pos)
        let afterMarker = trimSpace ? 2 : 0
        if hasPrefix(GTLexer.leftComment, at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return .comment
        }
        let i = thisItem(.leftDelim)
        insideAction = true
        pos += afterMarker
        ignore()
        parenDepth = 0
        return emitItem(i)
    }

    private mutating func lexComment() -> State? {
        pos += GTLexer.leftComment.count
        guard let x = index(of: GTLexer.rightComment, from: pos) else { return errorf("unclosed comment") }
        pos += x + GTLexer.rightComment.count
        let (delim, trimSpace) = atRightDelim()
        if !delim { return errorf("comment ends before closing delimiter") }
        line += countNewlines(start, pos)
        _ = thisItem(.comment)
        if trimSpace { pos += 2 }
        pos += GTLexer.rightDelim.count
        if trimSpace { pos += leftTrimLength(from: pos) }
        ignore()
        return .text
    }

    private mutating func lexRightDelim() -> State? {
        let (_, trimSpace) = atRightDelim()
        if trimSpace {
            pos += 2
            ignore()
        }
        pos += GTLexer.rightDelim.count
        let i = thisItem(.rightDelim)
        if trimSpace {
            pos += leftTrimLength(from: pos)
            ignore()
        }
        insideAction = false
        return emitItem(i)
    }

    private mutating func lexInsideAction() -> State? {
        let (delim, _) = atRightDelim()
        if delim {
            if parenDepth == 0 { return .rightDelim }
            return errorf("unclosed left paren")
        }
        guard let r = next() else { return errorf("unclosed action") }
        switch r {
        case " ", "\t", "\r", "\n":
            backup() // Put space back in case we have " -}}".
            return .space
        case "=": return emit(.assign)
        case ":":
            if next() != "=" { return errorf("expected :=") }
            return emit(.declare)
        case "|": return emit(.pipe)
        case "\"": return .quote
        case "`": return .rawQuote
        case "$": return .variable
        case "'": return .char
        case ".":
            // special look-ahead for ".field" so we don't break backup().
            if pos < input.count {
                let c = input[pos]
                if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { return .field }
            }
            backup()
            return .number
        case "+", "-", "0"..."9":
            backup()
            return .number
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right paren") }
            return emit(.rightParen)
        default:
            if GTLexer.isAlphaNumeric(r) {
                backup()
                return .identifier
            }
            if r.value < 0x80 && GoText.isPrint(r) { return emit(.char) }
            return errorf("unrecognized character in action: \(JPParser.goU(r))")
        }
    }

    private mutating func lexSpace() -> State? {
        var numSpaces = 0
        while true {
            let r = peek()
            if !GTLexer.isSpace(r) { break }
            _ = next()
            numSpaces += 1
        }
        // Be careful about a trim-marked closing delimiter, which has a minus after a space.
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(GTLexer.rightDelim, at: pos - 1 + 2) {
            backup() // Before the space.
            if numSpaces == 1 { return .rightDelim }
        }
        return emit(.space)
    }

    private mutating func lexIdentifier() -> State? {
        while true {
            let r = next()
            if GTLexer.isAlphaNumeric(r) { continue }
            backup()
            let word = text(start, pos)
            if !atTerminator() { return errorf("bad character \(JPParser.goU(r ?? "\u{FFFD}"))") }
            if let k = GTItemType.keywords[word], k != .dot { return emit(k) }
            if word == "true" || word == "false" { return emit(.bool) }
            return emit(.identifier)
        }
    }

    private mutating func lexFieldOrVariable(_ typ: GTItemType) -> State? {
        if atTerminator() { // Nothing interesting follows -> "." or "$".
            return emit(typ == .variable ? .variable : .dot)
        }
        var r: Unicode.Scalar?
        while true {
            r = next()
            if !GTLexer.isAlphaNumeric(r) { backup(); break }
        }
        if !atTerminator() { return errorf("bad character \(JPParser.goU(r ?? "\u{FFFD}"))") }
        return emit(typ)
    }

    private mutating func lexChar() -> State? {
        lexQuoted(closing: "'", as: .charConstant, unterminated: "unterminated character constant")
    }

    /// The rest of a `'…'` or `"…"` literal: up to the closing quote on the same line, with
    /// a backslash escaping whatever follows it except a newline.
    private mutating func lexQuoted(closing: Unicode.Scalar, as type: GTItemType, unterminated: String) -> State? {
        while true {
            let r = next()
            if r == "\\" {
                if let r2 = next(), r2 != "\n" { continue }
                return errorf(unterminated)
            }
            if r == nil || r == "\n" { return errorf(unterminated) }
            if r == closing { break }
        }
        return emit(type)
    }

    private mutating func lexNumber() -> State? {
        if !scanNumber() { return errorf("bad number syntax: \(GoText.quote(text(start, pos)))") }
        if let sign = peek(), sign == "+" || sign == "-" {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if !scanNumber() || input[pos - 1] != UInt8(ascii: "i") {
                return errorf("bad number syntax: \(GoText.quote(text(start, pos)))")
            }
            return emit(.complex)
        }
        return emit(.number)
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            // Note: Leading 0 does not mean octal in floats.
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 10 + 1 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 16 + 6 + 1 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if GTLexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    private mutating func lexQuote() -> State? {
        lexQuoted(closing: "\"", as: .string, unterminated: "unterminated quoted string")
    }

    private mutating func lexRawQuote() -> State? {
        while true {
            let r = next()
            if r == nil { return errorf("unterminated raw quoted string") }
            if r == "`" { break }
        }
        return emit(.rawString)
    }
}

// MARK: - Parse tree (text/template/parse/node.go)

struct GTNumber: Sendable {
    var pos: Int
    var text: String
    var isInt = false, isUint = false, isFloat = false, isComplex = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
    var complex: (re: Double, im: Double) = (0, 0)
}

struct GTPipe: Sendable {
    var pos: Int
    var line: Int
    var isAssign = false
    var decl: [GTVariable] = []
    var cmds: [GTCommand] = []
}

struct GTVariable: Sendable {
    var pos: Int
    var ident: [String]
}

struct GTCommand: Sendable {
    var pos: Int
    var args: [GTNode] = []
}

struct GTList: Sendable {
    var pos: Int
    var nodes: [GTNode] = []
}

struct GTBranch: Sendable {
    enum Kind: Sendable { case ifNode, rangeNode, withNode }
    var kind: Kind
    var pos: Int
    var line: Int
    var pipe: GTPipe
    var list: GTList
    var elseList: GTList?
}

indirect enum GTNode: Sendable {
    case text(pos: Int, text: String)
    case comment(pos: Int, text: String)
    case action(pos: Int, line: Int, pipe: GTPipe)
    case branch(GTBranch)
    case template(pos: Int, line: Int, name: String, pipe: GTPipe?)
    case breakNode(pos: Int)
    case continueNode(pos: Int)
    case list(GTList)
    // Operands
    case pipe(GTPipe)
    case command(GTCommand)
    case identifier(pos: Int, name: String)
    case variable(GTVariable)
    case dot(pos: Int)
    case nilNode(pos: Int)
    case field(pos: Int, ident: [String])
    case chain(pos: Int, node: GTNode, fields: [String])
    case bool(pos: Int, value: Bool)
    case number(GTNumber)
    case string(pos: Int, quoted: String, text: String)
    // Parse-time markers, never in a finished tree.
    case end(pos: Int)
    case elseNode(pos: Int, line: Int)

    var position: Int {
        switch self {
        case .text(let p, _), .comment(let p, _), .action(let p, _, _), .template(let p, _, _, _),
             .breakNode(let p), .continueNode(let p), .identifier(let p, _), .dot(let p), .nilNode(let p),
             .field(let p, _), .chain(let p, _, _), .bool(let p, _), .string(let p, _, _), .end(let p),
             .elseNode(let p, _):
            return p
        case .branch(let b): return b.pos
        case .list(let l): return l.pos
        case .pipe(let p): return p.pos
        case .command(let c): return c.pos
        case .variable(let v): return v.pos
        case .number(let n): return n.pos
        }
    }

    /// Node.String(): the node written back as template text (used in error contexts).
    var string: String {
        var s = ""
        write(to: &s)
        return s
    }

    func write(to s: inout String) {
        switch self {
        case .text(_, let t): s += t
        case .comment(_, let t): s += "{{" + t + "}}"
        case .action(_, _, let p): s += "{{"; GTNode.writePipe(p, to: &s); s += "}}"
        case .branch(let b):
            switch b.kind {
            case .ifNode: s += "{{if "
            case .rangeNode: s += "{{range "
            case .withNode: s += "{{with "
            }
            GTNode.writePipe(b.pipe, to: &s)
            s += "}}"
            for n in b.list.nodes { n.write(to: &s) }
            if let e = b.elseList {
                s += "{{else}}"
                for n in e.nodes { n.write(to: &s) }
            }
            s += "{{end}}"
        case .template(_, _, let name, let pipe):
            s += "{{template " + GoText.quote(name)
            if let p = pipe { s += " "; GTNode.writePipe(p, to: &s) }
            s += "}}"
        case .breakNode: s += "{{break}}"
        case .continueNode: s += "{{continue}}"
        case .list(let l): for n in l.nodes { n.write(to: &s) }
        case .pipe(let p): GTNode.writePipe(p, to: &s)
        case .command(let c): GTNode.writeCommand(c, to: &s)
        case .identifier(_, let name): s += name
        case .variable(let v): s += v.ident.joined(separator: ".")
        case .dot: s += "."
        case .nilNode: s += "nil"
        case .field(_, let ident): for id in ident { s += "." + id }
        case .chain(_, let node, let fields):
            if case .pipe(let p) = node { s += "("; GTNode.writePipe(p, to: &s); s += ")" } else { node.write(to: &s) }
            for f in fields { s += "." + f }
        case .bool(_, let v): s += v ? "true" : "false"
        case .number(let n): s += n.text
        case .string(_, let q, _): s += q
        case .end: s += "{{end}}"
        case .elseNode: s += "{{else}}"
        }
    }

    static func writePipe(_ p: GTPipe, to s: inout String) {
        if !p.decl.isEmpty {
            s += p.decl.map { $0.ident.joined(separator: ".") }.joined(separator: ", ")
            s += p.isAssign ? " = " : " := "
        }
        for (i, c) in p.cmds.enumerated() {
            if i > 0 { s += " | " }
            writeCommand(c, to: &s)
        }
    }

    static func writeCommand(_ c: GTCommand, to s: inout String) {
        for (i, a) in c.args.enumerated() {
            if i > 0 { s += " " }
            if case .pipe(let p) = a { s += "("; writePipe(p, to: &s); s += ")" } else { a.write(to: &s) }
        }
    }

    /// parse.IsEmptyTree: only whitespace text and comments.
    static func isEmptyTree(_ list: GTList) -> Bool {
        for n in list.nodes {
            switch n {
            case .comment: continue
            case .text(_, let t):
                if !t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return false }
            case .list(let l): if !isEmptyTree(l) { return false }
            default: return false
            }
        }
        return true
    }
}

// MARK: - Parser (text/template/parse/parse.go)

/// The functions a kubectl go-template can name: Go's builtins plus kubectl's two.
enum GTFuncs {
    static let names: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
        "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "exists", "base64decode",
    ]
}

struct GTParser {
    /// Per-tree parsing state (a parse.Tree during parsing); define and block bodies get
    /// their own while sharing the lexer.
    private struct TreeState {
        var name: String
        var token: [GTItem] = Array(repeating: GTItem(typ: .eof, pos: 0, val: "", line: 1), count: 3)
        var peekCount = 0
        var vars: [String] = ["$"]
        var actionLine = 0
        var rangeDepth = 0
        var stackDepth = 0
    }

    private var lex: GTLexer
    private var t: TreeState
    private let parseName: String
    private var treeSet: [String: GTList] = [:]
    /// Total nesting of parentheses and control structures, capped to protect the stack.
    private var nesting = 0
    private static let maxNesting = 200

    private init(text: String, name: String) {
        lex = GTLexer(text)
        t = TreeState(name: name)
        parseName = name
    }

    static func parse(_ text: String, name: String) throws -> [String: GTList] {
        var p = GTParser(text: text, name: name)
        let root = try p.parseTop()
        try p.add(name: name, root: root)
        return p.treeSet
    }

    // MARK: token buffer

    private mutating func next() -> GTItem {
        if t.peekCount > 0 {
            t.peekCount -= 1
        } else {
            t.token[0] = lex.nextItem()
        }
        return t.token[t.peekCount]
    }

    private mutating func backup() { t.peekCount += 1 }

    private mutating func backup2(_ t1: GTItem) {
        t.token[1] = t1
        t.peekCount = 2
    }

    private mutating func backup3(_ t2: GTItem, _ t1: GTItem) {
        t.token[1] = t1
        t.token[2] = t2
        t.peekCount = 3
    }

    private mutating func peek() -> GTItem {
        if t.peekCount > 0 { return t.token[t.peekCount - 1] }
        t.peekCount = 1
        t.token[0] = lex.nextItem()
        return t.token[0]
    }

    private mutating func nextNonSpace() -> GTItem {
        var token: GTItem
        repeat { token = next() } while token.typ == .space
        return token
    }

    private mutating func peekNonSpace() -> GTItem {
        let token = nextNonSpace()
        backup()
        return token
    }

    // MARK: errors

    private func errorf(_ message: String) -> GTError {
        GTError(message: "template: \(parseName):\(t.token[0].line): \(message)")
    }

    private mutating func expect(_ expected: GTItemType, _ context: String) throws -> GTItem {
        let token = nextNonSpace()
        if token.typ != expected { throw unexpected(token, context) }
        return token
    }

    private func unexpected(_ token: GTItem, _ context: String) -> GTError {
        if token.typ == .error {
            var extra = ""
            if t.actionLine != 0 && t.actionLine != token.line {
                extra = " in action started at \(parseName):\(t.actionLine)"
                if token.val.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return errorf("\(token.description)\(extra)")
        }
        return errorf("unexpected \(token.description) in \(context)")
    }

    // MARK: trees

    private mutating func add(name: String, root: GTList) throws {
        if let existing = treeSet[name], !GTNode.isEmptyTree(existing) {
            if !GTNode.isEmptyTree(root) {
                throw errorf("template: multiple definition of template \(GoText.quote(name))")
            }
            return
        }
        treeSet[name] = root
    }

    private mutating func parseTop() throws -> GTList {
        var root = GTList(pos: peek().pos)
        while peek().typ != .eof {
            if peek().typ == .leftDelim {
                let delim = next()
                if nextNonSpace().typ == .define {
                    let saved = t
                    t = TreeState(name: "definition")
                    defer { t = saved }
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: throw errorf("unexpected \(n.string)")
            default: root.nodes.append(n)
            }
        }
        return root
    }

    private mutating func parseDefinition() throws {
        let context = "define clause"
        let name = nextNonSpace()
        guard name.typ == .string || name.typ == .rawString else { throw unexpected(name, context) }
        guard let unquoted = GTParser.unquote(name.val) else { throw errorf("invalid syntax") }
        t.name = unquoted
        _ = try expect(.rightDelim, context)
        let (root, end) = try itemList()
        guard case .end = end else { throw errorf("unexpected \(end.string) in \(context)") }
        try add(name: t.name, root: root)
    }

    private mutating func itemList() throws -> (GTList, GTNode) {
        var list = GTList(pos: peekNonSpace().pos)
        while peekNonSpace().typ != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: return (list, n)
            default: list.nodes.append(n)
            }
        }
        throw errorf("unexpected EOF")
    }

    private mutating func textOrAction() throws -> GTNode {
        let token = nextNonSpace()
        switch token.typ {
        case .text:
            return .text(pos: token.pos, text: token.val)
        case .leftDelim:
            t.actionLine = token.line
            defer { t.actionLine = 0 }
            return try action()
        case .comment:
            return .comment(pos: token.pos, text: token.val)
        default:
            throw unexpected(token, "input")
        }
    }

    private mutating func action() throws -> GTNode {
        let token = nextNonSpace()
        switch token.typ {
        case .block: return try blockControl()
        case .breakKw: return try breakControl(token.pos, token.line)
        case .continueKw: return try continueControl(token.pos, token.line)
        case .elseKw: return try elseControl()
        case .end: return try endControl()
        case .ifKw: return try branchControl(.ifNode)
        case .range: return try branchControl(.rangeNode)
        case .template: return try templateControl()
        case .with: return try branchControl(.withNode)
        default: break
        }
        backup()
        let first = peek()
        // Do not pop variables; they persist until "end".
        return .action(pos: first.pos, line: first.line, pipe: try pipeline("command", end: .rightDelim))
    }

    private mutating func breakControl(_ pos: Int, _ line: Int) throws -> GTNode {
        let token = nextNonSpace()
        if token.typ != .rightDelim { throw unexpected(token, "{{break}}") }
        if t.rangeDepth == 0 { throw errorf("{{break}} outside {{range}}") }
        return .breakNode(pos: pos)
    }

    private mutating func continueControl(_ pos: Int, _ line: Int) throws -> GTNode {
        let token = nextNonSpace()
        if token.typ != .rightDelim { throw unexpected(token, "{{continue}}") }
        if t.rangeDepth == 0 { throw errorf("{{continue}} outside {{range}}") }
        return .continueNode(pos: pos)
    }

    private mutating func pipeline(_ context: String, end: GTItemType) throws -> GTPipe {
        let token = peekNonSpace()
        var pipe = GTPipe(pos: token.pos, line: token.line)
        // Are there declarations or assignments?
        decls: while true {
            let v = peekNonSpace()
            guard v.typ == .variable else { break decls }
            _ = next()
            // Since space is a token, we need 3-token look-ahead here in the worst case:
            // in "$x foo" we need to read "foo" (as opposed to ":=") to know that $x is an
            // argument variable rather than a declaration.
            let tokenAfterVariable = peek()
            let nxt = peekNonSpace()
            if nxt.typ == .assign || nxt.typ == .declare {
                pipe.isAssign = nxt.typ == .assign
                _ = nextNonSpace()
                pipe.decl.append(GTVariable(pos: v.pos, ident: v.val.components(separatedBy: ".")))
                t.vars.append(v.val)
            } else if nxt.typ == .char && nxt.val == "," {
                _ = nextNonSpace()
                pipe.decl.append(GTVariable(pos: v.pos, ident: v.val.components(separatedBy: ".")))
                t.vars.append(v.val)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().typ {
                    case .variable, .rightDelim, .rightParen:
                        continue decls // second initialized variable in a range pipeline
                    default:
                        throw errorf("range can only initialize variables")
                    }
                }
                throw errorf("too many declarations in \(context)")
            } else if tokenAfterVariable.typ == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            break decls
        }
        while true {
            let token = nextNonSpace()
            switch token.typ {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKw,
                 .rawString, .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    private func checkPipeline(_ pipe: GTPipe, _ context: String) throws {
        if pipe.cmds.isEmpty { throw errorf("missing value for \(context)") }
        // Only the first command of a pipeline can start with a non executable operand.
        for (i, c) in pipe.cmds.dropFirst().enumerated() {
            switch c.args.first {
            case .bool?, .dot?, .nilNode?, .number?, .string?:
                throw errorf("non executable command in pipeline stage \(i + 2)")
            default: break
            }
        }
    }

    private mutating func parseControl(_ context: String) throws -> (GTPipe, GTList, GTList?) {
        let varsMark = t.vars.count
        defer { t.vars.removeSubrange(min(varsMark, t.vars.count)...) }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > GTParser.maxNesting { throw errorf("max expression depth exceeded") }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { t.rangeDepth += 1 }
        var (list, next) = try itemList()
        if context == "range" { t.rangeDepth -= 1 }
        var elseList: GTList? = nil
        switch next {
        case .end: break
        case .elseNode:
            // "{{else if …" and "{{else with …" become an else list holding one if/with.
            if context == "if" && peek().typ == .ifKw {
                _ = self.next()
                elseList = GTList(pos: next.position, nodes: [try branchControl(.ifNode)])
            } else if context == "with" && peek().typ == .with {
                _ = self.next()
                elseList = GTList(pos: next.position, nodes: [try branchControl(.withNode)])
            } else {
                let (l, n) = try itemList()
                elseList = l
                next = n
                guard case .end = next else { throw errorf("expected end; found \(next.string)") }
            }
        default: break
        }
        return (pipe, list, elseList)
    }

    private mutating func branchControl(_ kind: GTBranch.Kind) throws -> GTNode {
        let context: String
        switch kind {
        case .ifNode: context = "if"
        case .rangeNode: context = "range"
        case .withNode: context = "with"
        }
        let (pipe, list, elseList) = try parseControl(context)
        return .branch(GTBranch(kind: kind, pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList))
    }

    private mutating func endControl() throws -> GTNode {
        .end(pos: try expect(.rightDelim, "end").pos)
    }

    private mutating func elseControl() throws -> GTNode {
        let p = peekNonSpace()
        if p.typ == .ifKw || p.typ == .with { return .elseNode(pos: p.pos, line: p.line) }
        let token = try expect(.rightDelim, "else")
        return .elseNode(pos: token.pos, line: token.line)
    }

    private mutating func blockControl() throws -> GTNode {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try parseTemplateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        // The block body is a tree of its own sharing the lexer.
        let parent = t
        t = TreeState(name: name)
        defer { t = parent }
        let (root, end) = try itemList()
        guard case .end = end else {
            let block = t
            t = parent // the complaint is the enclosing tree's
            defer { t = block }
            throw errorf("unexpected \(end.string) in \(context)")
        }
        try add(name: name, root: root)
        return .template(pos: token.pos, line: token.line, name: name, pipe: pipe)
    }

    private mutating func templateControl() throws -> GTNode {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try parseTemplateName(token, context)
        var pipe: GTPipe? = nil
        if nextNonSpace().typ != .rightDelim {
            backup()
            // Do not pop variables; they persist until "end".
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(pos: token.pos, line: token.line, name: name, pipe: pipe)
    }

    private func parseTemplateName(_ token: GTItem, _ context: String) throws -> String {
        switch token.typ {
        case .string, .rawString:
            guard let s = GTParser.unquote(token.val) else { throw errorf("invalid syntax") }
            return s
        default:
            throw unexpected(token, context)
        }
    }

    private mutating func command() throws -> GTCommand {
        var cmd = GTCommand(pos: peekNonSpace().pos)
        loop: while true {
            _ = peekNonSpace() // skip leading spaces.
            if let operand = try operand() { cmd.args.append(operand) }
            let token = next()
            switch token.typ {
            case .space: continue loop
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw errorf("empty command") }
        return cmd
    }

    private mutating func operand() throws -> GTNode? {
        guard let node = try term() else { return nil }
        if peek().typ == .field {
            let chainPos = peek().pos
            var fields: [String] = []
            while peek().typ == .field { fields.append(String(next().val.dropFirst())) }
            // Compatibility with the original API: fields after a field or variable extend it;
            // the chain keeps the position of its first added field.
            switch node {
            case .field(_, let ident):
                return .field(pos: chainPos, ident: ident + fields)
            case .variable(let v):
                return .variable(GTVariable(pos: chainPos, ident: v.ident + fields))
            case .bool, .string, .number, .nilNode, .dot:
                throw errorf("unexpected . after term \(GoText.quote(node.string))")
            default:
                return .chain(pos: chainPos, node: node, fields: fields)
            }
        }
        return node
    }

    private mutating func term() throws -> GTNode? {
        let token = nextNonSpace()
        switch token.typ {
        case .identifier:
            if !GTFuncs.names.contains(token.val) { throw errorf("function \(GoText.quote(token.val)) not defined") }
            return .identifier(pos: token.pos, name: token.val)
        case .dot:
            return .dot(pos: token.pos)
        case .nilKw:
            return .nilNode(pos: token.pos)
        case .variable:
            let ident = token.val.components(separatedBy: ".")
            if !t.vars.contains(ident[0]) { throw errorf("undefined variable \(GoText.quote(ident[0]))") }
            return .variable(GTVariable(pos: token.pos, ident: ident))
        case .field:
            return .field(pos: token.pos, ident: Array(token.val.dropFirst().components(separatedBy: ".")))
        case .bool:
            return .bool(pos: token.pos, value: token.val == "true")
        case .charConstant, .complex, .number:
            do {
                return .number(try GTParser.newNumber(pos: token.pos, text: token.val, typ: token.typ))
            } catch let e as GTFuncError {
                throw errorf(e.message)
            }
        case .leftParen:
            if t.stackDepth >= 10000 || nesting >= GTParser.maxNesting { throw errorf("max expression depth exceeded") }
            t.stackDepth += 1
            nesting += 1
            defer { t.stackDepth -= 1; nesting -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let s = GTParser.unquote(token.val) else { throw errorf("invalid syntax") }
            return .string(pos: token.pos, quoted: token.val, text: s)
        default:
            backup()
            return nil
        }
    }

    // MARK: literals

    /// strconv.Unquote for "…" and `…` strings; nil on invalid syntax.
    static func unquote(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count >= 2, let q = b.first, q == b.last else { return nil }
        let body = Array(b[1..<(b.count - 1)])
        if q == UInt8(ascii: "`") {
            if body.contains(UInt8(ascii: "`")) { return nil }
            return String(decoding: body.filter { $0 != 13 }, as: UTF8.self)
        }
        guard q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") else { return nil }
        if body.contains(10) { return nil }
        if !body.contains(UInt8(ascii: "\\")) && !body.contains(q) {
            if q == UInt8(ascii: "\"") { return String(decoding: body, as: UTF8.self) }
        }
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let (bytes, n) = JPParser.unquoteChar(body, i, quote: q) else { return nil }
            out.append(contentsOf: bytes)
            i += n
            if q == UInt8(ascii: "'") && i < body.count { return nil } // single char only
        }
        if q == UInt8(ascii: "'") && out.isEmpty { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// parse.newNumber: the value under every type that can represent it (Go's ideal constants).
    static func newNumber(pos: Int, text: String, typ: GTItemType) throws -> GTNumber {
        func errorf(_ m: String) -> GTFuncError { GTFuncError(message: m) }
        var n = GTNumber(pos: pos, text: text)
        if typ == .charConstant {
            let b = Array(text.utf8)
            guard b.count >= 2, let (bytes, len) = JPParser.unquoteChar(b, 1, quote: b[0]) else { throw errorf("invalid syntax") }
            if Array(b[(1 + len)...]) != [UInt8(ascii: "'")] { throw errorf("malformed character constant: \(text)") }
            let scalar: UInt32
            if bytes.count == 1 { scalar = UInt32(bytes[0]) } else { scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD }
            n.int64 = Int64(scalar); n.isInt = true
            n.uint64 = UInt64(scalar); n.isUint = true
            n.float64 = Double(scalar); n.isFloat = true
            return n
        }
        if typ == .complex {
            guard let c = parseComplex(text) else { throw errorf("expected integer") }
            n.isComplex = true
            n.complex = c
            simplifyComplex(&n)
            return n
        }
        // Imaginary constants can only be complex unless they are zero.
        if text.hasSuffix("i"), let f = GoStrconv.parseFloat(String(text.dropLast())) {
            n.isComplex = true
            n.complex = (0, f)
            simplifyComplex(&n)
            return n
        }
        // Do integer test first so we get 0x123 etc.
        let u = try? GoStrconv.parseUint(text, base: 0).get()
        if let u { n.isUint = true; n.uint64 = u }
        if let i = try? GoStrconv.parseInt(text, base: 0).get() {
            n.isInt = true
            n.int64 = i
            if i == 0 { n.isUint = true; n.uint64 = u ?? 0 } // in case of -0.
        }
        if n.isInt {
            n.isFloat = true
            n.float64 = Double(n.int64)
        } else if n.isUint {
            n.isFloat = true
            n.float64 = Double(n.uint64)
        } else if let f = GoStrconv.parseFloat(text) {
            // If we parsed it as a float but it looks like an integer,
            // it's a huge number too large to fit in an int. Reject it.
            if !text.contains(where: { ".eEpP".contains($0) }) { throw errorf("integer overflow: \(GoText.quote(text))") }
            n.isFloat = true
            n.float64 = f
            if !n.isInt, abs(f) < 9.2e18, Double(Int64(f)) == f { n.isInt = true; n.int64 = Int64(f) }
            if !n.isUint, f >= 0, f < 1.8e19, Double(UInt64(f)) == f { n.isUint = true; n.uint64 = UInt64(f) }
        }
        if !n.isInt && !n.isUint && !n.isFloat { throw errorf("illegal number syntax: \(GoText.quote(text))") }
        return n
    }

    private static func simplifyComplex(_ n: inout GTNumber) {
        n.isFloat = n.complex.im == 0
        if n.isFloat {
            let f = n.complex.re
            n.float64 = f
            n.isInt = abs(f) < 9.2e18 && Double(Int64(f)) == f
            if n.isInt { n.int64 = Int64(f) }
            n.isUint = f >= 0 && f < 1.8e19 && Double(UInt64(f)) == f
            if n.isUint { n.uint64 = UInt64(f) }
        }
    }

    /// `1+2i` style complex literals.
    private static func parseComplex(_ text: String) -> (Double, Double)? {
        let chars = Array(text)
        guard chars.last == "i" else { return nil }
        var split = -1
        for i in stride(from: chars.count - 2, to: 0, by: -1) where chars[i] == "+" || chars[i] == "-" {
            if chars[i - 1] != "e" && chars[i - 1] != "E" && chars[i - 1] != "p" && chars[i - 1] != "P" { split = i; break }
        }
        guard split > 0 else { return nil }
        guard let re = GoStrconv.parseFloat(String(chars[0..<split])),
              let im = GoStrconv.parseFloat(String(chars[split..<(chars.count - 1)])) else { return nil }
        return (re, im)
    }
}

// MARK: - Execution (text/template/exec.go and funcs.go)

/// Loop control out of a range body ({{break}} / {{continue}}).
private enum GTFlow { case normal, breakLoop, continueLoop }

/// The type a builtin declares for a parameter; it decides how arguments are checked.
private enum GTParam { case value, any, string }

final class GTExec {
    private let text: String
    private let trees: [String: GTList]
    private(set) var out = ""
    private var vars: [(name: String, value: GoValue)] = []
    private var node: GTNode? = nil
    private var tmplName = GoTemplate.name
    private var depth = 0

    private var nesting = 0

    /// Go stops template recursion at 100000 calls; we stop at 1000, and at 5000 nested
    /// walks overall, which keeps every execution within TemplateStack's stack.
    private static let maxExecDepth = 1000
    private static let maxNesting = 5000

    init(text: String, trees: [String: GTList]) {
        self.text = text
        self.trees = trees
    }

    func run(root data: GoValue) throws {
        vars = [("$", data)]
        guard let root = trees[GoTemplate.name] else {
            throw errorf("\(GoText.quote(GoTemplate.name)) is an incomplete or empty template")
        }
        _ = try walk(data, .list(root))
    }

    // MARK: errors

    private func at(_ n: GTNode) { node = n }

    /// state.errorf: "template: output:L:C: executing "NAME" at <NODE>: MESSAGE".
    private func errorf(_ message: String) -> GTError {
        guard let n = node else {
            return GTError(message: "template: \(tmplName): \(message)")
        }
        let pos = min(max(n.position, 0), text.utf8.count)
        let prefix = Array(text.utf8)[0..<pos]
        let lineNum = 1 + prefix.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        var byteNum = pos
        if let nl = prefix.lastIndex(of: 10) { byteNum = pos - (nl + 1) }
        return GTError(message: "template: \(GoTemplate.name):\(lineNum):\(byteNum): executing \(GoText.quote(tmplName)) at <\(n.string)>: \(message)")
    }

    // MARK: variables

    private func mark() -> Int { vars.count }
    private func pop(_ m: Int) { if m < vars.count { vars.removeSubrange(m...) } }

    private func setVar(_ name: String, _ value: GoValue) throws {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            vars[i].value = value
            return
        }
        throw errorf("undefined variable: \(name)")
    }

    private func setTopVar(_ n: Int, _ value: GoValue) { vars[vars.count - n].value = value }

    private func varValue(_ name: String) throws -> GoValue {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            return vars[i].value
        }
        throw errorf("undefined variable: \(name)")
    }

    // MARK: walk

    private func walk(_ dot: GoValue, _ n: GTNode) throws -> GTFlow {
        at(n)
        // Template recursion multiplies the parser's nesting limit; bound the total.
        nesting += 1
        defer { nesting -= 1 }
        if nesting > GTExec.maxNesting { throw errorf("exceeded maximum template depth (100000)") }
        switch n {
        case .action(_, _, let pipe):
            // Do not pop variables so they persist until next end; a declaration prints nothing.
            let val = try evalPipeline(dot, pipe)
            if pipe.decl.isEmpty { printValue(n, val) }
        case .breakNode: return .breakLoop
        case .continueNode: return .continueLoop
        case .comment: break
        case .branch(let b):
            switch b.kind {
            case .rangeNode: return try walkRange(dot, b, n)
            case .ifNode, .withNode: return try walkIfOrWith(b, dot)
            }
        case .list(let l):
            for child in l.nodes {
                let flow = try walk(dot, child)
                if flow != .normal { return flow }
            }
        case .template(_, _, let name, let pipe):
            try walkTemplate(dot, n, name, pipe)
        case .text(_, let t):
            out += t
        default:
            throw errorf("unknown node: \(n.string)")
        }
        return .normal
    }

    private func walkIfOrWith(_ b: GTBranch, _ dot: GoValue) throws -> GTFlow {
        let m = mark()
        defer { pop(m) }
        let val = try evalPipeline(dot, b.pipe)
        let truth = GTExec.isTrue(val.unwrapped)
        if truth {
            return try walk(b.kind == .withNode ? val : dot, .list(b.list))
        } else if let e = b.elseList {
            return try walk(dot, .list(e))
        }
        return .normal
    }

    /// isTrue: the zero value of its type is false; invalid (nil) is false.
    static func isTrue(_ v: GoValue) -> Bool {
        switch v.dynamic {
        case .null: return false
        case .bool(let b): return b
        case .int(let i, _): return i != 0
        case .float(let f): return f != 0
        case .complex(let r, let i): return r != 0 || i != 0
        case .string(let s): return !s.isEmpty
        case .map(let m): return !m.isEmpty
        case .slice(let a): return !a.isEmpty
        }
    }

    private func walkRange(_ dot: GoValue, _ r: GTBranch, _ node: GTNode) throws -> GTFlow {
        at(node)
        let outerMark = mark()
        defer { pop(outerMark) }
        let val = GTExec.indirect(try evalPipeline(dot, r.pipe)).0
        // mark top of stack before any variables in the body are pushed.
        let m = mark()
        func oneIteration(_ index: GoValue, _ elem: GoValue) throws -> Bool {
            if !r.pipe.decl.isEmpty {
                if r.pipe.isAssign {
                    // With two variables, index comes first. With one, we use the element.
                    if r.pipe.decl.count > 1 {
                        try setVar(r.pipe.decl[0].ident[0], index)
                    } else {
                        try setVar(r.pipe.decl[0].ident[0], elem)
                    }
                } else {
                    // Set top var (lexically the second if there are two) to the element.
                    setTopVar(1, elem)
                }
            }
            if r.pipe.decl.count > 1 {
                if r.pipe.isAssign {
                    try setVar(r.pipe.decl[1].ident[0], elem)
                } else {
                    // Set next var (lexically the first if there are two) to the index.
                    setTopVar(2, index)
                }
            }
            defer { pop(m) }
            let flow = try walk(elem, .list(r.list))
            return flow == .breakLoop
        }
        switch val {
        case .concrete(.slice(let a)) where !a.isEmpty:
            for (i, e) in a.enumerated() {
                if try oneIteration(.concrete(.int(Int64(i), .int)), .element(e)) { break }
            }
            return .normal
        case .concrete(.map(let o)) where !o.isEmpty:
            for k in GoText.sortedKeys(o) {
                if try oneIteration(.concrete(.string(k)), .element(o[k]!)) { break }
            }
            return .normal
        case .concrete(.slice), .concrete(.map), .invalid:
            break // An invalid value is likely a nil map, etc. and acts like an empty map.
        default:
            throw errorf("range can't iterate over \(GoFmt.v(val.dynamic))")
        }
        if let e = r.elseList { return try walk(dot, .list(e)) }
        return .normal
    }

    private func walkTemplate(_ dotIn: GoValue, _ node: GTNode, _ name: String, _ pipe: GTPipe?) throws {
        at(node)
        guard let tree = trees[name] else { throw errorf("template \(GoText.quote(name)) not defined") }
        if depth >= GTExec.maxExecDepth { throw errorf("exceeded maximum template depth (100000)") }
        // Variables declared by the pipeline persist.
        // Without a pipeline the template's dot is nothing at all.
        var dot = GoValue.invalid
        if let p = pipe { dot = try evalPipeline(dotIn, p) }
        let savedVars = vars, savedName = tmplName
        vars = [("$", dot)]
        tmplName = name
        depth += 1
        defer { vars = savedVars; tmplName = savedName; depth -= 1 }
        // No dynamic scoping: template invocations inherit no variables.
        _ = try walk(dot, .list(tree))
    }

    // MARK: pipelines and commands

    /// The pipeline's value, with declared variables pushed (callers pop them).
    private func evalPipeline(_ dot: GoValue, _ pipe: GTPipe) throws -> GoValue {
        at(.pipe(pipe))
        var value: GoValue? = nil // nil is Go's missingVal: no value flows in yet
        for cmd in pipe.cmds {
            // The previous value is this one's final argument; interfaces are unwrapped.
            value = try evalCommand(dot, cmd, value).unwrapped
        }
        let v = value ?? .invalid
        for variable in pipe.decl {
            if pipe.isAssign {
                try setVar(variable.ident[0], v)
            } else {
                vars.append((variable.ident[0], v))
            }
        }
        return v
    }

    private func notAFunction(_ args: [GTNode], _ final: GoValue?) throws {
        if args.count > 1 || final != nil {
            throw errorf("can't give argument to non-function \(args[0].string)")
        }
    }

    private func evalCommand(_ dot: GoValue, _ cmd: GTCommand, _ final: GoValue?) throws -> GoValue {
        let firstWord = cmd.args[0]
        switch firstWord {
        case .field(_, let ident):
            at(firstWord)
            return try evalFieldChain(dot, dot, firstWord, ident, cmd.args, final)
        case .chain(_, let inner, let fields):
            return try evalChainNode(dot, firstWord, inner, fields, cmd.args, final)
        case .identifier(_, let name):
            // Must be a function.
            at(firstWord)
            return try evalCall(dot, name, .command(cmd), cmd.args, final)
        case .pipe(let p):
            // Parenthesized pipeline. The arguments are all inside the pipeline; final must be absent.
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(let v):
            return try evalVariableNode(dot, firstWord, v, cmd.args, final)
        default:
            break
        }
        at(firstWord)
        try notAFunction(cmd.args, final)
        switch firstWord {
        case .bool(_, let b): return .concrete(.bool(b))
        case .dot: return dot
        case .nilNode: throw errorf("nil is not a command")
        case .number(let n): return try idealConstant(n, firstWord)
        case .string(_, _, let s): return .concrete(.string(s))
        default: throw errorf("can't evaluate command \(GoText.quote(firstWord.string))")
        }
    }

    /// A number literal with no type context: the syntax decides (Go's ideal constants).
    private func idealConstant(_ c: GTNumber, _ node: GTNode) throws -> GoValue {
        at(node)
        if c.isComplex { return .concrete(.complex(c.complex.re, c.complex.im)) }
        let isHexInt = c.text.count > 2 && c.text.hasPrefix("0") && (c.text.dropFirst().first == "x" || c.text.dropFirst().first == "X")
            && !c.text.contains(where: { $0 == "p" || $0 == "P" })
        let isRuneInt = c.text.hasPrefix("'")
        if c.isFloat && !isHexInt && !isRuneInt && c.text.contains(where: { ".eEpP".contains($0) }) {
            return .concrete(.float(c.float64))
        }
        if c.isInt { return .concrete(.int(c.int64, .int)) }
        if c.isUint { throw errorf("\(c.text) overflows int") }
        return .invalid
    }

    private func evalChainNode(_ dot: GoValue, _ chain: GTNode, _ inner: GTNode, _ fields: [String], _ args: [GTNode], _ final: GoValue?) throws -> GoValue {
        at(chain)
        if fields.isEmpty { throw errorf("internal error: no fields in evalChainNode") }
        if case .nilNode = inner { throw errorf("indirection through explicit nil in \(chain.string)") }
        // (pipe).Field1.Field2 has pipe as .Node, fields as .Field. Eval the pipeline, then the fields.
        let pipe = try evalArg(dot, nil, inner)
        return try evalFieldChain(dot, pipe, chain, fields, args, final)
    }

    private func evalVariableNode(_ dot: GoValue, _ node: GTNode, _ v: GTVariable, _ args: [GTNode], _ final: GoValue?) throws -> GoValue {
        // $x.Field has $x as the first ident, Field as the second. Eval the var, then the fields.
        at(node)
        let value = try varValue(v.ident[0])
        if v.ident.count == 1 {
            try notAFunction(args, final)
            return value
        }
        return try evalFieldChain(dot, value, node, Array(v.ident.dropFirst()), args, final)
    }

    private func evalFieldChain(_ dot: GoValue, _ receiverIn: GoValue, _ node: GTNode, _ ident: [String], _ args: [GTNode], _ final: GoValue?) throws -> GoValue {
        var receiver = receiverIn
        for name in ident.dropLast() {
            receiver = try evalField(name, node, [], nil, receiver)
        }
        // Now if it's a method, it gets the arguments.
        return try evalField(ident[ident.count - 1], node, args, final, receiver)
    }

    /// indirect: look through the interface; reports a nil interface.
    static func indirect(_ v: GoValue) -> (GoValue, Bool) {
        switch v {
        case .iface(.null): return (v, true)
        case .iface(let d): return (.concrete(d), false)
        default: return (v, false)
        }
    }

    private func evalField(_ fieldName: String, _ node: GTNode, _ args: [GTNode], _ final: GoValue?, _ receiverIn: GoValue) throws -> GoValue {
        if !receiverIn.isValid { return .invalid } // missingkey=default: a missing map key stays invalid
        let typ = receiverIn.typeName
        let (receiver, isNil) = GTExec.indirect(receiverIn)
        if isNil { throw errorf("nil pointer evaluating \(typ).\(fieldName)") }
        let hasArgs = args.count > 1 || final != nil
        if case .concrete(.map(let m)) = receiver {
            if hasArgs { throw errorf("\(fieldName) is not a method but has arguments") }
            if let e = m[fieldName] { return .element(e) }
            return .invalid
        }
        throw errorf("can't evaluate field \(fieldName) in type \(typ)")
    }

    // MARK: arguments

    /// validateType: is the value assignable to the parameter type? Returns what the
    /// function receives; for `.value` parameters the value is passed through untouched.
    private func validateType(_ value: GoValue, _ typ: GTParam?) throws -> GoValue {
        guard let typ else { return value }
        if !value.isValid {
            switch typ {
            case .value: return .invalid
            case .any: return .iface(.null)
            case .string: throw errorf("invalid value; expected string")
            }
        }
        switch typ {
        case .value, .any:
            return value
        case .string:
            switch value {
            case .concrete(.string): return value
            case .iface(.string(let s)): return .concrete(.string(s))
            default:
                let got: String
                if case .iface(let d) = value, case .null = d { got = "interface {}" } else { got = value.dynamic.typeName }
                throw errorf("wrong type for value; expected string; got \(got)")
            }
        }
    }

    private func evalArg(_ dot: GoValue, _ typ: GTParam?, _ n: GTNode) throws -> GoValue {
        at(n)
        switch n {
        case .dot:
            return try validateType(dot, typ)
        case .nilNode:
            switch typ {
            case .value?: return .invalid
            case .any?: return .iface(.null)
            default: throw errorf("cannot assign nil to \(typ == .string ? "string" : "<nil>")")
            }
        case .field(_, let ident):
            at(n)
            return try validateType(try evalFieldChain(dot, dot, n, ident, [n], nil), typ)
        case .variable(let v):
            return try validateType(try evalVariableNode(dot, n, v, [], nil), typ)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot, p), typ)
        case .identifier(_, let name):
            at(n)
            return try validateType(try evalCall(dot, name, n, [], nil), typ)
        case .chain(_, let inner, let fields):
            return try validateType(try evalChainNode(dot, n, inner, fields, [], nil), typ)
        default:
            break
        }
        switch typ {
        case .string?:
            if case .string(_, _, let s) = n { return .concrete(.string(s)) }
            throw errorf("expected string; found \(n.string)")
        case .value?, .any?:
            return try evalEmptyInterface(dot, n)
        case nil:
            // Go would dereference a nil type here; only reachable through malformed chains.
            throw errorf("can't handle \(n.string) for arg of type <nil>")
        }
    }

    private func evalEmptyInterface(_ dot: GoValue, _ n: GTNode) throws -> GoValue {
        at(n)
        switch n {
        case .bool(_, let b): return .concrete(.bool(b))
        case .dot: return dot
        case .field(_, let ident): return try evalFieldChain(dot, dot, n, ident, [], nil)
        case .identifier(_, let name): return try evalCall(dot, name, n, [], nil)
        case .nilNode: throw errorf("evalEmptyInterface: nil (can't happen)")
        case .number(let num): return try idealConstant(num, n)
        case .string(_, _, let s): return .concrete(.string(s))
        case .variable(let v): return try evalVariableNode(dot, n, v, [], nil)
        case .pipe(let p): return try evalPipeline(dot, p)
        default: throw errorf("can't handle assignment of \(n.string) to empty interface argument")
        }
    }

    // MARK: calls

    /// Parameter lists of the builtins: (fixed, variadic element type or nil).
    private static func signature(_ name: String) -> (fixed: [GTParam], variadic: GTParam?) {
        switch name {
        case "and", "or", "call", "index", "slice", "eq": return ([.value], .value)
        case "html", "js", "urlquery", "print", "println": return ([], .any)
        case "printf": return ([.string], .any)
        case "len", "not": return ([.value], nil)
        case "ne", "lt", "le", "gt", "ge": return ([.value, .value], nil)
        case "exists": return ([.any], .any)
        case "base64decode": return ([.string], nil)
        default: return ([], nil)
        }
    }

    private func evalCall(_ dot: GoValue, _ name: String, _ node: GTNode, _ argNodes: [GTNode], _ final: GoValue?) throws -> GoValue {
        let args = Array(argNodes.dropFirst()) // Zeroth arg is the function name.
        let sig = GTExec.signature(name)
        let numIn = args.count + (final != nil ? 1 : 0)
        let numParams = sig.fixed.count + (sig.variadic != nil ? 1 : 0)
        var numFixed = args.count
        if sig.variadic != nil {
            numFixed = sig.fixed.count
            if numIn < numFixed {
                throw errorf("wrong number of args for \(name): want at least \(sig.fixed.count) got \(args.count)")
            }
        } else if numIn != numParams {
            throw errorf("wrong number of args for \(name): want \(numParams) got \(numIn)")
        }

        // and/or short-circuit: return the first decisive argument, or the last one.
        if name == "and" || name == "or" {
            var v = GoValue.invalid
            for arg in args {
                v = try evalArg(dot, .value, arg)
                if GTExec.isTrue(v.unwrapped) == (name == "or") { return v }
            }
            if let f = final { v = try validateType(f, .value) }
            return v
        }

        var argv: [GoValue] = []
        var i = 0
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot, sig.fixed[i], args[i]))
            i += 1
        }
        if let elem = sig.variadic {
            while i < args.count {
                argv.append(try evalArg(dot, elem, args[i]))
                i += 1
            }
        }
        if let f = final {
            var t: GTParam = sig.variadic ?? sig.fixed[sig.fixed.count - 1]
            if sig.variadic != nil && numIn - 1 < numFixed { t = sig.fixed[numIn - 1] }
            argv.append(try validateType(f, t))
        }
        do {
            return try GTBuiltins.call(name, argv, calleeName: args.first?.string ?? "")
        } catch let e as GTFuncError {
            at(node)
            throw errorf("error calling \(name): \(e.message)")
        }
    }

    private func printValue(_ n: GTNode, _ v: GoValue) {
        at(n)
        if !v.isValid { out += "<no value>"; return }
        out += GoFmt.v(v.dynamic)
    }
}

// MARK: - Builtin functions

struct GTFuncError: Error { let message: String }

enum GTBuiltins {
    static func call(_ name: String, _ argv: [GoValue], calleeName: String) throws -> GoValue {
        switch name {
        case "html": return .concrete(.string(htmlEscape(evalArgs(argv))))
        case "js": return .concrete(.string(jsEscape(evalArgs(argv))))
        case "urlquery": return .concrete(.string(queryEscape(evalArgs(argv))))
        case "print": return .concrete(.string(GoFmt.sprint(argv.map(\.dynamic))))
        case "println": return .concrete(.string(GoFmt.sprintln(argv.map(\.dynamic))))
        case "printf":
            guard case .string(let f) = argv[0].dynamic else { return .concrete(.string("")) }
            return .concrete(.string(GoFmt.sprintf(f, argv.dropFirst().map(\.dynamic))))
        case "len": return try length(argv[0])
        case "not": return .concrete(.bool(!GTExec.isTrue(argv[0].unwrapped)))
        case "index": return try index(argv[0], Array(argv.dropFirst()))
        case "slice": return try slice(argv[0], Array(argv.dropFirst()))
        case "eq": return .concrete(.bool(try eq(argv[0], Array(argv.dropFirst()))))
        case "ne": return .concrete(.bool(!(try eq(argv[0], [argv[1]]))))
        case "lt": return .concrete(.bool(try lt(argv[0], argv[1])))
        case "le": return .concrete(.bool(try le(argv[0], argv[1])))
        case "gt": return .concrete(.bool(!(try le(argv[0], argv[1]))))
        case "ge": return .concrete(.bool(!(try lt(argv[0], argv[1]))))
        case "call":
            // Data decoded from JSON never holds functions.
            let fn = argv[0].unwrapped
            if !fn.isValid { throw GTFuncError(message: "call of nil") }
            throw GTFuncError(message: "non-function \(calleeName) of type \(fn.typeName)")
        case "exists": return .concrete(.bool(exists(argv[0].dynamic, argv.dropFirst().map(\.dynamic))))
        case "base64decode":
            guard case .string(let s) = argv[0].dynamic else { return .concrete(.string("")) }
            return .concrete(.string(try base64decode(s)))
        default:
            throw GTFuncError(message: "\(GoText.quote(name)) is not a defined function")
        }
    }

    /// evalArgs: one string argument as is; otherwise fmt.Sprint with missing values
    /// shown as "<no value>".
    static func evalArgs(_ argv: [GoValue]) -> String {
        if argv.count == 1, case .string(let s) = argv[0].dynamic { return s }
        var parts: [GoDynamic] = []
        for a in argv {
            if case .null = a.dynamic { parts.append(.string("<no value>")) } else { parts.append(a.dynamic) }
        }
        return GoFmt.sprint(parts)
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\0": out += "\u{FFFD}"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func jsEscape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<": out += "\\u003C"
            case ">": out += "\\u003E"
            case "&": out += "\\u0026"
            case "=": out += "\\u003D"
            default:
                if u.value < 0x20 {
                    out += "\\u00" + GoText.hex(u.value, width: 2, upper: true)
                } else if u.value < 0x80 || GoText.isPrint(u) {
                    out.unicodeScalars.append(u)
                } else {
                    out += "\\u" + GoText.hex(u.value, width: 4, upper: true)
                }
            }
        }
        return out
    }

    /// url.QueryEscape.
    static func queryEscape(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + GoText.hex(UInt32(b), width: 2, upper: true)
            }
        }
        return out
    }

    private static func length(_ item: GoValue) throws -> GoValue {
        let (v, isNil) = GTExec.indirect(item)
        if isNil { throw GTFuncError(message: "len of nil pointer") }
        switch v {
        case .invalid: throw GTFuncError(message: "reflect: call of reflect.Value.Type on zero Value")
        case .concrete(.slice(let a)): return .concrete(.int(Int64(a.count), .int))
        case .concrete(.map(let m)): return .concrete(.int(Int64(m.count), .int))
        case .concrete(.string(let s)): return .concrete(.int(Int64(s.utf8.count), .int))
        default: throw GTFuncError(message: "len of type \(v.typeName)")
        }
    }

    /// indexArg: an integer index within [0, cap].
    private static func indexArg(_ index: GoValue, cap: Int) throws -> Int {
        let x: Int64
        switch index {
        case .concrete(.int(let v, _)): x = v
        case .invalid: throw GTFuncError(message: "cannot index slice/array with nil")
        default: throw GTFuncError(message: "cannot index slice/array with type \(index.typeName)")
        }
        if x < 0 || x > Int64(cap) { throw GTFuncError(message: "index out of range: \(x)") }
        return Int(x)
    }

    private static func index(_ itemIn: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        var item = itemIn.unwrapped
        if !item.isValid { throw GTFuncError(message: "index of untyped nil") }
        for idx in indexes {
            let index = idx.unwrapped
            let (v, isNil) = GTExec.indirect(item)
            if isNil { throw GTFuncError(message: "index of nil pointer") }
            switch v {
            case .concrete(.slice(let a)):
                let x = try indexArg(index, cap: a.count)
                if x == a.count { throw GTFuncError(message: "reflect: slice index out of range") }
                item = .element(a[x])
            case .concrete(.string(let s)):
                let bytes = Array(s.utf8)
                let x = try indexArg(index, cap: bytes.count)
                if x == bytes.count { throw GTFuncError(message: "reflect: string index out of range") }
                item = .concrete(.int(Int64(bytes[x]), .uint8))
            case .concrete(.map(let m)):
                let key: String
                switch index {
                case .concrete(.string(let k)): key = k
                case .invalid: throw GTFuncError(message: "value is nil; should be of type string")
                default: throw GTFuncError(message: "value has type \(index.typeName); should be string")
                }
                if let e = m[key] { item = .element(e) } else { item = .iface(.null) }
            default:
                throw GTFuncError(message: "can't index item of type \(v.typeName)")
            }
        }
        return item
    }

    private static func slice(_ itemIn: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        let item = itemIn.unwrapped
        if !item.isValid { throw GTFuncError(message: "slice of untyped nil") }
        if indexes.count > 3 { throw GTFuncError(message: "too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .concrete(.string(let s)):
            if indexes.count == 3 { throw GTFuncError(message: "cannot 3-index slice a string") }
            count = s.utf8.count
        case .concrete(.slice(let a)):
            count = a.count
        default:
            throw GTFuncError(message: "can't slice item of type \(item.typeName)")
        }
        var idx = [0, count, 0]
        for (i, index) in indexes.enumerated() {
            idx[i] = try indexArg(index.unwrapped, cap: count)
        }
        if idx[0] > idx[1] { throw GTFuncError(message: "invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] {
            throw GTFuncError(message: "invalid slice index: \(idx[1]) > \(idx[2])")
        }
        switch item {
        case .concrete(.string(let s)):
            return .concrete(.string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self)))
        case .concrete(.slice(let a)):
            return .concrete(.slice(Array(a[idx[0]..<idx[1]])))
        default:
            return item
        }
    }

    // Comparison (funcs.go as in Go 1.23).

    private enum Kind { case invalid, bool, complex, int, float, string, uint }

    private static func basicKind(_ v: GoValue) -> Kind {
        switch v {
        case .concrete(.bool): return .bool
        case .concrete(.int(_, .uint8)): return .uint
        case .concrete(.int): return .int
        case .concrete(.float): return .float
        case .concrete(.complex): return .complex
        case .concrete(.string): return .string
        default: return .invalid
        }
    }

    private static let errBadComparisonType = GTFuncError(message: "invalid type for comparison")
    private static let errBadComparison = GTFuncError(message: "incompatible types for comparison")

    private static func eq(_ a1: GoValue, _ rest: [GoValue]) throws -> Bool {
        let arg1 = a1.unwrapped
        if rest.isEmpty { throw GTFuncError(message: "missing argument for comparison") }
        let k1 = basicKind(arg1)
        for a in rest {
            let arg = a.unwrapped
            let k2 = basicKind(arg)
            var truth = false
            if k1 != k2 {
                switch (k1, k2, arg1.dynamic, arg.dynamic) {
                case (.int, .uint, .int(let x, _), .int(let y, _)), (.uint, .int, .int(let x, _), .int(let y, _)):
                    truth = x == y
                default:
                    if arg1.isValid && arg.isValid { throw errBadComparison }
                }
            } else {
                switch (arg1.dynamic, arg.dynamic) {
                case (.bool(let x), .bool(let y)) where k1 == .bool: truth = x == y
                case (.int(let x, _), .int(let y, _)) where k1 == .int || k1 == .uint: truth = x == y
                case (.float(let x), .float(let y)) where k1 == .float: truth = x == y
                case (.string(let x), .string(let y)) where k1 == .string: truth = x == y
                case (.complex(let r1, let i1), .complex(let r2, let i2)) where k1 == .complex: truth = r1 == r2 && i1 == i2
                default:
                    // Maps, slices and nil: comparable only to nil.
                    if arg1.isValid && arg.isValid && kindName(arg1) != kindName(arg) {
                        throw GTFuncError(message: "non-comparable types \(sprintS(arg1)): \(arg1.typeName), \(arg.typeName): \(GoFmt.v(arg.dynamic))")
                    }
                    if !arg1.isValid || !arg.isValid {
                        truth = arg1.isValid == arg.isValid
                    } else {
                        throw GTFuncError(message: "non-comparable type \(sprintS(arg)): \(arg.typeName)")
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    private static func kindName(_ v: GoValue) -> String { v.dynamic.typeName }

    /// `%s` of a value (as Go prints a reflect.Value argument with %s).
    private static func sprintS(_ v: GoValue) -> String { GoFmt.sprintf("%s", [v.dynamic]) }

    private static func lt(_ a1: GoValue, _ a2: GoValue) throws -> Bool {
        let arg1 = a1.unwrapped, arg2 = a2.unwrapped
        let k1 = basicKind(arg1)
        if k1 == .invalid { throw errBadComparisonType }
        let k2 = basicKind(arg2)
        if k2 == .invalid { throw errBadComparisonType }
        if k1 != k2 {
            switch (k1, k2, arg1.dynamic, arg2.dynamic) {
            case (.int, .uint, .int(let x, _), .int(let y, _)), (.uint, .int, .int(let x, _), .int(let y, _)):
                return x < y
            default:
                throw errBadComparison
            }
        }
        switch (arg1.dynamic, arg2.dynamic) {
        case (.int(let x, _), .int(let y, _)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return GoText.less(x, y)
        default: throw errBadComparisonType
        }
    }

    private static func le(_ a1: GoValue, _ a2: GoValue) throws -> Bool {
        if try lt(a1, a2) { return true }
        return try eq(a1, [a2])
    }

    /// kubectl's `exists`: whether `index item indices…` would find a non-nil value.
    static func exists(_ item: GoDynamic, _ indices: [GoDynamic]) -> Bool {
        var v: GoValue = { if case .null = item { return .invalid }; return .concrete(item) }()
        for i in indices {
            let (cur, isNil) = GTExec.indirect(v)
            if isNil { return false }
            switch cur {
            case .concrete(.slice(let a)):
                guard case .int(let x, _) = i, x >= 0, x < Int64(a.count) else { return false }
                v = .element(a[Int(x)])
            case .concrete(.string(let s)):
                let bytes = Array(s.utf8)
                guard case .int(let x, _) = i, x >= 0, x < Int64(bytes.count) else { return false }
                v = .concrete(.int(Int64(bytes[Int(x)]), .uint8))
            case .concrete(.map(let m)):
                let key: String
                switch i {
                case .null: key = ""
                case .string(let k): key = k
                default: return false
                }
                v = m[key].map { .element($0) } ?? .iface(.null)
            default:
                return false
            }
        }
        return !GTExec.indirect(v).1
    }

    /// base64.StdEncoding.DecodeString with Go's error offsets; kubectl wraps the error.
    static func base64decode(_ s: String) throws -> String {
        let src = Array(s.utf8)
        func value(_ c: UInt8) -> UInt32? {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 48 + 52)
            case UInt8(ascii: "+"): return 62
            case UInt8(ascii: "/"): return 63
            default: return nil
            }
        }
        func corrupt(_ at: Int) -> GTFuncError {
            GTFuncError(message: "base64 decode failed: illegal base64 data at input byte \(at)")
        }
        var out: [UInt8] = []
        var si = 0
        while si < src.count {
            // decodeQuantum
            var dbuf: [UInt32] = [0, 0, 0, 0]
            var dlen = 4
            var j = 0
            var trailingError: Int? = nil
            quantum: while j < 4 {
                if si == src.count {
                    if j == 0 { return String(decoding: out, as: UTF8.self) }
                    throw corrupt(si - j) // padding required
                }
                let c = src[si]
                si += 1
                if let v = value(c) {
                    dbuf[j] = v
                    j += 1
                    continue
                }
                if c == 10 || c == 13 { continue }
                if c != UInt8(ascii: "=") { throw corrupt(si - 1) }
                // We've reached the end and there's padding.
                switch j {
                case 0, 1:
                    throw corrupt(si - 1)
                case 2:
                    while si < src.count && (src[si] == 10 || src[si] == 13) { si += 1 }
                    if si == src.count { throw corrupt(src.count) }
                    if src[si] != UInt8(ascii: "=") { throw corrupt(si - 1) }
                    si += 1
                default:
                    break
                }
                while si < src.count && (src[si] == 10 || src[si] == 13) { si += 1 }
                if si < src.count { trailingError = si }
                dlen = j
                break quantum
            }
            let val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3]
            let bytes = [UInt8((val >> 16) & 0xff), UInt8((val >> 8) & 0xff), UInt8(val & 0xff)]
            out.append(contentsOf: bytes.prefix(dlen - 1))
            if let t = trailingError { throw corrupt(t) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
