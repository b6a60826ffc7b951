import KubeAPI
import ClusterSim

enum LogsCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("container", "c"), FlagSpec("previous", "p", value: false), FlagSpec("follow", "f", value: false),
        FlagSpec("tail"), FlagSpec("timestamps", value: false), FlagSpec("since"), FlagSpec("since-time"),
        FlagSpec("all-containers", value: false), FlagSpec("selector", "l"), FlagSpec("prefix", value: false),
        FlagSpec("limit-bytes"), FlagSpec("max-log-requests"), FlagSpec("pod-running-timeout"), FlagSpec("ignore-errors", value: false),
    ]
}

extension Kubectl {
    func logs(_ inv: inout Invocation) throws {
        let args = inv.flags.positionals
        guard let target = args.first else {
            throw KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command")
        }
        var pod: Pod
        if target.contains("/") {
            let refs = try resourceRefs([target])
            let obj = try cluster.get(refs[0].type, namespace: namespaceFor(refs[0].type, inv), name: refs[0].name!)
            if let p = obj as? Pod { pod = p } else {
                let sel: LabelSelector? = (obj as? any PodTemplateOwner)?.podSelector
                let pods = cluster.list(.pods, namespace: inv.namespace).compactMap { $0 as? Pod }
                    .filter { sel?.matches($0.metadata.labels) == true }
                    .sorted { ($0.metadata.creationTimestamp?.seconds ?? 0) < ($1.metadata.creationTimestamp?.seconds ?? 0) }
                guard let first = pods.first else { throw KubectlError("timed out waiting for the condition") }
                if pods.count > 1 { inv.out.err("Found \(pods.count) pods, using pod/\(first.name)\n") }
                pod = first
            }
        } else {
            pod = try cluster.get(.pods, namespace: inv.namespace, name: target) as! Pod
        }
        let containers = pod.spec?.containers.map(\.name) ?? []
        var container = inv.flags.string("container") ?? (args.count > 1 ? args[1] : nil)
        if container == nil {
            container = containers.first
            if containers.count > 1 {
                inv.out.err("Defaulted container \"\(containers[0])\" out of: \(containers.joined(separator: ", "))\n")
            }
        }
        guard let c = container, containers.contains(c) else {
            throw APIError(reason: "BadRequest", message: "container \(container ?? "") is not valid for pod \(pod.name)", code: 400)
        }
        let previous = inv.flags.bool("previous")
        guard let lines = cluster.logs(pod: pod, container: c, previous: previous) else {
            if previous {
                throw APIError(reason: "BadRequest", message: "previous terminated container \"\(c)\" in pod \"\(pod.name)\" not found", code: 400)
            }
            let waiting = pod.status?.containerStatuses?.first { $0.name == c }?.state?.waiting?.reason ?? "ContainerCreating"
            let why = ["ErrImagePull", "ImagePullBackOff"].contains(waiting) ? "trying and failing to pull image" : waiting
            throw APIError(reason: "BadRequest", message: "container \"\(c)\" in pod \"\(pod.name)\" is waiting to start: \(why)", code: 400)
        }
        var shown = lines
        if let t = inv.flags.string("tail"), let n = Int(t), n >= 0 { shown = Array(lines.suffix(n)) }
        let stamps = inv.flags.bool("timestamps")
        func write(_ l: LogLine) { inv.out.out((stamps ? Time(seconds: l.time).rfc3339Nano + " " : "") + l.text + "\n") }
        shown.forEach(write)
        if inv.flags.bool("follow") && !previous { follow(pod, c, from: lines.count, write) }
    }

    /// `logs -f`: the container's new lines as they are written, until it stops (or the
    /// wait limit, where a person would press Ctrl-C).
    private func follow(_ pod: Pod, _ container: String, from count: Int, _ write: (LogLine) -> Void) {
        var printed = count
        let start = cluster.now
        func running(_ p: Pod) -> Bool { p.status?.containerStatuses?.first { $0.name == container }?.state?.running != nil }
        while cluster.now - start < waitLimit,
              let cur = try? cluster.get(.pods, namespace: pod.namespace, name: pod.name) as? Pod,
              cur.metadata.uid == pod.metadata.uid, running(cur), cluster.advanceToNextBatch() {
            guard let p = try? cluster.get(.pods, namespace: pod.namespace, name: pod.name) as? Pod,
                  p.metadata.uid == pod.metadata.uid, let lines = cluster.logs(pod: p, container: container, previous: false) else { return }
            lines.dropFirst(printed).forEach(write)
            printed = max(printed, lines.count)
        }
    }
}
