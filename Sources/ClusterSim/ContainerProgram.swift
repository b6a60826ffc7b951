import Foundation

/// What a container's main process does, worked out from its command line: how long it
/// runs, what it prints and how it exits. Covers the busybox-style commands tutorials use
/// (`sleep 3600`, `sh -c 'echo hi; sleep 5; exit 1'`, `while true; do …; done`) and
/// long-running servers.
public struct ContainerProgram: Sendable, Equatable {
    public struct Line: Sendable, Equatable { public let at: Double; public let text: String }

    /// nil: runs until stopped.
    public var duration: Double?
    public var exitCode: Int
    public var output: [Line]
    /// Whether SIGTERM ends it promptly (a shell as PID 1 ignores it).
    public var exitsOnSIGTERM: Bool

    public static func forever(sigterm: Bool = true) -> ContainerProgram {
        ContainerProgram(duration: nil, exitCode: 0, output: [], exitsOnSIGTERM: sigterm)
    }

    /// Interprets `command` + `args` (or the image's default) for an image.
    /// `stdin`: the container keeps stdin open (`kubectl run -it`): a shell waits for input.
    public static func resolve(command: [String]?, args: [String]?, image: ImageInfo, stdin: Bool = false) -> ContainerProgram {
        var argv = (command ?? []) + (args ?? [])
        if command == nil { argv = (args == nil ? image.defaultProgram : [image.defaultProgram.first ?? "sh"] + (args ?? [])) }
        if command == nil, let a = args, !a.isEmpty, ["/bin/sh", "sh", "/bin/bash", "bash"].contains(a[0]) { argv = a }
        // Images whose default is just a shell (busybox, alpine) have no entrypoint: args replace it.
        if command == nil, let a = args, !a.isEmpty, ["/bin/sh", "sh", "/bin/bash", "bash"].contains(image.defaultProgram.first ?? "") { argv = a }
        guard let first = argv.first else { return .forever(sigterm: image.exitsOnSIGTERM) }
        let base = first.split(separator: "/").last.map(String.init) ?? first
        switch base {
        case "sh", "bash", "ash":
            if let i = argv.firstIndex(of: "-c"), i + 1 < argv.count {
                var p = Script.run(argv[i + 1])
                p.exitsOnSIGTERM = false
                return p
            }
            // An interactive shell with no terminal reads EOF and exits at once; with stdin
            // attached it waits for what is typed.
            if stdin { return .forever(sigterm: false) }
            return ContainerProgram(duration: 0, exitCode: 0, output: [], exitsOnSIGTERM: false)
        case "sleep", "echo", "true", "false", "exit", "date", "perl", "printf":
            var p = Script.run(argv.map(Script.quoteIfNeeded).joined(separator: " "))
            p.exitsOnSIGTERM = false
            return p
        default:
            // The image's own server binary: runs until stopped.
            return .forever(sigterm: image.exitsOnSIGTERM)
        }
    }
}

/// A very small shell: sequences of simple commands joined by `;`, `&&`, `||`, and
/// `while true; do …; done` loops. Enough to know how long a container lives and what it logs.
enum Script {
    static func quoteIfNeeded(_ s: String) -> String {
        s.contains(" ") || s.isEmpty ? "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" : s
    }

    static func run(_ text: String) -> ContainerProgram {
        var t = 0.0
        var out: [ContainerProgram.Line] = []
        var status = 0
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("while true") || trimmed.hasPrefix("while :") {
            // Runs forever; keep the first few iterations of output for `kubectl logs`.
            let body = trimmed.components(separatedBy: "do").dropFirst().joined(separator: "do")
                .components(separatedBy: "done").first ?? ""
            var p = run(body)
            let period = max(p.duration ?? 1, 1)
            var lines: [ContainerProgram.Line] = []
            for i in 0..<200 { for l in p.output { lines.append(.init(at: Double(i) * period + l.at, text: l.text)) } }
            p.output = lines
            p.duration = nil
            return p
        }
        var skipNext = false
        for (cmd, sep) in split(expandForLoops(trimmed)) {
            if skipNext { skipNext = false; continue }
            let words = words(cmd)
            guard let name = words.first else { continue }
            switch name {
            case "sleep":
                let arg = words.dropFirst().first ?? ""
                if arg == "infinity" { return ContainerProgram(duration: nil, exitCode: 0, output: out, exitsOnSIGTERM: false) }
                guard let secs = parseSleep(arg) else {
                    out.append(.init(at: t, text: "sleep: invalid number '\(arg)'")); status = 1; break
                }
                t += secs; status = 0
            case "echo":
                var ws = Array(words.dropFirst())
                var newline = true
                if ws.first == "-n" { newline = false; ws.removeFirst() }
                out.append(.init(at: t, text: ws.joined(separator: " ") + (newline ? "" : "")))
                status = 0
            case "exit":
                let code = Int(words.dropFirst().first ?? "0") ?? 2
                return ContainerProgram(duration: t, exitCode: code & 255, output: out, exitsOnSIGTERM: false)
            case "true", ":": status = 0
            case "false": status = 1
            case "printf":
                for line in printf(Array(words.dropFirst())) { out.append(.init(at: t, text: line)) }
                status = 0
            case "date":
                out.append(.init(at: t, text: "@date")); status = 0
            case "nginx", "httpd-foreground", "redis-server", "/docker-entrypoint.sh", "mysqld", "/hello-app", "/pause", "tail":
                return ContainerProgram(duration: nil, exitCode: 0, output: out, exitsOnSIGTERM: true)
            case "perl":
                // The classic Job: perl computes pi to N digits and prints it.
                t += 8
                out.append(.init(at: t, text: PerlProgram.output(Array(words.dropFirst())) ?? piDigits))
                status = 0
            default:
                out.append(.init(at: t, text: "sh: \(name): not found"))
                status = 127
            }
            if sep == "&&" && status != 0 { skipNext = true }
            if sep == "||" && status == 0 { skipNext = true }
        }
        return ContainerProgram(duration: t, exitCode: status, output: out, exitsOnSIGTERM: false)
    }

    static func parseSleep(_ s: String) -> Double? {
        guard let last = s.last else { return nil }
        let mult: Double
        var num = s
        switch last {
        case "s": mult = 1; num.removeLast()
        case "m": mult = 60; num.removeLast()
        case "h": mult = 3600; num.removeLast()
        case "d": mult = 86400; num.removeLast()
        default: mult = 1
        }
        guard let v = Double(num), v >= 0 else { return nil }
        return v * mult
    }

    /// Splits on `;`, `&&`, `||` and newlines outside quotes.
    static func split(_ s: String) -> [(String, String)] {
        var res: [(String, String)] = []
        var cur = ""
        var quote: Character? = nil
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                cur.append(c); if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c; cur.append(c)
            } else if c == ";" || c == "\n" {
                res.append((cur, ";")); cur = ""
            } else if c == "&" && i + 1 < chars.count && chars[i + 1] == "&" {
                res.append((cur, "&&")); cur = ""; i += 1
            } else if c == "|" && i + 1 < chars.count && chars[i + 1] == "|" {
                res.append((cur, "||")); cur = ""; i += 1
            } else {
                cur.append(c)
            }
            i += 1
        }
        res.append((cur, ";"))
        return res.filter { !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quote: Character? = nil
        var has = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; has = true
            } else if c == " " || c == "\t" {
                if has || !cur.isEmpty { out.append(cur); cur = ""; has = false }
            } else {
                cur.append(c)
            }
        }
        if has || !cur.isEmpty { out.append(cur) }
        return out
    }

    static let piDigits = "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196"
}
