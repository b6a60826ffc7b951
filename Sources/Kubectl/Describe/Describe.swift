import Foundation
import KubeAPI
import ClusterSim

/// `kubectl describe` (k8s.io/kubectl/pkg/describe, v1.32): the text printed for one object.
///
/// Each kind has its describer (Pod, ReplicaSet, Deployment, Node, Namespace); anything else
/// gets the generic describer kubectl uses for kinds without one. The related objects a
/// describer looks up (events, a ReplicaSet's pods, a Deployment's ReplicaSets, the pods
/// on a node) come from `cluster`, and ages are measured against `cluster.now`.
public enum Describe {
    /// The describe text of `object` as kubectl prints it (ends with a newline).
    /// `showEvents: false` is `--show-events=false`.
    public static func describe(_ object: any APIObject, in cluster: Cluster, showEvents: Bool = true) -> String {
        let ctx = DescribeContext(cluster: cluster, showEvents: showEvents)
        switch object {
        case let pod as Pod: return ctx.describePod(pod)
        case let rs as ReplicaSet: return ctx.describeReplicaSet(rs)
        case let d as Deployment: return ctx.describeDeployment(d)
        case let node as Node: return ctx.describeNode(node)
        case let ns as Namespace: return ctx.describeNamespace(ns)
        default:
            if let d = object as? any KubectlDescribable { return d.describe(in: ctx) }
            return ctx.describeGeneric(object)
        }
    }

    /// What `kubectl describe` writes for several objects: the first as is, each later one
    /// preceded by two newlines (`fmt.Fprintf(out, "\n\n%s", s)`).
    public static func joined(_ descriptions: [String]) -> String {
        descriptions.enumerated().map { $0.offset == 0 ? $0.element : "\n\n" + $0.element }.joined()
    }

    /// What `kubectl describe TYPE PREFIX` writes when no object is named exactly PREFIX and
    /// it falls back to every object whose name starts with it: each followed by a newline.
    public static func joinedPrefixMatches(_ descriptions: [String]) -> String {
        descriptions.map { $0 + "\n" }.joined()
    }

    /// Go `time.RFC1123Z` in UTC (`Thu, 26 Nov 2026 09:00:00 +0000`); a missing timestamp
    /// prints as Go's zero time, as kubectl does for an unset `metav1.Time`.
    public static func rfc1123Z(_ t: Time?) -> String {
        guard let t else { return "Mon, 01 Jan 0001 00:00:00 +0000" }
        let c = Time(seconds: t.seconds.rounded(.down)).utcComponents
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var year = String(c.year)
        while year.count < 4 { year = "0" + year }
        return "\(days[c.weekday]), \(two(c.day)) \(months[c.month - 1]) \(year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}

/// Shared state and helpers of one describe call.
/// A kind with its own describer, written beside the kind's other kubectl support.
protocol KubectlDescribable: APIObject {
    func describe(in ctx: DescribeContext) -> String
}

struct DescribeContext {
    let cluster: Cluster
    let showEvents: Bool

    var now: Double { cluster.now }

    // MARK: - Time

    /// translateTimestampSince: HumanDuration since a metav1.Time (which the wire format
    /// truncates to whole seconds); `<unknown>` when unset.
    func since(_ t: Time?) -> String {
        guard let t else { return "<unknown>" }
        return HumanDuration.format(seconds: now - t.seconds.rounded(.down))
    }

    /// translateMicroTimestampSince: as `since` for a metav1.MicroTime (microseconds kept).
    func sinceMicro(_ t: Time?) -> String {
        guard let t else { return "<unknown>" }
        return HumanDuration.format(seconds: now - (t.seconds * 1_000_000).rounded(.down) / 1_000_000)
    }

    // MARK: - Multi-line fields

    /// printLabelsMultilineWithIndent: sorted `k=v`, continuation lines start with a tab.
    func printLabels(_ w: DescribeWriter, _ title: String, _ labels: [String: String]?, initialIndent: String = "",
                     innerIndent: String = "\t") {
        w.write(0, "\(initialIndent)\(title):\(innerIndent)")
        let keys = (labels ?? [:]).keys.sorted(by: GoText.less)
        guard !keys.isEmpty else { w.writeLine("<none>"); return }
        for (i, key) in keys.enumerated() {
            if i != 0 {
                w.write(0, initialIndent)
                w.write(0, innerIndent)
            }
            w.write(0, "\(key)=\(labels![key]!)\n")
        }
    }

    static let maxAnnotationLen = 140
    static let skippedAnnotations: Set<String> = ["kubectl.kubernetes.io/last-applied-configuration"]

    /// printAnnotationsMultiline: `k: v`, long or multi-line values on their own lines,
    /// the last-applied-configuration annotation hidden.
    func printAnnotations(_ w: DescribeWriter, _ title: String, _ annotations: [String: String]?) {
        w.write(0, "\(title):\t")
        let all = annotations ?? [:]
        let keys = all.keys.filter { !DescribeContext.skippedAnnotations.contains($0) }.sorted(by: GoText.less)
        guard !keys.isEmpty else { w.writeLine("<none>"); return }
        let indent = "\t"
        for (i, key) in keys.enumerated() {
            if i != 0 { w.write(0, indent) }
            var bytes = Array(all[key]!.utf8)
            if bytes.last == 0x0A { bytes.removeLast() }
            let value = String(decoding: bytes, as: UTF8.self)
            if bytes.count + key.utf8.count + 2 > DescribeContext.maxAnnotationLen || bytes.contains(0x0A) {
                w.write(0, "\(key):\n")
                for line in DescribeFormat.splitLines(value) {
                    w.write(0, "\(indent)  \(DescribeFormat.shorten(line, DescribeContext.maxAnnotationLen - 2))\n")
                }
            } else {
                w.write(0, "\(key): \(value)\n")
            }
        }
    }

    /// printTolerationsMultilineWithIndent: sorted by key (Go's unstable sort.Slice).
    func printTolerations(_ w: DescribeWriter, _ title: String, _ tolerations: [Toleration]?) {
        w.write(0, "\(title):\t")
        var list = tolerations ?? []
        guard !list.isEmpty else { w.writeLine("<none>"); return }
        DescribeGoSort.sort(&list) { GoText.less($0.key ?? "", $1.key ?? "") }
        for (i, t) in list.enumerated() {
            if i != 0 { w.write(0, "\t") }
            let key = t.key ?? "", value = t.value ?? "", effect = t.effect ?? ""
            var s = key
            if !value.isEmpty { s += "=\(value)" }
            if !effect.isEmpty { s += ":\(effect)" }
            if t.operator == "Exists" && value.isEmpty {
                s += (!key.isEmpty || !effect.isEmpty) ? " op=Exists" : "op=Exists"
            }
            if let secs = t.tolerationSeconds { s += " for \(secs)s" }
            w.write(0, s + "\n")
        }
    }

    /// printTaintsMultilineWithIndent: sorted by `effect,key`.
    func printTaints(_ w: DescribeWriter, _ title: String, _ taints: [Taint]?) {
        w.write(0, "\(title):\t")
        var list = taints ?? []
        guard !list.isEmpty else { w.writeLine("<none>"); return }
        DescribeGoSort.sort(&list) { GoText.less("\($0.effect),\($0.key)", "\($1.effect),\($1.key)") }
        for (i, t) in list.enumerated() {
            if i != 0 { w.write(0, "\t") }
            let v = t.value ?? ""
            w.write(0, (v.isEmpty ? "\(t.key):\(t.effect)" : "\(t.key)=\(v):\(t.effect)") + "\n")
        }
    }

    // MARK: - Events

    /// searchEvents: the events whose involvedObject is this object (by uid, as the field
    /// selector kubectl sends also pins name, namespace and, except for pods, kind).
    func events(for object: any APIObject) -> [Event]? {
        guard showEvents else { return nil }
        return cluster.events(for: object)
    }

    /// DescribeEvents.
    func describeEvents(_ w: DescribeWriter, _ events: [Event]?) {
        guard var list = events else { return }
        if list.isEmpty {
            w.write(0, "Events:\t<none>\n")
            return
        }
        w.flush()
        // event.SortableEvents: by lastTimestamp (whole seconds on the wire), unstable.
        DescribeGoSort.sort(&list) { lastSeconds($0) < lastSeconds($1) }
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
        w.write(1, "----\t------\t----\t----\t-------\n")
        for e in list {
            let eventTime = microTime(e.eventTime)
            let first = eventTime != nil ? sinceMicro(eventTime) : since(e.firstTimestamp)
            let count = e.count ?? 0
            let interval = count > 1 ? "\(since(e.lastTimestamp)) (x\(count) over \(first))" : first
            var source = e.source?.component ?? ""
            if source.isEmpty { source = e.reportingComponent ?? "" }
            let message = (e.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            w.write(1, "\(e.type ?? "")\t\(e.reason ?? "")\t\(interval)\t\(source)\t\(message)\n")
        }
    }

    private func lastSeconds(_ e: Event) -> Double {
        e.lastTimestamp.map { $0.seconds.rounded(.down) } ?? -62_135_596_800
    }

    /// An event's `eventTime` (MicroTime) when set and non-zero.
    private func microTime(_ v: JSONValue?) -> Time? {
        guard let s = v?.stringValue, let t = Time.parse(s), t.seconds > -62_135_596_800 else { return nil }
        return t
    }

    // MARK: - Misc

    /// printController: `Kind/name` of the controlling owner, if any.
    func controlledBy(_ meta: ObjectMeta) -> String? {
        guard let ref = meta.controllerRef else { return nil }
        return "\(ref.kind)/\(ref.name)"
    }

    /// labels.Selector.String() of metav1.LabelSelectorAsSelector: requirements sorted by
    /// key; `nil`/empty selector gives "" (FormatLabelSelector turns that into `<none>`).
    func selectorString(_ sel: LabelSelector?) -> String {
        guard let sel else { return "" }
        var reqs: [(key: String, text: String)] = []
        for (k, v) in sel.matchLabels ?? [:] { reqs.append((k, "\(k)=\(v)")) }
        for e in sel.matchExpressions ?? [] {
            let vals = (e.values ?? []).sorted(by: GoText.less).joined(separator: ",")
            switch e.operator {
            case "In": reqs.append((e.key, "\(e.key) in (\(vals))"))
            case "NotIn": reqs.append((e.key, "\(e.key) notin (\(vals))"))
            case "Exists": reqs.append((e.key, e.key))
            case "DoesNotExist": reqs.append((e.key, "!\(e.key)"))
            default: reqs.append((e.key, "\(e.key) \(e.operator) (\(vals))"))
            }
        }
        DescribeGoSort.sort(&reqs) { GoText.less($0.key, $1.key) }
        return reqs.map(\.text).joined(separator: ",")
    }

    /// metav1.FormatLabelSelector.
    func formatSelector(_ sel: LabelSelector?) -> String {
        let s = selectorString(sel)
        return s.isEmpty ? "<none>" : s
    }
}

/// Small Go-compatible text helpers shared by the describers.
enum DescribeFormat {
    /// strings.Split(s, "\n").
    static func splitLines(_ s: String) -> [String] {
        s.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The describe `shorten`: at most `max` bytes, then `...`.
    static func shorten(_ s: String, _ max: Int) -> String {
        guard s.utf8.count > max else { return s }
        return String(decoding: Array(s.utf8.prefix(max)), as: UTF8.self) + "..."
    }
}
