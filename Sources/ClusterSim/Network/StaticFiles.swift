import KubeAPI

extension Cluster {
    /// The index.html an image's web server ships (what its document root holds before anyone
    /// writes there); nil for images that serve no page.
    public static func defaultIndexPage(forImage image: String) -> String? {
        WebServer.forImage(image)?.indexPage
    }
}

/// What a web server answers when its document root holds files the learner wrote (with
/// `kubectl exec`, or into a volume mounted over the root): those files, not the image's page.
extension WebServer {
    /// Where the image's server looks for files.
    var documentRoot: String {
        if case .httpd = flavor { return "/usr/local/apache2/htdocs" }
        return "/usr/share/nginx/html"
    }

    /// The answer from the container's files; nil when the runtime has no files for the
    /// container or they hold exactly the image's own page (whose headers `respond` knows).
    func respondFromFiles(path: String, pod: Pod, lookup: (String) -> ContainerFile?) -> (Int, String, String, String, Double?)? {
        let p = String(path.prefix { $0 != "?" })
        if case .myapp = flavor, p == "/hostname.html" { return nil }
        let target = documentRoot + p
        guard let found = lookup(target) else { return nil }
        let builtIn = respond(path: path, pod: pod)
        switch found {
        case .file(let text):
            return text == builtIn.3 ? nil : (200, "OK", "text/html", text, nil)
        case .directory:
            let index = target.hasSuffix("/") ? target + "index.html" : target + "/index.html"
            if case .file(let text) = lookup(index) { return text == builtIn.3 ? nil : (200, "OK", "text/html", text, nil) }
            return forbidden()
        case .missing:
            return builtIn.0 == 404 ? nil : notFoundAnswer()
        }
    }

    /// A directory without an index (an empty volume mounted over the root): 403.
    private func forbidden() -> (Int, String, String, String, Double?) {
        let body = ["<html>", "<head><title>403 Forbidden</title></head>", bgcolorBody,
                    "<center><h1>403 Forbidden</h1></center>", "<hr><center>\(banner)</center>", "</body>", "</html>"]
            .map { $0 + "\r\n" }.joined()
        return (403, "Forbidden", "text/html", body, nil)
    }

    private func notFoundAnswer() -> (Int, String, String, String, Double?) {
        let body = ["<html>", "<head><title>404 Not Found</title></head>", bgcolorBody,
                    "<center><h1>404 Not Found</h1></center>", "<hr><center>\(banner)</center>", "</body>", "</html>"]
            .map { $0 + "\r\n" }.joined()
        return (404, "Not Found", "text/html", body, nil)
    }

    private var bgcolorBody: String {
        switch flavor {
        case .nginx(_, let bgcolor): return bgcolor ? "<body bgcolor=\"white\">" : "<body>"
        default: return "<body bgcolor=\"white\">"
        }
    }
}
