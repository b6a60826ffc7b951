import Testing
import KubeAPI
@testable import Kubectl

// Expected values are written out as compact JSON (keys sorted) and compared through
// `compactJSON`, so every byte of every result is checked.

private func j(_ s: String) -> JSONValue {
    guard let v = LastApplied.parseJSON(s) else { fatalError("bad JSON in test: \(s)") }
    return v
}

private func smp(_ patch: String, _ doc: String, kind: String = "Pod") throws -> String {
    try StrategicMerge.apply(patch: j(patch), to: j(doc), kind: kind).compactJSON
}

private func smpError(_ patch: String, _ doc: String, kind: String = "Pod") -> PatchError? {
    do {
        _ = try StrategicMerge.apply(patch: j(patch), to: j(doc), kind: kind)
        return nil
    } catch {
        return error
    }
}

private func jsonPatch(_ patch: String, _ doc: String) throws -> String {
    try JSONPatch.apply(patch: j(patch), to: j(doc)).compactJSON
}

private func jsonPatchError(_ patch: String, _ doc: String) -> PatchError? {
    do {
        _ = try JSONPatch.apply(patch: j(patch), to: j(doc))
        return nil
    } catch {
        return error
    }
}

// MARK: - JSON merge patch

@Suite struct MergePatchTests {
    // RFC 7386 appendix A, every example.
    @Test(arguments: [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, #"null"#, #"null"#),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"a":1,"e":null}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ])
    func rfc7386(doc: String, patch: String, want: String) {
        #expect(MergePatch.apply(patch: j(patch), to: j(doc)).compactJSON == want)
    }

    @Test func deploymentReplicasAndLabels() {
        let doc = #"{"metadata":{"labels":{"app":"web","tier":"fe"},"name":"web"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}}}"#
        let patch = #"{"metadata":{"labels":{"tier":null,"v":"2"}},"spec":{"replicas":5,"template":{"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}"#
        #expect(MergePatch.apply(patch: j(patch), to: j(doc)).compactJSON ==
            #"{"metadata":{"labels":{"app":"web","v":"2"},"name":"web"},"spec":{"replicas":5,"template":{"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}"#)
    }

    @Test func nullsInsideNewValuesArePrunedButNullArrayElementsKept() {
        #expect(MergePatch.apply(patch: j(#"{"a":[{"b":null,"c":1},null]}"#), to: j("{}")).compactJSON == #"{"a":[{"c":1},null]}"#)
        // An existing null counts as absent: the new value is pruned.
        #expect(MergePatch.apply(patch: j(#"{"a":{"b":null,"c":2}}"#), to: j(#"{"a":null}"#)).compactJSON == #"{"a":{"c":2}}"#)
        // An array replacing an object is taken verbatim (library quirk).
        #expect(MergePatch.apply(patch: j(#"{"a":[{"b":null}]}"#), to: j(#"{"a":{"x":1}}"#)).compactJSON == #"{"a":[{"b":null}]}"#)
    }

    @Test func serverErrors() {
        do {
            _ = try MergePatch.serverApply(patch: j("null"), to: j("{}"))
            Issue.record("expected failure")
        } catch {
            #expect(error.message == "Invalid JSON Patch")
            #expect(error.kubectlServerText == "Error from server (BadRequest): Invalid JSON Patch")
        }
        do {
            _ = try MergePatch.serverApply(patch: j("[1]"), to: j("{}"))
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlServerText == "Error from server (BadRequest): error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}")
        }
        do {
            _ = try MergePatch.localApply(patch: j("3"), to: j("{}"))
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlLocalText == "error: Invalid JSON Patch")
        }
    }
}

// MARK: - JSON patch

@Suite struct JSONPatchTests {
    let deployment = #"{"metadata":{"labels":{"a/b":"1","app":"web","m~n":"2"},"name":"web"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"args":["-v"],"image":"nginx:1.24","name":"nginx"}]}}}}"#

    @Test func replaceImageByPointer() throws {
        #expect(try jsonPatch(#"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.25"}]"#, deployment) ==
            #"{"metadata":{"labels":{"a/b":"1","app":"web","m~n":"2"},"name":"web"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"args":["-v"],"image":"nginx:1.25","name":"nginx"}]}}}}"#)
    }

    @Test func addAppendEscapesRemoveMoveCopyTest() throws {
        let patch = #"""
        [{"op":"test","path":"/spec/replicas","value":3},
         {"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--port=80"},
         {"op":"add","path":"/spec/template/spec/containers/0/args/0","value":"first"},
         {"op":"remove","path":"/metadata/labels/a~1b"},
         {"op":"replace","path":"/metadata/labels/m~0n","value":"3"},
         {"op":"move","from":"/metadata/labels/app","path":"/metadata/labels/application"},
         {"op":"copy","from":"/metadata/name","path":"/metadata/labels/name"},
         {"op":"test","path":"/metadata/labels","value":{"application":"web","m~n":"3","name":"web"}}]
        """#
        #expect(try jsonPatch(patch, deployment) ==
            #"{"metadata":{"labels":{"application":"web","m~n":"3","name":"web"},"name":"web"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"args":["first","-v","--port=80"],"image":"nginx:1.24","name":"nginx"}]}}}}"#)
    }

    @Test func libraryQuirks() throws {
        // replace of a missing object member adds it (evanphx v4).
        #expect(try jsonPatch(#"[{"op":"replace","path":"/spec/paused","value":true}]"#, #"{"spec":{}}"#) == #"{"spec":{"paused":true}}"#)
        // Negative indexes count from the end; -1 on add appends.
        #expect(try jsonPatch(#"[{"op":"remove","path":"/a/-1"},{"op":"add","path":"/a/-1","value":9}]"#, #"{"a":[1,2,3]}"#) == #"{"a":[1,2,9]}"#)
        // Text before the first slash is ignored.
        #expect(try jsonPatch(#"[{"op":"add","path":"spec/replicas","value":1}]"#, #"{"spec":{}}"#) == #"{"replicas":1,"spec":{}}"#)
        // copy from a missing member writes null; add without value writes null.
        #expect(try jsonPatch(#"[{"op":"copy","from":"/nope","path":"/x"},{"op":"add","path":"/y"}]"#, "{}") == #"{"x":null,"y":null}"#)
        // test: 1.0 equals 1 (kubectl re-encodes the patch); missing equals null.
        #expect(try jsonPatch(#"[{"op":"test","path":"/n","value":1.0},{"op":"test","path":"/missing","value":null}]"#, #"{"n":1}"#) == #"{"n":1}"#)
        // Whole-document replace and test.
        #expect(try jsonPatch(#"[{"op":"replace","path":"","value":{"z":1}},{"op":"test","path":"","value":{"z":1}}]"#, #"{"a":1}"#) == #"{"z":1}"#)
    }

    @Test(arguments: [
        (#"[{"op":"replace","path":"/spec/foo/bar","value":1}]"#,
         "replace operation does not apply: doc is missing path: /spec/foo/bar: missing value"),
        (#"[{"op":"replace","path":"/spec/template/spec/containers/5/image","value":"x"}]"#,
         "replace operation does not apply: doc is missing path: /spec/template/spec/containers/5/image: missing value"),
        (#"[{"op":"replace","path":"/spec/template/spec/containers/5","value":{}}]"#,
         "replace operation does not apply: doc is missing key: /spec/template/spec/containers/5: missing value"),
        (#"[{"op":"add","path":"/spec/foo/bar","value":1}]"#,
         #"add operation does not apply: doc is missing path: "/spec/foo/bar": missing value"#),
        (#"[{"op":"add","path":"/spec/template/spec/containers/7","value":{}}]"#,
         "error in add for path: '/spec/template/spec/containers/7': Unable to access invalid index: 7: invalid index referenced"),
        (#"[{"op":"add","path":"/spec/template/spec/containers/x","value":{}}]"#,
         #"error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax"#),
        (#"[{"op":"remove","path":"/metadata/labels/nope"}]"#,
         "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value"),
        (#"[{"op":"remove","path":"/metadata/nope/x"}]"#,
         #"remove operation does not apply: doc is missing path: "/metadata/nope/x": missing value"#),
        (#"[{"op":"remove","path":"/spec/template/spec/containers/-"}]"#,
         #"error in remove for path: '/spec/template/spec/containers/-': strconv.Atoi: parsing "-": invalid syntax"#),
        (#"[{"op":"test","path":"/spec/replicas","value":4}]"#, "testing value /spec/replicas failed: test failed"),
        (#"[{"op":"test","path":"/spec/nope/x","value":4}]"#, "test operation does not apply: is missing path: /spec/nope/x: missing value"),
        (#"[{"op":"move","from":"/metadata/nope","path":"/x"}]"#,
         "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"),
        (#"[{"op":"move","from":"/a/b/c","path":"/x"}]"#, "move operation does not apply: doc is missing from path: /a/b/c: missing value"),
        (#"[{"op":"copy","from":"/metadata/name","path":"/a/b"}]"#,
         "copy operation does not apply: doc is missing destination path: /a/b: missing value"),
        (#"[{"op":"copy","path":"/a"}]"#, "copy operation failed to decode from: operation, missing from field: missing value"),
        (#"[{"op":"replace","value":1}]"#, "replace operation failed to decode path: operation missing path field: missing value"),
        (#"[{"op":"replace","path":5,"value":1}]"#,
         "replace operation failed to decode path: json: cannot unmarshal number into Go value of type string"),
        (#"[{"op":"add","value":1}]"#, "add operation failed to decode path: missing value"),
        (#"[{"op":"replace","path":"","value":3}]"#, "replace operation value must be object or array: %!w(<nil>)"),
        (#"[{"op":"bogus","path":"/a"}]"#, "Unexpected kind: bogus"),
        (#"[{"path":"/a"}]"#, "Unexpected kind: unknown"),
        (#"[null]"#, "Unexpected kind: unknown"),
    ])
    func applyErrors(patch: String, message: String) {
        let e = jsonPatchError(patch, deployment)
        #expect(e?.message == message)
        // The apiserver swallows the library text into a generic 422.
        #expect(e?.code == 422)
        #expect(e?.kubectlServerText == "The request is invalid: the server rejected our request due to an error in our request")
    }

    @Test func firstFailureAbortsWholePatch() {
        #expect(jsonPatchError(#"[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/zz"}]"#, "{}")?.message ==
            "error in remove for path: '/zz': Unable to remove nonexistent key: zz: missing value")
    }

    @Test func localWordingRewritesMissingKey() {
        let e = jsonPatchError(#"[{"op":"replace","path":"/spec/template/spec/containers/5","value":{}}]"#, deployment)
        #expect(e?.kubectlLocalText == "error: Object to be patched is missing field (/spec/template/spec/containers/5: missing value)")
        let e2 = jsonPatchError(#"[{"op":"add","path":"/spec/foo/bar","value":1}]"#, deployment)
        #expect(e2?.kubectlLocalText == #"error: add operation does not apply: doc is missing path: "/spec/foo/bar": missing value"#)
    }

    @Test func decodeErrors() {
        // Server, default (Warn) field validation: the strict pre-decode speaks first.
        func server(_ p: String) -> String? {
            do { _ = try JSONPatch.serverApply(patch: j(p), to: j("{}")); return nil } catch { return error.kubectlServerText }
        }
        #expect(server(#"{"op":"add","path":"/a","value":1}"#) ==
            "Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp")
        #expect(server(#"[{"op":1}]"#) ==
            "Error from server (BadRequest): error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string")
        #expect(server(#"["add"]"#) ==
            "Error from server (BadRequest): error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp")
        // The library's own decoder (Ignore validation, or kubectl --local).
        do {
            _ = try JSONPatch.serverApply(patch: j(#"{"op":"add"}"#), to: j("{}"), fieldValidation: .ignore)
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlServerText == "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        }
        #expect(jsonPatchError("[3]", "{}")?.kubectlLocalText == "error: json: cannot unmarshal number into Go value of type jsonpatch.Operation")
        // null is an empty patch.
        #expect((try? jsonPatch("null", #"{"a":1}"#)) == #"{"a":1}"#)
        // Too many operations.
        let ops = JSONValue.array(Array(repeating: j(#"{"op":"test","path":"/a","value":1}"#), count: 10001))
        do {
            _ = try JSONPatch.serverApply(patch: ops, to: j(#"{"a":1}"#))
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlServerText == "Error from server (RequestEntityTooLarge): Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001")
        }
    }

    @Test func parseErrorWording() {
        #expect(PatchText.kubectlParseError(patch: "{\"a\":", yamlError: "error converting YAML to JSON: yaml: line 1: did not find expected node content") ==
            #"error: unable to parse "{\"a\":": error converting YAML to JSON: yaml: line 1: did not find expected node content"#)
    }
}

// MARK: - Strategic merge patch

@Suite struct StrategicMergeTests {
    let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["a/x","b/y"],"labels":{"app":"web","tier":"fe"},"name":"web"},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"nginx:1.24","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}]},{"image":"busybox","name":"sidecar"}],"tolerations":[{"key":"k1","operator":"Exists"}],"volumes":[{"configMap":{"name":"cfg"},"name":"v1"}]}}"#

    @Test func mergesContainersByName() throws {
        #expect(try smp(#"{"spec":{"containers":[{"name":"sidecar","image":"busybox:1.36"}]}}"#, pod) ==
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["a/x","b/y"],"labels":{"app":"web","tier":"fe"},"name":"web"},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"nginx:1.24","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}]},{"image":"busybox:1.36","name":"sidecar"}],"tolerations":[{"key":"k1","operator":"Exists"}],"volumes":[{"configMap":{"name":"cfg"},"name":"v1"}]}}"#)
    }

    @Test func newMergeListElementGoesFirst() throws {
        // As in the kubernetes.io "update API objects with kubectl patch" example: the patched-in
        // container precedes the existing ones.
        #expect(try smp(#"{"spec":{"containers":[{"name":"redis","image":"redis"}]}}"#,
                        #"{"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}"#) ==
            #"{"spec":{"containers":[{"image":"redis","name":"redis"},{"image":"nginx","name":"nginx"}]}}"#)
    }

    @Test func nestedListsPortsAndEnv() throws {
        let patch = #"{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443}],"env":[{"name":"B","value":"two"},{"name":"C","value":"3"}]}]}}"#
        #expect(try smp(patch, #"{"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}]}]}}"#) ==
            #"{"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"two"},{"name":"C","value":"3"}],"name":"nginx","ports":[{"containerPort":443},{"containerPort":80,"protocol":"TCP"}]}]}}"#)
    }

    @Test func untaggedListsAreReplaced() throws {
        #expect(try smp(#"{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}],"containers":[{"name":"a","args":["x"]}]}}"#,
                        #"{"spec":{"containers":[{"args":["a","b"],"name":"a"}],"tolerations":[{"key":"k1"}]}}"#) ==
            #"{"spec":{"containers":[{"args":["x"],"name":"a"}],"tolerations":[{"key":"k2","operator":"Exists"}]}}"#)
    }

    @Test func nullDeletesAndDirectivesOnMaps() throws {
        #expect(try smp(#"{"metadata":{"labels":{"tier":null,"v":"2"}}}"#, #"{"metadata":{"labels":{"app":"web","tier":"fe"}}}"#) ==
            #"{"metadata":{"labels":{"app":"web","v":"2"}}}"#)
        #expect(try smp(#"{"metadata":{"labels":{"$patch":"replace","only":"me"}}}"#, #"{"metadata":{"labels":{"app":"web"},"name":"x"}}"#) ==
            #"{"metadata":{"labels":{"only":"me"},"name":"x"}}"#)
        #expect(try smp(#"{"metadata":{"labels":{"$patch":"delete"}}}"#, #"{"metadata":{"labels":{"app":"web"},"name":"x"}}"#) ==
            #"{"metadata":{"labels":{},"name":"x"}}"#)
    }

    @Test func directivesOnLists() throws {
        let two = #"{"spec":{"containers":[{"image":"a","name":"a"},{"image":"b","name":"b"}]}}"#
        #expect(try smp(#"{"spec":{"containers":[{"$patch":"delete","name":"a"}]}}"#, two) == #"{"spec":{"containers":[{"image":"b","name":"b"}]}}"#)
        #expect(try smp(#"{"spec":{"containers":[{"name":"c","image":"c"},{"$patch":"replace"}]}}"#, two) == #"{"spec":{"containers":[{"image":"c","name":"c"}]}}"#)
        #expect(smpError(#"{"spec":{"containers":[{"$patch":"merge"}]}}"#, two)?.message == "merging lists cannot yet be specified in the patch")
        #expect(smpError(#"{"metadata":{"$patch":"merge"}}"#, #"{"metadata":{"name":"x"}}"#)?.message == "unknown patch type: merge in map: map[$patch:merge]")
        // Where the live object has no such key the directive map is simply dropped.
        #expect(try smp(#"{"metadata":{"$patch":"merge"}}"#, two) == two)
        #expect(smpError(#"{"spec":{"containers":[{"$patch":"delete"}]}}"#, two)?.message == "map: map[$patch:delete] does not contain declared merge key: name")
    }

    @Test func primitiveMergeListsFinalizers() throws {
        #expect(try smp(#"{"metadata":{"finalizers":["c/z","a/x"]}}"#, #"{"metadata":{"finalizers":["a/x","b/y"]}}"#) ==
            #"{"metadata":{"finalizers":["c/z","a/x","b/y"]}}"#)
        #expect(try smp(#"{"metadata":{"$deleteFromPrimitiveList/finalizers":["a/x"]}}"#, #"{"metadata":{"finalizers":["a/x","b/y"]}}"#) ==
            #"{"metadata":{"finalizers":["b/y"]}}"#)
        #expect(smpError(#"{"metadata":{"$deleteFromPrimitiveListfinalizers":["a/x"]}}"#, #"{"metadata":{"finalizers":["a/x"]}}"#)?.kubectlServerText ==
            "Error from server (BadRequest): invalid patch format of primitive list")
    }

    @Test func setElementOrder() throws {
        let live = #"{"spec":{"containers":[{"image":"a","name":"a"},{"image":"b","name":"b"},{"image":"c","name":"c"}]}}"#
        #expect(try smp(#"{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}]}}"#, live) ==
            #"{"spec":{"containers":[{"image":"c","name":"c"},{"image":"a","name":"a"},{"image":"b","name":"b"}]}}"#)
        #expect(try smp(#"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a","image":"z"}]}}"#,
                        #"{"spec":{"containers":[{"image":"a","name":"a"},{"image":"b","name":"b"}]}}"#) ==
            #"{"spec":{"containers":[{"image":"b","name":"b"},{"image":"z","name":"a"}]}}"#)
        #expect(smpError(#"{"spec":{"$setElementOrder/containers":[{"name":"b"}],"containers":[{"name":"a","image":"z"}]}}"#, live)?.message ==
            "The order in patch list:\n[map[image:z name:a]]\n doesn't match $setElementOrder list:\n[map[name:b]]\n")
    }

    @Test func retainKeys() throws {
        let deploy = #"{"spec":{"replicas":1,"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"}}}"#
        #expect(try smp(#"{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}"#, deploy, kind: "Deployment") ==
            #"{"spec":{"replicas":1,"strategy":{"type":"Recreate"}}}"#)
        #expect(smpError(#"{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}"#, deploy, kind: "Deployment")?.kubectlServerText ==
            "Error from server (BadRequest): invalid patch format of retainKeys")
        // Volumes carry retainKeys too: switching a volume's source.
        #expect(try smp(#"{"spec":{"volumes":[{"$retainKeys":["emptyDir","name"],"emptyDir":{},"name":"v1"}]}}"#, pod) ==
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["a/x","b/y"],"labels":{"app":"web","tier":"fe"},"name":"web"},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"nginx:1.24","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}]},{"image":"busybox","name":"sidecar"}],"tolerations":[{"key":"k1","operator":"Exists"}],"volumes":[{"emptyDir":{},"name":"v1"}]}}"#)
    }

    @Test func missingMergeKeyIsA500WithoutReason() {
        let e = smpError(#"{"spec":{"containers":[{"image":"nginx:1.25"}]}}"#, pod)
        #expect(e?.message == "map: map[image:nginx:1.25] does not contain declared merge key: name")
        #expect(e?.kubectlServerText == "Error from server: map: map[image:nginx:1.25] does not contain declared merge key: name")
        let svc = #"{"spec":{"ports":[{"port":80,"targetPort":8080}]}}"#
        #expect(smpError(#"{"spec":{"ports":[{"targetPort":441}]}}"#, svc, kind: "Service")?.message ==
            "map: map[targetPort:441] does not contain declared merge key: port")
    }

    @Test func kindsAndTemplatePaths() throws {
        // Deployment / Job / CronJob pod templates, Service ports by port, StatefulSet claim templates replaced.
        #expect(try smp(#"{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"new"}]}}}}"#,
                        #"{"spec":{"template":{"spec":{"containers":[{"image":"old","name":"a"},{"image":"b","name":"b"}]}}}}"#, kind: "Deployment") ==
            #"{"spec":{"template":{"spec":{"containers":[{"image":"new","name":"a"},{"image":"b","name":"b"}]}}}}"#)
        #expect(try smp(#"{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"new"}]}}}}}}"#,
                        #"{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"image":"old","name":"a"},{"image":"b","name":"b"}]}}}}}}"#, kind: "CronJob") ==
            #"{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"image":"new","name":"a"},{"image":"b","name":"b"}]}}}}}}"#)
        #expect(try smp(#"{"spec":{"ports":[{"port":443,"name":"https"}]}}"#, #"{"spec":{"ports":[{"name":"http","port":80}]}}"#, kind: "Service") ==
            #"{"spec":{"ports":[{"name":"https","port":443},{"name":"http","port":80}]}}"#)
        #expect(try smp(#"{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"b"}}]}}"#,
                        #"{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"a"}}]}}"#, kind: "StatefulSet") ==
            #"{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"b"}}]}}"#)
        // A ConfigMap has no tagged fields: lists replace, maps merge.
        #expect(try smp(#"{"data":{"k":"v2"},"metadata":{"ownerReferences":[{"uid":"2","name":"n2"}]}}"#,
                        #"{"data":{"k":"v","other":"o"},"metadata":{"ownerReferences":[{"name":"n1","uid":"1"}]}}"#, kind: "ConfigMap") ==
            #"{"data":{"k":"v2","other":"o"},"metadata":{"ownerReferences":[{"name":"n2","uid":"2"},{"name":"n1","uid":"1"}]}}"#)
    }

    @Test func newValuesLoseNullsAndDirectives() throws {
        #expect(try smp(#"{"metadata":{"annotations":{"a":"1","b":null,"c":{"$patch":"delete"}}}}"#, #"{"metadata":{"name":"x"}}"#) ==
            #"{"metadata":{"annotations":{"a":"1"},"name":"x"}}"#)
        // A null patch changes nothing; a non-object patch is refused.
        #expect(try smp("null", #"{"a":1}"#) == #"{"a":1}"#)
        #expect(smpError("[1]", #"{"a":1}"#)?.kubectlServerText == "Error from server (BadRequest): invalid JSON document")
        do {
            _ = try StrategicMerge.serverApply(patch: j("[1]"), to: j("{}"), kind: "Pod")
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlServerText == "Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}")
        }
    }

    @Test func listShapeErrors() {
        #expect(smpError(#"{"metadata":{"finalizers":[["x"]]}}"#, #"{"metadata":{"finalizers":[]}}"#)?.kubectlServerText ==
            "The request is invalid: the server rejected our request due to an error in our request")
        #expect(smpError(#"{"metadata":{"finalizers":[["x"]]}}"#, #"{"metadata":{"finalizers":["a"]}}"#)?.kubectlServerText ==
            "Error from server: list element types are not identical: [[a] [[x]]]")
        #expect(smpError(#"{"metadata":{"finalizers":[1]}}"#, #"{"metadata":{"finalizers":["a"]}}"#)?.message ==
            "list element types are not identical: [[a] [1]]")
    }

    @Test func schemaTable() {
        let table = Dictionary(uniqueKeysWithValues: StrategicMergeSchema.table(forKind: "Deployment").map { ($0.path, $0.meta.description) })
        #expect(table["spec.template.spec.containers"] == "merge key=name")
        #expect(table["spec.template.spec.containers[].ports"] == "merge key=containerPort")
        #expect(table["spec.template.spec.volumes"] == "merge,retainKeys key=name")
        #expect(table["spec.strategy"] == "retainKeys")
        #expect(table["metadata.ownerReferences"] == "merge key=uid")
        #expect(table["spec.template.spec.tolerations"] == nil)
        let pod = Dictionary(uniqueKeysWithValues: StrategicMergeSchema.table(forKind: "Pod").map { ($0.path, $0.meta.description) })
        #expect(pod["spec.containers[].env"] == "merge key=name")
        #expect(pod["status.conditions"] == "merge key=type")
        let cron = Dictionary(uniqueKeysWithValues: StrategicMergeSchema.table(forKind: "CronJob").map { ($0.path, $0.meta.description) })
        #expect(cron["spec.jobTemplate.spec.template.spec.initContainers[].volumeMounts"] == "merge key=mountPath")
    }

    @Test func twoWayPatch() throws {
        let original = #"{"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"containers":[{"image":"x","name":"a"},{"image":"y","name":"b"}]}}"#
        let modified = #"{"metadata":{"labels":{"a":"1","c":"3"}},"spec":{"containers":[{"image":"x2","name":"a"}]}}"#
        let patch = try StrategicMerge.createTwoWayPatch(original: j(original), modified: j(modified), kind: "Pod")
        #expect(patch.compactJSON ==
            #"{"metadata":{"labels":{"b":null,"c":"3"}},"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"image":"x2","name":"a"},{"$patch":"delete","name":"b"}]}}"#)
        #expect(try StrategicMerge.apply(patch: patch, to: j(original), kind: "Pod").compactJSON == modified)
    }
}

// MARK: - Client-side apply

@Suite struct ThreeWayMergeTests {
    static func deployment(replicas: Int, labels: String = #"{"app":"web"}"#, containers: String = #"[{"image":"nginx:1.25","name":"nginx"}]"#) -> JSONValue {
        j(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":"# + labels + #","name":"web"},"spec":{"replicas":"# + String(replicas)
          + #","selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":"# + containers + "}}}}")
    }

    /// The live object after `kubectl apply` created `manifest`: the manifest plus the
    /// annotation, server-populated metadata, defaults and status.
    static func live(_ manifest: JSONValue) -> JSONValue {
        var obj = LastApplied.modified(manifest)
        obj["metadata"]?["uid"] = "6f0c"
        obj["metadata"]?["resourceVersion"] = "1001"
        obj["metadata"]?["generation"] = 1
        obj["spec"]?["revisionHistoryLimit"] = 10
        obj["spec"]?["progressDeadlineSeconds"] = 600
        obj["spec"]?["strategy"] = j(#"{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"}"#)
        if case .array(let cs)? = obj["spec"]?["template"]?["spec"]?["containers"] {
            obj["spec"]?["template"]?["spec"]?["containers"] = .array(cs.map { c in
                var c = c
                c["imagePullPolicy"] = "IfNotPresent"
                c["terminationMessagePath"] = "/dev/termination-log"
                return c
            })
        }
        obj["spec"]?["template"]?["spec"]?["restartPolicy"] = "Always"
        obj["status"] = j(#"{"observedGeneration":1,"readyReplicas":3,"replicas":3}"#)
        return obj
    }

    @Test func annotationValueFormat() {
        let pod = j(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"image":"nginx","name":"web","args":["a<b&c>"]}]}}"#)
        #expect(LastApplied.annotationValue(for: pod) ==
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"args":["a\u003cb\u0026c\u003e"],"image":"nginx","name":"web"}]}}"# + "\n")
        // Other annotations stay, the annotation itself is dropped, an explicit namespace wins,
        // cluster-scoped objects get none.
        let withAnn = j(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old","note":"x"},"name":"c","namespace":"prod"}}"#)
        #expect(LastApplied.annotationValue(for: withAnn) ==
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"note":"x"},"name":"c","namespace":"prod"}}"# + "\n")
        let ns = j(#"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"prod"}}"#)
        #expect(LastApplied.annotationValue(for: ns, namespace: nil) == #"{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"prod"}}"# + "\n")
        #expect(LastApplied.annotationValue(for: ns) == #"{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"prod"}}"# + "\n")
        // The stored text parses back to the prepared manifest.
        #expect(LastApplied.parseJSON(LastApplied.annotationValue(for: pod)) == LastApplied.prepared(pod, namespace: "default"))
    }

    @Test func sameFileTwiceIsUnchanged() throws {
        let manifest = Self.deployment(replicas: 3)
        let current = Self.live(manifest)
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        #expect(ThreeWayMerge.patchText(patch) == "{}")
        #expect(ThreeWayMerge.isEmpty(patch))
        #expect(result == current)
    }

    @Test func editedReplicasIsConfigured() throws {
        let current = Self.live(Self.deployment(replicas: 3))
        let (patch, result) = try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 5), current: current, kind: "Deployment")
        #expect(ThreeWayMerge.patchText(patch) ==
            #"{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":5,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"image\":\"nginx:1.25\",\"name\":\"nginx\"}]}}}}\n"}},"spec":{"replicas":5}}"#)
        #expect(result["spec"]?["replicas"] == 5)
        #expect(LastApplied.stored(in: result) == LastApplied.annotationValue(for: Self.deployment(replicas: 5)))
        #expect(result["spec"]?["strategy"] == current["spec"]?["strategy"])
        // Applying the new file again is then a no-op.
        #expect(ThreeWayMerge.isEmpty(try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 5), current: result, kind: "Deployment").patch))
    }

    @Test func liveDriftIsRevertedByReapplyingSameFile() throws {
        // kubectl scale --replicas=5, file still says 3.
        var current = Self.live(Self.deployment(replicas: 3))
        current["spec"]?["replicas"] = 5
        let (patch, result) = try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 3), current: current, kind: "Deployment")
        #expect(ThreeWayMerge.patchText(patch) == #"{"spec":{"replicas":3}}"#)
        #expect(result["spec"]?["replicas"] == 3)
    }

    @Test func liveOnlyFieldsSurvive() throws {
        // kubectl label deploy web team=a: not in the file, not in the annotation → left alone.
        var current = Self.live(Self.deployment(replicas: 3))
        current["metadata"]?["labels"]?["team"] = "a"
        let (patch, _) = try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 3), current: current, kind: "Deployment")
        #expect(ThreeWayMerge.patchText(patch) == "{}")
    }

    @Test func removedLabelIsDeleted() throws {
        let current = Self.live(Self.deployment(replicas: 3, labels: #"{"app":"web","tier":"fe"}"#))
        let manifest = Self.deployment(replicas: 3)
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        var expected = j(#"{"metadata":{"annotations":{},"labels":{"tier":null}}}"#)
        expected["metadata"]?["annotations"]?[LastApplied.annotationKey] = .string(LastApplied.annotationValue(for: manifest))
        #expect(patch.compactJSON == expected.compactJSON)
        #expect(result["metadata"]?["labels"]?.compactJSON == #"{"app":"web"}"#)
    }

    @Test func removedContainerGetsDeleteDirective() throws {
        let two = #"[{"image":"nginx:1.25","name":"nginx"},{"image":"busybox","name":"sidecar"}]"#
        let current = Self.live(Self.deployment(replicas: 3, containers: two))
        let manifest = Self.deployment(replicas: 3)
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        #expect(patch["spec"]?.compactJSON ==
            #"{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$patch":"delete","name":"sidecar"}]}}}"#)
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.compactJSON ==
            #"[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx","terminationMessagePath":"/dev/termination-log"}]"#)
    }

    @Test func addedContainerKeepsFileOrder() throws {
        let current = Self.live(Self.deployment(replicas: 3))
        let manifest = Self.deployment(replicas: 3, containers: #"[{"image":"nginx:1.25","name":"nginx"},{"image":"busybox","name":"sidecar"}]"#)
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        #expect(patch["spec"]?.compactJSON ==
            #"{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"sidecar"}],"containers":[{"image":"busybox","name":"sidecar"}]}}}"#)
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.compactJSON ==
            #"[{"image":"nginx:1.25","imagePullPolicy":"IfNotPresent","name":"nginx","terminationMessagePath":"/dev/termination-log"},{"image":"busybox","name":"sidecar"}]"#)
    }

    @Test func imageChangePatchShape() throws {
        // The familiar body of `kubectl apply -v=8` after editing an image.
        let current = Self.live(Self.deployment(replicas: 3))
        let manifest = Self.deployment(replicas: 3, containers: #"[{"image":"nginx:1.26","name":"nginx"}]"#)
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        #expect(patch["spec"]?.compactJSON ==
            #"{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}"#)
        #expect(result["spec"]?["template"]?["spec"]?["containers"]?.compactJSON ==
            #"[{"image":"nginx:1.26","imagePullPolicy":"IfNotPresent","name":"nginx","terminationMessagePath":"/dev/termination-log"}]"#)
    }

    @Test func envChangeAndRemoval() throws {
        let before = #"[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}],"image":"nginx:1.25","name":"nginx"}]"#
        let after = #"[{"env":[{"name":"B","value":"two"},{"name":"A","value":"1"}],"image":"nginx:1.25","name":"nginx"}]"#
        let current = Self.live(Self.deployment(replicas: 3, containers: before))
        let (patch, result) = try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 3, containers: after), current: current, kind: "Deployment")
        #expect(patch["spec"]?.compactJSON ==
            #"{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"B"},{"name":"A"}],"env":[{"name":"B","value":"two"},{"$patch":"delete","name":"C"}],"name":"nginx"}]}}}"#)
        #expect(result.value(atPath: "spec.template.spec.containers[0].env")?.compactJSON ==
            #"[{"name":"B","value":"two"},{"name":"A","value":"1"}]"#)
    }

    @Test func strategyTypeChangeUsesRetainKeys() throws {
        let manifest1 = j(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"strategy":{"rollingUpdate":{"maxSurge":1},"type":"RollingUpdate"}}}"#)
        let manifest2 = j(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"strategy":{"type":"Recreate"}}}"#)
        var current = LastApplied.modified(manifest1)
        current["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"] = "25%"
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest2, current: current, kind: "Deployment")
        #expect(patch["spec"]?.compactJSON == #"{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}"#)
        #expect(result["spec"]?.compactJSON == #"{"strategy":{"type":"Recreate"}}"#)
    }

    @Test func noAnnotationYet() throws {
        // Created with `kubectl create` (no annotation): nothing is deleted, the annotation is added.
        let manifest = Self.deployment(replicas: 3)
        var current = Self.live(manifest)
        current["metadata"]?["annotations"] = j("{}")
        current["metadata"]?["labels"]?["extra"] = "x"
        let (patch, result) = try ThreeWayMerge.apply(manifest: manifest, current: current, kind: "Deployment")
        var expected = j(#"{"metadata":{"annotations":{}}}"#)
        expected["metadata"]?["annotations"]?[LastApplied.annotationKey] = .string(LastApplied.annotationValue(for: manifest))
        #expect(patch.compactJSON == expected.compactJSON)
        #expect(result["metadata"]?["labels"]?.compactJSON == #"{"app":"web","extra":"x"}"#)
        #expect(LastApplied.missingAnnotationWarning(objectName: "deployments.apps/web") ==
            "Warning: resource deployments.apps/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n")
    }

    @Test func badAnnotationAndPreconditions() {
        var current = Self.live(Self.deployment(replicas: 3))
        current["metadata"]?["annotations"]?[LastApplied.annotationKey] = "not json"
        do {
            _ = try ThreeWayMerge.apply(manifest: Self.deployment(replicas: 3), current: current, kind: "Deployment")
            Issue.record("expected failure")
        } catch {
            #expect(error.message == "invalid JSON document")
        }
        do {
            _ = try ThreeWayMerge.createPatch(original: nil, modified: j(#"{"kind":"B"}"#), current: j(#"{"kind":"A"}"#), kind: "Pod")
            Issue.record("expected failure")
        } catch {
            #expect(error.message == "At least one of apiVersion, kind and name was changed")
        }
    }
}

// MARK: - Go compatibility helpers

@Suite struct GoCompatTests {
    @Test func formatting() {
        #expect(GoCompat.v(j(#"{"b":[1,2.5,null],"a":{"x":true}}"#)) == "map[a:map[x:true] b:[1 2.5 <nil>]]")
        #expect(GoCompat.s(j("1")) == "%!s(int64=1)")
        // Checked against kubectl v1.32: `kubectl patch --local -f cm.yaml -p
        // '{"data":{"$patch":{"a":null,"b":1.5,"c":[null]}}}'`. fmt prints a nil inside a map
        // or slice as <nil> even under %s; only a top-level nil is %!s(<nil>).
        #expect(GoCompat.s(j(#"{"a":null,"b":1.5,"c":[null]}"#)) == "map[a:<nil> b:%!s(float64=1.5) c:[<nil>]]")
        #expect(GoCompat.s(nil) == "%!s(<nil>)")
        #expect(GoCompat.typeName(j("[]")) == "[]interface {}")
        #expect(GoCompat.typeName(nil) == "<nil>")
    }

    @Test func atoiErrorsInJSONPatchIndexes() {
        // Go's ParseUint reports an overflow as soon as it happens, before any later bad
        // character: kubectl v1.32 says "value out of range" for this index.
        #expect(jsonPatchError(#"[{"op":"add","path":"/a/99999999999999999999x","value":1}]"#, #"{"a":[]}"#)?.message
            == #"error in add for path: '/a/99999999999999999999x': value was not a proper array index: '99999999999999999999x': strconv.Atoi: parsing "99999999999999999999x": value out of range"#)
        #expect(jsonPatchError(#"[{"op":"add","path":"/a/1x","value":1}]"#, #"{"a":[]}"#)?.message
            == #"error in add for path: '/a/1x': value was not a proper array index: '1x': strconv.Atoi: parsing "1x": invalid syntax"#)
    }

    @Test func sliceStableMatchesStableSortForConsistentOrders() {
        var rng = PatchTestRNG(seed: 7)
        for n in [0, 1, 5, 20, 21, 40, 77, 200] {
            var items = (0..<n).map { i in (key: Int(rng.next() % 10), pos: i) }
            let expected = items.enumerated().sorted { a, b in
                a.element.key != b.element.key ? a.element.key < b.element.key : a.offset < b.offset
            }.map { $0.element.pos }
            GoCompat.sliceStable(&items) { $0.key < $1.key }
            #expect(items.map(\.pos) == expected)
        }
    }
}

// MARK: - Robustness

/// Deterministic pseudo-random numbers for the fuzz tests.
fileprivate struct PatchTestRNG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
}

@Suite struct PatchFuzzTests {
    static let keys = ["a", "b", "name", "containers", "ports", "containerPort", "$patch", "$retainKeys",
                       "$setElementOrder/containers", "$deleteFromPrimitiveList/finalizers", "finalizers", "spec", "metadata", "~1", ""]

    fileprivate static func value(_ rng: inout PatchTestRNG, depth: Int) -> JSONValue {
        switch rng.next() % (depth > 3 ? 5 : 8) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .int(Int(rng.next() % 5))
        case 3: return .string(rng.pick(["a", "b", "delete", "replace", "merge", "x", "/a", "-", "0"]))
        case 4: return .double(0.5)
        case 5, 6:
            var o: [String: JSONValue] = [:]
            for _ in 0..<(rng.next() % 4) { o[rng.pick(keys)] = value(&rng, depth: depth + 1) }
            return .object(o)
        default:
            return .array((0..<(rng.next() % 4)).map { _ in value(&rng, depth: depth + 1) })
        }
    }

    fileprivate static func jsonPatchOps(_ rng: inout PatchTestRNG) -> JSONValue {
        .array((0..<(rng.next() % 4)).map { _ in
            var op: [String: JSONValue] = ["op": .string(rng.pick(["add", "remove", "replace", "move", "copy", "test", "x"]))]
            let paths = ["", "/", "/a", "/a/0", "/a/-", "/spec/containers/0/name", "/b/~1", "/a/-1", "/a/b/c", "a"]
            if rng.next() % 5 != 0 { op["path"] = .string(rng.pick(paths)) }
            if rng.next() % 2 == 0 { op["from"] = .string(rng.pick(paths)) }
            if rng.next() % 3 != 0 { op["value"] = value(&rng, depth: 2) }
            return .object(op)
        })
    }

    static func text(_ f: () throws(PatchError) -> JSONValue) -> String {
        do { return try f().compactJSON } catch { return "error: " + error.message }
    }

    @Test func noCrashAndDeterministic() {
        var rng = PatchTestRNG(seed: 42)
        for _ in 0..<3000 {
            let doc = Self.value(&rng, depth: 0)
            let patch = Self.value(&rng, depth: 0)
            let kind = rng.pick(["Pod", "Deployment", "ConfigMap"])
            _ = MergePatch.apply(patch: patch, to: doc)
            let r1 = Self.text { () throws(PatchError) in try StrategicMerge.apply(patch: patch, to: doc, kind: kind) }
            let r2 = Self.text { () throws(PatchError) in try StrategicMerge.apply(patch: patch, to: doc, kind: kind) }
            #expect(r1 == r2)
            let ops = Self.jsonPatchOps(&rng)
            let p1 = Self.text { () throws(PatchError) in try JSONPatch.serverApply(patch: ops, to: doc) }
            let p2 = Self.text { () throws(PatchError) in try JSONPatch.serverApply(patch: ops, to: doc) }
            #expect(p1 == p2)
            let cur = Self.value(&rng, depth: 0)
            _ = try? ThreeWayMerge.apply(original: doc, modified: patch, current: cur, kind: kind)
            _ = try? StrategicMerge.createTwoWayPatch(original: doc, modified: patch, kind: kind)
        }
    }

    /// Two-way patches built from random pod-like objects must reproduce the target.
    @Test func twoWayRoundTrip() throws {
        var rng = PatchTestRNG(seed: 9)
        func container(_ rng: inout PatchTestRNG) -> JSONValue {
            var c: [String: JSONValue] = ["name": .string(rng.pick(["a", "b", "c", "d"]))]
            if rng.next() % 2 == 0 { c["image"] = .string(rng.pick(["x", "y"])) }
            if rng.next() % 2 == 0 {
                c["ports"] = .array(Array(Set((0..<(rng.next() % 3)).map { _ in Int(rng.next() % 3) })).sorted().map { .object(["containerPort": .int(80 + $0)]) })
            }
            return .object(c)
        }
        func pod(_ rng: inout PatchTestRNG) -> JSONValue {
            var names = Set<String>()
            var cs: [JSONValue] = []
            for _ in 0..<(rng.next() % 4) {
                let c = container(&rng)
                if names.insert(c["name"]!.stringValue!).inserted { cs.append(c) }
            }
            var labels: [String: JSONValue] = [:]
            for k in ["x", "y", "z"] where rng.next() % 2 == 0 { labels[k] = .string(rng.pick(["1", "2"])) }
            let fins = Array(Set((0..<(rng.next() % 3)).map { _ in rng.pick(["f/a", "f/b", "f/c"]) })).sorted()
            var meta: [String: JSONValue] = ["name": "p", "labels": .object(labels)]
            if !fins.isEmpty { meta["finalizers"] = .array(fins.map { .string($0) }) }
            return .object(["metadata": .object(meta), "spec": .object(["containers": .array(cs)])])
        }
        for _ in 0..<500 {
            let a = pod(&rng)
            let b = pod(&rng)
            let patch = try StrategicMerge.createTwoWayPatch(original: a, modified: b, kind: "Pod")
            let got = try StrategicMerge.apply(patch: patch, to: a, kind: "Pod")
            #expect(got == b, "patch \(patch.compactJSON) from \(a.compactJSON) gave \(got.compactJSON)")
        }
    }
}

@Suite struct PatchDispatchTests {
    @Test func commandAdapters() throws {
        let current = ThreeWayMergeTests.live(ThreeWayMergeTests.deployment(replicas: 3))
        let original = LastApplied.parseJSON(LastApplied.stored(in: current)!)
        let same = try ApplyMerge.threeWay(original: original, modified: LastApplied.modified(ThreeWayMergeTests.deployment(replicas: 3)),
                                           current: current, kind: "Deployment")
        #expect(same.patchIsEmpty && same.result == current)
        let scaled = try ApplyMerge.threeWay(original: original, modified: LastApplied.modified(ThreeWayMergeTests.deployment(replicas: 4)),
                                             current: current, kind: "Deployment")
        #expect(!scaled.patchIsEmpty && scaled.result["spec"]?["replicas"] == 4)
        #expect(try PatchEngine.apply(type: "merge", patch: j(#"{"spec":{"replicas":2}}"#), to: current, kind: "Deployment")["spec"]?["replicas"] == 2)
        do {
            _ = try PatchEngine.apply(type: "json", patch: j(#"[{"op":"remove","path":"/spec/nope"}]"#), to: current, kind: "Deployment")
            Issue.record("expected failure")
        } catch {
            #expect(error.kubectlServerText == "The request is invalid: the server rejected our request due to an error in our request")
        }
    }

    @Test func typeFlag() {
        #expect((try? PatchType.parse("JSON").get()) == .json)
        guard case .failure(let e) = PatchType.parse("foo") else {
            Issue.record("expected failure")
            return
        }
        #expect(e.message == #"--type must be one of [json merge strategic], not "foo""#)
    }

    @Test func dispatch() throws {
        let cm = j(#"{"data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"c"}}"#)
        let merged = try Patching.serverApply(.merge, patch: j(#"{"data":{"a":null,"b":"2"}}"#), to: cm, kind: "ConfigMap")
        #expect(merged.compactJSON == #"{"data":{"b":"2"},"kind":"ConfigMap","metadata":{"name":"c"}}"#)
        #expect(Patching.operationWord(before: cm, after: merged) == "patched")
        let same = try Patching.serverApply(.strategic, patch: j(#"{"data":{"a":"1"}}"#), to: cm, kind: "ConfigMap")
        #expect(Patching.operationWord(before: cm, after: same) == "patched (no change)")
        let viaJSON = try Patching.localApply(.json, patch: j(#"[{"op":"add","path":"/data/c","value":"3"}]"#), to: cm, kind: "ConfigMap")
        #expect(viaJSON["data"]?.compactJSON == #"{"a":"1","c":"3"}"#)
    }
}
