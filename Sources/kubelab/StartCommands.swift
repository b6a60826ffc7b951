import ArgumentParser
import Foundation
import LabKit

/// `kubelab start LAB`: the REPL inside a lab, resuming saved progress (CLI.md).
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Work through LAB in a shell on the course cluster, resuming saved progress.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The lab: its name under the labs directory, or the path of a lab folder.")
    var lab: String

    func run() throws {
        try LabStarter.start(lab, global: global)
    }
}

/// `kubelab reset LAB`: forget the saved progress of a lab.
struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Forget the saved progress of LAB.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The lab whose progress to forget.")
    var lab: String

    func run() throws {
        let store = ProgressStore(state: global.state)
        // By id when the lab loads (the store is keyed by lab id), else by the name given.
        let id = (LabDisk.files(lab, global: global).flatMap { LabLoader.load($0).0?.id }) ?? lab
        if store.reset(id) {
            LabDisk.write("kubelab: forgot your progress in \(id)\n")
        } else {
            LabDisk.write("kubelab: no saved progress in \(id)\n")
        }
    }
}

/// Bare `kubelab`: the lab menu with progress, then the chosen lab. Without a terminal it is
/// `play` (a script on standard input), as before.
struct Menu: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "menu", abstract: "Choose a lab from a menu, then work through it.",
                                                    shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1 else {
            var play = try Play.parse([])
            play.global = global
            try play.run()
            return
        }
        let store = ProgressStore(state: global.state)
        var labs: [(name: String, lab: Lab, digest: String)] = []
        for name in LabDisk.labNames(global) {
            guard let files = LabDisk.files(name, global: global), let lab = LabLoader.load(files).0 else { continue }
            labs.append((name, lab, ProgressStore.digest(labText: files.lab("lab.yaml") ?? "", lab: lab)))
        }
        guard !labs.isEmpty else { throw LabDisk.misuse("no labs in \(LabDisk.display(LabDisk.labsDirectory(global)))") }
        LabDisk.write("Labs:\n")
        for (n, l) in labs.enumerated() {
            LabDisk.write("  \(n + 1)) \(l.lab.title)  [\(store.summary(l.lab, digest: l.digest))]\n")
        }
        while true {
            LabDisk.write("Choose a lab (1-\(labs.count), q to quit): ")
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { LabDisk.write("\n"); return }
            if answer == "q" || answer == "quit" { return }
            if let n = Int(answer), n >= 1, n <= labs.count {
                LabDisk.write("\n")
                try LabStarter.start(labs[n - 1].name, global: global)
                return
            }
            if let l = labs.first(where: { $0.name == answer || $0.lab.id == answer }) {
                try LabStarter.start(l.name, global: global)
                return
            }
        }
    }
}

enum LabStarter {
    static func start(_ name: String, global: GlobalOptions) throws {
        let lab = try LabDisk.loadOrExit(name, global: global)
        let text = LabDisk.files(name, global: global)?.lab("lab.yaml") ?? ""
        let digest = ProgressStore.digest(labText: text, lab: lab)
        let interactive = isatty(STDIN_FILENO) == 1
        let style = TerminalStyle.detect(noColor: global.noColor)
        var options = LabSession.Options()
        options.seed = global.seed
        options.secondsPerCommand = 0
        options.stopAtLimits = false
        options.showInstructions = true
        options.color = style.color
        options.streamsForegroundWatches = interactive
        let store = ProgressStore(state: global.state)
        let (recorded, note) = RecordedLab.resume(lab: lab, options: options, store: store, digest: digest)
        if interactive {
            recorded.session.simulation.isTerminal = isatty(STDOUT_FILENO) == 1
            recorded.session.simulation.terminalEditor = HostEditor.edit(in: recorded.session.simulation.workspace)
        }
        REPL(recorded: recorded, style: style, historyPath: store.historyFile(lab.id).path).run(note: note, interactive: interactive)
    }
}

/// What `kubelab list` shows in its progress column.
enum LabProgress {
    static func summary(_ lab: Lab, name: String, global: GlobalOptions) -> String {
        let text = LabDisk.files(name, global: global)?.lab("lab.yaml") ?? ""
        return ProgressStore(state: global.state).summary(lab, digest: ProgressStore.digest(labText: text, lab: lab))
    }
}
