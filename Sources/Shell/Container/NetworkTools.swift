import KubeAPI
import ClusterSim
import Kubectl

/// busybox `nslookup NAME [SERVER]` against the cluster DNS, in the layout of the image's
/// busybox: the old applet (1.28 and older) or the newer one (1.29+).
struct Nslookup {
    let context: ContainerContext

    var cluster: Cluster { context.cluster }
    var namespace: String { context.pod.namespace }

    func run(_ args: [String]) -> CommandOutput {
        var out = CommandOutput()
        let operands = args.filter { !$0.hasPrefix("-") }
        guard let name = operands.first else {
            out.err(usage)
            out.exitCode = 1
            return out
        }
        switch context.profile.family {
        case .busyboxNew: newLayout(name, &out)
        default: oldLayout(name, &out)
        }
        return out
    }

    private var usage: String {
        context.profile.family == .busyboxNew
            ? "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n"
            : "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n"
    }

    private static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in Int(p).map { (0...255).contains($0) && !p.isEmpty } ?? false }
    }

    /// The server's PTR name (CoreDNS answers it for the kube-dns service).
    private var serverName: String? {
        cluster.reverseLookup(Cluster.dnsServiceIP) ?? "kube-dns.kube-system.svc.\(Cluster.clusterDomain)"
    }

    /// busybox 1.28: `printf("%-10s %s")` labels, numbered addresses with their PTR names.
    private func oldLayout(_ name: String, _ out: inout CommandOutput) {
        if context.profile.family == .alpineMusl {
            // musl cannot reverse-resolve the server here: the famous "(null)" line.
            out.err("nslookup: can't resolve '(null)': Name does not resolve\n")
            out.out("\n")
        } else {
            out.out("Server:    \(Cluster.dnsServiceIP)\n")
            out.out("Address 1: \(Cluster.dnsServiceIP)" + (serverName.map { " " + $0 } ?? "") + "\n")
            out.out("\n")
        }
        var records: [DNSRecord] = []
        if Nslookup.isIPv4(name) {
            records = [DNSRecord(ip: name, ptrName: cluster.reverseLookup(name))]
        } else if name == "localhost" {
            records = [DNSRecord(ip: "127.0.0.1", ptrName: "localhost")]
        } else if case .found(_, let r) = cluster.resolve(name, fromNamespace: namespace) {
            records = r
        }
        guard !records.isEmpty else {
            out.err("nslookup: can't resolve '\(name)'")
            out.err(context.profile.family == .alpineMusl ? ": Name does not resolve\n" : "\n")
            out.exitCode = 1
            return
        }
        out.out("Name:      \(name)\n")
        for (i, r) in records.enumerated() {
            out.out("Address \(i + 1): \(r.ip)" + (r.ptrName.map { " " + $0 } ?? "") + "\n")
        }
    }

    /// busybox 1.29+: tab layout, one reply block per query (A then AAAA for every name the
    /// search path gives; search domains only for names without a dot).
    private func newLayout(_ name: String, _ out: inout CommandOutput) {
        out.out("Server:\t\t\(Cluster.dnsServiceIP)\n")
        out.out("Address:\t\(Cluster.dnsServiceIP):53\n\n")
        if Nslookup.isIPv4(name) {
            let rev = name.split(separator: ".").reversed().joined(separator: ".") + ".in-addr.arpa"
            if let ptr = cluster.reverseLookup(name) {
                out.out("\(rev)\tname = \(ptr)\n\n")
            } else {
                out.out("** server can't find \(rev): NXDOMAIN\n\n")
                out.exitCode = 1
            }
            return
        }
        var queries: [String] = []
        if name.hasSuffix(".") {
            queries = [String(name.dropLast())]
        } else if name.contains(".") {
            queries = [name]
        } else {
            let search = ["\(namespace).svc.\(Cluster.clusterDomain)", "svc.\(Cluster.clusterDomain)", Cluster.clusterDomain]
            queries = search.map { "\(name).\($0)" }
        }
        var answers: [(String, [DNSRecord]?)] = []
        for q in queries {
            if case .found(let fqdn, let r) = cluster.resolve(q + ".", fromNamespace: namespace) {
                answers.append((fqdn, r))
            } else {
                answers.append((q, nil))
            }
        }
        var found = false
        // A replies, then AAAA replies (the cluster has no IPv6: empty answers for names that exist).
        for (fqdn, records) in answers {
            if let records {
                found = true
                for r in records { out.out("Name:\t\(fqdn)\nAddress: \(r.ip)\n") }
                out.out("\n")
            } else {
                out.out("** server can't find \(fqdn): NXDOMAIN\n\n")
            }
        }
        for (fqdn, records) in answers {
            if records != nil { out.out("\n") } else { out.out("** server can't find \(fqdn): NXDOMAIN\n\n") }
        }
        if !found { out.exitCode = 1 }
    }
}

/// busybox `wget [-q] [-O FILE|-] [--spider] URL` through the cluster's HTTP.
struct Wget {
    let context: ContainerContext

    func run(_ args: [String]) -> CommandOutput {
        var out = CommandOutput()
        var quiet = false, spider = false
        var output: String? = nil
        var url: String? = nil
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "-q", "--quiet": quiet = true
            case "--spider", "-s": spider = true
            case "-O", "--output-document":
                i += 1
                output = i < args.count ? args[i] : nil
            case "-qO-", "-qO", "-Oq":
                quiet = true
                if a == "-qO-" { output = "-" } else { i += 1; output = i < args.count ? args[i] : nil }
            case "-T", "-t", "-U", "--header", "-Y":
                i += 1
            default:
                if a.hasPrefix("-O") { output = String(a.dropFirst(2)) }
                else if a.hasPrefix("--timeout") || a.hasPrefix("-T") { }
                else if a.hasPrefix("-") {
                    out.err("wget: unrecognized option '\(a)'\n")
                    out.exitCode = 1
                    return out
                } else { url = a }
            }
            i += 1
        }
        guard let u = url else {
            out.err("BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n")
            out.exitCode = 1
            return out
        }
        var rest = Substring(u)
        if rest.hasPrefix("http://") { rest = rest.dropFirst(7) }
        else if rest.hasPrefix("https://") {
            out.err("wget: not an http or ftp url: \(u)\n")
            out.exitCode = 1
            return out
        }
        let hostPort = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(hostPort.count).isEmpty ? "/" : String(rest.dropFirst(hostPort.count))
        var host = String(hostPort)
        var port = 80
        if let colon = host.lastIndex(of: ":") {
            guard let p = Int(host[host.index(after: colon)...]) else {
                out.err("wget: bad port spec '\(host)'\n")
                out.exitCode = 1
                return out
            }
            port = p
            host = String(host[..<colon])
        }
        let cluster = context.cluster
        var ip = host
        if !host.allSatisfy({ $0.isNumber || $0 == "." }) {
            guard case .found(_, let records) = cluster.resolve(host, fromNamespace: context.pod.namespace),
                  let first = records.first else {
                out.err("wget: bad address '\(host)'\n")
                out.exitCode = 1
                return out
            }
            ip = first.ip
        }
        if !quiet { out.err("Connecting to \(host)\(port == 80 ? "" : ":\(port)") (\(ip):\(port))\n") }
        switch cluster.httpGet(host: host, port: port, path: path, fromPod: context.pod) {
        case .unknownHost:
            out.err("wget: bad address '\(host)'\n")
            out.exitCode = 1
        case .connectionRefused:
            out.err("wget: can't connect to remote host (\(ip)): Connection refused\n")
            out.exitCode = 1
        case .timedOut:
            out.err("wget: download timed out\n")
            out.exitCode = 1
        case .response(let status, let reason, _, let body):
            guard (200..<300).contains(status) else {
                out.err("wget: server returned error: HTTP/1.1 \(status) \(reason)\n")
                out.exitCode = 1
                return out
            }
            if spider {
                if !quiet { out.err("remote file exists\n") }
                return out
            }
            let target = output ?? {
                let last = path.split(separator: "/").last.map(String.init) ?? ""
                return last.isEmpty ? "index.html" : last
            }()
            if target == "-" {
                if !quiet { out.err("writing to stdout\n") }
                out.out(body)
                if !quiet { out.err(progress("-", body.utf8.count) + "written to stdout\n") }
            } else {
                if !quiet { out.err("saving to '\(target)'\n") }
                if context.fs.exists(target) && output == nil {
                    out.err("wget: can't open '\(target)': File exists\n")
                    out.exitCode = 1
                    return out
                }
                do { try context.fs.writeFile(target, contents: body) } catch {
                    out.err("wget: can't open '\(target)': \(error)\n")
                    out.exitCode = 1
                    return out
                }
                if !quiet { out.err(progress(target, body.utf8.count) + "'\(target)' saved\n") }
            }
        }
        return out
    }

    /// busybox's progress line once the transfer is complete.
    private func progress(_ name: String, _ bytes: Int) -> String {
        let label = name.count > 20 ? String(name.prefix(20)) : name + String(repeating: " ", count: 20 - name.count)
        let size = String(bytes)
        return "\(label) 100% |\(String(repeating: "*", count: 32))| \(String(repeating: " ", count: max(0, 5 - size.count)))\(size)  0:00:00 ETA\n"
    }
}
