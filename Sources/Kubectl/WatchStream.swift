import KubeAPI
import ClusterSim

/// A running `kubectl get … -w`: subscribed to the cluster's store, it prints one row (or
/// document) per watch event as the event happens, the way the apiserver sends events and
/// kubectl prints each on arrival. It never moves the clock itself: whoever owns it advances
/// virtual time (a script until the cluster is quiet, the REPL with the wall clock, the shell
/// as later commands run) and takes the output produced meanwhile.
public final class WatchStream {
    private let cluster: Cluster
    private var subscription: Int?
    private var pending = CommandOutput()
    /// How long a foreground watch in a script lasts at most (kubectl's `waitLimit`).
    public let waitLimit: Double
    public private(set) var isStopped = false

    init(cluster: Cluster, waitLimit: Double) {
        self.cluster = cluster
        self.waitLimit = waitLimit
    }

    deinit { stop() }

    /// Starts delivering events: `handle` turns each change into output (or nothing).
    func subscribe(_ handle: @escaping (ObjectStore.Change, inout CommandOutput) -> Bool) {
        subscription = cluster.store.subscribe { [unowned self] change in
            guard !self.isStopped else { return }
            // false: printing failed; the watch ends as kubectl's does on a printer error.
            if !handle(change, &self.pending) { self.stop() }
        }
    }

    func write(_ output: CommandOutput) {
        for c in output.chunks {
            if c.stream == .stdout { pending.out(c.text) } else { pending.err(c.text) }
        }
        pending.exitCode = output.exitCode
    }

    /// What the watch printed since the last call.
    public func takeOutput() -> CommandOutput {
        let o = pending
        pending = CommandOutput(exitCode: o.exitCode)
        return o
    }

    /// Ctrl-C, `kill %1`: no more events.
    public func stop() {
        isStopped = true
        if let id = subscription {
            cluster.store.unsubscribe(id)
            subscription = nil
        }
    }

    /// A foreground watch in a script, which nobody can interrupt: lets virtual time run until
    /// nothing more is scheduled (the cluster is quiet) or `waitLimit` passes, then stops.
    /// Returns everything printed meanwhile.
    public func runUntilQuiet() -> CommandOutput {
        waitUntilQuiet()
        stop()
        return takeOutput()
    }

    /// Lets virtual time run until nothing more is scheduled or `waitLimit` passes; the watch
    /// keeps running (a background job while the shell's `wait` or `fg` waits).
    public func waitUntilQuiet() {
        // Controllers first react to what was just written (no time passes).
        cluster.advance(by: 0)
        let start = cluster.now
        while !isStopped, cluster.now - start < waitLimit {
            guard let due = cluster.nextTimerDue, due - start <= waitLimit else { break }
            cluster.advanceToNextBatch()
        }
    }
}

extension Kubectl {
    /// Starts `kubectl ARGS…` (argv without `kubectl`) as a stream when it is a watch
    /// (`get … -w` / `--watch-only`). Returns nil when it is not; then run it with `run`.
    /// When it is, `output` is what it printed on start (the current rows, or an error, in
    /// which case `stream` is nil too… and the command already finished with that output).
    public func startWatch(_ args: [String], stdin: String? = nil,
                           environment: [String: String] = [:]) -> (stream: WatchStream?, output: CommandOutput)? {
        guard Kubectl.isWatch(args) else { return nil }
        streamRequested = true
        defer { streamRequested = false; startedStream = nil }
        let output = run(args, stdin: stdin, environment: environment)
        let stream = startedStream
        return (stream, output)
    }

    /// Whether `kubectl ARGS…` is a `get` with `-w`/`--watch`/`--watch-only` (a command that
    /// keeps printing until interrupted).
    public static func isWatch(_ args: [String]) -> Bool {
        guard commandName(in: args) == "get", let spec = commands["get"] else { return false }
        var rest = args
        if let i = commandIndex(in: args) { rest.remove(at: i) }
        guard let flags = try? ParsedFlags.parse(rest, specs: spec.flags) else { return false }
        return flags.bool("watch") || flags.bool("watch-only")
    }
}
