import KubeAPI
import ClusterSim
import Kubectl

/// `kubelab-node`: the lab's stand-in for adding and removing machines, since the learner
/// sits on master01 and there is no second machine to `ssh` into. `add` boots a worker and
/// runs `kubeadm join` on it; `remove` runs `kubeadm reset` on a worker, shuts it down and
/// deletes its Node object (what `kubectl delete node` does).
enum NodeAdmin {
    static let usage = """
    Usage: kubelab-node add [NAME]     boot a new worker (default: the next free nodeNN) and join it to the cluster
           kubelab-node remove NAME    reset a worker, shut it down and delete its Node

    """

    static func run(_ argv: [String], cluster: Cluster) -> CommandOutput {
        var out = CommandOutput()
        let args = Array(argv.dropFirst())
        switch (args.first, args.count) {
        case ("add", 1), ("add", 2):
            var spec = cluster.nextWorkerSpecification()
            if args.count == 2 {
                let name = args[1]
                guard isDNSLabel(name) else {
                    out.err("kubelab-node: invalid node name \"\(name)\": use lower case letters, digits and '-'\n")
                    out.exitCode = 1
                    return out
                }
                spec.name = name
            }
            do { try cluster.joinNode(spec) } catch {
                out.err("kubelab-node: a node named \(spec.name) already exists\n")
                out.exitCode = 1
                return out
            }
            let master = cluster.store.list(Node.self).first { ($0.metadata.labels ?? [:])["node-role.kubernetes.io/control-plane"] != nil }
            let endpoint = (master?.internalIP ?? "192.168.10.11") + ":6443"
            out.out("""
            Booting \(spec.name) (\(spec.ip)) and running on it:
              kubeadm join \(endpoint) --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:\(caHash)
            [preflight] Running pre-flight checks
            [preflight] Reading configuration from the cluster...
            [kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"
            [kubelet-start] Starting the kubelet
            [kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

            This node has joined the cluster:
            * Certificate signing request was sent to apiserver and a response was received.
            * The Kubelet was informed of the new secure connection details.

            Run 'kubectl get nodes' on the control-plane to see this node join the cluster.

            """)
        case ("remove", 2):
            let name = args[1]
            guard let node = cluster.store.list(Node.self).first(where: { $0.name == name }) else {
                out.err("kubelab-node: there is no node named \(name)\n")
                out.exitCode = 1
                return out
            }
            if (node.metadata.labels ?? [:])["node-role.kubernetes.io/control-plane"] != nil {
                out.err("kubelab-node: \(name) is the control plane; only workers can be removed\n")
                out.exitCode = 1
                return out
            }
            out.out("Running 'kubeadm reset -f' on \(name) and shutting it down...\n")
            do {
                try cluster.removeNode(name)
                out.out("node \"\(name)\" deleted\n")
            } catch {
                out.err(error.kubectlText() + "\n")
                out.exitCode = 1
            }
        default:
            out.err(usage)
            out.exitCode = args.isEmpty || args.first == "help" || args.first == "--help" ? 0 : 2
            if out.exitCode == 0 { out = CommandOutput(); out.out(usage) }
        }
        return out
    }

    /// The sha256 of the course cluster's CA certificate (fixed: the cluster never changes CA).
    static let caHash = "5f2b8a1c9d3e4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"

    static func isDNSLabel(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 63, let f = s.first, let l = s.last else { return false }
        func alnum(_ c: Character) -> Bool { (c >= "a" && c <= "z") || (c >= "0" && c <= "9") }
        return alnum(f) && alnum(l) && s.allSatisfy { alnum($0) || $0 == "-" }
    }
}
