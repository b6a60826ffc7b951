import Testing
import Kubectl
@testable import Shell

/// Nothing typed may crash or hang the program.
@Suite struct SafetyTests {
    @Test func hugeForLoopIsRefused() {
        let (s, _) = makeSession()
        let out = s.execute("for i in $(seq 1 100000); do echo $i; done; echo not reached")
        #expect(out.stdout == "")
        #expect(out.stderr == "kubelab: for: 100000 items is more than the simulator runs in one loop (limit 10000)\n")
        #expect(out.exitCode == 1)
        // The session goes on.
        #expect(s.execute("echo alive").stdout == "alive\n")
    }

    @Test func infiniteWhileLoopStops() {
        let (s, host) = makeSession()
        let out = s.execute("while true; do sleep 1; done")
        #expect(out.stderr == "kubelab: while: loop stopped after 10000 iterations (simulator limit)\n")
        #expect(host.elapsed == 2 + 10_000)
        let until = s.execute("until false; do :; done")
        #expect(until.stderr == "kubelab: until: loop stopped after 10000 iterations (simulator limit)\n")
    }

    @Test func outputIsBounded() {
        let (s, _) = makeSession(files: ["big": String(repeating: "0123456789abcdef\n", count: 256)])
        let out = s.execute("for i in $(seq 1 9000); do cat big; done")
        #expect(out.exitCode == 1)
        #expect(out.stderr == "kubelab: output limit exceeded (16 MiB in one command line); stopped\n")
        #expect(out.stdout.utf8.count <= ShellSession.maxOutputPerLine + 4096)
        let words = s.execute("x=0123456789; for i in $(seq 1 30); do x=$x$x; done")
        #expect(words.stderr.hasPrefix("kubelab: "))
    }

    @Test func growingFilesAreBounded() {
        let (s, _) = makeSession()
        _ = s.execute("echo 0123456789abcdef > f")
        let out = s.execute("for i in $(seq 1 40); do cat f f > g; mv g f; done")
        #expect(out.stderr.contains("File too large") || out.stderr.contains("kubelab:"))
        #expect((s.workspace.readFile("f")?.utf8.count ?? 0) <= VirtualFS.maxFileSize)
    }

    @Test func recursionIsBounded() {
        let (s, _) = makeSession()
        let f = s.execute("f() { f; }; f")
        #expect(f.stderr == "bash: f: maximum function nesting level exceeded (64)\n")
        _ = s.execute("echo 'bash x.sh' > x.sh")
        let script = s.execute("bash x.sh")
        #expect(script.stderr.contains("maximum nesting level exceeded"))
        let sub = s.execute(String(repeating: "$(echo ", count: 40) + "x" + String(repeating: ")", count: 40))
        #expect(sub.stderr.contains("nested too deeply"))
        let deep = s.execute(String(repeating: "{ ", count: 500) + "echo x" + String(repeating: "; }", count: 500))
        #expect(deep.stderr.contains("nested more than 100 levels"))
        let parens = s.execute("echo $((" + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "))")
        #expect(parens.exitCode != 0)
        let braces = s.execute("echo " + String(repeating: "{a,b}", count: 40))
        #expect(braces.stderr == "kubelab: brace expansion too large; stopped\n")
    }

    @Test func pathologicalRegexStops() {
        let (s, _) = makeSession()
        let out = s.execute("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac | grep -E '(a*)*b'")
        #expect(out.stderr == "grep: regular expression too complex for the simulator (matching stopped)\n")
        #expect(out.exitCode == 2)
        let sed = s.execute("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac | sed -E 's/(a|aa)*b/x/'")
        #expect(sed.exitCode == 4)
        // Long lines with simple patterns are fine (no deep recursion).
        let long = String(repeating: "x", count: 200_000)
        _ = s.execute("echo \(long) > long.txt")
        #expect(s.execute("sed 's/.*x/y/' long.txt").stdout == "y\n")
        #expect(s.execute("grep -c 'x*$' long.txt").stdout == "1\n")
    }

    @Test func seqAndYesAreBounded() {
        let (s, _) = makeSession()
        #expect(s.execute("seq 1 100000000").stderr.hasPrefix("kubelab: seq:"))
        #expect(s.execute("yes | head -2").stdout == "y\ny\n")
    }

    @Test func fuzzParserAndInterpreter() {
        // Deterministic pseudo-random strings of shell-ish characters.
        var rng = SplitMix(seed: 42)
        let alphabet = Array("ab $'\"`\\|&;<>(){}[]*?~#=!-\n\t{},.:/%+@^0123456789xyEOFfordoneifthenfi") + ["\u{301}", "é", "\r"]
        let words = ["for ", "do ", "done", "if ", "then ", "fi", "<<EOF\n", "EOF\n", "$(", "${", "$((", "case ", "esac", "while ", " | ", " && ", "cat ", "sed ", "grep ", "'", "\"", "\\\n"]
        for round in 0..<1500 {
            var text = ""
            let n = Int(rng.next() % 60)
            for _ in 0..<n {
                if rng.next() % 4 == 0 {
                    text += words[Int(rng.next() % UInt64(words.count))]
                } else {
                    text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))])
                }
            }
            let (s, _) = makeSession(files: ["f": "a\nb\n"])
            // Both entry points: whole text, and line by line.
            _ = s.execute(text)
            let (s2, _) = makeSession()
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { _ = s2.feed(String(line)) }
            _ = s2.finish()
            _ = round
        }
    }

    @Test func fuzzBuiltinArguments() {
        var rng = SplitMix(seed: 7)
        let commands = ["sed", "grep", "grep -E", "awk", "cut -d: -f", "tr", "sort -k", "head -n", "tail -n", "wc", "printf", "test", "[", "seq", "base64 -d", "ls", "cp", "mv", "rm -rf", "mkdir -p", "chmod", "find", "xargs", "echo -e", "cd", "export", "read", "uniq -c", "paste -d", "sleep", "watch", "time", "timeout", "kill", "date", "bash -c", "eval", "source", "[[", "awk -F"]
        let alphabet = Array("ab.*[](){}\\^$|+?/,:;-=%!'\"0123456789 sgpdnq")
        for _ in 0..<800 {
            let cmd = commands[Int(rng.next() % UInt64(commands.count))]
            var arg = ""
            for _ in 0..<Int(rng.next() % 12) { arg.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            let (s, _) = makeSession(files: ["f": "a:b c\nd:e f\n"])
            _ = s.execute("printf 'x y\\n' | \(cmd) '\(arg.replacingAll("'", with: ""))' f")
        }
    }
}

/// A tiny deterministic generator for the fuzz tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
