import Foundation
import KubeAPI
import ClusterSim

/// A problem in a lab definition, located the way compilers do: `labs/x/lab.yaml:12: message`.
public struct LabDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }

    /// Sorted by line, keeping the order of problems found on the same line.
    static func inLineOrder(_ list: [LabDiagnostic]) -> [LabDiagnostic] {
        list.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}

/// Reads lab.yaml into a `Lab`, collecting every problem it meets rather than stopping at the
/// first, so `kubelab lint` can list them all. Unknown keys are errors: a misspelt `hitns:`
/// would otherwise silently leave a step without hints.
struct LabParser {
    let file: String
    let text: String
    /// Only needed to place a problem, so only worked out when there is one.
    lazy var lines = YAMLLines(text)
    var diagnostics: [LabDiagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    static func parse(_ text: String, file: String) -> (Lab?, [LabDiagnostic]) {
        var p = LabParser(file: file, text: text)
        let root: JSONValue
        do {
            root = try YAMLCodec.parseDocument(text)
        } catch let e as YAMLParseError {
            // go-yaml numbers some errors from 0; never print line 0.
            return (nil, [LabDiagnostic(file: file, line: max(e.line ?? 1, 1), message: "not valid YAML: \(e.message)")])
        } catch {
            return (nil, [LabDiagnostic(file: file, line: 1, message: "not valid YAML: \(error)")])
        }
        let lab = p.lab(root)
        return (p.diagnostics.isEmpty ? lab : nil, LabDiagnostic.inLineOrder(p.diagnostics))
    }

    // MARK: - Reporting

    mutating func error(_ path: String, _ message: String) {
        diagnostics.append(LabDiagnostic(file: file, line: lines.line(path), message: message))
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The mapping at `path`, reporting keys outside `allowed`.
    mutating func mapping(_ v: JSONValue?, _ path: String, allowed: [String], what: String) -> [String: JSONValue]? {
        guard let v else { return nil }
        guard let m = v.objectValue else {
            error(path, "\(what) must be a mapping of keys to values")
            return nil
        }
        for key in m.keys.sorted() where !allowed.contains(key) {
            error(join(path, key), "unknown key '\(key)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))")
        }
        return m
    }

    mutating func string(_ m: [String: JSONValue], _ key: String, _ path: String, required: Bool = true) -> String? {
        guard let v = m[key], !v.isNull else {
            if required { error(path, "missing '\(key)'") }
            return nil
        }
        switch v {
        case .string(let s): return s
        case .int, .double, .bool: return v.displayText
        default:
            error(join(path, key), "'\(key)' must be text")
            return nil
        }
    }

    mutating func int(_ m: [String: JSONValue], _ key: String, _ path: String) -> Int? {
        guard let v = m[key] else { return nil }
        guard let i = v.intValue ?? v.stringValue.flatMap({ Int($0) }) else {
            error(join(path, key), "'\(key)' must be a whole number")
            return nil
        }
        return i
    }

    mutating func bool(_ m: [String: JSONValue], _ key: String, _ path: String) -> Bool? {
        guard let v = m[key] else { return nil }
        guard let b = v.boolValue else {
            error(join(path, key), "'\(key)' must be true or false")
            return nil
        }
        return b
    }

    mutating func strings(_ m: [String: JSONValue], _ key: String, _ path: String) -> [String]? {
        guard let v = m[key] else { return nil }
        guard let a = v.arrayValue else {
            error(join(path, key), "'\(key)' must be a list")
            return nil
        }
        var out: [String] = []
        for (i, item) in a.enumerated() {
            switch item {
            case .string(let s): out.append(s)
            case .int, .double, .bool: out.append(item.displayText)
            default: error("\(join(path, key))[\(i)]", "each entry of '\(key)' must be text")
            }
        }
        return out
    }

    // MARK: - Lab

    static let labKeys = ["id", "title", "summary", "minutes", "workspace", "fixture", "ui", "steps"]

    mutating func lab(_ root: JSONValue) -> Lab? {
        guard let m = mapping(root, "", allowed: LabParser.labKeys, what: "the lab") else {
            error("", "the lab file is empty")
            return nil
        }
        let id = string(m, "id", "") ?? ""
        if !id.isEmpty, !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            error("id", "the lab id '\(id)' may use letters, digits, '-' and '_' only")
        }
        let title = string(m, "title", "") ?? ""
        let summary = string(m, "summary", "") ?? ""
        let minutes = int(m, "minutes", "") ?? 0
        var workspace = Lab.Workspace(directory: "/root", files: [])
        if let w = mapping(m["workspace"], "workspace", allowed: ["directory", "files"], what: "workspace") {
            workspace.directory = string(w, "directory", "workspace", required: false) ?? "/root"
            if !workspace.directory.hasPrefix("/") { error("workspace.directory", "the workspace directory must be an absolute path") }
            for (i, source) in (strings(w, "files", "workspace") ?? []).enumerated() {
                let path = "workspace.files[\(i)]"
                if source.hasPrefix("/") || source.split(separator: "/").contains("..") || source.isEmpty {
                    error(path, "workspace file '\(source)' must be a path inside the lab folder or manifests/")
                    continue
                }
                workspace.files.append(.init(source: source, contents: ""))
            }
        }
        var fixture = Lab.Fixture()
        if let f = mapping(m["fixture"], "fixture", allowed: ["images", "apply"], what: "fixture") {
            fixture.apply = strings(f, "apply", "fixture") ?? []
            for (i, name) in fixture.apply.enumerated() where !workspace.files.contains(where: { $0.name == name }) {
                error("fixture.apply[\(i)]", "fixture manifest '\(name)' is not one of the workspace files")
            }
            if let imgs = f["images"] {
                for (i, img) in (imgs.arrayValue ?? []).enumerated() {
                    let path = "fixture.images[\(i)]"
                    guard let im = mapping(img, path, allowed: ["name", "like"], what: "an image") else { continue }
                    if let name = string(im, "name", path), let like = string(im, "like", path) {
                        fixture.images.append(.init(name: name, like: like))
                    }
                }
                if imgs.arrayValue == nil { error("fixture.images", "'images' must be a list") }
            }
        }
        var ui = UIText()
        if let u = mapping(m["ui"], "ui", allowed: UIText.defaults.keys.sorted(), what: "ui") {
            for (k, v) in u {
                if let s = v.stringValue { ui.overrides[k] = s } else { error("ui.\(k)", "'\(k)' must be text") }
            }
        }
        var steps: [Step] = []
        if let list = m["steps"]?.arrayValue, !list.isEmpty {
            var seen: Set<String> = []
            for (i, s) in list.enumerated() {
                guard let step = step(s, "steps[\(i)]") else { continue }
                if !seen.insert(step.id).inserted {
                    error("steps[\(i)].id", "duplicate step id '\(step.id)'")
                }
                steps.append(step)
            }
        } else {
            error("steps", "a lab needs a non-empty list of 'steps'")
        }
        return Lab(id: id, title: title, summary: summary, minutes: minutes, workspace: workspace,
                   fixture: fixture, steps: steps, ui: ui)
    }

    // MARK: - Steps

    static let stepKeys = ["id", "title", "instructions", "hints", "points", "required", "checks"]

    mutating func step(_ v: JSONValue, _ path: String) -> Step? {
        guard let m = mapping(v, path, allowed: LabParser.stepKeys, what: "a step") else { return nil }
        let id = string(m, "id", path) ?? ""
        let label = id.isEmpty ? "this step" : "step '\(id)'"
        let hints = strings(m, "hints", path) ?? []
        if hints.isEmpty { error(path, "\(label) has no hints (give at least one under 'hints:')") }
        var checks: [Check] = []
        if let list = m["checks"]?.arrayValue, !list.isEmpty {
            for (i, c) in list.enumerated() {
                if let check = check(c, "\(path).checks[\(i)]") { checks.append(check) }
            }
            if checks.filter({ if case .quiz = $0.kind { return true } else { return false } }).count > 1 {
                error("\(path).checks", "\(label) has more than one quiz; a step asks one question")
            }
        } else {
            error(path, "\(label) has no checks, so it could never pass")
        }
        let points = int(m, "points", path) ?? 1
        if points < 0 { error(join(path, "points"), "points cannot be negative") }
        return Step(id: id, title: string(m, "title", path) ?? "", instructions: string(m, "instructions", path) ?? "",
                    hints: hints, points: points, required: bool(m, "required", path) ?? true, checks: checks)
    }

    // MARK: - Checks

    /// Keys every check may carry, and those of each kind.
    static let queryKeys = ["object", "kind", "name", "namespace", "selector", "where"]
    static let comparisonKeys = Comparison.names
    static let checkKeys: [String: [String]] = [
        "exists": queryKeys,
        "absent": queryKeys,
        "field": queryKeys + ["path"] + comparisonKeys,
        "count": queryKeys + ["phase", "status", "ready"] + comparisonKeys,
        "command": ["ran", "output"],
        "order": ["events", "since"],
        "quiz": ["question", "choices", "accept", "acceptField"],
    ]
    /// What `{…}` a message may use.
    static let placeholders: Set<String> = ["actual", "expected", "name", "kind", "path", "object"]

    mutating func check(_ v: JSONValue, _ path: String) -> Check? {
        guard let raw = v.objectValue else {
            error(path, "a check must be a mapping with 'check:' and 'message:'")
            return nil
        }
        guard let kindName = raw["check"]?.stringValue else {
            error(path, "a check needs 'check:' naming its kind (one of: \(Check.kindNames.joined(separator: ", ")))")
            return nil
        }
        guard let keys = LabParser.checkKeys[kindName] else {
            error(join(path, "check"), "unknown check kind '\(kindName)' (known kinds: \(Check.kindNames.joined(separator: ", ")))")
            return nil
        }
        guard let m = mapping(v, path, allowed: ["check", "message"] + keys, what: "a '\(kindName)' check") else { return nil }
        let message = string(m, "message", path) ?? ""
        for name in Template.placeholders(in: message) where !LabParser.placeholders.contains(name) {
            error(join(path, "message"), "unknown placeholder {\(name)} (use: \(LabParser.placeholders.sorted().map { "{\($0)}" }.joined(separator: " ")))")
        }
        let kind: Check.Kind?
        switch kindName {
        case "exists": kind = query(m, path).map { .exists($0) }
        case "absent": kind = query(m, path).map { .absent($0) }
        case "field":
            let q = query(m, path)
            let p = fieldPath(m, path)
            let c = comparison(m, path, numeric: false)
            kind = q.flatMap { q in p.flatMap { p in c.map { .field(q, path: p, $0) } } }
        case "count":
            let q = query(m, path)
            let filter = PodFilter(phase: string(m, "phase", path, required: false), status: string(m, "status", path, required: false),
                                   ready: bool(m, "ready", path))
            let c = comparison(m, path, numeric: true)
            kind = q.flatMap { q in c.map { .count(q, filter, $0) } }
        case "command":
            let ran = string(m, "ran", path, required: false)
            let output = string(m, "output", path, required: false)
            if ran == nil && output == nil { error(path, "a 'command' check needs 'ran:', 'output:' or both") }
            if let r = ran { regex(r, join(path, "ran")) }
            if let o = output { regex(o, join(path, "output")) }
            kind = (ran == nil && output == nil) ? nil : .command(ran: ran, output: output)
        case "order":
            var window = Window.lab
            if let s = string(m, "since", path, required: false) {
                if let w = Window(rawValue: s) { window = w } else { error(join(path, "since"), "'since' is 'lab' or 'step', not '\(s)'") }
            }
            var patterns: [EventPattern] = []
            if let list = m["events"]?.arrayValue, list.count >= 1 {
                for (i, e) in list.enumerated() {
                    if let p = eventPattern(e, "\(path).events[\(i)]") { patterns.append(p) }
                }
            } else {
                error(path, "an 'order' check needs a list of 'events' in the order they must happen")
            }
            kind = .order(patterns, since: window)
        case "quiz":
            let question = string(m, "question", path) ?? ""
            let choices = strings(m, "choices", path) ?? []
            let accept = strings(m, "accept", path) ?? []
            var acceptField: FieldReference? = nil
            let fp = join(path, "acceptField")
            if let f = mapping(m["acceptField"], fp, allowed: LabParser.queryKeys + ["path"], what: "'acceptField'"),
               let q = query(f, fp), let p = fieldPath(f, fp) {
                acceptField = FieldReference(query: q, path: p)
            }
            if accept.isEmpty && m["acceptField"] == nil {
                error(path, "a quiz needs 'accept:' with at least one accepted answer, or 'acceptField:'")
            }
            for (i, a) in accept.enumerated() where !choices.isEmpty && !choices.contains(where: { Quiz.normalize($0) == Quiz.normalize(a) }) {
                error("\(path).accept[\(i)]", "accepted answer '\(a)' is not one of the choices")
            }
            kind = .quiz(Quiz(question: question, choices: choices, accept: accept, acceptField: acceptField))
        default:
            kind = nil
        }
        guard let kind else { return nil }
        return Check(kind: kind, message: message)
    }

    mutating func query(_ m: [String: JSONValue], _ path: String) -> ObjectQuery? {
        var kind = string(m, "kind", path, required: false)
        var name = string(m, "name", path, required: false)
        if let object = string(m, "object", path, required: false) {
            let parts = object.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, kind == nil, name == nil else {
                error(join(path, "object"), "'object' is KIND/NAME (e.g. deployment/nginx-deployment), without 'kind:' or 'name:' beside it")
                return nil
            }
            kind = parts[0]
            name = parts[1]
        }
        guard let k = kind else {
            error(path, "say which objects to look at: 'object: KIND/NAME' or 'kind:' (with 'name:' or 'selector:')")
            return nil
        }
        if ResourceType.lookup(k) == nil { error(join(path, m["object"] != nil ? "object" : "kind"), "unknown resource type '\(k)'") }
        let selector = string(m, "selector", path, required: false)
        if let s = selector {
            do { _ = try LabelQuery.parse(s) } catch { self.error(join(path, "selector"), "bad label selector '\(s)': \(error)") }
        }
        var condition: FieldCondition? = nil
        if let w = mapping(m["where"], join(path, "where"), allowed: ["path"] + LabParser.comparisonKeys, what: "'where'") {
            let wp = join(path, "where")
            if let p = fieldPath(w, wp), let c = comparison(w, wp, numeric: false) { condition = FieldCondition(path: p, comparison: c) }
        }
        return ObjectQuery(kind: k, name: name, namespace: string(m, "namespace", path, required: false) ?? "default",
                           selector: selector, whereField: condition)
    }

    mutating func fieldPath(_ m: [String: JSONValue], _ path: String) -> String? {
        guard let p = string(m, "path", path) else { return nil }
        if let problem = FieldPathSyntax.problem(in: p) {
            error(join(path, "path"), "bad field path '\(p)': \(problem)")
            return nil
        }
        return p
    }

    mutating func comparison(_ m: [String: JSONValue], _ path: String, numeric: Bool) -> Comparison? {
        let present = Comparison.names.filter { m[$0] != nil }
        guard present.count == 1, let op = present.first, let v = m[op] else {
            error(path, present.isEmpty ? "say what is wanted with one of: \(Comparison.names.joined(separator: ", "))"
                                        : "use only one of \(present.joined(separator: ", "))")
            return nil
        }
        let at = join(path, op)
        switch op {
        case "equals":
            if numeric && v.intValue == nil { error(at, "a count compares with a whole number"); return nil }
            return .equals(v)
        case "matches":
            if numeric { error(at, "a count compares with equals, atLeast or atMost"); return nil }
            guard let s = v.stringValue ?? (v.isNull ? nil : v.displayText) else { error(at, "'matches' takes a regular expression"); return nil }
            regex(s, at)
            return .matches(s)
        default:
            guard let n = v.intValue.map(Double.init) ?? (v.stringValue.flatMap(Double.init)) ?? { if case .double(let d) = v { return d } else { return nil } }() else {
                error(at, "'\(op)' takes a number")
                return nil
            }
            return op == "atLeast" ? .atLeast(n) : .atMost(n)
        }
    }

    mutating func eventPattern(_ v: JSONValue, _ path: String) -> EventPattern? {
        guard let m = mapping(v, path, allowed: ["event", "kind", "name", "status", "owner"], what: "an event") else { return nil }
        let names = EventPattern.Event.allCases.map(\.rawValue)
        guard let e = string(m, "event", path) else { return nil }
        guard let event = EventPattern.Event(rawValue: e) else {
            error(join(path, "event"), "unknown event '\(e)' (known: \(names.joined(separator: ", ")))")
            return nil
        }
        let kind = string(m, "kind", path, required: false) ?? "pod"
        if ResourceType.lookup(kind) == nil { error(join(path, "kind"), "unknown resource type '\(kind)'") }
        let name = string(m, "name", path, required: false)
        if let n = name { regex(n, join(path, "name")) }
        let status = string(m, "status", path, required: event == .status)
        var owner: ObjectQuery? = nil
        if let o = m["owner"] {
            let op = join(path, "owner")
            if let om = mapping(o, op, allowed: LabParser.queryKeys, what: "'owner'") { owner = query(om, op) }
        }
        return EventPattern(event: event, kind: kind, name: name, status: status, owner: owner)
    }

    mutating func regex(_ pattern: String, _ path: String) {
        do { _ = try Regex(pattern) } catch { self.error(path, "bad regular expression '\(pattern)'") }
    }
}

/// What `kubectl get -o jsonpath` users write without braces: `spec.template.spec.containers[0].image`,
/// `metadata.annotations[deployment.kubernetes.io/revision]`.
enum FieldPathSyntax {
    /// Nil when the path is well formed, else what is wrong with it.
    static func problem(in path: String) -> String? {
        if path.isEmpty { return "it is empty" }
        if path.hasPrefix("{") || path.hasPrefix("$") { return "write it without jsonpath braces, e.g. spec.replicas" }
        if path.hasPrefix(".") { return "it starts with '.'" }
        if path.hasSuffix(".") { return "it ends with '.'" }
        var segmentLength = 0
        var i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            switch c {
            case ".":
                if segmentLength == 0 { return "it has an empty segment" }
                segmentLength = 0
            case "[":
                guard let close = path[i...].firstIndex(of: "]") else { return "'[' without ']'" }
                let inner = path[path.index(after: i)..<close]
                if inner.isEmpty { return "'[]' needs an index or a key" }
                if inner.contains("[") { return "nested '['" }
                if inner.first == "-" { return "negative index" }
                i = close
                segmentLength = 1
                let next = path.index(after: i)
                if next < path.endIndex, path[next] != ".", path[next] != "[" { return "expected '.' or '[' after ']'" }
            case "]":
                return "']' without '['"
            default:
                if !(c.isLetter || c.isNumber || c == "_" || c == "-" || c == "/") { return "unexpected '\(c)'" }
                segmentLength += 1
            }
            i = path.index(after: i)
        }
        return nil
    }
}

extension Quiz {
    /// Answers compare ignoring case, surrounding space and repeated spaces.
    static func normalize(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The choice an answer names: its number (`2`), its letter (`b`) or its text.
    func resolve(_ answer: String) -> String {
        let a = Quiz.normalize(answer)
        guard !choices.isEmpty else { return a }
        if let n = Int(a), n >= 1, n <= choices.count { return Quiz.normalize(choices[n - 1]) }
        if a.count == 1, let u = a.unicodeScalars.first, u.value >= 97, Int(u.value) - 97 < choices.count, !choices.contains(where: { Quiz.normalize($0) == a }) {
            return Quiz.normalize(choices[Int(u.value) - 97])
        }
        return a
    }

    func accepts(_ answer: String, orAnyOf live: [String] = []) -> Bool {
        let chosen = resolve(answer)
        return (accept + live).contains { Quiz.normalize($0) == chosen }
    }
}
