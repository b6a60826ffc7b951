import Foundation
import Testing
import KubeAPI
@testable import Kubectl

/// Compares kubelab's kubectl with the real kubectl (v1.32, no cluster) where the real one
/// works offline: client-side generators and manifest parse errors.
private let realKubectl = "/usr/bin/kubectl"

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: realKubectl)))
struct KubectlOracleTests {
    static let kubectl = realKubectl

    /// Runs the real kubectl in `dir`; returns stdout, stderr without client-go's noise, exit code.
    static func real(_ args: [String], in dir: URL) -> (String, String, Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: kubectl)
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["KUBECONFIG"] = "/nonexistent"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try? p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stderr = String(decoding: e, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("E1") && !$0.contains("memcache.go") && !$0.hasPrefix("I1") }
            .joined(separator: "\n")
        return (String(decoding: o, as: UTF8.self), stderr, p.terminationStatus)
    }

    static func tempDir() -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-oracle-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test(arguments: [
        ["create", "deployment", "web", "--image=nginx"],
        ["create", "deployment", "web", "--image=nginx:1.14", "--replicas=3", "--port=80"],
        ["create", "deployment", "api", "--image=registry.k8s.io/nginx-slim:0.8", "--image=busybox:1.28"],
        ["create", "deployment", "sleeper", "--image=busybox:1.28.4", "--dry-run=client", "-o", "yaml", "--", "sleep", "3600"],
        ["create", "deployment", "digest", "--image=nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"],
        ["create", "deployment", "zero", "--image=nginx", "--replicas=0"],
    ])
    func createDeploymentDryRunYAML(_ args: [String]) {
        let full = args.contains("--") ? args : args + ["--dry-run=client", "-o", "yaml"]
        let (stdout, stderr, code) = Self.real(full, in: Self.tempDir())
        let f = Fixture()
        let ours = f.kubectl.run(full)
        #expect(ours.stdout == stdout)
        #expect(ours.stderr == stderr)
        #expect(ours.exitCode == code)
    }

    /// `-o json` of a client-built object keeps the Go structs' field order.
    @Test(arguments: [
        ["create", "deployment", "web", "--image=nginx"],
        ["create", "deployment", "web", "--image=nginx:1.14", "--replicas=3", "--port=80", "--dry-run=client", "-o", "json", "--", "sleep", "1"],
        ["create", "deployment", "api", "--image=nginx", "--image=nginx:1.18.0"],
    ])
    func createDeploymentDryRunJSON(_ args: [String]) {
        let full = args.contains("--") ? args : args + ["--dry-run=client", "-o", "json"]
        let (stdout, stderr, code) = Self.real(full, in: Self.tempDir())
        let ours = Fixture().kubectl.run(full)
        #expect(ours.stdout == stdout)
        #expect(ours.stderr == stderr)
        #expect(ours.exitCode == code)
    }

    /// `create service`'s generators and its `--tcp` parsing, byte for byte.
    @Test(arguments: [
        ["create", "service", "nodeport", "web", "--tcp=80:80"],
        ["create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443:web-tls"],
        ["create", "service", "clusterip", "headless", "--clusterip=None"],
        ["create", "service", "externalname", "ext", "--external-name=example.com"],
        ["create", "service", "loadbalancer", "lb", "--tcp=443:8443"],
        ["create", "service", "nodeport", "np", "--tcp=80:80", "--node-port=30080"],
        ["create", "service", "nodeport", "x", "--tcp=abc"],
        ["create", "service", "nodeport", "x", "--tcp=99999"],
        ["create", "service", "nodeport", "x", "--tcp=-1"],
        ["create", "service", "nodeport", "x", "--tcp=80:"],
        ["create", "service", "nodeport", "x", "--tcp=:80"],
        ["create", "service", "nodeport", "x", "--tcp=80:70000"],
        ["create", "service", "nodeport"],
    ])
    func createServiceDryRun(_ args: [String]) {
        for output in ["yaml", "json"] {
            let full = args + ["--dry-run=client", "-o", output]
            let (stdout, stderr, code) = Self.real(full, in: Self.tempDir())
            let ours = Fixture().kubectl.run(full)
            #expect(ours.stdout == stdout)
            #expect(ours.stderr == stderr)
            #expect(ours.exitCode == code)
        }
    }

    /// Broken manifests a learner writes: kubelab's `apply -f` must fail exactly as kubectl does.
    @Test(arguments: [
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n\tlabels: x\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n labels: x\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\n",
        "apiVersion: v1\nkind: Pod\nmetadata: name: a\n",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  image: nginx\n    ports: []\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: [a, b\n",
    ])
    func applyParseErrors(_ manifest: String) throws {
        let dir = Self.tempDir()
        try manifest.write(to: dir.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let (_, stderr, code) = Self.real(["apply", "-f", "bad.yaml"], in: dir)
        let f = Fixture()
        try f.workspace.writeFile("bad.yaml", contents: manifest)
        let ours = f.kubectl.run(["apply", "-f", "bad.yaml"])
        // Documents before a broken one are applied by kubelab (there is a cluster); the real
        // kubectl here has none, so compare only the parse error line.
        let ourError = ours.stderr.split(separator: "\n").filter { $0.contains("error parsing") }.joined(separator: "\n")
        let realError = stderr.split(separator: "\n").filter { $0.contains("error parsing") }.joined(separator: "\n")
        #expect(!realError.isEmpty)
        #expect(ourError == realError)
        #expect(ours.exitCode == code)
    }

    /// The seed's own manifests, tabs and all: nginx-deployment.yaml's trailing tab parses,
    /// stateful-demo.yaml's indenting tab is an error in its second document.
    @Test func seedManifestsWithTheirStrayTabs() throws {
        let seedDeployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment\n  labels:\n    app: nginx\t\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.14\n        ports:\n        - containerPort: 80\n"
        let f = Fixture()
        try f.workspace.writeFile("seed-deployment.yaml", contents: seedDeployment)
        #expect(f.kubectl.run(["apply", "-f", "seed-deployment.yaml"]).combined == "deployment.apps/nginx-deployment created\n")

        let shipped = try #require(f.workspace.readFile("stateful-demo.yaml"))
        let seedStateful = shipped.replacingOccurrences(of: "      annotations:", with: "\t  annotations:")
        let dir = Self.tempDir()
        try seedStateful.write(to: dir.appendingPathComponent("stateful-demo.yaml"), atomically: true, encoding: .utf8)
        // Without a server the real kubectl can't map the first document; --validate=false
        // gets it past validation to the parse error of the second.
        let (_, stderr, _) = Self.real(["apply", "-f", "stateful-demo.yaml", "--validate=false"], in: dir)
        let parseLine = "error parsing stateful-demo.yaml: error converting YAML to JSON: yaml: line 28: found a tab character that violates indentation"
        #expect(stderr.contains(parseLine))
        try f.workspace.writeFile("stateful-demo.yaml", contents: seedStateful)
        let ours = f.kubectl.run(["apply", "-f", "stateful-demo.yaml"])
        #expect(ours.stderr.hasSuffix(parseLine + "\n"))
        #expect(ours.exitCode == 1)
    }
}
