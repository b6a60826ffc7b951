import KubeAPI

/// JSON patch (RFC 6902) as `kubectl patch --type=json` gets it applied: the apiserver (and
/// kubectl itself for `--local`) uses evanphx/json-patch v4.12 (`gopkg.in/evanphx/json-patch.v4`).
/// This reproduces that library's behaviour, including where it departs from the RFC:
///
/// * `replace` of a missing *object member* succeeds and adds it (only array indexes and
///   missing parents are reported as missing);
/// * negative array indexes count from the end (`-1` is the last element; for `add`, `-1`
///   appends);
/// * the text before the first `/` of a path is ignored (`spec/replicas` means `/replicas`);
/// * `copy` from a missing object member copies `null`; `add`/`replace` without `value`
///   store `null`;
/// * `test` compares numbers by their JSON text (as kubectl re-encodes the patch, `1.0`
///   equals `1`), and a missing member or `null` passes a test for `null` or a missing value.
///
/// Error texts are the library's (see `PatchError` for how kubectl shows them), e.g.
/// `replace operation does not apply: doc is missing path: /spec/foo/bar: missing value`,
/// `add operation does not apply: doc is missing path: "/a/b": missing value`,
/// `error in remove for path: '/metadata/labels/x': Unable to remove nonexistent key: x: missing value`,
/// `testing value /spec/replicas failed: test failed`, `Unexpected kind: bogus`.
public enum JSONPatch {

    /// The apiserver refuses patches with more operations than this (patch.go).
    public static let maxOperations = 10000

    /// One decoded operation (`nil` members are absent; a JSON `null` member is `.null`).
    /// `raw == nil` stands for a `null` element of the patch array.
    public struct Operation: Equatable, Sendable {
        public var raw: [String: JSONValue]?
        public init(_ raw: [String: JSONValue]?) { self.raw = raw }
    }

    // MARK: - Decoding

    /// `jsonpatch.DecodePatch`: the body must be an array of objects (a `null` body is an
    /// empty patch, `null` elements become operations of kind `unknown`).
    public static func decode(_ body: JSONValue) throws(PatchError) -> [Operation] {
        switch body {
        case .null: return []
        case .array(let elems):
            var ops: [Operation] = []
            for e in elems {
                switch e {
                case .null: ops.append(Operation(nil))
                case .object(let o): ops.append(Operation(o))
                default:
                    throw PatchError("json: cannot unmarshal \(jsonTypeWord(e)) into Go value of type jsonpatch.Operation",
                                     serverClass: .badRequest, source: .jsonPatch)
                }
            }
            return ops
        default:
            throw PatchError("json: cannot unmarshal \(jsonTypeWord(body)) into Go value of type jsonpatch.Patch",
                             serverClass: .badRequest, source: .jsonPatch)
        }
    }

    /// The apiserver's extra decoding pass under `Warn`/`Strict` field validation: the body is
    /// strictly decoded into `[]handlers.jsonPatchOp{op, path, from string; value any}` first,
    /// and a type error is reported as `error decoding patch: ...`.
    static func strictPrecheck(_ body: JSONValue) throws(PatchError) {
        func fail(_ m: String) -> PatchError {
            PatchError("error decoding patch: " + m, serverClass: .badRequest, source: .jsonPatch)
        }
        switch body {
        case .null: return
        case .array(let elems):
            for e in elems {
                switch e {
                case .null: continue
                case .object(let o):
                    for field in ["op", "path", "from"] {
                        guard let v = o[field] else { continue }
                        switch v {
                        case .string, .null: continue
                        default:
                            throw fail("json: cannot unmarshal \(jsonTypeWord(v)) into Go struct field jsonPatchOp.\(field) of type string")
                        }
                    }
                default:
                    throw fail("json: cannot unmarshal \(jsonTypeWord(e)) into Go value of type handlers.jsonPatchOp")
                }
            }
        default:
            throw fail("json: cannot unmarshal \(jsonTypeWord(body)) into Go value of type []handlers.jsonPatchOp")
        }
    }

    /// encoding/json's word for a JSON value's type in `cannot unmarshal X into ...`.
    static func jsonTypeWord(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    // MARK: - Applying

    /// What the apiserver does with an `application/json-patch+json` body: decode (400 on
    /// failure), refuse more than 10000 operations (413), apply (422 on failure).
    public static func serverApply(patch body: JSONValue, to doc: JSONValue,
                                   fieldValidation: FieldValidation = .warn) throws(PatchError) -> JSONValue {
        if fieldValidation != .ignore { try strictPrecheck(body) }
        let ops = try decode(body)
        if ops.count > maxOperations {
            throw PatchError("The allowed maximum operations in a JSON patch is \(maxOperations), got \(ops.count)",
                             serverClass: .requestEntityTooLarge, source: .jsonPatch)
        }
        do {
            return try apply(ops, to: doc)
        } catch {
            throw PatchError(error.message, serverClass: .genericInvalid, source: .jsonPatch)
        }
    }

    /// Decodes and applies a patch the way the library does (kubectl `--local`).
    public static func apply(patch body: JSONValue, to doc: JSONValue) throws(PatchError) -> JSONValue {
        try apply(try decode(body), to: doc)
    }

    /// `Patch.Apply`: runs the operations in order; the first failure aborts the whole patch.
    public static func apply(_ ops: [Operation], to doc: JSONValue) throws(PatchError) -> JSONValue {
        var doc = doc
        switch doc {
        case .object, .array: break
        case .null: doc = .object([:])
        default:
            throw err("json: cannot unmarshal \(jsonTypeWord(doc)) into Go value of type jsonpatch.partialDoc")
        }
        for op in ops {
            switch kind(op) {
            case "add": try add(&doc, op)
            case "remove": try remove(&doc, op)
            case "replace": try replace(&doc, op)
            case "move": try move(&doc, op)
            case "test": try test(doc, op)
            case "copy": try copy(&doc, op)
            case let k: throw err("Unexpected kind: \(k)")
            }
        }
        return doc
    }

    // MARK: - Operation fields (Operation.Kind / Path / From / value)

    private static func err(_ m: String) -> PatchError {
        PatchError(m, serverClass: .genericInvalid, source: .jsonPatch)
    }

    static func kind(_ op: Operation) -> String {
        if case .string(let s)? = op.raw?["op"] { return s }
        return "unknown"
    }

    private enum FieldError: Error { case missing, type(String) }

    private static func stringField(_ op: Operation, _ name: String) -> Result<String, FieldError> {
        guard let v = op.raw?[name], v != .null else { return .failure(.missing) }
        if case .string(let s) = v { return .success(s) }
        return .failure(.type("json: cannot unmarshal \(jsonTypeWord(v)) into Go value of type string"))
    }

    /// `op.Path()` with its error text.
    private static func path(_ op: Operation) -> Result<String, FieldError> { stringField(op, "path") }
    private static func from(_ op: Operation) -> Result<String, FieldError> { stringField(op, "from") }

    private static func pathErrorText(_ e: FieldError) -> String {
        switch e {
        case .missing: return "operation missing path field: missing value"
        case .type(let t): return t
        }
    }

    private static func fromErrorText(_ e: FieldError) -> String {
        switch e {
        case .missing: return "operation, missing from field: missing value"
        case .type(let t): return t
        }
    }

    /// `op.Path()` for the operations that report its error as it is (replace, move, test).
    private static func decodedPath(_ op: Operation, for name: String) throws(PatchError) -> String {
        switch path(op) {
        case .success(let s): return s
        case .failure(let e): throw err("\(name) operation failed to decode path: \(pathErrorText(e))")
        }
    }

    /// Where move and copy take their value from: `op.From()` and its parent container.
    private static func findFrom(_ doc: JSONValue, _ op: Operation, for name: String) throws(PatchError)
        -> (from: String, steps: [Step], key: String) {
        let f: String
        switch from(op) {
        case .success(let s): f = s
        case .failure(let e): throw err("\(name) operation failed to decode from: \(fromErrorText(e))")
        }
        guard let (steps, key) = findObject(doc, f) else {
            throw err("\(name) operation does not apply: doc is missing from path: \(f): missing value")
        }
        return (f, steps, key)
    }

    /// `op.value()`: nil when the member is absent; a `null` member is `.null`.
    private static func value(_ op: Operation) -> JSONValue? { op.raw?["value"] }

    // MARK: - Pointers (findObject / container get, add, remove)

    /// A resolved step from the root to a container.
    enum Step: Equatable { case key(String), index(Int) }

    /// RFC 6901 unescaping as the library does it (`~1` → `/`, then `~0` → `~`, left to right).
    static func decodeKey(_ s: String) -> String {
        guard s.contains("~") else { return s }
        var out = ""
        var it = Array(s)
        var i = 0
        while i < it.count {
            if it[i] == "~", i + 1 < it.count, it[i + 1] == "1" { out.append("/"); i += 2; continue }
            if it[i] == "~", i + 1 < it.count, it[i + 1] == "0" { out.append("~"); i += 2; continue }
            out.append(it[i])
            i += 1
        }
        it.removeAll()
        return out
    }

    /// Go's `strings.Split(s, "/")`.
    static func splitPath(_ s: String) -> [String] {
        s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    /// `findObject`: walks all but the last segment (skipping the text before the first `/`);
    /// every step must land on an object or array. Returns the container's steps and the
    /// unescaped final key, or nil when the parent does not exist.
    static func findObject(_ doc: JSONValue, _ path: String) -> (steps: [Step], key: String)? {
        let split = splitPath(path)
        guard split.count >= 2 else { return nil }
        var cur = doc
        var steps: [Step] = []
        for part in split[1..<(split.count - 1)] {
            let key = decodeKey(part)
            let next: JSONValue
            switch cur {
            case .object(let o):
                guard let v = o[key] else { return nil }
                next = v
                steps.append(.key(key))
            case .array(let a):
                guard case .success(let idx) = arrayGetIndex(key, count: a.count) else { return nil }
                next = a[idx]
                steps.append(.index(idx))
            default:
                return nil
            }
            switch next {
            case .object, .array: cur = next
            default: return nil  // null, or a scalar that cannot be a container
            }
        }
        return (steps, decodeKey(split[split.count - 1]))
    }

    /// `partialArray.get`'s index rules: Atoi, negative counts from the end, must be in range.
    private static func arrayGetIndex(_ key: String, count: Int) -> Result<Int, PatchError> {
        switch GoStrconv.atoi(key) {
        case .failure(let e): return .failure(err(e.message(function: "Atoi", input: key)))
        case .success(var idx):
            if idx < 0 {
                if idx < -count { return .failure(invalidIndex(idx)) }
                idx += count
            }
            if idx >= count { return .failure(invalidIndex(idx)) }
            return .success(idx)
        }
    }

    private static func invalidIndex(_ idx: Int) -> PatchError {
        err("Unable to access invalid index: \(idx): invalid index referenced")
    }

    /// `partialArray.add`'s and `remove`'s index rules (`size` is the length add grows the
    /// array to): an index at or past the end, or before `-size`, is invalid; a negative one
    /// counts from the end. Unlike `get`, the error shows the index as given.
    private static func indexCountingFromEnd(_ idx: Int, size: Int) throws(PatchError) -> Int {
        if idx >= size || idx < -size { throw invalidIndex(idx) }
        return idx < 0 ? idx + size : idx
    }

    private static func container(_ doc: JSONValue, _ steps: [Step]) -> JSONValue {
        var cur = doc
        for s in steps {
            switch (s, cur) {
            case (.key(let k), .object(let o)): cur = o[k] ?? .null
            case (.index(let i), .array(let a)): cur = a[i]
            default: return .null
            }
        }
        return cur
    }

    /// Runs `body` on the container at `steps`, writing the result back into `doc`.
    private static func withContainer(_ doc: inout JSONValue, _ steps: ArraySlice<Step>,
                                      _ body: (inout JSONValue) throws(PatchError) -> Void) throws(PatchError) {
        guard let first = steps.first else {
            try body(&doc)
            return
        }
        switch (first, doc) {
        case (.key(let k), .object(var o)):
            var child = o[k] ?? .null
            o[k] = nil
            doc = .null  // drop the reference so the child can be mutated in place
            defer { o[k] = child; doc = .object(o) }
            try withContainer(&child, steps.dropFirst(), body)
        case (.index(let i), .array(var a)):
            var child = a[i]
            a[i] = .null
            doc = .null
            defer { a[i] = child; doc = .array(a) }
            try withContainer(&child, steps.dropFirst(), body)
        default:
            try body(&doc)
        }
    }

    /// `container.get`: objects never fail (a missing member is nil), arrays check the index.
    private static func containerGet(_ c: JSONValue, _ key: String) throws(PatchError) -> JSONValue? {
        switch c {
        case .object(let o): return o[key]
        case .array(let a):
            switch arrayGetIndex(key, count: a.count) {
            case .success(let i): return a[i]
            case .failure(let e): throw e
            }
        default: return nil
        }
    }

    /// `partialDoc.add` and `set`, which are the same: the member is added or replaced.
    private static func setMember(_ key: String, _ v: JSONValue, in c: inout JSONValue) {
        guard case .object(var o) = c else { return }
        c = .null  // drop the reference so the dictionary is mutated in place
        o[key] = v
        c = .object(o)
    }

    /// `container.add`.
    private static func containerAdd(_ c: inout JSONValue, _ key: String, _ v: JSONValue) throws(PatchError) {
        switch c {
        case .object:
            setMember(key, v, in: &c)
        case .array(var a):
            c = .null
            defer { c = .array(a) }
            if key == "-" {
                a.append(v)
                return
            }
            switch GoStrconv.atoi(key) {
            case .failure(let e):
                throw err("value was not a proper array index: '\(key)': \(e.message(function: "Atoi", input: key))")
            case .success(let idx):
                a.insert(v, at: try indexCountingFromEnd(idx, size: a.count + 1))
            }
        default:
            break
        }
    }

    /// `container.remove`.
    private static func containerRemove(_ c: inout JSONValue, _ key: String) throws(PatchError) {
        switch c {
        case .object(var o):
            guard o[key] != nil else { throw err("Unable to remove nonexistent key: \(key): missing value") }
            c = .null
            o.removeValue(forKey: key)
            c = .object(o)
        case .array(var a):
            switch GoStrconv.atoi(key) {
            case .failure(let e): throw err(e.message(function: "Atoi", input: key))
            case .success(let idx):
                let i = try indexCountingFromEnd(idx, size: a.count)
                c = .null
                a.remove(at: i)
                c = .array(a)
            }
        default:
            break
        }
    }

    /// `container.set` (only reached after a successful get).
    private static func containerSet(_ c: inout JSONValue, _ key: String, _ v: JSONValue) {
        switch c {
        case .object:
            setMember(key, v, in: &c)
        case .array(var a):
            guard case .success(var idx) = GoStrconv.atoi(key) else { return }
            if idx < 0 { idx += a.count }
            guard idx >= 0, idx < a.count else { return }
            c = .null
            a[idx] = v
            c = .array(a)
        default:
            break
        }
    }

    // MARK: - Operations

    private static func add(_ doc: inout JSONValue, _ op: Operation) throws(PatchError) {
        guard case .success(let p) = path(op) else { throw err("add operation failed to decode path: missing value") }
        guard let (steps, key) = findObject(doc, p) else {
            throw err("add operation does not apply: doc is missing path: \"\(p)\": missing value")
        }
        let v = value(op) ?? .null
        try withContainer(&doc, steps[...]) { (c: inout JSONValue) throws(PatchError) in
            do throws(PatchError) { try containerAdd(&c, key, v) } catch {
                throw err("error in add for path: '\(p)': \(error.message)")
            }
        }
    }

    private static func remove(_ doc: inout JSONValue, _ op: Operation) throws(PatchError) {
        guard case .success(let p) = path(op) else { throw err("remove operation failed to decode path: missing value") }
        guard let (steps, key) = findObject(doc, p) else {
            throw err("remove operation does not apply: doc is missing path: \"\(p)\": missing value")
        }
        try withContainer(&doc, steps[...]) { (c: inout JSONValue) throws(PatchError) in
            do throws(PatchError) { try containerRemove(&c, key) } catch {
                throw err("error in remove for path: '\(p)': \(error.message)")
            }
        }
    }

    private static func replace(_ doc: inout JSONValue, _ op: Operation) throws(PatchError) {
        let p = try decodedPath(op, for: "replace")
        if p.isEmpty {
            switch value(op) {
            case .object?, .array?: doc = value(op)!
            default: throw err("replace operation value must be object or array: %!w(<nil>)")
            }
            return
        }
        guard let (steps, key) = findObject(doc, p) else {
            throw err("replace operation does not apply: doc is missing path: \(p): missing value")
        }
        do {
            _ = try containerGet(container(doc, steps), key)
        } catch {
            throw err("replace operation does not apply: doc is missing key: \(p): missing value")
        }
        let v = value(op) ?? .null
        try withContainer(&doc, steps[...]) { (c: inout JSONValue) throws(PatchError) in containerSet(&c, key, v) }
    }

    private static func move(_ doc: inout JSONValue, _ op: Operation) throws(PatchError) {
        let (_, fromSteps, fromKey) = try findFrom(doc, op, for: "move")
        let val: JSONValue?
        do { val = try containerGet(container(doc, fromSteps), fromKey) } catch {
            throw err("error in move for path: '\(fromKey)': \(error.message)")
        }
        try withContainer(&doc, fromSteps[...]) { (c: inout JSONValue) throws(PatchError) in
            do throws(PatchError) { try containerRemove(&c, fromKey) } catch {
                throw err("error in move for path: '\(fromKey)': \(error.message)")
            }
        }
        let p = try decodedPath(op, for: "move")
        try addAtDestination(val ?? .null, &doc, p, for: "move") { "error in move for path: '\(p)': \($0)" }
    }

    private static func test(_ doc: JSONValue, _ op: Operation) throws(PatchError) {
        let p = try decodedPath(op, for: "test")
        let failed = err("testing value \(p) failed: test failed")
        if p.isEmpty {
            guard let v = value(op), equal(doc, v) else { throw failed }
            return
        }
        guard let (steps, key) = findObject(doc, p) else {
            throw err("test operation does not apply: is missing path: \(p): missing value")
        }
        let val: JSONValue?
        do { val = try containerGet(container(doc, steps), key) } catch {
            throw err("error in test for path: '\(p)': \(error.message)")
        }
        let want = value(op)
        if val == nil || val == .null {
            if want == nil || want == .null { return }
            throw failed
        }
        guard let want, equal(val!, want) else { throw failed }
    }

    private static func copy(_ doc: inout JSONValue, _ op: Operation) throws(PatchError) {
        let (f, fromSteps, fromKey) = try findFrom(doc, op, for: "copy")
        let val: JSONValue?
        do { val = try containerGet(container(doc, fromSteps), fromKey) } catch {
            throw err("error in copy for from: '\(f)': \(error.message)")
        }
        guard case .success(let p) = path(op) else { throw err("copy operation failed to decode path: missing value") }
        try addAtDestination(val ?? .null, &doc, p, for: "copy") { "error while adding value during copy: \($0)" }
    }

    /// The end of move and copy: adds `value` at path `p`; `addError` words the
    /// failure of the add itself, which the two operations report differently.
    private static func addAtDestination(_ value: JSONValue, _ doc: inout JSONValue, _ p: String, for name: String,
                                         addError: (String) -> String) throws(PatchError) {
        guard let (steps, key) = findObject(doc, p) else {
            throw err("\(name) operation does not apply: doc is missing destination path: \(p): missing value")
        }
        try withContainer(&doc, steps[...]) { (c: inout JSONValue) throws(PatchError) in
            do throws(PatchError) { try containerAdd(&c, key, value) } catch {
                throw err(addError(error.message))
            }
        }
    }

    /// `lazyNode.equal` after kubectl's YAML→JSON round trip: structural for objects and
    /// arrays, by encoded JSON text for scalars.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            return zip(x, y).allSatisfy { equal($0, $1) }
        case (.object, _), (.array, _), (_, .object), (_, .array):
            return false
        default:
            return GoJSON.marshal(a) == GoJSON.marshal(b)
        }
    }
}
