import Foundation
import KubeAPI
import ClusterSim
@testable import Kubectl

/// A flat in-memory workspace for exercising kubectl without the shell.
final class TestWorkspace: Workspace {
    var files: [String: String] = [:]
    var cwd: String { "/root" }

    init(_ files: [String: String] = [:]) { self.files = files }

    private func abs(_ p: String) -> String { p.hasPrefix("/") ? p : "/root/" + p }
    func readFile(_ path: String) -> String? { files[abs(path)] }
    func isDirectory(_ path: String) -> Bool {
        let d = abs(path).hasSuffix("/") ? abs(path) : abs(path) + "/"
        return files.keys.contains { $0.hasPrefix(d) }
    }
    func listDirectory(_ path: String) -> [String]? {
        let d = abs(path).hasSuffix("/") ? abs(path) : abs(path) + "/"
        let names = files.keys.filter { $0.hasPrefix(d) }.map { String($0.dropFirst(d.count).split(separator: "/")[0]) }
        return names.isEmpty ? nil : Array(Set(names)).sorted()
    }
    func writeFile(_ path: String, contents: String) throws { files[abs(path)] = contents }
}

/// The course cluster plus kubectl, with the shipped manifests in /root.
struct Fixture {
    let cluster: Cluster
    let workspace: TestWorkspace
    let kubectl: Kubectl

    init(seed: UInt64 = 1) {
        cluster = Cluster.standard(seed: seed)
        workspace = TestWorkspace()
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("manifests")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
            workspace.files["/root/" + name] = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        kubectl = Kubectl(cluster: cluster, workspace: workspace)
    }

    /// Runs one kubectl command line (split on spaces; quote-free) and returns what a
    /// terminal would show.
    @discardableResult
    func run(_ line: String, advance: Double = 3) -> CommandOutput {
        var args = line.split(separator: " ").map(String.init)
        if args.first == "kubectl" { args.removeFirst() }
        let out = kubectl.run(args)
        cluster.advance(by: advance)
        return out
    }
}
