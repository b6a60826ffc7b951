import KubeAPI

// The entry points the kubectl commands call (`patch`, `apply`). They are thin wrappers over
// `Patching`, `ThreeWayMerge` and `StrategicMerge`; errors are `PatchError`s — print
// `kubectlServerText` for a server-side failure (see PatchError for the exact wordings).

/// `kubectl patch NAME --type=<type> -p <patch>`: the apiserver applying the PATCH body.
public enum PatchEngine {
    /// `type` is `strategic`, `merge` or `json` (already validated by the command; anything
    /// else is refused with kubectl's `--type must be one of ...` message).
    public static func apply(type: String, patch: JSONValue, to current: JSONValue, kind: String,
                             fieldValidation: FieldValidation = .warn) throws(PatchError) -> JSONValue {
        switch PatchType.parse(type) {
        case .failure(let e): throw e
        case .success(let t): return try Patching.serverApply(t, patch: patch, to: current, kind: kind, fieldValidation: fieldValidation)
        }
    }
}

/// Client-side `kubectl apply` against an existing object.
public enum ApplyMerge {
    public struct Outcome: Equatable, Sendable {
        /// The strategic merge patch kubectl sends (`{}` when nothing is sent).
        public let patch: JSONValue
        /// The object after the apiserver applied the patch (`current` when nothing is sent).
        public let result: JSONValue
        /// kubectl prints `unchanged` exactly when this is true (the marshaled patch is `{}`).
        public var patchIsEmpty: Bool { ThreeWayMerge.isEmpty(patch) }
    }

    /// `original`: the parsed last-applied annotation of the live object (nil when absent);
    /// `modified`: the manifest with its namespace set and the new last-applied annotation
    /// added (see `LastApplied.modified`); `current`: the live object.
    public static func threeWay(original: JSONValue?, modified: JSONValue, current: JSONValue,
                                kind: String) throws(PatchError) -> Outcome {
        let patch = try ThreeWayMerge.createPatch(original: original, modified: modified, current: current, kind: kind)
        if ThreeWayMerge.isEmpty(patch) { return Outcome(patch: patch, result: current) }
        return Outcome(patch: patch, result: try StrategicMerge.apply(patch: patch, to: current, kind: kind))
    }
}
