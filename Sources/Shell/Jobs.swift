import Kubectl

extension WatchStream: StreamingCommand {}

/// One background job (`cmd &`), as bash's job table holds it.
final class Job {
    enum State: Equatable {
        case running
        case done(Int32)
        /// Ended by `kill`: the signal's description (`Terminated`, `Killed`).
        case signalled(String)
    }

    let number: Int
    let pid: Int
    /// The command as bash shows it in `jobs` (rebuilt from the parse tree, without `&`).
    let command: String
    /// A command that keeps printing (a watch); nil for a command that ran to its end.
    let stream: (any StreamingCommand)?
    var state: State
    /// For a command that ran at once: the virtual time its `sleep`s would have lasted until.
    let finishesAt: Double
    /// The command line it started on: bash reports a finished job at a later prompt.
    let startedOnLine: Int
    /// How a command that ran at once ended (reported when its time is up).
    var exitStatus: Int32 = 0

    init(number: Int, pid: Int, command: String, stream: (any StreamingCommand)?, state: State,
         finishesAt: Double, startedOnLine: Int) {
        self.number = number
        self.pid = pid
        self.command = command
        self.stream = stream
        self.state = state
        self.finishesAt = finishesAt
        self.startedOnLine = startedOnLine
    }

    /// `Running`, `Done`, `Exit 1`, `Terminated`: the status word(s) of bash's job lines.
    var statusText: String {
        switch state {
        case .running: return "Running"
        case .done(let code): return code == 0 ? "Done" : "Exit \(code)"
        case .signalled(let s): return s
        }
    }
}

/// How a command started by `invoke` may become a stream instead of running to its end.
enum StreamRequest {
    case none
    /// `cmd &`: the job's own command.
    case background
    /// A watch typed at the prompt of a session that streams (the REPL).
    case foreground
}

extension ShellSession {
    // MARK: Starting jobs

    /// `cmd &` at the prompt: bash prints `[N] PID` and goes on. A watch keeps running and
    /// prints as virtual time passes (its rows join the output of later command lines, as a
    /// second terminal would show them merged); anything else runs now, without moving the
    /// clock (its `sleep`s only decide when bash reports it `Done`).
    func runBackground(_ item: AndOrList, _ ctx: ExecContext, _ out: inout OutputBuffer) throws -> Int32 {
        // Scripts and subshells have no job control: the command just runs.
        guard ctx.depth == 0, !ctx.inSubshell, ctx.stdoutIsTerminal else { return try run(item, ctx, &out) }
        let number = (jobs.map(\.number).max() ?? 0) + 1
        nextPid += 1
        let pid = nextPid
        out.err("[\(number)] \(pid)\n")
        let inner = ctx
        let savedRequest = streamRequest
        let savedElapsed = backgroundElapsed
        streamRequest = .background
        startedStream = nil
        backgroundElapsed = 0
        defer {
            streamRequest = savedRequest
            backgroundElapsed = savedElapsed
        }
        var status: Int32 = 0
        do {
            status = try statusOfSubshell { try run(item, inner, &out) }
        } catch ControlFlow.abort(let msg, let code) {
            out.err(msg.hasSuffix("\n") ? msg : msg + "\n")
            status = code
        }
        let stream = startedStream
        startedStream = nil
        let state: Job.State = stream?.isStopped == true ? .done(status) : .running
        let job = Job(number: number, pid: pid, command: ShellSession.jobText(item), stream: stream,
                      state: state, finishesAt: host.now + backgroundElapsed, startedOnLine: entryCount)
        job.exitStatus = status
        jobs.append(job)
        // `$!` is the job's pid; `$?` after `cmd &` is 0.
        variables["!"] = String(pid)
        return 0
    }

    /// Called by `invoke` for a host command: starts it as a stream when asked to.
    func startStreamIfRequested(_ argv: [String], environment: [String: String], _ ctx: ExecContext,
                                _ out: inout OutputBuffer) -> Int32? {
        guard streamRequest != .none, startedStream == nil, ctx.stdoutIsTerminal, !ctx.inSubshell,
              let (stream, output) = host.startStream(command: argv, environment: environment, workspace: workspace)
        else { return nil }
        var result = OutputBuffer()
        result.append(output)
        account(result)
        append(result, to: &out)
        if let stream {
            if streamRequest == .foreground {
                foregroundStream = stream
            } else {
                startedStream = stream
            }
        }
        return output.exitCode & 0xff
    }

    // MARK: Output of running jobs

    /// Appends what running watches printed since the last call (a terminal shows it as it
    /// comes; a transcript, before whatever is printed next).
    func flushJobOutput(_ out: inout OutputBuffer) {
        for job in jobs {
            guard let stream = job.stream else { continue }
            let o = stream.takeOutput()
            out.append(o)
            if job.state == .running && stream.isStopped { job.state = .done(o.exitCode) }
        }
    }

    /// Before the next prompt bash reports the jobs that ended since: `[1]+  Done    sleep 5`.
    func notifyFinishedJobs(_ out: inout OutputBuffer) {
        updateFinishedJobs()
        var remaining: [Job] = []
        let marks = jobMarks()
        for job in jobs {
            if job.state != .running && job.startedOnLine < entryCount {
                out.err(jobLine(job, mark: marks[job.number] ?? " ", ampersand: false))
            } else {
                remaining.append(job)
            }
        }
        jobs = remaining
    }

    /// Commands that ran at once are over when the time their `sleep`s asked for has passed.
    func updateFinishedJobs() {
        for job in jobs where job.state == .running && job.stream == nil && host.now >= job.finishesAt - 1e-9 {
            job.state = .done(job.exitStatus)
        }
    }

    /// bash's `+` (current job: the newest) and `-` (previous) marks.
    func jobMarks() -> [Int: Character] {
        let numbers = jobs.map(\.number).sorted()
        var marks: [Int: Character] = [:]
        if let last = numbers.last { marks[last] = "+" }
        if numbers.count > 1 { marks[numbers[numbers.count - 2]] = "-" }
        return marks
    }

    /// `[1]+  Running                 kubectl get pods -w &`
    func jobLine(_ job: Job, mark: Character, ampersand: Bool, pid: Bool = false) -> String {
        let status = job.statusText
        let padded = status + String(repeating: " ", count: max(24 - status.count, 1))
        return "[\(job.number)]\(mark)\(pid ? " \(job.pid)" : " ") \(padded)\(job.command)\(ampersand ? " &" : "")\n"
    }

    /// The job a `%N`, `%+`, `%%`, `%-`, `%name` or a pid names.
    func findJob(_ spec: String?) -> Job? {
        guard let spec else { return jobs.first { jobMarks()[$0.number] == "+" } }
        if spec == "%" || spec == "%%" || spec == "%+" { return findJob(nil) }
        if spec == "%-" { return jobs.first { jobMarks()[$0.number] == "-" } }
        if spec.hasPrefix("%") {
            let rest = String(spec.dropFirst())
            if let n = Int(rest) { return jobs.first { $0.number == n } }
            if rest.hasPrefix("?") { return jobs.last { $0.command.contains(rest.dropFirst()) } }
            return jobs.last { $0.command.hasPrefix(rest) }
        }
        if let pid = Int(spec) { return jobs.first { $0.pid == pid } }
        return nil
    }

    /// The command as bash reprints it: words separated by single spaces, `|`, `&&`, `||`.
    static func jobText(_ item: AndOrList) -> String {
        func pipeline(_ p: Pipeline) -> String {
            (p.negated ? "! " : "") + p.commands.map(command).joined(separator: " | ")
        }
        func command(_ c: Command) -> String {
            var parts: [String] = []
            if case .simple(let sc) = c.kind {
                parts = sc.assignments.map { "\($0.name)\($0.append ? "+=" : "=")\($0.value.raw)" } + sc.words.map(\.raw)
            } else {
                parts = ["…"]
            }
            for r in c.redirections {
                let op: String
                switch r.op {
                case .input: op = "<"
                case .output: op = ">"
                case .append: op = ">>"
                case .duplicateOutput: op = ">&"
                case .duplicateInput: op = "<&"
                case .readWrite: op = "<>"
                case .outputBoth: op = "&>"
                case .appendBoth: op = "&>>"
                case .hereDoc: op = "<<"
                case .hereString: op = "<<<"
                }
                parts.append("\(r.fd.map(String.init) ?? "")\(op) \(r.target.raw)")
            }
            return parts.joined(separator: " ")
        }
        var text = pipeline(item.first)
        for (op, p) in item.rest { text += (op == .and ? " && " : " || ") + pipeline(p) }
        return text
    }

    // MARK: The foreground stream (REPL)

    /// Whether a watch is running in the foreground (the REPL streams it until Ctrl-C).
    public var hasForegroundStream: Bool { foregroundStream != nil }

    /// What the foreground watch printed since the last call (the REPL advances the clock
    /// with the wall clock and prints this as it comes).
    public func takeForegroundOutput() -> CommandOutput {
        guard let stream = foregroundStream else { return CommandOutput() }
        let o = stream.takeOutput()
        if stream.isStopped {
            foregroundStream = nil
            lastExitCode = o.exitCode
        }
        return o
    }

    /// Ctrl-C during a foreground watch: it stops (`$?` 130); returns its last output.
    public func interruptForeground() -> CommandOutput {
        guard let stream = foregroundStream else { return CommandOutput() }
        stream.stop()
        let o = stream.takeOutput()
        foregroundStream = nil
        lastExitCode = 130
        return o
    }

    /// A line arrives while a foreground watch runs without anyone to press Ctrl-C (a replay,
    /// piped input): the watch runs until the cluster is quiet, as in a script.
    func finishForegroundStream(_ out: inout OutputBuffer) {
        guard let stream = foregroundStream else { return }
        stream.waitUntilQuiet()
        stream.stop()
        out.append(stream.takeOutput())
        foregroundStream = nil
    }

    // MARK: Built-ins

    func jobsBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var buffer = OutputBuffer()
        flushJobOutput(&buffer)
        for c in buffer.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
        let showPid = args.contains("-l")
        let onlyPid = args.contains("-p")
        updateFinishedJobs()
        let marks = jobMarks()
        var shown: [Job] = []
        let specs = args.filter { !$0.hasPrefix("-") }
        if specs.isEmpty {
            shown = jobs
        } else {
            for s in specs {
                guard let j = findJob(s) else {
                    io.err("bash: jobs: \(s): no such job\n")
                    return 1
                }
                shown.append(j)
            }
        }
        for job in shown {
            if onlyPid {
                io.out("\(job.pid)\n")
            } else {
                io.out(jobLine(job, mark: marks[job.number] ?? " ", ampersand: job.state == .running, pid: showPid))
            }
        }
        // Listed as finished: reported, so no later notification.
        jobs.removeAll { job in shown.contains { $0 === job } && job.state != .running }
        return 0
    }

    func fgBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        let spec = args.first
        guard let job = findJob(spec) else {
            io.err("bash: fg: \(spec ?? "current"): no such job\n")
            return 1
        }
        io.out(job.command + "\n")
        jobs.removeAll { $0 === job }
        if let stream = job.stream, job.state == .running {
            if streamsForegroundWatches && ctx.stdoutIsTerminal && !ctx.inSubshell {
                // The REPL streams it until Ctrl-C.
                let o = stream.takeOutput()
                for c in o.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
                foregroundStream = stream
                return 0
            }
            stream.waitUntilQuiet()
            stream.stop()
            let o = stream.takeOutput()
            for c in o.chunks { c.stream == .stdout ? io.out(c.text) : io.err(c.text) }
            return o.exitCode
        }
        if host.now < job.finishesAt { host.advanceTime(seconds: job.finishesAt - host.now) }
        if case .done(let code) = job.state { return code }
        return job.exitStatus
    }

    func waitBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        var waited = jobs
        if !args.isEmpty {
            waited = []
            for a in args {
                guard let j = findJob(a) else {
                    io.err(a.hasPrefix("%") ? "bash: wait: \(a): no such job\n" : "bash: wait: pid \(a) is not a child of this shell\n")
                    return 127
                }
                waited.append(j)
            }
        }
        let latest = waited.filter { $0.stream == nil }.map(\.finishesAt).max() ?? host.now
        if latest > host.now { host.advanceTime(seconds: latest - host.now) }
        // A watch never ends by itself: wait as long as the cluster has something to do.
        for job in waited where job.state == .running { job.stream?.waitUntilQuiet() }
        var status: Int32 = 0
        for job in waited {
            if job.stream == nil && job.state == .running { job.state = .done(job.exitStatus) }
            if case .done(let code) = job.state { status = code }
        }
        return status
    }

    /// `kill %N` / `kill PID`: the job ends; bash reports it before the next prompt.
    func bgBuiltin(_ args: [String], _ io: CommandIO, _ ctx: ExecContext) throws -> Int32 {
        guard let job = findJob(args.first) else {
            io.err("bash: bg: \(args.first ?? "current"): no such job\n")
            return 1
        }
        io.err("bash: bg: job \(job.number) already in background\n")
        return 0
    }

    func killJob(_ spec: String, signal: String) -> Bool {
        guard let job = findJob(spec) else { return false }
        job.stream?.stop()
        if job.state == .running { job.state = .signalled(signal) }
        return true
    }
}
