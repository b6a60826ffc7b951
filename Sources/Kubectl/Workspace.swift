/// The files a command can see: the learner's jailed workspace. kubectl reads manifests
/// through it (`apply -f`), `edit` writes temporary files to it. Paths are as typed by the
/// learner, resolved against `cwd` by the implementation; nothing here touches the host disk.
public protocol Workspace: AnyObject {
    /// The current directory, absolute inside the jail (e.g. `/root/controller`).
    var cwd: String { get }
    /// Contents of a regular file, or nil when absent or a directory.
    func readFile(_ path: String) -> String?
    /// Whether the path names a directory.
    func isDirectory(_ path: String) -> Bool
    /// Entry names (not paths) of a directory, sorted; nil when not a directory.
    func listDirectory(_ path: String) -> [String]?
    /// Creates or replaces a regular file; throws with a shell-style message on failure.
    func writeFile(_ path: String, contents: String) throws
}

/// What a command printed, in the order it printed it: a terminal interleaves stdout and
/// stderr, a pipe only carries stdout.
public struct CommandOutput: Sendable, Equatable {
    public enum Stream: Sendable, Equatable { case stdout, stderr }
    public var chunks: [(stream: Stream, text: String)] = []
    public var exitCode: Int32 = 0

    public init(exitCode: Int32 = 0) { self.exitCode = exitCode }

    public mutating func out(_ text: String) { append(.stdout, text) }
    public mutating func err(_ text: String) { append(.stderr, text) }

    private mutating func append(_ s: Stream, _ text: String) {
        guard !text.isEmpty else { return }
        if let last = chunks.last, last.stream == s {
            chunks[chunks.count - 1].text += text
        } else {
            chunks.append((s, text))
        }
    }

    public var stdout: String { chunks.filter { $0.stream == .stdout }.map(\.text).joined() }
    public var stderr: String { chunks.filter { $0.stream == .stderr }.map(\.text).joined() }
    /// Both streams as a terminal shows them.
    public var combined: String { chunks.map(\.text).joined() }

    public static func == (a: CommandOutput, b: CommandOutput) -> Bool {
        a.exitCode == b.exitCode && a.chunks.map { "\($0.stream)\($0.text)" } == b.chunks.map { "\($0.stream)\($0.text)" }
    }
}
