import Kubectl

/// GNU sed, the part tutorials use: `s///` with any delimiter and flags g/N/p/i, `-i[SUFFIX]`,
/// `-n`, `-e`, `-f`, `-E`; addresses (line, `$`, `/re/`, ranges, `!`); commands
/// s d p q Q = a i c y n N h H g G x { }.
struct SedScript {
    enum Address {
        case line(Int)
        case last
        case regex(PosixRegex)
        case step(Int, Int)
    }

    enum ReplacementPiece {
        case text(String)
        case group(Int)
        case caseChange(Character)  // U L E u l
    }

    enum Kind {
        case substitute(PosixRegex, [ReplacementPiece], global: Bool, occurrence: Int, print: Bool, write: String?)
        case delete, print, lineNumber, next, appendNext, hold, holdAppend, get, getAppend, exchange
        case quit(Int32), quitSilent(Int32)
        case append(String), insert(String), change(String)
        case translate([Character: Character])
        case blockStart(end: Int), blockEnd
        case write(String)
    }

    struct Command {
        var addr1: Address?
        var addr2: Address?
        var negate = false
        var kind: Kind
    }

    var commands: [Command] = []

    struct ParseFailure: Error {
        var char: Int
        var message: String
    }

    init(_ text: String, extended: Bool) throws {
        let c = Array(text)
        var i = 0
        var blockStack: [Int] = []

        func fail(_ msg: String, at pos: Int? = nil) -> ParseFailure { ParseFailure(char: min(max(pos ?? i, 1), max(c.count, 1)), message: msg) }
        func skipSpaces() { while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 } }

        /// Reads up to an unescaped delimiter; `\delim` becomes the delimiter itself.
        func readDelimited(_ delim: Character, isRegex: Bool) -> String? {
            var s = ""
            while i < c.count {
                let ch = c[i]
                if ch == "\\", i + 1 < c.count {
                    let n = c[i + 1]
                    if n == delim { s.append(delim) } else if n == "\n" { s.append(isRegex ? "\\n" : "\n") } else { s.append("\\"); s.append(n) }
                    i += 2
                    continue
                }
                if ch == delim { i += 1; return s }
                if ch == "\n" && !isRegex { return nil }
                s.append(ch)
                i += 1
            }
            return nil
        }

        func readNumber() -> Int? {
            var s = ""
            while i < c.count, c[i].isNumber { s.append(c[i]); i += 1 }
            return Int(s)
        }

        func readAddress() throws -> Address? {
            guard i < c.count else { return nil }
            if c[i].isNumber {
                let n = readNumber()!
                if i < c.count, c[i] == "~" {
                    i += 1
                    let step = readNumber() ?? 0
                    return .step(n, step)
                }
                if n == 0 { throw fail("invalid usage of line address 0") }
                return .line(n)
            }
            if c[i] == "$" { i += 1; return .last }
            if c[i] == "/" || c[i] == "\\" {
                var delim: Character = "/"
                if c[i] == "\\" {
                    guard i + 1 < c.count else { throw fail("unexpected `,'") }
                    delim = c[i + 1]
                    i += 1
                }
                i += 1
                guard let re = readDelimited(delim, isRegex: true) else { throw fail("unterminated address regex", at: c.count) }
                var ignoreCase = false
                while i < c.count, c[i] == "I" || c[i] == "M" { if c[i] == "I" { ignoreCase = true }; i += 1 }
                do {
                    return .regex(try PosixRegex(re, extended: extended, ignoreCase: ignoreCase))
                } catch let f as PosixRegex.Failure {
                    throw fail(f.message)
                }
            }
            return nil
        }

        func readText() -> String {
            // GNU one-liner `a text`, or `a\` newline text (lines ending in `\` continue).
            skipSpaces()
            if i < c.count, c[i] == "\\" {
                i += 1
                if i < c.count, c[i] == "\n" { i += 1 }
            }
            var s = ""
            while i < c.count {
                if c[i] == "\\", i + 1 < c.count {
                    if c[i + 1] == "\n" { s.append("\n"); i += 2; continue }
                    s.append(c[i + 1]); i += 2; continue
                }
                if c[i] == "\n" { break }
                s.append(c[i])
                i += 1
            }
            return s
        }

        while true {
            while i < c.count, c[i] == " " || c[i] == "\t" || c[i] == "\n" || c[i] == ";" { i += 1 }
            guard i < c.count else { break }
            if c[i] == "#" {
                while i < c.count, c[i] != "\n" { i += 1 }
                continue
            }
            var cmd = Command(kind: .delete)
            cmd.addr1 = try readAddress()
            if cmd.addr1 != nil, i < c.count, c[i] == "," {
                i += 1
                skipSpaces()
                guard let a2 = try readAddress() else { throw fail("unexpected `,'") }
                cmd.addr2 = a2
            }
            skipSpaces()
            while i < c.count, c[i] == "!" { cmd.negate = true; i += 1; skipSpaces() }
            guard i < c.count else { throw fail("missing command", at: c.count) }
            let letter = c[i]
            i += 1
            switch letter {
            case "s":
                guard i < c.count, c[i] != "\n", c[i] != "\\" else { throw fail("unterminated `s' command") }
                let delim = c[i]
                i += 1
                guard let pattern = readDelimited(delim, isRegex: true),
                      let replacementText = readDelimited(delim, isRegex: false) else {
                    throw fail("unterminated `s' command", at: c.count)
                }
                var global = false, printFlag = false, ignoreCase = false
                var occurrence = 1
                var write: String? = nil
                flags: while i < c.count {
                    let f = c[i]
                    switch f {
                    case "g": global = true; i += 1
                    case "p": printFlag = true; i += 1
                    case "i", "I": ignoreCase = true; i += 1
                    case "m", "M", "e": i += 1
                    case "w":
                        i += 1
                        skipSpaces()
                        var name = ""
                        while i < c.count, c[i] != "\n" { name.append(c[i]); i += 1 }
                        write = name
                    case "0"..."9":
                        let n = readNumber()!
                        if n == 0 { throw fail("number option to `s' command may not be zero") }
                        occurrence = n
                    case ";", "\n", "}", " ", "\t", "#": break flags
                    default:
                        i += 1
                        throw fail("unknown option to `s'")
                    }
                }
                let regex: PosixRegex
                do {
                    regex = try PosixRegex(pattern, extended: extended, ignoreCase: ignoreCase)
                } catch let f as PosixRegex.Failure {
                    throw fail(f.message)
                }
                let pieces = SedScript.parseReplacement(replacementText)
                for p in pieces {
                    if case .group(let n) = p, n > regex.groupCount {
                        throw fail("invalid reference \\\(n) on `s' command's RHS")
                    }
                }
                cmd.kind = .substitute(regex, pieces, global: global, occurrence: occurrence, print: printFlag, write: write)
            case "d": cmd.kind = .delete
            case "p": cmd.kind = .print
            case "=": cmd.kind = .lineNumber
            case "n": cmd.kind = .next
            case "N": cmd.kind = .appendNext
            case "h": cmd.kind = .hold
            case "H": cmd.kind = .holdAppend
            case "g": cmd.kind = .get
            case "G": cmd.kind = .getAppend
            case "x": cmd.kind = .exchange
            case "q", "Q":
                skipSpaces()
                let code = Int32(truncatingIfNeeded: readNumber() ?? 0)
                cmd.kind = letter == "q" ? .quit(code) : .quitSilent(code)
            case "a": cmd.kind = .append(readText())
            case "i": cmd.kind = .insert(readText())
            case "c": cmd.kind = .change(readText())
            case "w":
                skipSpaces()
                var name = ""
                while i < c.count, c[i] != "\n" { name.append(c[i]); i += 1 }
                cmd.kind = .write(name)
            case "y":
                guard i < c.count else { throw fail("unterminated `y' command") }
                let delim = c[i]
                i += 1
                guard let a = readDelimited(delim, isRegex: false), let b = readDelimited(delim, isRegex: false) else {
                    throw fail("unterminated `y' command", at: c.count)
                }
                let from = Array(a.replacingAll("\\n", with: "\n")), to = Array(b.replacingAll("\\n", with: "\n"))
                guard from.count == to.count else { throw fail("strings for `y' command are different lengths") }
                var map: [Character: Character] = [:]
                for (x, y) in zip(from, to) { map[x] = y }
                cmd.kind = .translate(map)
            case "{":
                blockStack.append(commands.count)
                cmd.kind = .blockStart(end: -1)
            case "}":
                guard let open = blockStack.popLast() else { throw fail("unexpected `}'") }
                if cmd.addr1 != nil { throw fail("} doesn't want any addresses") }
                commands.append(Command(kind: .blockEnd))
                if case .blockStart = commands[open].kind { commands[open].kind = .blockStart(end: commands.count) }
                continue
            default:
                throw fail("unknown command: `\(letter)'")
            }
            commands.append(cmd)
            skipSpaces()
            if i < c.count, !(c[i] == ";" || c[i] == "\n" || c[i] == "}" || c[i] == "#") {
                if case .blockStart = cmd.kind { continue }
                throw fail("extra characters after command", at: i + 1)
            }
        }
        if !blockStack.isEmpty { throw ParseFailure(char: max(c.count, 1), message: "unmatched `{'") }
    }

    static func parseReplacement(_ s: String) -> [ReplacementPiece] {
        var pieces: [ReplacementPiece] = []
        var text = ""
        func flush() { if !text.isEmpty { pieces.append(.text(text)); text = "" } }
        var it = Array(s)
        var i = 0
        while i < it.count {
            let ch = it[i]
            if ch == "&" { flush(); pieces.append(.group(0)); i += 1; continue }
            if ch == "\\", i + 1 < it.count {
                let n = it[i + 1]
                i += 2
                switch n {
                case "0"..."9": flush(); pieces.append(.group(Int(String(n))!))
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "U", "L", "E", "u", "l": flush(); pieces.append(.caseChange(n))
                default: text.append(n)
                }
                continue
            }
            text.append(ch)
            i += 1
        }
        flush()
        it.removeAll()
        return pieces
    }

    // MARK: Running

    struct Outcome {
        var output = ""
        var quit: Int32? = nil
        var writes: [(String, String)] = []
    }

    /// Runs the script over lines. `lastLineIndex` tells where `$` is.
    func run(_ lines: [String], quiet: Bool, rangeState: inout [Bool], lineOffset: Int = 0) throws -> Outcome {
        var o = Outcome()
        var hold = ""
        var index = 0
        var active = rangeState
        if active.count != commands.count { active = [Bool](repeating: false, count: commands.count) }
        defer { rangeState = active }

        func matches(_ a: Address, _ line: String, _ n: Int, isLast: Bool) throws -> Bool {
            switch a {
            case .line(let k): return n == k
            case .last: return isLast
            case .regex(let r): return try r.matches(line)
            case .step(let first, let step): return step <= 0 ? n == first : (n >= first && (n - first) % step == 0)
            }
        }

        cycle: while index < lines.count {
            var ps = lines[index]
            var lineNo = lineOffset + index + 1
            var isLast = index == lines.count - 1
            index += 1
            var appendQueue: [String] = []
            var deleted = false
            var pc = 0
            var substituted = false
            _ = substituted
            while pc < commands.count {
                let cmd = commands[pc]
                var selected = true
                if let a1 = cmd.addr1 {
                    if let a2 = cmd.addr2 {
                        if active[pc] {
                            selected = true
                            switch a2 {
                            case .line(let k): if lineNo >= k { active[pc] = false }
                            default: if try matches(a2, ps, lineNo, isLast: isLast) { active[pc] = false }
                            }
                        } else if try matches(a1, ps, lineNo, isLast: isLast) {
                            selected = true
                            active[pc] = true
                            if case .line(let k) = a2, k <= lineNo { active[pc] = false }
                            if case .last = a2, isLast { active[pc] = false }
                        } else {
                            selected = false
                        }
                    } else {
                        selected = try matches(a1, ps, lineNo, isLast: isLast)
                    }
                }
                if cmd.negate { selected.toggle() }
                if !selected {
                    if case .blockStart(let end) = cmd.kind { pc = end; continue }
                    pc += 1
                    continue
                }
                switch cmd.kind {
                case .substitute(let regex, let pieces, let global, let occurrence, let printFlag, let write):
                    let (result, did) = try SedScript.substitute(ps, regex, pieces, global: global, occurrence: occurrence)
                    if did {
                        ps = result
                        substituted = true
                        if printFlag { o.output += ps + "\n" }
                        if let w = write { o.writes.append((w, ps + "\n")) }
                    }
                case .delete:
                    deleted = true
                case .print:
                    o.output += ps + "\n"
                case .lineNumber:
                    o.output += "\(lineNo)\n"
                case .next:
                    if index >= lines.count {
                        if !quiet { o.output += ps + "\n" }
                        for a in appendQueue { o.output += a + "\n" }
                        o.quit = 0
                        return o
                    }
                    if !quiet { o.output += ps + "\n" }
                    for a in appendQueue { o.output += a + "\n" }
                    appendQueue.removeAll()
                    ps = lines[index]
                    index += 1
                    lineNo += 1
                    isLast = index == lines.count
                case .appendNext:
                    if index >= lines.count {
                        if !quiet { o.output += ps + "\n" }
                        for a in appendQueue { o.output += a + "\n" }
                        o.quit = 0
                        return o
                    }
                    ps += "\n" + lines[index]
                    index += 1
                    lineNo += 1
                    isLast = index == lines.count
                case .hold: hold = ps
                case .holdAppend: hold += "\n" + ps
                case .get: ps = hold
                case .getAppend: ps += "\n" + hold
                case .exchange: swap(&ps, &hold)
                case .quit(let code):
                    if !quiet { o.output += ps + "\n" }
                    for a in appendQueue { o.output += a + "\n" }
                    o.quit = code
                    return o
                case .quitSilent(let code):
                    o.quit = code
                    return o
                case .append(let t): appendQueue.append(t)
                case .insert(let t): o.output += t + "\n"
                case .change(let t):
                    if cmd.addr2 == nil || !active[pc] { o.output += t + "\n" }
                    deleted = true
                case .translate(let map):
                    ps = String(ps.map { map[$0] ?? $0 })
                case .write(let name):
                    o.writes.append((name, ps + "\n"))
                case .blockStart, .blockEnd:
                    break
                }
                if deleted { break }
                pc += 1
            }
            if !deleted && !quiet { o.output += ps + "\n" }
            for a in appendQueue { o.output += a + "\n" }
            if o.output.utf8.count > ShellSession.maxOutputPerLine { break cycle }
        }
        return o
    }

    static func substitute(_ s: String, _ regex: PosixRegex, _ pieces: [ReplacementPiece], global: Bool, occurrence: Int) throws -> (String, Bool) {
        let sc = Array(s.unicodeScalars)
        let matches = try regex.allMatches(in: sc)
        guard !matches.isEmpty else { return (s, false) }
        var result = ""
        var cursor = 0
        var did = false
        for (k, m) in matches.enumerated() {
            let n = k + 1
            if n < occurrence { continue }
            if n > occurrence && !global { break }
            result += scalarText(sc, cursor..<m.range.lowerBound)
            result += expand(pieces, m, in: sc)
            cursor = m.range.upperBound
            did = true
        }
        result += scalarText(sc, cursor..<sc.count)
        return (result, did)
    }

    private static func expand(_ pieces: [ReplacementPiece], _ m: PosixRegex.Match, in s: [Unicode.Scalar]) -> String {
        var out = ""
        var mode: Character = "E"
        var once: Character? = nil
        func add(_ t: String) {
            var t = t
            if mode == "U" { t = t.uppercased() } else if mode == "L" { t = t.lowercased() }
            if let o = once, let first = t.first {
                t = (o == "u" ? first.uppercased() : first.lowercased()) + t.dropFirst()
                once = nil
            }
            out += t
        }
        for p in pieces {
            switch p {
            case .text(let t): add(t)
            case .group(let n): if n < m.groups.count, let r = m.groups[n] { add(scalarText(s, r)) }
            case .caseChange(let c):
                if c == "u" || c == "l" { once = c } else { mode = c }
            }
        }
        return out
    }
}

extension ShellSession {
    func sed(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var quiet = false, extended = false, inPlace = false, separate = false
        var backupSuffix = ""
        var scripts: [String] = []
        var files: [String] = []
        var i = 0
        func usage() {
            io.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n")
        }
        while i < args.count {
            let a = args[i]
            i += 1
            if a == "--" { files += args[i...]; break }
            if a.hasPrefix("--") {
                let (name, value) = { () -> (String, String?) in
                    let p = a.dropFirst(2).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (String(p[0]), p.count > 1 ? String(p[1]) : nil)
                }()
                switch name {
                case "quiet", "silent": quiet = true
                case "regexp-extended": extended = true
                case "in-place":
                    inPlace = true
                    backupSuffix = value ?? ""
                case "separate": separate = true
                case "expression":
                    if let value { scripts.append(value) } else if i < args.count { scripts.append(args[i]); i += 1 }
                case "file":
                    let f = value ?? (i < args.count ? args[i] : "")
                    if value == nil { i += 1 }
                    guard let t = workspace.readFile(f) else {
                        io.err("sed: couldn't open file \(f): No such file or directory\n")
                        return 1
                    }
                    scripts.append(t)
                case "posix", "debug", "sandbox", "follow-symlinks", "unbuffered", "null-data": break
                default:
                    io.err("sed: unrecognized option '\(a)'\n")
                    usage()
                    return 1
                }
                continue
            }
            if a.hasPrefix("-") && a.count > 1 {
                let chars = Array(a.dropFirst())
                var k = 0
                while k < chars.count {
                    let ch = chars[k]
                    k += 1
                    switch ch {
                    case "n": quiet = true
                    case "E", "r": extended = true
                    case "s": separate = true
                    case "u", "z": break
                    case "i":
                        inPlace = true
                        backupSuffix = String(chars[k...])  // -i.bak
                        k = chars.count
                    case "e", "f":
                        var value = String(chars[k...])
                        if value.isEmpty {
                            guard i < args.count else {
                                io.err("sed: option requires an argument -- '\(ch)'\n")
                                usage()
                                return 1
                            }
                            value = args[i]
                            i += 1
                        }
                        k = chars.count
                        if ch == "e" {
                            scripts.append(value)
                        } else {
                            guard let t = workspace.readFile(value) else {
                                io.err("sed: couldn't open file \(value): No such file or directory\n")
                                return 1
                            }
                            scripts.append(t)
                        }
                    default:
                        io.err("sed: invalid option -- '\(ch)'\n")
                        usage()
                        return 1
                    }
                }
                continue
            }
            files.append(a)
        }
        if scripts.isEmpty {
            guard !files.isEmpty else {
                usage()
                return 1
            }
            scripts.append(files.removeFirst())
        }
        let script: SedScript
        do {
            script = try SedScript(scripts.joined(separator: "\n"), extended: extended)
        } catch let f as SedScript.ParseFailure {
            io.err("sed: -e expression #1, char \(f.char): \(f.message)\n")
            return 1
        }
        if inPlace && files.isEmpty {
            io.err("sed: no input files\n")
            return 1
        }
        var status: Int32 = 0
        if files.isEmpty { files = ["-"] }

        func flushWrites(_ o: SedScript.Outcome) {
            var byFile: [String: String] = [:]
            var order: [String] = []
            for (f, t) in o.writes {
                if byFile[f] == nil { order.append(f) }
                byFile[f, default: ""] += t
            }
            for f in order {
                if f == "/dev/stdout" { io.out(byFile[f]!) } else { try? workspace.writeFile(f, contents: byFile[f]!) }
            }
        }

        if inPlace || separate {
            for f in files {
                guard let n = workspace.node(f) else {
                    io.err("sed: can't read \(f): No such file or directory\n")
                    status = 2
                    continue
                }
                if n.kind == .directory {
                    io.err(inPlace ? "sed: couldn't edit \(f): not a regular file\n" : "sed: read error on \(f): Is a directory\n")
                    status = inPlace ? 4 : 2
                    continue
                }
                var ranges: [Bool] = []
                let outcome: SedScript.Outcome
                do {
                    outcome = try script.run(splitLines(n.contents), quiet: quiet, rangeState: &ranges)
                } catch let f as PosixRegex.Failure {
                    io.err("sed: \(f.message)\n")
                    return 4
                }
                var text = outcome.output
                if !endsWithNewline(n.contents), text.hasSuffix("\n") { text.removeLast() }
                if inPlace {
                    do {
                        if !backupSuffix.isEmpty {
                            let backup = backupSuffix.contains("*")
                                ? backupSuffix.replacingAll("*", with: VirtualFS.basename(f))
                                : f + backupSuffix
                            try workspace.writeFile(backup, contents: n.contents)
                        }
                        try workspace.writeFile(f, contents: text)
                    } catch let e as FSError {
                        io.err("sed: couldn't open temporary file \(f): \(e.reason)\n")
                        status = 4
                    }
                } else {
                    io.out(text)
                }
                flushWrites(outcome)
                if let q = outcome.quit {
                    if q != 0 { status = q }
                    break
                }
            }
            return status
        }
        // One continuous stream over all files.
        var lines: [String] = []
        var lastMissingNewline = false
        for f in files {
            switch readInput(f, io) {
            case .failure(let e):
                io.err(e.code == .isADirectory ? "sed: read error on \(f): Is a directory\n" : "sed: can't read \(f): \(e.reason)\n")
                status = 2
            case .success(let t):
                lines += splitLines(t)
                if !t.isEmpty { lastMissingNewline = !endsWithNewline(t) }
            }
        }
        var ranges: [Bool] = []
        let outcome: SedScript.Outcome
        do {
            outcome = try script.run(lines, quiet: quiet, rangeState: &ranges)
        } catch let f as PosixRegex.Failure {
            io.err("sed: \(f.message)\n")
            return 4
        }
        var text = outcome.output
        if lastMissingNewline, outcome.quit == nil, text.hasSuffix("\n") { text.removeLast() }
        io.out(text)
        flushWrites(outcome)
        if let q = outcome.quit, q != 0 { return q }
        return status
    }
}
