import KubeAPI

/// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch, as of Kubernetes
/// v1.32), over `JSONValue`s, with the field metadata of `StrategicMergeSchema`.
///
/// Applying (`apply`, what the apiserver does for `kubectl patch` and `kubectl apply`):
/// * maps merge recursively; `null` deletes a key; scalars and untagged lists replace;
/// * lists tagged `merge` with a merge key (containers by `name`, ports by `containerPort`,
///   ...) merge element by element: patch elements with a matching key merge into the
///   live element, others are appended; tagged lists of scalars (finalizers) are unioned;
/// * the resulting order follows the patch's order for patched elements and the live order
///   for the rest (`normalizeElementOrder`), or the `$setElementOrder/<list>` directive;
/// * directives: `$patch: replace` (in a map: use the map as is; as a list element: replace
///   the whole list), `$patch: delete` (in a map: empty it; as a list element: remove the
///   elements with that merge key), `$patch: merge` is rejected inside lists
///   (`merging lists cannot yet be specified in the patch`) and maps (`unknown patch type`),
///   `$retainKeys: [..]` (drop live keys not listed), `$deleteFromPrimitiveList/<list>: [..]`,
///   `$setElementOrder/<list>: [..]`;
/// * a value for a key the live object lacks is taken with its `null`s dropped and any map
///   carrying `$patch` removed (apimachinery ≥ 1.28 behaviour); values appended to merge lists
///   and values of `$patch: replace` are taken verbatim (the apiserver's typed decoding then
///   drops what is not a field).
///
/// Diffing (`diff`, used by `ThreeWayMerge` for kubectl's client-side apply) produces the same
/// patches `CreateTwoWayMergePatch`/`CreateThreeWayMergePatch` produce, including
/// `$setElementOrder`, `$deleteFromPrimitiveList`, `$retainKeys` and `$patch: delete` entries.
///
/// Iteration over map keys is in sorted order, so results are deterministic (Go's are too,
/// up to map order, which never changes a result here).
public enum StrategicMerge {

    static let directiveMarker = "$patch"
    static let deleteDirective = "delete"
    static let replaceDirective = "replace"
    static let mergeDirective = "merge"
    static let retainKeysStrategy = "retainKeys"
    static let retainKeysDirective = "$retainKeys"
    static let deleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList"
    static let setElementOrderPrefix = "$setElementOrder"

    // The mergepatch sentinel errors.
    static let errBadJSONDoc = "invalid JSON document"
    static let errNoListOfLists = "lists of lists are not supported"
    static let errBadPatchFormatForPrimitiveList = "invalid patch format of primitive list"
    static let errBadPatchFormatForRetainKeys = "invalid patch format of retainKeys"
    static let errBadPatchFormatForSetElementOrderList = "invalid patch format of setElementOrder list"
    static let errPatchContentNotMatchRetainKeys = "patch content doesn't match retainKeys list"
    static let errUnsupportedStrategicMergePatchFormat = "strategic merge patch format is not supported"

    /// `interpretStrategicMergePatchError` in the apiserver's patch handler.
    static func serverClass(forMessage m: String) -> PatchError.ServerClass {
        switch m {
        case errBadJSONDoc, errBadPatchFormatForPrimitiveList, errBadPatchFormatForRetainKeys,
             errBadPatchFormatForSetElementOrderList, errUnsupportedStrategicMergePatchFormat:
            return .badRequest
        case errNoListOfLists, errPatchContentNotMatchRetainKeys:
            return .genericInvalid
        default:
            return .internalNoReason
        }
    }

    struct MergeOptions {
        var mergeParallelList: Bool
        var ignoreUnmatchedNulls: Bool
        static let server = MergeOptions(mergeParallelList: true, ignoreUnmatchedNulls: true)
        static let client = MergeOptions(mergeParallelList: false, ignoreUnmatchedNulls: false)
    }

    typealias Obj = [String: JSONValue]
    typealias Schema = String?

    // MARK: - Public API

    /// Applies a strategic merge patch to an object of `kind` (`StrategicMergePatch`).
    /// A `null` patch changes nothing; a patch that is not an object fails with
    /// `invalid JSON document`, as the library reports it.
    public static func apply(patch: JSONValue, to original: JSONValue, kind: String) throws(PatchError) -> JSONValue {
        let patchMap: Obj
        switch patch {
        case .object(let o): patchMap = o
        case .null: patchMap = [:]
        default: throw PatchError.smp(errBadJSONDoc)
        }
        let originalMap: Obj
        switch original {
        case .object(let o): originalMap = o
        case .null: originalMap = [:]
        default: throw PatchError.smp(errBadJSONDoc)
        }
        return .object(try mergeMap(originalMap, patchMap, StrategicMergeSchema.rootType(forKind: kind), .server))
    }

    /// What the apiserver does with an `application/strategic-merge-patch+json` body: the
    /// body is decoded into a map first (`json: cannot unmarshal array into Go value of type
    /// map[string]interface {}`, 400, for a non-object), then applied.
    public static func serverApply(patch: JSONValue, to original: JSONValue, kind: String) throws(PatchError) -> JSONValue {
        switch patch {
        case .object, .null: break
        default:
            throw PatchError("json: cannot unmarshal \(JSONPatch.jsonTypeWord(patch)) into Go value of type map[string]interface {}",
                             serverClass: .badRequest, source: .strategicMerge)
        }
        return try apply(patch: patch, to: original, kind: kind)
    }

    /// `CreateTwoWayMergePatch(original, modified)` for an object of `kind`: the patch that
    /// turns `original` into `modified`.
    public static func createTwoWayPatch(original: JSONValue, modified: JSONValue, kind: String) throws(PatchError) -> JSONValue {
        let o = original.objectValue ?? [:]
        let m = modified.objectValue ?? [:]
        return .object(try diffMaps(o, m, StrategicMergeSchema.rootType(forKind: kind), DiffOptions(setElementOrder: true)))
    }

    // MARK: - Errors

    static func fail(_ m: String) -> PatchError { PatchError.smp(m) }

    static func errNoMergeKey(_ m: Obj, _ key: String) -> PatchError {
        fail("map: \(GoCompat.v(.object(m))) does not contain declared merge key: \(key)")
    }

    /// `mergepatch.ErrBadArgType(expected, actual)`.
    static func errBadArgType(_ expected: String, _ actual: JSONValue?) -> PatchError {
        let a: String
        if actual == nil || actual == .null { a = "%!s(<nil>)" } else { a = GoCompat.typeName(actual) }
        return fail("expected a \(expected), but received a \(a)")
    }

    static let mapType = "map[string]interface {}"
    static let sliceType = "[]interface {}"

    static func errBadPatchType(_ t: JSONValue?, _ m: Obj) -> PatchError {
        fail("unknown patch type: \(GoCompat.s(t)) in map: \(GoCompat.v(.object(m)))")
    }

    // MARK: - Helpers shared by merge and diff

    /// Go's `==` between two interface values holding decoded JSON (nil and null alike).
    static func goEqual(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        let x = (a == .null) ? nil : a
        let y = (b == .null) ? nil : b
        return x == y
    }

    /// `extractRetainKeysPatchStrategy`.
    static func extractRetainKeysPatchStrategy(_ strategies: [String]) throws(PatchError) -> (Bool, String) {
        switch strategies.count {
        case 0: return (false, "")
        case 1: return strategies[0] == retainKeysStrategy ? (true, "") : (false, strategies[0])
        case 2:
            if strategies[0] == retainKeysStrategy { return (true, strategies[1]) }
            if strategies[1] == retainKeysStrategy { return (true, strategies[0]) }
            fallthrough
        default:
            throw fail("unexpected patch strategy: [\(strategies.joined(separator: " "))]")
        }
    }

    /// `sliceElementType`: all elements of all lists must have one Go type, not a list.
    static func sliceElementType(_ lists: [[JSONValue]]) throws(PatchError) -> GoCompat.Kind {
        var prev: GoCompat.Kind?
        for l in lists {
            for v in l {
                let k = GoCompat.kind(v)
                if prev == nil {
                    // reflect.TypeOf(nil).Kind() is a nil-interface method call in Go.
                    if k == .nilValue { throw fail("runtime error: invalid memory address or nil pointer dereference") }
                    if k == .array { throw fail(errNoListOfLists) }
                    prev = k
                } else if prev != k {
                    let text = "[" + lists.map { GoCompat.v(.array($0)) }.joined(separator: " ") + "]"
                    throw fail("list element types are not identical: \(text)")
                }
            }
        }
        guard let prev else { throw fail("no elements in any of the given slices") }
        return prev
    }

    /// `extractKey`: `$deleteFromPrimitiveList/x` → `x`.
    static func extractKey(_ s: String, _ prefix: String) throws(PatchError) -> String {
        let parts = s.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 || parts[0] != prefix {
            switch prefix {
            case deleteFromPrimitiveListPrefix: throw fail(errBadPatchFormatForPrimitiveList)
            case setElementOrderPrefix: throw fail(errBadPatchFormatForSetElementOrderList)
            default: throw fail("fail to find unknown prefix \(GoText.quote(prefix)) in \(s)\n")
            }
        }
        return parts[1]
    }

    /// `findMapInSliceBasedOnKeyValue`.
    static func findMapInSlice(_ list: [JSONValue], _ key: String, _ value: JSONValue?) throws(PatchError) -> (Obj, Int)? {
        for (i, v) in list.enumerated() {
            guard case .object(let m) = v else { throw fail("value for key \(i) is not a map.") }
            if let match = m[key], goEqual(match, value) { return (m, i) }
        }
        return nil
    }

    /// `index`: position of an item (maps by merge key value) in `list`, or -1.
    static func index(_ list: [JSONValue], _ item: JSONValue, _ mergeKey: String, _ kind: GoCompat.Kind) -> Int {
        func val(_ x: JSONValue) -> JSONValue? {
            if kind == .object {
                guard case .object(let m) = x else { return nil }
                return m[mergeKey]
            }
            return x
        }
        let want = val(item)
        for (i, v) in list.enumerated() where goEqual(val(v), want) { return i }
        return -1
    }

    /// `validateMergeKeyInLists`.
    static func validateMergeKeyInLists(_ mergeKey: String, _ lists: [[JSONValue]]) throws(PatchError) {
        for list in lists {
            for item in list {
                guard case .object(let m) = item else { throw errBadArgType(mapType, item) }
                if m[mergeKey] == nil { throw errNoMergeKey(m, mergeKey) }
            }
        }
    }

    /// `extractToDeleteItems`: splits off the `$patch: delete` elements.
    static func extractToDeleteItems(_ list: [JSONValue]) throws(PatchError) -> ([JSONValue], [JSONValue]) {
        var keep: [JSONValue] = []
        var del: [JSONValue] = []
        for v in list {
            guard case .object(let m) = v else { throw errBadArgType(mapType, v) }
            if m[directiveMarker] == .string(deleteDirective) { del.append(v) } else { keep.append(v) }
        }
        return (keep, del)
    }

    /// `normalizeSliceOrder`: stable-sorts `toSort` by position in `order` (deletions last).
    static func normalizeSliceOrder(_ toSort: [JSONValue], _ order: [JSONValue], _ mergeKey: String,
                                    _ kind: GoCompat.Kind) throws(PatchError) -> [JSONValue] {
        var items = toSort
        var toDelete: [JSONValue] = []
        if kind == .object {
            try validateMergeKeyInLists(mergeKey, [items, order])
            (items, toDelete) = try extractToDeleteItems(items)
        }
        GoCompat.sliceStable(&items) { a, b in
            let ia = index(order, a, mergeKey, kind)
            if ia >= 0 {
                let ib = index(order, b, mergeKey, kind)
                if ib >= 0 { return ia < ib }
            }
            return true
        }
        return items + toDelete
    }

    /// `normalizeElementOrder`.
    static func normalizeElementOrder(_ patch: [JSONValue], _ serverOnly: [JSONValue], _ patchOrder: [JSONValue],
                                      _ serverOrder: [JSONValue], _ mergeKey: String,
                                      _ kind: GoCompat.Kind) throws(PatchError) -> [JSONValue] {
        let p = try normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
        let s = try normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
        return mergeSortedSlice(s, p, serverOrder, mergeKey, kind)
    }

    /// `mergeSortedSlice`: interleaves server-only items (left) into patch items (right).
    static func mergeSortedSlice(_ left: [JSONValue], _ right: [JSONValue], _ serverOrder: [JSONValue],
                                 _ mergeKey: String, _ kind: GoCompat.Kind) -> [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(left.count + right.count)
        var i = 0
        var j = 0
        for _ in 0..<(left.count + right.count) {
            if i >= left.count && j < right.count {
                out.append(right[j]); j += 1
            } else if j >= right.count && i < left.count {
                out.append(left[i]); i += 1
            } else {
                let li = index(serverOrder, left[i], mergeKey, kind)
                let ri = index(serverOrder, right[j], mergeKey, kind)
                if li >= 0 && ri >= 0 && li < ri {
                    out.append(left[i]); i += 1
                } else {
                    out.append(right[j]); j += 1
                }
            }
        }
        return out
    }

    /// `partitionPrimitivesByPresentInList`.
    static func partitionPrimitives(_ list: [JSONValue], _ by: [JSONValue]) -> ([JSONValue], [JSONValue]) {
        let inPatch = Set(by.map { $0 })
        var patch: [JSONValue] = []
        var serverOnly: [JSONValue] = []
        for v in list {
            if inPatch.contains(v) { patch.append(v) } else { serverOnly.append(v) }
        }
        return (patch, serverOnly)
    }

    /// `partitionMapsByPresentInList`.
    static func partitionMaps(_ list: [JSONValue], _ by: [JSONValue], _ mergeKey: String) throws(PatchError) -> ([JSONValue], [JSONValue]) {
        var patch: [JSONValue] = []
        var serverOnly: [JSONValue] = []
        for v in list {
            guard case .object(let m) = v else { throw errBadArgType(mapType, v) }
            guard let mv = m[mergeKey] else { throw errNoMergeKey(m, mergeKey) }
            if try findMapInSlice(by, mergeKey, mv) != nil { patch.append(v) } else { serverOnly.append(v) }
        }
        return (patch, serverOnly)
    }

    /// `deduplicateScalars`, including its habit of moving the last element into the hole.
    static func deduplicateScalars(_ list: [JSONValue]) -> [JSONValue] {
        var s = list
        var length = s.count - 1
        var i = 0
        while i < length {
            var j = i + 1
            while j <= length {
                if goEqual(s[i], s[j]) {
                    s[j] = s[length]
                    s.removeLast(s.count - length)
                    length -= 1
                    j -= 1
                }
                j += 1
            }
            i += 1
        }
        return s
    }

    /// `sortScalars`: by the `%v` text, bytewise.
    static func sortScalars(_ list: [JSONValue]) -> [JSONValue] {
        var items = list
        GoCompat.sliceStable(&items) { GoText.less(GoCompat.v($0), GoCompat.v($1)) }
        return items
    }

    /// `removeDirectives`: drops every map that carries `$patch` (nil: drop the value itself).
    static func removeDirectives(_ v: JSONValue) -> JSONValue? {
        switch v {
        case .object(let m):
            if m[directiveMarker] != nil { return nil }
            var out: Obj = [:]
            for (k, x) in m {
                if let kept = removeDirectives(x) { out[k] = kept }
            }
            return .object(out)
        case .array(let a):
            return .array(a.compactMap { removeDirectives($0) })
        default:
            return v
        }
    }

    /// `discardNullValuesFromPatch`: drops `null` members of maps, recursively (list elements
    /// are recursed into but `null` elements stay).
    static func discardNullValues(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let m):
            var out: Obj = [:]
            for (k, x) in m where x != .null { out[k] = discardNullValues(x) }
            return .object(out)
        case .array(let a):
            return .array(a.map { discardNullValues($0) })
        default:
            return v
        }
    }

    // MARK: - Merging (apply half)

    /// `mergeMap`.
    static func mergeMap(_ originalIn: Obj?, _ patchIn: Obj, _ schema: Schema, _ opts: MergeOptions) throws(PatchError) -> Obj {
        if let directive = patchIn[directiveMarker] {
            return try handleDirectiveInMergeMap(directive, patchIn)
        }
        var original = originalIn ?? [:]
        var patch = patchIn
        try applyRetainKeysDirective(&original, &patch, opts)
        try mergePatchIntoOriginal(&original, &patch, schema, opts)

        for key in patch.keys.sorted(by: GoText.less) {
            guard let patchV = patch[key] else { continue }
            var k = key
            var isDeleteList = false
            if key.hasPrefix(deleteFromPrimitiveListPrefix) {
                if !opts.mergeParallelList {
                    original[key] = patchV
                    continue
                }
                let stripped = try extractKey(key, deleteFromPrimitiveListPrefix)
                if !stripped.isEmpty { k = stripped }
                isDeleteList = true
            }

            if patchV == .null {
                original.removeValue(forKey: k)
                if opts.ignoreUnmatchedNulls { continue }
            }

            guard let origV = original[k], GoCompat.kind(origV) == GoCompat.kind(patchV) else {
                // Not in the original (or of another type): take the patch value.
                if !isDeleteList {
                    let v = opts.ignoreUnmatchedNulls ? discardNullValues(patchV) : patchV
                    if let kept = removeDirectives(v) { original[k] = kept } else { original.removeValue(forKey: k) }
                }
                continue
            }

            switch (origV, patchV) {
            case (.object(let om), .object(let pm)):
                let (sub, meta) = StrategicMergeSchema.lookup(schema, k)
                let (_, strategy) = try extractRetainKeysPatchStrategy(meta.strategies)
                original[k] = .object(strategy != replaceDirective ? try mergeMap(om, pm, sub, opts) : pm)
            case (.array(let oa), .array(let pa)):
                let (sub, meta) = StrategicMergeSchema.lookup(schema, k)
                let (_, strategy) = try extractRetainKeysPatchStrategy(meta.strategies)
                original[k] = .array(try mergeSliceHandler(oa, pa, sub, strategy, meta.mergeKey, isDeleteList, opts))
            default:
                if let kept = removeDirectives(patchV) { original[k] = kept } else { original.removeValue(forKey: k) }
            }
        }
        return original
    }

    /// `handleDirectiveInMergeMap`.
    static func handleDirectiveInMergeMap(_ directive: JSONValue, _ patch: Obj) throws(PatchError) -> Obj {
        if directive == .string(replaceDirective) {
            var p = patch
            p.removeValue(forKey: directiveMarker)
            return p
        }
        if directive == .string(deleteDirective) { return [:] }
        throw errBadPatchType(directive, patch)
    }

    /// `applyRetainKeysDirective`.
    static func applyRetainKeysDirective(_ original: inout Obj, _ patch: inout Obj, _ opts: MergeOptions) throws(PatchError) {
        guard let retainKeysInPatch = patch[retainKeysDirective] else { return }
        patch.removeValue(forKey: retainKeysDirective)
        if !opts.mergeParallelList {
            if let inOriginal = original[retainKeysDirective] {
                if inOriginal != retainKeysInPatch {
                    throw fail("\(GoCompat.v(inOriginal)) and \(GoCompat.v(retainKeysInPatch)) are not deep equal: this may happen when calculating the 3-way diff patch")
                }
            } else {
                original[retainKeysDirective] = retainKeysInPatch
            }
            return
        }
        guard case .array(let list) = retainKeysInPatch else { throw fail(errBadPatchFormatForRetainKeys) }
        let keep = Set(list)
        for (k, v) in patch {
            if v == .null || k.hasPrefix(deleteFromPrimitiveListPrefix) || k.hasPrefix(setElementOrderPrefix) { continue }
            if !keep.contains(.string(k)) { throw fail(errBadPatchFormatForRetainKeys) }
        }
        for k in Array(original.keys) where !keep.contains(.string(k)) {
            original.removeValue(forKey: k)
        }
    }

    /// `mergePatchIntoOriginal`: handles the `$setElementOrder/<list>` directives and their lists.
    static func mergePatchIntoOriginal(_ original: inout Obj, _ patch: inout Obj, _ schema: Schema,
                                       _ opts: MergeOptions) throws(PatchError) {
        for key in patch.keys.sorted(by: GoText.less) where key.hasPrefix(setElementOrderPrefix) {
            guard let setOrderInPatch = patch[key] else { continue }
            if !opts.mergeParallelList {
                if let inOriginal = original[key] {
                    if inOriginal != setOrderInPatch { throw fail(errBadPatchFormatForSetElementOrderList) }
                } else {
                    original[key] = setOrderInPatch
                }
            }
            patch.removeValue(forKey: key)

            guard case .array(let setOrder) = setOrderInPatch else { throw errBadArgType(sliceType, setOrderInPatch) }
            let originalKey = try extractKey(key, setElementOrderPrefix)
            let originalList = original[originalKey]
            let patchList = patch[originalKey]
            var originalFieldValue: [JSONValue] = []
            var patchFieldValue: [JSONValue] = []
            if let originalList {
                guard case .array(let a) = originalList else { throw errBadArgType(sliceType, originalList) }
                originalFieldValue = a
            }
            if let patchList {
                guard case .array(let a) = patchList else { throw errBadArgType(sliceType, patchList) }
                patchFieldValue = a
            }
            let (sub, meta) = StrategicMergeSchema.lookup(schema, originalKey)
            let (_, strategy) = try extractRetainKeysPatchStrategy(meta.strategies)
            try validatePatchWithSetOrderList(patchFieldValue, setOrder, meta.mergeKey)

            let merged: [JSONValue]
            switch (originalList != nil, patchList != nil) {
            case (true, false): merged = originalFieldValue
            case (false, true): merged = removeDirectives(.array(patchFieldValue))?.arrayValue ?? []
            case (true, true):
                merged = try mergeSliceHandler(originalFieldValue, patchFieldValue, sub, strategy, meta.mergeKey, false, opts)
            case (false, false): continue
            }

            let patchItems: [JSONValue]
            let serverOnly: [JSONValue]
            if meta.mergeKey.isEmpty {
                (patchItems, serverOnly) = partitionPrimitives(merged, setOrder)
            } else {
                (patchItems, serverOnly) = try partitionMaps(merged, setOrder, meta.mergeKey)
            }
            let kind = try sliceElementType([originalFieldValue, patchFieldValue])
            original[originalKey] = .array(try normalizeElementOrder(patchItems, serverOnly, setOrder, originalFieldValue, meta.mergeKey, kind))
            patch.removeValue(forKey: originalKey)
        }
    }

    /// `validatePatchWithSetOrderList`: the patch list's order must agree with the directive.
    static func validatePatchWithSetOrderList(_ patchList: [JSONValue], _ setOrder: [JSONValue], _ mergeKey: String) throws(PatchError) {
        if setOrder.isEmpty || patchList.isEmpty { return }
        var nonDelete = patchList
        if !mergeKey.isEmpty { (nonDelete, _) = try extractToDeleteItems(patchList) }
        var pi = 0
        var si = 0
        while pi < nonDelete.count && si < setOrder.count {
            if case .object(let m) = nonDelete[pi], m[directiveMarker] != nil {
                pi += 1
                continue
            }
            if try mergeKeyValueEqual(nonDelete[pi], setOrder[si], mergeKey) { pi += 1 }
            si += 1
        }
        if pi < nonDelete.count && si >= setOrder.count {
            throw fail("The order in patch list:\n\(GoCompat.v(.array(patchList)))\n doesn't match \(setElementOrderPrefix) list:\n\(GoCompat.v(.array(setOrder)))\n")
        }
    }

    /// `mergeKeyValueEqual`.
    static func mergeKeyValueEqual(_ left: JSONValue, _ right: JSONValue, _ mergeKey: String) throws(PatchError) -> Bool {
        if mergeKey.isEmpty { return goEqual(left, right) }
        guard case .object(let l) = left else { throw errBadArgType(mapType, left) }
        guard case .object(let r) = right else { throw errBadArgType(mapType, right) }
        guard let lv = l[mergeKey] else { throw errNoMergeKey(l, mergeKey) }
        guard let rv = r[mergeKey] else { throw errNoMergeKey(r, mergeKey) }
        return goEqual(lv, rv)
    }

    /// `mergeSliceHandler`.
    static func mergeSliceHandler(_ original: [JSONValue], _ patch: [JSONValue], _ schema: Schema, _ strategy: String,
                                  _ mergeKey: String, _ isDeleteList: Bool, _ opts: MergeOptions) throws(PatchError) -> [JSONValue] {
        if strategy == mergeDirective || isDeleteList {
            return try mergeSlice(original, patch, schema, mergeKey, opts, isDeleteList)
        }
        return patch
    }

    /// `mergeSlice`.
    static func mergeSlice(_ originalIn: [JSONValue], _ patchIn: [JSONValue], _ schema: Schema, _ mergeKey: String,
                           _ opts: MergeOptions, _ isDeleteList: Bool) throws(PatchError) -> [JSONValue] {
        if originalIn.isEmpty && patchIn.isEmpty { return originalIn }
        var original = originalIn
        var patch = patchIn
        let kind = try sliceElementType([original, patch])
        var merged: [JSONValue]
        if kind != .object {
            if opts.mergeParallelList && isDeleteList {
                let drop = Set(patch)
                return original.filter { !drop.contains($0) }
            }
            merged = deduplicateScalars(original + patch)
        } else {
            if mergeKey.isEmpty { throw fail("cannot merge lists without merge key for struct") }
            (original, patch) = try mergeSliceWithSpecialElements(original, patch, mergeKey)
            merged = try mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema, opts)
        }
        let patchItems: [JSONValue]
        let serverOnly: [JSONValue]
        if mergeKey.isEmpty {
            (patchItems, serverOnly) = partitionPrimitives(merged, patch)
        } else {
            (patchItems, serverOnly) = try partitionMaps(merged, patch, mergeKey)
        }
        return try normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind)
    }

    /// `mergeSliceWithSpecialElements`: applies `$patch` elements; returns the new original
    /// and the remaining patch (or, for `replace`, the patch as the new original).
    static func mergeSliceWithSpecialElements(_ originalIn: [JSONValue], _ patch: [JSONValue],
                                              _ mergeKey: String) throws(PatchError) -> ([JSONValue], [JSONValue]) {
        var original = originalIn
        var rest: [JSONValue] = []
        var replace = false
        for v in patch {
            guard case .object(let m) = v else { throw errBadArgType(mapType, v) }
            guard let patchType = m[directiveMarker] else {
                rest.append(v)
                continue
            }
            switch patchType {
            case .string(deleteDirective):
                guard let mergeValue = m[mergeKey] else { throw errNoMergeKey(m, mergeKey) }
                while let (_, i) = try findMapInSlice(original, mergeKey, mergeValue) {
                    original.remove(at: i)
                }
            case .string(replaceDirective):
                replace = true
            case .string(mergeDirective):
                throw fail("merging lists cannot yet be specified in the patch")
            default:
                throw errBadPatchType(patchType, m)
            }
        }
        if replace { return (rest, []) }
        return (original, rest)
    }

    /// `mergeSliceWithoutSpecialElements`: merges by merge key, appends the rest.
    static func mergeSliceWithoutSpecialElements(_ originalIn: [JSONValue], _ patch: [JSONValue], _ mergeKey: String,
                                                 _ schema: Schema, _ opts: MergeOptions) throws(PatchError) -> [JSONValue] {
        var original = originalIn
        for v in patch {
            guard case .object(let m) = v else { throw errBadArgType(mapType, v) }
            guard let mergeValue = m[mergeKey] else { throw errNoMergeKey(m, mergeKey) }
            if let (om, i) = try findMapInSlice(original, mergeKey, mergeValue) {
                original[i] = .object(try mergeMap(om, m, schema, opts))
            } else {
                original.append(v)
            }
        }
        return original
    }

    // MARK: - Diffing (create half)

    struct DiffOptions {
        var setElementOrder = false
        var ignoreChangesAndAdditions = false
        var ignoreDeletions = false
        var buildRetainKeysDirective = false
    }

    /// `diffMaps`: the patch from `original` to `modified`.
    static func diffMaps(_ original: Obj, _ modified: Obj, _ schema: Schema, _ opts: DiffOptions) throws(PatchError) -> Obj {
        var patch: Obj = [:]
        var retainKeysList: [JSONValue] = []
        for key in modified.keys.sorted(by: GoText.less) {
            let modifiedValue = modified[key]!
            if opts.buildRetainKeysDirective && modifiedValue != .null { retainKeysList.append(.string(key)) }
            guard let originalValue = original[key] else {
                if !opts.ignoreChangesAndAdditions { patch[key] = modifiedValue }
                continue
            }
            if key == directiveMarker {
                guard case .string(let os) = originalValue, case .string(let ms) = modifiedValue else {
                    throw fail("invalid value for special key: \(directiveMarker)")
                }
                if ms != os { patch[directiveMarker] = modifiedValue }
                continue
            }
            if GoCompat.kind(originalValue) != GoCompat.kind(modifiedValue) {
                if !opts.ignoreChangesAndAdditions { patch[key] = modifiedValue }
                continue
            }
            switch (originalValue, modifiedValue) {
            case (.object(let o), .object(let m)):
                try handleMapDiff(key, o, m, &patch, schema, opts)
            case (.array(let o), .array(let m)):
                try handleSliceDiff(key, o, m, &patch, schema, opts)
            default:
                replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, &patch, opts)
            }
        }
        if !opts.ignoreDeletions {
            for key in original.keys where modified[key] == nil { patch[key] = .null }
        }
        if !retainKeysList.isEmpty && (!patch.isEmpty || hasAdditionalNewField(original, modified)) {
            patch[retainKeysDirective] = .array(sortScalars(retainKeysList))
        }
        return patch
    }

    static func hasAdditionalNewField(_ original: Obj, _ modified: Obj) -> Bool {
        original.contains { k, v in v != .null && modified[k] == nil }
    }

    static func replacePatchFieldIfNotEqual(_ key: String, _ original: JSONValue, _ modified: JSONValue,
                                            _ patch: inout Obj, _ opts: DiffOptions) {
        if opts.ignoreChangesAndAdditions || original == modified { return }
        patch[key] = modified
    }

    static func handleMapDiff(_ key: String, _ original: Obj, _ modified: Obj, _ patch: inout Obj,
                              _ schema: Schema, _ optsIn: DiffOptions) throws(PatchError) {
        let (sub, meta) = StrategicMergeSchema.lookup(schema, key)
        let (retainKeys, strategy) = try extractRetainKeysPatchStrategy(meta.strategies)
        var opts = optsIn
        opts.buildRetainKeysDirective = retainKeys
        if strategy == replaceDirective {
            if !opts.ignoreChangesAndAdditions { patch[key] = .object(modified) }
            return
        }
        let pv = try diffMaps(original, modified, sub, opts)
        if !pv.isEmpty { patch[key] = .object(pv) }
    }

    static func handleSliceDiff(_ key: String, _ original: [JSONValue], _ modified: [JSONValue], _ patch: inout Obj,
                                _ schema: Schema, _ optsIn: DiffOptions) throws(PatchError) {
        let (sub, meta) = StrategicMergeSchema.lookup(schema, key)
        let (retainKeys, strategy) = try extractRetainKeysPatchStrategy(meta.strategies)
        guard strategy == mergeDirective else {
            replacePatchFieldIfNotEqual(key, .array(original), .array(modified), &patch, optsIn)
            return
        }
        var opts = optsIn
        opts.buildRetainKeysDirective = retainKeys
        let (add, del, order) = try diffLists(original, modified, sub, meta.mergeKey, opts)
        if !add.isEmpty { patch[key] = .array(add) }
        if !del.isEmpty { patch[deleteFromPrimitiveListPrefix + "/" + key] = .array(del) }
        if !order.isEmpty { patch[setElementOrderPrefix + "/" + key] = .array(order) }
    }

    /// `diffLists`: (additions and changes, parallel deletion list, `$setElementOrder` list).
    static func diffLists(_ original: [JSONValue], _ modified: [JSONValue], _ schema: Schema, _ mergeKey: String,
                          _ opts: DiffOptions) throws(PatchError) -> ([JSONValue], [JSONValue], [JSONValue]) {
        if original.isEmpty {
            if modified.isEmpty || opts.ignoreChangesAndAdditions { return ([], [], []) }
            return (modified, [], [])
        }
        let kind = try sliceElementType([original, modified])
        var patchList: [JSONValue]
        var deleteList: [JSONValue]
        var setOrder: [JSONValue] = []
        switch kind {
        case .object:
            (patchList, deleteList) = try diffListsOfMaps(original, modified, schema, mergeKey, opts)
            patchList = try normalizeSliceOrder(patchList, modified, mergeKey, kind)
            let orderSame = try isOrderSame(original, modified, mergeKey)
            patchList += deleteList
            deleteList = []
            if opts.setElementOrder &&
                ((!opts.ignoreChangesAndAdditions && (!patchList.isEmpty || !orderSame)) ||
                 (!opts.ignoreDeletions && !patchList.isEmpty)) {
                setOrder = modified.map { .object([mergeKey: $0.objectValue?[mergeKey] ?? .null]) }
            }
        default:
            // diffListsOfScalars sorts `original` in place in Go; the order check below sees
            // the sorted list.
            let sortedOriginal = sortScalars(original)
            (patchList, deleteList) = try diffListsOfScalars(sortedOriginal, modified, opts)
            patchList = try normalizeSliceOrder(patchList, modified, mergeKey, kind)
            if opts.setElementOrder &&
                ((!opts.ignoreDeletions && !deleteList.isEmpty) ||
                 (!opts.ignoreChangesAndAdditions && sortedOriginal != modified)) {
                setOrder = modified
            }
        }
        return (patchList, deleteList, setOrder)
    }

    static func isOrderSame(_ original: [JSONValue], _ modified: [JSONValue], _ mergeKey: String) throws(PatchError) -> Bool {
        if original.count != modified.count { return false }
        for (o, m) in zip(original, modified) {
            if !(try mergeKeyValueEqual(o, m, mergeKey)) { return false }
        }
        return true
    }

    /// `diffListsOfScalars` over an already sorted `original`.
    static func diffListsOfScalars(_ originalScalars: [JSONValue], _ modified: [JSONValue],
                                   _ opts: DiffOptions) throws(PatchError) -> ([JSONValue], [JSONValue]) {
        let modifiedScalars = sortScalars(modified)
        var oi = 0
        var mi = 0
        var add: [JSONValue] = []
        var del: [JSONValue] = []
        while true {
            let oIn = oi < originalScalars.count
            let mIn = mi < modifiedScalars.count
            if !oIn && !mIn { break }
            let os = oIn ? GoCompat.v(originalScalars[oi]) : ""
            let ms = mIn ? GoCompat.v(modifiedScalars[mi]) : ""
            if oIn && mIn && os == ms {
                oi += 1; mi += 1
            } else if !oIn || (oIn && mIn && GoText.less(ms, os)) {
                if !opts.ignoreChangesAndAdditions { add.append(modifiedScalars[mi]) }
                mi += 1
            } else {
                if !opts.ignoreDeletions { del.append(originalScalars[oi]) }
                oi += 1
            }
        }
        return (add, deduplicateScalars(del))
    }

    /// `sortMergeListsByNameArray(..., recurse: false)` for a list of maps: by `%v` of the key.
    static func sortMapsByMergeKey(_ list: [JSONValue], _ mergeKey: String) throws(PatchError) -> [JSONValue] {
        if list.isEmpty { return list }
        let kind = try sliceElementType([list])
        if kind != .object { return sortScalars(deduplicateScalars(list)) }
        var items = list
        GoCompat.sliceStable(&items) {
            GoText.less(GoCompat.v($0.objectValue?[mergeKey]), GoCompat.v($1.objectValue?[mergeKey]))
        }
        return items
    }

    /// `diffListsOfMaps`: walks both lists sorted by merge key.
    static func diffListsOfMaps(_ original: [JSONValue], _ modified: [JSONValue], _ schema: Schema, _ mergeKey: String,
                                _ opts: DiffOptions) throws(PatchError) -> ([JSONValue], [JSONValue]) {
        var patch: [JSONValue] = []
        var deletions: [JSONValue] = []
        let os = try sortMapsByMergeKey(original, mergeKey)
        let ms = try sortMapsByMergeKey(modified, mergeKey)
        func element(_ list: [JSONValue], _ i: Int) throws(PatchError) -> (Obj, JSONValue) {
            guard case .object(let m) = list[i] else { throw errBadArgType(mapType, list[i]) }
            guard let v = m[mergeKey] else { throw errNoMergeKey(m, mergeKey) }
            return (m, v)
        }
        var oi = 0
        var mi = 0
        while true {
            let oIn = oi < os.count
            let mIn = mi < ms.count
            if !oIn && !mIn { break }
            var oEl: Obj = [:]
            var mEl: Obj = [:]
            var oKey: JSONValue = .null
            var mKey: JSONValue = .null
            var oStr = ""
            var mStr = ""
            if oIn {
                (oEl, oKey) = try element(os, oi)
                oStr = GoCompat.v(oKey)
            }
            if mIn {
                (mEl, mKey) = try element(ms, mi)
                mStr = GoCompat.v(mKey)
            }
            if oIn && mIn && oStr == mStr {
                var pv = try diffMaps(oEl, mEl, schema, opts)
                if !pv.isEmpty {
                    pv[mergeKey] = mKey
                    patch.append(.object(pv))
                }
                oi += 1; mi += 1
            } else if !oIn || (oIn && mIn && GoText.less(mStr, oStr)) {
                if !opts.ignoreChangesAndAdditions { patch.append(.object(mEl)) }
                mi += 1
            } else {
                if !opts.ignoreDeletions {
                    deletions.append(.object([mergeKey: oKey, directiveMarker: .string(deleteDirective)]))
                }
                oi += 1
            }
        }
        return (patch, deletions)
    }
}
