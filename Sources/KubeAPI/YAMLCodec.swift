import Foundation

/// go-yaml's own error for one document: what follows `yaml: ` in kubectl's message.
/// `line` is the number go-yaml prints (already document-relative, and already carrying
/// go-yaml's quirks: parser errors print the 0-based line of the offending token, scanner
/// errors the 1-based one, and errors on the first line print no line at all).
public struct YAMLDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int?
    public let message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    /// `yaml: line 5: found a tab character that violates indentation`
    public var description: String {
        if let line { return "yaml: line \(line): \(message)" }
        return "yaml: \(message)"
    }
}

/// The first error met while reading a manifest stream, as kubectl reports it.
public struct YAMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// go-yaml rejected the document: `error converting YAML to JSON: yaml: line N: ...`
        case yaml(YAMLDocumentError)
        /// sigs.k8s.io/yaml could not turn the decoded YAML into JSON
        /// (`unsupported map key of type: ...`, `json: unsupported value: NaN`).
        case conversion(String)
        /// apimachinery's document splitter: `invalid Yaml document separator: foo`.
        case invalidSeparator(String)
        /// The stream starts with `{` so kubectl decoded it as JSON:
        /// `json: offset 63: invalid character ...` / `unexpected EOF`.
        case json(String)
    }

    /// Index (0-based) of the failing document among the `---`-separated chunks.
    public let documentIndex: Int
    public let reason: Reason

    public init(documentIndex: Int, reason: Reason) {
        self.documentIndex = documentIndex
        self.reason = reason
    }

    /// Document-relative line go-yaml printed, if any.
    public var line: Int? {
        if case .yaml(let e) = reason { return e.line }
        return nil
    }

    /// The bare problem text (go-yaml's message for YAML errors).
    public var message: String {
        switch reason {
        case .yaml(let e): return e.message
        case .conversion(let s), .invalidSeparator(let s), .json(let s): return s
        }
    }

    /// What kubectl prints after `error parsing FILE: `.
    public var detail: String {
        switch reason {
        case .yaml(let e): return "error converting YAML to JSON: \(e.description)"
        case .conversion(let s): return "error converting YAML to JSON: \(s)"
        case .invalidSeparator(let s): return "invalid Yaml document separator: \(s)"
        case .json(let s): return s
        }
    }

    /// The Go error text: `error parsing F: error converting YAML to JSON: yaml: line N: MESSAGE`.
    /// This is how the error appears inside an aggregate (several errors, one per line).
    public func errorText(file: String) -> String {
        "error parsing \(file): \(detail)"
    }

    /// The full line kubectl prints on stderr when this is its only error (no trailing newline):
    /// `error: error parsing F: error converting YAML to JSON: yaml: line N: MESSAGE`.
    public func kubectlMessage(file: String) -> String {
        "error: " + errorText(file: file)
    }

    public var description: String { detail }
}

/// Result of reading a whole manifest stream the way kubectl's resource builder does:
/// the documents decoded before the first failure, and that failure (if any).
/// kubectl acts on the documents before a bad one and then reports the error.
public struct YAMLStream: Equatable, Sendable {
    public var documents: [JSONValue]
    public var error: YAMLParseError?
}

public enum YAMLCodec {
    /// Splits a multi-document manifest the way kubectl does (apimachinery's YAMLReader: a line
    /// starting with `---` ends a document; anything but whitespace or a comment after the `---`
    /// is an error), drops empty documents (nothing, comments only, or `null`), and converts
    /// each document to JSON the way sigs.k8s.io/yaml's YAMLToJSON does (go-yaml v2 scalar
    /// resolution). A stream whose first non-space character is `{` is read as JSON, as kubectl does.
    /// Throws the `YAMLParseError` of the first bad document.
    public static func parseDocuments(_ text: String) throws -> [JSONValue] {
        let stream = parseStream(text)
        if let error = stream.error { throw error }
        return stream.documents
    }

    /// Like `parseDocuments` but keeps the documents that precede the first error.
    public static func parseStream(_ text: String) -> YAMLStream {
        let bytes = Array(text.utf8)
        if KubeJSONStream.looksLikeJSON(bytes) {
            return KubeJSONStream.decode(bytes)
        }
        var docs: [JSONValue] = []
        var index = 0
        var reader = KubeYAMLReader(bytes)
        while true {
            let chunk: [UInt8]
            switch reader.next() {
            case .end:
                return YAMLStream(documents: docs, error: nil)
            case .badSeparator(let rest):
                return YAMLStream(documents: docs, error: YAMLParseError(documentIndex: index, reason: .invalidSeparator(rest)))
            case .document(let d):
                chunk = d
            }
            do {
                let value = try YAMLDocumentDecoder.decode(chunk)
                if !value.isNull { docs.append(value) }
            } catch let e as YAMLParseError.Reason {
                return YAMLStream(documents: docs, error: YAMLParseError(documentIndex: index, reason: e))
            } catch {
                return YAMLStream(documents: docs, error: YAMLParseError(documentIndex: index, reason: .conversion("\(error)")))
            }
            index += 1
        }
    }

    /// Decodes a single YAML document (no `---` splitting) as `yaml.Unmarshal` into `interface{}`
    /// followed by sigs.k8s.io/yaml's JSON conversion. Returns `.null` for an empty document.
    public static func parseDocument(_ text: String) throws -> JSONValue {
        do {
            return try YAMLDocumentDecoder.decode(Array(text.utf8))
        } catch let e as YAMLParseError.Reason {
            throw YAMLParseError(documentIndex: 0, reason: e)
        }
    }

    /// Serialises like `kubectl get -o yaml` / `--dry-run=client -o yaml`: JSON → sigs.k8s.io/yaml
    /// JSONToYAML → go-yaml v2 Marshal (keys in go-yaml's natural order, 2-space indent,
    /// block sequences not indented inside mappings, go-yaml's quoting/literal/folding rules).
    public static func emit(_ value: JSONValue) -> String {
        GoYAMLEmitter.emit(value)
    }

    /// `emit`, but failing where kubectl's printer fails: JSONToYAML re-reads json.Marshal's
    /// output with go-yaml, whose reader rejects U+007F–U+0084, U+0086–U+009F, U+FFFE and
    /// U+FFFF (json.Marshal leaves them unescaped). kubectl then prints
    /// `error: yaml: control characters are not allowed`.
    public static func emitChecked(_ value: JSONValue) throws(YAMLDocumentError) -> String {
        if GoYAMLEmitter.containsReaderRejectedCharacter(value) {
            throw YAMLDocumentError(line: nil, message: "control characters are not allowed")
        }
        return GoYAMLEmitter.emit(value)
    }
}

extension YAMLParseError.Reason: Error {}

// MARK: - apimachinery YAMLReader

/// `k8s.io/apimachinery/pkg/util/yaml.YAMLReader` over a `LineReader`: lines are read with
/// bufio's ReadLine (which strips a trailing `\n` or `\r\n`) and re-terminated with `\n`.
struct KubeYAMLReader {
    enum Item { case document([UInt8]), badSeparator(String), end }

    private let bytes: [UInt8]
    private var pos = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private mutating func readLine() -> ArraySlice<UInt8>? {
        guard pos < bytes.count else { return nil }
        let start = pos
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        pos = end < bytes.count ? end + 1 : end
        var lineEnd = end
        if end < bytes.count, lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        return bytes[start..<lineEnd]
    }

    mutating func next() -> Item {
        var buffer: [UInt8] = []
        while true {
            guard let line = readLine() else {
                return buffer.isEmpty ? .end : .document(buffer)
            }
            if line.count >= 3, line[line.startIndex] == 0x2D, line[line.startIndex + 1] == 0x2D, line[line.startIndex + 2] == 0x2D {
                let rest = String(decoding: line.dropFirst(3), as: UTF8.self)
                let trimmed = GoStrings.trimSpace(rest + "\n")
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                    return .badSeparator(trimmed)
                }
                if !buffer.isEmpty { return .document(buffer) }
                continue
            }
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        }
    }
}

enum GoStrings {
    /// strings.TrimSpace (unicode.IsSpace on both ends).
    static func trimSpace(_ s: String) -> String {
        func isSpace(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0: return true
            default: return u.value > 0xFF && u.properties.isWhitespace
            }
        }
        let scalars = Array(s.unicodeScalars)
        var a = 0, b = scalars.count
        while a < b && isSpace(scalars[a]) { a += 1 }
        while b > a && isSpace(scalars[b - 1]) { b -= 1 }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[a..<b])
        return out
    }
}
