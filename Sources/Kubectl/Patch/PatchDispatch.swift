import KubeAPI

/// `kubectl patch --type=…`: which library applies the body.
public enum PatchType: String, Sendable, CaseIterable {
    case json, merge, strategic

    /// kubectl's `--type` check (`PatchOptions.Validate`); the value is matched
    /// case-insensitively, and an unknown one is reported as
    /// `--type must be one of [json merge strategic], not "foo"` (print with `error: `).
    public static func parse(_ flag: String) -> Result<PatchType, PatchError> {
        if let t = PatchType(rawValue: flag.lowercased()) { return .success(t) }
        return .failure(PatchError("--type must be one of [json merge strategic], not \(GoText.quote(flag))",
                                   serverClass: .badRequest, source: .mergePatch))
    }
}

/// One entry point per place a patch gets applied.
public enum Patching {
    /// The apiserver applying a PATCH request of `type` to the stored object `current` of
    /// `kind` (what `kubectl patch NAME` leads to). Errors carry the server's classification;
    /// print `error.kubectlServerText`.
    public static func serverApply(_ type: PatchType, patch: JSONValue, to current: JSONValue, kind: String,
                                   fieldValidation: FieldValidation = .warn) throws(PatchError) -> JSONValue {
        switch type {
        case .json: return try JSONPatch.serverApply(patch: patch, to: current, fieldValidation: fieldValidation)
        case .merge: return try MergePatch.serverApply(patch: patch, to: current, fieldValidation: fieldValidation)
        case .strategic: return try StrategicMerge.serverApply(patch: patch, to: current, kind: kind)
        }
    }

    /// kubectl applying the patch itself (`kubectl patch --local -f …` or `--dry-run=client`);
    /// print `error.kubectlLocalText`.
    public static func localApply(_ type: PatchType, patch: JSONValue, to object: JSONValue, kind: String) throws(PatchError) -> JSONValue {
        switch type {
        case .json: return try JSONPatch.apply(patch: patch, to: object)
        case .merge: return try MergePatch.localApply(patch: patch, to: object)
        case .strategic: return try StrategicMerge.apply(patch: patch, to: object, kind: kind)
        }
    }

    /// kubectl's verb after a successful patch: it compares the object it fetched with the one
    /// the server returned (`reflect.DeepEqual`); the apiserver does not write — nor bump
    /// `resourceVersion` — when a patch changes nothing, so an ineffective patch prints
    /// `patched (no change)`.
    public static func operationWord(before: JSONValue, after: JSONValue) -> String {
        before == after ? "patched (no change)" : "patched"
    }
}
