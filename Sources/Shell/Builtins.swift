import Kubectl

/// Standard input and collected output of one built-in command.
final class CommandIO {
    let stdin: Input
    let stdoutIsTerminal: Bool
    var output = OutputBuffer()

    init(stdin: Input, stdoutIsTerminal: Bool) {
        self.stdin = stdin
        self.stdoutIsTerminal = stdoutIsTerminal
    }

    func out(_ s: String) { output.out(s) }
    func err(_ s: String) { output.err(s) }

    /// A GNU coreutils usage error: `CMD: MESSAGE`, then the pointer to `CMD --help`.
    func usageError(_ cmd: String, _ message: String) {
        err("\(cmd): \(message)\nTry '\(cmd) --help' for more information.\n")
    }
}

typealias Builtin = (ShellSession) -> ([String], CommandIO, ExecContext) throws -> Int32

/// Options parsed GNU-style: clustered short flags, values attached or separate, long
/// options, `--`, options after operands.
struct ParsedOptions {
    var flags: [Character] = []
    var values: [(Character, String)] = []
    var operands: [String] = []

    func has(_ c: Character) -> Bool { flags.contains(c) || values.contains { $0.0 == c } }
    func value(_ c: Character) -> String? { values.last { $0.0 == c }?.1 }
    func all(_ c: Character) -> [String] { values.filter { $0.0 == c }.map(\.1) }
}

extension ShellSession {
    /// Parses options; prints GNU's error and returns nil on a bad one.
    /// `spec`: flag letters, a letter followed by `:` takes a value.
    /// `long`: long name → short letter (a long option takes a value when its letter does).
    func parseOptions(_ args: [String], spec: String, long: [String: Character] = [:], cmd: String,
                      io: CommandIO, permute: Bool = true) -> ParsedOptions? {
        var takesValue: Set<Character> = []
        var known: Set<Character> = []
        let s = Array(spec)
        for (i, c) in s.enumerated() where c != ":" {
            known.insert(c)
            if i + 1 < s.count, s[i + 1] == ":" { takesValue.insert(c) }
        }
        var r = ParsedOptions()
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            if a == "--" {
                r.operands += args[i...]
                break
            }
            if a.hasPrefix("--") {
                let body = a.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let inline = body.contains("=") ? String(body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[1]) : nil
                let matches = long.keys.filter { $0 == name } + (long[name] == nil ? long.keys.filter { $0.hasPrefix(name) } : [])
                guard let full = matches.first, matches.count == 1 || long[name] != nil, let c = long[full] else {
                    if matches.count > 1 {
                        io.usageError(cmd, "option '--\(name)' is ambiguous")
                    } else {
                        io.usageError(cmd, "unrecognized option '\(a)'")
                    }
                    return nil
                }
                if takesValue.contains(c) {
                    if let inline { r.values.append((c, inline)) } else if i < args.count {
                        r.values.append((c, args[i])); i += 1
                    } else {
                        io.usageError(cmd, "option '--\(full)' requires an argument")
                        return nil
                    }
                } else if c != "\0" {
                    r.flags.append(c)
                }
                continue
            }
            if a.hasPrefix("-") && a.count > 1 {
                let chars = Array(a.dropFirst())
                var k = 0
                while k < chars.count {
                    let c = chars[k]
                    guard known.contains(c) else {
                        io.usageError(cmd, "invalid option -- '\(c)'")
                        return nil
                    }
                    if takesValue.contains(c) {
                        if k + 1 < chars.count {
                            r.values.append((c, String(chars[(k + 1)...])))
                        } else if i < args.count {
                            r.values.append((c, args[i])); i += 1
                        } else {
                            io.usageError(cmd, "option requires an argument -- '\(c)'")
                            return nil
                        }
                        break
                    }
                    r.flags.append(c)
                    k += 1
                }
                continue
            }
            r.operands.append(a)
            if !permute {
                r.operands += args[i...]
                break
            }
        }
        return r
    }

    /// The simulated programs found on `master01`'s PATH (`type` says `/usr/bin/X`).
    static let programNames: Set<String> = [
        "ls", "cat", "cp", "mv", "rm", "rmdir", "mkdir", "touch", "chmod", "sed", "grep", "egrep", "fgrep",
        "head", "tail", "wc", "sleep", "clear", "env", "sort", "uniq", "cut", "tr", "tee", "base64", "which",
        "vim", "vi", "nano", "seq", "basename", "dirname", "date", "hostname", "whoami", "id", "uname",
        "find", "xargs", "tac", "more", "less", "bash", "sh", "printf", "echo", "pwd", "true", "false",
        "test", "[", "awk", "yes", "paste", "watch", "timeout", "sudo", "nohup",
    ]

    /// Names bash itself implements (`type` says "is a shell builtin").
    static let shellBuiltinNames: Set<String> = [
        "cd", "pwd", "echo", "printf", "export", "unset", "set", "alias", "unalias", "history", "exit", "logout",
        "true", "false", ":", "test", "[", "read", "shift", "source", ".", "eval", "exec", "command", "type",
        "break", "continue", "wait", "jobs", "local", "return", "complete", "compgen", "compopt", "shopt",
        "trap", "bind", "disown", "ulimit", "umask", "kill", "declare", "typeset", "readonly", "hash", "help",
        "fg", "bg",
    ]

    static let keywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done",
        "in", "function", "time", "{", "}", "!", "[[", "]]",
    ]

    static func builtin(_ name: String) -> Builtin? {
        switch name {
        case "cd": return ShellSession.cd
        case "pwd": return ShellSession.pwd
        case "echo": return ShellSession.echo
        case "printf": return ShellSession.printf
        case "export": return ShellSession.export
        case "declare", "typeset", "readonly": return ShellSession.declare
        case "local": return ShellSession.local
        case "return": return ShellSession.returnBuiltin
        case "unset": return ShellSession.unset
        case "env": return ShellSession.env
        case "set": return ShellSession.set
        case "alias": return ShellSession.alias
        case "unalias": return ShellSession.unalias
        case "history": return ShellSession.historyBuiltin
        case "exit", "logout": return ShellSession.exit
        case "true", ":": return { _ in { _, _, _ in 0 } }
        case "false": return { _ in { _, _, _ in 1 } }
        case "test", "[", "[[": return ShellSession.test
        case "read": return ShellSession.read
        case "shift": return ShellSession.shift
        case "source", ".": return ShellSession.source
        case "eval": return ShellSession.eval
        case "exec": return ShellSession.exec
        case "command": return ShellSession.command
        case "type": return ShellSession.type
        case "which": return ShellSession.which
        case "break", "continue": return ShellSession.breakContinue
        case "jobs": return ShellSession.jobsBuiltin
        case "fg": return ShellSession.fgBuiltin
        case "bg": return ShellSession.bgBuiltin
        case "wait": return ShellSession.waitBuiltin
        case "hash", "complete", "compgen", "compopt", "shopt", "trap", "bind", "disown", "ulimit":
            // Accepted and ignored: no job control, completion, traps or shell options in the simulator.
            return { _ in { _, _, _ in 0 } }
        case "umask": return { _ in { args, io, _ in if args.isEmpty { io.out("0022\n") }; return 0 } }
        case "kill": return ShellSession.kill
        case "time", "timeout", "sudo", "nohup": return ShellSession.wrapper
        case "watch": return ShellSession.watch
        case "sleep": return ShellSession.sleep
        case "clear": return ShellSession.clear
        case "vim", "vi", "nano": return ShellSession.editor
        case "bash", "sh": return ShellSession.bash
        case "hostname": return ShellSession.hostnameBuiltin
        case "whoami": return { s in { _, io, _ in io.out(s.user + "\n"); return 0 } }
        case "id": return { _ in { _, io, _ in io.out("uid=0(root) gid=0(root) groups=0(root)\n"); return 0 } }
        case "uname": return ShellSession.uname
        case "date": return ShellSession.date
        case "seq": return ShellSession.seq
        case "basename": return ShellSession.basename
        case "dirname": return ShellSession.dirname
        case "xargs": return ShellSession.xargs
        case "yes": return ShellSession.yes
        // Files (FileBuiltins.swift)
        case "ls": return ShellSession.ls
        case "cat", "more", "less": return ShellSession.cat
        case "tac": return ShellSession.tac
        case "cp": return ShellSession.cp
        case "mv": return ShellSession.mv
        case "rm": return ShellSession.rm
        case "rmdir": return ShellSession.rmdir
        case "mkdir": return ShellSession.mkdir
        case "touch": return ShellSession.touch
        case "chmod": return ShellSession.chmod
        case "tee": return ShellSession.tee
        case "head": return ShellSession.head
        case "tail": return ShellSession.tail
        case "wc": return ShellSession.wc
        case "base64": return ShellSession.base64
        case "find": return ShellSession.find
        // Text (TextBuiltins.swift)
        case "grep", "egrep", "fgrep": return ShellSession.grep
        case "sed": return ShellSession.sed
        case "sort": return ShellSession.sort
        case "uniq": return ShellSession.uniq
        case "cut": return ShellSession.cut
        case "tr": return ShellSession.tr
        case "paste": return ShellSession.paste
        case "awk": return ShellSession.awk
        default: return nil
        }
    }

    static var builtins: BuiltinTable { BuiltinTable() }

    struct BuiltinTable {
        subscript(_ name: String) -> Builtin? { ShellSession.builtin(name) }
    }


    // MARK: - Shell built-ins

    func cd(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var a = args
        if a.first == "--" { a.removeFirst() }
        if let f = a.first, f.hasPrefix("-"), f != "-", f.count > 1 {
            if Set(f.dropFirst()).isSubset(of: ["L", "P", "e", "@"]) { a.removeFirst() } else {
                io.err("bash: cd: \(f): invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n")
                return 2
            }
        }
        if a.count > 1 {
            io.err("bash: cd: too many arguments\n")
            return 1
        }
        var target: String
        var printIt = false
        if let t = a.first {
            if t == "-" {
                guard let old = variables["OLDPWD"] else {
                    io.err("bash: cd: OLDPWD not set\n")
                    return 1
                }
                target = old
                printIt = true
            } else {
                target = t
            }
        } else {
            guard let home = variables["HOME"] else {
                io.err("bash: cd: HOME not set\n")
                return 1
            }
            target = home
        }
        if target.isEmpty { return 0 }
        let old = workspace.cwd
        do {
            try workspace.changeDirectory(target)
        } catch let e as FSError {
            io.err("bash: cd: \(target): \(e.reason)\n")
            return 1
        }
        setVariable("OLDPWD", old, export: true)
        variables["PWD"] = workspace.cwd
        if printIt { io.out(workspace.cwd + "\n") }
        return 0
    }

    func pwd(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        io.out(workspace.cwd + "\n")
        return 0
    }

    func echo(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var newline = true
        var escapes = false
        var i = 0
        while i < args.count, args[i].hasPrefix("-"), args[i].count > 1,
              args[i].dropFirst().allSatisfy({ "neE".contains($0) }) {
            for c in args[i].dropFirst() {
                switch c {
                case "n": newline = false
                case "e": escapes = true
                default: escapes = false
                }
            }
            i += 1
        }
        var text = args[i...].joined(separator: " ")
        if escapes {
            let (t, stop) = interpretEscapes(text, allowOctalWithoutZero: false)
            text = t
            if stop { newline = false }
        }
        io.out(text + (newline ? "\n" : ""))
        return 0
    }

    func export(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var unexport = false
        var names: [String] = []
        for a in args {
            if a == "-p" { continue }
            if a == "-n" { unexport = true; continue }
            if a == "-f" || a == "--" { continue }
            names.append(a)
        }
        if names.isEmpty {
            for k in exported.sorted(by: VirtualFS.cOrder) {
                if let v = variables[k] { io.out("declare -x \(k)=\"\(ShellSession.dquoteEscape(v))\"\n") } else { io.out("declare -x \(k)\n") }
            }
            return 0
        }
        var status: Int32 = 0
        for a in names {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var name = String(parts[0])
            var append = false
            if parts.count == 2 && name.hasSuffix("+") { name.removeLast(); append = true }
            guard isValidName(name) else {
                io.err("bash: export: `\(a)': not a valid identifier\n")
                status = 1
                continue
            }
            if parts.count == 2 {
                try assign(name, (append ? variables[name] ?? "" : "") + String(parts[1]))
            }
            if unexport {
                exported.removeAll { $0 == name }
            } else if !exported.contains(name) {
                exported.append(name)
            }
        }
        return status
    }

    func local(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard functionDepth > 0, !localFrames.isEmpty else {
            io.err("bash: local: can only be used in a function\n")
            return 1
        }
        var status: Int32 = 0
        for a in args where !a.hasPrefix("-") {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard isValidName(name) else {
                io.err("bash: local: `\(a)': not a valid identifier\n")
                status = 1
                continue
            }
            if localFrames[localFrames.count - 1][name] == nil {
                localFrames[localFrames.count - 1][name] = .some(variables[name])
            }
            if parts.count == 2 { try assign(name, String(parts[1])) } else { variables[name] = variables[name] ?? nil }
        }
        return status
    }

    func returnBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard functionDepth > 0 || sourceDepth > 0 else {
            io.err("bash: return: can only `return' from a function or sourced script\n")
            return 1
        }
        if let a = args.first {
            guard let n = Int(a) else {
                io.err("bash: return: \(a): numeric argument required\n")
                throw ControlFlow.returnFromFunction(2)
            }
            throw ControlFlow.returnFromFunction(Int32(truncatingIfNeeded: n & 255))
        }
        throw ControlFlow.returnFromFunction(lastExitCode)
    }

    func declare(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var exportIt = false
        var printIt = false
        var status: Int32 = 0
        for a in args {
            if a.hasPrefix("-") || a.hasPrefix("+") {
                if a.contains("x") && a.hasPrefix("-") { exportIt = true }
                if a.contains("p") { printIt = true }
                continue
            }
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard isValidName(name) else {
                io.err("bash: declare: `\(a)': not a valid identifier\n")
                status = 1
                continue
            }
            if printIt {
                if let v = variables[name] {
                    io.out("declare \(exported.contains(name) ? "-x" : "--") \(name)=\"\(ShellSession.dquoteEscape(v))\"\n")
                } else {
                    io.err("bash: declare: \(name): not found\n")
                    status = 1
                }
                continue
            }
            if parts.count == 2 { try assign(name, String(parts[1])) } else if variables[name] == nil && !exportIt {
                variables[name] = ""
            }
            if exportIt && !exported.contains(name) { exported.append(name) }
        }
        return status
    }

    static func dquoteEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "\"" || c == "\\" || c == "$" || c == "`" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Quotes a value the way `set`/`alias` print it.
    static func shellQuote(_ s: String) -> String {
        if !s.isEmpty && s.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-./:=@%+,".unicodeScalars.contains($0) }) {
            return s
        }
        return "'" + s.replacingAll("'", with: "'\\''") + "'"
    }

    func unset(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var status: Int32 = 0
        for a in args where !a.hasPrefix("-") {
            if a == "UID" || a == "EUID" {
                io.err("bash: unset: \(a): cannot unset: readonly variable\n")
                status = 1
                continue
            }
            guard isValidName(a) else {
                io.err("bash: unset: `\(a)': not a valid identifier\n")
                status = 1
                continue
            }
            variables[a] = nil
            exported.removeAll { $0 == a }
        }
        return status
    }

    func env(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var i = 0
        var assignments: [(String, String, Bool)] = []
        var ignoreEnvironment = false
        while i < args.count {
            let a = args[i]
            if a == "-i" || a == "-" || a == "--ignore-environment" { ignoreEnvironment = true; i += 1; continue }
            if let eq = a.firstIndex(of: "="), eq != a.startIndex {
                assignments.append((String(a[..<eq]), String(a[a.index(after: eq)...]), false))
                i += 1
                continue
            }
            break
        }
        if i < args.count {
            var out = OutputBuffer()
            let snap = snapshot()
            if ignoreEnvironment { exported.removeAll() }
            defer { restore(snap) }
            let status = try invoke(Array(args[i...]), assignments: assignments, ctx, &out)
            for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
            return status == 127 && out.stderr.hasSuffix("command not found\n") ? { () -> Int32 in
                io.output = OutputBuffer()
                io.err("env: ‘\(args[i])’: No such file or directory\n")
                return 127
            }() : status
        }
        var seen = Set<String>()
        for k in ignoreEnvironment ? [] : exported {
            guard let v = variables[k], !seen.contains(k) else { continue }
            seen.insert(k)
            if assignments.contains(where: { $0.0 == k }) { continue }
            io.out("\(k)=\(v)\n")
        }
        for (k, v, _) in assignments { io.out("\(k)=\(v)\n") }
        return 0
    }

    func set(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if args.isEmpty {
            for k in variables.keys.sorted(by: VirtualFS.cOrder) {
                io.out("\(k)=\(ShellSession.shellQuote(variables[k] ?? ""))\n")
            }
            return 0
        }
        if let dd = args.firstIndex(of: "--") {
            positional = Array(args[(dd + 1)...])
            return 0
        }
        // Shell options (-e, -x, -o pipefail…) are accepted and ignored by the simulator.
        let ops = args.filter { !$0.hasPrefix("-") && !$0.hasPrefix("+") && !["pipefail", "errexit", "nounset", "xtrace", "vi", "emacs", "noclobber"].contains($0) }
        if !ops.isEmpty { positional = ops }
        return 0
    }

    func alias(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let list = args.filter { $0 != "-p" }
        if list.isEmpty {
            for k in aliases.keys.sorted(by: VirtualFS.cOrder) { io.out("alias \(k)='\(aliases[k]!.replacingAll("'", with: "'\\''"))'\n") }
            return 0
        }
        var status: Int32 = 0
        for a in list {
            if let eq = a.firstIndex(of: "=") {
                let name = String(a[..<eq])
                guard !name.isEmpty, !name.contains("/"), !name.contains(where: { " \t$`'\"".contains($0) }) else {
                    io.err("bash: alias: `\(name)': invalid alias name\n")
                    status = 1
                    continue
                }
                aliases[name] = String(a[a.index(after: eq)...])
            } else if let v = aliases[a] {
                io.out("alias \(a)='\(v.replacingAll("'", with: "'\\''"))'\n")
            } else {
                io.err("bash: alias: \(a): not found\n")
                status = 1
            }
        }
        return status
    }

    func unalias(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if args.isEmpty {
            io.err("unalias: usage: unalias [-a] name [name ...]\n")
            return 2
        }
        var status: Int32 = 0
        for a in args {
            if a == "-a" { aliases.removeAll(); continue }
            if aliases.removeValue(forKey: a) == nil {
                io.err("bash: unalias: \(a): not found\n")
                status = 1
            }
        }
        return status
    }

    func historyBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var entries = Array(history.enumerated())
        if let a = args.first {
            if a == "-c" {
                history.removeAll()
                return 0
            }
            guard let n = Int(a), n >= 0 else {
                if a.hasPrefix("-") {
                    io.err("bash: history: \(a): invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n")
                    return 2
                }
                io.err("bash: history: \(a): numeric argument required\n")
                return 1
            }
            entries = Array(entries.suffix(n))
        }
        for (i, line) in entries {
            io.out(pad(String(i + 1), 5) + "  " + line + "\n")
        }
        return 0
    }

    func exit(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if args.count > 1 {
            io.err("bash: exit: too many arguments\n")
            return 1
        }
        var code = lastExitCode
        // An interactive bash says "exit" as it leaves (not a subshell's exit).
        if !ctx.inSubshell { io.err("exit\n") }
        if let a = args.first {
            guard let n = Int(a.shellTrim(" \t")) else {
                io.err("bash: exit: \(a): numeric argument required\n")
                throw ControlFlow.exit(2)
            }
            code = Int32(truncatingIfNeeded: n & 255)
        }
        throw ControlFlow.exit(code)
    }

    func read(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var raw = false
        var names: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-r" { raw = true } else if a == "-p" || a == "-t" || a == "-n" || a == "-d" || a == "-u" {
                if a == "-p", i + 1 < args.count, !ctx.stdin.isTerminal { /* prompt only shown on a terminal */ }
                i += 1
            } else if a == "-s" || a == "-e" || a == "--" {
            } else if a.hasPrefix("-") {
                io.err("bash: read: \(a): invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n")
                return 2
            } else {
                guard isValidName(a) else {
                    io.err("bash: read: `\(a)': not a valid identifier\n")
                    return 1
                }
                names.append(a)
            }
            i += 1
        }
        guard var line = io.stdin.readLine() else {
            for n in names { variables[n] = "" }
            if names.isEmpty { variables["REPLY"] = "" }
            return 1
        }
        if !raw {
            while line.hasSuffix("\\"), let next = io.stdin.readLine() { line = String(line.dropLast()) + next }
            var s = ""
            var esc = false
            for c in line {
                if esc { s.append(c); esc = false } else if c == "\\" { esc = true } else { s.append(c) }
            }
            line = s
        }
        if names.isEmpty {
            try assign("REPLY", line)
            return 0
        }
        var (_, pieces, _) = ifsSplit(line)
        for (k, n) in names.enumerated() {
            if k == names.count - 1 && pieces.count > names.count {
                // The last name takes the rest of the line.
                pieces = Array(pieces[..<k]) + [pieces[k...].joined(separator: " ")]
            }
            try assign(n, k < pieces.count ? pieces[k] : "")
        }
        return 0
    }

    func shift(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let n = args.first.flatMap { Int($0) } ?? 1
        if let a = args.first, Int(a) == nil {
            io.err("bash: shift: \(a): numeric argument required\n")
            return 1
        }
        if n > positional.count || n < 0 { return 1 }
        positional.removeFirst(n)
        return 0
    }

    func source(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let file = args.first else {
            io.err("bash: source: filename argument required\nsource: usage: source filename [arguments]\n")
            return 2
        }
        guard let text = workspace.readFile(file) else {
            io.err("bash: \(file): \(workspace.isDirectory(file) ? "is a directory" : "No such file or directory")\n")
            return 1
        }
        var out = OutputBuffer()
        defer { for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) } }
        sourceDepth += 1
        defer { sourceDepth -= 1 }
        do {
            return try runScript(text, name: file, args: args.count > 1 ? Array(args.dropFirst()) : nil, subshell: false, ctx, &out)
        } catch ControlFlow.returnFromFunction(let code) {
            return code
        }
    }

    func eval(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let text = args.joined(separator: " ")
        if text.shellTrim(" \t\n").isEmpty { return 0 }
        var out = OutputBuffer()
        defer { for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) } }
        return try runScript(text, name: "bash: eval", args: nil, subshell: false, ctx, &out)
    }

    func exec(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard !args.isEmpty else { return 0 }
        var out = OutputBuffer()
        let status = try invoke(args, assignments: [], ctx, &out)
        for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
        // exec replaces the shell: when the command ends, so does the session.
        throw ControlFlow.exit(status)
    }

    /// What a name is: alias, keyword, builtin, simulated program, host command.
    enum CommandKindInfo { case alias(String), keyword, function, builtin, file(String), none }

    func lookup(_ name: String) -> CommandKindInfo {
        if let a = aliases[name] { return .alias(a) }
        if ShellSession.keywords.contains(name) { return .keyword }
        if functions[name] != nil { return .function }
        if ShellSession.shellBuiltinNames.contains(name) { return .builtin }
        if ShellSession.programNames.contains(name) { return .file("/usr/bin/\(name == "[" ? "[" : name)") }
        if name.contains("/") {
            if let n = workspace.node(name), n.kind == .file, n.mode & 0o111 != 0 { return .file(name) }
            return .none
        }
        if let p = host.path(of: name) { return .file(p) }
        return .none
    }

    func command(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let first = args.first else { return 0 }
        if first == "-v" || first == "-V" {
            var status: Int32 = 0
            for name in args.dropFirst() {
                switch lookup(name) {
                case .alias(let v): io.out(first == "-v" ? "alias \(name)='\(v)'\n" : "\(name) is aliased to `\(v)'\n")
                case .keyword: io.out(first == "-v" ? "\(name)\n" : "\(name) is a shell keyword\n")
                case .function: io.out(first == "-v" ? "\(name)\n" : "\(name) is a function\n")
                case .builtin: io.out(first == "-v" ? "\(name)\n" : "\(name) is a shell builtin\n")
                case .file(let p): io.out(first == "-v" ? "\(p)\n" : "\(name) is \(p)\n")
                case .none:
                    if first == "-V" { io.err("bash: command: \(name): not found\n") }
                    status = 1
                }
            }
            return status
        }
        var out = OutputBuffer()
        let status = try invoke(args, assignments: [], ctx, &out)
        for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
        return status
    }

    func type(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var terse = false
        var status: Int32 = 0
        for name in args {
            if name == "-t" { terse = true; continue }
            if name.hasPrefix("-") { continue }
            switch lookup(name) {
            case .alias(let v): io.out(terse ? "alias\n" : "\(name) is aliased to `\(v)'\n")
            case .keyword: io.out(terse ? "keyword\n" : "\(name) is a shell keyword\n")
            case .function: io.out(terse ? "function\n" : "\(name) is a function\n")
            case .builtin: io.out(terse ? "builtin\n" : "\(name) is a shell builtin\n")
            case .file(let p): io.out(terse ? "file\n" : "\(name) is \(p)\n")
            case .none:
                if !terse { io.err("bash: type: \(name): not found\n") }
                status = 1
            }
        }
        return status
    }

    func which(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var status: Int32 = 0
        let names = args.filter { !$0.hasPrefix("-") }
        if names.isEmpty {
            io.err("Usage: /usr/bin/which [options] [--] COMMAND [...]\n")
            return 1
        }
        for name in names {
            if let a = aliases[name] {
                io.out("alias \(name)='\(a)'\n")
                if let first = a.split(separator: " ").first, case .file(let p) = lookup(String(first)) {
                    io.out("\t\(p)\n")
                }
                continue
            }
            switch lookup(name) {
            case .file(let p):
                io.out(p + "\n")
            default:
                io.err("/usr/bin/which: no \(name) in (\(variables["PATH"] ?? ""))\n")
                status = 1
            }
        }
        return status
    }

    func breakContinue(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let name = currentCommand
        var n = 1
        if let a = args.first {
            guard let v = Int(a) else {
                io.err("bash: \(name): \(a): numeric argument required\n")
                return 1
            }
            guard v >= 1 else {
                io.err("bash: \(name): \(a): loop count out of range\n")
                return 1
            }
            n = v
        }
        if ctx.loopDepth == 0 {
            io.err("bash: \(name): only meaningful in a `for', `while', or `until' loop\n")
            return 0
        }
        n = min(n, ctx.loopDepth)
        throw name == "break" ? ControlFlow.breakLoop(n) : ControlFlow.continueLoop(n)
    }

    func sleep(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if args.isEmpty {
            io.usageError("sleep", "missing operand")
            return 1
        }
        var total = 0.0
        for a in args {
            var s = Substring(a)
            var mult = 1.0
            if let last = s.last, "smhd".contains(last) {
                mult = ["s": 1, "m": 60, "h": 3600, "d": 86400][last]!
                s = s.dropLast()
            }
            guard let v = Double(s), v >= 0, v.isFinite, !s.hasPrefix("+"), !s.lowercased().contains("n") else {
                io.usageError("sleep", "invalid time interval ‘\(a)’")
                return 1
            }
            total += v * mult
        }
        // `sleep infinity` would never return; a century of virtual time is the most we skip.
        total = min(total, 3.2e9)
        // Never blocks: virtual time jumps ahead instead (in a background job, the clock
        // stays; the job is over that much later).
        if streamRequest == .background { backgroundElapsed += total; return 0 }
        host.advanceTime(seconds: total)
        return 0
    }

    func clear(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        // Only a real terminal gets the escape codes; a transcript stays clean.
        if host.isTerminal { io.out("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
        return 0
    }

    func editor(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        // Editing is interactive and happens at the I/O edge (the host). In a script there
        // is no terminal: real vim would print "Vim: Warning: Output is not to a terminal" and
        // then wait for keys that never come. We say plainly that editing needs a terminal and
        // show the scriptable way to write the same file, so a pasted tutorial still teaches.
        let files = args.filter { !$0.hasPrefix("-") && !$0.hasPrefix("+") }
        let name = currentCommand
        guard let file = files.first else {
            io.err("\(name): no file name given (try: \(name) nginx-deployment.yaml)\n")
            return 1
        }
        var status: Int32 = 0
        for f in files {
            if workspace.isDirectory(f) {
                io.err("\(name): \"\(f)\" is a directory\n")
                status = 1
                continue
            }
            if let result = host.edit(file: f, editor: name, workspace: workspace) {
                for c in result.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
                status = result.exitCode
            } else {
                io.err("\(name): cannot edit \(file) here: input is not from a terminal. In a script, write the file with a here-document:  cat <<'EOF' > \(f)  …  EOF\n")
                return 1
            }
        }
        return status
    }

    func bash(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var i = 0
        var command: String? = nil
        while i < args.count, args[i].hasPrefix("-") || args[i].hasPrefix("+") {
            if args[i] == "-c" {
                guard i + 1 < args.count else {
                    io.err("bash: -c: option requires an argument\n")
                    return 2
                }
                command = args[i + 1]
                i += 2
                break
            }
            if args[i] == "--" { i += 1; break }
            i += 1
        }
        var out = OutputBuffer()
        defer { for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) } }
        if let command {
            let rest = Array(args[i...])
            var inner = ctx
            inner.loopDepth = 0
            let snap = snapshot()
            shellName = rest.first ?? "bash"
            defer { restore(snap) }
            return try runScript(command, name: "bash: -c: line 1", args: Array(rest.dropFirst()), subshell: true, inner, &out)
        }
        if i < args.count {
            let file = args[i]
            guard let text = workspace.readFile(file) else {
                out.err("bash: \(file): \(workspace.isDirectory(file) ? "Is a directory" : "No such file or directory")\n")
                return 127
            }
            var inner = ctx
            inner.loopDepth = 0
            return try runScript(text, name: file, args: Array(args[(i + 1)...]), subshell: true, inner, &out)
        }
        if !io.stdin.isTerminal {
            var inner = ctx
            inner.loopDepth = 0
            return try runScript(io.stdin.readAll(), name: "bash", args: [], subshell: true, inner, &out)
        }
        out.err("kubelab: a nested interactive shell is not simulated; you are still in the same shell\n")
        return 0
    }

    func hostnameBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if args.contains("-i") || args.contains("-I") {
            io.out("192.168.1.10\n")
        } else {
            io.out(hostname + "\n")
        }
        return 0
    }

    func uname(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let kernel = "3.10.0-1160.el7.x86_64"
        if args.contains("-a") {
            io.out("Linux \(hostname) \(kernel) #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux\n")
        } else if args.contains("-r") {
            io.out(kernel + "\n")
        } else if args.contains("-n") {
            io.out(hostname + "\n")
        } else if args.contains("-m") {
            io.out("x86_64\n")
        } else {
            io.out("Linux\n")
        }
        return 0
    }

    func date(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let t = CivilTime(epoch: host.now)
        if let fmt = args.first(where: { $0.hasPrefix("+") }) {
            var out = ""
            var pct = false
            for c in fmt.dropFirst() {
                if pct {
                    switch c {
                    case "Y": out += String(t.year)
                    case "m": out += twoDigits(t.month)
                    case "d": out += twoDigits(t.day)
                    case "H": out += twoDigits(t.hour)
                    case "M": out += twoDigits(t.minute)
                    case "S": out += twoDigits(t.second)
                    case "s": out += String(clampInt(host.now))
                    case "F": out += "\(t.year)-\(twoDigits(t.month))-\(twoDigits(t.day))"
                    case "T": out += "\(twoDigits(t.hour)):\(twoDigits(t.minute)):\(twoDigits(t.second))"
                    case "b": out += CivilTime.monthNames[t.month - 1]
                    case "a": out += CivilTime.dayNames[t.weekday]
                    case "Z": out += "UTC"
                    case "z": out += "+0000"
                    case "n": out += "\n"
                    case "%": out += "%"
                    default: out += "%" + String(c)
                    }
                    pct = false
                } else if c == "%" {
                    pct = true
                } else {
                    out.append(c)
                }
            }
            io.out(out + "\n")
            return 0
        }
        io.out("\(CivilTime.dayNames[t.weekday]) \(CivilTime.monthNames[t.month - 1]) \(pad(String(t.day), 2)) \(twoDigits(t.hour)):\(twoDigits(t.minute)):\(twoDigits(t.second)) UTC \(t.year)\n")
        return 0
    }

    func seq(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var sep = "\n"
        var nums: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-s", i + 1 < args.count { sep = args[i + 1]; i += 2; continue }
            if a.hasPrefix("-s") && a.count > 2 { sep = String(a.dropFirst(2)); i += 1; continue }
            if a == "-w" { i += 1; continue }
            nums.append(a)
            i += 1
        }
        if nums.isEmpty {
            io.usageError("seq", "missing operand")
            return 1
        }
        if nums.count > 3 {
            io.usageError("seq", "extra operand ‘\(nums[3])’")
            return 1
        }
        var values: [Int] = []
        for n in nums {
            guard let v = Int(n) else {
                io.usageError("seq", "invalid floating point argument: ‘\(n)’")
                return 1
            }
            values.append(v)
        }
        let first = values.count > 1 ? values[0] : 1
        let inc = values.count == 3 ? values[1] : 1
        let last = values[values.count - 1]
        if inc == 0 {
            io.usageError("seq", "invalid Zero increment value: ‘\(nums[1])’")
            return 1
        }
        let span = inc > 0 ? Double(last) - Double(first) : Double(first) - Double(last)
        let countD = span < 0 ? 0 : (span / abs(Double(inc))).rounded(.down) + 1
        if countD > 1_000_000 {
            throw ControlFlow.abort("kubelab: seq: \(clampInt(countD)) numbers is more than the simulator prints (limit 1000000)", 1)
        }
        let count = Int(countD)
        var parts: [String] = []
        var v = first
        for _ in 0..<count { parts.append(String(v)); v = v &+ inc }
        if !parts.isEmpty { io.out(parts.joined(separator: sep) + "\n") }
        return 0
    }

    func basename(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let name = args.first else {
            io.usageError("basename", "missing operand")
            return 1
        }
        var b = VirtualFS.basename(name)
        if args.count > 1, b != args[1], b.hasSuffix(args[1]) { b.removeLast(args[1].count) }
        io.out(b + "\n")
        return 0
    }

    func dirname(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard !args.isEmpty else {
            io.usageError("dirname", "missing operand")
            return 1
        }
        for name in args {
            var s = name
            while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
            if let i = s.lastIndex(of: "/") {
                var d = String(s[..<i])
                while d.count > 1 && d.hasSuffix("/") { d.removeLast() }
                io.out((d.isEmpty ? "/" : d) + "\n")
            } else {
                io.out(".\n")
            }
        }
        return 0
    }

    func xargs(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var i = 0
        var perCall = Int.max
        var replace: String? = nil
        var noRunIfEmpty = false
        while i < args.count, args[i].hasPrefix("-") {
            let a = args[i]
            if a == "-n", i + 1 < args.count, let n = Int(args[i + 1]), n > 0 { perCall = n; i += 2; continue }
            if a.hasPrefix("-n"), let n = Int(a.dropFirst(2)), n > 0 { perCall = n; i += 1; continue }
            if a == "-I", i + 1 < args.count { replace = args[i + 1]; i += 2; continue }
            if a.hasPrefix("-I") && a.count > 2 { replace = String(a.dropFirst(2)); i += 1; continue }
            if a == "-i" { replace = "{}"; i += 1; continue }
            if a == "-r" || a == "--no-run-if-empty" { noRunIfEmpty = true; i += 1; continue }
            if a == "-t" || a == "-0" || a == "-p" { i += 1; continue }
            io.err("xargs: invalid option -- '\(a.dropFirst().first.map(String.init) ?? "")'\n")
            return 1
        }
        var command = Array(args[i...])
        if command.isEmpty { command = ["echo"] }
        let input = io.stdin.readAll()
        var calls: [[String]] = []
        if let r = replace {
            for line in splitLines(input) where !line.shellTrim(" \t").isEmpty {
                let item = line.shellTrim(" \t")
                calls.append(command.map { $0.replacingAll(r, with: item) })
            }
        } else {
            let items = ShellSession.xargsItems(input)
            if items.isEmpty {
                if !noRunIfEmpty { calls.append(command) }
            } else {
                var k = 0
                while k < items.count {
                    let chunk = items[k..<min(items.count, k + (perCall == Int.max ? items.count : perCall))]
                    calls.append(command + chunk)
                    k += chunk.count
                }
            }
        }
        if calls.count > ShellSession.maxLoopIterations {
            throw ControlFlow.abort("kubelab: xargs: too many commands (limit \(ShellSession.maxLoopIterations))", 1)
        }
        var status: Int32 = 0
        for argv in calls {
            var out = OutputBuffer()
            var inner = ctx
            inner.stdin = Input("")
            let s = try invoke(argv, assignments: [], inner, &out)
            for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
            if s == 127 { return 127 }
            if s != 0 { status = 123 }
            try checkOutputLimit()
        }
        return status
    }

    /// xargs splits on blanks and newlines, honouring quotes and backslashes.
    static func xargsItems(_ s: String) -> [String] {
        var items: [String] = []
        var cur = ""
        var have = false
        var quote: Character? = nil
        var esc = false
        for c in s {
            if esc { cur.append(c); esc = false; have = true; continue }
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
                continue
            }
            switch c {
            case "\\": esc = true
            case "'", "\"": quote = c; have = true
            case " ", "\t", "\n":
                if have { items.append(cur); cur = ""; have = false }
            default: cur.append(c); have = true
            }
        }
        if have { items.append(cur) }
        return items
    }

    /// Commands that run another command: `time`, `timeout`, `sudo` (we are root already), `nohup`.
    func wrapper(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let name = currentCommand
        var rest = args
        switch name {
        case "timeout":
            while let f = rest.first, f.hasPrefix("-") {
                rest.removeFirst()
                if (f == "-s" || f == "-k" || f == "--signal" || f == "--kill-after"), !rest.isEmpty { rest.removeFirst() }
            }
            guard let d = rest.first else {
                io.usageError("timeout", "missing operand")
                return 125
            }
            var t = Substring(d)
            if let l = t.last, "smhd".contains(l) { t = t.dropLast() }
            guard Double(t) != nil else {
                io.usageError("timeout", "invalid time interval ‘\(d)’")
                return 125
            }
            rest.removeFirst()
            if rest.isEmpty {
                io.usageError("timeout", "missing operand")
                return 125
            }
        case "sudo":
            while let f = rest.first, f.hasPrefix("-") {
                rest.removeFirst()
                if (f == "-u" || f == "-g"), !rest.isEmpty { rest.removeFirst() }
            }
            if rest.isEmpty {
                io.err("usage: sudo -h | -K | -k | -V\n")
                return 1
            }
        case "nohup":
            if rest.isEmpty {
                io.usageError("nohup", "missing operand")
                return 125
            }
        default:
            if rest.first == "-p" { rest.removeFirst() }
        }
        let start = host.now
        var out = OutputBuffer()
        let status = rest.isEmpty ? 0 : try invoke(rest, assignments: [], ctx, &out)
        if name == "nohup" && io.stdoutIsTerminal {
            io.err("nohup: ignoring input and appending output to 'nohup.out'\n")
            try? workspace.appendFile("nohup.out", contents: out.stdout)
            if !out.stderr.isEmpty { io.err(out.stderr) }
        } else {
            for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
        }
        if name == "time" {
            let elapsed = max(0, host.now - start)
            let minutes = clampInt(elapsed / 60, limit: 1e9)
            let millis = clampInt((elapsed - Double(minutes) * 60) * 1000, limit: 1e9)
            let secs = "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
            io.err("\nreal\t\(minutes)m\(secs)s\nuser\t0m0.000s\nsys\t0m0.000s\n")
        }
        return status
    }

    func kill(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let targets = args.filter { !$0.hasPrefix("-") }
        if targets.isEmpty {
            io.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n")
            return 2
        }
        // Only the shell's own jobs can be signalled (there are no host processes).
        var signal = "Terminated"
        var status: Int32 = 0
        var i = 0
        while i < args.count, args[i].hasPrefix("-"), args[i] != "--" {
            var name = String(args[i].dropFirst())
            if name == "s" || name == "n", i + 1 < args.count { i += 1; name = args[i] }
            let upper = name.uppercased().replacingOccurrences(of: "SIG", with: "")
            switch upper {
            case "9", "KILL": signal = "Killed"
            case "2", "INT": signal = "Interrupt"
            case "1", "HUP": signal = "Hangup"
            case "3", "QUIT": signal = "Quit"
            default: signal = "Terminated"
            }
            i += 1
        }
        for t in args[i...] where t != "--" {
            if killJob(t, signal: signal) { continue }
            status = 1
            if t.hasPrefix("%") {
                io.err("bash: kill: \(t): no such job\n")
            } else if Int(t) != nil {
                io.err("bash: kill: (\(t)) - No such process\n")
            } else {
                io.err("bash: kill: \(t): arguments must be process or job IDs\n")
            }
        }
        return status
    }

    /// `watch CMD`: the host may run it live; otherwise one snapshot is shown, since the
    /// simulated terminal cannot refresh a screen until Ctrl-C.
    func watch(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        if let result = host.run(command: ["watch"] + args, stdin: io.stdin.forHost(), environment: environment, workspace: workspace) {
            for c in result.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
            return result.exitCode
        }
        var interval = 2.0
        var title = true
        var i = 0
        while i < args.count, args[i].hasPrefix("-") {
            let a = args[i]
            if a == "--" { i += 1; break }
            if a == "-n" || a == "--interval", i + 1 < args.count {
                interval = Double(args[i + 1]) ?? 2
                i += 2
                continue
            }
            if a.hasPrefix("-n"), let v = Double(a.dropFirst(2)) { interval = v; i += 1; continue }
            if a == "-t" || a == "--no-title" { title = false }
            i += 1
        }
        let command = args[i...].joined(separator: " ")
        if command.isEmpty {
            io.err("Usage:\n watch [options] command\n")
            return 1
        }
        if title {
            let t = CivilTime(epoch: host.now)
            let left = "Every \(String(format1(interval))): \(command)"
            let right = "\(CivilTime.dayNames[t.weekday]) \(CivilTime.monthNames[t.month - 1]) \(pad(String(t.day), 2)) \(twoDigits(t.hour)):\(twoDigits(t.minute)):\(twoDigits(t.second)) \(t.year)"
            let gap = max(1, 80 - left.count - right.count)
            io.out(left + String(repeating: " ", count: gap) + right + "\n\n")
        }
        var out = OutputBuffer()
        var inner = ctx
        inner.inSubshell = true
        inner.stdoutIsTerminal = false
        let status = try runScript(command, name: "sh", args: [], subshell: true, inner, &out)
        for c in out.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
        return status
    }

    private func format1(_ d: Double) -> String {
        let tenths = clampInt((d * 10).rounded(), limit: 1e9)
        return "\(tenths / 10).\(tenths % 10)s"
    }

    func yes(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        // Real `yes` never stops; a pipe reader would end it. Print a bounded amount.
        let line = (args.isEmpty ? "y" : args.joined(separator: " ")) + "\n"
        io.out(String(repeating: line, count: 1000))
        return 0
    }
}

extension String {
    /// Replaces every occurrence of a substring (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.findRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
