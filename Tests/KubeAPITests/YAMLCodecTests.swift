import Foundation
import Testing
@testable import KubeAPI

// Expected strings below were captured from kubectl v1.32 (`kubectl patch --local -f F --type merge
// -p '{}' -o json|yaml`, which reads manifests offline exactly like `apply -f`/`create -f`). They
// assert the behaviour without kubectl; the `live` tests re-check them against /usr/bin/kubectl.

private let ConfigMapHeader = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n"

struct ParseErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: String
    init(_ name: String, _ yaml: String, _ expected: String) {
        self.name = name
        self.yaml = yaml
        self.expected = expected
    }
    var file: String { name + ".yaml" }
    var testDescription: String { name }
}

private let parseErrorCases: [ParseErrorCase] = [
    ParseErrorCase("courseStatefulSetTabIndent", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: myapp\nspec:\n  volumeClaimTemplates:\n  - metadata:\n      name: myappdata\n\t  annotations:\n        volume.beta.kubernetes.io/storage-class: nfs-client-storageclass\n    spec:\n      accessModes: [\"ReadWriteOnce\"]\n",
        "error: error parsing courseStatefulSetTabIndent.yaml: error converting YAML to JSON: yaml: line 9: found a tab character that violates indentation"),
    ParseErrorCase("tabAtLineStart", ConfigMapHeader + "data:\n\tkey: value\n",
        "error: error parsing tabAtLineStart.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("tabAfterIndent", ConfigMapHeader + "data:\n  \tkey: value\n",
        "error: error parsing tabAfterIndent.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("tabBeforeNestedKeyInMapping", ConfigMapHeader + "  labels:\n    app: web\n\t  tier: db\n",
        "error: error parsing tabBeforeNestedKeyInMapping.yaml: error converting YAML to JSON: yaml: line 7: found a tab character that violates indentation"),
    ParseErrorCase("keyIndentedTooFar", ConfigMapHeader + "  labels:\n    app: web\n     tier: db\n",
        "error: error parsing keyIndentedTooFar.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context"),
    ParseErrorCase("keyIndentedTooLittle", ConfigMapHeader + "  labels:\n    app: web\n   tier: db\n",
        "error: error parsing keyIndentedTooLittle.yaml: error converting YAML to JSON: yaml: line 6: did not find expected key"),
    ParseErrorCase("unclosedDoubleQuote", ConfigMapHeader + "data:\n  key: \"value\n  other: x\n",
        "error: error parsing unclosedDoubleQuote.yaml: error converting YAML to JSON: yaml: line 8: found unexpected end of stream"),
    ParseErrorCase("unclosedSingleQuote", ConfigMapHeader + "data:\n  key: 'value\n",
        "error: error parsing unclosedSingleQuote.yaml: error converting YAML to JSON: yaml: line 7: found unexpected end of stream"),
    ParseErrorCase("mappingValueInPlainScalar", ConfigMapHeader + "data:\n  key: a: b\n",
        "error: error parsing mappingValueInPlainScalar.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context"),
    ParseErrorCase("mappingValueOnFirstLine", "apiVersion: v1: x\n",
        "error: error parsing mappingValueOnFirstLine.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
    ParseErrorCase("listThenMappingSameLevel", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n  restartPolicy: Never\n  - name: b\n",
        "error: error parsing listThenMappingSameLevel.yaml: error converting YAML to JSON: yaml: line 9: did not find expected key"),
    ParseErrorCase("mappingAfterListItems", ConfigMapHeader + "data:\n  - a\n  b: c\n",
        "error: error parsing mappingAfterListItems.yaml: error converting YAML to JSON: yaml: line 6: did not find expected '-' indicator"),
    ParseErrorCase("unterminatedFlowSequence", ConfigMapHeader + "data:\n  key: [a, b\n",
        "error: error parsing unterminatedFlowSequence.yaml: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'"),
    ParseErrorCase("unterminatedFlowMapping", ConfigMapHeader + "data: {a: b\n",
        "error: error parsing unterminatedFlowMapping.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or '}'"),
    ParseErrorCase("flowMissingComma", ConfigMapHeader + "data: {a: b c: d}\n",
        "error: error parsing flowMissingComma.yaml: error converting YAML to JSON: yaml: line 4: did not find expected ',' or '}'"),
    ParseErrorCase("dashWithoutSpace", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  -name: x\n    image: nginx\n",
        "error: error parsing dashWithoutSpace.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context"),
    ParseErrorCase("atSignStartsValue", ConfigMapHeader + "data:\n  key: @value\n",
        "error: error parsing atSignStartsValue.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("backtickStartsValue", ConfigMapHeader + "data:\n  key: `cmd`\n",
        "error: error parsing backtickStartsValue.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("percentStartsValue", ConfigMapHeader + "data:\n  key: %d\n",
        "error: error parsing percentStartsValue.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("unknownEscape", ConfigMapHeader + "data:\n  key: \"a\\qb\"\n",
        "error: error parsing unknownEscape.yaml: error converting YAML to JSON: yaml: line 6: found unknown escape character"),
    ParseErrorCase("blockScalarTab", ConfigMapHeader + "data:\n  script: |\n\techo hi\n",
        "error: error parsing blockScalarTab.yaml: error converting YAML to JSON: yaml: line 7: found a tab character where an indentation space is expected"),
    ParseErrorCase("blockScalarDedent", ConfigMapHeader + "data:\n  script: |\n    echo hi\n  echo bye\n",
        "error: error parsing blockScalarDedent.yaml: error converting YAML to JSON: yaml: line 9: could not find expected ':'"),
    ParseErrorCase("controlCharacter", ConfigMapHeader + "data:\n  key: a\u{7}b\n",
        "error: error parsing controlCharacter.yaml: error converting YAML to JSON: yaml: control characters are not allowed"),
    ParseErrorCase("escapeCharacter", ConfigMapHeader + "data:\n  key: \u{1B}[0m\n",
        "error: error parsing escapeCharacter.yaml: error converting YAML to JSON: yaml: control characters are not allowed"),
    ParseErrorCase("unknownAnchor", ConfigMapHeader + "data:\n  key: *nope\n",
        "error: error parsing unknownAnchor.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"),
    ParseErrorCase("recursiveAnchor", ConfigMapHeader + "data:\n  key: &a [*a]\n",
        "error: error parsing recursiveAnchor.yaml: error converting YAML to JSON: yaml: anchor 'a' value contains itself"),
    ParseErrorCase("mergeOfScalar", ConfigMapHeader + "data:\n  <<: 5\n",
        "error: error parsing mergeOfScalar.yaml: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
    ParseErrorCase("nullMapKey", ConfigMapHeader + "data:\n  ~: x\n",
        "error: error parsing nullMapKey.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"x\""),
    ParseErrorCase("sequenceMapKey", ConfigMapHeader + "data:\n  [a]: b\n",
        "error: error parsing sequenceMapKey.yaml: error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\"}"),
    ParseErrorCase("uint64MapKey", ConfigMapHeader + "data:\n  18446744073709551615: x\n",
        "error: error parsing uint64MapKey.yaml: error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: \"x\""),
    ParseErrorCase("nanValue", ConfigMapHeader + "data:\n  key: .nan\n",
        "error: error parsing nanValue.yaml: error converting YAML to JSON: json: unsupported value: NaN"),
    ParseErrorCase("infValue", ConfigMapHeader + "data:\n  key: -.inf\n",
        "error: error parsing infValue.yaml: error converting YAML to JSON: json: unsupported value: -Inf"),
    ParseErrorCase("badIntTag", ConfigMapHeader + "data:\n  key: !!int abc\n",
        "error: error parsing badIntTag.yaml: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int"),
    ParseErrorCase("badSeparatorText", ConfigMapHeader + "---foo\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n",
        "error: error parsing badSeparatorText.yaml: invalid Yaml document separator: foo"),
    ParseErrorCase("badSeparatorDashes", ConfigMapHeader + "----\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n",
        "error: error parsing badSeparatorDashes.yaml: invalid Yaml document separator: -"),
    ParseErrorCase("secondDocumentTab", ConfigMapHeader + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n\tkey: value\n",
        "error: error parsing secondDocumentTab.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token"),
    ParseErrorCase("thirdDocumentAfterComments", ConfigMapHeader + "---\n# nothing here\n---\n" + ConfigMapHeader + "   extra: x\n  other: y\n",
        "error: error parsing thirdDocumentAfterComments.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context"),
    ParseErrorCase("yamlDirective", "%YAML 1.1\n" + ConfigMapHeader,
        "error: error parsing yamlDirective.yaml: error converting YAML to JSON: yaml: line 1: did not find expected <document start>"),
    ParseErrorCase("questionMarkInFlow", ConfigMapHeader + "data: {key?: x}\n",
        "error: error parsing questionMarkInFlow.yaml: error converting YAML to JSON: yaml: line 4: did not find expected ',' or '}'"),
    ParseErrorCase("longImplicitKey", ConfigMapHeader + "data:\n  " + String(repeating: "k", count: 1030) + ": v\n",
        "error: error parsing longImplicitKey.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context"),
    ParseErrorCase("jsonTrailingComma", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"demo\",}}\n",
        "error: error parsing jsonTrailingComma.yaml: json: offset 72: invalid character '}' looking for beginning of object key string"),
    ParseErrorCase("jsonUnquotedKey", "{apiVersion: v1, kind: ConfigMap}\n",
        "error: error parsing jsonUnquotedKey.yaml: json: offset 2: invalid character 'a' looking for beginning of object key string"),
    ParseErrorCase("jsonTruncated", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"\n",
        "error: error parsing jsonTruncated.yaml: unexpected EOF"),
    ParseErrorCase("jsonThenYAMLSeparator", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n---\n" + ConfigMapHeader,
        "error: error parsing jsonThenYAMLSeparator.yaml: json: offset 65: invalid character '-' in numeric literal"),
]

private let emitValueCases: [(String, String)] = [
    ("80", "  k: \"80\"\n"),
    ("yes", "  k: \"yes\"\n"),
    ("on", "  k: \"on\"\n"),
    ("null", "  k: \"null\"\n"),
    ("~", "  k: \"~\"\n"),
    ("", "  k: \"\"\n"),
    (" lead", "  k: ' lead'\n"),
    ("trail ", "  k: 'trail '\n"),
    ("a: b", "  k: 'a: b'\n"),
    ("a:b", "  k: a:b\n"),
    ("#x", "  k: '#x'\n"),
    ("a #x", "  k: 'a #x'\n"),
    ("a#x", "  k: a#x\n"),
    ("-x", "  k: -x\n"),
    ("- x", "  k: '- x'\n"),
    ("[x", "  k: '[x'\n"),
    ("{x", "  k: '{x'\n"),
    ("*x", "  k: '*x'\n"),
    ("&x", "  k: '&x'\n"),
    ("!x", "  k: '!x'\n"),
    ("|x", "  k: '|x'\n"),
    (">x", "  k: '>x'\n"),
    ("@x", "  k: '@x'\n"),
    ("`x", "  k: '`x'\n"),
    ("'x", "  k: '''x'\n"),
    ("\"x", "  k: '\"x'\n"),
    ("%x", "  k: '%x'\n"),
    ("?x", "  k: ?x\n"),
    (": x", "  k: ': x'\n"),
    ("x\ny", "  k: |-\n    x\n    y\n"),
    ("x\n", "  k: |\n    x\n"),
    ("x\n\n", "  k: |+\n    x\n\n"),
    ("\nx", "  k: |2-\n\n    x\n"),
    ("x \ny", "  k: \"x \\ny\"\n"),
    ("x\ty", "  k: \"x\\ty\"\n"),
    ("héllo", "  k: héllo\n"),
    ("日本語", "  k: 日本語\n"),
    ("😀", "  k: \"\\U0001F600\"\n"),
    ("a b", "  k: a b\n"),
    ("\u{85}x", "  k: ' x'\n"),
    ("1e3", "  k: \"1e3\"\n"),
    ("0x1F", "  k: \"0x1F\"\n"),
    (".5", "  k: \".5\"\n"),
    ("+1", "  k: \"+1\"\n"),
    ("2001-12-14", "  k: \"2001-12-14\"\n"),
    ("2001-12-14T21:59:43Z", "  k: \"2001-12-14T21:59:43Z\"\n"),
    ("1_000", "  k: \"1_000\"\n"),
    ("0o17", "  k: \"0o17\"\n"),
    ("017", "  k: \"017\"\n"),
    ("True", "  k: \"True\"\n"),
    ("NO", "  k: \"NO\"\n"),
    ("Off", "  k: \"Off\"\n"),
    ("y", "  k: \"y\"\n"),
    ("n", "  k: \"n\"\n"),
    ("1:20", "  k: \"1:20\"\n"),
    ("-0", "  k: \"-0\"\n"),
    (".inf", "  k: \".inf\"\n"),
    ("<<", "  k: <<\n"),
    ("0b101", "  k: \"0b101\"\n"),
    ("1e400", "  k: 1e400\n"),
    ("12345678901234567890", "  k: \"12345678901234567890\"\n"),
    ("3.", "  k: \"3.\"\n"),
    ("---", "  k: '---'\n"),
    ("...", "  k: '...'\n"),
    ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yyyyyyyyyy", "  k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    yyyyyyyyyy\n"),
    ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yy", "  k: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    yy\n"),
    ("word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word", "  k: word word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word\n"),
    ("a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  ", "  k: 'a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  a  '\n"),
    ("'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q' 'q'", "  k: '''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q''\n    ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'' ''q'''\n"),
    ("C:\\path", "  k: C:\\path\n"),
    ("{{ .Values.x }}", "  k: '{{ .Values.x }}'\n"),
    ("http://example.com:8080/a?b=c#d", "  k: http://example.com:8080/a?b=c#d\n"),
]

// MARK: - kubectl oracle

enum KubectlOracle {
    static let path = "/usr/bin/kubectl"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Result {
        let stdout: String
        /// stderr without client-go's memcache noise (`E1...` lines).
        let errors: [String]
    }

    /// Runs kubectl in a fresh temporary directory holding `files`.
    static func run(_ args: [String], files: [String: String] = [:]) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yamlcodec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, content) in files {
            try Data(content.utf8).write(to: dir.appendingPathComponent(name))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["KUBECONFIG"] = dir.appendingPathComponent("no-kubeconfig").path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errors = String(decoding: e, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("E1") && !$0.contains("memcache.go") }
        return Result(stdout: String(decoding: o, as: UTF8.self), errors: errors)
    }

    /// The offline read path of `kubectl apply -f`: `patch --local` with an empty merge patch.
    static func read(_ file: String, _ content: String, output: String = "json") throws -> Result {
        try run(["patch", "--local", "-f", file, "--type", "merge", "-p", "{}", "-o", output], files: [file: content])
    }
}

private func parseError(_ yaml: String) -> YAMLParseError? {
    do {
        _ = try YAMLCodec.parseDocuments(yaml)
        return nil
    } catch let e as YAMLParseError {
        return e
    } catch {
        Issue.record("unexpected error type \(error)")
        return nil
    }
}

private func json(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

// MARK: - Parse errors

@Suite("YAMLCodec parse errors")
struct YAMLParseErrorTests {
    @Test("kubectl's message for each bad manifest", arguments: parseErrorCases)
    func message(_ c: ParseErrorCase) {
        let e = parseError(c.yaml)
        #expect(e?.kubectlMessage(file: c.file) == c.expected)
    }

    @Test("matches live kubectl", .enabled(if: KubectlOracle.available), arguments: parseErrorCases)
    func live(_ c: ParseErrorCase) throws {
        let k = try KubectlOracle.read(c.file, c.yaml)
        let parseErrors = k.errors.filter { $0.contains("error parsing") }
        #expect(parseErrors == [c.expected])
        #expect(parseError(c.yaml)?.kubectlMessage(file: c.file) == parseErrors.first)
    }

    @Test func courseStatefulSetTabIsIndentationError() throws {
        let yaml = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: myapp
            spec:
              volumeClaimTemplates:
              - metadata:
                  name: myappdata
            \t  annotations:
                    volume.beta.kubernetes.io/storage-class: nfs-client-storageclass
                spec:
                  accessModes: ["ReadWriteOnce"]

            """
        let e = try #require(parseError(yaml))
        #expect(e.line == 9)
        #expect(e.message == "found a tab character that violates indentation")
        #expect(e.documentIndex == 0)
        #expect(e.reason == .yaml(YAMLDocumentError(line: 9, message: "found a tab character that violates indentation")))
        #expect(e.errorText(file: "sts.yaml")
            == "error parsing sts.yaml: error converting YAML to JSON: yaml: line 9: found a tab character that violates indentation")
        #expect(e.kubectlMessage(file: "sts.yaml")
            == "error: error parsing sts.yaml: error converting YAML to JSON: yaml: line 9: found a tab character that violates indentation")
    }

    @Test func courseTrailingTabAfterValueIsFine() throws {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: nginx\t\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n"
        let docs = try YAMLCodec.parseDocuments(yaml)
        #expect(docs == [try json(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}"#)])
    }

    @Test func lineNumbersRestartInEachDocument() throws {
        let yaml = ConfigMapHeader + "---\n# comment\n---\n" + ConfigMapHeader + "data:\n\tk: v\n"
        let stream = YAMLCodec.parseStream(yaml)
        #expect(stream.documents.count == 1)
        let e = try #require(stream.error)
        #expect(e.documentIndex == 2)
        #expect(e.line == 6)
        #expect(e.message == "found character that cannot start any token")
    }

    @Test func firstLineErrorsCarryNoLine() throws {
        let e = try #require(parseError("a: b: c\n"))
        #expect(e.line == nil)
        #expect(e.detail == "error converting YAML to JSON: yaml: mapping values are not allowed in this context")
    }

    @Test func documentsBeforeTheBadOneAreKept() throws {
        let stream = YAMLCodec.parseStream(ConfigMapHeader + "---\n" + ConfigMapHeader + "data: [\n")
        #expect(stream.documents == [try json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo"}}"#)])
        #expect(stream.error?.documentIndex == 1)
        #expect(stream.error?.message == "did not find expected node content")
    }

    @Test func duplicateKeysAreNotAnError() throws {
        let docs = try YAMLCodec.parseDocuments(ConfigMapHeader + "data:\n  a: \"1\"\n  a: \"2\"\n")
        #expect(docs.first?["data"] == ["a": "2"])
    }

    @Test func flowNestingLimit() throws {
        let deep = "a: " + String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001) + "\n"
        #expect(parseError(deep)?.detail == "error converting YAML to JSON: yaml: exceeded max depth of 10000")
        let ok = "a: " + String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000) + "\n"
        let docs = try YAMLCodec.parseDocuments(ok)
        var v = try #require(docs.first?["a"])
        var depth = 0
        while case .array(let a) = v, let first = a.first { v = first; depth += 1 }
        #expect(depth == 2999)
    }

    @Test func billionLaughsIsRejected() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ",") + "]\n"
        }
        #expect(parseError(yaml)?.detail == "error converting YAML to JSON: yaml: document contains excessive aliasing")
    }
}

// MARK: - Values

@Suite("YAMLCodec values")
struct YAMLValueTests {
    @Test func goYAMLScalarResolution() throws {
        let yaml = ConfigMapHeader + """
            data:
              bools: [yes, No, on, OFF, y, n, True, FALSE]
              nulls: [~, null, Null, ]
              ints: [0x1F, 0o17, 017, 08, 1_000, +1, -0, 0b101, -0b101, 9223372036854775807]
              floats: [1e3, .5, 1.0, -1.5e-3, 1e20]
              big: 12345678901234567890
              strings: ["80", '1e3', 2001-12-14, 2001-12-14 21:59:43.10, 1e400, 0x, 3.0.1, .inf., "yes", +.5x]
              timestamp: 2001-12-14T21:59:43.10-05:00
              binary: !!binary aGVsbG8=
              float: !!float 3
              str: !!str 3
              custom: !thing 42
              <<: {merged: yes, strings: overridden-by-merge}
            """
        let v = try #require(try YAMLCodec.parseDocuments(yaml).first?["data"])
        #expect(v["bools"] == [true, false, true, false, true, false, true, false])
        #expect(v["nulls"] == [nil, nil, nil])  // a trailing comma adds nothing
        #expect(v["ints"] == [31, 15, 15, 8, 1000, 1, 0, 5, -5, .int(Int.max)])
        #expect(v["floats"] == [1000, .double(0.5), 1, .double(-0.0015), .double(1e20)])
        #expect(v["big"] == .double(12345678901234567890.0))
        #expect(v["strings"] == .string("overridden-by-merge"))
        #expect(v["timestamp"] == "2001-12-14T21:59:43.10-05:00")
        #expect(v["binary"] == "hello")
        #expect(v["float"] == 3)
        #expect(v["str"] == "3")
        #expect(v["custom"] == "42")
        #expect(v["merged"] == true)
    }

    @Test func quotedAndPlainStrings() throws {
        let docs = try YAMLCodec.parseDocuments(#"{"a": ["80", 80, "yes"]}"# + "\n")
        #expect(docs == [["a": ["80", 80, "yes"]]])
        let d2 = try YAMLCodec.parseDocuments("k: [\"80\", '1e3', 2001-12-14, 1e400, 0x, +.5x]\n")
        #expect(d2 == [["k": ["80", "1e3", "2001-12-14", "1e400", "0x", "+.5x"]]])
    }

    @Test func mapKeysBecomeStrings() throws {
        let docs = try YAMLCodec.parseDocuments("1.5: a\n2: b\ntrue: c\n0x10: d\n1e3: e\n123456789.123: f\ny: g\n")
        #expect(docs == [["1.5": "a", "2": "b", "true": "g", "16": "d", "1000": "e", "1.2345679e+08": "f"]]
            || docs == [["1.5": "a", "2": "b", "true": "c", "16": "d", "1000": "e", "1.2345679e+08": "f"]])
    }

    @Test func mergeKeysFollowGoYAMLV2() throws {
        #expect(try YAMLCodec.parseDocuments("x: 2\n<<: {x: 1}\n") == [["x": 1]])
        #expect(try YAMLCodec.parseDocuments("<<: {x: 1}\nx: 2\n") == [["x": 2]])
        // (`y` is a boolean key in YAML 1.1: it becomes "true")
        #expect(try YAMLCodec.parseDocuments("<<: [{x: 1, y: 1}, {x: 3, z: 3}]\n") == [["x": 1, "true": 1, "z": 3]])
        #expect(try YAMLCodec.parseDocuments("base: &b {a: 1}\nuse:\n  <<: *b\n  c: 2\n") == [["base": ["a": 1], "use": ["a": 1, "c": 2]]])
    }

    @Test func documentSplittingLikeKubectl() throws {
        let yaml = "---\n# leading comment\n---   \napiVersion: v1\r\nkind: A\r\n--- # next\nnull\n---\n\n---\nkind: B\n...\nignored: [\n"
        #expect(try YAMLCodec.parseDocuments(yaml) == [["apiVersion": "v1", "kind": "A"], ["kind": "B"]])
        #expect(try YAMLCodec.parseDocuments("") == [])
        #expect(try YAMLCodec.parseDocuments("# only a comment\n") == [])
        #expect(try YAMLCodec.parseDocuments("\u{FEFF}kind: A\nx: 1\n") == [["kind": "A", "x": 1]])
        #expect(try YAMLCodec.parseDocuments("- a\n- b\n") == [["a", "b"]])
        #expect(try YAMLCodec.parseDocuments("hello\n") == ["hello"])
    }

    @Test func jsonStreams() throws {
        let two = #"{"kind":"A","n":[1,1.5,-0,1e2,12345678901234567890]} {"kind":"B"}"#
        #expect(try YAMLCodec.parseDocuments(two)
            == [["kind": "A", "n": [1, .double(1.5), 0, .double(100), .double(12345678901234567890.0)]], ["kind": "B"]])
        let bad = YAMLCodec.parseStream(#"{"kind":"A"} {"kind" "B"}"#)
        #expect(bad.documents == [["kind": "A"]])
        #expect(bad.error?.detail == #"json: offset 22: invalid character '"' after object key"#)
    }

    @Test func manifestOf200LinesParsesQuickly() throws {
        var yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  template:\n    spec:\n      containers:\n"
        for i in 0..<24 {
            yaml += "      - name: c\(i)\n        image: nginx:1.\(i)\n        args: [\"--port\", \"\(8000 + i)\"]\n        env:\n        - name: A\n          value: \"x y z\"\n        ports:\n        - containerPort: \(8000 + i)\n"
        }
        #expect(yaml.split(separator: "\n").count == 200)
        _ = try YAMLCodec.parseDocuments(yaml)
        let clock = ContinuousClock()
        let n = 20
        let elapsed = clock.measure { for _ in 0..<n { _ = try? YAMLCodec.parseDocuments(yaml) } }
        // ~0.5 ms in release builds; the bound only catches pathological (e.g. quadratic) slowdowns.
        #expect(elapsed / n < .milliseconds(40))
        let doc = try #require(try YAMLCodec.parseDocuments(yaml).first)
        let e = clock.measure { for _ in 0..<n { _ = YAMLCodec.emit(doc) } }
        #expect(e / n < .milliseconds(40))
    }
}

// MARK: - Emitter

@Suite("YAMLCodec emit")
struct YAMLEmitTests {
    private static func configMap(_ value: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["k": .string(value)]]
    }

    @Test("quoting, literal blocks and folding of string values", arguments: emitValueCases)
    func stringValue(_ c: (String, String)) {
        let expected = "apiVersion: v1\ndata:\n" + c.1 + "kind: ConfigMap\nmetadata:\n  name: c\n"
        #expect(YAMLCodec.emit(Self.configMap(c.0)) == expected)
    }

    @Test("string values match live kubectl", .enabled(if: KubectlOracle.available), arguments: emitValueCases)
    func stringValueLive(_ c: (String, String)) throws {
        let object = Self.configMap(c.0)
        let k = try KubectlOracle.read("cm.json", object.compactJSON, output: "yaml")
        #expect(k.errors == [])
        #expect(YAMLCodec.emit(object) == k.stdout)
    }

    @Test func createDeploymentDryRun() {
        let deployment: JSONValue = [
            "kind": "Deployment", "apiVersion": "apps/v1",
            "metadata": ["name": "web", "creationTimestamp": nil, "labels": ["app": "web"]],
            "spec": [
                "replicas": 3,
                "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["creationTimestamp": nil, "labels": ["app": "web"]],
                    "spec": ["containers": [["name": "nginx", "image": "nginx:1.25", "ports": [["containerPort": 80]], "resources": [:]]]],
                ],
                "strategy": [:],
            ],
            "status": [:],
        ]
        #expect(YAMLCodec.emit(deployment) == """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                app: web
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: web
                spec:
                  containers:
                  - image: nginx:1.25
                    name: nginx
                    ports:
                    - containerPort: 80
                    resources: {}
            status: {}

            """)
    }

    @Test("kubectl create … -o yaml equals emit(-o json)", .enabled(if: KubectlOracle.available), arguments: [
        ["create", "deployment", "web", "--image=nginx:1.25", "--replicas=3", "--port=80"],
        ["create", "configmap", "c", "--from-literal=a=yes", "--from-literal=b= lead", "--from-literal=c=x\ny\n", "--from-literal=d=1:20"],
        ["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"],
        ["create", "secret", "generic", "s", "--from-literal=password=s3cr3t"],
        ["create", "priorityclass", "pc", "--value=1000", "--description=a very long description that goes on and on and on to exceed the eighty column folding width of go-yaml"],
        ["create", "poddisruptionbudget", "pdb", "--selector=app=x", "--min-available=50%"],
        ["create", "quota", "q", "--hard=cpu=1,memory=1G,pods=2"],
    ])
    func createCommands(_ args: [String]) throws {
        let y = try KubectlOracle.run(args + ["--dry-run=client", "-o", "yaml"])
        let j = try KubectlOracle.run(args + ["--dry-run=client", "-o", "json"])
        #expect(y.errors == [] && j.errors == [])
        #expect(YAMLCodec.emit(try json(j.stdout)) == y.stdout)
    }

    @Test func numbers() {
        let n: JSONValue = ["n": [.double(0.5), .double(1.5), -3, .double(1e21), .double(1e-7), .double(123456789.5), .double(1234567),
                                  .double(0.1), .double(1e20), .double(12345678901234567890.0), .double(2.5e-5), .double(100000),
                                  .double(3), .double(-0.0), .double(1e-6), .double(123456.789), 9007199254740993,
                                  .double(1.7976931348623157e308), .double(.leastNonzeroMagnitude)]]
        #expect(YAMLCodec.emit(n) == """
            "n":
            - 0.5
            - 1.5
            - -3
            - 1e+21
            - 1e-07
            - 1.234567895e+08
            - 1234567
            - 0.1
            - 1e+20
            - 12345678901234567000
            - 2.5e-05
            - 100000
            - 3
            - 0
            - 1e-06
            - 123456.789
            - 9007199254740993
            - 1.7976931348623157e+308
            - 5e-324

            """)
    }

    @Test func keysInGoYAMLNaturalOrder() {
        let keys = ["a10", "a9", "a1", "a01", "a001", "b", "B", "_x", "x_", "x-", "x.y", "x/y", "1", "10", "9", "09", "a_b", "aB", "ab", "a-b", "é", "z", "Z"]
        let v = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.int(0)) }))
        #expect(YAMLCodec.emit(v) == """
            _x: 0
            "1": 0
            "9": 0
            "09": 0
            "10": 0
            B: 0
            Z: 0
            a-b: 0
            a_b: 0
            a1: 0
            a01: 0
            a001: 0
            a9: 0
            a10: 0
            aB: 0
            ab: 0
            b: 0
            x-: 0
            x.y: 0
            x/y: 0
            x_: 0
            z: 0
            é: 0

            """)
    }

    @Test func structureEdgeCases() {
        let v: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "x"],
            "empty": [:], "list": [], "nested": [[1, 2], [], [[:]], ["x": []]],
            "seq": [["x": 1, "y": [1, ["z": nil]]]],
            String(repeating: "k", count: 130): "long key",
            "multi\nline": "key",
        ]
        // kubectl patch --local -f edge.json --type merge -p '{}' -o yaml
        #expect(YAMLCodec.emit(v) == """
            apiVersion: v1
            empty: {}
            kind: ConfigMap
            ? \(String(repeating: "k", count: 130))
            : long key
            list: []
            metadata:
              name: x
            ? |-
              multi
              line
            : key
            nested:
            - - 1
              - 2
            - []
            - - {}
            - x: []
            seq:
            - x: 1
              "y":
              - 1
              - z: null

            """)
        #expect(YAMLCodec.emit(nil) == "null\n")
        #expect(YAMLCodec.emit("x\n") == "|\n  x\n")
        #expect(YAMLCodec.emit([]) == "[]\n")
    }

    @Test func controlCharactersKubectlCannotPrint() {
        #expect(throws: YAMLDocumentError(line: nil, message: "control characters are not allowed")) {
            try YAMLCodec.emitChecked(["k": "a\u{7F}b"])
        }
        #expect((try? YAMLCodec.emitChecked(["k": "a\tb"])) == "k: \"a\\tb\"\n")
    }
}

// MARK: - Robustness

@Suite("YAMLCodec robustness")
struct YAMLRobustnessTests {
    /// xorshift64: deterministic across runs and platforms.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test func randomInputNeverCrashesAndRoundTrips() throws {
        var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
        let alphabet = Array("ab:- \n\t[]{},'\"#&*!|>?%@`~.0123456789yn\\".utf8) + [0xC2, 0x85, 0xEF, 0xBB, 0xBF, 0x0D, 0x00, 0x7F]
        let base = Array((ConfigMapHeader + "data:\n  a: b\n  list:\n  - x\n  - {k: v}\n  s: |\n    text\n").utf8)
        var parsed = 0
        for iteration in 0..<3000 {
            var bytes: [UInt8]
            if iteration % 2 == 0 {
                bytes = (0..<rng.below(120)).map { _ in alphabet[rng.below(alphabet.count)] }
            } else {
                bytes = base
                for _ in 0..<(1 + rng.below(4)) { bytes.insert(alphabet[rng.below(alphabet.count)], at: rng.below(bytes.count + 1)) }
            }
            let stream = YAMLCodec.parseStream(String(decoding: bytes, as: UTF8.self))
            if stream.error == nil { parsed += 1 }
            for doc in stream.documents {
                guard case .object = doc else { continue }
                let yaml = YAMLCodec.emit(doc)
                // NEL folds and C1 controls cannot be printed by kubectl either; skip those.
                if yaml.unicodeScalars.contains(where: { ($0.value >= 0x7F && $0.value <= 0x9F) }) { continue }
                #expect(try YAMLCodec.parseDocuments(yaml) == [doc], "round trip of \(yaml)")
            }
        }
        #expect(parsed > 300)
    }
}
