import Testing
import Kubectl
@testable import Shell

/// The line-feeding API: which lines need a continuation.
@Suite struct FeedTests {
    /// Feeds lines; returns for each whether it completed the command.
    func completions(_ lines: [String]) -> [Bool] {
        let (s, _) = makeSession()
        return lines.map { line in
            if case .complete = s.feed(line) { return true }
            return false
        }
    }

    @Test func incompleteConstructs() {
        #expect(completions(["echo 'a", "b'"]) == [false, true])
        #expect(completions(["echo \"a", "b\""]) == [false, true])
        #expect(completions(["echo a \\", "b"]) == [false, true])
        #expect(completions(["echo a |", "", "wc -l"]) == [false, false, true])
        #expect(completions(["true &&", "echo b"]) == [false, true])
        #expect(completions(["false ||", "echo b"]) == [false, true])
        #expect(completions(["cat <<EOF", "x", "EOF"]) == [false, false, true])
        #expect(completions(["cat <<'EOF' > f.yaml", "a: $b", "EOF", "cat f.yaml"]) == [false, false, true, true])
        #expect(completions(["cat <<-END", "\tx", "\tEND"]) == [false, false, true])
        #expect(completions(["for i in 1 2", "do", "echo $i", "done"]) == [false, false, false, true])
        #expect(completions(["while false", "do :", "done"]) == [false, false, true])
        #expect(completions(["if true; then", "echo y", "else", "echo n", "fi"]) == [false, false, false, false, true])
        #expect(completions(["case x in", "x) echo x;;", "esac"]) == [false, false, true])
        #expect(completions(["{ echo a", "echo b; }"]) == [false, true])
        #expect(completions(["( echo a", ")"]) == [false, true])
        #expect(completions(["echo $(echo a", ")"]) == [false, true])
        #expect(completions(["echo ${x", "}"]) == [false, true])
        #expect(completions(["f() {", "echo f", "}"]) == [false, false, true])
        #expect(completions(["echo `date", "`"]) == [false, true])
    }

    @Test func completeLines() {
        #expect(completions(["echo a", "", "# comment", "echo 'x' # y", "echo a; echo b &", "ls -l | grep x"]) == [true, true, true, true, true, true])
        // An error completes the entry too.
        #expect(completions(["done"]) == [true])
        #expect(completions(["echo a )"]) == [true])
    }

    @Test func needsContinuationFlag() {
        let (s, _) = makeSession()
        #expect(!s.needsContinuation)
        #expect(s.feed("for x in a") == .needsMore)
        #expect(s.needsContinuation)
        #expect(s.continuationPrompt == "> ")
        guard case .complete(let t) = s.feed("do echo $x; done") else {
            Issue.record("not complete")
            return
        }
        #expect(t.echo == "[root@master01 ~]# for x in a\n> do echo $x; done\n")
        #expect(t.output.stdout == "a\n")
        #expect(t.text == "[root@master01 ~]# for x in a\n> do echo $x; done\na\n")
        #expect(!s.needsContinuation)
        #expect(s.finish() == nil)
    }

    @Test func interruptDropsTheUnfinishedCommand() {
        let (s, host) = makeSession()
        #expect(s.feed("cat <<EOF > x.yaml") == .needsMore)
        #expect(s.feed("half written") == .needsMore)
        s.interrupt()
        #expect(!s.needsContinuation)
        #expect(s.lastExitCode == 130)
        #expect(!s.workspace.exists("x.yaml"))
        #expect(host.elapsed == 0)
        #expect(s.execute("echo $?").stdout == "130\n")
    }

    @Test func historyIgnoresConsecutiveDuplicates() {
        let (s, _) = makeSession()
        _ = s.transcript(of: "kubectl get pods\nkubectl get pods\nls\nkubectl get pods")
        #expect(s.history == ["kubectl get pods", "ls", "kubectl get pods"])
    }

    @Test func promptUsesCwdAtEntry() {
        let (s, _) = makeSession(directories: ["controller"])
        guard case .complete(let t) = s.feed("cd controller") else { return }
        #expect(t.echo == "[root@master01 ~]# cd controller\n")
        #expect(s.prompt() == "[root@master01 controller]# ")
        _ = s.execute("cd /")
        #expect(s.prompt() == "[root@master01 /]# ")
        _ = s.execute("cd /root")
        #expect(s.prompt() == "[root@master01 ~]# ")
    }

    @Test func feedingMultipleLinesAtOnce() {
        let (s, _) = makeSession()
        guard case .complete(let t) = s.feed("echo a\necho b") else {
            Issue.record("not complete")
            return
        }
        #expect(t.text == "[root@master01 ~]# echo a\na\n[root@master01 ~]# echo b\nb\n")
    }

    @Test func windowsLineEndingsAreTolerated() {
        let (s, _) = makeSession()
        #expect(s.transcript(of: "echo a\r\necho b\r\n") == "[root@master01 ~]# echo a\na\n[root@master01 ~]# echo b\nb\n")
    }

    @Test func executeRunsEveryLineAndRecoversFromErrors() {
        let (s, _) = makeSession()
        let out = s.execute("echo 1\nfi\necho 2\ncat <<EOF\nin doc\nEOF\necho 3")
        #expect(out.combined == "1\nbash: syntax error near unexpected token `fi'\n2\nin doc\n3\n")
        #expect(s.history == ["echo 1", "echo 2", "cat <<EOF\nin doc\nEOF", "echo 3"])
    }
}

/// The parser on its own.
@Suite struct ParserTests {
    func parse(_ s: String) throws -> CommandList? {
        try Parser(s, atEOF: true).parseCompleteCommand()
    }

    @Test func wordsAndQuotes() throws {
        let list = try #require(try parse(#"echo 'a b' "c $X" d\ e ~/f"#))
        guard case .simple(let sc) = list.items[0].0.first.commands[0].kind else {
            Issue.record("not simple")
            return
        }
        #expect(sc.words.map(\.raw) == ["echo", "'a b'", "\"c $X\"", "d\\ e", "~/f"])
        #expect(sc.words[1].parts == [.quoted("a b")])
        #expect(sc.words[2].parts == [.doubleQuoted([.quoted("c "), .parameter(ParameterExpansion(name: "X"))])])
        #expect(sc.words[3].parts == [.literal("d"), .quoted(" "), .literal("e")])
        #expect(sc.words[4].parts == [.tilde(""), .literal("/f")])
    }

    @Test func assignmentsAndRedirections() throws {
        let list = try #require(try parse("A=1 B+=x cmd >out 2>&1 <in"))
        let cmd = list.items[0].0.first.commands[0]
        guard case .simple(let sc) = cmd.kind else { return }
        #expect(sc.assignments.map(\.name) == ["A", "B"])
        #expect(sc.assignments.map(\.append) == [false, true])
        #expect(cmd.redirections.map(\.op) == [.output, .duplicateOutput, .input])
        #expect(cmd.redirections.map(\.fd) == [nil, 2, nil])
    }

    @Test func syntaxErrors() {
        #expect(throws: ParseError.syntax("syntax error near unexpected token `then'")) { try parse("then") }
        #expect(throws: ParseError.syntax("syntax error near unexpected token `|'")) { try parse("| x") }
        #expect(throws: ParseError.syntax("syntax error near unexpected token `newline'")) { try parse("echo >") }
        #expect(throws: ParseError.syntax("`1x': not a valid identifier")) { try parse("for 1x in a; do :; done") }
        #expect(throws: ParseError.syntax("${x!}: bad substitution")) { try parse("echo ${x!}") }
        #expect(throws: ParseError.syntax("unexpected EOF while looking for matching `''")) { try parse("echo 'a") }
        #expect(throws: ParseError.syntax("syntax error: unexpected end of file")) { try parse("if true; then") }
    }

    @Test func incompleteWhenNotAtEOF() {
        #expect(throws: ParseError.incomplete) { try Parser("echo 'a\n", atEOF: false).parseCompleteCommand() }
        #expect(throws: ParseError.incomplete) { try Parser("cat <<EOF\n", atEOF: false).parseCompleteCommand() }
        #expect(throws: ParseError.incomplete) { try Parser("echo a", atEOF: false).parseCompleteCommand() }
    }
}
