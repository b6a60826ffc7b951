import KubeAPI

/// The `kubectl.kubernetes.io/last-applied-configuration` annotation that client-side
/// `kubectl apply` (and `create --save-config`) maintains.
public enum LastApplied {
    public static let annotationKey = "kubectl.kubernetes.io/last-applied-configuration"

    /// Kinds served without a namespace; `prepared` never adds one to them.
    public static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "ClusterRole", "ClusterRoleBinding", "StorageClass",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "CSIDriver", "CSINode",
        "VolumeAttachment", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "CertificateSigningRequest",
        "ComponentStatus", "FlowSchema", "PriorityLevelConfiguration", "TokenReview", "SubjectAccessReview",
        "SelfSubjectAccessReview", "SelfSubjectReview",
    ]

    /// The manifest as kubectl prepares it before computing the annotation: the resource
    /// builder fills in `metadata.namespace` when the object is namespaced and the manifest
    /// has none (kinds in `clusterScopedKinds`, or any kind when `namespace` is nil, are left
    /// without one), and
    /// `GetModifiedConfiguration` removes the annotation itself from `metadata.annotations`
    /// and writes the (possibly empty) map back — so the result always has
    /// `metadata.annotations`, `{}` when there were no other annotations.
    public static func prepared(_ manifest: JSONValue, namespace: String?) -> JSONValue {
        var obj = manifest.objectValue ?? [:]
        var metadata = obj["metadata"]?.objectValue ?? [:]
        let clusterScoped = obj["kind"]?.stringValue.map { clusterScopedKinds.contains($0) } ?? false
        if let namespace, !clusterScoped, (metadata["namespace"]?.stringValue ?? "").isEmpty {
            metadata["namespace"] = .string(namespace)
        }
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations.removeValue(forKey: annotationKey)
        metadata["annotations"] = .object(annotations)
        obj["metadata"] = .object(metadata)
        return .object(obj)
    }

    /// The annotation's value for a manifest: `json.NewEncoder(w).Encode` of the prepared
    /// object — compact JSON, keys sorted as Go sorts map keys, `<`, `>`, `&` escaped as
    /// `\u003c`…, and a trailing newline. For example a Pod manifest with no annotations
    /// applied in namespace `default` gives
    /// `{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{...}}\n`.
    public static func annotationValue(for manifest: JSONValue, namespace: String? = "default") -> String {
        GoJSON.marshal(prepared(manifest, namespace: namespace)) + "\n"
    }

    /// The object kubectl sends as `modified` to the three-way merge (and the body of the
    /// create when the object does not exist yet): the prepared manifest with the
    /// annotation set to `annotationValue`.
    public static func modified(_ manifest: JSONValue, namespace: String? = "default") -> JSONValue {
        let prepared = prepared(manifest, namespace: namespace)
        let value = GoJSON.marshal(prepared) + "\n"
        var obj = prepared.objectValue ?? [:]
        var metadata = obj["metadata"]?.objectValue ?? [:]
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations[annotationKey] = .string(value)
        metadata["annotations"] = .object(annotations)
        obj["metadata"] = .object(metadata)
        return .object(obj)
    }

    /// The annotation's value on a live object (`GetOriginalConfiguration`), nil when absent.
    public static func stored(in object: JSONValue) -> String? {
        object["metadata"]?["annotations"]?[annotationKey]?.stringValue
    }

    /// `warningNoLastAppliedConfigAnnotation`, printed to stderr by `kubectl apply` when the
    /// live object lacks the annotation. `objectName` is like `pods/web` or
    /// `deployments.apps/web`.
    public static func missingAnnotationWarning(objectName: String) -> String {
        "Warning: resource \(objectName) is missing the \(annotationKey) annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n"
    }

    /// Parses JSON text the way k8s.io/apimachinery/pkg/util/json does for a map: integers
    /// (literals that `strconv.ParseInt` accepts) become `.int`, other numbers `.double`.
    /// Returns nil for anything that is not valid JSON.
    public static func parseJSON(_ text: String) -> JSONValue? {
        var p = JSONTextParser(Array(text.utf8))
        guard let v = p.parseValue(depth: 0) else { return nil }
        p.skipWhitespace()
        return p.atEnd ? v : nil
    }
}

/// How `kubectl apply` (client-side) updates an existing object.
///
/// kubectl computes `CreateThreeWayMergePatch(original, modified, current)` where
/// * `original` is the JSON stored in the live object's last-applied annotation (empty when
///   absent),
/// * `modified` is the manifest, namespaced, with the new annotation added
///   (`LastApplied.modified`),
/// * `current` is the live object.
/// The patch is the union of
/// * the *deletions* from `original` to `modified` (fields you removed from the file: `null`
///   for map keys, `{"$patch":"delete","name":…}` elements for merge lists,
///   `$deleteFromPrimitiveList/…` for merge lists of strings, with `$setElementOrder/…`), and
/// * the *delta* from `current` to `modified` ignoring deletions (every field the file sets
///   whose live value differs, plus `$setElementOrder`/`$retainKeys` where lists or
///   retainKeys fields are involved).
///
/// **`unchanged` vs `configured`**: kubectl marshals that patch and compares the bytes with
/// `{}` (`string(patch) == "{}"` in apply.go). If they are equal it sends nothing and prints
/// `<kind>/<name> unchanged`; otherwise it PATCHes (strategic merge) and prints `configured`
/// — even if the server's result ends up identical to the live object. Consequences:
/// * applying the same file twice: the annotation already holds exactly the new value and every
///   field in the file matches the live object → `{}` → `unchanged`;
/// * editing `replicas: 3` → `5` in the file: the delta has `spec.replicas: 5` and the new
///   annotation text → `configured`;
/// * someone ran `kubectl scale --replicas=5` and the file still says 3: the annotation is
///   unchanged but live `5` ≠ file `3` → patch `{"spec":{"replicas":3}}` → `configured`, and
///   the live object goes back to 3;
/// * a field set in the live object but never in the file (e.g. defaults, or labels added with
///   `kubectl label`) is left alone: deletions only come from the annotation.
public enum ThreeWayMerge {

    /// `strategicpatch.CreateThreeWayMergePatch(original, modified, current, schema, overwrite:
    /// true)` with kubectl's preconditions (apiVersion, kind and metadata.name unchanged).
    /// `modified` is used as given (see `LastApplied.modified`).
    public static func createPatch(original: JSONValue?, modified: JSONValue, current: JSONValue,
                                   kind: String) throws(PatchError) -> JSONValue {
        let schema = StrategicMergeSchema.rootType(forKind: kind)
        let originalMap = original?.objectValue ?? [:]
        let modifiedMap = modified.objectValue ?? [:]
        let currentMap = current.objectValue ?? [:]
        func wrap(_ e: PatchError) -> PatchError { PatchError(e.message, serverClass: e.serverClass, source: .threeWay) }
        let patch: [String: JSONValue]
        do {
            let delta = try StrategicMerge.diffMaps(currentMap, modifiedMap, schema,
                                                    .init(setElementOrder: true, ignoreDeletions: true))
            let deletions = try StrategicMerge.diffMaps(originalMap, modifiedMap, schema,
                                                        .init(setElementOrder: true, ignoreChangesAndAdditions: true))
            patch = try StrategicMerge.mergeMap(deletions, delta, schema, .client)
        } catch {
            throw wrap(error)
        }
        // mergepatch.RequireKeyUnchanged("apiVersion"), ("kind"), RequireMetadataKeyUnchanged("name"),
        // reported with this fixed sentence. kubectl's patcher attaches these preconditions on its
        // JSON-merge fallback path; for built-in kinds the patch cannot touch these keys anyway,
        // because the live object was fetched by the manifest's version and name.
        if patch["apiVersion"] != nil || patch["kind"] != nil || patch["metadata"]?.objectValue?["name"] != nil {
            throw PatchError("At least one of apiVersion, kind and name was changed",
                             serverClass: .badRequest, source: .threeWay)
        }
        return .object(patch)
    }

    /// What `kubectl apply -f` does to an existing object: builds `modified` from the manifest
    /// (namespace filled in unless `namespace` is nil, new last-applied annotation), computes
    /// the patch against `current` with `original` (the parsed old annotation, nil when the
    /// object has none), and — unless the patch is `{}` — applies it as the apiserver would.
    /// Returns the patch kubectl sends (`{}` means `unchanged`, nothing sent) and the
    /// resulting object (`current` itself when nothing is sent).
    public static func apply(original: JSONValue?, modified manifest: JSONValue, current: JSONValue,
                             kind: String, namespace: String? = "default") throws(PatchError) -> (patch: JSONValue, result: JSONValue) {
        let modified = LastApplied.modified(manifest, namespace: namespace)
        let patch = try createPatch(original: original, modified: modified, current: current, kind: kind)
        if isEmpty(patch) { return (patch, current) }
        return (patch, try StrategicMerge.apply(patch: patch, to: current, kind: kind))
    }

    /// `apply` with `original` read from `current`'s annotation, as kubectl does. An annotation
    /// that is not a JSON object fails with `invalid JSON document`.
    public static func apply(manifest: JSONValue, current: JSONValue, kind: String,
                             namespace: String? = "default") throws(PatchError) -> (patch: JSONValue, result: JSONValue) {
        var original: JSONValue?
        if let text = LastApplied.stored(in: current), !text.isEmpty {
            guard let parsed = LastApplied.parseJSON(text), parsed.objectValue != nil || parsed == .null else {
                throw PatchError(StrategicMerge.errBadJSONDoc, serverClass: .badRequest, source: .threeWay)
            }
            original = parsed
        }
        return try apply(original: original, modified: manifest, current: current, kind: kind, namespace: namespace)
    }

    /// What kubectl prints to stderr before failing when the patch cannot be computed (e.g. a
    /// container without `name`): it tries the OpenAPI v3 schema, then v2, then the built-in
    /// types, and warns for each OpenAPI attempt. The final error is kubectl's
    /// `error when applying patch:` / `creating patch with:` wrapping of `error.message`.
    public static func openAPIWarnings(_ error: PatchError) -> String {
        "warning: error calculating patch from openapi v3 spec: \(error.message)\n" +
            "warning: error calculating patch from openapi spec: \(error.message)\n"
    }

    /// Whether kubectl would print `unchanged`: the marshaled patch is exactly `{}`.
    public static func isEmpty(_ patch: JSONValue) -> Bool {
        GoJSON.marshal(patch) == "{}"
    }

    /// The patch's bytes as kubectl sends them (`json.Marshal`).
    public static func patchText(_ patch: JSONValue) -> String { GoJSON.marshal(patch) }
}

/// A small JSON reader producing `JSONValue`s with Go/apimachinery number typing.
struct JSONTextParser {
    let b: [UInt8]
    var i = 0
    init(_ bytes: [UInt8]) { b = bytes }

    var atEnd: Bool { i >= b.count }

    mutating func skipWhitespace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    mutating func parseValue(depth: Int) -> JSONValue? {
        guard depth < 1000 else { return nil }
        skipWhitespace()
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var obj: [String: JSONValue] = [:]
            skipWhitespace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
            while true {
                skipWhitespace()
                guard i < b.count, b[i] == UInt8(ascii: "\""), let k = parseString() else { return nil }
                skipWhitespace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = parseValue(depth: depth + 1) else { return nil }
                obj[k] = v
                skipWhitespace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var arr: [JSONValue] = []
            skipWhitespace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(arr) }
            while true {
                guard let v = parseValue(depth: depth + 1) else { return nil }
                arr.append(v)
                skipWhitespace()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(arr) }
                return nil
            }
        case UInt8(ascii: "\""):
            return parseString().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default:
            return parseNumber()
        }
    }

    mutating func parseNumber() -> JSONValue? {
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            return i - s
        }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return nil }
        var integral = true
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            integral = false
            if digits() == 0 { return nil }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            integral = false
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return nil }
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if integral, let n = Int64(text) { return .int(Int(n)) }
        guard let d = Double(text) else { return nil }
        return .double(d)
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    mutating func parseString() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var bytes: [UInt8] = []
        var scalars = String.UnicodeScalarView()
        func flush() {
            if !bytes.isEmpty {
                scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                bytes.removeAll()
            }
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                flush()
                return String(scalars)
            }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") {
                bytes.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < b.count else { return nil }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): bytes.append(e)
            case UInt8(ascii: "\\"): bytes.append(e)
            case UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                guard var u = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(u), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                    let save = i
                    i += 2
                    if let lo = hex4(), (0xDC00..<0xE000).contains(lo) {
                        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        i = save
                    }
                }
                flush()
                scalars.append(Unicode.Scalar(u) ?? "\u{FFFD}")
            default:
                return nil
            }
        }
        return nil
    }
}
