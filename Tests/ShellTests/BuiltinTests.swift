import Testing
import Kubectl
@testable import Shell

/// Built-ins against what GNU bash 5 / coreutils 9 print (checked on a real machine).
@Suite struct BuiltinTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var script: String
        var expected: String
        var testDescription: String { script }
        init(_ script: String, _ expected: String) {
            self.script = script
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        // echo / printf
        Case(#"echo "a  b" 'c  d' e\ f"#, "a  b c  d e f\n"),
        Case("echo -n x; echo y; echo -e 'a\\tb\\nc'; echo -E 'a\\tb'", "xy\na\tb\nc\na\\tb\n"),
        Case("echo -en 'x\\c'; echo", "x\n"),
        Case("printf '%s-%d\\n' a 1 b 2 c", "a-1\nb-2\nc-0\n"),
        Case("printf '%5s|%-5s|%05d\\n' ab cd 42", "   ab|cd   |00042\n"),
        Case("printf '%x %o %X %e\\n' 255 8 255 1.5", "ff 10 FF 1.500000e+00\n"),
        Case("printf '%.2f|%8.3f|%-6d|\\n' 3.14159 2.5 7", "3.14|   2.500|7     |\n"),
        Case("printf '%d\\n' abc; echo $?", "bash: printf: abc: invalid number\n0\n1\n"),
        Case("printf", "printf: usage: printf [-v var] format [arguments]\n"),
        Case("printf -v V '%s=%s' k v; echo $V", "k=v\n"),
        Case("printf '%q|%b|%c%c|%#x|%+d\\n' 'a b' 'x\\ny' hello world 255 5", "a\\ b|x\ny|hw|0xff|+5\n"),
        // variables and expansion
        Case("v=hello.yaml; echo ${v%.yaml} ${v#hel} ${#v} ${v/l/L} ${v//l/L}", "hello lo.yaml 10 heLlo.yaml heLLo.yamL\n"),
        Case("path=/a/b/c.tar.gz; echo ${path##*/} ${path%%.*} ${path%.*}", "c.tar.gz /a/b/c /a/b/c.tar\n"),
        Case("v=abcdef; echo ${v:2} ${v:1:3} ${v: -2} ${v^^} ${v^}", "cdef bcd ef ABCDEF Abcdef\n"),
        Case("echo ${x:?must be set}; echo after", "bash: x: must be set\n"),
        Case("echo ${x:=assigned}; echo $x", "assigned\nassigned\n"),
        Case("x=\"  lead  trail  \"; echo [$x]; echo [\"$x\"]", "[ lead trail ]\n[  lead  trail  ]\n"),
        Case("echo $((5 > 3)) $((5 == 5 ? 10 : 20)) $((-7 / 2)) $((-7 % 2)) $((1 << 4)) $((0x10 + 010))", "1 10 -3 -1 16 24\n"),
        Case("i=0; echo $((i++)) $((++i)) $i", "0 2 2\n"),
        Case("echo $((1/0)); echo after", "bash: 1/0: division by 0 (error token is \"0\")\n"),
        Case("echo $((2+))", "bash: 2+: syntax error: operand expected (error token is \"+\")\n"),
        Case("s=\"a,b,c\"; IFS=, read -r p q r <<< \"$s\"; echo $q", "b\n"),
        Case("set -- a b c; echo $# $2 \"$@\"; shift; echo $1", "3 b a b c\nb\n"),
        Case("echo {1..5} {a..c} x{1,2}y {01..03} {1..10..3}", "1 2 3 4 5 a b c x1y x2y 01 02 03 1 4 7 10\n"),
        Case("echo ~ ~/x \"~\"", "/root /root/x ~\n"),
        Case("echo $'tab\\there'", "tab\there\n"),
        // control flow
        Case("false || echo or; true && echo and; false && echo no; echo end", "or\nand\nend\n"),
        Case("x=1; while [ $x -le 3 ]; do echo $x; x=$((x+1)); done", "1\n2\n3\n"),
        Case("for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done", "1\n2\n"),
        Case("for i in 1 2 3 4; do if [ $i = 2 ]; then continue; fi; echo $i; done", "1\n3\n4\n"),
        Case("if [ \"a\" = \"b\" ]; then echo same; elif [ 1 -lt 2 ]; then echo less; else echo other; fi", "less\n"),
        Case("case abc in a*) echo starts-a;; *) echo other;; esac", "starts-a\n"),
        Case("true | false; echo $?; ! true; echo $?", "1\n1\n"),
        Case("x=$(false); echo $?", "1\n"),
        Case("break", "bash: break: only meaningful in a `for', `while', or `until' loop\n"),
        Case("x=5; (( x > 3 )) && echo yes; (( x < 3 )) || echo no; ((x++)); echo $x", "yes\nno\n6\n"),
        Case("for ((i=0; i<3; i++)); do echo i=$i; done; for ((;;)); do break; done; echo ok", "i=0\ni=1\ni=2\nok\n"),
        // `continue` is the last command run, so every kind of loop ends with its status 0.
        Case("for ((i=0; i<2; i++)); do if ((i==1)); then continue; fi; false; done; echo $?", "0\n"),
        Case("for i in 0 1; do if [ $i = 1 ]; then continue; fi; false; done; echo $?", "0\n"),
        Case("f() { echo \"hi $1 $#\"; }; f a b; f", "hi a 2\nhi  0\n"),
        Case("g() { local x=inner; echo $x; }; x=outer; g; echo $x", "inner\nouter\n"),
        Case("fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5", "120\n"),
        Case("local z=1; echo $?", "bash: local: can only be used in a function\n1\n"),
        Case("printf 'l1\\nl2\\n' | while read line; do echo \"got $line\"; done", "got l1\ngot l2\n"),
        Case("echo a b | { read x y; echo \"$y $x\"; }", "b a\n"),
        Case("(cd /tmp && pwd); pwd", "/tmp\n/root\n"),
        Case("cd /tmp && cd - && cd -", "/root\n/tmp\n"),
        // test
        Case("[ -d /tmp ] && echo dir; [ -e /nope ] || echo noexist; [ abc ] && echo nonempty; [ ] || echo empty", "dir\nnoexist\nnonempty\nempty\n"),
        Case("[ 1 -eq a ]; echo $?", "bash: [: a: integer expression expected\n2\n"),
        Case("[ a", "bash: [: missing `]'\n"),
        Case("[[ abc == a* ]] && echo glob; [[ abc =~ ^a.c$ ]] && echo regex", "glob\nregex\n"),
        // files
        Case("echo hello > f.txt; cat f.txt; echo more >> f.txt; cat f.txt; wc -l < f.txt", "hello\nhello\nmore\n2\n"),
        Case("mkdir -p d1/d2 && touch d1/d2/x && ls d1/d2 && rm -r d1 && ls", "x\n"),
        Case("echo x > a.yaml; echo y > b.yaml; echo *.yaml; rm *.yaml; echo *.yaml", "a.yaml b.yaml\n*.yaml\n"),
        Case("touch a1 a2 b1 .hidden; echo a*; echo \"a*\"; echo a\\*; echo [ab]1; echo ?1; echo nomatch*; echo *", "a1 a2\na*\na*\na1 b1\na1 b1\nnomatch*\na1 a2 b1\n"),
        Case("cp nope x; mv nope x; rm nope; mkdir a; mkdir a; rmdir a", """
            cp: cannot stat 'nope': No such file or directory
            mv: cannot stat 'nope': No such file or directory
            rm: cannot remove 'nope': No such file or directory
            mkdir: cannot create directory ‘a’: File exists

            """),
        Case("mkdir d; cp d e; rm d; touch f; cp f f; cd f", """
            cp: -r not specified; omitting directory 'd'
            rm: cannot remove 'd': Is a directory
            cp: 'f' and 'f' are the same file
            bash: cd: f: Not a directory

            """),
        Case("mkdir -p d/sub; cp -r d d/sub; mv d d/sub/x", """
            cp: cannot copy a directory, 'd', into itself, 'd/sub/d'
            mv: cannot move 'd' to a subdirectory of itself, 'd/sub/x'

            """),
        Case("echo a > f; cp f g; mv g h; ls; cp f d/; mkdir d; cp f d/; ls d", "f  h\ncp: cannot create regular file 'd/': Not a directory\nf\n"),
        Case("rm -rf /", "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"),
        Case("rm; mkdir; touch; mv; cp f", """
            rm: missing operand
            Try 'rm --help' for more information.
            mkdir: missing operand
            Try 'mkdir --help' for more information.
            touch: missing file operand
            Try 'touch --help' for more information.
            mv: missing file operand
            Try 'mv --help' for more information.
            cp: missing destination file operand after 'f'
            Try 'cp --help' for more information.

            """),
        Case("ls -z; echo $?", "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n2\n"),
        Case("touch nodir/x; chmod z /tmp; chmod 644 nope", """
            touch: cannot touch 'nodir/x': No such file or directory
            chmod: invalid mode: ‘z’
            Try 'chmod --help' for more information.
            chmod: cannot access 'nope': No such file or directory

            """),
        Case("echo 'echo ran $1' > s.sh; ./s.sh; chmod +x s.sh; ./s.sh x; bash s.sh y; source s.sh z", "bash: ./s.sh: Permission denied\nran x\nran y\nran z\n"),
        Case("printf 'a\\nb\\n' > f1; printf 'c\\n' > f2; head -n1 f1 f2; wc -l f1 f2; cat f1 f2 | wc -l", "==> f1 <==\na\n\n==> f2 <==\nc\n2 f1\n1 f2\n3 total\n3\n"),
        Case("printf 'a b\\nc\\n' > f; wc f; wc f f; cat f | wc; wc nope; mkdir d; wc d", """
            2 3 6 f
             2  3  6 f
             2  3  6 f
             4  6 12 total
                  2       3       6
            wc: nope: No such file or directory
            wc: d: Is a directory
                  0       0       0 d

            """),
        Case("head -n 1 nope; tail -c 3 nope; cat nope; mkdir d; cat d", """
            head: cannot open 'nope' for reading: No such file or directory
            tail: cannot open 'nope' for reading: No such file or directory
            cat: nope: No such file or directory
            cat: d: Is a directory

            """),
        Case("printf '1\\n2\\n3\\n4\\n5\\n' | tail -n +3; printf '1\\n2\\n3\\n' | head -n -1; seq 10 | head -3; seq 10 | tail -2", "3\n4\n5\n1\n2\n1\n2\n3\n9\n10\n"),
        Case("printf 'q\\nr\\n' | cat -n", "     1\tq\n     2\tr\n"),
        Case("printf 'a\\tb\\r\\n' | cat -A", "a^Ib^M$\n"),
        Case("echo x | tee -a t1 t2 > /dev/null; cat t1 t2; tee /nonexist/x < /dev/null", "x\nx\ntee: /nonexist/x: No such file or directory\n"),
        Case("echo abc | base64; echo YWJjCg== | base64 -d; echo abc | base64 -w0; echo; echo '!!!' | base64 -d; echo $?", "YWJjCg==\nabc\nYWJjCg==\nbase64: invalid input\n1\n"),
        Case("touch a.txt b.yaml; mkdir s; touch s/c.txt; find . -name '*.txt'; find . -type d; find nope", "./a.txt\n./s/c.txt\n.\n./s\nfind: ‘nope’: No such file or directory\n"),
        // text
        Case("printf 'b\\na\\nc\\na\\n' | sort; printf 'b\\na\\nc\\na\\n' | sort -u | tr '\\n' ' '; echo", "a\na\nb\nc\na b c \n"),
        Case("printf '10\\n9\\n100\\n' | sort -n; printf 'b 2\\na 1\\nc 3\\n' | sort -k2nr; printf 'x,3\\ny,1\\n' | sort -t, -k2", "9\n10\n100\nc 3\nb 2\na 1\ny,1\nx,3\n"),
        Case("printf 'B\\na\\nC\\n' | sort; printf 'B\\na\\nC\\n' | sort -f", "B\nC\na\na\nB\nC\n"),
        Case("printf 'a\\na\\nb\\n' | uniq -c; printf 'a\\nb\\n' | uniq -u; printf 'a\\na\\nb\\n' | uniq -d", "      2 a\n      1 b\na\nb\na\n"),
        Case("printf 'a:b:c\\nd:e:f\\n' | cut -d: -f2; printf 'a:b:c\\n' | cut -d: -f1,3; printf 'hello\\n' | cut -c2-4; printf 'a b c\\n' | cut -d' ' -f2-", "b\ne\na:c\nell\nb c\n"),
        Case("cut nope; cut -f1 nope", "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\ncut: nope: No such file or directory\n"),
        Case("printf 'hello\\n' | tr -d l; printf 'aabbcc\\n' | tr -s abc; printf 'hello\\n' | tr '[:lower:]' '[:upper:]'", "heo\nabc\nHELLO\n"),
        Case("printf 'one\\ntwo\\nthree\\n' | grep -n t; printf 'one\\ntwo\\n' | grep -i ONE; printf 'ab\\n' | grep -E 'a|z'; printf 'x\\n' | grep -q x && echo found", "2:two\n3:three\none\nab\nfound\n"),
        Case("printf 'k=v\\nk2=v2\\n' > c.env; grep -c k c.env; grep -l k c.env; grep -h k c.env c.env; grep k c.env c.env", "2\nc.env\nk=v\nk2=v2\nk=v\nk2=v2\nc.env:k=v\nc.env:k2=v2\nc.env:k=v\nc.env:k2=v2\n"),
        Case("printf 'abc\\n' > f; grep -o b f; grep -w ab f; echo rc=$?; grep -x abc f", "b\nrc=1\nabc\n"),
        Case("printf 'a\\nb\\na\\n' > f; grep -A1 a f; echo ---; grep -B1 b f", "a\nb\na\n---\na\nb\n"),
        Case("grep; grep x nope; echo $?; grep -E '(' f", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\ngrep: nope: No such file or directory\n2\ngrep: Unmatched ( or \\(\n"),
        Case("printf 'foo\\n' | grep -F 'f.o'; echo $?; printf 'f.o\\n' | grep -F 'f.o'", "1\nf.o\n"),
        Case("printf 'ab\\n' | grep -oE 'a|ab'; printf 'baaac\\n' | sed 's/a*/x/g'; printf 'hello world\\n' | sed -E 's/\\b(\\w)/\\u\\1/g'", "ab\nxbxcx\nHello World\n"),
        Case("printf 'word\\nwords\\n' | grep '\\<word\\>'; printf '123\\nabc\\n' | grep '[[:digit:]]'; printf 'aaa\\n' | grep -c 'a\\{3\\}'", "word\n123\n1\n"),
        Case("mkdir -p d/e; echo needle > d/e/f; echo hay > d/g; grep -r needle d; grep needle d", "d/e/f:needle\ngrep: d: Is a directory\n"),
        Case("printf 'hello world\\n' | sed 's/o/0/g'; printf 'aaa\\n' | sed 's/a/b/2'; printf 'aaa\\n' | sed 's/a/b/2g'", "hell0 w0rld\naba\nabb\n"),
        Case("printf 'a\\nb\\nc\\nd\\n' | sed -n '2,3p'; printf 'a\\nb\\nc\\nd\\n' | sed '/b/,/c/d'; printf 'a\\nb\\nc\\n' | sed -n '$p'", "b\nc\na\nd\nc\n"),
        Case("printf 'a\\nb\\nc\\n' | sed '2!d'; printf 'a\\nb\\n' | sed =; printf 'hello\\n' | sed 'y/lo/LO/'", "b\n1\na\n2\nb\nheLLO\n"),
        Case("printf 'abc abc\\n' | sed 's/\\(a\\)\\(b\\)/\\2\\1/g'; printf 'abc\\n' | sed -E 's/(a)(b)/[\\2\\1]/'; printf 'abc\\n' | sed 's/b/[&]/'", "bac bac\n[ba]c\na[b]c\n"),
        Case("printf 'hello\\n' | sed 's/\\(.*\\)/\\U\\1/'; printf 'x y\\n' | sed -E 's/(\\w+) (\\w+)/\\2 \\1/'", "HELLO\ny x\n"),
        Case("printf 'a\\nb\\nc\\n' | sed '1i\\top'; printf 'a\\nb\\n' | sed '$a end'; printf '1\\n2\\n3\\n' | sed -n '/2/{p;p}'", "top\na\nb\nc\na\nb\nend\n2\n2\n"),
        Case("printf 'abc' | sed 's/c/C/'; echo", "abC\n"),
        Case("printf 'a\\n' | sed 's/a/b'; printf 'a\\n' | sed 'k'; printf 'a\\n' | sed 's/a/b/z'; sed -i 's/a/b/' nope", """
            sed: -e expression #1, char 5: unterminated `s' command
            sed: -e expression #1, char 1: unknown command: `k'
            sed: -e expression #1, char 7: unknown option to `s'
            sed: can't read nope: No such file or directory

            """),
        Case("printf 'x\\n' > g; sed -i.bak 's/x/y/' g; cat g g.bak", "y\nx\n"),
        Case("echo 'a b' | awk '{print $2}'; printf 'x 1\\ny 2\\n' | awk 'NR>1 {print $1}'; printf 'a:b\\n' | awk -F: '{print $2, $1}'", "b\ny\nb a\n"),
        Case("printf 'x 1\\ny 2\\n' | awk '{s+=$2} END {print s}'; echo 'a b c' | awk '{print NF, $NF}'; echo 'a b c' | awk '{$2=\"X\"; print}'", "3\n3 c\na X c\n"),
        Case("printf 'a b\\n' | awk '{printf \"%s-%s\\n\", $2, $1}'; awk 'BEGIN {print 1+2, \"x\" \"y\"}'", "b-a\n3 xy\n"),
        Case("printf 'a\\nb\\nc\\n' | paste -s -d, -; printf 'a\\nb\\nc\\nd\\n' | paste - -", "a,b,c\na\tb\nc\td\n"),
        Case("seq 3; seq 2 4 | tr '\\n' ' '; seq 1 2 7 | tr '\\n' ' '; seq 5 -1 3 | tr '\\n' ' '; seq -s, 1 3", "1\n2\n3\n2 3 4 1 3 5 7 5 4 3 1,2,3\n"),
        Case("seq x; seq", "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\nseq: missing operand\nTry 'seq --help' for more information.\n"),
        Case("basename /a/b/c.yaml .yaml; dirname /a/b/c.yaml; dirname c; basename", "c\n/a/b\n.\nbasename: missing operand\nTry 'basename --help' for more information.\n"),
        Case("echo 'one two' | xargs -n1 echo; echo 'a b' | xargs echo pre; printf 'x\\ny\\n' | xargs -I{} echo 'item {}'", "one\ntwo\npre a b\nitem x\nitem y\n"),
        // shell state
        Case("export 1a=b; unset UID; alias zz; cd a b", """
            bash: export: `1a=b': not a valid identifier
            bash: unset: UID: cannot unset: readonly variable
            bash: alias: zz: not found
            bash: cd: too many arguments

            """),
        Case("env | grep -c ^HOME=; export -p | grep 'HOME'", "1\ndeclare -x HOME=\"/root\"\n"),
        Case("X=1 bash -c 'echo $X'; export Y=2; bash -c 'echo $Y'; bash -c 'exit 4'; echo $?", "1\n2\n4\n"),
        Case("eval 'echo evaluated'; x='echo hi'; $x", "evaluated\nhi\n"),
        Case("command -v ls cd nope; echo $?", "/usr/bin/ls\ncd\n1\n"),
        Case("hostname; whoami; id; uname; uname -n", "master01\nroot\nuid=0(root) gid=0(root) groups=0(root)\nLinux\nmaster01\n"),
        Case("date; date +%F_%T", "Wed Jan  1 00:00:02 UTC 2025\n2025-01-01_00:00:02\n"),
        Case("kill %1; kill 123; umask; complete -F _k k; shopt -s expand_aliases; trap 'echo bye' EXIT; echo $?", "bash: kill: %1: no such job\nbash: kill: (123) - No such process\n0022\n0\n"),
        Case("time sleep 1.5", "\nreal\t0m1.500s\nuser\t0m0.000s\nsys\t0m0.000s\n"),
        Case("sudo echo root anyway; timeout 5s echo in time; timeout x echo t; echo $?", "root anyway\nin time\ntimeout: invalid time interval ‘x’\nTry 'timeout --help' for more information.\n125\n"),
        Case("nohup echo bg; cat nohup.out; nohup echo piped | cat", "nohup: ignoring input and appending output to 'nohup.out'\nbg\npiped\n"),
        Case("watch -n 1 echo hi", "Every 1.0s: echo hi                                     Wed Jan  1 00:00:02 2025\n\nhi\n"),
        Case("cat <(echo from-subst); source <(echo X=5); echo $X; ls /dev/fd | wc -l", "from-subst\n5\n0\n"),
    ]

    @Test(arguments: cases)
    func builtin(_ c: Case) {
        let (s, _) = makeSession()
        let out = s.execute(c.script)
        #expect(out.combined == c.expected)
    }

    @Test func lsLongHumanAndAll() {
        let (s, _) = makeSession(files: ["big.bin": String(repeating: "x", count: 5000), "small": "hi\n"])
        #expect(s.execute("ls -lh").stdout == """
            total 12K
            -rw-r--r-- 1 root root 4.9K Jan  1 00:00 big.bin
            -rw-r--r-- 1 root root    3 Jan  1 00:00 small

            """)
        #expect(s.execute("ls -a").stdout == ".  ..  big.bin  small\n")
        #expect(s.execute("ls -1").stdout == "big.bin\nsmall\n")
    }

    @Test func exitPrintsExitAndStops() {
        let (s, _) = makeSession()
        let out = s.execute("echo a; exit 3; echo b")
        #expect(out.combined == "a\nexit\n")
        #expect(out.exitCode == 3)
        #expect(s.hasExited)
        let (s2, _) = makeSession()
        #expect(s2.execute("exit abc").combined == "exit\nbash: exit: abc: numeric argument required\n")
        #expect(s2.lastExitCode == 2)
    }

    @Test func cdMaintainsPwdAndOldpwd() {
        let (s, _) = makeSession(directories: ["a"])
        _ = s.execute("cd a")
        #expect(s.variable("PWD") == "/root/a")
        #expect(s.variable("OLDPWD") == "/root")
        #expect(s.environment["OLDPWD"] == "/root")
        #expect(s.execute("cd -").stdout == "/root\n")
    }
}
