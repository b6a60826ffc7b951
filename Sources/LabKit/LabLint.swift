/// `kubelab lint`: everything wrong with a lab, each with its file and line. Beyond what the
/// loader rejects (unknown check kinds, bad field paths, hint-less steps, duplicate ids,
/// missing workspace files), the reference solution must earn full marks — a lab whose own
/// solution fails would fail every learner.
public enum LabLint {
    public static func lint(_ files: LabFiles, options: LabSession.Options = .init()) -> [LabDiagnostic] {
        let (loaded, diagnostics) = LabLoader.load(files)
        guard let lab = loaded else { return diagnostics }
        guard let solution = files.lab("solution.sh") else {
            return [LabDiagnostic(file: files.solutionFile, line: 1, message: "cannot read the reference solution")]
        }
        var problems: [LabDiagnostic] = []
        let setup = LabSession(lab: lab, options: options)
        for error in setup.setupErrors {
            problems.append(LabDiagnostic(file: files.labFile, line: 1, message: error))
        }
        let result = LabCheck.run(lab, script: solution, options: options)
        if let stopped = result.report.stopped {
            problems.append(LabDiagnostic(file: files.solutionFile, line: 1, message: "the reference solution was stopped: \(stopped)"))
        }
        let lines = YAMLLines(files.lab("lab.yaml") ?? "")
        for (i, (step, verdict)) in zip(lab.steps, result.report.steps).enumerated() where !verdict.passed {
            let why = verdict.messages.joined(separator: "; ")
            problems.append(LabDiagnostic(file: files.labFile, line: lines.line("steps[\(i)]"),
                                          message: "the reference solution does not pass step '\(step.id)': \(why)"))
        }
        if problems.isEmpty, result.report.score < result.report.maxScore {
            problems.append(LabDiagnostic(file: files.solutionFile, line: 1,
                                          message: "the reference solution earns \(result.report.score) of \(result.report.maxScore) points"))
        }
        return problems
    }
}
