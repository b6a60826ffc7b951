import ClusterSim

/// What an image's filesystem offers a learner who execs into it: which programs exist,
/// which shell answers, and which nslookup/wget flavour prints the answers.
struct ContainerImageProfile {
    enum Family: Equatable {
        /// busybox:1.28 and older: the old nslookup applet (the one tutorials pin).
        case busyboxOld
        /// busybox 1.29+ and alpine 3.1x images: the newer nslookup.
        case busyboxNew
        /// Old alpine (musl) with busybox 1.2x, e.g. ikubernetes/myapp: old nslookup whose
        /// server line musl cannot reverse-resolve.
        case alpineMusl
        /// Debian-based images (nginx, httpd, ubuntu…): bash and dash, no network tools.
        case debian
    }

    let family: Family
    let programs: Set<String>
    /// Where the web server's pages live (nginx-style images), if any.
    let webRoot: String?
    /// The page nginx serves out of the box.
    let indexPage: String?

    var isBusybox: Bool { family != .debian }

    /// Whether `/bin/X`, `X`… is a program of the image.
    func has(_ argv0: String) -> Bool {
        let base = argv0.split(separator: "/").last.map(String.init) ?? argv0
        return programs.contains(base)
    }

    static let coreutils: Set<String> = [
        "sh", "cat", "ls", "echo", "env", "hostname", "sleep", "mkdir", "rm", "rmdir", "touch", "cp", "mv",
        "grep", "egrep", "fgrep", "sed", "awk", "head", "tail", "wc", "sort", "uniq", "cut", "tr", "tee", "date",
        "id", "whoami", "uname", "pwd", "true", "false", "test", "[", "printf", "seq", "basename", "dirname",
        "find", "xargs", "chmod", "kill", "base64", "yes", "tac", "paste", "clear", "timeout", "nohup", "which",
    ]

    static let busyboxExtras: Set<String> = [
        "ash", "nslookup", "wget", "ps", "ping", "vi", "less", "more", "watch", "nc", "telnet", "ip", "ifconfig",
        "netstat", "top", "df", "du", "free", "mount", "uptime", "traceroute", "route", "dmesg",
    ]

    static func forImage(_ image: String) -> ContainerImageProfile {
        let ref = ImageCatalog.normalize(image)
        let repo = String(ref[..<(ref.lastIndex(of: ":") ?? ref.endIndex)])
        let tag = ref.lastIndex(of: ":").map { String(ref[ref.index(after: $0)...]) } ?? "latest"
        let busybox = coreutils.union(busyboxExtras)
        let nginxRoot = "/usr/share/nginx/html"
        switch repo {
        case "docker.io/library/busybox", "registry.k8s.io/busybox":
            let old = repo.hasPrefix("registry.k8s.io") || tag.hasPrefix("1.2") || tag.hasPrefix("1.1")
            return ContainerImageProfile(family: old ? .busyboxOld : .busyboxNew, programs: busybox, webRoot: nil, indexPage: nil)
        case "docker.io/ikubernetes/myapp":
            return ContainerImageProfile(family: .alpineMusl, programs: busybox.union(["nginx"]), webRoot: nginxRoot,
                                         indexPage: Cluster.defaultIndexPage(forImage: image))
        case "docker.io/library/alpine":
            return ContainerImageProfile(family: .busyboxNew, programs: busybox, webRoot: nil, indexPage: nil)
        case "docker.io/library/nginx" where tag.contains("alpine"):
            return ContainerImageProfile(family: .busyboxNew, programs: busybox.union(["nginx", "curl"]), webRoot: nginxRoot,
                                         indexPage: Cluster.defaultIndexPage(forImage: image))
        case "docker.io/library/nginx", "registry.k8s.io/nginx-slim":
            return ContainerImageProfile(family: .debian, programs: coreutils.union(["bash", "nginx", "more"]),
                                         webRoot: nginxRoot, indexPage: Cluster.defaultIndexPage(forImage: image))
        default:
            return ContainerImageProfile(family: .debian, programs: coreutils.union(["bash", "more"]), webRoot: nil, indexPage: nil)
        }
    }
}
