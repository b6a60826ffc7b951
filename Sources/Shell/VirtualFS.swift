import Kubectl

/// Why a file operation failed, worded like `strerror(3)` so callers can build the real
/// tools' messages (`cat: x: No such file or directory`).
public struct FSError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Code: Sendable, Equatable {
        case notFound, notADirectory, isADirectory, exists, notEmpty, tooLarge, invalid, permissionDenied
    }
    /// The path as the caller typed it.
    public var path: String
    public var code: Code

    public init(_ code: Code, _ path: String) {
        self.code = code
        self.path = path
    }

    /// The `strerror` text, e.g. `No such file or directory`.
    public var reason: String {
        switch code {
        case .notFound: return "No such file or directory"
        case .notADirectory: return "Not a directory"
        case .isADirectory: return "Is a directory"
        case .exists: return "File exists"
        case .notEmpty: return "Directory not empty"
        case .tooLarge: return "File too large"
        case .invalid: return "Invalid argument"
        case .permissionDenied: return "Permission denied"
        }
    }

    /// `path: reason`, the way bash reports a failed redirection.
    public var description: String { "\(path): \(reason)" }
}

/// The learner's files: an in-memory tree rooted at `/`, with home `/root`.
///
/// Nothing here touches the host disk. Every path is resolved lexically against `cwd`
/// (`.`, `..`, `~`, relative) and `..` at `/` stays at `/`, so no path can leave the jail.
/// `/dev/null` exists and swallows writes. Listings are sorted bytewise (`ls` in the C locale).
public final class VirtualFS: Workspace {
    /// What a path names.
    public enum Kind: Sendable, Equatable { case file, directory, device }

    /// One file or directory.
    public struct Node: Sendable, Equatable {
        public var kind: Kind
        public var contents: String
        /// Permission bits, e.g. 0o644.
        public var mode: Int
        /// Modification time, seconds since the Unix epoch (virtual).
        public var mtime: Double
    }

    /// The largest file the workspace holds; bigger writes fail with `File too large`.
    public static let maxFileSize = 8 << 20
    /// The most entries (files + directories) the workspace holds.
    public static let maxEntries = 20_000

    public let home: String
    public private(set) var cwd: String
    /// Where modification times come from (virtual seconds since the epoch). The session
    /// points this at the host's clock.
    public var clock: () -> Double

    private var nodes: [String: Node] = [:]

    /// A workspace with `/`, `/root` (home), `/tmp` and `/dev/null`, plus the given
    /// directories and files (absolute paths, or relative to home). Parents are created.
    public init(files: [String: String] = [:], directories: [String] = [], cwd: String? = nil,
                home: String = "/root", clock: @escaping () -> Double = { 1_735_689_600 }) {
        self.clock = clock
        self.home = "/" + VirtualFS.components(of: home, base: []).joined(separator: "/")
        self.cwd = "/"
        let now = clock()
        nodes["/"] = Node(kind: .directory, contents: "", mode: 0o555, mtime: now)
        for d in ["/dev", "/tmp", self.home] { mkdirs(d) }
        nodes["/tmp"]?.mode = 0o1777
        nodes["/root"]?.mode = 0o550
        nodes["/dev/null"] = Node(kind: .device, contents: "", mode: 0o666, mtime: now)
        self.cwd = self.home
        for d in directories { mkdirs(resolve(d)) }
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            let p = resolve(path)
            mkdirs(VirtualFS.dirname(p))
            nodes[p] = Node(kind: .file, contents: contents, mode: 0o644, mtime: now)
        }
        if let c = cwd {
            let p = resolve(c)
            mkdirs(p)
            self.cwd = p
        }
    }

    // MARK: - Paths

    /// The absolute, normalized path inside the jail for a path as typed.
    public func resolve(_ path: String) -> String {
        var base: [String]
        var rest = Substring(path)
        if path == "~" || path.hasPrefix("~/") {
            base = VirtualFS.components(of: home, base: [])
            rest = rest.dropFirst()
        } else if path.hasPrefix("/") {
            base = []
        } else {
            base = VirtualFS.components(of: cwd, base: [])
        }
        return "/" + VirtualFS.components(of: String(rest), base: base).joined(separator: "/")
    }

    static func components(of path: String, base: [String]) -> [String] {
        var out = base
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(String(c))
        }
        return out
    }

    /// `/a/b/c` → `/a/b`; `/a` → `/`.
    public static func dirname(_ abs: String) -> String {
        guard let i = abs.lastIndex(of: "/"), abs != "/" else { return "/" }
        return i == abs.startIndex ? "/" : String(abs[..<i])
    }

    /// Last path component as `basename` prints it (`/` for the root).
    public static func basename(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.last.map(String.init) ?? (path.hasPrefix("/") ? "/" : path)
    }

    private static func join(_ dir: String, _ name: String) -> String {
        dir == "/" ? "/" + name : dir + "/" + name
    }

    // MARK: - Workspace

    public func readFile(_ path: String) -> String? {
        guard let n = nodes[resolve(path)], n.kind != .directory else { return nil }
        return n.contents
    }

    public func isDirectory(_ path: String) -> Bool {
        nodes[resolve(path)]?.kind == .directory
    }

    public func listDirectory(_ path: String) -> [String]? {
        let p = resolve(path)
        guard nodes[p]?.kind == .directory else { return nil }
        return children(of: p)
    }

    public func writeFile(_ path: String, contents: String) throws {
        let p = resolve(path)
        if let n = nodes[p] {
            switch n.kind {
            case .device: return
            case .directory: throw FSError(.isADirectory, path)
            case .file:
                guard contents.utf8.count <= VirtualFS.maxFileSize else { throw FSError(.tooLarge, path) }
                nodes[p]?.contents = contents
                nodes[p]?.mtime = clock()
                return
            }
        }
        try checkParent(of: p, typed: path)
        // `x/` names a directory; a regular file cannot be created there.
        if path.hasSuffix("/") { throw FSError(.isADirectory, path) }
        guard contents.utf8.count <= VirtualFS.maxFileSize else { throw FSError(.tooLarge, path) }
        guard nodes.count < VirtualFS.maxEntries else { throw FSError(.tooLarge, path) }
        nodes[p] = Node(kind: .file, contents: contents, mode: 0o644, mtime: clock())
    }

    // MARK: - More file operations

    /// The node at a path, if any.
    public func node(_ path: String) -> Node? { nodes[resolve(path)] }

    public func exists(_ path: String) -> Bool { nodes[resolve(path)] != nil }

    /// Whether the path names a regular file.
    public func isFile(_ path: String) -> Bool { nodes[resolve(path)]?.kind == .file }

    /// Appends to a file, creating it when absent.
    public func appendFile(_ path: String, contents: String) throws {
        let p = resolve(path)
        if let n = nodes[p], n.kind == .file {
            try writeFile(path, contents: n.contents + contents)
        } else {
            try writeFile(path, contents: contents)
        }
    }

    /// Changes the working directory.
    public func changeDirectory(_ path: String) throws {
        let p = resolve(path)
        guard let n = nodes[p] else {
            // `cd a/b` where `a` is a file says "Not a directory".
            try checkParent(of: p, typed: path)
            throw FSError(.notFound, path)
        }
        guard n.kind == .directory else { throw FSError(.notADirectory, path) }
        cwd = p
    }

    /// Creates a directory; with `parents`, missing parents too and no error if it exists.
    public func createDirectory(_ path: String, parents: Bool = false) throws {
        let p = resolve(path)
        if let n = nodes[p] {
            if parents && n.kind == .directory { return }
            throw FSError(.exists, path)
        }
        if parents {
            var cur = ""
            for c in VirtualFS.components(of: p, base: []) {
                cur += "/" + c
                if let n = nodes[cur] {
                    if n.kind != .directory { throw FSError(.notADirectory, path) }
                } else {
                    guard nodes.count < VirtualFS.maxEntries else { throw FSError(.tooLarge, path) }
                    nodes[cur] = Node(kind: .directory, contents: "", mode: 0o755, mtime: clock())
                }
            }
            return
        }
        try checkParent(of: p, typed: path)
        guard nodes.count < VirtualFS.maxEntries else { throw FSError(.tooLarge, path) }
        nodes[p] = Node(kind: .directory, contents: "", mode: 0o755, mtime: clock())
    }

    /// Removes a file, or a directory (non-empty ones only when `recursive`).
    public func remove(_ path: String, recursive: Bool = false) throws {
        let p = resolve(path)
        guard let n = nodes[p] else {
            try checkParent(of: p, typed: path)
            throw FSError(.notFound, path)
        }
        if n.kind == .directory {
            guard recursive else { throw FSError(.isADirectory, path) }
            if p == "/" { throw FSError(.permissionDenied, path) }
            let prefix = p + "/"
            for k in nodes.keys where k.hasPrefix(prefix) { nodes[k] = nil }
        }
        if n.kind == .device { throw FSError(.permissionDenied, path) }
        nodes[p] = nil
    }

    /// Removes an empty directory (`rmdir`).
    public func removeDirectory(_ path: String) throws {
        let p = resolve(path)
        guard let n = nodes[p] else { throw FSError(.notFound, path) }
        guard n.kind == .directory else { throw FSError(.notADirectory, path) }
        guard children(of: p).isEmpty else { throw FSError(.notEmpty, path) }
        guard p != "/", p != cwd else { throw FSError(.permissionDenied, path) }
        nodes[p] = nil
    }

    /// Moves a file or directory to an exact destination path (not "into" a directory;
    /// callers resolve that). Replaces an existing file.
    public func move(_ from: String, to: String) throws {
        let src = resolve(from), dst = resolve(to)
        guard let n = nodes[src] else { throw FSError(.notFound, from) }
        if src == dst { return }
        if n.kind == .directory && (dst + "/").hasPrefix(src + "/") { throw FSError(.invalid, to) }
        try checkParent(of: dst, typed: to)
        if let d = nodes[dst] {
            if d.kind == .directory {
                if n.kind != .directory { throw FSError(.isADirectory, to) }
                if !children(of: dst).isEmpty { throw FSError(.notEmpty, to) }
            } else if n.kind == .directory {
                throw FSError(.notADirectory, to)
            }
        }
        if n.kind == .directory {
            let prefix = src + "/"
            let moved = nodes.filter { $0.key.hasPrefix(prefix) }
            for (k, v) in moved {
                nodes[k] = nil
                nodes[dst + "/" + k.dropFirst(prefix.count)] = v
            }
        }
        nodes[src] = nil
        nodes[dst] = n
    }

    /// Copies a file, or a whole directory tree when `recursive`, to an exact destination.
    public func copy(_ from: String, to: String, recursive: Bool = false) throws {
        let src = resolve(from), dst = resolve(to)
        guard let n = nodes[src] else { throw FSError(.notFound, from) }
        if n.kind == .directory {
            guard recursive else { throw FSError(.isADirectory, from) }
            if (dst + "/").hasPrefix(src + "/") { throw FSError(.invalid, to) }
            if let d = nodes[dst], d.kind != .directory { throw FSError(.notADirectory, to) }
            try checkParent(of: dst, typed: to)
            let prefix = src + "/"
            let copied = nodes.filter { $0.key.hasPrefix(prefix) }
            guard nodes.count + copied.count < VirtualFS.maxEntries else { throw FSError(.tooLarge, to) }
            var dirNode = n
            dirNode.mtime = clock()
            nodes[dst] = dirNode
            for (k, v) in copied { nodes[dst + "/" + k.dropFirst(prefix.count)] = v }
            return
        }
        if src == dst { throw FSError(.invalid, to) }
        try writeFile(to, contents: n.contents)
        nodes[dst]?.mode = n.mode
    }

    /// Updates the modification time, creating an empty file when absent (`touch`).
    public func touch(_ path: String) throws {
        let p = resolve(path)
        if nodes[p] != nil { nodes[p]?.mtime = clock(); return }
        try writeFile(path, contents: "")
    }

    /// Sets permission bits (`chmod`).
    public func setMode(_ path: String, _ mode: Int) throws {
        let p = resolve(path)
        guard nodes[p] != nil else { throw FSError(.notFound, path) }
        nodes[p]?.mode = mode & 0o7777
    }

    /// Sets the working directory without checks (restoring one saved before a subshell).
    func setCwdUnchecked(_ path: String) { cwd = resolve(path) }

    /// Every path in the workspace, sorted (for tests and debugging).
    public var allPaths: [String] { nodes.keys.sorted(by: VirtualFS.cOrder) }

    /// Bytewise order, as `ls` sorts in the C locale.
    public static func cOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: - Private

    private func children(of dir: String) -> [String] {
        let prefix = dir == "/" ? "/" : dir + "/"
        var names: [String] = []
        for k in nodes.keys where k.count > prefix.count && k.hasPrefix(prefix) {
            let rest = k.dropFirst(prefix.count)
            if !rest.contains("/") { names.append(String(rest)) }
        }
        return names.sorted(by: VirtualFS.cOrder)
    }

    /// Throws unless the parent of `abs` exists and is a directory.
    private func checkParent(of abs: String, typed: String) throws {
        var cur = ""
        let comps = VirtualFS.components(of: abs, base: [])
        for c in comps.dropLast() {
            cur += "/" + c
            guard let n = nodes[cur] else { throw FSError(.notFound, typed) }
            guard n.kind == .directory else { throw FSError(.notADirectory, typed) }
        }
    }

    private func mkdirs(_ abs: String) {
        var cur = ""
        for c in VirtualFS.components(of: abs, base: []) {
            cur += "/" + c
            if nodes[cur]?.kind != .directory {
                nodes[cur] = Node(kind: .directory, contents: "", mode: 0o755, mtime: clock())
            }
        }
    }
}
