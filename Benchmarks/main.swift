import Foundation
import KubeAPI
import ClusterSim
import Kubectl

// kubelab's benchmarks: figures to read, not assertions. Build in release mode:
//   swift run -c release kubelab-bench [coldstart|scale|all]

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024 // Linux reports KiB
}

func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let r = try body()
    return (r, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}

/// Starts `kubelab play` with a one-line script and times the first byte of output.
func coldStart(runs: Int = 10) {
    let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let binary = me.deletingLastPathComponent().appendingPathComponent("kubelab")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        print("coldstart: \(binary.path) not built; run `swift build -c release` first")
        return
    }
    var times: [Double] = []
    for _ in 0..<runs {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["play"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try? p.run()
        input.fileHandleForWriting.write("kubectl get nodes\n".data(using: .utf8)!)
        try? input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.availableData
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        p.waitUntilExit()
    }
    times.sort()
    print(String(format: "coldstart: first output after %.1f ms (median of %d, min %.1f, max %.1f)",
                 times[times.count / 2], runs, times.first!, times.last!))
}

/// A 10,000-replica Deployment on 100 workers: created, settled and listed.
func scale(replicas: Int = 10_000, workers: Int = 100) {
    var nodes = [NodeSpecification(name: "master01", ip: "192.168.10.11", podCIDR: "10.244.0.0/24", controlPlane: true)]
    for i in 1...workers {
        nodes.append(NodeSpecification(name: String(format: "node%03d", i), ip: "192.168.\(10 + i / 250).\(12 + i % 240)",
                                       podCIDR: "10.\(100 + i / 256).\(i % 256).0/24"))
    }
    let (cluster, boot) = measure { Cluster.standard(nodes: nodes) }
    var d = Deployment(metadata: ObjectMeta(name: "big", namespace: "default", labels: ["app": "big"]), spec: DeploymentSpec())
    d.spec?.replicas = replicas
    d.spec?.selector = LabelSelector(matchLabels: ["app": "big"])
    d.spec?.template = PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "big"]),
                                       spec: PodSpec(containers: [Container(name: "nginx", image: "nginx:1.14")]))
    let (_, created) = measure { _ = try? cluster.create(d, namespace: "default") }
    let before = cluster.reconcileCounts
    let (_, settled) = measure { cluster.settle(limit: 300) }
    print("reconciles:", zip(cluster.controllerNames, zip(cluster.reconcileCounts, before).map { $0 - $1 }).map { "\($0) \($1)" }.joined(separator: ", "))
    let ready = cluster.store.get(Deployment.self, namespace: "default", name: "big")?.status?.readyReplicas ?? 0
    let ws = NullWorkspace()
    let kubectl = Kubectl(cluster: cluster, workspace: ws)
    let (out, listed) = measure { kubectl.run(["get", "pods", "-l", "app=big"]) }
    let lines = out.stdout.split(separator: "\n").count
    print(String(format: "scale: %d replicas on %d nodes: boot %.0f ms, create %.0f ms, settle %.0f ms (%d ready), list %.0f ms (%d lines); total %.0f ms; peak memory %.0f MB",
                 replicas, workers, boot, created, settled, ready, listed, lines, boot + created + settled + listed, peakMemoryMB()))
}

final class NullWorkspace: Workspace {
    var cwd: String { "/root" }
    func readFile(_ path: String) -> String? { nil }
    func isDirectory(_ path: String) -> Bool { false }
    func listDirectory(_ path: String) -> [String]? { nil }
    func writeFile(_ path: String, contents: String) throws {}
}

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "coldstart" || which == "all" { coldStart() }
let replicas = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 10_000
if which == "scale" || which == "all" { scale(replicas: replicas) }
