import Kubectl

/// coreutils that work on files: ls cat tac cp mv rm rmdir mkdir touch chmod tee head tail
/// wc base64 find. Messages follow GNU coreutils 8.x/9.x in a UTF-8 locale.
extension ShellSession {
    // MARK: - Reading inputs

    /// The contents of a file operand (`-` = stdin), or an error reason.
    func readInput(_ name: String, _ io: CommandIO) -> Result<String, FSError> {
        if name == "-" { return .success(io.stdin.readAll()) }
        guard let n = workspace.node(name) else { return .failure(FSError(.notFound, name)) }
        if n.kind == .directory { return .failure(FSError(.isADirectory, name)) }
        return .success(n.contents)
    }

    // MARK: - ls

    func ls(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "laA1dhrtSRFCi", long: [
            "all": "a", "almost-all": "A", "directory": "d", "human-readable": "h", "reverse": "r",
            "recursive": "R", "classify": "F", "color": "\0", "colour": "\0", "inode": "i",
        ], cmd: "ls", io: io) else { return 2 }
        let long = o.has("l")
        let all = o.has("a")
        let almostAll = o.has("A") && !all
        let oneColumn = o.has("1") || !io.stdoutIsTerminal
        let columns = (o.has("C") || !oneColumn) && !long
        var status: Int32 = 0
        let operands = o.operands.isEmpty ? ["."] : o.operands

        var files: [String] = []
        var dirs: [String] = []
        for p in operands {
            guard let n = workspace.node(p) else {
                io.err("ls: cannot access '\(p)': No such file or directory\n")
                status = 2
                continue
            }
            if n.kind == .directory && !o.has("d") { dirs.append(p) } else { files.append(p) }
        }
        files = sortEntries(files, o)
        dirs = sortEntries(dirs, o)

        func classify(_ name: String, _ path: String) -> String {
            guard o.has("F"), let n = workspace.node(path) else { return name }
            if n.kind == .directory { return name + "/" }
            if n.kind == .file && n.mode & 0o111 != 0 { return name + "*" }
            return name
        }

        func render(_ entries: [(name: String, path: String)], total: Bool) {
            if long {
                if total {
                    let blocks = entries.reduce(0) { $0 + blocksOf(workspace.node($1.path)) }
                    io.out("total \(o.has("h") ? humanSize(blocks * 1024) : String(blocks))\n")
                }
                io.out(longListing(entries.map { ($0.name, $0.path) }, human: o.has("h"), quote: io.stdoutIsTerminal, classify: classify))
            } else if columns {
                io.out(columnLayout(entries.map { quoteName(classify($0.name, $0.path), io.stdoutIsTerminal) }))
            } else {
                for e in entries { io.out(quoteName(classify(e.name, e.path), io.stdoutIsTerminal) + "\n") }
            }
        }

        if !files.isEmpty { render(files.map { ($0, $0) }, total: false) }
        var first = files.isEmpty
        var queue = dirs
        let showHeaders = operands.count > 1 || o.has("R")
        var visited = 0
        while !queue.isEmpty {
            let d = queue.removeFirst()
            visited += 1
            if visited > 5000 { break }
            if !first { io.out("\n") }
            first = false
            if showHeaders { io.out(quoteName(d, io.stdoutIsTerminal) + ":\n") }
            var names = workspace.listDirectory(d) ?? []
            if !all && !almostAll { names = names.filter { !$0.hasPrefix(".") } }
            let prefix = d.hasSuffix("/") ? d : d + "/"
            var entries = names.map { (name: $0, path: prefix + $0) }
            entries = sortEntries(entries.map(\.path), o).map { (name: VirtualFS.basename($0), path: $0) }
            if all { entries = [(".", prefix + "."), ("..", prefix + "..")] + entries }
            render(entries, total: true)
            if o.has("R") {
                let subdirs = entries.filter { $0.name != "." && $0.name != ".." && workspace.isDirectory($0.path) }.map(\.path)
                queue.insert(contentsOf: subdirs, at: 0)
            }
        }
        return status
    }

    private func sortEntries(_ paths: [String], _ o: ParsedOptions) -> [String] {
        var sorted: [String]
        if o.has("t") {
            sorted = paths.sorted {
                let a = workspace.node($0)?.mtime ?? 0, b = workspace.node($1)?.mtime ?? 0
                return a != b ? a > b : VirtualFS.cOrder($0, $1)
            }
        } else if o.has("S") {
            sorted = paths.sorted {
                let a = workspace.node($0)?.contents.utf8.count ?? 0, b = workspace.node($1)?.contents.utf8.count ?? 0
                return a != b ? a > b : VirtualFS.cOrder($0, $1)
            }
        } else {
            sorted = paths.sorted(by: VirtualFS.cOrder)
        }
        return o.has("r") ? sorted.reversed() : sorted
    }

    private func sizeOf(_ n: VirtualFS.Node?) -> Int {
        guard let n else { return 0 }
        switch n.kind {
        case .directory: return 4096
        case .device: return 0
        case .file: return n.contents.utf8.count
        }
    }

    /// 1K blocks as `ls -s`/`total` counts them (4K filesystem blocks).
    private func blocksOf(_ n: VirtualFS.Node?) -> Int {
        guard let n, n.kind != .device else { return 0 }
        let size = sizeOf(n)
        return (size + 4095) / 4096 * 4
    }

    func humanSize(_ bytes: Int) -> String {
        if bytes < 1024 { return String(bytes) }
        let units = ["K", "M", "G", "T"]
        var v = Double(bytes) / 1024
        var u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        if v < 10 {
            let tenths = (v * 10).rounded(.up) / 10
            if tenths < 10 {
                let whole = Int(tenths)
                let frac = Int((tenths * 10).rounded()) % 10
                return "\(whole).\(frac)\(units[u])"
            }
        }
        return "\(Int(v.rounded(.up)))\(units[u])"
    }

    private func modeString(_ n: VirtualFS.Node) -> String {
        var s = n.kind == .directory ? "d" : n.kind == .device ? "c" : "-"
        let m = n.mode
        let bits: [(Int, Character)] = [(0o400, "r"), (0o200, "w"), (0o100, "x"), (0o40, "r"), (0o20, "w"), (0o10, "x"), (0o4, "r"), (0o2, "w"), (0o1, "x")]
        for (i, (b, c)) in bits.enumerated() {
            var ch: Character = m & b != 0 ? c : "-"
            if i == 8 && m & 0o1000 != 0 { ch = m & 1 != 0 ? "t" : "T" }
            s.append(ch)
        }
        return s
    }

    private func linkCount(_ path: String, _ n: VirtualFS.Node) -> Int {
        guard n.kind == .directory else { return 1 }
        let subdirs = (workspace.listDirectory(path) ?? []).filter { workspace.isDirectory((path.hasSuffix("/") ? path : path + "/") + $0) }
        return 2 + subdirs.count
    }

    private func timeString(_ mtime: Double) -> String {
        let now = host.now
        let t = CivilTime(epoch: mtime)
        let recent = mtime <= now + 3600 && now - mtime < 15_778_476
        let day = pad(String(t.day), 2)
        let tail = recent ? "\(twoDigits(t.hour)):\(twoDigits(t.minute))" : " \(t.year)"
        return "\(CivilTime.monthNames[t.month - 1]) \(day) \(tail)"
    }

    private func longListing(_ entries: [(String, String)], human: Bool, quote: Bool, classify: (String, String) -> String) -> String {
        struct Row { var mode: String; var links: String; var size: String; var time: String; var name: String }
        var rows: [Row] = []
        for (name, path) in entries {
            guard let n = workspace.node(path) else { continue }
            let size = n.kind == .device ? "1, 3" : (human ? humanSize(sizeOf(n)) : String(sizeOf(n)))
            rows.append(Row(mode: modeString(n), links: String(linkCount(path, n)), size: size,
                            time: timeString(n.mtime), name: quoteName(classify(name, path), quote)))
        }
        let lw = rows.map(\.links.count).max() ?? 1
        let sw = rows.map(\.size.count).max() ?? 1
        return rows.map { "\($0.mode) \(pad($0.links, lw)) root root \(pad($0.size, sw)) \($0.time) \($0.name)\n" }.joined()
    }

    /// GNU ls quotes names with shell-special characters on a terminal.
    private func quoteName(_ name: String, _ terminal: Bool) -> String {
        guard terminal else { return name }
        let special = " \t!\"#$&'()*;<=>?[\\]^`{|}~"
        guard name.contains(where: { special.contains($0) }) else { return name }
        if name.contains("'") { return "\"" + name.replacingAll("\"", with: "\\\"") + "\"" }
        return "'" + name + "'"
    }

    /// `ls -C`: names down then across, in as many columns as fit 80 characters.
    private func columnLayout(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        let width = Int(variables["COLUMNS"] ?? "") ?? 80
        let lens = names.map { $0.count }
        let n = names.count
        let maxCols = max(1, min(n, width / 3))
        var chosen = 1
        var chosenWidths = [lens.max() ?? 0]
        for cols in stride(from: maxCols, through: 1, by: -1) {
            let rows = (n + cols - 1) / cols
            var widths = [Int](repeating: 0, count: cols)
            for (i, l) in lens.enumerated() {
                let c = i / rows
                let real = l + (c == cols - 1 ? 0 : 2)
                widths[c] = max(widths[c], real)
            }
            if cols == 1 || widths.reduce(0, +) < width {
                chosen = cols
                chosenWidths = widths
                break
            }
        }
        let rows = (n + chosen - 1) / chosen
        var out = ""
        for r in 0..<rows {
            var line = ""
            var c = 0
            while c < chosen {
                let i = c * rows + r
                guard i < n else { break }
                let isLast = (c + 1) * rows + r >= n
                line += isLast ? names[i] : pad(names[i], chosenWidths[c], right: false)
                c += 1
            }
            out += line + "\n"
        }
        return out
    }

    // MARK: - cat / tac

    func cat(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let name = currentCommand
        guard let o = parseOptions(args, spec: "nbsAEvTe", long: ["number": "n", "number-nonblank": "b", "show-ends": "E", "show-all": "A", "squeeze-blank": "s"], cmd: name, io: io) else { return 1 }
        var status: Int32 = 0
        var lineNo = 0
        for f in o.operands.isEmpty ? ["-"] : o.operands {
            switch readInput(f, io) {
            case .failure(let e):
                io.err("\(name): \(f): \(e.reason)\n")
                status = 1
            case .success(let text):
                let showEnds = o.has("E") || o.has("A") || o.has("e")
                let showTabs = o.has("T") || o.has("A") || o.has("t")
                let showNonprinting = o.has("v") || o.has("A") || o.has("e") || o.has("t")
                if o.has("n") || o.has("b") || showEnds || showTabs || showNonprinting || o.has("s") {
                    var out = ""
                    let lines = splitLines(text)
                    var previousBlank = false
                    for (i, line) in lines.enumerated() {
                        let last = i == lines.count - 1 && !endsWithNewline(text)
                        if o.has("s") {
                            if line.isEmpty && previousBlank { continue }
                            previousBlank = line.isEmpty
                        }
                        var l = ""
                        for u in line.unicodeScalars {
                            if u == "\t" {
                                l += showTabs ? "^I" : "\t"
                            } else if showNonprinting && (u.value < 32 || u.value == 127) {
                                l += u.value == 127 ? "^?" : "^" + String(Unicode.Scalar(u.value + 64)!)
                            } else {
                                l.unicodeScalars.append(u)
                            }
                        }
                        if o.has("n") || (o.has("b") && !line.isEmpty) {
                            lineNo += 1
                            l = pad(String(lineNo), 6) + "\t" + l
                        }
                        if showEnds { l += last ? "" : "$" }
                        out += l + (last ? "" : "\n")
                    }
                    io.out(out)
                } else {
                    io.out(text)
                }
            }
        }
        return status
    }

    func tac(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var status: Int32 = 0
        for f in args.isEmpty ? ["-"] : args {
            switch readInput(f, io) {
            case .failure(let e):
                io.err(e.code == .notFound ? "tac: failed to open '\(f)' for reading: No such file or directory\n" : "tac: \(f): read error: \(e.reason)\n")
                status = 1
            case .success(let text):
                io.out(joinLines(splitLines(text).reversed()))
            }
        }
        return status
    }

    // MARK: - cp / mv

    func cp(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "rRafpvnidT", long: ["recursive": "r", "archive": "a", "force": "f", "verbose": "v", "no-clobber": "n", "interactive": "i"], cmd: "cp", io: io) else { return 1 }
        return try copyOrMove(o, move: false, io)
    }

    func mv(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "fvniT", long: ["force": "f", "verbose": "v", "no-clobber": "n", "interactive": "i"], cmd: "mv", io: io) else { return 1 }
        return try copyOrMove(o, move: true, io)
    }

    private func copyOrMove(_ o: ParsedOptions, move: Bool, _ io: CommandIO) throws -> Int32 {
        let cmd = move ? "mv" : "cp"
        let recursive = o.has("r") || o.has("R") || o.has("a")
        var ops = o.operands
        if ops.isEmpty {
            io.usageError(cmd, "missing file operand")
            return 1
        }
        if ops.count == 1 {
            io.usageError(cmd, "missing destination file operand after '\(ops[0])'")
            return 1
        }
        let dest = ops.removeLast()
        let destIsDir = workspace.isDirectory(dest) && !o.has("T")
        if ops.count > 1 && !destIsDir {
            io.err("\(cmd): target '\(dest)' is not a directory\n")
            return 1
        }
        var status: Int32 = 0
        for src in ops {
            guard let node = workspace.node(src) else {
                io.err("\(cmd): cannot stat '\(src)': No such file or directory\n")
                status = 1
                continue
            }
            var target = dest
            if !destIsDir && dest.hasSuffix("/") && node.kind != .directory {
                io.err(move ? "mv: cannot move '\(src)' to '\(dest)': Not a directory\n" : "cp: cannot create regular file '\(dest)': Not a directory\n")
                status = 1
                continue
            }
            if destIsDir {
                target = (dest.hasSuffix("/") ? dest : dest + "/") + VirtualFS.basename(src)
            }
            let srcAbs = workspace.resolve(src), dstAbs = workspace.resolve(target)
            if srcAbs == dstAbs {
                io.err("\(cmd): '\(src)' and '\(target)' are the same file\n")
                status = 1
                continue
            }
            if node.kind == .directory && !move && !recursive {
                io.err("cp: -r not specified; omitting directory '\(src)'\n")
                status = 1
                continue
            }
            if node.kind == .directory && (dstAbs + "/").hasPrefix(srcAbs + "/") {
                if move {
                    io.err("mv: cannot move '\(src)' to a subdirectory of itself, '\(target)'\n")
                } else {
                    io.err("cp: cannot copy a directory, '\(src)', into itself, '\(target)'\n")
                }
                status = 1
                continue
            }
            if let existing = workspace.node(target) {
                if o.has("n") { continue }
                if existing.kind == .directory && node.kind != .directory {
                    io.err("\(cmd): cannot overwrite directory '\(target)' with non-directory\n")
                    status = 1
                    continue
                }
                if existing.kind != .directory && node.kind == .directory {
                    io.err("\(cmd): cannot overwrite non-directory '\(target)' with directory '\(src)'\n")
                    status = 1
                    continue
                }
            }
            do {
                if move {
                    if let existing = workspace.node(target), existing.kind == .directory,
                       !(workspace.listDirectory(target) ?? []).isEmpty {
                        io.err("mv: cannot move '\(src)' to '\(target)': Directory not empty\n")
                        status = 1
                        continue
                    }
                    if existing(target) && node.kind == .directory { try workspace.remove(target, recursive: true) }
                    try workspace.move(src, to: target)
                    if o.has("v") { io.out("renamed '\(src)' -> '\(target)'\n") }
                } else if node.kind == .directory {
                    if workspace.isDirectory(target) {
                        for child in workspace.listDirectory(src) ?? [] {
                            try workspace.copy(src + "/" + child, to: target + "/" + child, recursive: true)
                        }
                    } else {
                        try workspace.copy(src, to: target, recursive: true)
                    }
                    if o.has("v") { io.out("'\(src)' -> '\(target)'\n") }
                } else {
                    try workspace.copy(src, to: target)
                    if o.has("v") { io.out("'\(src)' -> '\(target)'\n") }
                }
            } catch let e as FSError {
                if move {
                    io.err("mv: cannot move '\(src)' to '\(target)': \(e.reason)\n")
                } else if node.kind == .directory {
                    io.err("cp: cannot create directory '\(target)': \(e.reason)\n")
                } else {
                    io.err("cp: cannot create regular file '\(target)': \(e.reason)\n")
                }
                status = 1
            }
        }
        return status
    }

    private func existing(_ path: String) -> Bool { workspace.exists(path) }

    // MARK: - rm / rmdir / mkdir / touch / chmod

    func rm(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "rRfivdI", long: ["recursive": "r", "force": "f", "verbose": "v", "dir": "d", "interactive": "i", "no-preserve-root": "\0", "preserve-root": "\0"], cmd: "rm", io: io) else { return 1 }
        let force = o.has("f")
        let recursive = o.has("r") || o.has("R")
        if o.operands.isEmpty {
            if force { return 0 }
            io.usageError("rm", "missing operand")
            return 1
        }
        var status: Int32 = 0
        for p in o.operands {
            let base = VirtualFS.basename(p)
            if base == "." || base == ".." {
                io.err("rm: refusing to remove '.' or '..' directory: skipping '\(p)'\n")
                status = 1
                continue
            }
            let abs = workspace.resolve(p)
            if abs == "/" && recursive {
                io.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n")
                status = 1
                continue
            }
            guard let n = workspace.node(p) else {
                if !force {
                    io.err("rm: cannot remove '\(p)': No such file or directory\n")
                    status = 1
                }
                continue
            }
            if n.kind == .directory {
                let empty = (workspace.listDirectory(p) ?? []).isEmpty
                if !recursive && !(o.has("d") && empty) {
                    io.err("rm: cannot remove '\(p)': Is a directory\n")
                    status = 1
                    continue
                }
                if o.has("v") {
                    for sub in workspace.allPaths where sub.hasPrefix(abs + "/") {
                        io.out("removed '\(p)\(sub.dropFirst(abs.count))'\n")
                    }
                }
            }
            do {
                try workspace.remove(p, recursive: true)
                if o.has("v") { io.out(n.kind == .directory ? "removed directory '\(p)'\n" : "removed '\(p)'\n") }
            } catch let e as FSError {
                io.err("rm: cannot remove '\(p)': \(e.reason)\n")
                status = 1
            }
        }
        return status
    }

    func rmdir(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "pv", long: ["parents": "p", "verbose": "v", "ignore-fail-on-non-empty": "\0"], cmd: "rmdir", io: io) else { return 1 }
        if o.operands.isEmpty {
            io.usageError("rmdir", "missing operand")
            return 1
        }
        var status: Int32 = 0
        for p in o.operands {
            do {
                try workspace.removeDirectory(p)
                if o.has("v") { io.out("rmdir: removing directory, '\(p)'\n") }
            } catch let e as FSError {
                io.err("rmdir: failed to remove '\(p)': \(e.reason)\n")
                status = 1
            }
        }
        return status
    }

    func mkdir(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "pvm:", long: ["parents": "p", "verbose": "v", "mode": "m"], cmd: "mkdir", io: io) else { return 1 }
        if o.operands.isEmpty {
            io.usageError("mkdir", "missing operand")
            return 1
        }
        var status: Int32 = 0
        for p in o.operands {
            do {
                if o.has("v") && o.has("p") {
                    // -pv reports every directory it creates.
                    var cur = p.hasPrefix("/") ? "/" : ""
                    for c in p.split(separator: "/") {
                        cur += (cur.isEmpty || cur.hasSuffix("/") ? "" : "/") + c
                        if !workspace.exists(cur) {
                            try workspace.createDirectory(cur, parents: true)
                            io.out("mkdir: created directory '\(cur)'\n")
                        }
                    }
                } else {
                    try workspace.createDirectory(p, parents: o.has("p"))
                    if o.has("v") { io.out("mkdir: created directory '\(p)'\n") }
                }
            } catch let e as FSError {
                io.err("mkdir: cannot create directory ‘\(p)’: \(e.reason)\n")
                status = 1
            }
        }
        return status
    }

    func touch(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "acmd:t:r:", long: ["no-create": "c", "date": "d", "reference": "r"], cmd: "touch", io: io) else { return 1 }
        if o.operands.isEmpty {
            io.usageError("touch", "missing file operand")
            return 1
        }
        var status: Int32 = 0
        for p in o.operands {
            if o.has("c") && !workspace.exists(p) { continue }
            do {
                try workspace.touch(p)
            } catch let e as FSError {
                io.err("touch: cannot touch '\(p)': \(e.reason)\n")
                status = 1
            }
        }
        return status
    }

    func chmod(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var recursive = false
        var rest: [String] = []
        for a in args {
            if a == "-R" || a == "--recursive" { recursive = true } else if a == "-v" || a == "-f" { continue } else { rest.append(a) }
        }
        guard rest.count >= 2 else {
            if rest.isEmpty {
                io.usageError("chmod", "missing operand")
            } else {
                io.usageError("chmod", "missing operand after ‘\(rest[0])’")
            }
            return 1
        }
        let modeText = rest[0]
        var status: Int32 = 0
        for p in rest.dropFirst() {
            guard let n = workspace.node(p) else {
                io.err("chmod: cannot access '\(p)': No such file or directory\n")
                status = 1
                continue
            }
            guard let mode = ShellSession.applyMode(modeText, to: n.mode, isDirectory: n.kind == .directory) else {
                io.usageError("chmod", "invalid mode: ‘\(modeText)’")
                return 1
            }
            try? workspace.setMode(p, mode)
            if recursive, n.kind == .directory {
                let abs = workspace.resolve(p)
                for sub in workspace.allPaths where sub.hasPrefix(abs + "/") {
                    if let sn = workspace.node(sub), let m = ShellSession.applyMode(modeText, to: sn.mode, isDirectory: sn.kind == .directory) {
                        try? workspace.setMode(sub, m)
                    }
                }
            }
        }
        return status
    }

    /// Octal (`755`) or symbolic (`u+x,go-w`, `+x`) modes.
    static func applyMode(_ text: String, to mode: Int, isDirectory: Bool) -> Int? {
        if !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }), text.count <= 4 {
            return Int(text, radix: 8)
        }
        var m = mode
        for clause in text.split(separator: ",", omittingEmptySubsequences: false) {
            var who = 0
            var i = clause.startIndex
            while i < clause.endIndex, "ugoa".contains(clause[i]) {
                switch clause[i] {
                case "u": who |= 0o4700
                case "g": who |= 0o2070
                case "o": who |= 0o1007
                default: who |= 0o7777
                }
                i = clause.index(after: i)
            }
            if who == 0 { who = 0o7777 & ~0o022 | 0o7000 }
            guard i < clause.endIndex else { return nil }
            while i < clause.endIndex {
                let op = clause[i]
                guard "+-=".contains(op) else { return nil }
                i = clause.index(after: i)
                var perm = 0
                while i < clause.endIndex, "rwxXst".contains(clause[i]) {
                    switch clause[i] {
                    case "r": perm |= 0o444
                    case "w": perm |= 0o222
                    case "x": perm |= 0o111
                    case "X": if isDirectory || m & 0o111 != 0 { perm |= 0o111 }
                    case "s": perm |= 0o6000
                    default: perm |= 0o1000
                    }
                    i = clause.index(after: i)
                }
                let bits = perm & who
                switch op {
                case "+": m |= bits
                case "-": m &= ~bits
                default: m = (m & ~(who & 0o7777)) | bits
                }
            }
        }
        return m
    }

    // MARK: - tee

    func tee(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "ai", long: ["append": "a", "ignore-interrupts": "i"], cmd: "tee", io: io) else { return 1 }
        let text = io.stdin.readAll()
        var status: Int32 = 0
        for f in o.operands {
            do {
                if o.has("a") { try workspace.appendFile(f, contents: text) } else { try workspace.writeFile(f, contents: text) }
            } catch let e as FSError {
                io.err("tee: \(f): \(e.reason)\n")
                status = 1
            }
        }
        io.out(text)
        return status
    }

    // MARK: - head / tail

    /// `-5` → `-n 5`.
    private func numericShorthand(_ args: [String]) -> [String] {
        guard let a = args.first, a.count > 1, a.hasPrefix("-"), a.dropFirst().allSatisfy(\.isNumber) else { return args }
        return ["-n", String(a.dropFirst())] + args.dropFirst()
    }

    func head(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        try headTail(args, io, head: true)
    }

    func tail(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        try headTail(args, io, head: false)
    }

    private func headTail(_ args: [String], _ io: CommandIO, head: Bool) throws -> Int32 {
        let cmd = head ? "head" : "tail"
        // `tail -f` follows a growing file forever on a real system; the simulated files do not
        // grow while the command runs, so it prints like plain `tail` and returns.
        guard let o = parseOptions(numericShorthand(args), spec: head ? "n:c:qv" : "n:c:qvfF", long: ["lines": "n", "bytes": "c", "quiet": "q", "silent": "q", "verbose": "v", "follow": "f"], cmd: cmd, io: io) else { return 1 }
        var count = 10
        var fromStart = false
        var allBut = false
        var bytes = false
        if let spec = o.value("c") ?? o.value("n") {
            bytes = o.value("c") != nil
            var s = Substring(spec)
            if s.hasPrefix("+") { fromStart = !head; s = s.dropFirst() } else if s.hasPrefix("-") { allBut = head; s = s.dropFirst() }
            guard let v = Int(s), v >= 0 else {
                io.err("\(cmd): invalid number of \(bytes ? "bytes" : "lines"): ‘\(spec)’\n")
                return 1
            }
            count = v
        }
        let files = o.operands.isEmpty ? ["-"] : o.operands
        let headers = (files.count > 1 && !o.has("q")) || o.has("v")
        var status: Int32 = 0
        var first = true
        for f in files {
            let text: String
            switch readInput(f, io) {
            case .failure(let e):
                if e.code == .isADirectory {
                    if headers { io.out((first ? "" : "\n") + "==> \(f) <==\n"); first = false }
                    io.err("\(cmd): error reading '\(f)': Is a directory\n")
                } else {
                    io.err("\(cmd): cannot open '\(f)' for reading: \(e.reason)\n")
                }
                status = 1
                continue
            case .success(let t): text = t
            }
            if headers { io.out((first ? "" : "\n") + "==> \(f == "-" ? "standard input" : f) <==\n") }
            first = false
            if bytes {
                let u = Array(text.utf8)
                let slice: ArraySlice<UInt8>
                if head { slice = allBut ? u.dropLast(count) : u.prefix(count) } else { slice = fromStart ? u.dropFirst(max(0, count - 1)) : u.suffix(count) }
                io.out(String(decoding: slice, as: UTF8.self))
                continue
            }
            let lines = splitLines(text)
            let trailingNewline = endsWithNewline(text)
            var selected: ArraySlice<String>
            if head { selected = allBut ? lines.dropLast(count) : lines.prefix(count) } else { selected = fromStart ? lines.dropFirst(max(0, count - 1)) : lines.suffix(count) }
            var out = selected.joined(separator: "\n")
            if !selected.isEmpty {
                let includesLast = selected.endIndex == lines.count
                if !includesLast || trailingNewline { out += "\n" }
            }
            io.out(out)
        }
        return status
    }

    // MARK: - wc

    func wc(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "lwcmL", long: ["lines": "l", "words": "w", "bytes": "c", "chars": "m", "max-line-length": "L"], cmd: "wc", io: io) else { return 1 }
        var which: [Character] = ["l", "w", "m", "c", "L"].filter { o.has($0) }
        if which.isEmpty { which = ["l", "w", "c"] }
        let files = o.operands.isEmpty ? ["-"] : o.operands
        struct Counts { var name: String?; var values: [Int]; var failed: Bool }
        var rows: [Counts] = []
        var totals = [Int](repeating: 0, count: which.count)
        var status: Int32 = 0
        var regularTotal = 0
        var minWidth = 1
        var errors: [(Int, String)] = []
        for f in files {
            var text = ""
            if f == "-" {
                text = io.stdin.readAll()
                minWidth = 7
            } else if let n = workspace.node(f) {
                if n.kind == .directory {
                    errors.append((rows.count, "wc: \(f): Is a directory\n"))
                    minWidth = 7
                    status = 1
                    rows.append(Counts(name: f, values: [Int](repeating: 0, count: which.count), failed: false))
                    continue
                }
                text = n.contents
                regularTotal += text.utf8.count
            } else {
                errors.append((rows.count, "wc: \(f): No such file or directory\n"))
                status = 1
                rows.append(Counts(name: f, values: [], failed: true))
                continue
            }
            var values: [Int] = []
            for c in which {
                switch c {
                case "l": values.append(text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
                case "w": values.append(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }).count)
                case "m": values.append(text.unicodeScalars.count)
                case "c": values.append(text.utf8.count)
                default: values.append(splitLines(text).map(\.count).max() ?? 0)
                }
            }
            for i in values.indices { totals[i] = which[i] == "L" ? max(totals[i], values[i]) : totals[i] + values[i] }
            rows.append(Counts(name: f == "-" ? nil : f, values: values, failed: false))
        }
        var width = 1
        if which.count == 1 && files.count == 1 {
            width = 1
        } else if !(rows.first?.failed ?? false) {
            var t = regularTotal
            while t >= 10 { width += 1; t /= 10 }
            width = max(width, minWidth)
        }
        for (i, r) in rows.enumerated() {
            for (k, e) in errors where k == i { io.err(e) }
            if r.failed { continue }
            io.out(r.values.map { pad(String($0), width) }.joined(separator: " ") + (r.name.map { " " + $0 } ?? "") + "\n")
        }
        if files.count > 1 {
            io.out(totals.map { pad(String($0), width) }.joined(separator: " ") + " total\n")
        }
        return status
    }

    // MARK: - base64

    func base64(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let o = parseOptions(args, spec: "dw:i", long: ["decode": "d", "wrap": "w", "ignore-garbage": "i"], cmd: "base64", io: io) else { return 1 }
        var wrap = 76
        if let w = o.value("w") {
            guard let v = Int(w), v >= 0 else {
                io.err("base64: invalid wrap size: ‘\(w)’\n")
                return 1
            }
            wrap = v
        }
        if o.operands.count > 1 {
            io.usageError("base64", "extra operand ‘\(o.operands[1])’")
            return 1
        }
        let f = o.operands.first ?? "-"
        let text: String
        switch readInput(f, io) {
        case .failure(let e):
            io.err("base64: \(f): \(e.reason)\n")
            return 1
        case .success(let t): text = t
        }
        if o.has("d") {
            guard let bytes = ShellSession.base64Decode(text, ignoreGarbage: o.has("i")) else {
                io.err("base64: invalid input\n")
                return 1
            }
            io.out(String(decoding: bytes, as: UTF8.self))
            return 0
        }
        let encoded = ShellSession.base64Encode(Array(text.utf8))
        if wrap == 0 {
            io.out(encoded)
        } else {
            var out = ""
            var line = ""
            for c in encoded {
                line.append(c)
                if line.count == wrap { out += line + "\n"; line = "" }
            }
            if !line.isEmpty { out += line + "\n" }
            io.out(out)
        }
        return 0
    }

    private static let b64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    static func base64Encode(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(b64[b0 >> 2])
            out.append(b64[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? b64[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? b64[b2 & 63] : "=")
            i += 3
        }
        return out
    }

    static func base64Decode(_ text: String, ignoreGarbage: Bool) -> [UInt8]? {
        var values: [Int] = []
        var padding = 0
        for c in text {
            if c == "\n" || c == "\r" { continue }
            if c == "=" { padding += 1; continue }
            if padding > 0 { return nil }
            guard let v = b64.firstIndex(of: c) else {
                if ignoreGarbage { continue }
                return nil
            }
            values.append(v)
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < values.count {
            let v0 = values[i], v1 = values[i + 1]
            out.append(UInt8((v0 << 2 | v1 >> 4) & 0xff))
            if i + 2 < values.count {
                let v2 = values[i + 2]
                out.append(UInt8(((v1 & 15) << 4 | v2 >> 2) & 0xff))
                if i + 3 < values.count {
                    out.append(UInt8(((v2 & 3) << 6 | values[i + 3]) & 0xff))
                }
            }
            i += 4
        }
        return out
    }

    // MARK: - find

    func find(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var paths: [String] = []
        var i = 0
        while i < args.count, !args[i].hasPrefix("-"), args[i] != "(", args[i] != "!" { paths.append(args[i]); i += 1 }
        if paths.isEmpty { paths = ["."] }
        var namePatterns: [(String, Bool)] = []
        var type: Character? = nil
        var maxDepth = Int.max
        var minDepth = 0
        while i < args.count {
            let a = args[i]
            func value() -> String? { i + 1 < args.count ? args[i + 1] : nil }
            switch a {
            case "-name", "-iname":
                guard let v = value() else {
                    io.err("find: missing argument to `\(a)'\n")
                    return 1
                }
                namePatterns.append((v, a == "-iname"))
                i += 2
            case "-type":
                guard let v = value(), v.count == 1, "fdlbcps".contains(v) else {
                    io.err(value() == nil ? "find: missing argument to `-type'\n" : "find: Unknown argument to -type: \(value()!)\n")
                    return 1
                }
                type = v.first
                i += 2
            case "-maxdepth", "-mindepth":
                guard let v = value(), let n = Int(v), n >= 0 else {
                    io.err("find: Expected a positive decimal integer argument to \(a), but got ‘\(value() ?? "")’\n")
                    return 1
                }
                if a == "-maxdepth" { maxDepth = n } else { minDepth = n }
                i += 2
            case "-print":
                i += 1
            default:
                io.err("find: unknown predicate `\(a)'\n")
                return 1
            }
        }
        var status: Int32 = 0
        for root in paths {
            guard workspace.exists(root) else {
                io.err("find: ‘\(root)’: No such file or directory\n")
                status = 1
                continue
            }
            var stack: [(String, Int)] = [(root, 0)]
            var visited = 0
            while let (p, depth) = stack.popLast() {
                visited += 1
                if visited > VirtualFS.maxEntries { break }
                let isDir = workspace.isDirectory(p)
                let name = VirtualFS.basename(p)
                var ok = depth >= minDepth
                if let t = type { ok = ok && ((t == "d") == isDir) && (t == "d" || t == "f") }
                for (pat, ci) in namePatterns {
                    ok = ok && (ci ? globMatch(pat.lowercased(), name.lowercased()) : globMatch(pat, name))
                }
                if ok { io.out(p + "\n") }
                if isDir && depth < maxDepth {
                    let prefix = p.hasSuffix("/") ? p : p + "/"
                    for child in (workspace.listDirectory(p) ?? []).reversed() { stack.append((prefix + child, depth + 1)) }
                }
            }
        }
        return status
    }
}
