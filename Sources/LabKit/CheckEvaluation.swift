import KubeAPI
import ClusterSim

/// One command line the learner entered and what the terminal showed for it.
public struct CommandRecord: Sendable, Equatable {
    public var command: String
    public var output: String
}

/// What checks may look at: the cluster (read through its API), what was typed and seen,
/// and the learner's quiz answer. Nothing here changes anything.
struct CheckContext {
    let cluster: Cluster
    let memo: CheckMemo
    let commands: [CommandRecord]
    let answer: String?
    /// Index into the store's history where the lab session began, and where this step did.
    let labStart: Int
    let stepStart: Int
}

/// Encoding an object to JSON and compiling a regular expression are what checks spend their
/// time on; after every command the same objects are looked at again, so both are remembered
/// (an object by its resourceVersion, which changes whenever the object does).
final class CheckMemo {
    private var documents: [String: JSONValue] = [:]
    private var regexes: [String: Regex<AnyRegexOutput>] = [:]

    /// The value at `path` in the object's JSON form. Only the path's top-level field is
    /// encoded: a pod's status is most of it, and a check on its image does not need it.
    func value(_ object: any APIObject, at path: String) -> JSONValue? {
        guard case .key(let top)? = FieldPath.parse(path).first else { return nil }
        let key = "\(object.resource.kind)/\(object.namespace)/\(object.name)@\(object.metadata.resourceVersion ?? "")#\(top)"
        if let known = documents[key] { return known.value(atPath: path) }
        if documents.count > 4_096 { documents.removeAll() }
        let document = JSONValueEncoder.object(object, only: top)
        documents[key] = document
        return document.value(atPath: path)
    }

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let known = regexes[pattern] { return known }
        guard let compiled = try? Regex(pattern) else { return nil }
        regexes[pattern] = compiled
        return compiled
    }
}

/// The verdict on one check, with the values its message template may use.
struct CheckOutcome {
    var passed: Bool
    var values: [String: String] = [:]
}

extension Check {
    /// The objects a check is about. A step explains one thing per object at a time — "there
    /// is no Deployment" rather than that plus every field of it; "3 replicas, wants 5" rather
    /// than that plus "3 of 5 pods ready".
    var subject: ObjectQuery? {
        switch kind {
        case .exists(let q), .absent(let q), .field(let q, _, _), .count(let q, _, _): return q
        case .command, .order, .quiz: return nil
        }
    }

    func evaluate(_ ctx: CheckContext) -> CheckOutcome {
        switch kind {
        case .exists(let q):
            let found = ctx.objects(q)
            return CheckOutcome(passed: !found.isEmpty, values: q.values(actual: "<none>"))
        case .absent(let q):
            let found = ctx.objects(q)
            return CheckOutcome(passed: found.isEmpty, values: q.values(actual: found.map(\.name).joined(separator: ", ")))
        case .field(let q, let path, let comparison):
            let found = ctx.objects(q)
            guard !found.isEmpty else {
                return CheckOutcome(passed: false, values: q.values(actual: "<none>", path: path, expected: comparison.expected))
            }
            for object in found {
                let actual = ctx.memo.value(object, at: path)
                if !comparison.holds(for: actual, ctx.memo) {
                    var values = q.values(actual: comparison.display(actual), path: path, expected: comparison.expected)
                    values["name"] = object.name
                    return CheckOutcome(passed: false, values: values)
                }
            }
            return CheckOutcome(passed: true)
        case .count(let q, let filter, let comparison):
            let n = ctx.objects(q, filter).count
            return CheckOutcome(passed: comparison.holds(for: .int(n), ctx.memo),
                                values: q.values(actual: String(n), expected: comparison.expected))
        case .command(let ran, let output):
            let ranRegex = ran.flatMap { ctx.memo.regex($0) }
            let outputRegex = output.flatMap { ctx.memo.regex($0) }
            let seen = ctx.commands.contains { record in
                (ranRegex.map { record.command.contains($0) } ?? true) && (outputRegex.map { record.output.contains($0) } ?? true)
            }
            return CheckOutcome(passed: seen, values: ["expected": ran ?? output ?? ""])
        case .order(let patterns, let window):
            let start = window == .lab ? ctx.labStart : ctx.stepStart
            return CheckOutcome(passed: EventHistory(ctx.cluster).contains(patterns, from: start, ctx: ctx))
        case .quiz(let quiz):
            let answer = ctx.answer ?? ""
            var live: [String] = []
            if let f = quiz.acceptField {
                live = ctx.objects(f.query).compactMap { ctx.memo.value($0, at: f.path)?.displayText }
            }
            return CheckOutcome(passed: quiz.accepts(answer, orAnyOf: live), values: ["actual": ctx.answer ?? "<none>"])
        }
    }
}

extension CheckContext {
    /// The objects a query names, read through the cluster's API as kubectl would; the cheap
    /// filters (name, labels, pod state) before the field condition.
    func objects(_ q: ObjectQuery, _ filter: PodFilter = PodFilter()) -> [any APIObject] {
        guard let r = ResourceType.lookup(q.kind) else { return [] }
        let selector = q.selector.flatMap { try? LabelQuery.parse($0) }
        var found: [any APIObject]
        if let name = q.name {
            found = (try? cluster.get(r, namespace: q.namespace, name: name)).map { [$0] } ?? []
            if let s = selector { found = found.filter { s.matches($0.metadata.labels) } }
        } else {
            found = cluster.list(r, namespace: q.namespace, selector: selector)
        }
        found = found.filter { filter.admits($0) }
        if let w = q.whereField {
            found = found.filter { w.comparison.holds(for: memo.value($0, at: w.path), memo) }
        }
        return found
    }
}

extension ObjectQuery {
    func values(actual: String, path: String? = nil, expected: String? = nil) -> [String: String] {
        var v = ["actual": actual, "kind": kind, "name": name ?? "", "object": display]
        if let path { v["path"] = path }
        if let expected { v["expected"] = expected }
        return v
    }
}

extension Comparison {
    /// Kubernetes omits zero numbers (`readyReplicas` is absent while no pod is ready), so an
    /// absent field compared with a number counts as 0.
    private var isNumeric: Bool {
        switch self {
        case .atLeast, .atMost: return true
        case .equals(let v): if case .int = v { return true }; if case .double = v { return true }; return false
        case .matches: return false
        }
    }

    private func number(_ v: JSONValue?) -> Double? {
        switch v {
        case nil, .null?: return isNumeric ? 0 : nil
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case .string(let s)?: return Double(s)
        default: return nil
        }
    }

    func holds(for actual: JSONValue?, _ memo: CheckMemo? = nil) -> Bool {
        switch self {
        case .equals(let want):
            if isNumeric { return number(actual) == number(want) }
            guard let a = actual, !a.isNull else { return want.isNull }
            return a.displayText == want.displayText
        case .matches(let pattern):
            guard let re = memo?.regex(pattern) ?? (try? Regex(pattern)) else { return false }
            return (actual?.displayText ?? "").contains(re)
        case .atLeast(let n):
            return number(actual).map { $0 >= n } ?? false
        case .atMost(let n):
            return number(actual).map { $0 <= n } ?? false
        }
    }

    /// `{actual}` as a message shows it.
    func display(_ actual: JSONValue?) -> String {
        if isNumeric, let n = number(actual) { return n.compactText }
        return actual?.displayText ?? "<none>"
    }
}

extension PodFilter {
    func admits(_ object: any APIObject) -> Bool {
        guard phase != nil || status != nil || ready != nil else { return true }
        guard let pod = object as? Pod else { return false }
        if let p = phase, pod.phase != p { return false }
        if let s = status, PodPrinting.status(pod) != s { return false }
        if let r = ready, pod.isReady != r { return false }
        return true
    }
}

/// The store's compact history read as moments in objects' lives (created, became ready,
/// started terminating…), so order checks ask what happened rather than what was typed.
struct EventHistory {
    let cluster: Cluster

    init(_ cluster: Cluster) { self.cluster = cluster }

    /// Whether the patterns happen in this order (not necessarily back to back) at or after `from`.
    func contains(_ patterns: [EventPattern], from: Int, ctx: CheckContext) -> Bool {
        guard !patterns.isEmpty else { return true }
        let history = cluster.store.history
        let resolved = patterns.map { Resolved($0, ctx) }
        var previous: [String: ObjectStore.HistoryEntry] = [:]
        var next = 0
        // Scan from the start so transitions (became ready) know each object's earlier state.
        for (i, entry) in history.enumerated() {
            let key = "\(entry.kind)/\(entry.namespace)/\(entry.name)"
            let before = previous[key]
            previous[key] = entry.type == .deleted ? nil : entry
            guard i >= from, resolved[next].matches(entry, before: before) else { continue }
            next += 1
            if next == resolved.count { return true }
        }
        return false
    }

    /// A pattern with its kind and owners looked up once.
    struct Resolved {
        let pattern: EventPattern
        let kind: String
        let name: Regex<AnyRegexOutput>?
        let owners: [String]?

        init(_ p: EventPattern, _ ctx: CheckContext) {
            pattern = p
            kind = ResourceType.lookup(p.kind)?.kind ?? p.kind
            name = p.name.flatMap { ctx.memo.regex($0) }
            owners = p.owner.map { ctx.objects($0).map(\.name) }
        }

        func matches(_ e: ObjectStore.HistoryEntry, before: ObjectStore.HistoryEntry?) -> Bool {
            guard e.kind == kind else { return false }
            if let re = name, (try? re.wholeMatch(in: e.name)) == nil { return false }
            if let owners, !owners.contains(where: { Resolved.owns($0, e.name) }) { return false }
            let alive = e.type != .deleted
            switch pattern.event {
            case .created: return e.type == .added
            case .deleted: return e.type == .deleted
            case .modified: return e.type == .modified
            case .terminating:
                // Deletion began: the pod shows Terminating, or (forced, never scheduled) vanished at once.
                return before?.status != "Terminating" && (alive ? e.status == "Terminating" : true)
            case .ready: return alive && e.ready && !(before?.ready ?? false)
            case .unready: return alive && !e.ready && (before?.ready ?? false)
            case .status: return alive && e.status == pattern.status && before?.status != e.status
            }
        }

        /// Controllers name what they create OWNER-SUFFIX (`web-7d4b9c-x2x9z`, `web-0`).
        static func owns(_ owner: String, _ name: String) -> Bool {
            guard name.hasPrefix(owner + "-") else { return false }
            return !name.dropFirst(owner.count + 1).contains("-")
        }
    }
}
