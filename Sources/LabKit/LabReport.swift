import Foundation
import KubeAPI

/// The grade of one run of a lab, and the three ways `kubelab check` prints it.
public struct LabReport: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var id: String
        public var title: String
        public var passed: Bool
        public var required: Bool
        /// Points earned: the step's points when it passed, else 0.
        public var points: Int
        public var maxPoints: Int
        /// For a step that did not pass: what is missing, in the lab's words.
        public var messages: [String]
    }

    public var lab: String
    public var title: String
    public var steps: [Step]
    /// Why the script was stopped early (it went over a limit); nil for a normal run.
    public var stopped: String?

    public var score: Int { steps.reduce(0) { $0 + $1.points } }
    public var maxScore: Int { steps.reduce(0) { $0 + $1.maxPoints } }
    /// Every required step passed and nothing had to be stopped.
    public var passed: Bool { stopped == nil && steps.allSatisfy { $0.passed || !$0.required } }
    /// `kubelab check`'s exit status: 0 passed, 1 failed.
    public var exitCode: Int32 { passed ? 0 : 1 }

    // MARK: - Text

    /// One line per step (✔/✘ and its title, then what is missing, indented), then the score.
    public func text(color: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        for s in steps {
            out += s.passed ? "\(paint("✔", "32")) \(s.title)\n" : "\(paint("✘", "31")) \(s.title)\n"
            for m in s.messages {
                out += m.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)\n" }.joined()
            }
        }
        let passedCount = steps.filter(\.passed).count
        out += "score: \(score)/\(maxScore) (\(passedCount) of \(steps.count) steps passed)\n"
        return out
    }

    // MARK: - JSON

    /// One line of JSON, keys in the order CLI.md lists them; `stopped` appears only when a
    /// limit stopped the script.
    public var json: String {
        func str(_ s: String) -> String { JSONValue.string(s).compactJSON }
        let stepItems = steps.map { s in
            "{\"id\":\(str(s.id)),\"title\":\(str(s.title)),\"passed\":\(s.passed),\"points\":\(s.points),"
                + "\"messages\":[\(s.messages.map(str).joined(separator: ","))]}"
        }
        var out = "{\"lab\":\(str(lab)),\"score\":\(score),\"maxScore\":\(maxScore),\"passed\":\(passed),"
        if let stopped { out += "\"stopped\":\(str(stopped)),"}
        out += "\"steps\":[\(stepItems.joined(separator: ","))]}\n"
        return out
    }

    // MARK: - JUnit

    /// JUnit XML as CI systems read it: one testsuite for the lab, one testcase per step,
    /// a `<failure>` with the messages for each step that did not pass.
    public var junit: String {
        let failures = steps.filter { !$0.passed }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"kubelab\" tests=\"\(steps.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\(xml(lab)) tests=\"\(steps.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        if let stopped {
            out += "    <properties>\n      <property name=\"stopped\" value=\(xml(stopped))/>\n    </properties>\n"
        }
        for s in steps {
            let name = xml("\(s.id): \(s.title)")
            if s.passed {
                out += "    <testcase classname=\(xml(lab)) name=\(name)/>\n"
            } else {
                let message = s.messages.first ?? "failed"
                out += "    <testcase classname=\(xml(lab)) name=\(name)>\n"
                out += "      <failure message=\(xml(message)) type=\"StepFailed\">\(xmlText(s.messages.joined(separator: "\n")))</failure>\n"
                out += "    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// An attribute value, quoted.
    private func xml(_ s: String) -> String { "\"" + xmlText(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;") + "\"" }

    /// Character data; characters XML 1.0 forbids (most control codes) are dropped.
    private func xmlText(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// `kubelab check LAB SCRIPT`: the script's lines fed to a fresh lab session, then graded.
public enum LabCheck {
    public struct Result: Sendable {
        /// What a terminal would have shown (printed only with --verbose).
        public var transcript: String
        public var report: LabReport
    }

    public static func run(_ lab: Lab, script: String, options: LabSession.Options = .init()) -> Result {
        let session = LabSession(lab: lab, options: options)
        var transcript = ""
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if session.isOver { break }
            if case .complete(let t) = session.feed(line) { transcript += t.text }
        }
        transcript += session.finish()
        return Result(transcript: transcript, report: session.report())
    }
}
