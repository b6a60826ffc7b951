import KubeAPI

/// A patch that could not be decoded or applied, with enough information to word it the
/// way kubectl v1.32 shows it.
///
/// `message` is the text of the Go error the patch library produced (evanphx/json-patch
/// v4.12 for JSON and merge patches, k8s.io/apimachinery strategicpatch for strategic merge
/// patches). How that text reaches the user depends on where the patch was applied:
///
/// * On the server (`kubectl patch NAME ...`, `kubectl apply`), the apiserver's patch handler
///   (k8s.io/apiserver/pkg/endpoints/handlers/patch.go) turns it into a `Status`:
///   - JSON patch decode failures and merge-patch `Invalid JSON Patch` are `BadRequest` with
///     the message; kubectl prints `Error from server (BadRequest): <message>`.
///   - JSON patch *application* failures become `NewGenericServerResponse(422, ...)`, whose
///     Status message is the fixed `the server rejected our request due to an error in our
///     request` (the json-patch text is dropped) and whose details are empty; kubectl's
///     `checkErr` then prints `The request is invalid: the server rejected our request due to
///     an error in our request`.
///   - Strategic merge errors go through `interpretStrategicMergePatchError`: the
///     `mergepatch.ErrBad*` sentinels are `BadRequest`, `lists of lists are not supported` is a
///     generic 422 like above, and everything else (e.g. `map: map[...] does not contain
///     declared merge key: name`) is a plain Go error that the apiserver answers with a 500
///     Status carrying no reason, which kubectl prints as `Error from server: <message>`.
/// * Locally (`kubectl patch --local`/`--dry-run=client`), kubectl prints `error: <message>`,
///   except that for JSON patches whose error mentions `doc is missing key` it rewrites the
///   message to `Object to be patched is missing field (<rest>)` (kubectl's
///   `getPatchedJSON`).
public struct PatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How the apiserver classifies the failure.
    public enum ServerClass: Equatable, Sendable {
        /// 400, reason `BadRequest`, message = `message`.
        case badRequest
        /// 422, reason `Invalid`, generic message, no details beyond an empty object.
        case genericInvalid
        /// 500, no reason, message = `message` (a non-Status Go error).
        case internalNoReason
        /// 413, reason `RequestEntityTooLarge`, message = `Request entity too large: <message>`.
        case requestEntityTooLarge
    }

    /// Which library produced the error (only matters for the `--local` wording).
    public enum Source: Equatable, Sendable { case jsonPatch, mergePatch, strategicMerge, threeWay }

    /// The Go error text.
    public let message: String
    public let serverClass: ServerClass
    public let source: Source

    public init(_ message: String, serverClass: ServerClass, source: Source) {
        self.message = message
        self.serverClass = serverClass
        self.source = source
    }

    public var description: String { message }

    /// The HTTP status code the apiserver answers with.
    public var code: Int {
        switch serverClass {
        case .badRequest: return 400
        case .genericInvalid: return 422
        case .internalNoReason: return 500
        case .requestEntityTooLarge: return 413
        }
    }

    /// The Status `reason` (empty for the 500 case, as `ErrorToAPIStatus` leaves it).
    public var reason: String {
        switch serverClass {
        case .badRequest: return "BadRequest"
        case .genericInvalid: return "Invalid"
        case .internalNoReason: return ""
        case .requestEntityTooLarge: return "RequestEntityTooLarge"
        }
    }

    /// The Status `message` the apiserver returns.
    public var statusMessage: String {
        switch serverClass {
        case .badRequest, .internalNoReason: return message
        case .genericInvalid: return "the server rejected our request due to an error in our request"
        case .requestEntityTooLarge: return "Request entity too large: \(message)"
        }
    }

    /// The line kubectl prints (without trailing newline) when the server rejected the patch.
    public var kubectlServerText: String {
        switch serverClass {
        case .badRequest: return "Error from server (BadRequest): \(message)"
        case .genericInvalid: return "The request is invalid: the server rejected our request due to an error in our request"
        case .internalNoReason: return "Error from server: \(message)"
        case .requestEntityTooLarge: return "Error from server (RequestEntityTooLarge): Request entity too large: \(message)"
        }
    }

    /// The line kubectl prints (without trailing newline) when it applied the patch itself
    /// (`kubectl patch --local` / `--dry-run=client`).
    public var kubectlLocalText: String {
        if source == .jsonPatch, message.contains("doc is missing key"), let r = message.range(of: "key:") {
            // kubectl: key := msg[strings.Index(msg, "key:")+5:]
            let start = message.index(r.upperBound, offsetBy: 1, limitedBy: message.endIndex) ?? message.endIndex
            return "error: Object to be patched is missing field (\(message[start...]))"
        }
        return "error: \(message)"
    }

    static func smp(_ message: String) -> PatchError {
        PatchError(message, serverClass: StrategicMerge.serverClass(forMessage: message), source: .strategicMerge)
    }
}

/// What `kubectl patch` prints when the `-p`/`--patch-file` text is not YAML/JSON:
/// `error: unable to parse "<patch>": <yaml error>` (kubectl's `RunPatch`, which converts the
/// patch with `yaml.ToJSON` before sending it). `yamlError` is the converter's message,
/// e.g. `error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'`.
public enum PatchText {
    public static func kubectlParseError(patch: String, yamlError: String) -> String {
        "error: unable to parse \(GoText.quote(patch)): \(yamlError)"
    }
}
