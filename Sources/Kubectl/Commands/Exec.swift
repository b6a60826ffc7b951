import KubeAPI
import ClusterSim

enum ExecCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("container", "c"), FlagSpec("stdin", "i", value: false), FlagSpec("tty", "t", value: false),
        FlagSpec("quiet", "q", value: false), FlagSpec("filename", "f"), FlagSpec("pod-running-timeout"),
    ]
}

extension Kubectl {
    /// What an exec request resolved to: the pod, the container and the command.
    struct ExecTarget {
        let pod: Pod
        let container: String
        let argv: [String]
    }

    /// `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args…]`, not attached
    /// to a terminal: the command runs to completion and its output is printed.
    func exec(_ inv: inout Invocation) throws {
        let target = try execTarget(&inv)
        guard let runtime = containerRuntime else { throw KubectlError("unable to upgrade connection: no container runtime") }
        let tty = inv.flags.bool("tty") && inv.flags.bool("stdin")
        if tty && inv.stdin != nil && !inv.flags.bool("quiet") {
            // stdin is a pipe or a file: kubectl falls back to a plain stream, and says so.
            inv.out.err("Unable to use a TTY - input is not a terminal or the right kind of file\n")
        }
        let stdin = inv.flags.bool("stdin") ? inv.stdin : nil
        let result = runtime.exec(pod: target.pod, container: target.container, argv: target.argv, stdin: stdin, tty: false)
        try Kubectl.report(result, into: &inv.out)
    }

    /// `kubectl exec -it …` at a terminal: the session, or nil when the process already ended
    /// (its output is then in `inv.out`).
    func execInteractive(_ inv: inout Invocation) throws -> (any ContainerSession)? {
        let target = try execTarget(&inv)
        guard let runtime = containerRuntime else { throw KubectlError("unable to upgrade connection: no container runtime") }
        let tty = inv.flags.bool("tty") && inv.flags.bool("stdin")
        switch runtime.startSession(pod: target.pod, container: target.container, argv: target.argv, tty: tty) {
        case .running(let session, let greeting):
            append(greeting, to: &inv.out)
            return KubectlAttachedSession(session) { code in
                var out = CommandOutput(exitCode: code)
                if code != 0 { out.err("command terminated with exit code \(code)\n") }
                return out
            }
        case .finished(let result):
            try Kubectl.report(result, into: &inv.out)
            return nil
        }
    }

    /// Prints a finished process's output the way kubectl exec ends.
    static func report(_ result: ContainerExecResult, into out: inout CommandOutput) throws {
        switch result {
        case .exited(let o):
            for c in o.chunks {
                if c.stream == .stdout { out.out(c.text) } else { out.err(c.text) }
            }
            if o.exitCode != 0 {
                out.err("command terminated with exit code \(o.exitCode)\n")
                out.exitCode = o.exitCode
            }
        case .startFailed(let message):
            throw KubectlError(message)
        }
    }

    func append(_ o: CommandOutput, to out: inout CommandOutput) {
        for c in o.chunks {
            if c.stream == .stdout { out.out(c.text) } else { out.err(c.text) }
        }
    }

    /// The argument checks of kubectl exec (in its order), then the apiserver's and the
    /// kubelet's: pod found, not completed, scheduled, container known and running.
    func execTarget(_ inv: inout Invocation) throws -> ExecTarget {
        let f = inv.flags
        guard let name = f.positionals.first else {
            throw KubectlError("pod, type/name or --filename must be specified")
        }
        let argv: [String]
        if let cmd = f.afterDashes {
            argv = cmd
        } else if f.positionals.count > 1 {
            // kubectl 1.31+ no longer accepts the old `exec POD COMMAND` form (the seed's
            // kubectl printed a deprecation warning and ran it).
            throw UsageError(message: "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead")
        } else {
            argv = []
        }
        guard !argv.isEmpty else { throw KubectlError("you must specify at least one command for the container") }
        let pod = try execPod(name, &inv)
        if pod.phase == "Succeeded" || pod.phase == "Failed" {
            throw KubectlError("cannot exec into a container in a completed pod; current phase is \(pod.phase)")
        }
        let containers = pod.spec?.containers.map(\.name) ?? []
        let container: String
        if let c = f.string("container"), !c.isEmpty {
            container = c
        } else {
            guard let first = containers.first else { throw KubectlError("pod \(pod.name) has no containers") }
            container = first
            let inits = (pod.spec?.initContainers ?? []).map { "\($0.name) (init)" }
            if containers.count + inits.count > 1 && !f.bool("quiet") {
                inv.out.err("Defaulted container \"\(first)\" out of: \((containers + inits).joined(separator: ", "))\n")
            }
        }
        let known = containers + (pod.spec?.initContainers ?? []).map(\.name)
        guard known.contains(container) else {
            throw APIError(reason: "BadRequest", message: "container \(container) is not valid for pod \(pod.name)", code: 400)
        }
        guard pod.spec?.nodeName != nil else {
            throw APIError(reason: "BadRequest", message: "pod \(pod.name) does not have a host assigned", code: 400)
        }
        let status = (pod.status?.containerStatuses ?? []).first { $0.name == container }
        guard status?.state?.running != nil else {
            throw KubectlError("unable to upgrade connection: container not found (\"\(container)\")")
        }
        return ExecTarget(pod: pod, container: container, argv: argv)
    }

    /// POD or TYPE/NAME (a controller: its first pod, as kubectl's attachable-pod lookup picks).
    func execPod(_ target: String, _ inv: inout Invocation) throws -> Pod {
        if !target.contains("/") {
            guard let pod = try cluster.get(.pods, namespace: inv.namespace, name: target) as? Pod else {
                throw APIError.notFound(.pods, target)
            }
            return pod
        }
        let refs = try resourceRefs([target])
        let obj = try cluster.get(refs[0].type, namespace: namespaceFor(refs[0].type, inv), name: refs[0].name ?? "")
        if let p = obj as? Pod { return p }
        let sel: LabelSelector? = (obj as? any PodTemplateOwner)?.podSelector
        let pods = cluster.list(.pods, namespace: inv.namespace).compactMap { $0 as? Pod }
            .filter { sel?.matches($0.metadata.labels) == true }
            .sorted { ($0.metadata.creationTimestamp?.seconds ?? 0) < ($1.metadata.creationTimestamp?.seconds ?? 0) }
        guard let first = pods.first else { throw KubectlError("timed out waiting for the condition") }
        return first
    }
}
