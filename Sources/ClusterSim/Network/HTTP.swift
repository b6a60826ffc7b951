import KubeAPI

public enum HTTPResult: Sendable, Equatable {
    /// headers as "Name: value" lines in order.
    case response(status: Int, reason: String, headers: [String], body: String)
    /// IP reachable but nothing listening / service without endpoints (kube-proxy REJECT).
    case connectionRefused
    case timedOut
    /// DNS failure.
    case unknownHost
}

extension Cluster {
    /// An HTTP GET made from inside `fromPod` (nil: from a node) to host:port+path. host may be
    /// a DNS name (resolved as from the pod's namespace), a ClusterIP, a pod IP or a node IP
    /// (NodePort). The serving container's image decides the answer and writes its access log.
    /// `userAgent`: busybox wget sends `Wget`, CentOS 7's curl `curl/7.29.0`.
    public func httpGet(host: String, port: Int, path: String, fromPod: Pod?, userAgent: String = "Wget") -> HTTPResult {
        let path = path.isEmpty ? "/" : path
        guard let ip = resolveHost(host, fromPod: fromPod) else { return .unknownHost }
        guard let (pod, targetPort) = route(to: ip, port: port, fromPod: fromPod) else {
            return connectTarget(ip) ? .connectionRefused : .timedOut
        }
        guard let pod, let container = servingContainer(pod, port: targetPort) else { return .connectionRefused }
        let image = container.image ?? ""
        guard let server = WebServer.forImage(image) else { return .connectionRefused }
        let files = containerFiles
        let (status, reason, type, body, lastModified) =
            server.respondFromFiles(path: path, pod: pod) { files?.containerFile(pod: pod, container: container.name, path: $0) }
            ?? server.respond(path: path, pod: pod)
        let size = body.utf8.count
        var headers = ["Server: \(server.banner)", "Date: \(Cluster.httpDate(now))", "Content-Type: \(type)",
                       "Content-Length: \(size)"]
        if let lm = lastModified {
            headers.append("Last-Modified: \(Cluster.httpDate(lm))")
            headers.append("Connection: close")
            headers.append("ETag: \"\(String(Int(lm), radix: 16))-\(String(size, radix: 16))\"")
            headers.append("Accept-Ranges: bytes")
        } else {
            headers.append("Connection: close")
        }
        let client = clientIP(fromPod: fromPod, toPod: pod)
        if status == 404, server.isNginx {
            // nginx reports the missing file in its error log (stderr) before the access line.
            let served = (logs(pod: pod, container: container.name, previous: false) ?? []).filter { $0.text.contains("\" HTTP/1.1\"") }.count
            let file = String(path.prefix { $0 != "?" })
            let hostHeader = port == 80 ? host : "\(host):\(port)"
            appendAccessLog(pod: pod, container: container.name,
                            line: "\(Cluster.nginxErrorTime(now)) [error] 6#6: *\(served + 1) open() \"/usr/share/nginx/html\(file)\" failed (2: No such file or directory), client: \(client), server: localhost, request: \"GET \(path) HTTP/1.1\", host: \"\(hostHeader)\"")
        }
        appendAccessLog(pod: pod, container: container.name,
                        line: "\(client) - - [\(Cluster.nginxLogTime(now))] \"GET \(path) HTTP/1.1\" \(status) \(size) \"-\" \"\(userAgent)\" \"-\"")
        return .response(status: status, reason: reason, headers: headers, body: body)
    }

    /// A name or dotted IP to an IP: the pod's cluster DNS, or a node's /etc/hosts (node names only).
    func resolveHost(_ host: String, fromPod: Pod?) -> String? {
        if IPv4.parse(host) != nil { return host }
        if let pod = fromPod, pod.spec?.hostNetwork != true {
            if case .found(_, let records) = resolve(host, fromNamespace: pod.namespace), let first = records.first { return first.ip }
            return nil
        }
        let bare = host.hasSuffix(".") ? String(host.dropLast()) : host
        if bare == "localhost" { return "127.0.0.1" }
        return store.get(Node.self, namespace: "", name: bare)?.internalIP
    }

    /// Where kube-proxy's rules (or plain routing) send a connection: the pod and port that
    /// receive it. nil: nothing handles that address:port; an inner nil pod: refused.
    func route(to ip: String, port: Int, fromPod: Pod?) -> (Pod?, Int)? {
        let services = store.list(Service.self)
        if let svc = services.first(where: { $0.virtualIP == ip }) {
            guard let idx = (svc.spec?.ports ?? []).firstIndex(where: { $0.port == port && ($0.protocol ?? "TCP") == "TCP" }) else { return nil }
            return pickBackend(svc, portIndex: idx, client: fromPod?.status?.podIP)
        }
        if let node = store.list(Node.self).first(where: { $0.internalIP == ip }) {
            _ = node
            for svc in services where svc.serviceType == "NodePort" || svc.serviceType == "LoadBalancer" {
                if let idx = (svc.spec?.ports ?? []).firstIndex(where: { $0.nodePort == port && ($0.protocol ?? "TCP") == "TCP" }) {
                    return pickBackend(svc, portIndex: idx, client: fromPod?.status?.podIP)
                }
            }
            // Host-network pods (the control plane's) listen on the node's own address.
            return (nil, port)
        }
        if let pod = store.list(Pod.self).first(where: { $0.status?.podIP == ip && $0.spec?.hostNetwork != true }) {
            return (pod, port)
        }
        return nil
    }

    /// kube-proxy's choice among ready endpoints: random (iptables statistic mode), or by
    /// client address with sessionAffinity ClientIP. No endpoint: REJECT, i.e. refused.
    func pickBackend(_ svc: Service, portIndex: Int, client: String?) -> (Pod?, Int) {
        guard let backends = ServiceBackends(svc, in: self) else { return (nil, 0) }
        let ready = backends.backends.filter { $0.ready && !$0.terminating && $0.ports[portIndex] != nil }
        guard !ready.isEmpty else { return (nil, 0) }
        let i: Int
        if svc.spec?.sessionAffinity == "ClientIP", let c = client {
            i = Int(fnv32a(c) % UInt32(ready.count))
        } else {
            i = ready.count == 1 ? 0 : random.int(0..<ready.count)
        }
        return (ready[i].pod, ready[i].ports[portIndex]!)
    }

    /// Whether the address answers at all (a known pod, node or service IP), so that an
    /// unused port is refused rather than left to time out.
    func connectTarget(_ ip: String) -> Bool {
        if store.list(Node.self).contains(where: { $0.internalIP == ip }) { return true }
        if store.list(Pod.self).contains(where: { $0.status?.podIP == ip && $0.metadata.deletionTimestamp == nil }) { return true }
        return false
    }

    /// The running container of a pod that listens on `port`, if any.
    func servingContainer(_ pod: Pod, port: Int) -> Container? {
        for c in pod.spec?.containers ?? [] {
            guard let st = pod.status?.containerStatuses?.first(where: { $0.name == c.name }), st.state?.running != nil else { continue }
            guard c.command == nil, c.args == nil, let server = WebServer.forImage(c.image ?? ""), server.port == port else { continue }
            return c
        }
        return nil
    }

    /// The source address the server sees: the client pod's IP; from a node, the node's
    /// flannel.1 address for a pod elsewhere or its cni0 address for a local one.
    func clientIP(fromPod: Pod?, toPod: Pod) -> String {
        if let ip = fromPod?.status?.podIP { return ip }
        let node = store.get(Node.self, namespace: "", name: toPod.spec?.nodeName ?? "")
        let cidr = node?.spec?.podCIDR ?? "10.244.0.0/24"
        let base = String(cidr.prefix { $0 != "/" })
        guard let v = IPv4.parse(base) else { return base }
        return IPv4.format(v + 1)
    }

    /// Adds a line to the current log of a running container, as its process would write it.
    func appendAccessLog(pod: Pod, container: String, line: String) {
        guard let uid = pod.metadata.uid else { return }
        let restarts = pod.status?.containerStatuses?.first { $0.name == container }?.restartCount ?? 0
        // The kubelet keys logs by container instance; the newest one present is the running one.
        for instance in stride(from: restarts + 1, through: 0, by: -1) {
            let key = "\(uid)/\(container)/\(instance)"
            if kubelet.logs[key] != nil {
                kubelet.logs[key]!.append(LogLine(time: now, text: line))
                return
            }
        }
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Thu, 26 Nov 2026 09:12:03 GMT` (RFC 1123, as HTTP servers write dates).
    static func httpDate(_ t: Double) -> String {
        let c = Time(seconds: t.rounded(.down)).utcComponents
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[c.weekday]), \(two(c.day)) \(months[c.month - 1]) \(c.year) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }

    /// nginx's error-log timestamp: `2026/11/26 09:12:03`.
    static func nginxErrorTime(_ t: Double) -> String {
        let c = Time(seconds: t.rounded(.down)).utcComponents
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year)/\(two(c.month))/\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second))"
    }

    /// nginx's $time_local in a container on UTC: `26/Nov/2026:09:12:03 +0000`.
    static func nginxLogTime(_ t: Double) -> String {
        let c = Time(seconds: t.rounded(.down)).utcComponents
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(c.day))/\(months[c.month - 1])/\(c.year):\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}

/// What an image serves over HTTP: nginx builds (and the course's ikubernetes/myapp, an
/// nginx 1.12 image with its own index page) and Apache httpd.
struct WebServer {
    enum Flavor { case nginx(newPage: Bool, bgcolor: Bool), myapp(version: String), httpd }
    let banner: String
    let flavor: Flavor
    let port: Int
    var isNginx: Bool { if case .httpd = flavor { return false } else { return true } }
    /// When the image's index page was built (Last-Modified, ETag).
    let built: Double

    /// The nginx release each tag ran when the course was written, and its image's build date.
    static let nginxTags: [String: (String, Double)] = [
        "1.14": ("1.14.2", 1_543_934_689), "1.14.2": ("1.14.2", 1_543_934_689),
        "1.15": ("1.15.12", 1_555_430_000), "1.15.4": ("1.15.4", 1_537_893_000),
        "1.16": ("1.16.1", 1_565_702_000), "1.16.1": ("1.16.1", 1_565_702_000),
        "1.17": ("1.17.10", 1_586_882_000), "1.18": ("1.18.0", 1_587_478_141), "1.18.0": ("1.18.0", 1_587_478_141),
        "1.19": ("1.19.10", 1_618_321_000), "1.20": ("1.20.2", 1_637_078_000), "1.21": ("1.21.6", 1_643_117_000),
        "1.22": ("1.22.1", 1_666_111_000), "1.23": ("1.23.4", 1_679_992_000), "1.24": ("1.24.0", 1_681_830_000),
        "1.25": ("1.25.5", 1_713_283_000), "1.25.3": ("1.25.3", 1_698_142_000), "1.26": ("1.26.3", 1_738_684_000),
        "1.27": ("1.27.3", 1_732_635_000), "1.27.3": ("1.27.3", 1_732_635_000),
        "latest": ("1.27.3", 1_732_635_000), "alpine": ("1.27.3", 1_732_635_000), "stable": ("1.26.3", 1_738_684_000),
    ]

    static func forImage(_ image: String) -> WebServer? {
        let full = ImageCatalog.normalize(image)
        let colon = full.lastIndex(of: ":")!
        let repo = String(full[..<colon]), tag = String(full[full.index(after: colon)...])
        switch repo {
        case "docker.io/library/nginx":
            guard let (version, built) = nginxTags[tag] else { return nil }
            let minor = Int(version.split(separator: ".")[1]) ?? 0
            return WebServer(banner: "nginx/\(version)", flavor: .nginx(newPage: minor >= 21, bgcolor: minor < 15), port: 80, built: built)
        case "registry.k8s.io/nginx-slim":
            return WebServer(banner: "nginx/1.11.13", flavor: .nginx(newPage: false, bgcolor: true), port: 80, built: 1_493_000_000)
        case "docker.io/ikubernetes/myapp":
            return WebServer(banner: "nginx/1.12.2", flavor: .myapp(version: tag), port: 80, built: 1_522_036_370)
        case "docker.io/library/httpd":
            return WebServer(banner: "Apache/2.4.62 (Unix)", flavor: .httpd, port: 80, built: 1_183_136_786)
        default:
            return nil
        }
    }

    /// (status, reason, content type, body, Last-Modified for static files).
    func respond(path: String, pod: Pod) -> (Int, String, String, String, Double?) {
        let p = String(path.prefix { $0 != "?" })
        switch flavor {
        case .nginx(_, let bgcolor):
            if p == "/" || p == "/index.html" { return (200, "OK", "text/html", indexPage, built) }
            return notFound(bgcolor: bgcolor)
        case .myapp:
            if p == "/" || p == "/index.html" { return (200, "OK", "text/html", indexPage, built) }
            if p == "/hostname.html" { return (200, "OK", "text/html", pod.name + "\n", now(pod)) }
            return notFound(bgcolor: true)
        case .httpd:
            if p == "/" || p == "/index.html" { return (200, "OK", "text/html", indexPage, built) }
            let body = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n"
            return (404, "Not Found", "text/html; charset=iso-8859-1", body, nil)
        }
    }

    /// The page the image ships as its index.html.
    var indexPage: String {
        switch flavor {
        case .nginx(let newPage, _): return newPage ? WebServer.nginxIndexNew : WebServer.nginxIndexOld
        case .myapp(let version): return "Hello MyApp | Version: \(version) | <a href=\"hostname.html\">Pod Name</a>\n"
        case .httpd: return "<html><body><h1>It works!</h1></body></html>\n"
        }
    }

    /// myapp writes hostname.html when the container starts.
    private func now(_ pod: Pod) -> Double? {
        pod.status?.containerStatuses?.first?.state?.running?.startedAt?.seconds
    }

    /// nginx's built-in error page (CRLF line ends, as ngx_http_special_response.c writes them).
    private func notFound(bgcolor: Bool) -> (Int, String, String, String, Double?) {
        let body = ["<html>", "<head><title>404 Not Found</title></head>", bgcolor ? "<body bgcolor=\"white\">" : "<body>",
                    "<center><h1>404 Not Found</h1></center>", "<hr><center>\(banner)</center>", "</body>", "</html>"]
            .map { $0 + "\r\n" }.joined()
        return (404, "Not Found", "text/html", body, nil)
    }

    /// The index.html nginx shipped until 1.21.0 (612 bytes).
    static let nginxIndexOld = nginxIndex(style: """
        body {
            width: 35em;
            margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif;
        }

    """)

    /// The index.html from nginx 1.21.1 on (615 bytes, with the color-scheme rule).
    static let nginxIndexNew = nginxIndex(style: """
    html { color-scheme: light dark; }
    body { width: 35em; margin: 0 auto;
    font-family: Tahoma, Verdana, Arial, sans-serif; }

    """)

    /// The welcome page around a style block: only the style changed between releases.
    private static func nginxIndex(style: String) -> String {
        """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        \(style)</style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """
    }
}
