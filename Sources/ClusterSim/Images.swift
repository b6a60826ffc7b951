/// What a registry would answer for an image, and how its default process behaves.
public struct ImageInfo: Sendable, Equatable {
    /// Compressed size in bytes: drives pull time and the `Pulled` event text.
    public var size: Int
    /// What the image runs with no command given.
    public var defaultProgram: [String]
    /// Whether PID 1 exits promptly on SIGTERM (nginx does; `sleep` under busybox sh does not,
    /// so such pods stay Terminating for the whole grace period).
    public var exitsOnSIGTERM: Bool
    /// The digest the runtime reports in imageID.
    public var digest: String

    public init(size: Int, defaultProgram: [String], exitsOnSIGTERM: Bool = true, digest: String) {
        self.size = size; self.defaultProgram = defaultProgram; self.exitsOnSIGTERM = exitsOnSIGTERM; self.digest = digest
    }
}

/// The registry: which repositories and tags exist. Unknown ones fail to pull the way
/// containerd reports a missing reference.
public struct ImageCatalog: Sendable {
    public var images: [String: ImageInfo]

    /// `nginx` → `docker.io/library/nginx:latest`; `registry.k8s.io/pause:3.10` stays.
    public static func normalize(_ image: String) -> String {
        var name = image
        var tag = ""
        if let at = name.firstIndex(of: "@") { return String(name[..<at]).contains("/") ? image : "docker.io/library/" + image }
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") {
            tag = String(name[name.index(after: colon)...])
            name = String(name[..<colon])
        }
        if tag.isEmpty { tag = "latest" }
        let first = name.split(separator: "/").first.map(String.init) ?? name
        if !name.contains("/") { name = "docker.io/library/" + name }
        else if !(first.contains(".") || first.contains(":") || first == "localhost") { name = "docker.io/" + name }
        return "\(name):\(tag)"
    }

    public func lookup(_ image: String) -> ImageInfo? { images[ImageCatalog.normalize(image)] }

    static func digest(_ seed: String) -> String {
        var h: UInt64 = 1469598103934665603
        var out = "sha256:"
        for i in 0..<4 {
            for b in (seed + String(i)).utf8 { h ^= UInt64(b); h = h &* 1099511628211 }
            out += String(h, radix: 16).leftPadded(16)
        }
        return out
    }

    public static let standard: ImageCatalog = {
        var m: [String: ImageInfo] = [:]
        func add(_ name: String, _ mb: Double, _ program: [String], sigterm: Bool = true) {
            m[normalize(name)] = ImageInfo(size: Int(mb * 1_048_576), defaultProgram: program, exitsOnSIGTERM: sigterm, digest: digest(name))
        }
        let web = ["nginx", "-g", "daemon off;"]
        for tag in ["1.14", "1.14.2", "1.15", "1.15.4", "1.16", "1.16.1", "1.17", "1.18", "1.18.0", "1.19", "1.20", "1.21",
                    "1.22", "1.23", "1.24", "1.25", "1.25.3", "1.26", "1.27", "1.27.3", "latest", "alpine", "stable"] {
            add("nginx:\(tag)", tag.hasPrefix("1.14") ? 42.6 : 53.5, web)
        }
        for tag in ["1.28", "1.28.4", "1.31", "1.34", "1.35", "1.36", "1.36.1", "1.37", "latest", "stable"] {
            add("busybox:\(tag)", tag.hasPrefix("1.28") ? 0.7 : 2.1, ["sh"], sigterm: false)
        }
        add("ikubernetes/myapp:v1", 6.0, web)
        add("ikubernetes/myapp:v2", 6.0, web)
        add("alpine", 3.4, ["/bin/sh"], sigterm: false)
        add("alpine:3.19", 3.4, ["/bin/sh"], sigterm: false)
        add("alpine:3.20", 3.5, ["/bin/sh"], sigterm: false)
        add("ubuntu", 28.2, ["/bin/bash"], sigterm: false)
        add("perl:5.34.0", 336.0, ["perl", "-de0"], sigterm: false)
        add("perl", 336.0, ["perl", "-de0"], sigterm: false)
        add("httpd", 54.0, ["httpd-foreground"])
        add("httpd:2.4", 54.0, ["httpd-foreground"])
        add("redis", 40.0, ["redis-server"])
        add("redis:7", 40.0, ["redis-server"])
        add("mysql:5.7", 137.0, ["mysqld"])
        add("mysql:8.0", 160.0, ["mysqld"])
        add("registry.k8s.io/nginx-slim:0.8", 50.0, web)
        add("registry.k8s.io/nginx-slim:0.21", 50.0, web)
        add("registry.k8s.io/nginx-slim:0.24", 50.0, web)
        add("registry.k8s.io/busybox", 1.1, ["sh"], sigterm: false)
        add("registry.k8s.io/hpa-example", 180.0, ["apache2-foreground"])
        add("registry.k8s.io/echoserver:1.10", 40.0, ["nginx"])
        add("registry.k8s.io/e2e-test-images/agnhost:2.39", 50.0, ["/agnhost", "pause"])
        add("gcr.io/google-samples/hello-app:1.0", 11.0, ["/hello-app"])
        add("gcr.io/google-samples/hello-app:2.0", 11.0, ["/hello-app"])
        add("quay.io/fluentd_elasticsearch/fluentd:v2.5.2", 140.0, ["/run.sh"])
        add("k8s.gcr.io/pause:3.2", 0.3, ["/pause"])
        add("registry.k8s.io/pause:3.10", 0.3, ["/pause"])
        add("registry.k8s.io/coredns/coredns:v1.11.3", 16.0, ["/coredns"])
        add("registry.k8s.io/etcd:3.5.16-0", 57.0, ["etcd"])
        add("registry.k8s.io/kube-apiserver:v1.32.4", 28.0, ["kube-apiserver"])
        add("registry.k8s.io/kube-controller-manager:v1.32.4", 26.0, ["kube-controller-manager"])
        add("registry.k8s.io/kube-scheduler:v1.32.4", 20.0, ["kube-scheduler"])
        add("registry.k8s.io/kube-proxy:v1.32.4", 31.0, ["/usr/local/bin/kube-proxy"])
        add("docker.io/flannel/flannel:v0.26.1", 32.0, ["/opt/bin/flanneld"])
        add("quay.io/external_storage/nfs-client-provisioner:latest", 16.0, ["/nfs-client-provisioner"])
        return ImageCatalog(images: m)
    }()
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
