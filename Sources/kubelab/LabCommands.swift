import ArgumentParser
import Foundation
import LabKit

/// `kubelab check LAB SCRIPT`: grade a solution script against a lab in a fresh cluster (CLI.md).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade a solution script against LAB in a fresh cluster.",
        discussion: "Exit status: 0 every required step passed, 1 some step failed, 2 misuse or an unreadable lab or script.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, junit }

    @OptionGroup var global: GlobalOptions

    @Option(help: "How to print the grade: text, json or junit.")
    var format: Format = .text

    @Flag(help: "Print the transcript of the script before the grade.")
    var verbose = false

    @Argument(help: "The lab: its name under the labs directory, or the path of a lab folder.")
    var lab: String

    @Argument(help: "The solution script; '-' reads standard input.")
    var script: String

    func run() throws {
        let lab = try LabDisk.loadOrExit(self.lab, global: global)
        guard let text = LabDisk.readScript(script) else { throw LabDisk.misuse("cannot read script \(script)") }
        var options = LabSession.Options()
        options.seed = global.seed
        let result = LabCheck.run(lab, script: text, options: options)
        if verbose { LabDisk.write(result.transcript) }
        switch format {
        case .text: LabDisk.write(result.report.text(color: LabDisk.color(global)))
        case .json: LabDisk.write(result.report.json)
        case .junit: LabDisk.write(result.report.junit)
        }
        if result.report.exitCode != 0 { throw ExitCode(result.report.exitCode) }
    }
}

/// `kubelab lint [LAB…]`: every problem of the named labs (all labs when none is named).
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate lab definitions (all labs when none is named).",
        discussion: "Prints FILE:LINE: MESSAGE for each problem; exit status 1 when there is any.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Lab names under the labs directory, or paths of lab folders.")
    var labs: [String] = []

    func run() throws {
        let names = labs.isEmpty ? LabDisk.labNames(global) : labs
        var failed = false
        for name in names {
            guard let files = LabDisk.files(name, global: global) else { throw LabDisk.misuse("no lab '\(name)' in \(LabDisk.labsDirectory(global).path)") }
            var options = LabSession.Options()
            options.seed = global.seed
            let problems = LabLint.lint(files, options: options)
            if problems.isEmpty {
                LabDisk.write("\(files.folder): ok\n")
            } else {
                failed = true
                LabDisk.write(problems.map { "\($0)\n" }.joined())
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// `kubelab list`: the labs and each one's progress.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the labs with each one's progress.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var rows: [[String]] = []
        for name in LabDisk.labNames(global) {
            guard let files = LabDisk.files(name, global: global) else { continue }
            let (lab, problems) = LabLoader.load(files)
            if let lab {
                rows.append([lab.id, lab.title, "\(lab.steps.count) steps, ~\(lab.minutes) min", LabProgress.summary(lab, name: name, global: global)])
            } else {
                rows.append([name, "(invalid: \(problems.first.map { "\($0)" } ?? "unreadable"))", "", ""])
            }
        }
        let widths = (0..<4).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
            LabDisk.write(cells.joined(separator: "   ").trimmingCharacters(in: .whitespaces) + "\n")
        }
    }
}

/// Where labs live on disk and how their files are read: the only I/O the lab engine needs.
enum LabDisk {
    static func labsDirectory(_ global: GlobalOptions) -> URL {
        if let dir = global.labs { return URL(fileURLWithPath: dir) }
        return Resources.root().appendingPathComponent("labs")
    }

    /// Folders under the labs directory that hold a lab.yaml: in the order the `COURSE` file
    /// there lists them (the order the course teaches them), then any others by name.
    static func labNames(_ global: GlobalOptions) -> [String] {
        let dir = labsDirectory(global)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let labs = names.filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).appendingPathComponent("lab.yaml").path) }.sorted()
        let course = ((try? String(contentsOf: dir.appendingPathComponent("COURSE"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let listed = course.filter { labs.contains($0) }
        return listed + labs.filter { !listed.contains($0) }
    }

    /// A lab by name (under the labs directory) or by folder path; nil if there is no such folder.
    static func files(_ nameOrPath: String, global: GlobalOptions) -> LabFiles? {
        var isDir: ObjCBool = false
        let byName = labsDirectory(global).appendingPathComponent(nameOrPath)
        let folder: URL
        if !nameOrPath.contains("/"), FileManager.default.fileExists(atPath: byName.path, isDirectory: &isDir), isDir.boolValue {
            folder = byName
        } else if FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDir), isDir.boolValue {
            folder = URL(fileURLWithPath: nameOrPath)
        } else {
            return nil
        }
        let manifests = Resources.root().appendingPathComponent("manifests")
        return LabFiles(folder: display(folder),
                        lab: { read($0, in: folder) },
                        course: { read($0, in: manifests) })
    }

    /// Reads a file inside `folder`; paths that would leave it read nothing.
    static func read(_ relative: String, in folder: URL) -> String? {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return nil }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// A path as messages show it: relative to the working directory when inside it.
    static func display(_ url: URL) -> String {
        let path = url.standardized.path
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The lab, or exit status 2 with the first problem on one line of stderr.
    static func loadOrExit(_ name: String, global: GlobalOptions) throws -> Lab {
        guard let files = files(name, global: global) else {
            throw misuse("no lab '\(name)' in \(display(labsDirectory(global)))")
        }
        let (lab, problems) = LabLoader.load(files)
        guard let lab else {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more; run kubelab lint \(name))" : ""
            throw misuse("invalid lab: \(problems.first.map { "\($0)" } ?? files.labFile)\(more)")
        }
        return lab
    }

    static func readScript(_ path: String) -> String? {
        if path == "-" { return String(data: FileHandle.standardInput.readDataToEndOfFile(), encoding: .utf8) }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Prints `kubelab: REASON` on stderr and returns exit status 2 to throw.
    static func misuse(_ reason: String) -> ExitCode {
        FileHandle.standardError.write("kubelab: \(reason)\n".data(using: .utf8)!)
        return ExitCode(2)
    }

    static func color(_ global: GlobalOptions) -> Bool {
        !global.noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1
    }

    static func write(_ s: String) { FileHandle.standardOutput.write(s.data(using: .utf8)!) }
}
