import Foundation
import Testing
import KubeAPI
import ClusterSim
@testable import Kubectl
@testable import Shell

/// kubectl exec, kubectl run and the shell inside containers, through the course machine.
@Suite struct ExecRunTests {
    static func simulation() -> Simulation { Simulation(seed: 1, files: GoldenTranscriptTests.manifests()) }

    /// Runs `script` and returns the transcript.
    static func run(_ script: String, in sim: Simulation = simulation()) -> String {
        sim.makeSession(secondsPerCommand: 3).transcript(of: script)
    }

    /// The lines of `text` from the one starting with `from` (inclusive) to the next bash prompt.
    static func block(_ text: String, after command: String) -> String {
        guard let r = text.range(of: command + "\n") else { return "<\(command) not found>" }
        let rest = text[r.upperBound...]
        let end = rest.range(of: "[root@master01 ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// Prints the transcript of KUBELAB_H2_SCRIPT (a debugging aid; does nothing when unset).
    @Test func debugScript() throws {
        guard let path = ProcessInfo.processInfo.environment["KUBELAB_H2_SCRIPT"] else { return }
        let script = try String(contentsOfFile: path, encoding: .utf8)
        let text = GoldenTranscriptTests.transcript(script)
        if let out = ProcessInfo.processInfo.environment["KUBELAB_H2_OUT"] {
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }

    /// The seed's section 2.3 ⑤: nslookup in busybox 1.28, byte for byte apart from the
    /// service IP.
    @Test func seedNslookupTranscript() {
        let sim = Self.simulation()
        let t = Self.run("""
            kubectl apply -f nginx-deployment.yaml
            kubectl apply -f nginx-service.yaml
            kubectl apply -f dns-test.yaml
            sleep 40
            kubectl exec -it dns-test -- sh
            nslookup kubernetes
            nslookup nginx-service
            exit
            echo $?
            """, in: sim)
        let svc = sim.cluster.store.get(Service.self, namespace: "default", name: "nginx-service")
        let ip = svc?.spec?.clusterIP ?? "?"
        let expected = """
            [root@master01 controller]# kubectl exec -it dns-test -- sh
            / # nslookup kubernetes
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            Name:      kubernetes
            Address 1: 10.96.0.1 kubernetes.default.svc.cluster.local
            / # nslookup nginx-service
            Server:    10.96.0.10
            Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

            Name:      nginx-service
            Address 1: \(ip) nginx-service.default.svc.cluster.local
            / # exit
            [root@master01 controller]# echo $?
            0

            """
        #expect(t.hasSuffix(expected))
    }

    /// kubectl 1.32 refuses the seed's old `exec POD COMMAND` form (the seed's kubectl only warned).
    @Test func deprecatedExecFormIsRefused() {
        let t = Self.run("kubectl apply -f dns-test.yaml\nsleep 30\nkubectl exec -it dns-test sh\necho $?\n")
        #expect(Self.block(t, after: "kubectl exec -it dns-test sh") ==
            "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n")
        #expect(Self.block(t, after: "echo $?") == "1\n")
    }

    @Test func execErrors() {
        let sim = Self.simulation()
        let t = Self.run("""
            kubectl apply -f dns-test.yaml
            kubectl run bad --image=busybox:0.0.1 -- sleep 10
            sleep 30
            kubectl exec bad -- hostname
            kubectl exec
            kubectl exec dns-test
            kubectl exec nope -- sh
            kubectl exec dns-test -c nope -- sh
            kubectl exec dns-test -- bash
            kubectl exec dns-test -- sh -c 'exit 4'
            echo $?
            kubectl exec dns-test -- nslookup nope
            """, in: sim)
        #expect(Self.block(t, after: "kubectl exec bad -- hostname") == "error: unable to upgrade connection: container not found (\"bad\")\n")
        #expect(Self.block(t, after: "kubectl exec") == "error: pod, type/name or --filename must be specified\n")
        #expect(Self.block(t, after: "kubectl exec dns-test") == "error: you must specify at least one command for the container\n")
        #expect(Self.block(t, after: "kubectl exec nope -- sh") == "Error from server (NotFound): pods \"nope\" not found\n")
        #expect(Self.block(t, after: "kubectl exec dns-test -c nope -- sh") == "Error from server (BadRequest): container nope is not valid for pod dns-test\n")
        let oci = Self.block(t, after: "kubectl exec dns-test -- bash")
        #expect(oci.hasPrefix("error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec \""))
        #expect(oci.hasSuffix("\": OCI runtime exec failed: exec failed: unable to start container process: exec: \"bash\": executable file not found in $PATH: unknown\n"))
        #expect(Self.block(t, after: "kubectl exec dns-test -- sh -c 'exit 4'") == "command terminated with exit code 4\n")
        #expect(Self.block(t, after: "echo $?") == "4\n")
        #expect(Self.block(t, after: "kubectl exec dns-test -- nslookup nope") ==
            "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'nope'\ncommand terminated with exit code 1\n")
    }

    @Test func execIntoCompletedPod() {
        let t = Self.run("""
            kubectl run done --image=busybox:1.28 --restart=Never -- sh -c 'exit 0'
            sleep 30
            kubectl exec done -- sh
            """)
        #expect(Self.block(t, after: "kubectl exec done -- sh") == "error: cannot exec into a container in a completed pod; current phase is Succeeded\n")
    }

    @Test func containerFilesAndEnvironment() {
        let sim = Self.simulation()
        let t = Self.run("""
            kubectl apply -f nginx-service.yaml
            kubectl apply -f dns-test.yaml
            sleep 30
            kubectl exec dns-test -- cat /etc/resolv.conf
            kubectl exec dns-test -- hostname
            kubectl exec dns-test -- sh -c 'env | grep NGINX_SERVICE_SERVICE'
            """, in: sim)
        #expect(Self.block(t, after: "kubectl exec dns-test -- cat /etc/resolv.conf") ==
            "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
        #expect(Self.block(t, after: "kubectl exec dns-test -- hostname") == "dns-test\n")
        let ip = sim.cluster.store.get(Service.self, namespace: "default", name: "nginx-service")?.spec?.clusterIP ?? "?"
        #expect(Self.block(t, after: "kubectl exec dns-test -- sh -c 'env | grep NGINX_SERVICE_SERVICE'") ==
            "NGINX_SERVICE_SERVICE_HOST=\(ip)\nNGINX_SERVICE_SERVICE_PORT=80\n")
    }

    @Test func interactiveShellExitCodeAndMissingPrograms() {
        let t = Self.run("""
            kubectl apply -f dns-test.yaml
            sleep 30
            kubectl exec -it dns-test -- sh
            bash
            echo hi > /tmp/x
            exit 3
            echo $?
            kubectl exec dns-test -- cat /tmp/x
            """)
        #expect(t.contains("/ # bash\nsh: bash: not found\n/ # echo hi > /tmp/x\n/ # exit 3\ncommand terminated with exit code 3\n[root@master01 controller]# echo $?\n3\n"))
        // The container's filesystem lives as long as the container.
        #expect(Self.block(t, after: "kubectl exec dns-test -- cat /tmp/x") == "hi\n")
    }

    @Test func newBusyboxNslookupLayout() {
        let t = Self.run("""
            kubectl run bb --image=busybox:1.36 -- sleep 3600
            sleep 30
            kubectl exec bb -- nslookup kubernetes.default
            kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local
            """)
        #expect(Self.block(t, after: "kubectl exec bb -- nslookup kubernetes.default") ==
            "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\ncommand terminated with exit code 1\n")
        #expect(Self.block(t, after: "kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local") ==
            "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n")
    }

    @Test func runInteractiveRemove() {
        let sim = Self.simulation()
        let t = Self.run("""
            kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh
            hostname
            exit
            kubectl get pod dns-test
            """, in: sim)
        #expect(t.contains("""
            [root@master01 controller]# kubectl run -it --rm dns-test --image=busybox:1.28 --restart=Never -- sh
            If you don't see a command prompt, try pressing enter.
            / # hostname
            dns-test
            / # exit
            pod "dns-test" deleted
            [root@master01 controller]# kubectl get pod dns-test
            Error from server (NotFound): pods "dns-test" not found

            """))
    }

    @Test func runCreatesPod() throws {
        let sim = Self.simulation()
        let t = Self.run("kubectl run x\nkubectl run web --image=nginx:1.14 --port=80 --labels=app=web\n", in: sim)
        #expect(Self.block(t, after: "kubectl run x") == "error: required flag(s) \"image\" not set\n")
        #expect(Self.block(t, after: "kubectl run web --image=nginx:1.14 --port=80 --labels=app=web") == "pod/web created\n")
        let pod = try #require(sim.cluster.store.get(Pod.self, namespace: "default", name: "web"))
        #expect(pod.metadata.labels == ["app": "web"])
        #expect(pod.spec?.restartPolicy == "Always")
        #expect(pod.spec?.containers.first?.name == "web")
        #expect(pod.spec?.containers.first?.ports?.first?.containerPort == 80)
    }

    /// What real kubectl 1.32 printed for these (taken against a discovery-only stub server,
    /// since `kubectl run` needs discovery even for --dry-run=client).
    @Test func runDryRunYAML() {
        let sim = Self.simulation()
        let a = sim.kubectl.run(["run", "x", "--image=busybox", "--command", "--port=80", "--env=A=b", "--env=C=d",
                                 "--labels=a=b,c=d", "--restart=OnFailure", "--dry-run=client", "-o", "yaml", "--", "sleep", "10"])
        #expect(a.stdout == """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                a: b
                c: d
              name: x
            spec:
              containers:
              - command:
                - sleep
                - "10"
                env:
                - name: A
                  value: b
                - name: C
                  value: d
                image: busybox
                name: x
                ports:
                - containerPort: 80
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: OnFailure
            status: {}

            """)
        let b = sim.kubectl.run(["run", "x", "--image=busybox", "--restart=Never", "--dry-run=client", "-o", "yaml", "--", "/bin/sh", "-c", "sleep 3600"])
        #expect(b.stdout == "apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: x\n  name: x\nspec:\n  containers:\n  - args:\n    - /bin/sh\n    - -c\n    - sleep 3600\n    image: busybox\n    name: x\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n")
        #expect(sim.kubectl.run(["run", "x", "--image=nginx", "--dry-run=client"]).stdout == "pod/x created (dry run)\n")
        #expect(sim.kubectl.run(["run", "x", "--image=nginx:1.14", "--dry-run=client", "-o", "name"]).stdout == "pod/x\n")
    }

    /// A file written under a PVC-backed mount survives the pod: the StatefulSet lab.
    @Test func persistentVolumeOutlivesPod() {
        let t = Self.run("""
            kubectl apply -f stateful-demo.yaml
            sleep 40
            kubectl exec myapp-1 -- sh -c 'echo myapp-1 data > /usr/share/nginx/html/index.html'
            kubectl exec myapp-1 -- touch /tmp/scratch
            kubectl delete pod myapp-1
            sleep 30
            kubectl exec myapp-1 -- cat /usr/share/nginx/html/index.html
            kubectl exec myapp-1 -- ls /tmp
            kubectl exec myapp-0 -- ls /usr/share/nginx/html
            """)
        #expect(Self.block(t, after: "kubectl exec myapp-1 -- cat /usr/share/nginx/html/index.html") == "myapp-1 data\n")
        #expect(Self.block(t, after: "kubectl exec myapp-1 -- ls /tmp") == "")
        #expect(Self.block(t, after: "kubectl exec myapp-0 -- ls /usr/share/nginx/html") == "")
    }
}

extension ExecRunTests {
    /// The cluster side (a web server in the pod) sees what processes wrote, volumes included.
    @Test func containerFilesSeam() throws {
        let sim = Self.simulation()
        _ = Self.run("""
            kubectl apply -f stateful-demo.yaml
            sleep 40
            kubectl exec myapp-0 -- sh -c 'echo zero > /usr/share/nginx/html/index.html'
            """, in: sim)
        let pod0 = try #require(sim.cluster.store.get(Pod.self, namespace: "default", name: "myapp-0"))
        let pod1 = try #require(sim.cluster.store.get(Pod.self, namespace: "default", name: "myapp-1"))
        let files = try #require(sim.cluster.containerFiles)
        #expect(files.containerFile(pod: pod0, container: "myapp", path: "/usr/share/nginx/html/index.html") == .file("zero\n"))
        // myapp-1's claim is still empty: the image's page is hidden by the mount.
        #expect(files.containerFile(pod: pod1, container: "myapp", path: "/usr/share/nginx/html/index.html") == .missing)
        #expect(files.containerFile(pod: pod1, container: "myapp", path: "/usr/share/nginx/html") == .directory)
        #expect(files.containerFile(pod: pod1, container: "nope", path: "/") == nil)
    }
}

/// kubectl exec / run argument errors that the real kubectl reports without a cluster.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl")))
struct ExecRunOracleTests {
    @Test(arguments: [
        ["exec"],
        ["exec", "dns-test"],
        ["exec", "-it", "dns-test", "sh"],
        ["exec", "-it", "--", "sh"],
        ["run", "x", "--image=nginx", "--restart=Bad", "--dry-run=client"],
        ["run", "x", "--image=nginx", "--rm"],
        ["run", "x", "--image=busybox", "-t", "--dry-run=client", "-o", "yaml"],
        ["run", "x", "--image=busybox", "-i", "--dry-run=client", "-o", "yaml"],
    ])
    func sameErrorAsRealKubectl(_ args: [String]) {
        let (stdout, stderr, code) = KubectlOracleTests.real(args, in: KubectlOracleTests.tempDir())
        let ours = ExecRunTests.simulation().kubectl.run(args)
        #expect(ours.stdout == stdout)
        #expect(ours.stderr == stderr)
        #expect(ours.exitCode == code)
    }
}
