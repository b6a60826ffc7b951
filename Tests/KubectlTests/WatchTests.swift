import Testing
import KubeAPI
import ClusterSim
@testable import Kubectl

/// `kubectl get … -w` as kubectl v1.32 prints it: the current rows, then one row per watch
/// event (ADDED/MODIFIED/DELETED, a DELETED object printed as a row too), widths remembered
/// across events, the header once; `--output-watch-events`, `--watch-only`, `-l`, names,
/// `-o name|yaml`; and the kubelet's status writes the rows come from (seed: Pending,
/// Pending, ContainerCreating, Running; 1/1 Terminating, then 0/1 Terminating three times).
@Suite struct WatchTests {
    /// Starts a watch the way the shell does for `cmd &` or the REPL.
    func start(_ f: Fixture, _ line: String) -> (WatchStream?, CommandOutput) {
        let args = line.split(separator: " ").map(String.init).dropFirst()
        guard let (stream, out) = f.kubectl.startWatch(Array(args)) else {
            Issue.record("not a watch: \(line)")
            return (nil, CommandOutput())
        }
        return (stream, out)
    }

    @Test func podLifecycleRowsWithWatchEvents() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        let (s, first) = start(f, "kubectl get pods -l app=nginx --output-watch-events -w")
        let stream = try #require(s)
        #expect(first.stdout == """
        EVENT   NAME                                READY   STATUS    RESTARTS   AGE
        ADDED   nginx-deployment-688cb89fc9-2d7mw   1/1     Running   0          3s
        ADDED   nginx-deployment-688cb89fc9-jhw5h   1/1     Running   0          3s
        ADDED   nginx-deployment-688cb89fc9-l6l46   1/1     Running   0          3s

        """)
        f.run("kubectl delete pod nginx-deployment-688cb89fc9-2d7mw --wait=false", advance: 10)
        // The replacement: created, scheduled, one kubelet write for ContainerCreating,
        // Running. The deleted pod: Terminating with its container running, the kubelet's
        // write once it stopped, the final update (grace period 0), and the DELETED event.
        #expect(stream.takeOutput().stdout == """
        MODIFIED   nginx-deployment-688cb89fc9-2d7mw   1/1     Terminating   0          3s
        ADDED      nginx-deployment-688cb89fc9-85mf7   0/1     Pending       0          0s
        MODIFIED   nginx-deployment-688cb89fc9-85mf7   0/1     Pending       0          0s
        MODIFIED   nginx-deployment-688cb89fc9-85mf7   0/1     ContainerCreating   0          0s
        MODIFIED   nginx-deployment-688cb89fc9-85mf7   1/1     Running             0          0s
        MODIFIED   nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          3s
        MODIFIED   nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          4s
        DELETED    nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          4s

        """)
        stream.stop()
        f.run("kubectl scale deploy nginx-deployment --replicas=5", advance: 10)
        #expect(stream.takeOutput().combined.isEmpty)
    }

    @Test func containerCreatingIsWrittenOnceAndTheIPComesWithRunning() throws {
        let f = Fixture()
        var statuses: [String: [String]] = [:]
        var ips: [String: [String]] = [:]
        _ = f.cluster.store.subscribe { change in
            guard let pod = change.object as? Pod, pod.name.hasPrefix("nginx-") else { return }
            statuses[pod.name, default: []].append(PodPrinting.status(pod))
            ips[pod.name, default: []].append(pod.status?.podIP ?? "-")
        }
        f.run("kubectl apply -f nginx-deployment.yaml", advance: 10)
        #expect(statuses.count == 3)
        // Created, scheduled, started by the kubelet, running (the IP reported with it).
        for (_, s) in statuses { #expect(s == ["Pending", "Pending", "ContainerCreating", "Running"]) }
        for (_, i) in ips { #expect(i.count == 4 && i.prefix(3) == ["-", "-", "-"] && i[3].hasPrefix("10.244.")) }
    }

    @Test func labelSelectorWatchSeesObjectsEnterAndLeave() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        let (s, first) = start(f, "kubectl get pods -l tier=web -w --output-watch-events")
        let stream = try #require(s)
        // Nothing matches yet: no header until the first row.
        #expect(first.combined.isEmpty)
        f.run("kubectl label pod nginx-deployment-688cb89fc9-jhw5h tier=web")
        f.run("kubectl label pod nginx-deployment-688cb89fc9-jhw5h tier-")
        #expect(stream.takeOutput().stdout == """
        EVENT   NAME                                READY   STATUS    RESTARTS   AGE
        ADDED   nginx-deployment-688cb89fc9-jhw5h   1/1     Running   0          3s
        DELETED   nginx-deployment-688cb89fc9-jhw5h   1/1     Running   0          6s

        """)
    }

    @Test func namedObjectWatchOnlyAndNamePrinter() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        let (s, first) = start(f, "kubectl get deploy nginx-deployment -o name -w")
        let stream = try #require(s)
        #expect(first.stdout == "deployment.apps/nginx-deployment\n")
        f.run("kubectl scale deploy nginx-deployment --replicas=1", advance: 0)
        f.run("kubectl scale deploy nfs-client-provisioner --replicas=1", advance: 0)
        // The spec change and the controller's status writes; the other Deployment not at all.
        #expect(stream.takeOutput().stdout == String(repeating: "deployment.apps/nginx-deployment\n", count: 3))

        let (w, none) = start(f, "kubectl get deploy --watch-only")
        let watchOnly = try #require(w)
        #expect(none.combined.isEmpty)
        f.run("kubectl scale deploy nginx-deployment --replicas=2", advance: 0)
        #expect(watchOnly.takeOutput().stdout == """
        NAME               READY   UP-TO-DATE   AVAILABLE   AGE
        nginx-deployment   1/2     1            1           3s
        nginx-deployment   1/2     1            1           3s
        nginx-deployment   1/2     2            1           3s

        """)
    }

    @Test func yamlDocumentsAreSeparated() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        let (s, first) = start(f, "kubectl get deploy nginx-deployment -o yaml -w")
        let stream = try #require(s)
        #expect(first.stdout.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
        f.run("kubectl annotate deploy nginx-deployment note=x", advance: 0)
        let next = stream.takeOutput().stdout
        #expect(next.hasPrefix("---\napiVersion: apps/v1\nkind: Deployment\n"))
        #expect(next.contains("    note: x\n"))
        let (e, events) = start(f, "kubectl get deploy nginx-deployment -o json -w --output-watch-events")
        #expect(e != nil)
        #expect(events.stdout.hasPrefix("{\n    \"object\": {\n        \"apiVersion\": \"apps/v1\",\n"))
        #expect(events.stdout.contains("\n    \"type\": \"ADDED\"\n}\n"))
    }

    @Test func widthsGrowAndStay() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        let (s, _) = start(f, "kubectl get pods -w")
        let stream = try #require(s)
        f.run("kubectl scale deploy nginx-deployment --replicas=4", advance: 10)
        // STATUS was 7 wide (Running); ContainerCreating widens it for every later row, and
        // NAME keeps the width the initial list (with nfs-client-provisioner-…) gave it.
        #expect(stream.takeOutput().stdout == """
        nginx-deployment-688cb89fc9-685mf         0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf         0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf         0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-685mf         1/1     Running             0          0s

        """)
    }

    @Test func whatCannotBeWatched() {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml")
        #expect(f.run("kubectl get pod,svc -w").stderr == "error: you may only specify a single resource type\n")
        #expect(f.run("kubectl get all -w").stderr == "error: you may only specify a single resource type\n")
        #expect(f.run("kubectl get pod/a deploy/b -w").stderr
                == "error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n")
        let two = f.run("kubectl get deploy nginx-deployment nfs-client-provisioner -w")
        #expect(two.stdout == """
        NAME                     READY   UP-TO-DATE   AVAILABLE   AGE
        nginx-deployment         3/3     3            3           12s
        nfs-client-provisioner   1/1     1            1           14h

        """)
        #expect(two.stderr == "error: you may only watch a single resource or type of resource at a time\n")
        #expect(f.run("kubectl get pod nope -w").stderr == "Error from server (NotFound): pods \"nope\" not found\n")
        #expect(f.run("kubectl get pods --output-watch-events").stderr
                == "error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples\n")
        #expect(f.run("kubectl get pods -w --sort-by=.metadata.name").stderr.hasPrefix("warning: --watch or --watch-only requested, --sort-by will be ignored\n"))
        #expect(Kubectl.isWatch(["get", "pods", "-w"]) && Kubectl.isWatch(["-n", "x", "get", "pods", "--watch-only"]))
        #expect(!Kubectl.isWatch(["get", "pods"]) && !Kubectl.isWatch(["logs", "-f", "x"]))
    }

    /// A script's foreground watch runs until the cluster is quiet: a rolling update to
    /// nginx:1.18.0 by `kubectl apply`, as the course does it.
    @Test func rollingUpdateByApply() throws {
        let f = Fixture()
        f.run("kubectl apply -f nginx-deployment.yaml", advance: 30)
        let manifest = try #require(f.workspace.files["/root/nginx-deployment.yaml"])
        f.workspace.files["/root/v2.yaml"] = manifest.replacingOccurrences(of: "image: nginx:1.14", with: "image: nginx:1.18.0")
        f.run("kubectl apply -f v2.yaml", advance: 0)
        // The first new pod is already in the list (ContainerCreating widens STATUS from the
        // start); each new pod then goes Pending, Pending, ContainerCreating (one kubelet
        // write), Running; each old one 1/1 Terminating, then 0/1 Terminating three times.
        #expect(f.run("kubectl get pods -l app=nginx -w", advance: 0).stdout == """
        NAME                                READY   STATUS              RESTARTS   AGE
        nginx-deployment-688cb89fc9-2d7mw   1/1     Running             0          30s
        nginx-deployment-688cb89fc9-jhw5h   1/1     Running             0          30s
        nginx-deployment-688cb89fc9-l6l46   1/1     Running             0          30s
        nginx-deployment-6b9495d5b5-5mf7j   0/1     ContainerCreating   0          0s
        nginx-deployment-6b9495d5b5-5mf7j   1/1     Running             0          7s
        nginx-deployment-688cb89fc9-2d7mw   1/1     Terminating         0          37s
        nginx-deployment-6b9495d5b5-6c7xw   0/1     Pending             0          0s
        nginx-deployment-6b9495d5b5-6c7xw   0/1     Pending             0          0s
        nginx-deployment-6b9495d5b5-6c7xw   0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          37s
        nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          38s
        nginx-deployment-688cb89fc9-2d7mw   0/1     Terminating         0          38s
        nginx-deployment-6b9495d5b5-6c7xw   1/1     Running             0          5s
        nginx-deployment-688cb89fc9-l6l46   1/1     Terminating         0          42s
        nginx-deployment-6b9495d5b5-fzp6z   0/1     Pending             0          0s
        nginx-deployment-6b9495d5b5-fzp6z   0/1     Pending             0          0s
        nginx-deployment-6b9495d5b5-fzp6z   0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-l6l46   0/1     Terminating         0          43s
        nginx-deployment-6b9495d5b5-fzp6z   1/1     Running             0          0s
        nginx-deployment-688cb89fc9-jhw5h   1/1     Terminating         0          43s
        nginx-deployment-688cb89fc9-jhw5h   0/1     Terminating         0          44s
        nginx-deployment-688cb89fc9-l6l46   0/1     Terminating         0          44s
        nginx-deployment-688cb89fc9-l6l46   0/1     Terminating         0          44s
        nginx-deployment-688cb89fc9-jhw5h   0/1     Terminating         0          44s
        nginx-deployment-688cb89fc9-jhw5h   0/1     Terminating         0          44s

        """)
        // The watch ended when the cluster was quiet.
        #expect(f.cluster.nextTimerDue == nil)
    }
}
