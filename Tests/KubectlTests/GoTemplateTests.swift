import Foundation
import Testing
import KubeAPI
@testable import Kubectl

// Expected outputs below were recorded from kubectl v1.32 itself:
//   kubectl label --local -f FIXTURE.json x=y -o go-template=TEMPLATE
// Helpers and fixtures live in JSONPathTests.swift. For failures, `stdout` is the first
// line of what kubectl wrote to stdout (partial output, then its "Error executing
// template" dump) and `error` the first line of the message after "error: ".

@Suite struct GoTemplateTests {
    static let cm: [PrintCase] = [
        .ok("{{.metadata.name}}", "x"),
        .ok("{{.}}", "map[apiVersion:v1 foo:map[arr:[1 two map[k:v] <nil> 2.5] b:true big:1e+21 e:map[] ea:[] f:1.5 i:3 n:<nil> neg:-2 s:<a&b>] kind:ConfigMap metadata:map[creationTimestamp:<nil> labels:map[x:y] name:x]]"),
        .ok("{{.foo}}", "map[arr:[1 two map[k:v] <nil> 2.5] b:true big:1e+21 e:map[] ea:[] f:1.5 i:3 n:<nil> neg:-2 s:<a&b>]"),
        .ok("{{.foo.i}} {{.foo.f}} {{.foo.big}} {{.foo.neg}} {{.foo.b}} {{.foo.s}}", "3 1.5 1e+21 -2 true <a&b>"),
        .ok("{{.foo.n}}|{{.foo.missing}}|{{.metadata.creationTimestamp}}|{{.foo.missing.x}}", "<no value>|<no value>|<no value>|<no value>"),
        .ok("{{.foo.arr}} {{.foo.e}} {{.foo.ea}}", "[1 two map[k:v] <nil> 2.5] map[] []"),
        .ok("{{printf \"%T %T %T %T %T %T %T %T\" .foo.i .foo.f .foo.big .foo.n .foo.arr .foo.e .foo.b .foo.missing}}", "int64 float64 float64 <nil> []interface {} map[string]interface {} bool <nil>"),
        .ok("{{printf \"%T %T %T %T %T\" 1 1.5 \"x\" (index \"ab\" 0) 'a'}}", "int float64 string uint8 int"),
        .ok("{{$}} {{$.foo.i}}", "map[apiVersion:v1 foo:map[arr:[1 two map[k:v] <nil> 2.5] b:true big:1e+21 e:map[] ea:[] f:1.5 i:3 n:<nil> neg:-2 s:<a&b>] kind:ConfigMap metadata:map[creationTimestamp:<nil> labels:map[x:y] name:x]] 3"),
        .ok("{{range .foo.arr}}[{{.}}]{{end}}", "[1][two][map[k:v]][<no value>][2.5]"),
        .ok("{{range $i, $e := .foo.arr}}{{$i}}={{$e}};{{end}}", "0=1;1=two;2=map[k:v];3=<no value>;4=2.5;"),
        .ok("{{range .foo}}{{.}},{{end}}", "[1 two map[k:v] <nil> 2.5],true,1e+21,map[],[],1.5,3,<no value>,-2,<a&b>,"),
        .ok("{{range $k, $v := .foo}}{{$k}}:{{$v}} {{end}}", "arr:[1 two map[k:v] <nil> 2.5] b:true big:1e+21 e:map[] ea:[] f:1.5 i:3 n:<no value> neg:-2 s:<a&b> "),
        .ok("{{range .foo.ea}}x{{else}}empty{{end}}", "empty"),
        .ok("{{range .foo.missing}}x{{else}}missing{{end}}", "missing"),
        .fail("{{range .foo.arr}}{{if eq . 2.5}}{{break}}{{end}}{{.}} {{end}}", stdout: "Error executing template: template: output:1:23: executing \"output\" at <eq . 2.5>: error calling eq: incompatible types for comparison. Printing more information for debugging the template:", error: "error executing template \"{{range .foo.arr}}{{if eq . 2.5}}{{break}}{{end}}{{.}} {{end}}\": template: output:1:23: executing \"output\" at <eq . 2.5>: error calling eq: incompatible types for comparison"),
        .ok("{{range $i, $e := .foo.arr}}{{if not $i}}{{continue}}{{end}}{{$i}}{{end}}", "1234"),
        .ok("{{if .foo.b}}yes{{end}} {{if .foo.ea}}yes{{else}}no{{end}} {{if .foo.missing}}yes{{else if .foo.i}}i{{else}}no{{end}}", "yes no i"),
        .ok("{{with .foo.missing}}a{{else with .foo.i}}b{{.}}{{end}}", "b3"),
        .ok("{{with .foo}}{{.s}}{{end}}", "<a&b>"),
        .ok("{{with $x := .foo.i}}{{$x}}{{end}}", "3"),
        .ok("{{$x := .foo.i}}{{$x}} {{$x = \"changed\"}}{{$x}}", "3 changed"),
        .ok("{{if $x := .foo.i}}{{$x}}{{end}}", "3"),
        .ok("{{eq .foo.i 3}} {{eq .foo.i 1 2 3}} {{eq .foo.s \"x\"}} {{ne .foo.s \"x\"}} {{eq .foo.x .foo.y}} {{eq .foo.x 1}}", "true true false true true false"),
        .ok("{{lt .foo.i 5}} {{le 1.5 .foo.f}} {{gt \"b\" \"a\"}} {{ge .foo.i .foo.neg}}", "true true true true"),
        .ok("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" \"x\"}} {{or 0 \"\"}} {{not .foo.b}} {{not 0}}", "0 2 x  false true"),
        .ok("{{len .foo.arr}} {{len .foo}} {{len .foo.s}} {{len \"héllo\"}}", "5 10 5 6"),
        .ok("{{index .foo \"i\"}} {{index .foo.arr 2 \"k\"}} {{index .foo.arr 1}} {{index .foo \"zz\"}} {{index .foo.s 0}}", "3 v two <no value> 60"),
        .ok("{{slice .foo.arr 1 3}} {{slice .foo.s 1}} {{slice .foo.s 1 3}} {{slice .foo.arr}}", "[two map[k:v]] a&b> a& [1 two map[k:v] <nil> 2.5]"),
        .ok("{{exists . \"foo\" \"i\"}} {{exists . \"foo\" \"zz\"}} {{exists .foo.arr 1}} {{exists .foo.arr 9}} {{exists . \"foo\" \"n\"}}", "true false true false false"),
        .ok("{{base64decode \"aGVsbG8gd29ybGQ=\"}}", "hello world"),
        .ok("{{html .foo.s}} {{js .foo.s}} {{urlquery .foo.s \"a b/c\"}}", "&lt;a&amp;b&gt; \\u003Ca\\u0026b\\u003E %3Ca%26b%3Ea+b%2Fc"),
        .ok("{{html .foo.missing}} {{html 1 2 \"x\"}} {{js \"it's \\\"q\\\" =\\n\"}}", "&lt;no value&gt; 1 2x it\\'s \\\"q\\\" \\u003D\\u000A"),
        .ok("{{print 1 2 \"a\" \"b\" 3}} {{print nil .foo.missing}}", "1 2ab3 <nil> <nil>"),
        .ok("{{println 1 \"x\"}}", "1 x\n"),
        .ok("{{printf \"%s|%v|%q|%d\" .foo.s .foo.i .foo.s .foo.i}}", "<a&b>|3|\"<a&b>\"|3"),
        .ok("{{printf \"%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%O|%b\" 42 42 42 42 42 255 255 255 8 8 8 5}}", "   42|42   |00042|+42| 42|ff|FF|0xff|10|010|0o10|101"),
        .ok("{{printf \"%c|%q|%U|%#U\" 65 65 233 233}}", "A|'A'|U+00E9|U+00E9 'é'"),
        .ok("{{printf \"%8.3f|%-8.2f|%e|%E|%g|%G|%.3g\" 3.14159 2.5 1234.5678 0.000123 1e21 1e-7 1234567.0}}", "   3.142|2.50    |1.234568e+03|1.230000E-04|1e+21|1E-07|1.23e+06"),
        .ok("{{printf \"%v %v %v %v %v\" 1e6 100000.0 1e-5 0.0001 123456789.0}}", "1e+06 100000 1e-05 0.0001 1.23456789e+08"),
        .ok("{{printf \"%5s|%-5s|%05s|%.2s|%q|%+q|%#q|%x|% x\" \"ab\" \"ab\" \"ab\" \"abc\" \"é\\t\" \"é\" \"abc\" \"hi\" \"hi\"}}", "   ab|ab   |000ab|ab|\"é\\t\"|\"\\u00e9\"|`abc`|6869|68 69"),
        .ok("{{printf \"%t|%5t|%v\" true false false}}", "true|false|false"),
        .ok("{{printf \"%v|%+v|%#v\" .foo.arr .foo.arr .foo.arr}}", "[1 two map[k:v] <nil> 2.5]|[1 two map[k:v] <nil> 2.5]|[]interface {}{1, \"two\", map[string]interface {}{\"k\":\"v\"}, interface {}(nil), 2.5}"),
        .ok("{{printf \"%v|%s|%d|%#v\" .foo.e .foo.m .foo.ea .foo.e}}", "map[]|%!s(<nil>)|[]|map[string]interface {}{}"),
        .ok("{{printf \"%s %v %d\" nil nil nil}}", "%!s(<nil>) <nil> %!d(<nil>)"),
        .ok("{{printf \"%d\" .foo.s}} {{printf \"%s\" .foo.i}} {{printf \"%t\" 1}} {{printf \"%z\" 1}}", "%!d(string=<a&b>) %!s(int64=3) %!t(int=1) %!z(int=1)"),
        .ok("{{printf \"%d %d\" 1}} {{printf \"%d\" 1 2}} {{printf \"%\" 1}} {{printf \"%!\" 1}}", "1 %!d(MISSING) 1%!(EXTRA int=2) %!(NOVERB)%!(EXTRA int=1) %!!(int=1)"),
        .ok("{{printf \"%*d|%-*d|%.*f\" 5 1 4 2 2 3.14159}} {{printf \"%[2]d %[1]d\" 1 2}} {{printf \"%d%%\" 50}}", "    1|2   |3.14 2 1 50%"),
        .ok("{{.foo.i | printf \"%03d\"}} {{.foo.s | printf \"%q\" | len}} {{\"abc\" | printf \"%s-%s\" \"x\"}}", "003 7 x-abc"),
        .ok("{{(index .foo.arr 2).k}} {{(.foo).i}} {{(1)}}", "v 3 1"),
        .ok("{{- .foo.i -}}  x  {{- .foo.i}} y {{ .foo.i -}} z", "3x3 y 3z"),
        .ok("a  {{- /* comment */ -}}  b {{/* another */}}c", "ab c"),
        .ok("{{define \"a\"}}A{{.}}{{end}}{{template \"a\" .foo.i}}|{{template \"a\"}}|{{template \"a\" \"x\"}}", "A3|A<no value>|Ax"),
        .ok("{{block \"b\" .foo.i}}B{{.}}{{end}}", "B3"),
        .ok("{{\"raw: \\t\"}}{{`back\\tquote`}}", "raw: \tback\\tquote"),
        .ok("{{0x1F}} {{1e3}} {{1_000}} {{0b101}} {{0o17}} {{017}} {{1.5e-3}} {{-3}} {{+4}} {{'a'}} {{'\\n'}}", "31 1000 1000 5 15 15 0.0015 -3 4 97 10"),
        .ok("{{3i}} {{1+2i}} {{printf \"%v\" 2.0}}", "(0+3i) (1+2i) 2"),
        // Number literals go through strconv: a base prefix needs digits, and ParseFloat
        // refuses a hex mantissa without a 'p' exponent (so an overflowing hex integer is
        // not "integer overflow").
        .fail("{{0o}}", stdout: "", error: "error parsing template {{0o}}, template: output:1: illegal number syntax: \"0o\""),
        .fail("{{0xFFFFFFFFFFFFFFFFFF}}", stdout: "", error: "error parsing template {{0xFFFFFFFFFFFFFFFFFF}}, template: output:1: illegal number syntax: \"0xFFFFFFFFFFFFFFFFFF\""),
        .fail("{{08}}", stdout: "", error: "error parsing template {{08}}, template: output:1: integer overflow: \"08\""),
        .ok("{{0x1p4}} {{1_0.5}} {{0x_1}}", "16 10.5 1"),
        .ok("{{true}} {{false}} {{\"s\"}}", "true false s"),
        .fail("{{", stdout: "", error: "error parsing template {{, template: output:1: unclosed action"),
        .fail("{{.foo", stdout: "", error: "error parsing template {{.foo, template: output:1: unclosed action"),
        .fail("{{.foo}", stdout: "", error: "error parsing template {{.foo}, template: output:1: bad character U+007D '}'"),
        .fail("}}{{end}}", stdout: "", error: "error parsing template }}{{end}}, template: output:1: unexpected {{end}}"),
        .fail("{{else}}", stdout: "", error: "error parsing template {{else}}, template: output:1: unexpected {{else}}"),
        .fail("{{if .foo}}", stdout: "", error: "error parsing template {{if .foo}}, template: output:1: unexpected EOF"),
        .fail("{{if}}{{end}}", stdout: "", error: "error parsing template {{if}}{{end}}, template: output:1: missing value for if"),
        .fail("{{range}}{{end}}", stdout: "", error: "error parsing template {{range}}{{end}}, template: output:1: missing value for range"),
        .fail("{{$x}}", stdout: "", error: "error parsing template {{$x}}, template: output:1: undefined variable \"$x\""),
        .fail("{{nosuch 1}}", stdout: "", error: "error parsing template {{nosuch 1}}, template: output:1: function \"nosuch\" not defined"),
        .fail("{{.foo.i | .foo.s}}", stdout: "Error executing template: template: output:1:15: executing \"output\" at <.foo.s>: s is not a method but has arguments. Printing more information for debugging the template:", error: "error executing template \"{{.foo.i | .foo.s}}\": template: output:1:15: executing \"output\" at <.foo.s>: s is not a method but has arguments"),
        .fail("{{1 | 2}}", stdout: "", error: "error parsing template {{1 | 2}}, template: output:1: non executable command in pipeline stage 2"),
        .ok("{{$ := 1}}", ""),
        .fail("{{/* unclosed", stdout: "", error: "error parsing template {{/* unclosed, template: output:1: unclosed comment"),
        .fail("{{/* c */ .x}}", stdout: "", error: "error parsing template {{/* c */ .x}}, template: output:1: comment ends before closing delimiter"),
        .fail("{{break}}", stdout: "", error: "error parsing template {{break}}, template: output:1: {{break}} outside {{range}}"),
        .fail("{{range .foo.arr}}{{break 1}}{{end}}", stdout: "", error: "error parsing template {{range .foo.arr}}{{break 1}}{{end}}, template: output:1: unexpected \"1\" in {{break}}"),
        .fail("{{\"abc}}", stdout: "", error: "error parsing template {{\"abc}}, template: output:1: unterminated quoted string"),
        .fail("{{`abc", stdout: "", error: "error parsing template {{`abc, template: output:1: unterminated raw quoted string"),
        .fail("{{'ab'}}", stdout: "", error: "error parsing template {{'ab'}}, template: output:1: malformed character constant: 'ab'"),
        .fail("{{1e}}", stdout: "", error: "error parsing template {{1e}}, template: output:1: illegal number syntax: \"1e\""),
        .fail("{{0x}}", stdout: "", error: "error parsing template {{0x}}, template: output:1: illegal number syntax: \"0x\""),
        .fail("{{99999999999999999999}}", stdout: "", error: "error parsing template {{99999999999999999999}}, template: output:1: integer overflow: \"99999999999999999999\""),
        .fail("{{nil}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <nil>: nil is not a command. Printing more information for debugging the template:", error: "error executing template \"{{nil}}\": template: output:1:2: executing \"output\" at <nil>: nil is not a command"),
        .fail("{{.foo.i nil}}", stdout: "Error executing template: template: output:1:6: executing \"output\" at <.foo.i>: i is not a method but has arguments. Printing more information for debugging the template:", error: "error executing template \"{{.foo.i nil}}\": template: output:1:6: executing \"output\" at <.foo.i>: i is not a method but has arguments"),
        .fail("{{printf nil}}", stdout: "Error executing template: template: output:1:9: executing \"output\" at <nil>: cannot assign nil to string. Printing more information for debugging the template:", error: "error executing template \"{{printf nil}}\": template: output:1:9: executing \"output\" at <nil>: cannot assign nil to string"),
        .fail("{{printf 1}}", stdout: "Error executing template: template: output:1:9: executing \"output\" at <1>: expected string; found 1. Printing more information for debugging the template:", error: "error executing template \"{{printf 1}}\": template: output:1:9: executing \"output\" at <1>: expected string; found 1"),
        .fail("{{(.foo.i}}", stdout: "", error: "error parsing template {{(.foo.i}}, template: output:1: unclosed left paren"),
        .fail("{{.foo.i)}}", stdout: "", error: "error parsing template {{.foo.i)}}, template: output:1: unexpected right paren"),
        .fail("{{range $i, $e, $f := .foo.arr}}{{end}}", stdout: "", error: "error parsing template {{range $i, $e, $f := .foo.arr}}{{end}}, template: output:1: too many declarations in range"),
        .fail("{{range $i, 1 := .foo.arr}}{{end}}", stdout: "", error: "error parsing template {{range $i, 1 := .foo.arr}}{{end}}, template: output:1: range can only initialize variables"),
        .fail("{{if 1}}{{else}}{{else}}{{end}}", stdout: "", error: "error parsing template {{if 1}}{{else}}{{else}}{{end}}, template: output:1: expected end; found {{else}}"),
        .fail("{{range .foo.arr}}{{else if 1}}{{end}}", stdout: "", error: "error parsing template {{range .foo.arr}}{{else if 1}}{{end}}, template: output:1: unexpected <if> in input"),
        .fail("{{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}", stdout: "", error: "error parsing template {{define \"a\"}}1{{end}}{{define \"a\"}}2{{end}}, template: output:1: template: multiple definition of template \"a\""),
        .fail("{{template .foo}}", stdout: "", error: "error parsing template {{template .foo}}, template: output:1: unexpected \".foo\" in template clause"),
        .fail("{{..}}", stdout: "", error: "error parsing template {{..}}, template: output:1: unexpected <.> in operand"),
        .fail("{{\"x\".y}}", stdout: "", error: "error parsing template {{\"x\".y}}, template: output:1: unexpected . after term \"\\\"x\\\"\""),
        .fail("{{.foo.i.x}}", stdout: "Error executing template: template: output:1:6: executing \"output\" at <.foo.i.x>: can't evaluate field x in type interface {}. Printing more information for debugging the template:", error: "error executing template \"{{.foo.i.x}}\": template: output:1:6: executing \"output\" at <.foo.i.x>: can't evaluate field x in type interface {}"),
        .fail("{{.foo.n.x}}", stdout: "Error executing template: template: output:1:6: executing \"output\" at <.foo.n.x>: nil pointer evaluating interface {}.x. Printing more information for debugging the template:", error: "error executing template \"{{.foo.n.x}}\": template: output:1:6: executing \"output\" at <.foo.n.x>: nil pointer evaluating interface {}.x"),
        .fail("{{.foo.i 1}}", stdout: "Error executing template: template: output:1:6: executing \"output\" at <.foo.i>: i is not a method but has arguments. Printing more information for debugging the template:", error: "error executing template \"{{.foo.i 1}}\": template: output:1:6: executing \"output\" at <.foo.i>: i is not a method but has arguments"),
        .fail("{{len .foo.missing}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <len .foo.missing>: error calling len: reflect: call of reflect.Value.Type on zero Value. Printing more information for debugging the template:", error: "error executing template \"{{len .foo.missing}}\": template: output:1:2: executing \"output\" at <len .foo.missing>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
        .fail("{{len .foo.n}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <len .foo.n>: error calling len: len of nil pointer. Printing more information for debugging the template:", error: "error executing template \"{{len .foo.n}}\": template: output:1:2: executing \"output\" at <len .foo.n>: error calling len: len of nil pointer"),
        .fail("{{len .foo.i}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <len .foo.i>: error calling len: len of type int64. Printing more information for debugging the template:", error: "error executing template \"{{len .foo.i}}\": template: output:1:2: executing \"output\" at <len .foo.i>: error calling len: len of type int64"),
        .fail("{{len}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <len>: wrong number of args for len: want 1 got 0. Printing more information for debugging the template:", error: "error executing template \"{{len}}\": template: output:1:2: executing \"output\" at <len>: wrong number of args for len: want 1 got 0"),
        .fail("{{len 1 2}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <len>: wrong number of args for len: want 1 got 2. Printing more information for debugging the template:", error: "error executing template \"{{len 1 2}}\": template: output:1:2: executing \"output\" at <len>: wrong number of args for len: want 1 got 2"),
        .fail("{{and}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <and>: wrong number of args for and: want at least 1 got 0. Printing more information for debugging the template:", error: "error executing template \"{{and}}\": template: output:1:2: executing \"output\" at <and>: wrong number of args for and: want at least 1 got 0"),
        .fail("{{not}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <not>: wrong number of args for not: want 1 got 0. Printing more information for debugging the template:", error: "error executing template \"{{not}}\": template: output:1:2: executing \"output\" at <not>: wrong number of args for not: want 1 got 0"),
        .fail("{{eq 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <eq 1>: error calling eq: missing argument for comparison. Printing more information for debugging the template:", error: "error executing template \"{{eq 1}}\": template: output:1:2: executing \"output\" at <eq 1>: error calling eq: missing argument for comparison"),
        .fail("{{eq .foo.f 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <eq .foo.f 1>: error calling eq: incompatible types for comparison. Printing more information for debugging the template:", error: "error executing template \"{{eq .foo.f 1}}\": template: output:1:2: executing \"output\" at <eq .foo.f 1>: error calling eq: incompatible types for comparison"),
        .fail("{{eq .foo.e .foo.e}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <eq .foo.e .foo.e>: error calling eq: non-comparable type map[]: map[string]interface {}. Printing more information for debugging the template:", error: "error executing template \"{{eq .foo.e .foo.e}}\": template: output:1:2: executing \"output\" at <eq .foo.e .foo.e>: error calling eq: non-comparable type map[]: map[string]interface {}"),
        .fail("{{eq .foo.e .foo.arr}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <eq .foo.e .foo.arr>: error calling eq: non-comparable types map[]: map[string]interface {}, []interface {}: [1 two map[k:v] <nil> 2.5]. Printing more information for debugging the template:", error: "error executing template \"{{eq .foo.e .foo.arr}}\": template: output:1:2: executing \"output\" at <eq .foo.e .foo.arr>: error calling eq: non-comparable types map[]: map[string]interface {}, []interface {}: [1 two map[k:v] <nil> 2.5]"),
        .fail("{{lt .foo.e 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <lt .foo.e 1>: error calling lt: invalid type for comparison. Printing more information for debugging the template:", error: "error executing template \"{{lt .foo.e 1}}\": template: output:1:2: executing \"output\" at <lt .foo.e 1>: error calling lt: invalid type for comparison"),
        .fail("{{lt 1 \"a\"}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison. Printing more information for debugging the template:", error: "error executing template \"{{lt 1 \\\"a\\\"}}\": template: output:1:2: executing \"output\" at <lt 1 \"a\">: error calling lt: incompatible types for comparison"),
        .fail("{{lt true false}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <lt true false>: error calling lt: invalid type for comparison. Printing more information for debugging the template:", error: "error executing template \"{{lt true false}}\": template: output:1:2: executing \"output\" at <lt true false>: error calling lt: invalid type for comparison"),
        .fail("{{index .foo.arr 5}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.arr 5>: error calling index: reflect: slice index out of range. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.arr 5}}\": template: output:1:2: executing \"output\" at <index .foo.arr 5>: error calling index: reflect: slice index out of range"),
        .fail("{{index .foo.arr 9}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.arr 9>: error calling index: index out of range: 9. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.arr 9}}\": template: output:1:2: executing \"output\" at <index .foo.arr 9>: error calling index: index out of range: 9"),
        .fail("{{index .foo.s 5}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.s 5>: error calling index: reflect: string index out of range. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.s 5}}\": template: output:1:2: executing \"output\" at <index .foo.s 5>: error calling index: reflect: string index out of range"),
        .fail("{{index nil 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index nil 1>: error calling index: index of untyped nil. Printing more information for debugging the template:", error: "error executing template \"{{index nil 1}}\": template: output:1:2: executing \"output\" at <index nil 1>: error calling index: index of untyped nil"),
        .fail("{{index .foo.arr \"x\"}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.arr \"x\">: error calling index: cannot index slice/array with type string. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.arr \\\"x\\\"}}\": template: output:1:2: executing \"output\" at <index .foo.arr \"x\">: error calling index: cannot index slice/array with type string"),
        .fail("{{index .foo 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo 1>: error calling index: value has type int; should be string. Printing more information for debugging the template:", error: "error executing template \"{{index .foo 1}}\": template: output:1:2: executing \"output\" at <index .foo 1>: error calling index: value has type int; should be string"),
        .fail("{{index .foo.i 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.i 1>: error calling index: can't index item of type int64. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.i 1}}\": template: output:1:2: executing \"output\" at <index .foo.i 1>: error calling index: can't index item of type int64"),
        .fail("{{index .foo.arr 3 \"k\"}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <index .foo.arr 3 \"k\">: error calling index: index of nil pointer. Printing more information for debugging the template:", error: "error executing template \"{{index .foo.arr 3 \\\"k\\\"}}\": template: output:1:2: executing \"output\" at <index .foo.arr 3 \"k\">: error calling index: index of nil pointer"),
        .ok("{{index .foo.arr}}", "[1 two map[k:v] <nil> 2.5]"),
        .fail("{{slice .foo.arr 2 1}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <slice .foo.arr 2 1>: error calling slice: invalid slice index: 2 > 1. Printing more information for debugging the template:", error: "error executing template \"{{slice .foo.arr 2 1}}\": template: output:1:2: executing \"output\" at <slice .foo.arr 2 1>: error calling slice: invalid slice index: 2 > 1"),
        .ok("{{slice .foo.arr 1 2 3}}", "[two]"),
        .fail("{{slice .foo.s 1 2 3}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <slice .foo.s 1 2 3>: error calling slice: cannot 3-index slice a string. Printing more information for debugging the template:", error: "error executing template \"{{slice .foo.s 1 2 3}}\": template: output:1:2: executing \"output\" at <slice .foo.s 1 2 3>: error calling slice: cannot 3-index slice a string"),
        .fail("{{slice .foo.i}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <slice .foo.i>: error calling slice: can't slice item of type int64. Printing more information for debugging the template:", error: "error executing template \"{{slice .foo.i}}\": template: output:1:2: executing \"output\" at <slice .foo.i>: error calling slice: can't slice item of type int64"),
        .fail("{{slice .foo.arr 0 9}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <slice .foo.arr 0 9>: error calling slice: index out of range: 9. Printing more information for debugging the template:", error: "error executing template \"{{slice .foo.arr 0 9}}\": template: output:1:2: executing \"output\" at <slice .foo.arr 0 9>: error calling slice: index out of range: 9"),
        .fail("{{call .foo.s}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <call .foo.s>: error calling call: non-function .foo.s of type string. Printing more information for debugging the template:", error: "error executing template \"{{call .foo.s}}\": template: output:1:2: executing \"output\" at <call .foo.s>: error calling call: non-function .foo.s of type string"),
        .fail("{{call .foo.missing}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <call .foo.missing>: error calling call: call of nil. Printing more information for debugging the template:", error: "error executing template \"{{call .foo.missing}}\": template: output:1:2: executing \"output\" at <call .foo.missing>: error calling call: call of nil"),
        .fail("{{base64decode \"!!\"}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <base64decode \"!!\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0. Printing more information for debugging the template:", error: "error executing template \"{{base64decode \\\"!!\\\"}}\": template: output:1:2: executing \"output\" at <base64decode \"!!\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0"),
        .fail("{{base64decode \"aGVsbG8\"}}", stdout: "Error executing template: template: output:1:2: executing \"output\" at <base64decode \"aGVsbG8\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4. Printing more information for debugging the template:", error: "error executing template \"{{base64decode \\\"aGVsbG8\\\"}}\": template: output:1:2: executing \"output\" at <base64decode \"aGVsbG8\">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 4"),
        .fail("{{base64decode .foo.i}}", stdout: "Error executing template: template: output:1:19: executing \"output\" at <.foo.i>: wrong type for value; expected string; got int64. Printing more information for debugging the template:", error: "error executing template \"{{base64decode .foo.i}}\": template: output:1:19: executing \"output\" at <.foo.i>: wrong type for value; expected string; got int64"),
        .fail("{{base64decode .foo.missing}}", stdout: "Error executing template: template: output:1:19: executing \"output\" at <.foo.missing>: invalid value; expected string. Printing more information for debugging the template:", error: "error executing template \"{{base64decode .foo.missing}}\": template: output:1:19: executing \"output\" at <.foo.missing>: invalid value; expected string"),
        .fail("{{range .foo.i}}x{{end}}", stdout: "Error executing template: template: output:1:12: executing \"output\" at <.foo.i>: range can't iterate over 3. Printing more information for debugging the template:", error: "error executing template \"{{range .foo.i}}x{{end}}\": template: output:1:12: executing \"output\" at <.foo.i>: range can't iterate over 3"),
        .fail("{{range .foo.s}}x{{end}}", stdout: "Error executing template: template: output:1:12: executing \"output\" at <.foo.s>: range can't iterate over <a&b>. Printing more information for debugging the template:", error: "error executing template \"{{range .foo.s}}x{{end}}\": template: output:1:12: executing \"output\" at <.foo.s>: range can't iterate over <a&b>"),
        .fail("{{range 3}}{{.}}{{end}}", stdout: "Error executing template: template: output:1:8: executing \"output\" at <3>: range can't iterate over 3. Printing more information for debugging the template:", error: "error executing template \"{{range 3}}{{.}}{{end}}\": template: output:1:8: executing \"output\" at <3>: range can't iterate over 3"),
        .fail("{{template \"nope\"}}", stdout: "Error executing template: template: output:1:11: executing \"output\" at <{{template \"nope\"}}>: template \"nope\" not defined. Printing more information for debugging the template:", error: "error executing template \"{{template \\\"nope\\\"}}\": template: output:1:11: executing \"output\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
        .fail("{{define \"r\"}}{{template \"r\"}}{{end}}{{template \"r\"}}", stdout: "Error executing template: template: output:1:25: executing \"r\" at <{{template \"r\"}}>: exceeded maximum template depth (100000). Printing more information for debugging the template:", error: "error executing template \"{{define \\\"r\\\"}}{{template \\\"r\\\"}}{{end}}{{template \\\"r\\\"}}\": template: output:1:25: executing \"r\" at <{{template \"r\"}}>: exceeded maximum template depth (100000)"),
        .fail("{{$y = 2}}", stdout: "Error executing template: template: output:1:7: executing \"output\" at <2>: undefined variable: $y. Printing more information for debugging the template:", error: "error executing template \"{{$y = 2}}\": template: output:1:7: executing \"output\" at <2>: undefined variable: $y"),
        .fail("{{nil.x}}", stdout: "", error: "error parsing template {{nil.x}}, template: output:1: unexpected . after term \"nil\""),
        .fail("partial {{.foo.i}} then {{.foo.i.x}} never", stdout: "partial 3 then Error executing template: template: output:1:30: executing \"output\" at <.foo.i.x>: can't evaluate field x in type interface {}. Printing more information for debugging the template:", error: "error executing template \"partial {{.foo.i}} then {{.foo.i.x}} never\": template: output:1:30: executing \"output\" at <.foo.i.x>: can't evaluate field x in type interface {}"),
        .fail("{{range .foo.arr}}{{.}} {{.k}}{{end}}", stdout: "1 Error executing template: template: output:1:26: executing \"output\" at <.k>: can't evaluate field k in type interface {}. Printing more information for debugging the template:", error: "error executing template \"{{range .foo.arr}}{{.}} {{.k}}{{end}}\": template: output:1:26: executing \"output\" at <.k>: can't evaluate field k in type interface {}"),
        .ok("{{printf \"%d\" | len}}", "12"),
        .ok("{{printf \"%s\" 1 | printf \"%s %s\" \"a\"}}", "a %!s(int=1)"),
    ]
    static let pods: [PrintCase] = [
        .ok("{{range .list}}{{.metadata.name}}{{\"\\t\"}}{{.status.phase}}{{\"\\n\"}}{{end}}", "a\tRunning\nb\tPending\nc\t<no value>\n"),
        .ok("{{range .list}}{{range .spec.containers}}{{.image}} {{end}}{{end}}", "nginx:1.25 busybox redis "),
        .ok("{{range .list}}{{if eq .status.phase \"Running\"}}{{.metadata.name}}{{end}}{{end}}", "a"),
        .ok("{{index .metadata.labels \"app.kubernetes.io/name\"}}", "web"),
        .ok("{{range $k, $v := .metadata.labels}}{{$k}}={{$v}}{{\"\\n\"}}{{end}}", "app.kubernetes.io/name=web\ntier=fe\nx=y\n"),
        .ok("{{len .list}} {{len .metadata.labels}}", "3 3"),
        .ok("{{range .list}}{{.spec.replicas}} {{end}}", "3 1 0.5 "),
        .ok("{{range .list}}{{printf \"%-10s%5v\\n\" .metadata.name .spec.replicas}}{{end}}", "a             3\nb             1\nc           0.5\n"),
        .ok("{{range .list}}{{with .status.containerStatuses}}{{(index . 0).restartCount}}{{else}}none{{end}} {{end}}", "2 none none "),
        .ok("{{range .list}}{{range .status.conditions}}{{if eq .type \"Ready\"}}{{.status}}{{end}}{{end}},{{end}}", "True,False,,"),
        .ok("{{(index .list 0).metadata.name}}", "a"),
        .ok("{{with index .list 1}}{{.metadata.namespace}}{{end}}", "kube-system"),
        .ok("{{range .list}}{{.metadata.namespace | printf \"%q\"}} {{end}}", "\"default\" \"kube-system\" %!q(<nil>) "),
        .ok("{{range $i, $p := .list}}{{if $i}}, {{end}}{{$p.metadata.name}}{{end}}", "a, b, c"),
        .ok("{{range .list}}{{.metadata.name}}{{.nope.x}}{{end}}", "a<no value>b<no value>c<no value>"),
        .fail("{{.list.name}}", stdout: "Error executing template: template: output:1:7: executing \"output\" at <.list.name>: can't evaluate field name in type interface {}. Printing more information for debugging the template:", error: "error executing template \"{{.list.name}}\": template: output:1:7: executing \"output\" at <.list.name>: can't evaluate field name in type interface {}"),
        .fail("{{range .list}}{{gt .spec.replicas 1}} {{end}}", stdout: "true false Error executing template: template: output:1:17: executing \"output\" at <gt .spec.replicas 1>: error calling gt: incompatible types for comparison. Printing more information for debugging the template:", error: "error executing template \"{{range .list}}{{gt .spec.replicas 1}} {{end}}\": template: output:1:17: executing \"output\" at <gt .spec.replicas 1>: error calling gt: incompatible types for comparison"),
    ]

    @Test(arguments: cm) func configMapCases(_ c: PrintCase) {
        checkCase("go-template", c, PrintFixture.cm)
    }

    @Test(arguments: pods) func podListCases(_ c: PrintCase) {
        checkCase("go-template", c, PrintFixture.pods)
    }

    @Test func executionErrorKeepsPartialOutputAndDump() {
        let r = runPrinter("go-template", "x{{.data.a}}{{.data.a.b}}", PrintFixture.tiny)
        #expect(r.code == 1)
        #expect(r.stdout == "x1Error executing template: template: output:1:19: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}. Printing more information for debugging the template:\n\ttemplate was:\n\t\tx{{.data.a}}{{.data.a.b}}\n\traw data was:\n\t\t{\"apiVersion\":\"v1\",\"data\":{\"a\":\"1\",\"b\":\"\\u003c2\\u003e\"},\"kind\":\"ConfigMap\",\"l\":[1,\"s\"],\"metadata\":{\"labels\":{\"x\":\"y\"},\"name\":\"t\"},\"n\":1.5,\"z\":null}\n\tobject given to template engine was:\n\t\tmap[apiVersion:v1 data:map[a:1 b:<2>] kind:ConfigMap l:[1 s] metadata:map[labels:map[x:y] name:t] n:1.5 z:<nil>]\n\n")
        #expect(r.stderr == "error: error executing template \"x{{.data.a}}{{.data.a.b}}\": template: output:1:19: executing \"output\" at <.data.a.b>: can't evaluate field b in type interface {}\n")
    }

    @Test func positionsCountLinesAndBytes() {
        let r = runPrinter("go-template", "line1\n{{.data.a}}\n  {{.data.a.x}}", PrintFixture.tiny)
        #expect(r.stdout.hasPrefix("line1\n1\n  Error executing template: template: output:3:9: executing \"output\" at <.data.a.x>: can't evaluate field x in type interface {}."))
        #expect(r.stderr == "error: error executing template \"line1\\n{{.data.a}}\\n  {{.data.a.x}}\": template: output:3:9: executing \"output\" at <.data.a.x>: can't evaluate field x in type interface {}\n")
        #expect(runPrinter("go-template", "a\n{{if .x}}\n{{.x", PrintFixture.tiny).stderr
            == "error: error parsing template a\n{{if .x}}\n{{.x, template: output:3: unclosed action\n")
        #expect(runPrinter("go-template", "{{if\n.x}}{{end", PrintFixture.tiny).stderr
            == "error: error parsing template {{if\n.x}}{{end, template: output:2: unclosed action\n")
    }

    /// kubectl hands the template a JSON round trip: integral floats become int64.
    @Test func numbersFollowTheJSONRoundTrip() throws {
        let data: JSONValue = ["a": .double(3), "b": .double(1234567), "c": .double(0.000012), "d": .double(1e21), "e": 7]
        #expect(try GoTemplate("{{.a}} {{.b}} {{.c}} {{.d}} {{.e}}").execute(data) == "3 1234567 1.2e-05 1e+21 7")
        #expect(try GoTemplate("{{printf \"%T %T %T %T\" .a .b .c .e}}").execute(data) == "int64 int64 float64 int64")
        #expect(try GoTemplate("{{.n}} {{.z}} {{.l}} {{.data}}").execute(PrintFixture.tiny) == "1.5 <no value> [1 s] map[a:1 b:<2>]")
    }

    @Test func parseErrorsAreReportedOnce() {
        #expect(throws: PrinterError(message: "error parsing template {{.x}, template: output:1: bad character U+007D '}'\n")) {
            try GoTemplate("{{.x}")
        }
    }

    /// Random templates must never crash or hang, and must give the same answer twice.
    @Test func fuzzNeverCrashes() {
        let pieces = ["{{", "}}", "{{-", "-}}", " ", "(", ")", ".", ",", ":=", "=", "|", "$", "$x", "\"", "`", "'",
                      "\\", "\n", "/*", "*/", "foo", ".foo", ".arr", ".i", ".s", ".n", "range", "if", "else", "end",
                      "with", "define", "template", "block", "break", "continue", "nil", "true", "1", "-1", "1.5",
                      "0x1", "1e3", "'a'", "\"x\"", "printf", "\"%d %s %v %q %5.2f %x %!\"", "index", "slice", "len",
                      "eq", "lt", "and", "or", "not", "html", "js", "urlquery", "print", "exists", "base64decode",
                      "call", "{{range .foo.arr}}", "{{end}}", "{{if .foo.b}}", "{{else}}", "é", "\u{0}"]
        var rng = PrintFuzzRNG(state: 7)
        for _ in 0..<4000 {
            let t = fuzzTemplate(&rng, pieces: pieces, maxPieces: 16)
            let a = runPrinter("go-template", t, PrintFixture.cm)
            let b = runPrinter("go-template", t, PrintFixture.cm)
            #expect(a.stdout == b.stdout && a.stderr == b.stderr, "\(t)")
            #expect(a.code != 99, "\(t)")
        }
    }

    /// Nesting that would exhaust a thread's stack is refused with an error instead.
    @Test func deepNestingIsRefusedNotFatal() {
        let ifs = String(repeating: "{{if 1}}", count: 3000) + String(repeating: "{{end}}", count: 3000)
        #expect(runPrinter("go-template", ifs, PrintFixture.cm).stderr.contains("max expression depth exceeded"))
        let parens = "{{" + String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000) + "}}"
        #expect(runPrinter("go-template", parens, PrintFixture.cm).stderr.contains("max expression depth exceeded"))
        let ok = "{{" + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50) + "}}"
        #expect(runPrinter("go-template", ok, PrintFixture.cm).stdout == "1")
    }

    /// Every recorded case, re-run against the real kubectl when it is installed.
    @Test(.enabled(if: kubectlAvailable), arguments: cm.map { ("cm", $0) } + pods.map { ("pods", $0) })
    func matchesLiveKubectl(_ fixture: String, _ c: PrintCase) throws {
        let data = fixture == "cm" ? PrintFixture.cm : PrintFixture.pods
        let file = try #require(fixture == "cm" ? PrintFixture.cmFile : PrintFixture.podsFile)
        let k = try runKubectl("go-template", c.template, file: file)
        let m = runPrinter("go-template", c.template, data)
        #expect(m.stdout == k.stdout, "stdout")
        #expect(m.stderr == k.stderr, "stderr")
        #expect(m.code == k.code, "exit code")
    }
}

// MARK: - Go formatting helpers

@Suite struct GoFormatTests {
    @Test func floatsPrintLikeGo() {
        #expect(GoFmt.v(.float(1e6)) == "1e+06")
        #expect(GoFmt.v(.float(100000)) == "100000")
        #expect(GoFmt.v(.float(123456789)) == "1.23456789e+08")
        #expect(GoFmt.v(.float(0.0001)) == "0.0001")
        #expect(GoFmt.v(.float(0.00001)) == "1e-05")
        #expect(GoFmt.v(.float(-2.5)) == "-2.5")
        #expect(GoFmt.v(.float(0)) == "0")
        #expect(GoFloat.json(1e21) == "1e+21")
        #expect(GoFloat.json(1e-7) == "1e-7")
        #expect(GoFloat.json(0.000001) == "0.000001")
        #expect(GoFloat.json(123456789) == "123456789")
    }

    @Test func valuesPrintLikeFmt() {
        let m: GoDynamic = .map(["b": "x", "a": 1, "c": nil, "d": [1, "two", nil]])
        #expect(GoFmt.v(m) == "map[a:1 b:x c:<nil> d:[1 two <nil>]]")
        #expect(GoFmt.sharpV(m) == "map[string]interface {}{\"a\":1, \"b\":\"x\", \"c\":interface {}(nil), \"d\":[]interface {}{1, \"two\", interface {}(nil)}}")
        #expect(GoFmt.sprint([.string("a"), .int(1, .int), .int(2, .int), .string("b")]) == "a1 2b")
        #expect(GoFmt.sprintf("%s|%d|%v", [.int(1, .int64), .string("x"), .null]) == "%!s(int64=1)|%!d(string=x)|<nil>")
    }

    @Test func quotingLikeStrconv() {
        #expect(GoText.quote("a\u{8}\u{1}\u{A0}é\u{2028}\"\\") == "\"a\\b\\x01\\u00a0é\\u2028\\\"\\\\\"")
    }
}
