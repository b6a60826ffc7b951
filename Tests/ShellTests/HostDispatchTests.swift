import Testing
import Kubectl
@testable import Shell

/// Everything that is not built in goes to the host, with the right argv, stdin and env.
@Suite struct HostDispatchTests {
    @Test func argvIsExpandedAndQuotesRemoved() {
        let (s, host) = makeSession()
        _ = s.execute(#"NS=kube-system; kubectl get pods -n "$NS" -o 'jsonpath={.items[*].metadata.name}' --selector=app\=x"#)
        #expect(host.calls.count == 1)
        #expect(host.calls[0].argv == ["kubectl", "get", "pods", "-n", "kube-system", "-o", "jsonpath={.items[*].metadata.name}", "--selector=app=x"])
        #expect(host.calls[0].stdin == nil)
    }

    @Test func stdinFromTerminalPipeHeredocAndFile() {
        let (s, host) = makeSession(files: ["d.yaml": "kind: Deployment\n"])
        _ = s.execute("kubectl apply -f d.yaml")
        _ = s.execute("cat d.yaml | kubectl apply -f -")
        _ = s.execute("kubectl apply -f - <<EOF\nkind: Pod\nEOF")
        _ = s.execute("kubectl apply -f - < d.yaml")
        #expect(host.calls.map(\.stdin) == [nil, "kind: Deployment\n", "kind: Pod\n", "kind: Deployment\n"])
    }

    @Test func environmentHasExportsAndPrefixAssignments() {
        let (s, host) = makeSession()
        _ = s.execute("export KUBECONFIG=/root/.kube/config; LOCAL=1; EXTRA=yes kubectl version")
        let env = host.calls[0].environment
        #expect(env["KUBECONFIG"] == "/root/.kube/config")
        #expect(env["EXTRA"] == "yes")
        #expect(env["LOCAL"] == nil)
        #expect(env["HOME"] == "/root")
        #expect(env["PATH"] == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin")
        // The prefix does not stay.
        #expect(s.variable("EXTRA") == nil)
    }

    @Test func unknownCommandsAreNotFound() {
        let (s, host) = makeSession()
        let out = s.execute("curl http://10.96.0.1")
        #expect(out.combined == "bash: curl: command not found\n")
        #expect(out.exitCode == 127)
        #expect(host.calls.map(\.argv) == [["curl", "http://10.96.0.1"]])
    }

    @Test func kubectlInPipelinesAndSubstitutions() {
        let (s, host) = makeSession()
        let out = s.execute("for p in $(kubectl get pods -o name); do echo ${p#pod/}; done | sort -r | head -2")
        #expect(out.stdout == "nginx-deployment-7c5ddbdf54-vk6ts\nnginx-deployment-7c5ddbdf54-8wz4r\n")
        #expect(host.calls.count == 1)
        let xargs = s.execute("kubectl get pods -o name | xargs -n1 kubectl delete")
        #expect(xargs.stdout == """
            kubectl delete pod/nginx-deployment-7c5ddbdf54-2xkqn
            kubectl delete pod/nginx-deployment-7c5ddbdf54-8wz4r
            kubectl delete pod/nginx-deployment-7c5ddbdf54-vk6ts

            """)
        let awk = s.execute("kubectl get pods | awk 'NR>1 && $3==\"Running\" {print $1}' | wc -l")
        #expect(awk.stdout == "3\n")
    }

    @Test func stderrOfSubstitutionReachesTheTerminal() {
        let (s, _) = makeSession()
        let out = s.execute("X=$(kubectl get pods nope); echo \"[$X] $?\"")
        #expect(out.chunks.map(\.stream) == [.stderr, .stdout])
        #expect(out.combined == "Error from server (NotFound): pods \"nope\" not found\n[] 1\n")
    }

    @Test func everyCommandCostsTimeAndSleepAddsMore() {
        let (s, host) = makeSession()
        s.secondsPerCommand = 2
        _ = s.execute("echo a")
        #expect(host.elapsed == 2)
        _ = s.execute("sleep 10")
        #expect(host.elapsed == 14)
        _ = s.execute("sleep 1m; sleep 0.5; sleep 1h 2s")
        let afterSleeps: Double = 14 + 2 + 60 + 0.5 + 3602
        #expect(host.elapsed == afterSleeps)
        let bad = s.execute("sleep abc")
        #expect(bad.stderr == "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n")
        #expect(bad.exitCode == 1)
        s.secondsPerCommand = 0
        // A background job's sleep does not hold up the shell: the clock stays.
        _ = s.execute("sleep 5 &")
        #expect(host.elapsed == afterSleeps + 2)
    }

    @Test func multiLineEntryCostsOneStep() {
        let (s, host) = makeSession()
        #expect(s.feed("for i in 1 2 3") == .needsMore)
        #expect(s.feed("do sleep 1") == .needsMore)
        guard case .complete = s.feed("done") else {
            Issue.record("expected completion")
            return
        }
        #expect(host.elapsed == 2 + 3)
    }

    @Test func clearOnlyOnATerminal() {
        let (s, host) = makeSession()
        #expect(s.execute("clear").combined == "")
        host.isTerminal = true
        #expect(s.execute("clear").stdout == "\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }

    @Test func editorsGoToTheHost() {
        let (s, host) = makeSession()
        let out = s.execute("vim nginx-deployment.yaml")
        #expect(out.exitCode == 1)
        #expect(out.stderr.hasPrefix("vim: cannot edit nginx-deployment.yaml here: input is not from a terminal."))
        #expect(out.stderr.contains("cat <<'EOF' > nginx-deployment.yaml"))
        host.editor = { path, ws in
            try? ws.writeFile(path, contents: "edited\n")
            return CommandOutput()
        }
        #expect(s.execute("nano /tmp/x.yaml && cat /tmp/x.yaml").stdout == "edited\n")
        #expect(host.edits.map(\.0) == ["vim", "nano"])
        #expect(host.edits.map(\.1) == ["nginx-deployment.yaml", "/tmp/x.yaml"])
    }

    @Test func whichAndType() {
        let (s, _) = makeSession()
        #expect(s.execute("which kubectl").stdout == "/usr/bin/kubectl\n")
        #expect(s.execute("which ls").stdout == "/usr/bin/ls\n")
        let missing = s.execute("which helm")
        #expect(missing.stderr == "/usr/bin/which: no helm in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin)\n")
        #expect(missing.exitCode == 1)
        #expect(s.execute("type cd kubectl ll").stdout == "cd is a shell builtin\nkubectl is /usr/bin/kubectl\nll is aliased to `ls -l'\n")
        #expect(s.execute("type nope").stderr == "bash: type: nope: not found\n")
    }

    @Test func aliasesExpandBeforeDispatch() {
        let (s, host) = makeSession()
        _ = s.execute("alias k=kubectl")
        _ = s.execute("k get pods -o name > /dev/null")
        #expect(host.calls.last?.argv == ["kubectl", "get", "pods", "-o", "name"])
        #expect(s.execute("alias k").stdout == "alias k='kubectl'\n")
    }

    @Test func interactiveProgramsReadTheFollowingLines() {
        let (s, host) = makeSession()
        let t = s.transcript(of: """
            kubectl exec -it dns-test sh
            hostname

            nslookup nginx-svc
            exit 3
            echo "back in bash: $?"
            kubectl exec -it dns-test sh | cat
            """)
        #expect(t == """
            [root@master01 ~]# kubectl exec -it dns-test sh
            / # hostname
            dns-test
            / # 
            / # nslookup nginx-svc
            sh: nslookup: not found
            / # exit 3
            [root@master01 ~]# echo "back in bash: $?"
            back in bash: 3
            [root@master01 ~]# kubectl exec -it dns-test sh | cat
            kubectl exec -it dns-test sh

            """)
        #expect(host.interactiveStarts.count == 1)
        #expect(s.history == ["kubectl exec -it dns-test sh", "echo \"back in bash: $?\"", "kubectl exec -it dns-test sh | cat"])
        // execute() hands the remaining lines to the program too.
        let (s2, _) = makeSession()
        let out = s2.execute("kubectl exec -it web-1 sh\nhostname\nexit\necho done")
        #expect(out.stdout == "web-1\ndone\n")
        #expect(!s2.inInteractiveProgram)
        // End of input ends the program.
        let (s3, _) = makeSession()
        _ = s3.feed("kubectl exec -it web-1 sh")
        #expect(s3.inInteractiveProgram)
        #expect(s3.prompt() == "/ # ")
        _ = s3.finish()
        #expect(s3.prompt() == "[root@master01 ~]# ")
    }

    @Test func backgroundAmpersandRunsInTheForeground() {
        let (s, host) = makeSession()
        let out = s.execute("kubectl rollout status deploy/web & echo next")
        #expect(out.stdout == "kubectl rollout status deploy/web\nnext\n")
        #expect(host.calls.count == 1)
    }
}
