import KubeAPI
import ClusterSim
import Kubectl
import Shell

/// What one line fed to a lab session produced.
public enum LabFeed: Sendable, Equatable {
    /// The shell waits for the rest of the command (open quote, here-document…).
    case needsMore
    case complete(LabTranscript)
}

/// A command (or lab control) as a terminal shows it, followed by the lab's own notes:
/// steps that just passed, limits that were hit.
public struct LabTranscript: Sendable, Equatable {
    public var echo: String
    public var output: CommandOutput
    public var notes: String

    /// Echo, output and notes in order, as a terminal shows them.
    public var text: String { echo + output.combined + notes }
}

public enum StepState: String, Sendable, Equatable {
    case pending, passed, skipped
}

/// One learner working through one lab: the simulated machine, the shell on it, and the
/// lab's progress. Shell commands and lab controls (`lab hint`, `:check`…) go through `feed`;
/// after every command the active step is checked quietly and announced the moment it passes.
///
/// The same code serves the REPL and `kubelab check`: a script is just lines fed in order,
/// then `finish()` lets the cluster settle, judges what is left and `report()` grades it.
public final class LabSession {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var limits: Limits = .standard
        /// Virtual seconds each command costs (a person's typing time); 0 when the clock follows the wall.
        public var secondsPerCommand: Double = 3
        /// Scripts stop at the first limit they hit; interactive learners are told and go on.
        public var stopAtLimits = true
        /// Show the next step's instructions when a step passes (the REPL does; `check` does not).
        public var showInstructions = false
        public var color = false
        /// A watch typed at the prompt streams until Ctrl-C (the REPL on a terminal; its
        /// progress replay too, so a replay stops the watch where Ctrl-C did).
        public var streamsForegroundWatches = false

        public init() {}
    }

    public let lab: Lab
    public let options: Options
    public private(set) var simulation: Simulation
    public private(set) var shell: ShellSession
    private var clusterGuard: ClusterGuard

    public private(set) var states: [StepState]
    /// The step `lab step` shows; `lab back` moves it back to re-read earlier steps.
    public private(set) var viewing = 0
    public private(set) var answers: [String: String] = [:]
    public private(set) var commands: [CommandRecord] = []
    private var hintsShown: [String: Int] = [:]
    private var closestAttempt: [Int: StepResult] = [:]
    private var memo = CheckMemo()
    /// Store history indexes: where the learner's session began and where each step became active.
    private var labStart = 0
    private var stepStarts: [Int]
    private var pendingLines: [String] = []

    /// Ctrl-C at a continuation prompt: the half-typed command is dropped, here and in the shell.
    public func interrupt() {
        pendingLines.removeAll()
        shell.interrupt()
    }
    private var linesFed = 0
    /// Problems preparing the lab's cluster (a fixture manifest kubectl rejected).
    public private(set) var setupErrors: [String] = []
    /// Why a script was stopped (a limit it went over); nil while it runs normally.
    public private(set) var stopReason: String?
    public private(set) var hasQuit = false

    public init(lab: Lab, options: Options = Options()) {
        self.lab = lab
        self.options = options
        states = []
        stepStarts = []
        (simulation, shell, clusterGuard, setupErrors) = LabSession.makeWorld(lab, options)
        startOver()
    }

    /// Every step open again, nothing typed or answered yet (the world is made separately).
    private func startOver() {
        states = Array(repeating: .pending, count: lab.steps.count)
        answers = [:]
        commands = []
        hintsShown = [:]
        closestAttempt = [:]
        memo = CheckMemo()
        viewing = 0
        labStart = simulation.cluster.store.history.count
        stepStarts = Array(repeating: labStart, count: lab.steps.count)
    }

    /// A fresh machine: the course cluster plus the lab's fixture, the workspace files, a shell.
    private static func makeWorld(_ lab: Lab, _ options: Options) -> (Simulation, ShellSession, ClusterGuard, [String]) {
        var files: [String: String] = [:]
        for f in lab.workspace.files { files[f.name] = f.contents }
        let sim = Simulation(seed: options.seed, files: files, directory: lab.workspace.directory)
        var errors: [String] = []
        for image in lab.fixture.images {
            if let info = sim.cluster.images.lookup(image.like) {
                sim.cluster.images.images[ImageCatalog.normalize(image.name)] = info
            } else {
                errors.append("fixture image '\(image.name)' is like '\(image.like)', which the registry does not have")
            }
        }
        for manifest in lab.fixture.apply {
            let out = sim.kubectl.run(["apply", "-f", manifest])
            if out.exitCode != 0 { errors.append("fixture manifest '\(manifest)': \(out.stderr.trimmingSpaces)") }
        }
        if !lab.fixture.apply.isEmpty { sim.cluster.settle(limit: options.limits.settleTime) }
        let guardHost = ClusterGuard(simulation: sim, limits: options.limits, ui: lab.ui)
        let shell = sim.makeSession(secondsPerCommand: options.secondsPerCommand)
        shell.host = guardHost
        shell.streamsForegroundWatches = options.streamsForegroundWatches
        return (sim, shell, guardHost, errors)
    }

    // MARK: - State

    /// The first step neither passed nor skipped; nil when the lab is done.
    public var active: Int? { states.firstIndex(of: .pending) }

    /// Quit, exited the shell, or stopped at a limit: further lines are ignored.
    public var isOver: Bool { hasQuit || stopReason != nil || shell.hasExited }

    public var score: Int { zip(lab.steps, states).reduce(0) { $0 + ($1.1 == .passed ? $1.0.points : 0) } }

    /// The prompt to show before the next line.
    public var prompt: String { shell.needsContinuation ? shell.continuationPrompt : shell.prompt() }

    // MARK: - Feeding lines

    /// The lab's title, summary and first step, as a learner sees them on entering.
    public func introduction() -> String {
        var text = "\(lab.title)\n\n\(Markdown.render(lab.summary, color: options.color))\n\n"
        if let i = active { text += render(step: i) }
        return text
    }

    /// One line typed or read from a script (without its newline).
    public func feed(_ line: String) -> LabFeed {
        guard !isOver else { return .complete(LabTranscript(echo: "", output: CommandOutput(), notes: "")) }
        if pendingLines.isEmpty, !shell.inInteractiveProgram, var control = LabControl(line) {
            let echo = shell.prompt() + line + "\n"
            // An answer may be worked out with the shell: `lab answer ports $(kubectl get …)`.
            if case .answer = control, line.contains("$") || line.contains("`"),
               let words = shell.expandArguments(line.trimmingSpaces) {
                control = .answer(Array(words.dropFirst(words.first == "lab" ? 2 : 1)))
            }
            var output = CommandOutput()
            output.out(run(control))
            return .complete(LabTranscript(echo: echo, output: output, notes: ""))
        }
        linesFed += 1
        if linesFed > options.limits.maxScriptLines, options.stopAtLimits {
            let notes = stop(lab.ui.text("limitLines", ["limit": options.limits.maxScriptLines.description]))
            return .complete(LabTranscript(echo: "", output: CommandOutput(), notes: notes))
        }
        if pendingLines.isEmpty { clusterGuard.beginLine() }
        pendingLines.append(line)
        guard case .complete(let t) = shell.feed(line) else { return .needsMore }
        return .complete(completed(t))
    }

    /// The end of a script (or of the learner's input): runs anything pending, lets the cluster
    /// settle and judges the steps still open. Returns what the terminal would show.
    public func finish() -> String {
        var text = ""
        if !isOver, !pendingLines.isEmpty, let t = shell.finish() { text += completed(t).text }
        pendingLines.removeAll()
        if stopReason == nil { text += advance(settling: true) }
        return text
    }

    private func completed(_ t: Transcript) -> LabTranscript {
        let command = pendingLines.joined(separator: "\n")
        pendingLines.removeAll()
        let typed = command.trimmingSpaces
        var notes = ""
        if !typed.isEmpty && !typed.hasPrefix("#") {
            commands.append(CommandRecord(command: command, output: t.output.combined))
        }
        let violations = clusterGuard.takeViolations()
        for v in violations { notes += "kubelab: \(v)\n" }
        if options.stopAtLimits, let first = violations.first {
            notes += stop(first)
        } else if !typed.isEmpty && !typed.hasPrefix("#") {
            notes += advance(settling: false)
        }
        return LabTranscript(echo: t.echo, output: t.output, notes: notes)
    }

    private func stop(_ reason: String) -> String {
        stopReason = reason
        return lab.ui.text("stopped", ["reason": reason]) + "\n"
    }

    // MARK: - Progress

    /// Checks the active step and, while steps pass, the ones after it; announces each.
    /// `settling`: before failing a step, let the cluster finish what it is doing (pods
    /// starting, a rollout) and look again; used for `lab check` and at the end of a script.
    private func advance(settling: Bool) -> String {
        var text = ""
        var settled = false
        var passedAny = false
        while let i = active {
            var result = evaluate(i)
            if !result.passed && settling && !settled {
                simulation.cluster.settle(limit: options.limits.settleTime)
                settled = true
                result = evaluate(i)
            }
            guard result.passed else {
                remember(result, for: i)
                break
            }
            states[i] = .passed
            passedAny = true
            text += lab.ui.text("stepPassed", stepValues(i)) + "\n"
            becameActive()
            if options.showInstructions, let next = active { text += "\n" + render(step: next) }
        }
        if passedAny, active == nil {
            text += lab.ui.text("labComplete", ["score": score.description, "maxScore": lab.maxScore.description]) + "\n"
        }
        return text
    }

    /// The next step became active: its order checks read history from here.
    private func becameActive() {
        if let next = active {
            stepStarts[next] = simulation.cluster.store.history.count
            viewing = next
        } else {
            viewing = lab.steps.count - 1
        }
    }

    struct StepResult {
        var passed: Bool
        var messages: [String]
        /// The indexes of the step's checks that held.
        var held: Set<Int>
        var checksPassed: Int { held.count }

        /// Whether this attempt got everything `other` got: then it is at least as close.
        func covers(_ other: StepResult) -> Bool { held.isSuperset(of: other.held) }
    }

    /// A learner who got a step nearly right and then moved on (set the wrong image tag, then
    /// rolled back) should read about the attempt, not about the state they left behind. So
    /// each open step keeps its closest attempt: the most checks passing, the earliest such.
    private func remember(_ result: StepResult, for i: Int) {
        if let best = closestAttempt[i], best.checksPassed >= result.checksPassed { return }
        closestAttempt[i] = result
    }

    /// What step `i`'s checks may look at.
    private func context(_ i: Int) -> CheckContext {
        CheckContext(cluster: simulation.cluster, memo: memo, commands: commands, answer: answers[lab.steps[i].id],
                     labStart: labStart, stepStart: stepStarts[i])
    }

    /// Runs a step's checks and words what is missing.
    func evaluate(_ i: Int) -> StepResult {
        let step = lab.steps[i]
        let ctx = context(i)
        var messages: [String] = []
        var explained: Set<ObjectQuery> = []
        var held: Set<Int> = []
        for (n, check) in step.checks.enumerated() {
            let outcome = check.evaluate(ctx)
            if outcome.passed { held.insert(n); continue }
            if let q = check.subject, !explained.insert(q).inserted { continue }
            let message = Template.fill(check.message, outcome.values)
            if !messages.contains(message) { messages.append(message) }
        }
        return StepResult(passed: held.count == step.checks.count, messages: messages, held: held)
    }

    private func stepValues(_ i: Int) -> [String: String] {
        ["number": String(i + 1), "total": String(lab.steps.count), "title": lab.steps[i].title,
         "points": String(lab.steps[i].points), "step": lab.steps[i].id]
    }

    // MARK: - Lab controls

    private func run(_ control: LabControl) -> String {
        let ui = lab.ui
        switch control {
        case .help:
            return ui.text("help") + "\n"
        case .step(let which):
            guard let which else { return render(step: viewing) + "\n" }
            guard let i = stepIndex(which) else { return ui.text("unknownStep", ["step": which]) + "\n" }
            viewing = i
            return render(step: i) + "\n"
        case .hint:
            let step = lab.steps[viewing]
            let shown = hintsShown[step.id, default: 0]
            guard shown < step.hints.count else { return ui.text("noMoreHints") + "\n" }
            hintsShown[step.id] = shown + 1
            let hint = Markdown.render(step.hints[shown], color: options.color)
            return ui.text("hint", ["number": String(shown + 1), "count": String(step.hints.count), "text": hint]) + "\n"
        case .check:
            return check()
        case .next:
            if let a = active, viewing < a {
                viewing += 1
                return render(step: viewing) + "\n"
            }
            return check()
        case .back:
            guard viewing > 0 else { return ui.text("firstStep") + "\n" }
            viewing -= 1
            return render(step: viewing) + "\n"
        case .progress:
            return progressText()
        case .reset:
            (simulation, shell, clusterGuard, setupErrors) = LabSession.makeWorld(lab, options)
            startOver()
            return ui.text("reset") + "\n\n" + render(step: 0) + "\n"
        case .skip:
            guard let i = active else { return ui.text("allDone") + "\n" }
            states[i] = .skipped
            var text = ui.text("skipped", stepValues(i)) + "\n"
            becameActive()
            if let next = active { text += "\n" + render(step: next) + "\n" }
            return text
        case .quit:
            hasQuit = true
            return ui.text("quit") + "\n"
        case .answer(let words):
            return answer(words)
        case .unknown(let name):
            return ui.text("unknownControl", ["command": name]) + "\n"
        }
    }

    private func check() -> String {
        guard let i = active else { return lab.ui.text("allDone") + "\n" }
        let announced = advance(settling: true)
        if !announced.isEmpty { return announced }
        let result = evaluate(i)
        return lab.ui.text("notYet") + "\n" + result.messages.map { "  - \($0)\n" }.joined()
    }

    /// `lab answer [STEP] ANSWER`: the step defaults to the one being viewed.
    private func answer(_ words: [String]) -> String {
        guard !words.isEmpty else { return lab.ui.text("answerUsage") + "\n" }
        var index = viewing
        var rest = words
        if words.count > 1, let i = lab.steps.firstIndex(where: { $0.id == words[0] }) {
            index = i
            rest = Array(words.dropFirst())
        }
        let step = lab.steps[index]
        answers[step.id] = rest.joined(separator: " ")
        // A new answer is a new attempt: the report quotes it, not an earlier one.
        closestAttempt[index] = nil
        var text = lab.ui.text("answerRecorded", ["step": step.id]) + "\n"
        // Say at once when the answer is wrong; a right one shows as the step passing.
        for check in step.checks {
            guard case .quiz = check.kind else { continue }
            let outcome = check.evaluate(context(index))
            if !outcome.passed { text += Template.fill(check.message, outcome.values) + "\n" }
        }
        return text + advance(settling: false)
    }

    private func stepIndex(_ s: String) -> Int? {
        if let n = Int(s), n >= 1, n <= lab.steps.count { return n - 1 }
        return lab.steps.firstIndex { $0.id == s }
    }

    /// A step as the learner reads it: header, instructions, and its question if it has one.
    public func render(step i: Int) -> String {
        let step = lab.steps[i]
        var text = lab.ui.text("stepHeader", stepValues(i)) + "\n\n" + Markdown.render(step.instructions, color: options.color) + "\n"
        for check in step.checks {
            guard case .quiz(let quiz) = check.kind else { continue }
            text += "\n" + lab.ui.text("question", ["question": quiz.question]) + "\n"
            for (n, choice) in quiz.choices.enumerated() { text += "  \(n + 1)) \(choice)\n" }
            text += lab.ui.text("answerWith", ["step": step.id]) + "\n"
        }
        return text
    }

    private func progressText() -> String {
        var text = ""
        for (i, step) in lab.steps.enumerated() {
            let mark: String
            switch states[i] {
            case .passed: mark = "✔"
            case .skipped: mark = "–"
            case .pending: mark = i == active ? "▸" : " "
            }
            text += lab.ui.text("progressLine", ["mark": mark, "number": String(i + 1), "title": step.title,
                                                 "points": String(step.points)]) + "\n"
        }
        return text + lab.ui.text("score", ["score": score.description, "maxScore": lab.maxScore.description]) + "\n"
    }

    // MARK: - Grading

    /// The verdict on every step. Call after `finish()`.
    public func report() -> LabReport {
        var steps: [LabReport.Step] = []
        let firstOpen = active
        for (i, step) in lab.steps.enumerated() {
            var messages: [String] = []
            switch states[i] {
            case .passed: break
            case .skipped: messages = [lab.ui.text("skippedReport")]
            case .pending:
                if i == firstOpen {
                    let final = evaluate(i)
                    // The earlier attempt is quoted only if it got everything the final state
                    // gets: one that traded a check for another (removed a node's taint rather
                    // than tolerating it) is better explained by where the learner ended up.
                    let closest = closestAttempt[i].flatMap { $0.covers(final) ? $0 : nil }
                    messages = (closest ?? final).messages
                    if let reason = stopReason { messages.insert(lab.ui.text("stopped", ["reason": reason]), at: 0) }
                } else {
                    messages = [lab.ui.text("notReached")]
                }
            }
            steps.append(.init(id: step.id, title: step.title, passed: states[i] == .passed, required: step.required,
                               points: states[i] == .passed ? step.points : 0, maxPoints: step.points, messages: messages))
        }
        return LabReport(lab: lab.id, title: lab.title, steps: steps, stopped: stopReason)
    }
}

/// The lab's own commands, typed beside shell commands as `lab NAME …` or `:NAME …`. Neither
/// shadows anything: there is no `lab` program on master01, and `:` followed by a space stays
/// bash's null command.
enum LabControl: Equatable {
    case help, step(String?), hint, check, next, back, progress, reset, skip, quit
    case answer([String])
    case unknown(String)

    init?(_ line: String) {
        let trimmed = line.trimmingSpaces
        var words: [String]
        if trimmed.hasPrefix(":"), let second = trimmed.dropFirst().first, second.isLetter {
            words = LabControl.words(String(trimmed.dropFirst()))
        } else {
            words = LabControl.words(trimmed)
            guard words.first == "lab" else { return nil }
            words.removeFirst()
        }
        guard let name = words.first else { self = .help; return }
        let args = Array(words.dropFirst())
        switch name {
        case "help": self = .help
        case "step": self = .step(args.first)
        case "hint": self = .hint
        case "check": self = .check
        case "next": self = .next
        case "back": self = .back
        case "progress": self = .progress
        case "reset": self = .reset
        case "skip": self = .skip
        case "quit", "exit": self = .quit
        case "answer": self = .answer(args)
        default: self = .unknown(name)
        }
    }

    /// Splits on spaces, honouring simple '…' and "…" quotes.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quote: Character? = nil
        var inWord = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { out.append(cur); cur = ""; inWord = false }
            } else {
                cur.append(c)
                inWord = true
            }
        }
        if inWord { out.append(cur) }
        return out
    }
}
