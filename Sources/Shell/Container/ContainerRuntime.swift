import KubeAPI
import ClusterSim
import Kubectl

/// The container runtime of the course machine: every running container gets its own
/// filesystem (built from its image and pod), and processes run in it with the shell
/// module's own interpreter behind a container host (busybox or Debian programs).
///
/// Volumes: files under a mount backed by a PersistentVolumeClaim live in `volumes`, keyed by
/// the bound PV (or the claim), so they outlive the pod; emptyDir lives as long as the pod
/// (keyed by pod uid); the rest of the filesystem lives as long as the container instance.
public final class SimulatedContainerRuntime: ContainerRuntime, ContainerFileSource {
    let cluster: Cluster
    /// Container filesystems by `podUID/container/containerID` (a restart gets a fresh one).
    private var filesystems: [String: VirtualFS] = [:]
    /// Volume contents by volume key: absolute-in-volume path → file contents ("" key set for dirs).
    var volumes: [String: VolumeContents] = [:]

    public init(cluster: Cluster) { self.cluster = cluster }

    struct VolumeContents {
        var files: [String: String] = [:]
        var directories: Set<String> = []
    }

    // MARK: ContainerRuntime

    public func exec(pod: Pod, container: String, argv: [String], stdin: String?, tty: Bool) -> ContainerExecResult {
        guard let ctx = context(pod: pod, container: container) else { return .startFailed(notFound(container)) }
        guard let first = argv.first, ctx.profile.has(first) else {
            return .startFailed(ociNotFound(argv.first ?? ""))
        }
        let shell = ContainerShell(context: ctx, interactive: false, tty: tty)
        return .exited(shell.run(argv: argv, stdin: stdin))
    }

    public func startSession(pod: Pod, container: String, argv: [String], tty: Bool) -> ContainerSessionStart {
        guard let ctx = context(pod: pod, container: container) else { return .finished(.startFailed(notFound(container))) }
        guard let first = argv.first, ctx.profile.has(first) else {
            return .finished(.startFailed(ociNotFound(argv.first ?? "")))
        }
        let base = first.split(separator: "/").last.map(String.init) ?? first
        let isShell = ["sh", "ash", "bash"].contains(base) && !argv.dropFirst().contains("-c")
        guard isShell else {
            let shell = ContainerShell(context: ctx, interactive: false, tty: tty)
            return .finished(.exited(shell.run(argv: argv, stdin: nil)))
        }
        let flavor: ContainerShell.Flavor = ctx.profile.isBusybox ? .busybox : (base == "bash" ? .bash : .dash)
        let shell = ContainerShell(context: ctx, interactive: true, tty: tty, flavor: flavor)
        return .running(shell, greeting: CommandOutput())
    }

    // MARK: ContainerFileSource

    public func containerFile(pod: Pod, container: String, path: String) -> ContainerFile? {
        guard let ctx = context(pod: pod, container: container) else { return nil }
        for m in ctx.mounts { mountIn(ctx.fs, path: m.path, key: m.key) }
        if ctx.fs.isDirectory(path) { return .directory }
        if let text = ctx.fs.readFile(path) { return .file(text) }
        return .missing
    }

    // MARK: Internals

    private func notFound(_ container: String) -> String {
        "unable to upgrade connection: container not found (\"\(container)\")"
    }

    /// containerd + runc's answer when the executable is missing from the image.
    private func ociNotFound(_ program: String) -> String {
        let id = cluster.random.hex(64)
        return "Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \"\(id)\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"\(program)\": executable file not found in $PATH: unknown"
    }

    /// Everything a process in this container sees.
    func context(pod: Pod, container: String) -> ContainerContext? {
        guard let spec = pod.spec, let c = (spec.containers + (spec.initContainers ?? [])).first(where: { $0.name == container }),
              let uid = pod.metadata.uid else { return nil }
        let status = pod.status?.containerStatuses?.first { $0.name == container }
        let key = "\(uid)/\(container)/\(status?.containerID ?? "")"
        let profile = ContainerImageProfile.forImage(c.image ?? "")
        let fs: VirtualFS
        if let existing = filesystems[key] {
            fs = existing
        } else {
            // A new container: forget those of pods that are gone (their files go with them).
            let live = Set(cluster.store.list(Pod.self).compactMap { $0.metadata.uid })
            filesystems = filesystems.filter { live.contains(String($0.key.prefix { $0 != "/" })) }
            volumes = volumes.filter { !$0.key.hasPrefix("emptydir:") || live.contains(String($0.key.dropFirst(9).prefix { $0 != "/" })) }
            fs = makeFilesystem(pod: pod, container: c, profile: profile)
            filesystems[key] = fs
        }
        return ContainerContext(runtime: self, cluster: cluster, pod: pod, container: c, profile: profile, fs: fs,
                                mounts: mounts(pod: pod, container: c))
    }

    /// The image's files plus what the kubelet adds (/etc/hosts, resolv.conf, hostname).
    private func makeFilesystem(pod: Pod, container c: Container, profile: ContainerImageProfile) -> VirtualFS {
        let now = cluster.now
        let fs = VirtualFS(directories: ["/bin", "/etc", "/home", "/proc", "/sys", "/usr", "/var", "/var/run"],
                           clock: { [unowned cluster] in cluster.now })
        _ = now
        let hostname = pod.spec?.hostname ?? pod.name
        let ns = pod.namespace
        try? fs.writeFile("/etc/resolv.conf", contents: cluster.resolvConf(forNamespace: ns))
        try? fs.writeFile("/etc/hostname", contents: hostname + "\n")
        try? fs.writeFile("/etc/hosts", contents: hostsFile(pod: pod))
        if let root = profile.webRoot {
            try? fs.createDirectory(root, parents: true)
            if let page = profile.indexPage { try? fs.writeFile(root + "/index.html", contents: page) }
            if profile.family == .alpineMusl { try? fs.writeFile(root + "/hostname.html", contents: hostname + "\n") }
            if profile.family == .debian {
                try? fs.writeFile(root + "/50x.html", contents: "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n")
            }
        }
        try? fs.changeDirectory(c.workingDir ?? "/")
        return fs
    }

    /// The kubelet-managed /etc/hosts.
    private func hostsFile(pod: Pod) -> String {
        var s = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
        if let ip = pod.status?.podIP {
            let hostname = pod.spec?.hostname ?? pod.name
            if let sub = pod.spec?.subdomain, !sub.isEmpty {
                s += "\(ip)\t\(hostname).\(sub).\(pod.namespace).svc.\(Cluster.clusterDomain)\t\(hostname)\n"
            } else {
                s += "\(ip)\t\(hostname)\n"
            }
        }
        return s
    }

    /// The container's volume mounts that share files beyond it: mount path → volume key.
    private func mounts(pod: Pod, container c: Container) -> [(path: String, key: String)] {
        var out: [(String, String)] = []
        for m in c.volumeMounts ?? [] {
            guard let v = pod.spec?.volumes?.first(where: { $0.name == m.name }) else { continue }
            var key: String
            if let claim = v.persistentVolumeClaim {
                let pvc = cluster.store.get(PersistentVolumeClaim.self, namespace: pod.namespace, name: claim.claimName)
                if let pv = pvc?.spec?.volumeName, !pv.isEmpty { key = "pv:" + pv } else { key = "pvc:\(pod.namespace)/\(claim.claimName)" }
            } else if v.emptyDir != nil {
                key = "emptydir:\(pod.metadata.uid ?? "")/\(v.name)"
            } else {
                continue
            }
            if let sub = m.subPath, !sub.isEmpty { key += "/" + sub }
            out.append((VirtualFS.components(of: m.mountPath, base: []).reduce("") { $0 + "/" + $1 }, key))
        }
        return out
    }

    /// Copies a volume's files into the container at its mount (hiding the image's files there).
    func mountIn(_ fs: VirtualFS, path: String, key: String) {
        if fs.exists(path) { try? fs.remove(path, recursive: true) }
        try? fs.createDirectory(path, parents: true)
        let v = volumes[key] ?? VolumeContents()
        for d in v.directories.sorted() { try? fs.createDirectory(path + d, parents: true) }
        for (p, text) in v.files.sorted(by: { $0.key < $1.key }) {
            try? fs.createDirectory(VirtualFS.dirname(path + p), parents: true)
            try? fs.writeFile(path + p, contents: text)
        }
    }

    /// Copies what is under the mount back into the volume.
    func mountOut(_ fs: VirtualFS, path: String, key: String) {
        var v = VolumeContents()
        let prefix = path + "/"
        for p in fs.allPaths where p.hasPrefix(prefix) {
            let rel = String(p.dropFirst(path.count))
            if fs.isDirectory(p) { v.directories.insert(rel) } else if let text = fs.readFile(p) { v.files[rel] = text }
        }
        volumes[key] = v
    }
}

/// A process's view of its container.
struct ContainerContext {
    unowned let runtime: SimulatedContainerRuntime
    let cluster: Cluster
    let pod: Pod
    let container: Container
    let profile: ContainerImageProfile
    let fs: VirtualFS
    let mounts: [(path: String, key: String)]

    var hostname: String { pod.spec?.hostname ?? pod.name }

    /// The environment the runtime gives a process: PATH and HOSTNAME, the container's env,
    /// the service links the kubelet added when the container started.
    func environment(tty: Bool) -> [(String, String)] {
        var env: [(String, String)] = [
            ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            ("HOSTNAME", hostname),
        ]
        if tty { env.append(("TERM", "xterm")) }
        for e in container.env ?? [] where e.value != nil || e.valueFrom == nil {
            env.append((e.name, e.value ?? ""))
        }
        env += serviceLinks()
        if profile.family == .debian && profile.webRoot != nil {
            env.append(("NGINX_VERSION", nginxVersion))
        }
        env.append(("HOME", "/root"))
        return env
    }

    private var nginxVersion: String {
        let image = container.image ?? ""
        let tag = image.split(separator: ":").last.map(String.init) ?? "1.27.3"
        let v = tag.filter { $0.isNumber || $0 == "." }
        return v.isEmpty ? "1.27.3" : (v.split(separator: ".").count == 2 ? v + ".0" : v)
    }

    /// `{SVC}_SERVICE_HOST`, `{SVC}_PORT_…` for services of the pod's namespace (and the
    /// `kubernetes` service) that existed when the container started.
    func serviceLinks() -> [(String, String)] {
        let started = pod.status?.containerStatuses?.first { $0.name == container.name }?.state?.running?.startedAt?.seconds
            ?? cluster.now
        var services = cluster.store.list(Service.self, namespace: pod.namespace)
        if pod.namespace != "default", let k = cluster.store.get(Service.self, namespace: "default", name: "kubernetes") {
            services.append(k)
        }
        var out: [(String, String)] = []
        for svc in services.sorted(by: { $0.name < $1.name }) {
            guard (svc.metadata.creationTimestamp?.seconds ?? 0) <= started,
                  let ip = svc.spec?.clusterIP, ip != "None", !ip.isEmpty, let ports = svc.spec?.ports, let first = ports.first else { continue }
            let prefix = svc.name.uppercased().replacingOccurrences(of: "-", with: "_")
            out.append(("\(prefix)_SERVICE_HOST", ip))
            out.append(("\(prefix)_SERVICE_PORT", "\(first.port)"))
            for p in ports {
                if let n = p.name, !n.isEmpty {
                    out.append(("\(prefix)_SERVICE_PORT_\(n.uppercased().replacingOccurrences(of: "-", with: "_"))", "\(p.port)"))
                }
            }
            let proto = (first.protocol ?? "TCP").lowercased()
            out.append(("\(prefix)_PORT", "\(proto)://\(ip):\(first.port)"))
            for p in ports {
                let pr = (p.protocol ?? "TCP")
                let base = "\(prefix)_PORT_\(p.port)_\(pr.uppercased())"
                out.append((base, "\(pr.lowercased())://\(ip):\(p.port)"))
                out.append((base + "_PROTO", pr.lowercased()))
                out.append((base + "_PORT", "\(p.port)"))
                out.append((base + "_ADDR", ip))
            }
        }
        return out
    }
}
