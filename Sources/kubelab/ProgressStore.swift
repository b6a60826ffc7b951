import Foundation
import LabKit

/// A learner's saved progress in one lab: every line fed to the session (with the wall-clock
/// seconds that passed before it), the seed, and a digest of the lab definition. Resuming
/// replays the lines with the same seed and delays, so the cluster comes back exactly.
struct SavedProgress: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var line: String
        /// Virtual seconds the clock advanced before this line was fed.
        var delay: Double
    }

    var version = 1
    var lab: String
    var seed: UInt64
    var digest: String
    var entries: [Entry] = []
    /// Ids of the steps passed or skipped when saved (for `list`, and to resume a changed lab).
    var done: [String] = []
    var stepsTotal = 0
    var score = 0
    var maxScore = 0
}

/// Where progress lives: one JSON file per lab under the state directory (CLI.md `--state`),
/// plus the lab's readline history beside it.
struct ProgressStore {
    let directory: URL

    init(directory: URL) { self.directory = directory }

    /// `--state DIR`, else `$XDG_DATA_HOME/kubelab`, else `~/.local/share/kubelab`.
    init(state: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let state, !state.isEmpty {
            directory = URL(fileURLWithPath: state)
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            directory = URL(fileURLWithPath: xdg).appendingPathComponent("kubelab")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            directory = URL(fileURLWithPath: home).appendingPathComponent(".local/share/kubelab")
        }
    }

    /// Lab ids become file names; anything but [A-Za-z0-9._-] is replaced.
    static func safe(_ id: String) -> String {
        let s = String(id.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "_" })
        return s.hasPrefix(".") ? "_" + s : s
    }

    func file(_ lab: String) -> URL { directory.appendingPathComponent(ProgressStore.safe(lab) + ".json") }
    func historyFile(_ lab: String) -> URL { directory.appendingPathComponent(ProgressStore.safe(lab) + ".history") }

    /// The saved progress; nil when there is none or the file is unreadable (never throws).
    func load(_ lab: String) -> SavedProgress? {
        guard let data = FileManager.default.contents(atPath: file(lab).path) else { return nil }
        return try? JSONDecoder().decode(SavedProgress.self, from: data)
    }

    /// Atomic: written to a temporary file in the same directory, then renamed over the old one,
    /// so a killed process leaves either the old or the new file, never half of one.
    func save(_ progress: SavedProgress) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        let target = file(progress.lab)
        let temp = directory.appendingPathComponent(".\(ProgressStore.safe(progress.lab)).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if rename(temp.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Forgets a lab's progress (its history stays: it is the learner's typing, not progress).
    /// Returns whether there was any.
    @discardableResult
    func reset(_ lab: String) -> Bool {
        (try? FileManager.default.removeItem(at: file(lab))) != nil
    }

    /// One cell of `kubelab list`: "not started", "3/6 steps, 40/100 points", "done, 100/100 points".
    func summary(_ lab: Lab, digest: String? = nil) -> String {
        guard let p = load(lab.id) else { return "not started" }
        if p.entries.isEmpty && p.done.isEmpty { return "not started" }
        let done = lab.steps.filter { p.done.contains($0.id) }.count
        var text = done == lab.steps.count ? "done, \(p.score)/\(p.maxScore) points"
                                           : "\(done)/\(lab.steps.count) steps, \(p.score)/\(p.maxScore) points"
        if let digest, digest != p.digest { text += " (lab changed)" }
        return text
    }

    /// A digest of a lab definition: its lab.yaml text and the contents of its workspace files.
    /// FNV-1a 64, stable across runs and platforms (Swift's Hasher is seeded per process).
    static func digest(labText: String, lab: Lab) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
            h ^= 0xff; h = h &* 0x100_0000_01b3
        }
        mix(labText)
        for f in lab.workspace.files { mix(f.source); mix(f.contents) }
        return String(h, radix: 16)
    }
}

/// A lab session plus the lines that made it, saved after every command.
final class RecordedLab {
    let session: LabSession
    let store: ProgressStore
    let digest: String
    let seed: UInt64
    private(set) var entries: [SavedProgress.Entry] = []
    /// Lines of a command still being typed (continuations), recorded once it completes.
    private var pending: [SavedProgress.Entry] = []

    init(lab: Lab, options: LabSession.Options, store: ProgressStore, digest: String) {
        session = LabSession(lab: lab, options: options)
        self.store = store
        self.digest = digest
        seed = options.seed
    }

    /// Feeds a line after `delay` seconds of (virtual) time; records and saves it.
    func feed(_ line: String, delay: Double) -> LabFeed {
        if delay > 0 { session.simulation.cluster.advance(by: delay) }
        let result = session.feed(line)
        pending.append(.init(line: line, delay: delay))
        if case .complete = result {
            let command = pending
            pending = []
            // A line that ends the session (`lab quit`, `exit`) is not replayed on resume.
            if !session.isOver {
                if LabControlWords.isReset(line) { entries = [] } else { entries += command }
            }
            try? save()
        }
        return result
    }

    /// Ctrl-C dropped a half-typed multi-line command: forget its lines.
    func cancel() { pending = [] }

    /// Ctrl-C stopped a foreground watch that streamed for `seconds` of virtual time (already
    /// passed). Recorded as a "\u{3}" line after that delay, so a replay stops it at the
    /// same moment instead of letting it run until the cluster is quiet.
    func interruptWatch(after seconds: Double) -> String {
        let output = session.shell.interruptForeground().combined
        entries.append(.init(line: RecordedLab.interruptLine, delay: seconds))
        try? save()
        return output
    }

    static let interruptLine = "\u{3}"
    /// While a watch streams, virtual time moves in steps of this many seconds, live and in a
    /// replay alike (the same steps give the same cluster).
    static let streamStep = 0.25

    /// Lets `seconds` (a multiple of `streamStep`) pass in `streamStep` steps.
    static func advanceStreaming(_ session: LabSession, by seconds: Double) {
        var left = Int((seconds / streamStep).rounded())
        while left > 0 {
            session.simulation.cluster.advance(by: streamStep)
            left -= 1
        }
    }

    func snapshot() -> SavedProgress {
        let lab = session.lab
        let done = zip(lab.steps, session.states).filter { $0.1 != .pending }.map { $0.0.id }
        return SavedProgress(lab: lab.id, seed: seed, digest: digest, entries: entries, done: done,
                             stepsTotal: lab.steps.count, score: session.score, maxScore: lab.maxScore)
    }

    func save() throws { try store.save(snapshot()) }

    /// Makes the session of a lab, resuming saved progress: the recorded lines are replayed
    /// silently with the recorded seed. Returns the session and a note for the learner (nil when
    /// nothing was resumed). A lab whose definition changed is replayed too, as far as it goes,
    /// and then resumed at the first step the learner had not finished.
    static func resume(lab: Lab, options: LabSession.Options, store: ProgressStore, digest: String) -> (RecordedLab, String?) {
        guard let saved = store.load(lab.id), !saved.entries.isEmpty || !saved.done.isEmpty else {
            return (RecordedLab(lab: lab, options: options, store: store, digest: digest), nil)
        }
        var opts = options
        opts.seed = saved.seed
        let changed = saved.digest != digest
        // Output of the replay is not shown.
        let recorded = RecordedLab(lab: lab, options: opts, store: store, digest: digest)
        for e in saved.entries where !recorded.session.isOver {
            if e.line == interruptLine {
                advanceStreaming(recorded.session, by: e.delay)
            } else if e.delay > 0 { recorded.session.simulation.cluster.advance(by: e.delay) }
            _ = recorded.session.feed(e.line)
        }
        recorded.entries = saved.entries
        var note: String
        if changed {
            var skipped = 0
            while let i = recorded.session.active, saved.done.contains(lab.steps[i].id) {
                _ = recorded.feed("lab skip", delay: 0)
                skipped += 1
            }
            let at = recorded.session.active.map { "step \($0 + 1) (\(lab.steps[$0].title))" } ?? "the end"
            note = "kubelab: the lab '\(lab.id)' changed since your progress was saved; resuming at \(at)."
            if skipped > 0 { note += " Steps you had finished before the change are marked as skipped." }
        } else {
            let at = recorded.session.active.map { "step \($0 + 1) of \(lab.steps.count)" } ?? "the end (every step done)"
            note = "kubelab: resumed your progress (\(saved.entries.count) lines replayed); you are at \(at)."
        }
        if recorded.session.isOver {
            // A saved line ended the session (should not happen; be safe): start afresh.
            let fresh = RecordedLab(lab: lab, options: opts, store: store, digest: digest)
            return (fresh, "kubelab: could not replay your saved progress; starting the lab afresh.")
        }
        try? recorded.save()
        return (recorded, note)
    }
}

/// Recognises `lab reset` / `:reset`, which starts the lab over (recorded lines are dropped).
enum LabControlWords {
    static func isReset(_ line: String) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 2, words[0] == "lab", words[1] == "reset" { return true }
        return words.count == 1 && words[0] == ":reset"
    }
}
