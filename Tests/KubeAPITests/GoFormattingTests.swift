import Foundation
import Testing
@testable import KubeAPI

// Go's quoting, float formats, encoding/json and strconv parsing (GoFormatting.swift,
// GoStrconv.swift). The expected texts were checked against kubectl v1.32; the `live` tests
// re-check them against /usr/bin/kubectl when it is installed.

/// Strings that exercise every escaping rule: HTML-sensitive characters, the short escapes,
/// other C0 controls and DEL, non-ASCII spaces and separators, format characters, C1
/// controls, unassigned and private-use code points, and ordinary non-ASCII text.
let goEscapingSamples = [
    "a\u{8}b\u{C}c",
    "<script>x && y</script>",
    "line\u{2028}para\u{2029}end",
    "\u{1}\u{1F}\u{7F}",
    "nb\u{A0}sp soft\u{AD}hyphen ideo\u{3000}space",
    "\u{FEFF}bom\u{200B}zw",
    "\u{378}\u{E000}\u{10FFFF}",
    "é日本\u{1F600}e\u{301}",
    "tab\tnl\ncr\rquote\"back\\slash'",
    "\u{80}\u{9F}",
]

@Suite struct GoJSONTests {
    @Test func stringsAreEscapedAsGo123Does() {
        // \b and \f are short (Go 1.22+); <, >, & and U+2028/9 are \u escapes; other C0
        // controls are \u00XX; DEL, U+00A0 and the rest are written as they are.
        #expect(GoJSON.marshal(.string("a\u{8}b\u{C}<>&\u{2028}\u{2029}\u{1}\u{7F}\u{A0}"))
            == "\"a\\bb\\f\\u003c\\u003e\\u0026\\u2028\\u2029\\u0001\u{7F}\u{A0}\"")
        #expect(JSONValue.string("\"\\\n\r\t").compactJSON == #""\"\\\n\r\t""#)
    }

    @Test func keysSortAsUTF8Bytes() {
        // Swift orders U+0958 (which normalises to U+0915 U+093C) before U+0920; Go compares
        // bytes. kubectl: {"Z":"3","z":"4","ठ":"2","क़":"1"}.
        let v: JSONValue = ["\u{958}": "1", "\u{920}": "2", "Z": "3", "z": "4"]
        #expect(v.compactJSON == "{\"Z\":\"3\",\"z\":\"4\",\"\u{920}\":\"2\",\"\u{958}\":\"1\"}")
    }

    @Test func marshalIndentKeepsEmptyContainersCompact() {
        let v: JSONValue = ["a": [1, .double(2.5)], "e": [:], "l": [], "s": "x"]
        #expect(v.prettyJSON() == "{\n    \"a\": [\n        1,\n        2.5\n    ],\n    \"e\": {},\n    \"l\": [],\n    \"s\": \"x\"\n}")
        #expect(v.prettyJSON(indent: "  ") == "{\n  \"a\": [\n    1,\n    2.5\n  ],\n  \"e\": {},\n  \"l\": [],\n  \"s\": \"x\"\n}")
    }

    @Test func floatsDecodeBackAsUnstructuredDoes() {
        #expect(GoJSON.decodedNumber(3.0) == .int(3))
        #expect(GoJSON.decodedNumber(0.5) == .double(0.5))
        #expect(GoJSON.decodedNumber(1e21) == .double(1e21))
    }
}

@Suite struct GoTextTests {
    @Test func quoteEscapesWhatUnicodeIsPrintRejects() {
        #expect(GoText.quote("a\u{8}\u{1}\u{A0}é\u{2028}\"\\") == "\"a\\b\\x01\\u00a0é\\u2028\\\"\\\\\"")
        #expect(GoText.quote("\u{7}\u{B}\u{7F}\u{AD}\u{FEFF}\u{10FFFF}") == "\"\\a\\v\\x7f\\u00ad\\ufeff\\U0010ffff\"")
        #expect(GoText.quote("é\u{1F600}", asciiOnly: true) == "\"\\u00e9\\U0001f600\"")
        #expect(GoText.quote("it's", quote: "'") == "'it\\'s'")
    }

    @Test func hexPadsToWidth() {
        #expect(GoText.hex(UInt32(0xA), width: 2) == "0a")
        #expect(GoText.hex(UInt64(0x1F600), width: 4, upper: true) == "1F600")
    }
}

@Suite struct GoFloatTests {
    @Test func shortestFormats() {
        #expect(GoFloat.format(1_000_000, "g") == "1e+06")
        #expect(GoFloat.format(123_456, "g") == "123456")
        #expect(GoFloat.format(0.00001, "g") == "1e-05")
        #expect(GoFloat.format(1_234_567, "g") == "1.234567e+06")
        #expect(GoFloat.format(-0.0, "g") == "-0")
        #expect(GoFloat.format(1234.5, "e") == "1.2345e+03")
        #expect(GoFloat.format(0, "e") == "0e+00")
        #expect(GoFloat.format(1e21, "f") == "1000000000000000000000")
        #expect(GoFloat.format(.infinity, "g") == "+Inf")
    }

    @Test func fixedPrecision() {
        #expect(GoFloat.format(3.14159, "f", prec: 3) == "3.142")
        #expect(GoFloat.format(0.000123, "E", prec: 6) == "1.230000E-04")
        #expect(GoFloat.format(1234567, "g", prec: 3) == "1.23e+06")
    }

    @Test func float32RoundsFirst() {
        // FormatFloat(…, 32) converts to float32: 0.1 has shorter digits there, 1e39 overflows
        // to +Inf and 1e-50 underflows to 0.
        #expect(GoFloat.format(0.1, "g", bitSize: 32) == "0.1")
        #expect(GoFloat.format(Double(Float(0.1)), "g") == "0.10000000149011612")
        #expect(GoFloat.format(1e39, "g", bitSize: 32) == "+Inf")
        #expect(GoFloat.format(-1e39, "g", bitSize: 32) == "-Inf")
        #expect(GoFloat.format(1e-50, "g", bitSize: 32) == "0")
    }

    @Test func jsonLayout() {
        #expect(GoFloat.json(1e-7) == "1e-7")
        #expect(GoFloat.json(1e21) == "1e+21")
        #expect(GoFloat.json(1e20) == "100000000000000000000")
        #expect(GoFloat.json(-2.5) == "-2.5")
        #expect(GoFloat.json(0.000001) == "0.000001")
        #expect(GoFloat.json(-0.0) == "-0")
    }

    @Test func floatMapKeysInYAML() throws {
        // sigs.k8s.io/yaml formats float keys with FormatFloat(k, 'g', -1, 32).
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  1e39: a\n  -1e39: b\n  1e-50: c\n  0.1: d\n  1.0e+7: e\n"
        let data = try YAMLCodec.parseDocument(yaml)["data"]
        #expect(data?.compactJSON == #"{"-.inf":"b",".inf":"a","0":"c","0.1":"d","1e+07":"e"}"#)
    }
}

@Suite struct GoStrconvTests {
    @Test func atoi() {
        #expect(GoStrconv.atoi("+7") == .success(7))
        #expect(GoStrconv.atoi("-0012") == .success(-12))
        #expect(GoStrconv.atoi("-9223372036854775808") == .success(Int.min))
        #expect(GoStrconv.atoi("") == .failure(.syntax))
        #expect(GoStrconv.atoi("+") == .failure(.syntax))
        #expect(GoStrconv.atoi("1 ") == .failure(.syntax))
        #expect(GoStrconv.atoi("1_0") == .failure(.syntax))
        #expect(GoStrconv.atoi("99999999999999999999") == .failure(.range))
        // The overflow is reported before the bad character after it, as Go does.
        #expect(GoStrconv.atoi("99999999999999999999x") == .failure(.range))
        #expect(GoStrconv.NumError.syntax.message(function: "Atoi", input: "1x") == #"strconv.Atoi: parsing "1x": invalid syntax"#)
    }

    @Test func baseZeroPrefixesAndUnderscores() {
        #expect(GoStrconv.parseUint("0x_1F", base: 0) == .success(31))
        #expect(GoStrconv.parseUint("0o17", base: 0) == .success(15))
        #expect(GoStrconv.parseUint("017", base: 0) == .success(15))
        #expect(GoStrconv.parseUint("0", base: 0) == .success(0))
        #expect(GoStrconv.parseUint("0o", base: 0) == .failure(.syntax))
        #expect(GoStrconv.parseUint("08", base: 0) == .failure(.syntax))
        #expect(GoStrconv.parseUint("1__0", base: 0) == .failure(.syntax))
        #expect(GoStrconv.parseUint("1_0", base: 10) == .failure(.syntax))
        #expect(GoStrconv.parseInt("-0b101", base: 0) == .success(-5))
        #expect(GoStrconv.parseInt("--1", base: 0) == .failure(.syntax))
        #expect(GoStrconv.parseInt("9223372036854775808", base: 10) == .failure(.range))
    }

    @Test func parseFloat() {
        #expect(GoStrconv.parseFloat("1.") == 1)
        #expect(GoStrconv.parseFloat(".5") == 0.5)
        #expect(GoStrconv.parseFloat("1_0.5") == 10.5)
        #expect(GoStrconv.parseFloat("0x1p4") == 16)
        #expect(GoStrconv.parseFloat("0x10") == nil)  // a hex mantissa needs a p exponent
        #expect(GoStrconv.parseFloat("1e400") == nil)  // out of range
        #expect(GoStrconv.parseFloat("-Infinity") == -.infinity)
        #expect(GoStrconv.parseFloat("nan")?.isNaN == true)
        #expect(GoStrconv.parseFloat("+nan") == nil)
        #expect(GoStrconv.parseFloat(".") == nil)
        #expect(GoStrconv.parseFloat("1e") == nil)
    }
}

@Suite("Go formatting matches live kubectl", .enabled(if: KubectlOracle.available))
struct GoFormattingLiveTests {
    private static func configMap(_ values: [String]) -> JSONValue {
        var data: [String: JSONValue] = [:]
        for (i, v) in values.enumerated() { data["k\(i)"] = .string(v) }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": .object(data)]
    }

    @Test func jsonOutputIsMarshalIndent() throws {
        let object = Self.configMap(goEscapingSamples)
        let k = try KubectlOracle.read("cm.json", object.compactJSON)
        #expect(k.errors == [])
        #expect(k.stdout == object.prettyJSON() + "\n")
    }

    @Test func jsonpathPrintsMapsWithMarshal() throws {
        let object = Self.configMap(goEscapingSamples)
        let k = try KubectlOracle.read("cm.json", object.compactJSON, output: "jsonpath={.data}")
        #expect(k.errors == [])
        #expect(k.stdout == object["data"]!.compactJSON)
    }

    @Test func percentQIsStrconvQuote() throws {
        let object = Self.configMap(goEscapingSamples)
        let template = #"go-template={{range .data}}{{printf "%q %+q" . .}}{{"\n"}}{{end}}"#
        let k = try KubectlOracle.read("cm.json", object.compactJSON, output: template)
        #expect(k.errors == [])
        let expected = (0..<goEscapingSamples.count).map { "k\($0)" }.sorted()
            .map { key -> String in
                let s = object["data"]![key]!.stringValue!
                return GoText.quote(s) + " " + GoText.quote(s, asciiOnly: true) + "\n"
            }.joined()
        #expect(k.stdout == expected)
    }

    @Test func floatKeysAndNumbers() throws {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  1e39: a\n  -1e39: b\n  1e-50: c\n  0.1: d\n  1.0e+7: e\n"
        let k = try KubectlOracle.read("cm.yaml", yaml)
        #expect(k.errors == [])
        #expect(k.stdout == (try YAMLCodec.parseDocument(yaml)).prettyJSON() + "\n")
    }
}
