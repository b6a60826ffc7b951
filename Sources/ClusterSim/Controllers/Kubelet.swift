import Foundation
import KubeAPI

/// One line a container wrote, for `kubectl logs`.
public struct LogLine: Sendable, Equatable {
    public let time: Double
    public let text: String
}

/// Every node's kubelet and container runtime: sandbox, image pulls (with back-off for
/// images the registry doesn't have), container start, readiness, exit and restart by
/// restartPolicy, graceful termination. Transitions happen on timers so AGE and watches
/// show a believable timeline.
final class Kubelet: Controller {
    /// What the kubelet remembers of a pod it runs, by pod uid. A class: the timers that drive
    /// a pod's lifecycle hold on to it rather than looking it up again.
    final class PodRuntime {
        let uid: String
        /// The pod's store key.
        let key: String
        /// Set when the pod is gone: its pending timers then find nothing to do.
        var removed = false
        var terminating = false
        /// Container name → how many times it has started (for logs and back-off).
        var starts: [String: Int] = [:]
        var pullFailures: [String: Int] = [:]
        var programs: [String: ContainerProgram] = [:]
        /// The sandbox's IP, known to the runtime but not yet in the pod's status: the kubelet
        /// reports it with its next status write (the containers starting, or an image pull
        /// failing), so a pod goes Pending → ContainerCreating → Running in one write each.
        var sandboxIP: String?

        init(uid: String, key: String) { self.uid = uid; self.key = key }
    }

    private var runtimes: [String: PodRuntime] = [:]
    var nodeImages: [String: Set<String>] = [:]
    private var nextIP: [String: Int] = [:]
    /// `uid/container/instance` → output lines.
    var logs: [String: [LogLine]] = [:]
    /// Memos of pure string work every pull and start would otherwise repeat: normalized
    /// image references by image, and pod IP prefixes by pod CIDR.
    private var normalizedImages: [String: String] = [:]
    private var ipPrefixes: [String: String] = [:]

    let watchedKinds: Set<String>? = ["Pod"]

    func keys(for change: ObjectStore.Change, in cluster: Cluster) -> [String] {
        guard let pod = change.object as? Pod else { return [] }
        if change.type == .deleted {
            runtimes.removeValue(forKey: pod.metadata.uid ?? "")?.removed = true
            return []
        }
        guard pod.spec?.nodeName != nil else { return [] }
        let uid = pod.metadata.uid ?? ""
        let runtime = runtimes[uid]
        if runtime == nil || (pod.metadata.deletionTimestamp != nil && runtime?.terminating == false) {
            return [ObjectStore.key(pod.namespace, pod.name)]
        }
        return []
    }

    func reconcile(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let pod = cluster.store.get(Pod.self, namespace: parts[0], name: parts[1]),
              pod.spec?.nodeName != nil, let uid = pod.metadata.uid else { return }
        if runtimes[uid] == nil {
            let runtime = PodRuntime(uid: uid, key: key)
            runtimes[uid] = runtime
            if pod.metadata.deletionTimestamp == nil && !["Succeeded", "Failed"].contains(pod.phase) {
                if pod.status?.containerStatuses?.first?.state?.running != nil {
                    adopt(pod, runtime, cluster)
                } else {
                    start(pod, runtime, cluster)
                }
            }
        }
        if pod.metadata.deletionTimestamp != nil, let runtime = runtimes[uid], !runtime.terminating {
            runtime.terminating = true
            terminate(pod, runtime, cluster)
        }
    }

    // MARK: - Helpers over the live pod

    /// Re-reads the pod and applies `change` if it is still the same incarnation.
    private func mutate(_ rt: PodRuntime, _ cluster: Cluster, _ change: (inout Pod) -> Void) {
        guard let current = live(rt, cluster) else { return }
        var pod = current
        if let ip = rt.sandboxIP {
            rt.sandboxIP = nil
            pod.status?.podIP = ip
            pod.status?.podIPs = [PodIP(ip: ip)]
        }
        change(&pod)
        refreshConditions(&pod, cluster)
        cluster.updateStatus(pod, current: current)
    }

    /// The pod as stored, if it is still the incarnation the runtime is for.
    private func live(_ rt: PodRuntime, _ cluster: Cluster) -> Pod? {
        guard !rt.removed, let pod = cluster.store.get(Pod.self, key: rt.key), pod.metadata.uid == rt.uid else { return nil }
        return pod
    }

    private func setContainer(_ pod: inout Pod, _ name: String, _ change: (inout ContainerStatus) -> Void) {
        guard var list = pod.status?.containerStatuses, let i = list.firstIndex(where: { $0.name == name }) else { return }
        change(&list[i])
        pod.status?.containerStatuses = list
    }

    private func refreshConditions(_ pod: inout Pod, _ cluster: Cluster) {
        var st = pod.status ?? PodStatus()
        let statuses = st.containerStatuses ?? []
        let allReady = !statuses.isEmpty && statuses.allSatisfy { $0.ready }
        let terminal = st.phase == "Succeeded" || st.phase == "Failed"
        var list = st.conditions ?? []
        // Conditions are replaced only when their status or reason changes; usually none do,
        // and the pod's status is then left as it was.
        var changed = st.conditions == nil
        func cond(_ type: String, _ ok: Bool, reason: String? = nil, message: @autoclosure () -> String? = nil) {
            let status = ok ? "True" : "False"
            if let i = list.firstIndex(where: { $0.type == type }) {
                if list[i].status != status || list[i].reason != reason {
                    list[i] = Condition(type: type, status: status, lastTransitionTime: cluster.time, reason: reason, message: message())
                    changed = true
                }
            } else {
                if list.capacity < 5 { list.reserveCapacity(5) }
                list.append(Condition(type: type, status: status, lastTransitionTime: cluster.time, reason: reason, message: message()))
                changed = true
            }
        }
        var unreadyMessage: String?
        func unready() -> String {
            if let m = unreadyMessage { return m }
            let m = "containers with unready status: [\(statuses.filter { !$0.ready }.map(\.name).joined(separator: " "))]"
            unreadyMessage = m
            return m
        }
        cond("PodReadyToStartContainers", st.podIP != nil && !terminal)
        cond("Initialized", true)
        if terminal {
            cond("Ready", false, reason: "PodCompleted")
            cond("ContainersReady", false, reason: "PodCompleted")
        } else {
            cond("Ready", allReady, reason: allReady ? nil : "ContainersNotReady", message: allReady ? nil : unready())
            cond("ContainersReady", allReady, reason: allReady ? nil : "ContainersNotReady", message: allReady ? nil : unready())
        }
        cond("PodScheduled", true)
        func rank(_ type: String) -> Int {
            switch type {
            case "PodReadyToStartContainers": return 0
            case "Initialized": return 1
            case "Ready": return 2
            case "ContainersReady": return 3
            case "PodScheduled": return 4
            default: return 9
            }
        }
        // The sort is stable, so a list already in order would stay as it is.
        if list.indices.dropFirst().contains(where: { rank(list[$0 - 1].type) > rank(list[$0].type) }) {
            list.sort { rank($0.type) < rank($1.type) }
            changed = true
        }
        guard changed else { return }
        st.conditions = list
        pod.status = st
    }

    // MARK: - Start

    private func start(_ pod: Pod, _ rt: PodRuntime, _ cluster: Cluster) {
        let node = pod.spec!.nodeName!
        let hostIP = cluster.store.get(Node.self, namespace: "", name: node)?.internalIP ?? ""
        mutate(rt, cluster) { p in
            var st = p.status ?? PodStatus()
            st.phase = "Pending"
            st.hostIP = hostIP
            st.hostIPs = [PodIP(ip: hostIP)]
            st.startTime = cluster.time
            st.containerStatuses = p.spec!.containers.map { c in
                var s = ContainerStatus(name: c.name, image: c.image ?? "")
                s.imageID = ""
                return s
            }
            p.status = st
        }
        // Network volumes (a claim's NFS export) are mounted before the containers start.
        let mounts = (pod.spec?.volumes ?? []).contains { $0.persistentVolumeClaim != nil || $0.nfs != nil } ? 1.6 : 0
        let sandbox = cluster.random.double(0.3...0.8) + mounts
        cluster.schedule(after: sandbox) { [unowned self] cluster in
            guard let p = self.live(rt, cluster), p.metadata.deletionTimestamp == nil else { return }
            // The IP is reported with the next status write, not on its own (one
            // ContainerCreating row in `get -w`, as a real kubelet's status manager shows).
            rt.sandboxIP = p.spec?.hostNetwork == true ? hostIP : self.allocateIP(node: node, cluster)
            for c in p.spec!.containers { self.pull(rt, c, cluster) }
        }
    }

    /// A pod that was already running when the simulation began (the bootstrap cluster).
    private func adopt(_ pod: Pod, _ rt: PodRuntime, _ cluster: Cluster) {
        for c in pod.spec!.containers {
            rt.starts[c.name] = 1
            let info = imageInfo(c.image ?? "", cluster) ?? ImageInfo(size: 0, defaultProgram: [], digest: "")
            rt.programs[c.name] = .forever(sigterm: info.exitsOnSIGTERM)
        }
    }

    private func normalize(_ image: String) -> String {
        if let n = normalizedImages[image] { return n }
        let n = ImageCatalog.normalize(image)
        normalizedImages[image] = n
        return n
    }

    /// `ImageCatalog.lookup`, with the memoized normalization.
    private func imageInfo(_ image: String, _ cluster: Cluster) -> ImageInfo? {
        cluster.images.images[normalize(image)]
    }

    private func allocateIP(node: String, _ cluster: Cluster) -> String {
        let cidr = cluster.store.get(Node.self, namespace: "", name: node)?.spec?.podCIDR ?? "10.244.0.0/24"
        let prefix: String
        if let p = ipPrefixes[cidr] { prefix = p } else {
            prefix = cidr.split(separator: ".").prefix(3).joined(separator: ".")
            ipPrefixes[cidr] = prefix
        }
        if nextIP[node] == nil { nextIP[node] = cluster.random.int(2..<60) }
        let n = nextIP[node]!
        nextIP[node] = n >= 254 ? 2 : n + 1
        return "\(prefix).\(n)"
    }

    private func pull(_ rt: PodRuntime, _ c: Container, _ cluster: Cluster) {
        guard let pod = live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
        let node = pod.spec!.nodeName!
        let image = c.image ?? ""
        let normalized = normalize(image)
        let cached = nodeImages[node]?.contains(normalized) == true
        let policy = c.imagePullPolicy ?? "IfNotPresent"
        let ref = "spec.containers{\(c.name)}"
        if cached && policy != "Always" {
            cluster.recordEvent(for: pod, reason: "Pulled", message: "Container image \"\(image)\" already present on machine", component: "kubelet", host: node, fieldPath: ref)
            cluster.schedule(after: cluster.random.double(0.1...0.4)) { [unowned self] cluster in self.startContainer(rt, c, cluster) }
            return
        }
        if policy == "Never" {
            mutate(rt, cluster) { p in
                self.setContainer(&p, c.name) { $0.state = ContainerState(waiting: ContainerStateWaiting(reason: "ErrImageNeverPull", message: "Container image \"\(image)\" is not present with pull policy of Never")) }
            }
            cluster.recordEvent(for: pod, type: "Warning", reason: "ErrImageNeverPull", message: "Container image \"\(image)\" is not present with pull policy of Never", component: "kubelet", host: node, fieldPath: ref)
            return
        }
        cluster.recordEvent(for: pod, reason: "Pulling", message: "Pulling image \"\(image)\"", component: "kubelet", host: node, fieldPath: ref)
        guard let info = imageInfo(image, cluster) else {
            let wait = cluster.random.double(0.8...2.0)
            cluster.schedule(after: wait) { [unowned self] cluster in self.pullFailed(rt, c, cluster) }
            return
        }
        let seconds = cached ? cluster.random.double(0.4...1.2)
            : (1.0 + Double(info.size) / 12_000_000) * cluster.random.double(0.85...1.2)
        cluster.schedule(after: seconds) { [unowned self] cluster in
            guard let pod = self.live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
            self.nodeImages[node, default: []].insert(normalized)
            let d = GoDuration.milliseconds(seconds)
            cluster.recordEvent(for: pod, reason: "Pulled", message: "Successfully pulled image \"\(image)\" in \(d) (\(d) including waiting). Image size: \(info.size) bytes.", component: "kubelet", host: node, fieldPath: ref)
            cluster.schedule(after: cluster.random.double(0.1...0.3)) { [unowned self] cluster in self.startContainer(rt, c, cluster) }
        }
    }

    private func pullFailed(_ rt: PodRuntime, _ c: Container, _ cluster: Cluster) {
        guard let pod = live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
        let node = pod.spec!.nodeName!
        let image = c.image ?? ""
        let ref = "spec.containers{\(c.name)}"
        let full = normalize(image)
        let repo = String(full[..<(full.lastIndex(of: ":") ?? full.endIndex)])
        let known = cluster.images.images.keys.contains { $0.hasPrefix(repo + ":") }
        let detail = known
            ? "rpc error: code = NotFound desc = failed to pull and unpack image \"\(full)\": failed to resolve reference \"\(full)\": \(full): not found"
            : "rpc error: code = Unknown desc = failed to pull and unpack image \"\(full)\": failed to resolve reference \"\(full)\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        let failures = (rt.pullFailures[c.name] ?? 0) + 1
        rt.pullFailures[c.name] = failures
        mutate(rt, cluster) { p in
            self.setContainer(&p, c.name) { $0.state = ContainerState(waiting: ContainerStateWaiting(reason: "ErrImagePull", message: detail)) }
        }
        cluster.recordEvent(for: pod, type: "Warning", reason: "Failed", message: "Failed to pull image \"\(image)\": \(detail)", component: "kubelet", host: node, fieldPath: ref)
        cluster.recordEvent(for: pod, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", component: "kubelet", host: node, fieldPath: ref)
        let backoff = min(10.0 * pow(2.0, Double(failures - 1)), 300)
        cluster.schedule(after: cluster.random.double(0.5...1.5)) { [unowned self] cluster in
            guard let pod = self.live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
            self.mutate(rt, cluster) { p in
                self.setContainer(&p, c.name) { $0.state = ContainerState(waiting: ContainerStateWaiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\": ErrImagePull: \(detail)")) }
            }
            cluster.recordEvent(for: pod, reason: "BackOff", message: "Back-off pulling image \"\(image)\"", component: "kubelet", host: node, fieldPath: ref)
            cluster.recordEvent(for: pod, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", component: "kubelet", host: node, fieldPath: ref)
            cluster.schedule(after: backoff) { [unowned self] cluster in self.pull(rt, c, cluster) }
        }
    }

    private func startContainer(_ rt: PodRuntime, _ c: Container, _ cluster: Cluster) {
        guard let pod = live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
        let node = pod.spec!.nodeName!
        let ref = "spec.containers{\(c.name)}"
        let info = imageInfo(c.image ?? "", cluster)!
        let program = ContainerProgram.resolve(command: c.command, args: c.args, image: info, stdin: c.stdin == true)
        let instance = rt.starts[c.name] ?? 0
        rt.starts[c.name] = instance + 1
        rt.programs[c.name] = program
        cluster.recordEvent(for: pod, reason: "Created", message: "Created container: \(c.name)", component: "kubelet", host: node, fieldPath: ref)
        cluster.recordEvent(for: pod, reason: "Started", message: "Started container \(c.name)", component: "kubelet", host: node, fieldPath: ref)
        let started = cluster.time
        let logKey = "\(rt.uid)/\(c.name)/\(instance)"
        logs[logKey] = program.output.map { LogLine(time: started.seconds + $0.at, text: $0.text == "@date" ? Self.dateLine(started.seconds + $0.at) : $0.text) }
        let containerID = "containerd://" + cluster.random.hex(64)
        let full = normalize(c.image ?? "")
        let repo = String(full[..<(full.lastIndex(of: ":") ?? full.endIndex)])
        let hasProbe = c.readinessProbe != nil
        mutate(rt, cluster) { p in
            self.setContainer(&p, c.name) { s in
                s.state = ContainerState(running: ContainerStateRunning(startedAt: started))
                // The kubelet counts the container's earlier instances: a restart counts once
                // the new container runs, not while it waits out a back-off.
                s.restartCount = instance
                s.ready = !hasProbe
                s.started = true
                s.containerID = containerID
                s.image = full
                s.imageID = "\(repo)@\(info.digest)"
            }
            if (p.status?.containerStatuses ?? []).allSatisfy({ $0.state?.running != nil || $0.state?.terminated != nil }) {
                p.status?.phase = "Running"
            }
        }
        if let probe = c.readinessProbe {
            let delay = Double(max(probe.initialDelaySeconds ?? 0, 0)) + cluster.random.double(0.2...1.0)
            cluster.schedule(after: delay) { [unowned self] cluster in
                guard self.live(rt, cluster)?.status?.containerStatuses?.first(where: { $0.name == c.name })?.containerID == containerID else { return }
                self.mutate(rt, cluster) { p in self.setContainer(&p, c.name) { $0.ready = true } }
            }
        }
        if let d = program.duration {
            cluster.schedule(after: max(d, 0.05)) { [unowned self] cluster in
                guard self.live(rt, cluster)?.status?.containerStatuses?.first(where: { $0.name == c.name })?.containerID == containerID else { return }
                self.containerExited(rt, c, code: program.exitCode, cluster)
            }
        }
    }

    static func dateLine(_ t: Double) -> String {
        let c = Time(seconds: t).utcComponents
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@ %@ %2d %02d:%02d:%02d UTC %d", days[c.weekday], months[c.month - 1], c.day, c.hour, c.minute, c.second, c.year)
    }

    // MARK: - Exit and restart

    private func containerExited(_ rt: PodRuntime, _ c: Container, code: Int, _ cluster: Cluster) {
        guard let pod = live(rt, cluster) else { return }
        let policy = pod.spec?.restartPolicy ?? "Always"
        let restart = pod.metadata.deletionTimestamp == nil && (policy == "Always" || (policy == "OnFailure" && code != 0))
        let finished = cluster.time
        mutate(rt, cluster) { p in
            self.setContainer(&p, c.name) { s in
                let startedAt = s.state?.running?.startedAt
                s.state = ContainerState(terminated: ContainerStateTerminated(exitCode: code, reason: code == 0 ? "Completed" : "Error",
                                                                              startedAt: startedAt, finishedAt: finished, containerID: s.containerID))
                s.ready = false
                s.started = false
            }
            if !restart {
                let all = p.status?.containerStatuses ?? []
                if all.allSatisfy({ $0.state?.terminated != nil }) {
                    p.status?.phase = all.allSatisfy({ $0.state?.terminated?.exitCode == 0 }) ? "Succeeded" : "Failed"
                }
            }
        }
        guard restart else { return }
        let restarts = (live(rt, cluster)?.status?.containerStatuses?.first { $0.name == c.name }?.restartCount) ?? 0
        let backoff = restarts == 0 ? 0 : min(10.0 * pow(2.0, Double(restarts - 1)), 300)
        let node = pod.spec!.nodeName!
        cluster.schedule(after: cluster.random.double(0.5...1.5)) { [unowned self] cluster in
            guard let pod = self.live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
            let podRef = "\(pod.name)_\(pod.namespace)(\(rt.uid))"
            self.mutate(rt, cluster) { p in
                self.setContainer(&p, c.name) { s in
                    s.lastState = ContainerState(terminated: s.state?.terminated)
                    if backoff > 0 {
                        s.state = ContainerState(waiting: ContainerStateWaiting(reason: "CrashLoopBackOff",
                            message: "back-off \(GoDuration.seconds(backoff)) restarting failed container=\(c.name) pod=\(podRef)"))
                    }
                }
            }
            if backoff > 0 {
                cluster.recordEvent(for: pod, type: "Warning", reason: "BackOff",
                                    message: "Back-off restarting failed container \(c.name) in pod \(pod.name)_\(pod.namespace)(\(rt.uid))",
                                    component: "kubelet", host: node, fieldPath: "spec.containers{\(c.name)}")
            }
            cluster.schedule(after: backoff) { [unowned self] cluster in
                guard let pod = self.live(rt, cluster), pod.metadata.deletionTimestamp == nil else { return }
                cluster.recordEvent(for: pod, reason: "Pulled", message: "Container image \"\(c.image ?? "")\" already present on machine",
                                    component: "kubelet", host: node, fieldPath: "spec.containers{\(c.name)}")
                self.startContainer(rt, c, cluster)
            }
        }
    }

    // MARK: - Termination

    private func terminate(_ pod: Pod, _ rt: PodRuntime, _ cluster: Cluster) {
        let grace = Double(pod.metadata.deletionGracePeriodSeconds ?? 30)
        let running = (pod.status?.containerStatuses ?? []).filter { $0.state?.running != nil }.map(\.name)
        var slowest = 0.0
        for name in running {
            cluster.recordEvent(for: pod, reason: "Killing", message: "Stopping container \(name)", component: "kubelet",
                                host: pod.spec?.nodeName, fieldPath: "spec.containers{\(name)}")
            let quick = rt.programs[name]?.exitsOnSIGTERM ?? true
            slowest = max(slowest, quick ? min(cluster.random.double(0.3...0.9), grace) : grace)
        }
        cluster.schedule(after: slowest) { [unowned self] cluster in
            let finished = cluster.time
            self.mutate(rt, cluster) { p in
                for name in running {
                    let quick = rt.programs[name]?.exitsOnSIGTERM ?? true
                    self.setContainer(&p, name) { s in
                        let code = quick ? 0 : 137
                        s.state = ContainerState(terminated: ContainerStateTerminated(exitCode: code, reason: code == 0 ? "Completed" : "Error",
                            startedAt: s.state?.running?.startedAt, finishedAt: finished, containerID: s.containerID))
                        s.ready = false
                        s.started = false
                    }
                }
            }
            // The kubelet confirms the deletion once the containers are gone.
            cluster.schedule(after: cluster.random.double(0.6...1.2)) { [unowned self] cluster in
                guard var p = self.live(rt, cluster) else { return }
                p.metadata.deletionGracePeriodSeconds = 0
                p = cluster.store.putTyped(p)
                cluster.store.remove(.pods, namespace: p.namespace, name: p.name)
            }
        }
    }

    // MARK: - Logs

    /// A container's main process ended outside the timeline (the shell of `kubectl run -it`
    /// after `exit`): handled as if its program had run out. (kubectl exec/run, helper H2)
    func mainProcessExited(_ pod: Pod, container: String, code: Int, _ cluster: Cluster) {
        guard let rt = runtimes[pod.metadata.uid ?? ""], let c = pod.spec?.containers.first(where: { $0.name == container }) else { return }
        containerExited(rt, c, code: code, cluster)
    }

    func logLines(pod: Pod, container: String, previous: Bool) -> [LogLine]? {
        guard let uid = pod.metadata.uid, let starts = runtimes[uid]?.starts[container], starts > 0 else { return nil }
        let instance = previous ? starts - 2 : starts - 1
        guard instance >= 0 else { return nil }
        return logs["\(uid)/\(container)/\(instance)"] ?? []
    }
}

/// Go's time.Duration String() for the durations events print.
enum GoDuration {
    /// Truncated to milliseconds: `2.115s`, `850ms`, `1m2.5s`.
    static func milliseconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded(.down))
        if ms < 1000 { return "\(ms)ms" }
        let minutes = ms / 60_000
        let rest = ms % 60_000
        var secs = String(rest / 1000)
        let frac = rest % 1000
        if frac > 0 {
            var f = String(frac).leftPadded(3)
            while f.hasSuffix("0") { f.removeLast() }
            secs += "." + f
        }
        return minutes > 0 ? "\(minutes)m\(secs)s" : "\(secs)s"
    }

    static func seconds(_ s: Double) -> String {
        let total = Int(s)
        if total >= 60 { return "\(total / 60)m\(total % 60)s" }
        return "\(total)s"
    }
}

extension Cluster {
    /// What `kubectl logs` reads from the node: the lines written so far by the current
    /// (or previous) instance of a container, nil if it never started.
    public func logs(pod: Pod, container: String, previous: Bool) -> [LogLine]? {
        kubelet.logLines(pod: pod, container: container, previous: previous)?.filter { $0.time <= now }
    }
}
