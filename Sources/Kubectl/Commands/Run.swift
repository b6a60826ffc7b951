import KubeAPI
import ClusterSim

enum RunCommand {
    static let flags: [FlagSpec] = [
        FlagSpec("image"), FlagSpec("restart"), FlagSpec("rm", value: false), FlagSpec("stdin", "i", value: false),
        FlagSpec("tty", "t", value: false), FlagSpec("attach", value: false), FlagSpec("command", value: false),
        FlagSpec("port"), FlagSpec("env"), FlagSpec("labels", "l"), FlagSpec("annotations"), FlagSpec("dry-run"),
        FlagSpec("output", "o"), FlagSpec("template"), FlagSpec("quiet", "q", value: false),
        FlagSpec("image-pull-policy"), FlagSpec("overrides"), FlagSpec("privileged", value: false),
        FlagSpec("pod-running-timeout"), FlagSpec("leave-stdin-open", value: false), FlagSpec("save-config", value: false),
        FlagSpec("timeout"), FlagSpec("expose", value: false), FlagSpec("show-managed-fields", value: false),
        FlagSpec("allow-missing-template-keys", value: false), FlagSpec("field-manager"), FlagSpec("filename", "f"),
    ]
}

extension Kubectl {
    /// `kubectl run NAME --image=IMAGE …` without a terminal to attach.
    func run(_ inv: inout Invocation) throws {
        _ = try runCommand(&inv, terminal: false)
    }

    /// kubectl run: validation in kubectl's order, the Pod it generates, and for attached runs
    /// (`-i`, `-t`, `--attach`) the wait for Running, the session and `--rm`'s cleanup.
    /// At a terminal (`terminal`), returns the live session of `-it`.
    func runCommand(_ inv: inout Invocation, terminal: Bool) throws -> (any ContainerSession)? {
        let f = inv.flags
        guard let image = f.string("image") else { throw KubectlError("required flag(s) \"image\" not set") }
        guard let name = f.positionals.first else { throw UsageError(message: "NAME is required for run") }
        if image.isEmpty { throw KubectlError("--image is required") }
        if image.contains(" ") || image.hasPrefix(":") || image.hasSuffix(":") || image != image.lowercased() && !image.contains("/") && image.contains(where: \.isUppercase) {
            throw KubectlError("Invalid image name \"\(image)\": invalid reference format")
        }
        let stdin = f.bool("stdin"), tty = f.bool("tty")
        let attach = f.has("attach") ? f.bool("attach") : stdin
        let dry = try DryRun.parse(f, out: &inv.out)
        if tty && !stdin { throw UsageError(message: "-i/--stdin is required for containers with -t/--tty=true") }
        if dry != .none && attach {
            throw UsageError(message: "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
        }
        if let p = f.string("image-pull-policy"), !["Always", "IfNotPresent", "Never", ""].contains(p) {
            throw KubectlError("invalid image pull policy: \(p)")
        }
        let restart = f.string("restart") ?? "Always"
        guard ["Always", "OnFailure", "Never"].contains(restart) else { throw UsageError(message: "invalid restart policy: \(restart)") }
        if f.bool("rm") && !attach { throw UsageError(message: "--rm should only be used for attached containers") }
        var port: Int? = nil
        if let p = f.string("port"), !p.isEmpty {
            guard let n = Int(p) else {
                throw UsageError(message: "invalid argument \"\(p)\" for \"--port\" flag: strconv.ParseInt: parsing \"\(p)\": invalid syntax")
            }
            port = n
        }
        if f.bool("expose") && port == nil { throw KubectlError("--port must be set when exposing a service") }
        let format = try OutputFormat.parse(f.string("output"), template: f.string("template"), tableAllowed: false)
        let json = try RunGenerator.json(name: name, image: image, flags: f, restart: restart, port: port,
                                         stdin: stdin, tty: tty)
        if dry == .client {
            if format == .table { inv.out.out("pod/\(name) created (dry run)\n") }
            else if format == .name { inv.out.out("pod/\(name)\n") }
            else { try printClientObject(json, format: format, into: &inv.out) }
            return nil
        }
        let obj = try ResourceType.pods.decode(json)
        let created = try cluster.create(obj, namespace: inv.namespace, dryRun: dry == .server)
        if !attach {
            if format == .table { inv.out.out("pod/\(name) created\(dry.suffix)\n") }
            else { try printObjects([created], format: format, into: &inv.out) }
            return nil
        }
        return try attachToRun(name: name, restart: restart, remove: f.bool("rm"), stdin: stdin, tty: tty,
                               terminal: terminal, &inv)
    }

    /// Waits for the new pod, then attaches (kubectl's handleAttachPod) and cleans up.
    private func attachToRun(name: String, restart: String, remove: Bool, stdin: Bool, tty: Bool,
                             terminal: Bool, _ inv: inout Invocation) throws -> (any ContainerSession)? {
        let ns = inv.namespace
        let timeout = inv.flags.string("pod-running-timeout").flatMap(Kubectl.parseDuration) ?? 60
        func current() -> Pod? { cluster.store.get(Pod.self, namespace: ns, name: name) }
        cluster.settle(limit: timeout) { c in
            guard let p = c.store.get(Pod.self, namespace: ns, name: name) else { return true }
            return ["Running", "Succeeded", "Failed"].contains(p.phase)
        }
        guard let pod = current(), ["Running", "Succeeded", "Failed"].contains(pod.phase) else {
            throw KubectlError("timed out waiting for the condition")
        }
        let quiet = inv.flags.bool("quiet")
        let container = pod.spec?.containers.first?.name ?? name
        let cleanup: (inout CommandOutput) -> Void = { [unowned self] out in
            guard remove else { return }
            if (try? self.cluster.delete(.pods, namespace: ns, name: name, gracePeriod: 0)) != nil {
                out.out("pod \"\(name)\" deleted\n")
            }
        }
        if pod.phase != "Running" {
            // Already finished: kubectl shows its logs instead of attaching.
            for l in cluster.logs(pod: pod, container: container, previous: false) ?? [] { inv.out.out(l.text + "\n") }
            cleanup(&inv.out)
            return nil
        }
        guard let runtime = containerRuntime else { throw KubectlError("unable to upgrade connection: no container runtime") }
        let argv = Kubectl.mainProcess(of: pod)
        let base = argv.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "sh"
        if !(["sh", "ash", "bash"].contains(base) && !argv.contains("-c")) {
            // The main process is not a shell waiting for input: it runs on its own, and what
            // it prints comes back as it finishes (or until the wait gives up).
            cluster.settle(limit: timeout) { c in
                !["Running"].contains(c.store.get(Pod.self, namespace: ns, name: name)?.phase ?? "")
            }
            let done = current() ?? pod
            for l in cluster.logs(pod: done, container: container, previous: false) ?? [] { inv.out.out(l.text + "\n") }
            cleanup(&inv.out)
            if done.phase == "Failed", restart != "Always" {
                let code = done.status?.containerStatuses?.first?.state?.terminated?.exitCode ?? 1
                inv.out.err("pod \(ns)/\(name) terminated (Error)\n")
                inv.out.exitCode = Int32(code)
            }
            return nil
        }
        if terminal && tty {
            if !quiet { inv.out.err("If you don't see a command prompt, try pressing enter.\n") }
            switch runtime.startSession(pod: pod, container: container, argv: argv, tty: true) {
            case .running(let session, let greeting):
                append(greeting, to: &inv.out)
                return KubectlAttachedSession(session) { [unowned self] code in
                    var out = CommandOutput(exitCode: 0)
                    self.cluster.mainProcessExited(namespace: ns, pod: name, container: container, exitCode: Int(code))
                    if restart == "Always" && !quiet {
                        out.out("Session ended, resume using 'kubectl attach \(name) -c \(container) -i -t' command when the pod is running\n")
                    }
                    cleanup(&out)
                    if code != 0 && restart != "Always" {
                        out.err("pod \(ns)/\(name) terminated (Error)\n")
                        out.exitCode = code
                    }
                    return out
                }
            case .finished(let result):
                try Kubectl.report(result, into: &inv.out)
                cleanup(&inv.out)
                return nil
            }
        }
        // Not a terminal: what is piped in is the process's stdin, its output comes back.
        if tty && !quiet { inv.out.err("Unable to use a TTY - input is not a terminal or the right kind of file\n") }
        let result = runtime.exec(pod: pod, container: container, argv: argv, stdin: stdin ? (inv.stdin ?? "") : nil, tty: false)
        var code: Int32 = 0
        switch result {
        case .exited(let o):
            append(o, to: &inv.out)
            code = o.exitCode
            inv.out.exitCode = 0
        case .startFailed(let message):
            inv.out.err("error: \(message)\n")
            code = 1
        }
        cluster.mainProcessExited(namespace: ns, pod: name, container: container, exitCode: Int(code))
        cleanup(&inv.out)
        if code != 0 && restart != "Always" {
            inv.out.err("pod \(ns)/\(name) terminated (Error)\n")
            inv.out.exitCode = code
        }
        return nil
    }

    /// The command line of a pod's first container: command + args, or the image's default.
    static func mainProcess(of pod: Pod) -> [String] {
        guard let c = pod.spec?.containers.first else { return ["sh"] }
        let argv = (c.command ?? []) + (c.args ?? [])
        return argv.isEmpty ? ["sh"] : argv
    }
}

/// The Pod `kubectl run` builds on the client (generator run-pod/v1).
enum RunGenerator {
    static func json(name: String, image: String, flags f: ParsedFlags, restart: String, port: Int?,
                     stdin: Bool, tty: Bool) throws -> JSONValue {
        var labels: [String: JSONValue] = ["run": .string(name)]
        if let l = f.string("labels"), !l.isEmpty {
            labels = [:]
            for pair in l.split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw KubectlError("invalid label spec: \(pair)") }
                labels[kv[0]] = .string(kv[1])
            }
        }
        var metadata: [String: JSONValue] = ["name": .string(name), "creationTimestamp": nil, "labels": .object(labels)]
        let annotations = f.strings("annotations")
        if !annotations.isEmpty {
            var a: [String: JSONValue] = [:]
            for s in annotations {
                let kv = s.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw KubectlError("invalid annotation spec: \(s)") }
                a[kv[0]] = .string(kv[1])
            }
            metadata["annotations"] = .object(a)
        }
        var c: [String: JSONValue] = ["name": .string(name), "image": .string(image), "resources": [:]]
        if let cmd = f.afterDashes, !cmd.isEmpty {
            c[f.bool("command") ? "command" : "args"] = .array(cmd.map { .string($0) })
        }
        let env = f.strings("env")
        if !env.isEmpty {
            c["env"] = .array(try env.map { s in
                let kv = s.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard kv.count == 2, !kv[0].isEmpty else { throw KubectlError("invalid env: \(s)") }
                return ["name": .string(kv[0]), "value": .string(kv[1])]
            })
        }
        if let p = port { c["ports"] = [["containerPort": .int(p)]] }
        if let p = f.string("image-pull-policy"), !p.isEmpty { c["imagePullPolicy"] = .string(p) }
        if stdin {
            c["stdin"] = true
            if !f.bool("leave-stdin-open") { c["stdinOnce"] = true }
        }
        if tty { c["tty"] = true }
        if f.bool("privileged") { c["securityContext"] = ["privileged": true] }
        return [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": .object(metadata),
            "spec": ["containers": [.object(c)], "dnsPolicy": "ClusterFirst", "restartPolicy": .string(restart)],
            "status": [:],
        ]
    }
}
