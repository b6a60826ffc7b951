import KubeAPI

/// JSON merge patch (RFC 7386) as the apiserver applies it for
/// `kubectl patch --type=merge`: evanphx/json-patch v4.12 `MergePatch`.
///
/// Rules (for an object document and an object patch):
/// * a `null` in the patch deletes the key;
/// * an object merges recursively into an object;
/// * anything else (scalars, arrays, an object replacing a non-object) replaces the value;
/// * a value added where the document had no key (or `null`) has its nested `null` members
///   pruned first (recursively through objects and through array elements, though `null`
///   array elements themselves are kept); a value replacing a non-object is pruned the same
///   way, while an array replacing an object is taken verbatim (the library's quirk).
public enum MergePatch {

    /// Applies `patch` to `doc`. Never fails: where evanphx would report an error (null or
    /// scalar patch, null document) this returns what RFC 7386 prescribes instead — the
    /// patch itself. Use `serverApply` to get the apiserver's errors.
    public static func apply(patch: JSONValue, to doc: JSONValue) -> JSONValue {
        switch (doc, patch) {
        case (.object(let d), .object(let p)):
            return .object(mergeDocs(d, p))
        case (_, .object(let p)):
            return .object(pruneDocNulls(p))
        case (_, .array(let a)):
            return .array(pruneAryNulls(a))
        default:
            return patch
        }
    }

    /// The apiserver's handling of an `application/merge-patch+json` body against a stored
    /// object. With the default field validation (`Warn`, which the server uses when kubectl
    /// sends none) the body is first strictly decoded into a map, so a non-object body fails
    /// with `error decoding patch: json: cannot unmarshal <type> into Go value of type
    /// map[string]interface {}`; a `null` body gets through that and then trips the library's
    /// `Invalid JSON Patch`. With `Ignore` validation, an array body replaces the document.
    public static func serverApply(patch: JSONValue, to doc: JSONValue,
                                   fieldValidation: FieldValidation = .warn) throws(PatchError) -> JSONValue {
        if fieldValidation != .ignore {
            switch patch {
            case .object, .null: break
            default:
                throw PatchError("error decoding patch: json: cannot unmarshal \(JSONPatch.jsonTypeWord(patch)) into Go value of type map[string]interface {}",
                                 serverClass: .badRequest, source: .mergePatch)
            }
        }
        return try localApply(patch: patch, to: doc)
    }

    /// evanphx `MergePatch` as kubectl runs it for `kubectl patch --local --type=merge`:
    /// errors are the library's (`Invalid JSON Document` / `Invalid JSON Patch`).
    public static func localApply(patch: JSONValue, to doc: JSONValue) throws(PatchError) -> JSONValue {
        if case .null = doc { throw PatchError("Invalid JSON Document", serverClass: .badRequest, source: .mergePatch) }
        switch patch {
        case .null:
            throw PatchError("Invalid JSON Patch", serverClass: .badRequest, source: .mergePatch)
        case .object, .array:
            return apply(patch: patch, to: doc)
        default:
            throw PatchError("Invalid JSON Patch", serverClass: .badRequest, source: .mergePatch)
        }
    }

    // MARK: - evanphx v4.12 internals

    static func mergeDocs(_ doc: [String: JSONValue], _ patch: [String: JSONValue]) -> [String: JSONValue] {
        var doc = doc
        for (k, v) in patch {
            if case .null = v {
                doc.removeValue(forKey: k)
                continue
            }
            if let cur = doc[k], cur != .null {
                doc[k] = merge(cur, v)
            } else {
                doc[k] = pruneNulls(v)
            }
        }
        return doc
    }

    static func merge(_ cur: JSONValue, _ patch: JSONValue) -> JSONValue {
        guard case .object(let curDoc) = cur else { return pruneNulls(patch) }
        guard case .object(let patchDoc) = patch else { return patch }
        return .object(mergeDocs(curDoc, patchDoc))
    }

    static func pruneNulls(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let o): return .object(pruneDocNulls(o))
        case .array(let a): return .array(pruneAryNulls(a))
        default: return v
        }
    }

    static func pruneDocNulls(_ doc: [String: JSONValue]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (k, v) in doc where v != .null { out[k] = pruneNulls(v) }
        return out
    }

    static func pruneAryNulls(_ ary: [JSONValue]) -> [JSONValue] {
        ary.map { $0 == .null ? $0 : pruneNulls($0) }
    }
}

/// The apiserver's `fieldValidation` directive. The server assumes `Warn` when the request
/// carries none (`kubectl patch` sends none; `kubectl apply` sends `Strict` by default).
public enum FieldValidation: String, Sendable, Equatable {
    case ignore = "Ignore", warn = "Warn", strict = "Strict"
}
