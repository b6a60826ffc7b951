import KubeAPI

/// The STATUS / READY / RESTARTS cells of a pod, as the apiserver's printPod computes them.
public enum PodPrinting {
    public static func status(_ pod: Pod) -> String {
        let st = pod.status ?? PodStatus()
        var reason = st.phase ?? "Pending"
        if let r = st.reason, !r.isEmpty { reason = r }
        if let c = st.condition("PodScheduled"), c.reason == "SchedulingGated" { reason = "SchedulingGated" }

        var initializing = false
        let inits = st.initContainerStatuses ?? []
        let initCount = pod.spec?.initContainers?.count ?? 0
        for (i, c) in inits.enumerated() {
            if let t = c.state?.terminated, t.exitCode == 0 { continue }
            if let t = c.state?.terminated {
                if let r = t.reason, !r.isEmpty { reason = "Init:" + r }
                else if let s = t.signal, s != 0 { reason = "Init:Signal:\(s)" }
                else { reason = "Init:ExitCode:\(t.exitCode)" }
            } else if let w = c.state?.waiting, let r = w.reason, !r.isEmpty, r != "PodInitializing" {
                reason = "Init:" + r
            } else {
                reason = "Init:\(i)/\(initCount)"
            }
            initializing = true
            break
        }
        if !initializing || st.condition("Initialized")?.status == "True" {
            var hasRunning = false
            for c in (st.containerStatuses ?? []).reversed() {
                if let w = c.state?.waiting, let r = w.reason, !r.isEmpty {
                    reason = r
                } else if let t = c.state?.terminated {
                    if let r = t.reason, !r.isEmpty { reason = r }
                    else if let s = t.signal, s != 0 { reason = "Signal:\(s)" }
                    else { reason = "ExitCode:\(t.exitCode)" }
                } else if c.ready, c.state?.running != nil {
                    hasRunning = true
                }
            }
            if reason == "Completed" && hasRunning {
                reason = pod.isReady ? "Running" : "NotReady"
            }
        }
        if pod.metadata.deletionTimestamp != nil {
            if st.reason == "NodeLost" { reason = "Unknown" }
            else if !["Succeeded", "Failed"].contains(st.phase ?? "") { reason = "Terminating" }
        }
        return reason
    }

    public static func ready(_ pod: Pod) -> String {
        let total = pod.spec?.containers.count ?? 0
        let ready = (pod.status?.containerStatuses ?? []).filter { $0.ready && $0.state?.running != nil }.count
        return "\(ready)/\(total)"
    }

    public static func restarts(_ pod: Pod, now: Double) -> String {
        let initializing = PodPrinting.status(pod).hasPrefix("Init:")
        let statuses = initializing ? (pod.status?.initContainerStatuses ?? []) : (pod.status?.containerStatuses ?? [])
        let n = statuses.reduce(0) { $0 + $1.restartCount }
        guard n > 0 else { return "0" }
        let last = statuses.compactMap { $0.lastState?.terminated?.finishedAt?.seconds }.max()
        guard let l = last else { return String(n) }
        return "\(n) (\(HumanDuration.format(seconds: now - l)) ago)"
    }
}

