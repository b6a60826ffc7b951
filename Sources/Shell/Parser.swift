/// Tokenizer and recursive-descent parser for the bash subset learners paste from
/// Kubernetes tutorials.
///
/// Parsing is incremental the way an interactive bash reads: `parseCompleteCommand()` returns
/// one newline-terminated command list (with the bodies of its here-documents). When the
/// input stops in the middle of a construct (open quote, `for` without `done`, trailing `|`,
/// `&&` or `\`, here-document without its delimiter…) it throws `ParseError.incomplete`
/// unless the input is final (`atEOF`), in which case bash's end-of-file errors are raised.

enum ParseError: Error, Equatable {
    /// More lines are needed (the caller shows the `> ` prompt).
    case incomplete
    /// A message bash prints after `bash: `, e.g. "syntax error near unexpected token `fi'".
    case syntax(String)
}

enum Token: Equatable {
    case word(Word)
    case op(String)
    case redirect(fd: Int?, op: String)
    case newline
    case eof

    /// The token as bash names it in "unexpected token" messages.
    var display: String {
        switch self {
        case .word(let w): return w.raw
        case .op(let s): return s
        case .redirect(let fd, let op): return (fd.map(String.init) ?? "") + op
        case .newline: return "newline"
        case .eof: return "end of file"
        }
    }
}

private typealias Scalar = Unicode.Scalar

private extension Unicode.Scalar {
    var isBlank: Bool { self == " " || self == "\t" }
    var isNameStart: Bool { (self >= "a" && self <= "z") || (self >= "A" && self <= "Z") || self == "_" }
    var isNameChar: Bool { isNameStart || isDigit }
    var isDigit: Bool { self >= "0" && self <= "9" }
    /// Characters that end an unquoted word.
    var isMeta: Bool {
        switch self {
        case " ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")": return true
        default: return false
        }
    }
}

func isValidName(_ s: String) -> Bool {
    guard let f = s.unicodeScalars.first, f.isNameStart else { return false }
    return s.unicodeScalars.allSatisfy { $0.isNameChar }
}

final class Lexer {
    private let chars: [Unicode.Scalar]
    private(set) var pos = 0
    /// True when no more input will follow (a script's end, not a line's end).
    let atEOF: Bool
    /// Line number of `chars[0]` in the session (for here-document warnings).
    let firstLine: Int
    private var pendingHereDocs: [HereDoc] = []
    /// At the end of final input, one newline is implied (as bash reads `-c` strings).
    private var impliedNewlineSent = false
    /// Nesting of `$(`, `${` and quotes being scanned (bounded, see Parser.maxDepth).
    private var nesting = 0
    /// Warnings bash prints while parsing (a here-document closed by end of file).
    var warnings: [String] = []

    init(_ text: String, atEOF: Bool, firstLine: Int = 1, nesting: Int = 0) {
        self.chars = Array(text.unicodeScalars)
        self.atEOF = atEOF
        self.firstLine = firstLine
        self.nesting = nesting
    }

    var isAtEnd: Bool { pos >= chars.count }
    var count: Int { chars.count }

    private func peekChar(_ offset: Int = 0) -> Scalar? {
        let i = pos + offset
        return i < chars.count ? chars[i] : nil
    }

    private var currentLine: Int {
        firstLine + chars[..<min(pos, chars.count)].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    /// The rest of the current physical line is skipped (error recovery).
    func skipLine() {
        pos = min(pos, chars.count)
        while pos < chars.count, chars[pos] != "\n" { pos += 1 }
        if pos < chars.count { pos += 1 }
        pendingHereDocs.removeAll()
    }

    func registerHereDoc(_ h: HereDoc) { pendingHereDocs.append(h) }

    private func eofError(_ closing: String) -> ParseError {
        atEOF ? .syntax("unexpected EOF while looking for matching `\(closing)'") : .incomplete
    }

    // MARK: Tokens

    func nextToken() throws -> Token {
        // Blanks, line continuations, comments.
        while let c = peekChar() {
            if c.isBlank { pos += 1; continue }
            if c == "\\" && peekChar(1) == "\n" { pos += 2; continue }
            if c == "\\" && peekChar(1) == nil && !atEOF { throw ParseError.incomplete }
            if c == "#" {
                while let d = peekChar(), d != "\n" { pos += 1 }
                continue
            }
            break
        }
        guard let c = peekChar() else {
            if atEOF && !impliedNewlineSent && !chars.isEmpty && chars.last != "\n" {
                impliedNewlineSent = true
                let line = currentLine
                if !pendingHereDocs.isEmpty { try readHereDocBodies(startLine: line) }
                return .newline
            }
            if !pendingHereDocs.isEmpty {
                if !atEOF { throw ParseError.incomplete }
                for h in pendingHereDocs where !h.filled {
                    warnings.append("warning: here-document at line \(currentLine) delimited by end-of-file (wanted `\(h.delimiter)')")
                    h.body = []
                    h.filled = true
                }
                pendingHereDocs.removeAll()
            }
            return .eof
        }
        if c == "\n" {
            if pendingHereDocs.isEmpty {
                pos += 1
            } else {
                let line = currentLine
                pos += 1
                try readHereDocBodies(startLine: line)
            }
            return .newline
        }
        // IO number: digits directly followed by < or >.
        if c.isDigit {
            var j = pos
            while j < chars.count, chars[j].isDigit { j += 1 }
            if j < chars.count, chars[j] == "<" || chars[j] == ">", j - pos < 5,
               !(chars[j] == "<" && j + 1 < chars.count && chars[j + 1] == "(") {
                let fd = Int(String(String.UnicodeScalarView(chars[pos..<j]))) ?? 0
                pos = j
                guard case .redirect(_, let op) = try lexOperator() else { throw ParseError.syntax("syntax error") }
                return .redirect(fd: fd, op: op)
            }
        }
        if c == "<" && peekChar(1) == "(" {
            return .word(try lexWord())
        }
        if c.isMeta { return try lexOperator() }
        return .word(try lexWord())
    }

    private func lexOperator() throws -> Token {
        let ops: [(String, Bool)] = [  // (text, isRedirection), longest first
            ("&>>", true), ("<<<", true), ("<<-", true),
            ("&&", false), ("&>", true), ("||", false), ("|&", false), (";;", false), ("((", false),
            ("<<", true), ("<&", true), ("<>", true), (">>", true), (">&", true), (">|", true),
            ("&", false), ("|", false), (";", false), ("(", false), (")", false), ("<", true), (">", true),
        ]
        for (text, isRedir) in ops {
            let s = Array(text.unicodeScalars)
            if pos + s.count <= chars.count, Array(chars[pos..<pos + s.count]) == s {
                pos += s.count
                return isRedir ? .redirect(fd: nil, op: text) : .op(text)
            }
        }
        let c = chars[pos]
        pos += 1
        return .op(String(c))
    }

    // MARK: Words

    /// Reads one word at the current position (caller guarantees it starts a word).
    func lexWord() throws -> Word {
        let start = pos
        var parts: [WordPart] = []
        var lit = ""
        var quoted = ""
        func flushLit() { if !lit.isEmpty { parts.append(.literal(lit)); lit = "" } }
        func flushQuoted() { if !quoted.isEmpty { parts.append(.quoted(quoted)); quoted = "" } }
        func flush() { flushLit(); flushQuoted() }

        // Leading tilde.
        if peekChar() == "~" {
            let next = peekChar(1)
            if next == nil || next == "/" || next!.isMeta {
                pos += 1
                parts.append(.tilde(""))
            }
        }

        while let c = peekChar() {
            if c == "<" && peekChar(1) == "(" && pos == start {
                pos += 2
                flush()
                parts.append(.processSubstitution(try scanParenthesized(closing: ")")))
                continue
            }
            if c.isMeta { break }
            switch c {
            case "\\":
                guard let n = peekChar(1) else {
                    if !atEOF { throw ParseError.incomplete }
                    pos += 1
                    flushLit(); quoted.unicodeScalars.append("\\")
                    continue
                }
                pos += 2
                if n == "\n" { continue }
                flushLit(); quoted.unicodeScalars.append(n)
            case "'":
                pos += 1
                let s = try lexSingleQuoted()
                flushLit(); quoted += s
            case "\"":
                pos += 1
                flush()
                parts.append(.doubleQuoted(try lexDoubleQuoted()))
            case "$":
                if peekChar(1) == "'" {
                    pos += 2
                    flushLit(); quoted += try lexANSIC()
                } else if peekChar(1) == "\"" {
                    pos += 2
                    flush()
                    parts.append(.doubleQuoted(try lexDoubleQuoted()))
                } else {
                    pos += 1
                    if let p = try lexDollar() {
                        flush(); parts.append(p)
                    } else {
                        flushQuoted(); lit += "$"
                    }
                }
            case "`":
                pos += 1
                flush()
                parts.append(.commandSubstitution(try lexBacktick()))
            case "=":
                pos += 1
                flushQuoted(); lit += "="
                // `NAME=~/x`: tilde after the assignment's `=`.
                if parts.isEmpty, isValidName(String(lit.dropLast())), peekChar() == "~" {
                    let next = peekChar(1)
                    if next == nil || next == "/" || next!.isMeta || next == ":" {
                        pos += 1
                        flushLit(); parts.append(.tilde(""))
                    }
                }
            default:
                pos += 1
                flushQuoted(); lit.unicodeScalars.append(c)
            }
        }
        flush()
        let raw = String(String.UnicodeScalarView(chars[start..<pos]))
        return Word(parts: parts, raw: raw)
    }

    /// After the opening `'`: the text up to the closing quote, which is consumed too.
    private func lexSingleQuoted() throws -> String {
        var s = ""
        while true {
            guard let d = peekChar() else { throw eofError("'") }
            pos += 1
            if d == "'" { return s }
            s.unicodeScalars.append(d)
        }
    }

    /// After the opening `"`: the parts up to the closing quote.
    private func lexDoubleQuoted() throws -> [WordPart] {
        try lexExpandingText(insideDoubleQuotes: true)
    }

    /// Text in which only `$…` and backquotes expand: the inside of double quotes (up to the
    /// closing `"`) or, without `insideDoubleQuotes`, an expanding here-document body (to the
    /// end of input, where quotes are ordinary characters). `\` escapes only `$`, `` ` ``,
    /// `\` and newline, and `"` inside double quotes; before anything else it stays.
    private func lexExpandingText(insideDoubleQuotes: Bool) throws -> [WordPart] {
        var parts: [WordPart] = []
        var text = ""
        func flush() { if !text.isEmpty { parts.append(.quoted(text)); text = "" } }
        while true {
            guard let c = peekChar() else {
                if insideDoubleQuotes { throw eofError("\"") }
                flush()
                return parts
            }
            switch c {
            case "\"" where insideDoubleQuotes:
                pos += 1
                flush()
                return parts
            case "\\":
                guard let n = peekChar(1) else {
                    if insideDoubleQuotes { throw eofError("\"") }
                    pos += 1
                    text += "\\"
                    continue
                }
                pos += 2
                switch n {
                case "\n": break
                case "$", "`", "\\": text.unicodeScalars.append(n)
                case "\"" where insideDoubleQuotes: text.unicodeScalars.append(n)
                default: text.unicodeScalars.append("\\"); text.unicodeScalars.append(n)
                }
            case "$":
                pos += 1
                if let p = try lexDollar() { flush(); parts.append(p) } else { text += "$" }
            case "`":
                pos += 1
                flush()
                parts.append(.commandSubstitution(try lexBacktick()))
            default:
                pos += 1
                text.unicodeScalars.append(c)
            }
        }
    }

    /// After `$'`: the ANSI-C quoted string.
    private func lexANSIC() throws -> String {
        var raw = ""
        while true {
            guard let c = peekChar() else { throw eofError("'") }
            pos += 1
            if c == "'" { break }
            raw.unicodeScalars.append(c)
            if c == "\\", let n = peekChar() { raw.unicodeScalars.append(n); pos += 1 }
        }
        return interpretEscapes(raw, allowOctalWithoutZero: true).text
    }

    /// After `$`: the expansion, or nil when the `$` is literal.
    private func lexDollar() throws -> WordPart? {
        guard let c = peekChar() else { return nil }
        if c == "(" {
            if peekChar(1) == "(" {
                pos += 2
                let expr = try scanParenthesized(closing: "))")
                return .arithmetic(expr)
            }
            pos += 1
            return .commandSubstitution(try scanParenthesized(closing: ")"))
        }
        if c == "{" {
            pos += 1
            let inner = try scanBraced()
            return .parameter(try parseBraced(inner))
        }
        if c.isNameStart {
            var name = ""
            while let d = peekChar(), d.isNameChar { name.unicodeScalars.append(d); pos += 1 }
            return .parameter(ParameterExpansion(name: name))
        }
        if c.isDigit || "?$#!@*-".unicodeScalars.contains(c) {
            pos += 1
            return .parameter(ParameterExpansion(name: String(c)))
        }
        return nil
    }

    /// After `` ` ``: the command text, with `\$`, `` \` `` and `\\` unescaped.
    private func lexBacktick() throws -> String {
        var s = ""
        while true {
            guard let c = peekChar() else { throw eofError("`") }
            pos += 1
            if c == "`" { return s }
            if c == "\\", let n = peekChar(), n == "$" || n == "`" || n == "\\" {
                pos += 1
                s.unicodeScalars.append(n)
                continue
            }
            s.unicodeScalars.append(c)
        }
    }

    /// After `((`: the arithmetic text up to the matching `))`.
    func scanArithmetic() throws -> String { try scanParenthesized(closing: "))") }

    /// After `$(`, `<(` or `$((`: the text up to the matching `)` / `))`, skipping quotes.
    private func scanParenthesized(closing: String) throws -> String {
        try enterSubstitution()
        defer { nesting -= 1 }
        let start = pos
        var depth = 0
        var atWordStart = true
        while true {
            guard let c = peekChar() else { throw eofError(")") }
            switch c {
            case "\\":
                if pos + 1 >= chars.count { pos = chars.count; throw eofError(")") }
                pos += 2
                atWordStart = false
                continue
            case "'":
                pos += 1
                _ = try lexSingleQuoted()
            case "\"":
                pos += 1
                try skipDoubleQuoted()
            case "`":
                pos += 1
                _ = try lexBacktick()
            case "#" where atWordStart && closing == ")":
                while let d = peekChar(), d != "\n" { pos += 1 }
                continue
            case "(":
                depth += 1
                pos += 1
            case ")":
                if depth == 0 {
                    if closing == "))" {
                        guard peekChar(1) == ")" else {
                            // `$((a) )`-style: treat as nested parentheses closing.
                            throw ParseError.syntax("syntax error near unexpected token `)'")
                        }
                        let text = String(String.UnicodeScalarView(chars[start..<pos]))
                        pos += 2
                        return text
                    }
                    let text = String(String.UnicodeScalarView(chars[start..<pos]))
                    pos += 1
                    return text
                }
                depth -= 1
                pos += 1
            default:
                pos += 1
            }
            atWordStart = c.isBlank || c == "\n" || c == ";" || c == "(" || c == "|" || c == "&"
        }
    }

    /// Substitutions nest at most `Parser.maxDepth` deep, so that no input can exhaust the
    /// stack; this throws when there is no room for one more level.
    private func checkRoomForSubstitution() throws {
        if nesting >= Parser.maxDepth { throw ParseError.syntax("kubelab: substitutions nested more than \(Parser.maxDepth) levels deep") }
    }

    /// One level deeper into `$(…)` or `${…}`; the caller leaves it with `nesting -= 1`.
    private func enterSubstitution() throws {
        try checkRoomForSubstitution()
        nesting += 1
    }

    private func skipDoubleQuoted() throws {
        while true {
            guard let c = peekChar() else { throw eofError("\"") }
            pos += 1
            switch c {
            case "\"": return
            case "\\": pos = min(pos + 1, chars.count)
            case "`": _ = try lexBacktick()
            case "$" where peekChar() == "(":
                pos += 1
                _ = try scanParenthesized(closing: ")")
            default: break
            }
        }
    }

    /// After `${`: the text up to the matching `}`.
    private func scanBraced() throws -> String {
        try enterSubstitution()
        defer { nesting -= 1 }
        let start = pos
        var depth = 0
        while true {
            guard let c = peekChar() else { throw eofError("}") }
            switch c {
            case "\\":
                if pos + 1 >= chars.count { pos = chars.count; throw eofError("}") }
                pos += 2
                continue
            case "'":
                pos += 1
                _ = try lexSingleQuoted()
                continue
            case "\"": pos += 1; try skipDoubleQuoted(); continue
            case "{": depth += 1
            case "}":
                if depth == 0 {
                    let text = String(String.UnicodeScalarView(chars[start..<pos]))
                    pos += 1
                    return text
                }
                depth -= 1
            default: break
            }
            pos += 1
        }
    }

    /// The inside of `${…}`.
    private func parseBraced(_ inner: String) throws -> ParameterExpansion {
        try checkRoomForSubstitution()
        let bad = ParseError.syntax("${\(inner)}: bad substitution")
        var s = Substring(inner)
        var length = false
        if s.hasPrefix("#") && s.count > 1 {
            length = true
            s = s.dropFirst()
        }
        var name = ""
        if let f = s.unicodeScalars.first, f.isNameStart {
            let n = s.unicodeScalars.prefix { $0.isNameChar }
            name = String(String.UnicodeScalarView(n))
        } else if let f = s.unicodeScalars.first, f.isDigit {
            let n = s.unicodeScalars.prefix { $0.isDigit }
            name = String(String.UnicodeScalarView(n))
        } else if let f = s.unicodeScalars.first, "?$#!@*-".unicodeScalars.contains(f) {
            name = String(f)
        } else {
            throw bad
        }
        var rest = s.dropFirst(name.count)
        if length {
            guard rest.isEmpty else { throw bad }
            return ParameterExpansion(name: name, length: true)
        }
        if rest.isEmpty { return ParameterExpansion(name: name) }
        func word(_ t: Substring) throws -> Word {
            Word(parts: try Lexer(String(t), atEOF: true, nesting: nesting + 1).lexLooseWord(), raw: String(t))
        }
        var colon = false
        if rest.hasPrefix(":") {
            let after = rest.dropFirst()
            if let f = after.first, "-=?+".contains(f) {
                colon = true
                rest = after
            } else {
                // Substring ${x:off:len}
                let pieces = after.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                return ParameterExpansion(name: name, op: .substring(String(pieces[0]), pieces.count > 1 ? String(pieces[1]) : nil))
            }
        }
        let op = rest.first!
        let arg = rest.dropFirst()
        switch op {
        case "-": return ParameterExpansion(name: name, op: .useDefault(colon: colon, try word(arg)))
        case "=": return ParameterExpansion(name: name, op: .assignDefault(colon: colon, try word(arg)))
        case "?": return ParameterExpansion(name: name, op: .errorIfUnset(colon: colon, try word(arg)))
        case "+": return ParameterExpansion(name: name, op: .useAlternate(colon: colon, try word(arg)))
        case "#" where !colon:
            if arg.hasPrefix("#") { return ParameterExpansion(name: name, op: .removePrefix(longest: true, try word(arg.dropFirst()))) }
            return ParameterExpansion(name: name, op: .removePrefix(longest: false, try word(arg)))
        case "%" where !colon:
            if arg.hasPrefix("%") { return ParameterExpansion(name: name, op: .removeSuffix(longest: true, try word(arg.dropFirst()))) }
            return ParameterExpansion(name: name, op: .removeSuffix(longest: false, try word(arg)))
        case "/" where !colon:
            var a = arg
            var all = false
            var anchor: Character? = nil
            if a.hasPrefix("/") { all = true; a = a.dropFirst() } else if a.hasPrefix("#") { anchor = "#"; a = a.dropFirst() } else if a.hasPrefix("%") { anchor = "%"; a = a.dropFirst() }
            // Split at the first unescaped '/'.
            var pat = Substring(""), rep = Substring("")
            var i = a.startIndex
            var found = false
            while i < a.endIndex {
                if a[i] == "\\" { i = a.index(after: i); if i < a.endIndex { i = a.index(after: i) }; continue }
                if a[i] == "/" { pat = a[..<i]; rep = a[a.index(after: i)...]; found = true; break }
                i = a.index(after: i)
            }
            if !found { pat = a }
            return ParameterExpansion(name: name, op: .replace(all: all, anchor: anchor, try word(pat), try word(rep)))
        case "^" where !colon && arg.isEmpty || arg == "^": return ParameterExpansion(name: name, op: .upper(all: arg == "^"))
        case "," where !colon && arg.isEmpty || arg == ",": return ParameterExpansion(name: name, op: .lower(all: arg == ","))
        default: throw bad
        }
    }

    /// The whole remaining input as one word where blanks and operators are literal
    /// (the word inside `${x:-…}`).
    func lexLooseWord() throws -> [WordPart] {
        var parts: [WordPart] = []
        var lit = ""
        func flush() { if !lit.isEmpty { parts.append(.literal(lit)); lit = "" } }
        while let c = peekChar() {
            switch c {
            case "\\":
                pos += 1
                if let n = peekChar() { pos += 1; flush(); parts.append(.quoted(String(n))) }
            case "'":
                pos += 1
                var s = ""
                while let d = peekChar(), d != "'" { s.unicodeScalars.append(d); pos += 1 }
                if pos < chars.count { pos += 1 }
                flush(); parts.append(.quoted(s))
            case "\"":
                pos += 1
                flush(); parts.append(.doubleQuoted(try lexDoubleQuoted()))
            case "$":
                pos += 1
                if let p = try lexDollar() { flush(); parts.append(p) } else { lit += "$" }
            case "`":
                pos += 1
                flush(); parts.append(.commandSubstitution(try lexBacktick()))
            default:
                pos += 1
                lit.unicodeScalars.append(c)
            }
        }
        flush()
        return parts
    }

    /// The body of an expanding here-document: `$…` and backquotes expand, `\` escapes
    /// only `$`, `` ` ``, `\` and newline, quotes are ordinary characters.
    func lexHereDocBody() throws -> [WordPart] {
        try lexExpandingText(insideDoubleQuotes: false)
    }

    private func readHereDocBodies(startLine: Int) throws {
        let docs = pendingHereDocs
        pendingHereDocs.removeAll()
        for h in docs {
            var body = ""
            var closed = false
            while pos < chars.count {
                var j = pos
                while j < chars.count, chars[j] != "\n" { j += 1 }
                var line = String(String.UnicodeScalarView(chars[pos..<j]))
                let hasNewline = j < chars.count
                if !hasNewline && !atEOF { throw ParseError.incomplete }
                pos = hasNewline ? j + 1 : j
                if h.stripTabs { line = String(line.drop { $0 == "\t" }) }
                if line == h.delimiter { closed = true; break }
                body += line + "\n"
            }
            if !closed {
                if !atEOF { throw ParseError.incomplete }
                warnings.append("warning: here-document at line \(startLine) delimited by end-of-file (wanted `\(h.delimiter)')")
            }
            h.body = h.expand ? try Lexer(body, atEOF: true).lexHereDocBody() : (body.isEmpty ? [] : [.quoted(body)])
            h.filled = true
        }
    }
}

// MARK: - Parser

final class Parser {
    let lexer: Lexer
    private var peeked: Token?
    /// Compound commands nested inside each other (bounded so no input can exhaust the stack).
    private var depth = 0
    static let maxDepth = 100

    init(_ text: String, atEOF: Bool, firstLine: Int = 1) {
        lexer = Lexer(text, atEOF: atEOF, firstLine: firstLine)
    }

    /// Offset (in unicode scalars) of everything consumed so far.
    var consumed: Int { min(lexer.pos, lexer.count) }

    private func peek() throws -> Token {
        if let t = peeked { return t }
        let t = try lexer.nextToken()
        peeked = t
        return t
    }

    @discardableResult
    private func advance() throws -> Token {
        let t = try peek()
        peeked = nil
        return t
    }

    /// Skips the rest of the line after a syntax error.
    func recover() {
        peeked = nil
        lexer.skipLine()
    }

    private func unexpected(_ t: Token) -> ParseError {
        if t == .eof { return lexer.atEOF ? .syntax("syntax error: unexpected end of file") : .incomplete }
        return .syntax("syntax error near unexpected token `\(t.display)'")
    }

    private static let reserved: Set<String> = ["then", "else", "elif", "fi", "do", "done", "esac", "}", "in"]

    private func keyword(_ t: Token) -> String? {
        if case .word(let w) = t { return w.plainLiteral }
        return nil
    }

    private func isTerminator(_ t: Token, _ set: Set<String>) -> Bool {
        switch t {
        case .word(let w): return w.plainLiteral.map { set.contains($0) } ?? false
        case .op(let o): return set.contains(o)
        default: return false
        }
    }

    /// The next newline-terminated command list, or nil at the end of the input.
    /// A blank or comment-only line yields an empty list.
    func parseCompleteCommand() throws -> CommandList? {
        let t = try peek()
        if t == .eof { return nil }
        if t == .newline { try advance(); return CommandList() }
        let list = try parseList()
        let end = try peek()
        switch end {
        case .newline: try advance()
        case .eof: if !lexer.atEOF { throw ParseError.incomplete }
        default: throw unexpected(end)
        }
        return list
    }

    /// Top level: items separated by `;`/`&`, ended by a newline.
    private func parseList() throws -> CommandList {
        var list = CommandList()
        while true {
            let item = try parseAndOr()
            let t = try peek()
            if t == .op(";") || t == .op("&") {
                try advance()
                list.items.append((item, background: t == .op("&")))
                let n = try peek()
                if n == .newline || n == .eof { break }
                continue
            }
            list.items.append((item, background: false))
            break
        }
        return list
    }

    /// Inside a compound command: newlines separate too; stops before a terminator.
    private func parseCompoundList(until terminators: Set<String>) throws -> CommandList {
        var list = CommandList()
        while true {
            while try peek() == .newline { try advance() }
            let t = try peek()
            if t == .eof { throw unexpected(t) }
            if isTerminator(t, terminators) {
                if list.isEmpty { throw unexpected(t) }
                return list
            }
            let item = try parseAndOr()
            let s = try peek()
            if s == .op(";") || s == .op("&") {
                try advance()
                list.items.append((item, background: s == .op("&")))
            } else if s == .newline {
                list.items.append((item, background: false))
            } else if isTerminator(s, terminators) {
                list.items.append((item, background: false))
                return list
            } else {
                throw unexpected(s)
            }
        }
    }

    private func skipNewlines() throws {
        while try peek() == .newline { try advance() }
    }

    private func parseAndOr() throws -> AndOrList {
        var result = AndOrList(first: try parsePipeline())
        while true {
            let t = try peek()
            guard t == .op("&&") || t == .op("||") else { break }
            try advance()
            try skipNewlines()
            result.rest.append((t == .op("&&") ? .and : .or, try parsePipeline()))
        }
        return result
    }

    private func parsePipeline() throws -> Pipeline {
        var negated = false
        while keyword(try peek()) == "!" {
            try advance()
            negated.toggle()
        }
        var p = Pipeline(commands: [try parseCommand()], negated: negated)
        while true {
            let t = try peek()
            guard t == .op("|") || t == .op("|&") else { break }
            try advance()
            p.stderrToo.append(t == .op("|&"))
            try skipNewlines()
            p.commands.append(try parseCommand())
        }
        p.stderrToo.append(false)
        return p
    }

    private func expectKeyword(_ k: String) throws {
        let t = try advance()
        guard keyword(t) == k else { throw unexpected(t) }
    }

    private func parseCommand() throws -> Command {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            throw ParseError.syntax("kubelab: commands nested more than \(Parser.maxDepth) levels deep")
        }
        let t = try peek()
        var cmd: Command
        switch t {
        case .eof, .newline: throw unexpected(t)
        case .op("("):
            try advance()
            let body = try parseCompoundList(until: [")"])
            try advance()
            cmd = Command(kind: .subshell(body))
        case .op("(("):
            try advance()
            cmd = Command(kind: .arithmetic(try lexer.scanArithmetic()))
        case .op: throw unexpected(t)
        case .word(let w):
            switch w.plainLiteral {
            case "for"?: cmd = try parseFor()
            case "while"?, "until"?:
                try advance()
                let cond = try parseCompoundList(until: ["do"])
                try expectKeyword("do")
                let body = try parseCompoundList(until: ["done"])
                try expectKeyword("done")
                cmd = Command(kind: .whileLoop(condition: cond, body: body, until: w.plainLiteral == "until"))
            case "if"?: cmd = try parseIf()
            case "case"?: cmd = try parseCase()
            case "{"?:
                try advance()
                let body = try parseCompoundList(until: ["}"])
                try advance()
                cmd = Command(kind: .group(body))
            case "function"?:
                try advance()
                let nameTok = try advance()
                guard case .word(let nw) = nameTok, let name = nw.plainLiteral else { throw unexpected(nameTok) }
                if try peek() == .op("(") {
                    try advance()
                    let close = try advance()
                    guard close == .op(")") else { throw unexpected(close) }
                }
                return try parseFunctionBody(name)
            case "select"?:
                throw ParseError.syntax("select: not supported in this simulator")
            case let k? where Parser.reserved.contains(k) && k != "in":
                throw unexpected(t)
            default:
                return try parseSimpleCommand()
            }
        case .redirect:
            return try parseSimpleCommand()
        }
        // Redirections after a compound command.
        while case .redirect = try peek() {
            cmd.redirections.append(try parseRedirection())
        }
        return cmd
    }

    private func parseFunctionBody(_ name: String) throws -> Command {
        try skipNewlines()
        let t = try peek()
        switch t {
        case .word(let w) where ["{", "if", "for", "while", "until", "case"].contains(w.plainLiteral ?? ""):
            break
        case .op("("):
            break
        default:
            throw unexpected(t)
        }
        let body = try parseCommand()
        return Command(kind: .functionDefinition(name: name, body: body))
    }

    private func parseFor() throws -> Command {
        try advance() // for
        let nameTok = try advance()
        if nameTok == .op("((") {
            let text = try lexer.scanArithmetic()
            var parts = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else {
                throw ParseError.syntax("syntax error: arithmetic expression required")
            }
            if try peek() == .op(";") { try advance() }
            try skipNewlines()
            let open = try advance()
            let closing: String
            switch keyword(open) {
            case "do"?: closing = "done"
            case "{"?: closing = "}"
            default: throw unexpected(open)
            }
            let body = try parseCompoundList(until: [closing])
            try expectKeyword(closing)
            let step = parts.removeLast(), condition = parts.removeLast(), initial = parts.removeLast()
            return Command(kind: .arithmeticFor(initial: initial, condition: condition, step: step, body: body))
        }
        guard case .word(let nameWord) = nameTok else { throw unexpected(nameTok) }
        guard let name = nameWord.plainLiteral, isValidName(name) else {
            throw ParseError.syntax("`\(nameWord.raw)': not a valid identifier")
        }
        var items: [Word]? = nil
        try skipNewlines()
        if keyword(try peek()) == "in" {
            try advance()
            var list: [Word] = []
            while case .word(let w) = try peek() {
                try advance()
                list.append(w)
            }
            items = list
            let sep = try advance()
            guard sep == .op(";") || sep == .newline else { throw unexpected(sep) }
        } else if try peek() == .op(";") {
            try advance()
        }
        try skipNewlines()
        try expectKeyword("do")
        let body = try parseCompoundList(until: ["done"])
        try expectKeyword("done")
        return Command(kind: .forLoop(variable: name, items: items, body: body))
    }

    private func parseIf() throws -> Command {
        try advance() // if
        var clauses: [IfClause] = []
        var elseBody: CommandList? = nil
        let cond = try parseCompoundList(until: ["then"])
        try expectKeyword("then")
        clauses.append(IfClause(condition: cond, body: try parseCompoundList(until: ["elif", "else", "fi"])))
        loop: while true {
            let t = try advance()
            switch keyword(t) {
            case "elif"?:
                let c = try parseCompoundList(until: ["then"])
                try expectKeyword("then")
                clauses.append(IfClause(condition: c, body: try parseCompoundList(until: ["elif", "else", "fi"])))
            case "else"?:
                elseBody = try parseCompoundList(until: ["fi"])
                try expectKeyword("fi")
                break loop
            case "fi"?:
                break loop
            default:
                throw unexpected(t)
            }
        }
        return Command(kind: .ifThen(clauses: clauses, elseBody: elseBody))
    }

    private func parseCase() throws -> Command {
        try advance() // case
        let subjTok = try advance()
        guard case .word(let subject) = subjTok else { throw unexpected(subjTok) }
        try skipNewlines()
        try expectKeyword("in")
        var arms: [CaseArm] = []
        while true {
            try skipNewlines()
            var t = try advance()
            if keyword(t) == "esac" { break }
            if t == .op("(") { t = try advance() }
            var patterns: [Word] = []
            while true {
                guard case .word(let p) = t else { throw unexpected(t) }
                patterns.append(p)
                let sep = try advance()
                if sep == .op(")") { break }
                guard sep == .op("|") else { throw unexpected(sep) }
                t = try advance()
            }
            try skipNewlines()
            var body = CommandList()
            let n = try peek()
            if n != .op(";;") && keyword(n) != "esac" {
                body = try parseCompoundList(until: [";;", "esac"])
            }
            arms.append(CaseArm(patterns: patterns, body: body))
            if try peek() == .op(";;") { try advance() } else {
                try skipNewlines()
                try expectKeyword("esac")
                break
            }
        }
        return Command(kind: .caseOf(subject: subject, arms: arms))
    }

    private func parseRedirection() throws -> Redirection {
        guard case .redirect(let fd, let opText) = try advance() else { throw ParseError.syntax("syntax error") }
        let target = try advance()
        guard case .word(let w) = target else { throw unexpected(target) }
        let op: RedirectionOp
        switch opText {
        case "<": op = .input
        case ">", ">|": op = .output
        case ">>": op = .append
        case ">&": op = .duplicateOutput
        case "<&": op = .duplicateInput
        case "<>": op = .readWrite
        case "&>": op = .outputBoth
        case "&>>": op = .appendBoth
        case "<<<": op = .hereString
        case "<<", "<<-":
            let quoted = w.parts.contains { if case .literal = $0 { return false } else { return true } }
            let h = HereDoc(delimiter: Parser.literalText(w), expand: !quoted, stripTabs: opText == "<<-")
            lexer.registerHereDoc(h)
            return Redirection(fd: fd, op: .hereDoc, target: w, hereDoc: h)
        default: throw ParseError.syntax("syntax error near unexpected token `\(opText)'")
        }
        return Redirection(fd: fd, op: op, target: w, hereDoc: nil)
    }

    /// A word with its quotes removed and nothing expanded (here-document delimiters).
    static func literalText(_ w: Word) -> String {
        func text(_ parts: [WordPart]) -> String {
            parts.map { p -> String in
                switch p {
                case .literal(let s), .quoted(let s): return s
                case .doubleQuoted(let inner): return text(inner)
                case .tilde(let u): return "~" + u
                case .parameter(let pe): return "$" + pe.name
                case .commandSubstitution(let s): return "$(" + s + ")"
                case .arithmetic(let s): return "$((" + s + "))"
                case .processSubstitution(let s): return "<(" + s + ")"
                }
            }.joined()
        }
        return text(w.parts)
    }

    private func parseSimpleCommand() throws -> Command {
        var sc = SimpleCommand()
        var redirs: [Redirection] = []
        while true {
            let t = try peek()
            switch t {
            case .redirect:
                redirs.append(try parseRedirection())
            case .word(let w):
                try advance()
                if sc.words.isEmpty, let a = Parser.assignment(w) {
                    sc.assignments.append(a)
                } else {
                    if sc.words.isEmpty && sc.assignments.isEmpty && redirs.isEmpty, try peek() == .op("(") {
                        try advance()
                        let close = try advance()
                        guard close == .op(")") else { throw unexpected(close) }
                        guard let name = w.plainLiteral, !name.contains("$") else {
                            throw ParseError.syntax("`\(w.raw)': not a valid identifier")
                        }
                        return try parseFunctionBody(name)
                    }
                    sc.words.append(w)
                }
            default:
                return Command(kind: .simple(sc), redirections: redirs)
            }
        }
    }

    /// `NAME=value` / `NAME+=value` when the name part is unquoted.
    static func assignment(_ w: Word) -> Assignment? {
        guard case .literal(let first)? = w.parts.first, let eq = first.firstIndex(of: "=") else { return nil }
        var name = String(first[..<eq])
        var append = false
        if name.hasSuffix("+") { append = true; name.removeLast() }
        guard isValidName(name) else { return nil }
        let restLit = String(first[first.index(after: eq)...])
        var parts: [WordPart] = restLit.isEmpty ? [] : [.literal(restLit)]
        parts.append(contentsOf: w.parts.dropFirst())
        return Assignment(name: name, value: Word(parts: parts, raw: w.raw), append: append)
    }
}
