import Foundation
import Testing
import Kubectl
@testable import Shell

/// `cmd &`, `jobs`, `fg`, `kill %N`, `wait`, and watches as background jobs: their rows join
/// the output of later command lines as virtual time passes, like a second terminal merged
/// into the transcript. Transcripts are exact (seed 1, 3 virtual seconds per command line).
@Suite struct BackgroundJobTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func manifests() -> [String: String] {
        let m = repo.appendingPathComponent("manifests")
        var files: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: m.path)) ?? [] {
            files[name] = try? String(contentsOf: m.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func session() -> (ShellSession, Simulation) {
        let sim = Simulation(seed: 1, files: manifests())
        return (sim.makeSession(secondsPerCommand: 3), sim)
    }

    static func transcript(_ script: String) -> String {
        session().0.transcript(of: script)
    }

    @Test func watchInTheBackgroundInterleavesWithLaterCommands() {
        let got = Self.transcript("""
        kubectl apply -f nginx-deployment.yaml
        kubectl get pods -w &
        kubectl scale deployment nginx-deployment --replicas=4
        sleep 10
        kubectl delete pod nginx-deployment-688cb89fc9-2d7mw
        sleep 10
        jobs
        kill %1
        jobs

        """)
        #expect(got == """
        [root@master01 controller]# kubectl apply -f nginx-deployment.yaml
        deployment.apps/nginx-deployment created
        [root@master01 controller]# kubectl get pods -w &
        [1] 12346
        NAME                                      READY   STATUS    RESTARTS   AGE
        nfs-client-provisioner-5d8766d95b-b7wfk   1/1     Running   0          14h
        nginx-deployment-688cb89fc9-2d7mw         1/1     Running   0          3s
        nginx-deployment-688cb89fc9-jhw5h         1/1     Running   0          3s
        nginx-deployment-688cb89fc9-l6l46         1/1     Running   0          3s
        [root@master01 controller]# kubectl scale deployment nginx-deployment --replicas=4
        deployment.apps/nginx-deployment scaled
        [root@master01 controller]# sleep 10
        nginx-deployment-688cb89fc9-685mf         0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf         0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf         0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-685mf         1/1     Running             0          0s
        [root@master01 controller]# kubectl delete pod nginx-deployment-688cb89fc9-2d7mw
        pod "nginx-deployment-688cb89fc9-2d7mw" deleted
        nginx-deployment-688cb89fc9-2d7mw         1/1     Terminating         0          22s
        nginx-deployment-688cb89fc9-cs7sw         0/1     Pending             0          0s
        nginx-deployment-688cb89fc9-cs7sw         0/1     Pending             0          0s
        nginx-deployment-688cb89fc9-cs7sw         0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-2d7mw         0/1     Terminating         0          22s
        nginx-deployment-688cb89fc9-cs7sw         1/1     Running             0          0s
        nginx-deployment-688cb89fc9-2d7mw         0/1     Terminating         0          23s
        nginx-deployment-688cb89fc9-2d7mw         0/1     Terminating         0          23s
        [root@master01 controller]# sleep 10
        [root@master01 controller]# jobs
        [1]+  Running                 kubectl get pods -w &
        [root@master01 controller]# kill %1
        [1]+  Terminated              kubectl get pods -w
        [root@master01 controller]# jobs

        """)
    }

    @Test func jobLinesGoToStderrAndRowsToStdout() {
        let (s, _) = Self.session()
        _ = s.execute("kubectl apply -f nginx-deployment.yaml")
        let started = s.execute("kubectl get deploy -w &")
        #expect(started.stderr == "[1] 12346\n")
        #expect(started.stdout == """
        NAME                     READY   UP-TO-DATE   AVAILABLE   AGE
        nfs-client-provisioner   1/1     1            1           14h
        nginx-deployment         3/3     3            3           3s

        """)
        #expect(s.variable("!") == "12346")
        #expect(s.lastExitCode == 0)
        let scaled = s.execute("kubectl scale deploy nginx-deployment --replicas=1; sleep 5")
        #expect(scaled.stdout == """
        deployment.apps/nginx-deployment scaled
        nginx-deployment         3/1     3            3           6s
        nginx-deployment         3/1     3            3           6s
        nginx-deployment         1/1     1            1           6s

        """)
        let killed = s.execute("kill %1")
        #expect(killed.stdout.isEmpty)
        #expect(killed.stderr == "[1]+  Terminated              kubectl get deploy -w\n")
        // Stopped: nothing more is printed.
        #expect(s.execute("kubectl scale deploy nginx-deployment --replicas=2; sleep 5").stdout == "deployment.apps/nginx-deployment scaled\n")
    }

    @Test func ordinaryCommandsRunAtOnceAndAreReportedDoneLater() {
        let got = Self.transcript("""
        sleep 5 &
        jobs
        true
        echo $?
        sleep 20 &
        kill %3
        fg %4
        fg
        false &
        wait
        kill -9 %1
        echo hi & echo there
        jobs -l

        """)
        #expect(got == """
        [root@master01 controller]# sleep 5 &
        [1] 12345
        [root@master01 controller]# jobs
        [1]+  Running                 sleep 5 &
        [root@master01 controller]# true
        [1]+  Done                    sleep 5
        [root@master01 controller]# echo $?
        0
        [root@master01 controller]# sleep 20 &
        [1] 12346
        [root@master01 controller]# kill %3
        bash: kill: %3: no such job
        [root@master01 controller]# fg %4
        bash: fg: %4: no such job
        [root@master01 controller]# fg
        sleep 20
        [root@master01 controller]# false &
        [1] 12347
        [root@master01 controller]# wait
        [1]+  Exit 1                  false
        [root@master01 controller]# kill -9 %1
        bash: kill: %1: no such job
        [root@master01 controller]# echo hi & echo there
        [1] 12348
        hi
        there
        [root@master01 controller]# jobs -l
        [1]+ 12348 Done                    echo hi

        """)
    }

    @Test func backgroundSleepDoesNotMoveTheClock() {
        let (s, sim) = Self.session()
        s.secondsPerCommand = 0
        let start = sim.cluster.now
        _ = s.execute("sleep 100 &")
        #expect(sim.cluster.now == start)
        // `wait` waits for it; the clock then stands where the job ended.
        _ = s.execute("wait")
        #expect(sim.cluster.now == start + 100)
    }

    @Test func fgRunsAWatchUntilTheClusterIsQuietInAScript() {
        let (s, sim) = Self.session()
        _ = s.execute("kubectl apply -f nginx-deployment.yaml")
        _ = s.execute("kubectl get pods -l app=nginx -w &")
        let fg = s.execute("kubectl scale deployment nginx-deployment --replicas=4; fg")
        // `fg` prints the job's command, then the watch goes on in the foreground.
        #expect(fg.stdout == """
        deployment.apps/nginx-deployment scaled
        kubectl get pods -l app=nginx -w
        nginx-deployment-688cb89fc9-685mf   0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf   0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf   0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-685mf   1/1     Running             0          0s

        """)
        #expect(sim.cluster.nextTimerDue == nil)
        // Brought to the foreground and ended there: no longer a job.
        #expect(s.execute("jobs").combined.isEmpty)
    }

    @Test func noJobControlInScriptsOrSubshells() {
        let (s, _) = Self.session()
        s.secondsPerCommand = 0
        let out = s.execute("(sleep 1 & echo in-subshell); bash -c 'echo x & echo y'")
        #expect(out.combined == "in-subshell\nx\ny\n")
        #expect(s.execute("jobs").combined.isEmpty)
    }

    @Test func foregroundWatchStreamsUntilCtrlC() {
        let (s, sim) = Self.session()
        s.streamsForegroundWatches = true
        _ = s.feed("kubectl apply -f nginx-deployment.yaml")
        guard case .complete(let t) = s.feed("kubectl get pods -l app=nginx -w") else {
            Issue.record("watch did not start")
            return
        }
        #expect(t.output.stdout.hasPrefix("NAME                                READY   STATUS    RESTARTS   AGE\n"))
        #expect(s.hasForegroundStream)
        // The REPL moves the clock with the wall clock and prints what comes.
        _ = sim.kubectl.run(["scale", "deploy", "nginx-deployment", "--replicas=4"])
        sim.cluster.advance(by: 5)
        #expect(s.takeForegroundOutput().stdout == """
        nginx-deployment-688cb89fc9-685mf   0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf   0/1     Pending   0          0s
        nginx-deployment-688cb89fc9-685mf   0/1     ContainerCreating   0          0s
        nginx-deployment-688cb89fc9-685mf   1/1     Running             0          0s

        """)
        _ = s.interruptForeground()
        #expect(!s.hasForegroundStream)
        #expect(s.lastExitCode == 130)
        // A replay records Ctrl-C as "\u{3}".
        _ = s.feed("kubectl get pods -w")
        #expect(s.hasForegroundStream)
        guard case .complete(let c) = s.feed("\u{3}") else { Issue.record("no result"); return }
        #expect(c.output.combined.isEmpty)
        #expect(!s.hasForegroundStream)
        // Another line while a watch runs (nobody pressed Ctrl-C): it runs until quiet first.
        _ = s.feed("kubectl get pods -w")
        _ = sim.kubectl.run(["scale", "deploy", "nginx-deployment", "--replicas=3"])
        guard case .complete(let e) = s.feed("echo next") else { Issue.record("no result"); return }
        #expect(!s.hasForegroundStream)
        #expect(e.echo.contains("Terminating"))
        #expect(e.output.stdout == "next\n")
        #expect(sim.cluster.nextTimerDue == nil)
    }
}
