import KubeAPI

/// How the loader reaches a lab's files. LabKit does no I/O of its own: the executable reads
/// the disk, tests may read the disk or hand in strings.
public struct LabFiles {
    /// How messages name the lab folder, e.g. `labs/deployment`.
    public var folder: String
    /// A file inside the lab's folder (`lab.yaml`, `solution.sh`, `files/extra.yaml`); nil if missing.
    public var lab: (String) -> String?
    /// A file of kubelab's course manifests (`nginx-deployment.yaml`); nil if missing.
    public var course: (String) -> String?

    public init(folder: String, lab: @escaping (String) -> String?, course: @escaping (String) -> String?) {
        self.folder = folder; self.lab = lab; self.course = course
    }

    public var labFile: String { "\(folder)/lab.yaml" }
    public var solutionFile: String { "\(folder)/solution.sh" }
}

public enum LabLoader {
    /// Reads and validates `lab.yaml` and the workspace files it names. On any problem the lab
    /// is nil and the diagnostics say where.
    public static func load(_ files: LabFiles) -> (Lab?, [LabDiagnostic]) {
        guard let text = files.lab("lab.yaml") else {
            return (nil, [LabDiagnostic(file: files.labFile, line: 1, message: "cannot read the lab definition")])
        }
        var (lab, diagnostics) = LabParser.parse(text, file: files.labFile)
        if var l = lab {
            for i in l.workspace.files.indices {
                let f = l.workspace.files[i]
                if let contents = read(f.source, files) {
                    l.workspace.files[i].contents = contents
                } else {
                    let line = YAMLLines(text).line("workspace.files[\(i)]")
                    diagnostics.append(LabDiagnostic(file: files.labFile, line: line, message: missing(f.source, files)))
                }
            }
            let lastComponent = files.folder.split(separator: "/").last.map(String.init) ?? files.folder
            if l.id != lastComponent {
                diagnostics.append(LabDiagnostic(file: files.labFile, line: 1,
                                                 message: "the lab id '\(l.id)' differs from its folder name '\(lastComponent)'"))
            }
            lab = diagnostics.isEmpty ? l : nil
        } else {
            // Report missing files even when the rest had problems: lint should list them all.
            diagnostics += missingFiles(text, files)
        }
        return (lab, LabDiagnostic.inLineOrder(diagnostics))
    }

    static func read(_ source: String, _ files: LabFiles) -> String? {
        source.hasPrefix("manifests/") ? files.course(String(source.dropFirst("manifests/".count))) : files.lab(source)
    }

    static func missing(_ source: String, _ files: LabFiles) -> String {
        source.hasPrefix("manifests/")
            ? "workspace file '\(source)' is not one of kubelab's course manifests"
            : "workspace file '\(source)' does not exist in \(files.folder)"
    }

    /// When the lab has other errors the parser returns no lab; still report missing files.
    static func missingFiles(_ text: String, _ files: LabFiles) -> [LabDiagnostic] {
        guard let root = try? YAMLCodec.parseDocument(text), let ws = root["workspace"]?["files"]?.arrayValue else { return [] }
        let lines = YAMLLines(text)
        var out: [LabDiagnostic] = []
        for (i, v) in ws.enumerated() {
            guard let s = v.stringValue, !s.hasPrefix("/"), !s.split(separator: "/").contains(".."), read(s, files) == nil else { continue }
            out.append(LabDiagnostic(file: files.labFile, line: lines.line("workspace.files[\(i)]"), message: missing(s, files)))
        }
        return out
    }
}
