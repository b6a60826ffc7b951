/// The engine's own phrases. A lab may reword any of them (its `ui:` map), so a translated
/// lab reads in one language from the first line to the last. `{name}` placeholders are
/// filled by the engine.
public struct UIText: Sendable, Equatable {
    public var overrides: [String: String]

    public init(overrides: [String: String] = [:]) { self.overrides = overrides }

    public static let defaults: [String: String] = [
        "stepHeader": "Step {number}/{total}: {title}",
        "stepPassed": "✔ Step {number}/{total} passed: {title} (+{points})",
        "labComplete": "Lab complete: {score}/{maxScore} points.",
        "notYet": "Not yet. Still missing:",
        "hint": "Hint {number}/{count}: {text}",
        "noMoreHints": "No more hints for this step.",
        "question": "Question: {question}",
        "answerWith": "Answer with: lab answer {step} <answer>",
        "answerRecorded": "Answer recorded for step {step}.",
        "unknownStep": "lab: there is no step '{step}' in this lab",
        "unknownControl": "lab: unknown command '{command}'; type 'lab help'",
        "answerUsage": "lab: usage: lab answer [STEP] ANSWER",
        "skipped": "Skipped step {number}: {title}.",
        "notReached": "not reached: an earlier step did not pass",
        "skippedReport": "skipped",
        "reset": "The lab starts again: a fresh cluster and fresh files.",
        "quit": "Leaving the lab.",
        "firstStep": "This is the first step.",
        "allDone": "Every step is done.",
        "progressLine": "{mark} {number}. {title} ({points})",
        "score": "Score: {score}/{maxScore}",
        "stopped": "kubelab stopped the script: {reason}",
        "limitReplicas": "{object} asks for {count} replicas; this lab allows at most {limit}, so kubelab set it back to {restored}.",
        "limitPods": "the cluster holds {count} pods; this lab allows at most {limit}.",
        "limitObjects": "the cluster holds {count} objects; this lab allows at most {limit}.",
        "limitWait": "a command asked to wait {seconds} seconds; at most {limit} seconds at a time are allowed.",
        "limitTime": "the script used up the {limit} seconds of cluster time a session may take.",
        "limitCommands": "one command line ran kubectl more than {limit} times.",
        "limitLines": "the script has more than {limit} command lines.",
        "help": """
            Lab commands (type them as `lab COMMAND` or `:COMMAND`):
              lab step            show the current step again
              lab hint            reveal the next hint
              lab check           check the current step and say what is missing (also: lab next)
              lab back            show the previous step
              lab answer [STEP] ANSWER   answer the question of a step
              lab progress        list the steps and the score
              lab skip            give up the current step and go on
              lab reset           start the lab again from a fresh cluster
              lab quit            leave the lab
            Everything else is a shell command on master01.
            """,
    ]

    /// The phrase for `key` with its placeholders filled.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Template.fill(overrides[key] ?? UIText.defaults[key] ?? key, values)
    }
}

/// `{name}` placeholders in lab-authored text.
enum Template {
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            if let v = values[key] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The placeholder names a template uses.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let key = rest[rest.index(after: open)..<close]
            if !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber }) { names.append(String(key)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
