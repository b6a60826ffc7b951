import Foundation
import Testing
@testable import LabKit

/// Reading labs from the source tree, as the executable reads them from disk.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// A lab folder; `folder` is how messages name it.
    static func files(_ dir: URL, folder: String) -> LabFiles {
        LabFiles(folder: folder,
                 lab: { text(dir.appendingPathComponent($0)) },
                 course: { text(root.appendingPathComponent("manifests").appendingPathComponent($0)) })
    }

    static func lab(_ name: String) -> LabFiles { files(root.appendingPathComponent("labs/\(name)"), folder: "labs/\(name)") }
    static func fixture(_ name: String) -> LabFiles { files(fixtures.appendingPathComponent(name), folder: "Fixtures/\(name)") }

    static func load(_ files: LabFiles) -> Lab {
        let (lab, problems) = LabLoader.load(files)
        precondition(lab != nil, "\(problems)")
        return lab!
    }

    static let deployment = load(lab("deployment"))
    static let solution = text(root.appendingPathComponent("labs/deployment/solution.sh"))!

    /// A learner's mistake: `solution` with each `(line, typed)` edit made (every occurrence).
    static func variant(_ solution: String, _ edits: [(line: String, typed: String)]) -> String {
        edits.reduce(solution) { script, edit in
            let changed = script.replacingOccurrences(of: edit.line, with: edit.typed)
            precondition(changed != script, "the script has no \(edit.line)")
            return changed
        }
    }

    /// The Deployment lab's wrong solutions, each the reference with a mistake in it.
    static let deploymentMistakes: [String: [(line: String, typed: String)]] = [
        // Edits the file to 5 replicas but never applies it.
        "forgot-apply": [("replicas: 5/' nginx-deployment.yaml\nkubectl apply -f nginx-deployment.yaml\n", "replicas: 5/' nginx-deployment.yaml\n")],
        // Never creates the Deployment.
        "never-applied": [("kubectl apply -f nginx-deployment.yaml\n", "")],
        // Scales the ReplicaSet, which the Deployment sets back to 3.
        "scaled-replicaset": [("sed -i 's/replicas: 3/replicas: 5/' nginx-deployment.yaml\nkubectl apply -f nginx-deployment.yaml\n",
                               "kubectl scale $(kubectl get rs -l app=nginx -o name) --replicas=5\n")],
        // A typo in the image tag (1.81.0 instead of 1.18.0).
        "wrong-image-tag": [("nginx=nginx:1.18.0 --record", "nginx=nginx:1.81.0 --record")],
    ]

    static func wrong(_ name: String) -> String { variant(solution, deploymentMistakes[name]!) }
}

extension LabSession {
    /// Feeds lines and returns what the terminal showed.
    func type(_ lines: String...) -> String {
        var text = ""
        for line in lines {
            if case .complete(let t) = feed(line) { text += t.text }
        }
        return text
    }
}

/// A wrong solution graded: the steps before `step` pass, `step` fails saying exactly
/// `messages`, the steps after are not reached, and the grade fails.
func expectFailure(_ lab: Lab, _ script: String, step: String, messages: [String],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let report = LabCheck.run(lab, script: script).report
    guard let index = report.steps.firstIndex(where: { $0.id == step }) else {
        Issue.record("no step \(step)", sourceLocation: sourceLocation)
        return
    }
    for s in report.steps[..<index] { #expect(s.passed, "\(s.id) should pass", sourceLocation: sourceLocation) }
    #expect(!report.steps[index].passed, sourceLocation: sourceLocation)
    #expect(report.steps[index].messages == messages, sourceLocation: sourceLocation)
    for s in report.steps[(index + 1)...] {
        #expect(s.messages == ["not reached: an earlier step did not pass"], sourceLocation: sourceLocation)
    }
    #expect(!report.passed, sourceLocation: sourceLocation)
    #expect(report.exitCode == 1, sourceLocation: sourceLocation)
}
