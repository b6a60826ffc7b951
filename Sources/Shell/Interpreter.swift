import Kubectl

/// Where a file descriptor's output goes while a command runs.
enum OutputDestination: Equatable {
    case stdout, stderr, null
    case file(String)
}

/// Saved shell state for subshells (`( … )`, `$( … )`, pipeline stages, `bash -c`).
struct ShellSnapshot {
    var variables: [String: String]
    var functions: [String: Command]
    var exported: [String]
    var aliases: [String: String]
    var positional: [String]
    var shellName: String
    var cwd: String
}

extension ShellSession {
    // MARK: Lists

    func run(_ list: CommandList, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        var status = lastExitCode
        for (item, background) in list.items {
            // `cmd &`: a job (Jobs.swift).
            status = background ? try runBackground(item, ctx, &out) : try run(item, ctx, &out)
        }
        return status
    }

    func run(_ andOr: AndOrList, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        var status = try run(andOr.first, ctx, &out)
        lastExitCode = status
        for (op, p) in andOr.rest {
            if (op == .and) == (status == 0) {
                status = try run(p, ctx, &out)
                lastExitCode = status
            }
        }
        return status
    }

    func run(_ p: Pipeline, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        var status: Int32
        if p.commands.count == 1 {
            status = try run(p.commands[0], ctx, &out)
        } else {
            var input = ctx.stdin
            status = 0
            for (i, cmd) in p.commands.enumerated() {
                let last = i == p.commands.count - 1
                var stage = ctx
                stage.stdin = input
                stage.stdoutIsTerminal = last ? ctx.stdoutIsTerminal : false
                stage.depth += 1
                stage.inSubshell = true
                var stageOut = OutputBuffer()
                let snap = snapshot()
                status = try statusOfSubshell { try run(cmd, stage, &stageOut) }
                restore(snap)
                if last {
                    append(stageOut, to: &out)
                } else {
                    let both = p.stderrToo.indices.contains(i) && p.stderrToo[i]
                    var piped = ""
                    for c in stageOut.chunks {
                        if c.stream == .stdout || both { piped += c.text } else { out.err(c.text) }
                    }
                    input = Input(piped)
                }
            }
        }
        if p.negated { status = status == 0 ? 1 : 0 }
        return status
    }

    func append(_ src: OutputBuffer, to out: inout OutputBuffer) {
        for c in src.chunks {
            if c.stream == .stdout { out.out(c.text) } else { out.err(c.text) }
        }
    }

    // MARK: Commands

    /// The exit status of `body` run in a subshell (a pipeline stage, a command
    /// substitution): `exit N` and `return N` end only the subshell, with N, and a `break` or
    /// `continue` with no loop to leave ends it with 0.
    func statusOfSubshell(_ body: () throws -> Int32) throws -> Int32 {
        do {
            return try body()
        } catch ControlFlow.exit(let code) {
            return code
        } catch ControlFlow.breakLoop, ControlFlow.continueLoop {
            return 0
        } catch ControlFlow.returnFromFunction(let code) {
            return code
        }
    }

    /// How one run of a loop body ended.
    enum LoopBodyOutcome { case finished, continued, broke }

    /// Runs a loop body once. `break N` and `continue N` aimed at an enclosing loop go on to
    /// it as N-1; aimed at this one, they end the run with their own exit status, 0, as in
    /// bash (`for ((…)); do …; continue; done` then has status 0 too).
    func runLoopBody(_ body: CommandList, _ ctx: ExecContext, _ out: inout OutputBuffer,
                     status: inout Int32) throws -> LoopBodyOutcome {
        do {
            status = try run(body, ctx, &out)
            return .finished
        } catch ControlFlow.breakLoop(let n) {
            if n > 1 { throw ControlFlow.breakLoop(n - 1) }
            status = 0
            return .broke
        } catch ControlFlow.continueLoop(let n) {
            if n > 1 { throw ControlFlow.continueLoop(n - 1) }
            status = 0
            return .continued
        }
    }

    func run(_ cmd: Command, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        switch cmd.kind {
        case .simple(let sc):
            return try runSimple(sc, cmd.redirections, ctx, &out)
        default:
            if cmd.redirections.isEmpty { return try runCompound(cmd.kind, ctx, &out) }
            return try withRedirections(cmd.redirections, ctx, &out) { inner, o in
                try self.runCompound(cmd.kind, inner, &o)
            }
        }
    }

    private func runCompound(_ kind: CommandKind, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        switch kind {
        case .simple:
            return 0
        case .group(let body):
            return try run(body, ctx, &out)
        case .subshell(let body):
            guard ctx.depth < ShellSession.maxNesting else {
                throw ControlFlow.abort("bash: maximum nesting level exceeded (kubelab allows \(ShellSession.maxNesting))", 1)
            }
            var inner = ctx
            inner.depth += 1
            inner.loopDepth = 0
            inner.inSubshell = true
            let snap = snapshot()
            defer { restore(snap) }
            do {
                return try run(body, inner, &out)
            } catch ControlFlow.exit(let code) {
                return code
            }
        case .functionDefinition(let name, let body):
            functions[name] = body
            return 0
        case .arithmetic(let text):
            return try arithmeticValue(text, ctx, &out) != 0 ? 0 : 1
        case .arithmeticFor(let initial, let condition, let step, let body):
            _ = try arithmeticValue(initial, ctx, &out)
            var status: Int32 = 0
            var iterations = 0
            var inner = ctx
            inner.loopDepth += 1
            loop: while true {
                if !condition.shellTrim(" \t\n").isEmpty, try arithmeticValue(condition, ctx, &out) == 0 { break }
                iterations += 1
                if iterations > ShellSession.maxLoopIterations {
                    throw ControlFlow.abort("kubelab: for: loop stopped after \(ShellSession.maxLoopIterations) iterations (simulator limit)", 1)
                }
                if try runLoopBody(body, inner, &out, status: &status) == .broke { break loop }
                _ = try arithmeticValue(step, ctx, &out)
            }
            return status
        case .forLoop(let variable, let items, let body):
            let values: [String]
            if let items { values = try expandWords(items, ctx, &out) } else { values = positional }
            if values.count > ShellSession.maxLoopIterations {
                throw ControlFlow.abort("kubelab: for: \(values.count) items is more than the simulator runs in one loop (limit \(ShellSession.maxLoopIterations))", 1)
            }
            var status: Int32 = 0
            var inner = ctx
            inner.loopDepth += 1
            loop: for v in values {
                try assign(variable, v)
                if try runLoopBody(body, inner, &out, status: &status) == .broke { break loop }
            }
            return status
        case .whileLoop(let condition, let body, let until):
            var status: Int32 = 0
            var iterations = 0
            var inner = ctx
            inner.loopDepth += 1
            loop: while true {
                let c = try run(condition, inner, &out)
                lastExitCode = c
                if (c == 0) == until { break }
                iterations += 1
                if iterations > ShellSession.maxLoopIterations {
                    throw ControlFlow.abort("kubelab: \(until ? "until" : "while"): loop stopped after \(ShellSession.maxLoopIterations) iterations (simulator limit)", 1)
                }
                switch try runLoopBody(body, inner, &out, status: &status) {
                case .finished: lastExitCode = status
                case .continued: break
                case .broke: break loop
                }
            }
            return status
        case .ifThen(let clauses, let elseBody):
            for clause in clauses {
                let c = try run(clause.condition, ctx, &out)
                lastExitCode = c
                if c == 0 { return try run(clause.body, ctx, &out) }
            }
            if let elseBody { return try run(elseBody, ctx, &out) }
            return 0
        case .caseOf(let subject, let arms):
            let value = try expandToString(subject, ctx, &out)
            for arm in arms {
                for p in arm.patterns {
                    let pattern = try expandToPattern(p, ctx, &out)
                    if globMatch(pattern, value) {
                        return arm.body.isEmpty ? 0 : try run(arm.body, ctx, &out)
                    }
                }
            }
            return 0
        }
    }

    /// Expands `$x`/`$(…)` in arithmetic text, then evaluates it.
    func arithmeticValue(_ text: String, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int {
        let expanded = try expandPartsToString(try Lexer(text, atEOF: true).lexLooseWord(), ctx, &out, quoted: true)
        return try evaluateArithmetic(expanded)
    }

    // MARK: Simple commands

    private func runSimple(_ sc: SimpleCommand, _ redirections: [Redirection], _ ctx: ExecContext,
                           _ out: inout OutputBuffer) throws -> Int32 {
        commandsRun += 1
        if commandsRun > ShellSession.maxCommandsPerLine {
            throw ControlFlow.abort("kubelab: stopped after \(ShellSession.maxCommandsPerLine) commands in one line (simulator limit)", 1)
        }
        lastSubstitutionStatus = nil
        // `<(…)` files live as long as the command that reads them.
        let temporaryMark = temporaryPaths.count
        defer { cleanTemporaries(from: temporaryMark) }
        var words = sc.words
        var seenAliases: Set<String> = []
        while let first = words.first?.plainLiteral, let value = aliases[first], !seenAliases.contains(first),
              let aliasWords = ShellSession.words(of: value) {
            seenAliases.insert(first)
            words = aliasWords + words.dropFirst()
            if !value.hasSuffix(" ") { break }
        }
        let declaration = words.first?.plainLiteral.map { ["export", "declare", "local", "readonly", "typeset"].contains($0) } ?? false
        var argv: [String] = []
        if declaration {
            argv.append(words[0].plainLiteral!)
            for w in words.dropFirst() {
                if Parser.assignment(w) != nil {
                    argv.append(try expandToString(w, ctx, &out))
                } else {
                    argv += try expandWords([w], ctx, &out)
                }
            }
        } else {
            argv = try expandWords(words, ctx, &out)
        }
        var assignments: [(String, String, Bool)] = []
        for a in sc.assignments {
            assignments.append((a.name, try expandToString(a.value, ctx, &out), a.append))
        }

        if argv.isEmpty {
            for (name, value, append) in assignments {
                try assign(name, append ? (variables[name] ?? "") + value : value)
            }
            let status = lastSubstitutionStatus ?? 0
            if redirections.isEmpty { return status }
            return try withRedirections(redirections, ctx, &out) { _, _ in status }
        }

        let invoke: (ExecContext, inout OutputBuffer) throws -> Int32 = { inner, o in
            try self.invoke(argv, assignments: assignments, inner, &o)
        }
        if redirections.isEmpty { return try invoke(ctx, &out) }
        return try withRedirections(redirections, ctx, &out, invoke)
    }

    /// The words of an alias value, when it is a plain command prefix.
    static func words(of text: String) -> [Word]? {
        let lexer = Lexer(text, atEOF: true)
        var words: [Word] = []
        while true {
            guard let t = try? lexer.nextToken() else { return nil }
            switch t {
            case .word(let w): words.append(w)
            case .eof, .newline: return words.isEmpty ? nil : words
            default: return nil
            }
        }
    }

    /// Runs a command by name: built-in, script path, or the host.
    func invoke(_ argv: [String], assignments: [(String, String, Bool)], _ ctx: ExecContext,
                _ out: inout OutputBuffer) throws -> Int32 {
        let name = argv[0]
        // What background watches printed so far comes before this command's output.
        if ctx.stdoutIsTerminal && !ctx.inSubshell && streamRequest != .background && !jobs.isEmpty {
            flushJobOutput(&out)
        }
        if let body = functions[name] {
            return try callFunction(name, body, Array(argv.dropFirst()), assignments: assignments, ctx, &out)
        }
        if let builtin = ShellSession.builtins[name] {
            // VAR=x builtin: the assignment lasts for the command only.
            var saved: [(String, String?)] = []
            for (k, v, app) in assignments {
                saved.append((k, variables[k]))
                variables[k] = app ? (variables[k] ?? "") + v : v
            }
            defer { for (k, v) in saved.reversed() { variables[k] = v } }
            let io = CommandIO(stdin: ctx.stdin, stdoutIsTerminal: ctx.stdoutIsTerminal)
            currentCommand = name
            let status: Int32
            do {
                status = try builtin(self)(Array(argv.dropFirst()), io, ctx)
            } catch {
                account(io.output)
                append(io.output, to: &out)
                throw error
            }
            account(io.output)
            append(io.output, to: &out)
            try checkOutputLimit()
            return status & 0xff
        }
        if name.contains("/") {
            return try runScriptFile(name, args: Array(argv.dropFirst()), ctx, &out)
        }
        var env = environment
        for (k, v, app) in assignments { env[k] = app ? (env[k] ?? variables[k] ?? "") + v : v }
        if ctx.stdin.isTerminal && ctx.stdoutIsTerminal && !ctx.inSubshell && foreground == nil && streamRequest != .background,
           let (program, greeting) = host.startInteractive(command: argv, environment: env, workspace: workspace) {
            foreground = program
            var result = OutputBuffer()
            result.append(greeting)
            account(result)
            append(result, to: &out)
            return greeting.exitCode & 0xff
        }
        if ctx.stdin.isTerminal, foreground == nil, foregroundStream == nil,
           let status = startStreamIfRequested(argv, environment: env, ctx, &out) {
            nextPid += 1
            return status
        }
        nextPid += 1
        if let hostResult = host.run(command: argv, stdin: ctx.stdin.forHost(), environment: env, workspace: workspace) {
            var result = OutputBuffer()
            result.append(hostResult)
            account(result)
            append(result, to: &out)
            try checkOutputLimit()
            return hostResult.exitCode & 0xff
        }
        out.err("bash: \(name): command not found\n")
        return 127
    }

    func callFunction(_ name: String, _ body: Command, _ args: [String], assignments: [(String, String, Bool)],
                      _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        guard functionDepth < ShellSession.maxFunctionDepth else {
            throw ControlFlow.abort("bash: \(name): maximum function nesting level exceeded (\(ShellSession.maxFunctionDepth))", 1)
        }
        let savedPositional = positional
        var saved: [(String, String?)] = []
        for (k, v, app) in assignments {
            saved.append((k, variables[k]))
            variables[k] = app ? (variables[k] ?? "") + v : v
        }
        positional = args
        functionDepth += 1
        localFrames.append([:])
        defer {
            functionDepth -= 1
            if let frame = localFrames.popLast() {
                for (k, v) in frame { variables[k] = v }
            }
            for (k, v) in saved.reversed() { variables[k] = v }
            positional = savedPositional
        }
        var inner = ctx
        inner.loopDepth = 0
        do {
            return try run(body, inner, &out)
        } catch ControlFlow.returnFromFunction(let code) {
            return code
        }
    }

    /// Counts output against the per-line limit.
    func account(_ o: OutputBuffer) {
        for c in o.chunks { bytesProduced += c.text.utf8.count }
    }

    func checkOutputLimit() throws {
        if bytesProduced > ShellSession.maxOutputPerLine {
            throw ControlFlow.abort("kubelab: output limit exceeded (\(ShellSession.maxOutputPerLine >> 20) MiB in one command line); stopped", 1)
        }
    }

    /// `./script.sh`, `/root/x.sh`: a script in the workspace.
    private func runScriptFile(_ path: String, args: [String], _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        guard let node = workspace.node(path) else {
            out.err("bash: \(path): No such file or directory\n")
            return 127
        }
        if node.kind == .directory {
            out.err("bash: \(path): Is a directory\n")
            return 126
        }
        if node.mode & 0o111 == 0 || node.kind != .file {
            out.err("bash: \(path): Permission denied\n")
            return 126
        }
        return try runScript(node.contents, name: path, args: args, subshell: true, ctx, &out)
    }

    /// Runs script text (`bash x.sh`, `source x.sh`, `./x.sh`, `eval`).
    func runScript(_ text: String, name: String, args: [String]?, subshell: Bool, _ ctx: ExecContext,
                   _ out: inout OutputBuffer) throws -> Int32 {
        guard ctx.depth < ShellSession.maxNesting else {
            throw ControlFlow.abort("bash: \(name): maximum nesting level exceeded (kubelab allows \(ShellSession.maxNesting))", 1)
        }
        var inner = ctx
        inner.depth += 1
        if subshell { inner.inSubshell = true }
        let snap = snapshot()
        if let args { positional = args }
        if subshell { shellName = name }
        defer {
            if subshell { restore(snap) } else if args != nil { positional = snap.positional }
        }
        let parser = Parser(text, atEOF: true)
        var status: Int32 = 0
        do {
            while true {
                do {
                    guard let list = try parser.parseCompleteCommand() else { break }
                    for w in parser.lexer.warnings { out.err("\(name): \(w)\n") }
                    parser.lexer.warnings.removeAll()
                    if list.isEmpty { continue }
                    status = try run(list, inner, &out)
                    lastExitCode = status
                } catch let e as ParseError {
                    if case .syntax(let msg) = e { out.err("\(name): \(msg)\n") }
                    return 2
                }
            }
        } catch ControlFlow.exit(let code) where subshell {
            return code
        }
        return status
    }

    // MARK: Redirections

    func withRedirections(_ redirections: [Redirection], _ ctx: ExecContext, _ out: inout OutputBuffer,
                          _ body: (ExecContext, inout OutputBuffer) throws -> Int32) throws -> Int32 {
        var dest: [Int: OutputDestination] = [1: .stdout, 2: .stderr]
        var stdin = ctx.stdin
        var fileOrder: [String] = []

        func open(_ target: String, append: Bool) throws -> OutputDestination {
            let p = workspace.resolve(target)
            if p == "/dev/null" { return .null }
            if p == "/dev/stdout" { return dest[1] ?? .null }
            if p == "/dev/stderr" { return dest[2] ?? .null }
            if append {
                try workspace.appendFile(target, contents: "")
            } else {
                try workspace.writeFile(target, contents: "")
            }
            if !fileOrder.contains(target) { fileOrder.append(target) }
            return .file(target)
        }

        for r in redirections {
            do {
                switch r.op {
                case .hereDoc:
                    let body = r.hereDoc.map { $0.body } ?? []
                    let text = try expandToString(Word(parts: [.doubleQuoted(body)], raw: ""), ctx, &out, hereDoc: true)
                    if (r.fd ?? 0) == 0 { stdin = Input(text) }
                case .hereString:
                    let text = try expandToString(r.target, ctx, &out)
                    if (r.fd ?? 0) == 0 { stdin = Input(text + "\n") }
                default:
                    let targets = try expandWords([r.target], ctx, &out)
                    guard targets.count == 1, let target = targets.first else {
                        out.err("bash: \(r.target.raw): ambiguous redirect\n")
                        return 1
                    }
                    switch r.op {
                    case .input, .readWrite:
                        if r.op == .readWrite && !workspace.exists(target) { try workspace.writeFile(target, contents: "") }
                        guard let node = workspace.node(target) else { throw FSError(.notFound, target) }
                        if node.kind == .directory { throw FSError(.isADirectory, target) }
                        if (r.fd ?? 0) == 0 { stdin = Input(node.contents) }
                    case .output:
                        dest[r.fd ?? 1] = try open(target, append: false)
                    case .append:
                        dest[r.fd ?? 1] = try open(target, append: true)
                    case .outputBoth, .appendBoth:
                        let d = try open(target, append: r.op == .appendBoth)
                        dest[1] = d
                        dest[2] = d
                    case .duplicateOutput:
                        if target == "-" {
                            dest[r.fd ?? 1] = .null
                        } else if let n = Int(target) {
                            guard let d = dest[n] else {
                                out.err("bash: \(n): Bad file descriptor\n")
                                return 1
                            }
                            dest[r.fd ?? 1] = d
                        } else if r.fd == nil || r.fd == 1 {
                            let d = try open(target, append: false)
                            dest[1] = d
                            dest[2] = d
                        } else {
                            out.err("bash: \(target): ambiguous redirect\n")
                            return 1
                        }
                    case .duplicateInput:
                        if target == "-" && (r.fd ?? 0) == 0 { stdin = Input("") }
                    default:
                        break
                    }
                }
            } catch let e as FSError {
                out.err("bash: \(e.path): \(e.reason)\n")
                return 1
            }
        }

        var inner = ctx
        inner.stdin = stdin
        inner.stdoutIsTerminal = ctx.stdoutIsTerminal && dest[1] == .stdout
        var captured = OutputBuffer()
        var status: Int32 = 0
        var pending: Error? = nil
        do {
            status = try body(inner, &captured)
        } catch {
            pending = error
        }
        // Route what the command printed.
        var fileText: [String: String] = [:]
        for c in captured.chunks {
            let d = (c.stream == .stdout ? dest[1] : dest[2]) ?? .null
            switch d {
            case .stdout: out.out(c.text)
            case .stderr: out.err(c.text)
            case .null: break
            case .file(let p): fileText[p, default: ""] += c.text
            }
        }
        for p in fileOrder {
            guard let text = fileText[p], !text.isEmpty else { continue }
            do {
                try workspace.appendFile(p, contents: text)
            } catch let e as FSError {
                out.err("bash: \(e.path): \(e.reason)\n")
                if status == 0 { status = 1 }
            }
        }
        if let pending { throw pending }
        return status
    }

    // MARK: State

    func snapshot() -> ShellSnapshot {
        ShellSnapshot(variables: variables, functions: functions, exported: exported, aliases: aliases, positional: positional,
                      shellName: shellName, cwd: workspace.cwd)
    }

    func restore(_ s: ShellSnapshot) {
        variables = s.variables
        functions = s.functions
        exported = s.exported
        aliases = s.aliases
        positional = s.positional
        shellName = s.shellName
        workspace.forceCwd(s.cwd)
    }

    /// Sets a variable from the shell (`x=1`, `for x in`, `read x`), checking sizes.
    func assign(_ name: String, _ value: String) throws {
        if value.utf8.count > ShellSession.maxWordBytes {
            throw ControlFlow.abort("kubelab: \(name): value too large (limit \(ShellSession.maxWordBytes >> 20) MiB)", 1)
        }
        if ["UID", "EUID"].contains(name) {
            throw ControlFlow.abort("bash: \(name): readonly variable", 1)
        }
        variables[name] = value
    }
}

extension VirtualFS {
    /// Restores a working directory saved before a subshell, even if it was removed since.
    func forceCwd(_ path: String) {
        if cwd == path { return }
        if (try? changeDirectory(path)) == nil { setCwdUnchecked(path) }
    }
}
