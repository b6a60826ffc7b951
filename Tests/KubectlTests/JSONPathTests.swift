import Foundation
import Testing
import KubeAPI
@testable import Kubectl

// Expected outputs below were recorded from kubectl v1.32 itself:
//   kubectl label --local -f FIXTURE.json x=y -o jsonpath=TEMPLATE
// (`label --local` runs the real printers offline; it adds the label x=y, which the
// fixtures here already carry). When /usr/bin/kubectl exists, the live tests re-run every
// case against it and compare stdout, stderr and the exit code byte for byte.

// MARK: - Shared helpers (also used by GoTemplateTests)

/// One printer case: the template and what kubectl printed. For failures only the first
/// line of the error message (and of stdout) is recorded; the debugging dump that follows
/// is checked in full by dedicated tests and by the live comparison.
struct PrintCase: Sendable, CustomTestStringConvertible {
    let template: String
    let stdout: String
    let error: String?

    static func ok(_ template: String, _ stdout: String) -> PrintCase {
        PrintCase(template: template, stdout: stdout, error: nil)
    }

    static func fail(_ template: String, stdout: String, error: String) -> PrintCase {
        PrintCase(template: template, stdout: stdout, error: error)
    }

    var testDescription: String { template }
}

enum PrintFixture {
    /// cm.json: a ConfigMap with one field of every JSON kind under `foo`.
    static let cm: JSONValue = [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": "x", "creationTimestamp": nil, "labels": ["x": "y"]],
        "foo": [
            "i": 3, "f": .double(1.5), "big": .double(1e21), "neg": -2, "b": true, "n": nil, "s": "<a&b>",
            "arr": [1, "two", ["k": "v"], nil, .double(2.5)], "e": [:], "ea": [],
        ],
    ]

    /// pods.json: a pod-like list under `list` (not `items`, which kubectl would unwrap).
    static let pods: JSONValue = [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": "x", "labels": ["app.kubernetes.io/name": "web", "tier": "fe", "x": "y"]],
        "list": [
            [
                "metadata": ["name": "a", "namespace": "default"],
                "status": [
                    "phase": "Running",
                    "conditions": [["type": "Ready", "status": "True"], ["type": "Init", "status": "False"]],
                    "containerStatuses": [["name": "c1", "restartCount": 2, "ready": true]],
                ],
                "spec": [
                    "containers": [
                        ["name": "c1", "image": "nginx:1.25", "ports": [["containerPort": 80]]],
                        ["name": "c2", "image": "busybox"],
                    ],
                    "replicas": 3,
                ],
            ],
            [
                "metadata": ["name": "b", "namespace": "kube-system"],
                "status": ["phase": "Pending", "conditions": [["type": "Ready", "status": "False"]]],
                "spec": ["containers": [["name": "main", "image": "redis"]], "replicas": 1],
            ],
            [
                "metadata": ["name": "c"],
                "status": [:],
                "spec": ["containers": [], "replicas": .double(0.5)],
            ],
        ],
    ]

    /// tiny.json: small enough to check kubectl's debugging dumps in full.
    static let tiny: JSONValue = [
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": ["name": "t", "labels": ["x": "y"]],
        "data": ["a": "1", "b": "<2>"], "n": .double(1.5), "z": nil, "l": [1, "s"],
    ]

    /// Fixture files for the live comparisons, written once per test run.
    static let cmFile: String? = try? fileForKubectl(cm)
    static let podsFile: String? = try? fileForKubectl(pods)

    /// The fixture as a file for `kubectl label --local -f FILE x=y` (without the label).
    static func fileForKubectl(_ v: JSONValue) throws -> String {
        var o = v.objectValue ?? [:]
        if var md = o["metadata"]?.objectValue, var labels = md["labels"]?.objectValue {
            labels["x"] = nil
            md["labels"] = labels.isEmpty ? nil : .object(labels)
            o["metadata"] = .object(md)
        }
        let path = NSTemporaryDirectory() + "kubelab-printer-\(UUID().uuidString).json"
        try GoJSON.marshal(.object(o)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// What our printer produces for kubectl's `-o MODE=TEMPLATE`: stdout, stderr, exit code.
func runPrinter(_ mode: String, _ template: String, _ data: JSONValue) -> (stdout: String, stderr: String, code: Int32) {
    do {
        let out = mode == "jsonpath" ? try JSONPath(template).execute(data) : try GoTemplate(template).execute(data)
        return (out, "", 0)
    } catch let e as PrinterError {
        return (e.stdout, e.stderr, e.exitCode)
    } catch {
        return ("", "unexpected \(error)", 99)
    }
}

let kubectlPath = "/usr/bin/kubectl"
let kubectlAvailable = FileManager.default.isExecutableFile(atPath: kubectlPath)

/// The real thing: `kubectl label --local -f FILE x=y -o MODE=TEMPLATE`.
func runKubectl(_ mode: String, _ template: String, file: String) throws -> (stdout: String, stderr: String, code: Int32) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: kubectlPath)
    p.arguments = ["label", "--local", "-f", file, "x=y", "-o", "\(mode)=\(template)"]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    // client-go may log discovery noise when no cluster is reachable; it is not printer output.
    let stderr = String(decoding: e, as: UTF8.self)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.contains("memcache.go") }
        .joined(separator: "\n")
    return (String(decoding: o, as: UTF8.self), stderr, p.terminationStatus)
}

func checkCase(_ mode: String, _ c: PrintCase, _ data: JSONValue) {
    let r = runPrinter(mode, c.template, data)
    if let error = c.error {
        #expect(r.code == 1)
        #expect(r.stderr.hasPrefix("error: "))
        let message = String(r.stderr.dropFirst("error: ".count))
        #expect(message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == error)
        #expect(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" == c.stdout)
    } else {
        #expect(r.code == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == c.stdout)
    }
}

/// A small deterministic generator for fuzzing (SplitMix64).
struct PrintFuzzRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

func fuzzTemplate(_ rng: inout PrintFuzzRNG, pieces: [String], maxPieces: Int) -> String {
    let n = Int(rng.next() % UInt64(maxPieces)) + 1
    var s = ""
    for _ in 0..<n { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
    return s
}

// MARK: - JSONPath

@Suite struct JSONPathTests {
    static let cm: [PrintCase] = [
        .ok("{.metadata.name}", "x"),
        .ok("{.foo.s}", "<a&b>"),
        .ok("{.foo.i} {.foo.f} {.foo.big} {.foo.neg} {.foo.b}", "3 1.5 1e+21 -2 true"),
        .ok("{.foo.n}|{.foo.missing}|{.metadata.creationTimestamp}", "null||null"),
        .ok("{.foo.e} {.foo.ea} {.foo.arr}", "{} [] [1,\"two\",{\"k\":\"v\"},null,2.5]"),
        .ok("{.foo}", "{\"arr\":[1,\"two\",{\"k\":\"v\"},null,2.5],\"b\":true,\"big\":1e+21,\"e\":{},\"ea\":[],\"f\":1.5,\"i\":3,\"n\":null,\"neg\":-2,\"s\":\"\\u003ca\\u0026b\\u003e\"}"),
        .ok("{$}", "{\"apiVersion\":\"v1\",\"foo\":{\"arr\":[1,\"two\",{\"k\":\"v\"},null,2.5],\"b\":true,\"big\":1e+21,\"e\":{},\"ea\":[],\"f\":1.5,\"i\":3,\"n\":null,\"neg\":-2,\"s\":\"\\u003ca\\u0026b\\u003e\"},\"kind\":\"ConfigMap\",\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"x\":\"y\"},\"name\":\"x\"}}"),
        .ok("{@.foo.i}", "3"),
        .ok("{.}", ""),
        .ok("plain text, no actions", "plain text, no actions"),
        .fail("}{.foo.i}{", stdout: "", error: "error parsing jsonpath }{.foo.i}{, unclosed action"),
        .ok("{.foo.s}{\"\\n\"}{.foo.i}{\"\\t\"}{.foo.f}", "<a&b>\n3\t1.5"),
        .ok("{\"a\\\"b\"}{'single'}{\"\\x41\\u00e9\\101\"}", "a\"bsingleAéA"),
        .ok("{1}{-2}{+3}{1.5}{true}{false}", "1-231.5truefalse"),
        .ok("{.foo.arr[0]} {.foo.arr[-1]} {.foo.arr[]}", "1 2.5 1"),
        .ok("{.foo.arr[1:3]}", "two {\"k\":\"v\"}"),
        .ok("{.foo.arr[0:5:2]}", "1 {\"k\":\"v\"} 2.5"),
        .ok("{.foo.arr[-2:]}", "null 2.5"),
        .ok("{.foo.arr[:]}", "1 two {\"k\":\"v\"} null 2.5"),
        .ok("{.foo.arr[*]}", "1 two {\"k\":\"v\"} null 2.5"),
        .ok("{.foo.arr[1:1]}x", "x"),
        .ok("{.foo.arr[5:]}x", "x"),
        .ok("{.foo.arr[0,1]}", "1 two"),
        .ok("{.foo['i','f']}", "3 1.5"),
        .ok("{.foo['i' , 'f']}", "3 1.5"),
        .ok("{.metadata['name']}", "x"),
        .ok("{['metadata.name']}", "x"),
        .ok("{.foo.s.*}", "60 97 38 98 62"),
        .ok("{..k}", "v"),
        .ok("{...k}", "v"),
        .ok("{.foo.arr[2].*}", "v"),
        .ok("{.foo.arr[?(@.k==\"v\")]}", "{\"k\":\"v\"}"),
        .ok("{.foo.arr[?(@.k=='v')].k}", "v"),
        .ok("{.foo.arr[?(@.k!=\"v\")]}", ""),
        .ok("{.foo.arr[?(@.k)]}", "{\"k\":\"v\"}"),
        .ok("{.foo.missing[0]}x", "x"),
        .ok("{.foo.s.x}x", "x"),
        .ok("{.foo.arr[0].x}x", "x"),
        .ok("{range .foo.arr[*]}[{@}]{end}", "[1][two][{\"k\":\"v\"}][<no value>][2.5]"),
        .ok("{range .foo.arr[*]}[{.k}]{end}after", "[][][v][][]after"),
        .ok("{range .foo.arr[*]}{range .foo}x{end}y{end}z", "yyyyyz"),
        .ok("{range .metadata}{.name}{end}", "x"),
        .ok("{range .foo.ea[*]}x{end}after{.foo.i}", "after3"),
        .ok("{range .foo.arr[*]}{@},", "1,two,{\"k\":\"v\"},<no value>,2.5,{\"apiVersion\":\"v1\",\"foo\":{\"arr\":[1,\"two\",{\"k\":\"v\"},null,2.5],\"b\":true,\"big\":1e+21,\"e\":{},\"ea\":[],\"f\":1.5,\"i\":3,\"n\":null,\"neg\":-2,\"s\":\"\\u003ca\\u0026b\\u003e\"},\"kind\":\"ConfigMap\",\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"x\":\"y\"},\"name\":\"x\"}},"),
        .ok("{range}{end}", ""),
        .fail("{.foo.arr[}", stdout: "", error: "error parsing jsonpath {.foo.arr[}, unterminated array"),
        .fail("{.foo", stdout: "", error: "error parsing jsonpath {.foo, unclosed action"),
        .fail("{.foo.arr[x]}", stdout: "", error: "error parsing jsonpath {.foo.arr[x]}, invalid array index x"),
        .fail("{.foo.arr[1:2:3:4]}", stdout: "", error: "error parsing jsonpath {.foo.arr[1:2:3:4]}, invalid array index 1:2:3:4"),
        .fail("{.foo.arr[-]}", stdout: "", error: "error parsing jsonpath {.foo.arr[-]}, array index - is not a number"),
        .fail("{range .foo.arr[*]}{@}{end", stdout: "", error: "error parsing jsonpath {range .foo.arr[*]}{@}{end, unclosed action"),
        .fail("{.foo.arr[?(@=~\"x\")]}", stdout: "", error: "error parsing jsonpath {.foo.arr[?(@=~\"x\")]}, unrecognized character in action: U+007E '~'"),
        .fail("{.foo.arr[?(@.k==\"v\")}", stdout: "", error: "error parsing jsonpath {.foo.arr[?(@.k==\"v\")}, unclosed array expect ]"),
        .fail("{.foo.arr[?(@.k==\"v\"", stdout: "", error: "error parsing jsonpath {.foo.arr[?(@.k==\"v\", unterminated filter"),
        .fail("{\"abc}", stdout: "", error: "error parsing jsonpath {\"abc}, unterminated quoted string"),
        .fail("{\"\\q\"}", stdout: "", error: "error parsing jsonpath {\"\\q\"}, unquote string \"\\q\" error invalid syntax"),
        .fail("{1.2.3}", stdout: "", error: "error parsing jsonpath {1.2.3}, cannot parse number 1.2.3"),
        .fail("{-}", stdout: "", error: "error parsing jsonpath {-}, cannot parse number -"),
        .ok("{..x..y}", ""),
        .fail("{....x}", stdout: "", error: "error parsing jsonpath {....x}, invalid multiple recursive descent"),
        .fail("{\t.a}", stdout: "", error: "error parsing jsonpath {\t.a}, unrecognized character in action: U+0009"),
        .fail("{*}", stdout: "", error: "error parsing jsonpath {*}, unrecognized character in action: U+002A '*'"),
        .fail("{end}", stdout: "", error: "error executing jsonpath \"{end}\": Error executing template: not in range, nothing to end. Printing more information for debugging the template:"),
        .fail("{.foo.arr[9]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[9]}\": Error executing template: array index out of bounds: index 9, length 5. Printing more information for debugging the template:"),
        .fail("{.foo.arr[-9]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[-9]}\": Error executing template: array index out of bounds: index -4, length 5. Printing more information for debugging the template:"),
        .fail("{.foo.arr[0:9]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[0:9]}\": Error executing template: array index out of bounds: index 8, length 5. Printing more information for debugging the template:"),
        .fail("{.foo.arr[2:1]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[2:1]}\": Error executing template: starting index 2 is greater than ending index 1. Printing more information for debugging the template:"),
        .fail("{.foo.arr[::-1]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[::-1]}\": Error executing template: step must be > 0. Printing more information for debugging the template:"),
        .fail("{.foo.i[0]}", stdout: "", error: "error executing jsonpath \"{.foo.i[0]}\": Error executing template: int64 is not array or slice. Printing more information for debugging the template:"),
        .fail("{.foo.s[0]}", stdout: "", error: "error executing jsonpath \"{.foo.s[0]}\": Error executing template: string is not array or slice. Printing more information for debugging the template:"),
        .fail("{.foo.i[?(@.x)]}", stdout: "", error: "error executing jsonpath \"{.foo.i[?(@.x)]}\": Error executing template: 3 is not array or slice and cannot be filtered. Printing more information for debugging the template:"),
        .fail("{.foo.arr[?(@ > 1)]}", stdout: "", error: "error executing jsonpath \"{.foo.arr[?(@ > 1)]}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:"),
        .fail("{.foo['a b']}", stdout: "", error: "error executing jsonpath \"{.foo['a b']}\": Error executing template: unrecognized identifier b. Printing more information for debugging the template:"),
        .fail("{range .foo.arr[*]}{[0]}{end}", stdout: "", error: "error executing jsonpath \"{range .foo.arr[*]}{[0]}{end}\": Error executing template: int64 is not array or slice. Printing more information for debugging the template:"),
        .fail("{nosuch}", stdout: "", error: "error executing jsonpath \"{nosuch}\": Error executing template: unrecognized identifier nosuch. Printing more information for debugging the template:"),
    ]
    static let pods: [PrintCase] = [
        .ok("{range .list[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}", "a\tRunning\nb\tPending\nc\t\n"),
        .ok("{.list[*].metadata.name}", "a b c"),
        .ok("{.list[*].spec.containers[*].image}", "nginx:1.25 busybox redis"),
        .ok("{.list[?(@.status.phase==\"Running\")].metadata.name}", "a"),
        .ok("{.list[*].status.conditions[?(@.type==\"Ready\")].status}", "True False"),
        .ok("{.metadata.labels.app\\.kubernetes\\.io/name}", "web"),
        .ok("{.metadata.labels['app\\.kubernetes\\.io/name']}", "web"),
        .ok("{.list[?(@.metadata.namespace!=\"default\")].metadata.name}", "b"),
        .ok("{range .list[*]}{.metadata.name}:{range .spec.containers[*]}{.name}={.image},{end};{end}", "a:c1=nginx:1.25,c2=busybox,;b:main=redis,;c:;"),
        .ok("{.list[0].spec.containers[0].ports[0].containerPort}", "80"),
        .ok("{.list[-1:].metadata.name}", "c"),
        .ok("{.list[0:2].metadata.name}", "a b"),
        .ok("{.list[*].status.containerStatuses[*].restartCount}", "2"),
        .ok("{.list[?(@.status.containerStatuses[0].ready==true)].metadata.name}", "a"),
        .ok("{range .list[*]}{@.metadata.name}{end}", "abc"),
        .ok("{.list..containerPort}", "80"),
        .ok("{.list[*].metadata}", "{\"name\":\"a\",\"namespace\":\"default\"} {\"name\":\"b\",\"namespace\":\"kube-system\"} {\"name\":\"c\"}"),
        .ok("{.list[?(@.metadata.namespace)].metadata.name}", "a b"),
        .ok("{.list[?(@.metadata.name==\"a\" )].metadata.name}", "a"),
        .ok("{range .list[*]}{.metadata.name}{end}{range .list[*]}{.spec.replicas}{end}", "abc310.5"),
        .ok("{.list[*].spec.replicas}", "3 1 0.5"),
        .ok("Name: {.metadata.name}, Labels: {.metadata.labels}", "Name: x, Labels: {\"app.kubernetes.io/name\":\"web\",\"tier\":\"fe\",\"x\":\"y\"}"),
        .fail("{.list[*][\"metadata\"]}", stdout: "", error: "error parsing jsonpath {.list[*][\"metadata\"]}, invalid array index \"metadata\""),
        .fail("{.list[?(!@.x)]}", stdout: "", error: "error parsing jsonpath {.list[?(!@.x)]}, unrecognized character in action: U+0021 '!'"),
        .fail("{.list[?(@.spec.replicas>1)].metadata.name}", stdout: "", error: "error executing jsonpath \"{.list[?(@.spec.replicas>1)].metadata.name}\": Error executing template: incompatible types for comparison. Printing more information for debugging the template:"),
        .fail("{.list[?(@.spec.containers[0].name==\"main\")].metadata.name}", stdout: "", error: "error executing jsonpath \"{.list[?(@.spec.containers[0].name==\\\"main\\\")].metadata.name}\": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:"),
    ]

    @Test(arguments: cm) func configMapCases(_ c: PrintCase) {
        checkCase("jsonpath", c, PrintFixture.cm)
    }

    @Test(arguments: pods) func podListCases(_ c: PrintCase) {
        checkCase("jsonpath", c, PrintFixture.pods)
    }

    @Test func executionErrorCarriesKubectlsWholeDump() {
        let r = runPrinter("jsonpath", "{.l[5]}", PrintFixture.tiny)
        #expect(r.code == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "error: error executing jsonpath \"{.l[5]}\": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.l[5]}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"data\":map[string]interface {}{\"a\":\"1\", \"b\":\"<2>\"}, \"kind\":\"ConfigMap\", \"l\":[]interface {}{1, \"s\"}, \"metadata\":map[string]interface {}{\"labels\":map[string]interface {}{\"x\":\"y\"}, \"name\":\"t\"}, \"n\":1.5, \"z\":interface {}(nil)}\n\n\n")
    }

    @Test func parseErrorsQuoteTheTemplateVerbatim() {
        let r = runPrinter("jsonpath", "{.data.a}\n{.l[", PrintFixture.tiny)
        #expect(r.code == 1)
        #expect(r.stderr == "error: error parsing jsonpath {.data.a}\n{.l[, unterminated array\n")
        #expect(throws: PrinterError(message: "error parsing jsonpath {, unclosed action\n")) { try JSONPath("{") }
    }

    @Test func mapsPrintAsHTMLEscapedJSON() throws {
        #expect(try JSONPath("{.data}{.data.b}").execute(PrintFixture.tiny) == "{\"a\":\"1\",\"b\":\"\\u003c2\\u003e\"}<2>")
        let odd: JSONValue = ["s": "a\u{8}\u{C}\u{1}=\u{2028}é\u{A0}\"'\\", "f": .double(1234567), "g": .double(0.000012), "h": .double(1e-7)]
        #expect(try JSONPath("{$}").execute(odd) == "{\"f\":1234567,\"g\":0.000012,\"h\":1e-7,\"s\":\"a\\b\\f\\u0001=\\u2028é\u{A0}\\\"'\\\\\"}")
        // Outside JSON, floats print the way Go's fmt does.
        #expect(try JSONPath("{.f} {.g} {.h}").execute(odd) == "1.234567e+06 1.2e-05 1e-07")
    }

    /// Go visits map entries in random order for `*` and `..`; we use sorted key order.
    @Test func wildcardAndRecursiveDescentUseSortedKeys() throws {
        #expect(try JSONPath("{.foo.*}").execute(PrintFixture.cm)
            == "[1,\"two\",{\"k\":\"v\"},null,2.5] true 1e+21 {} [] 1.5 3 null -2 <a&b>")
        #expect(try JSONPath("{..name}").execute(PrintFixture.pods) == "a c1 c2 c1 b main c x")
    }

    /// kubectl prints several objects as one List.
    @Test func listOfObjects() throws {
        let list: JSONValue = [
            "apiVersion": "v1", "kind": "List", "metadata": ["resourceVersion": ""],
            "items": [["metadata": ["name": "a"]], ["metadata": ["name": "b"]]],
        ]
        #expect(try JSONPath("{.items[*].metadata.name}").execute(list) == "a b")
        #expect(try JSONPath("{range .items[*]}{.metadata.name}{\"\\n\"}{end}").execute(list) == "a\nb\n")
        #expect(try JSONPath("{.kind}/{.metadata.resourceVersion}/").execute(list) == "List//")
    }

    @Test func errorTypeReportsWhatKubectlShows() {
        let e = PrinterError(message: "boom")
        #expect(e.stderr == "error: boom\n")
        #expect(e.exitCode == 1)
        #expect(PrinterError(message: "boom\n").stderr == "error: boom\n")
    }

    /// Random templates must never crash or hang, and must give the same answer twice.
    @Test func fuzzNeverCrashes() {
        let pieces = ["{", "}", "[", "]", "(", ")", ".", "..", ",", ":", "*", "?", "@", "$", "'", "\"", "\\",
                      " ", "-", "+", "=", "==", "<", ">", "!", "|", "~", "\n", "\t", "0", "1", "-1", "9",
                      "foo", "arr", "i", "k", "s", "n", "range", "end", "true", "[?(@.", "[*]", "[0:2]",
                      "{.foo.arr[*]}", "{range .foo.arr[*]}", "{end}", "'k'", "\"v\"", "é", "\u{0}"]
        var rng = PrintFuzzRNG(state: 42)
        for _ in 0..<4000 {
            let t = fuzzTemplate(&rng, pieces: pieces, maxPieces: 14)
            let a = runPrinter("jsonpath", t, PrintFixture.cm)
            let b = runPrinter("jsonpath", t, PrintFixture.cm)
            #expect(a.stdout == b.stdout && a.stderr == b.stderr, "\(t)")
            #expect(a.code != 99, "\(t)")
        }
    }

    @Test func deepNestingIsRefusedNotFatal() {
        let t = String(repeating: "{range}", count: 5000) + String(repeating: "{end}", count: 5000)
        let r = runPrinter("jsonpath", t, PrintFixture.cm)
        #expect(r.code == 1)
        let long = String(repeating: "{.a}", count: 20000)
        #expect(runPrinter("jsonpath", long, PrintFixture.cm).stdout == "")
    }

    /// Every recorded case, re-run against the real kubectl when it is installed.
    @Test(.enabled(if: kubectlAvailable), arguments: cm.map { ("cm", $0) } + pods.map { ("pods", $0) })
    func matchesLiveKubectl(_ fixture: String, _ c: PrintCase) throws {
        let data = fixture == "cm" ? PrintFixture.cm : PrintFixture.pods
        let file = try #require(fixture == "cm" ? PrintFixture.cmFile : PrintFixture.podsFile)
        let k = try runKubectl("jsonpath", c.template, file: file)
        let m = runPrinter("jsonpath", c.template, data)
        #expect(m.stdout == k.stdout, "stdout")
        #expect(m.stderr == k.stderr, "stderr")
        #expect(m.code == k.code, "exit code")
    }
}
