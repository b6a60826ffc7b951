import Kubectl

/// `test`, `[ … ]` and (approximately) `[[ … ]]`.
extension ShellSession {
    struct TestError: Error { var message: String }

    func test(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let name = currentCommand
        var a = args
        if name == "[" {
            guard a.last == "]" else {
                io.err("bash: [: missing `]'\n")
                return 2
            }
            a.removeLast()
        } else if name == "[[" {
            guard a.last == "]]" else {
                io.err("bash: syntax error in conditional expression\n")
                return 2
            }
            a.removeLast()
        }
        do {
            var parser = TestParser(args: a, shell: self, doubleBracket: name == "[[")
            return try parser.evaluate() ? 0 : 1
        } catch let e as TestError {
            io.err("bash: \(name == "[[" ? "[[" : name): \(e.message)\n")
            return 2
        }
    }
}

struct TestParser {
    let args: [String]
    let shell: ShellSession
    let doubleBracket: Bool
    var i = 0
    var depth = 0

    init(args: [String], shell: ShellSession, doubleBracket: Bool) {
        self.args = args
        self.shell = shell
        self.doubleBracket = doubleBracket
    }

    static let unary: Set<String> = ["-e", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-L", "-h", "-a", "-b", "-c", "-p", "-S", "-g", "-u", "-k", "-O", "-G", "-N", "-t", "-v"]
    static let binary: Set<String> = ["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "=~", "-nt", "-ot", "-ef"]

    mutating func evaluate() throws -> Bool {
        // POSIX rules by argument count, then the general grammar.
        switch args.count {
        case 0: return false
        case 1: return !args[0].isEmpty
        case 2:
            if args[0] == "!" { return args[1].isEmpty }
            if TestParser.unary.contains(args[0]) { return try unaryOp(args[0], args[1]) }
            throw ShellSession.TestError(message: "\(args[0]): unary operator expected")
        case 3:
            if TestParser.binary.contains(args[1]) { return try binaryOp(args[0], args[1], args[2]) }
            if args[0] == "!" {
                var sub = TestParser(args: Array(args.dropFirst()), shell: shell, doubleBracket: doubleBracket)
                return !(try sub.evaluate())
            }
            if args[0] == "(" && args[2] == ")" { return !args[1].isEmpty }
        default: break
        }
        let v = try orExpr()
        guard i == args.count else { throw ShellSession.TestError(message: "too many arguments") }
        return v
    }

    private mutating func orExpr() throws -> Bool {
        var v = try andExpr()
        while i < args.count, args[i] == "-o" || args[i] == "||" {
            i += 1
            let r = try andExpr()
            v = v || r
        }
        return v
    }

    private mutating func andExpr() throws -> Bool {
        var v = try notExpr()
        while i < args.count, args[i] == "-a" || args[i] == "&&" {
            i += 1
            let r = try notExpr()
            v = v && r
        }
        return v
    }

    private mutating func notExpr() throws -> Bool {
        var negate = false
        while i < args.count, args[i] == "!" {
            negate.toggle()
            i += 1
        }
        let v = try primary()
        return negate ? !v : v
    }

    private mutating func primary() throws -> Bool {
        guard i < args.count else { throw ShellSession.TestError(message: "argument expected") }
        if args[i] == "(" {
            depth += 1
            defer { depth -= 1 }
            if depth > 100 { throw ShellSession.TestError(message: "expression nested too deeply") }
            i += 1
            let v = try orExpr()
            guard i < args.count, args[i] == ")" else { throw ShellSession.TestError(message: "`)' expected") }
            i += 1
            return v
        }
        if i + 2 < args.count, TestParser.binary.contains(args[i + 1]) {
            let v = try binaryOp(args[i], args[i + 1], args[i + 2])
            i += 3
            return v
        }
        if TestParser.unary.contains(args[i]), i + 1 < args.count {
            let v = try unaryOp(args[i], args[i + 1])
            i += 2
            return v
        }
        let v = !args[i].isEmpty
        i += 1
        return v
    }

    private func unaryOp(_ op: String, _ x: String) throws -> Bool {
        let fs = shell.workspace
        switch op {
        case "-e", "-a": return fs.exists(x)
        case "-f": return fs.isFile(x)
        case "-d": return fs.isDirectory(x)
        case "-s": return (fs.node(x).map { $0.kind == .directory || !$0.contents.isEmpty }) ?? false
        case "-r", "-w": return fs.exists(x)
        case "-x": return fs.node(x).map { $0.kind == .directory || $0.mode & 0o111 != 0 } ?? false
        case "-c": return fs.node(x)?.kind == .device
        case "-z": return x.isEmpty
        case "-n": return !x.isEmpty
        case "-v": return shell.variable(x) != nil
        case "-O", "-G": return fs.exists(x)
        default: return false
        }
    }

    private func integer(_ s: String) throws -> Int {
        guard let v = Int(s.shellTrim(" \t")) else { throw ShellSession.TestError(message: "\(s): integer expression expected") }
        return v
    }

    private func binaryOp(_ a: String, _ op: String, _ b: String) throws -> Bool {
        switch op {
        case "=", "==":
            return doubleBracket ? globMatch(b, a) : a == b
        case "!=":
            return doubleBracket ? !globMatch(b, a) : a != b
        case "<": return VirtualFS.cOrder(a, b)
        case ">": return VirtualFS.cOrder(b, a)
        case "=~":
            guard let r = try? PosixRegex(b, extended: true) else { return false }
            return (try? r.matches(a)) ?? false
        case "-eq": return try integer(a) == integer(b)
        case "-ne": return try integer(a) != integer(b)
        case "-lt": return try integer(a) < integer(b)
        case "-le": return try integer(a) <= integer(b)
        case "-gt": return try integer(a) > integer(b)
        case "-ge": return try integer(a) >= integer(b)
        case "-nt": return (shell.workspace.node(a)?.mtime ?? 0) > (shell.workspace.node(b)?.mtime ?? 0)
        case "-ot": return (shell.workspace.node(a)?.mtime ?? 0) < (shell.workspace.node(b)?.mtime ?? 0)
        default: return shell.workspace.resolve(a) == shell.workspace.resolve(b)
        }
    }
}
