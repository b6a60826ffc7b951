import Foundation
import Yams

/// One document → go-yaml v2 value (via libyaml/Yams) → sigs.k8s.io/yaml JSON conversion.
enum YAMLDocumentDecoder {
    /// go-yaml's limit on flow nesting / indentation levels.
    static let maxDepth = 10000

    static func decode(_ doc: [UInt8]) throws -> JSONValue {
        // Yams composes recursively and so do the conversions below: give deeply nested
        // documents a thread with a big stack (go-yaml itself allows 10000 levels).
        let depth = GoYAMLPrecheck.estimatedDepth(doc)
        if depth > maxDepth, let e = GoYAMLPrecheck.depthError(doc) {
            throw YAMLParseError.Reason.yaml(e)
        }
        if depth >= 128 {
            return try DeepStack.run { try GoJSONConversion.toJSON(decodeGo(doc)) }
        }
        return try GoJSONConversion.toJSON(decodeGo(doc))
    }

    /// `yaml.Unmarshal(doc, &interface{})`.
    static func decodeGo(_ doc: [UInt8]) throws -> GoYAMLValue {
        // go-yaml's reader consumes a leading UTF-8 BOM without moving the mark; libyaml told
        // the encoding up front would instead skip it as a character (shifting column 0 to 1).
        var work = doc.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(doc.dropFirst(3)) : doc
        var standIns: [Unicode.Scalar: Unicode.Scalar] = [:]
        // Any other U+FEFF is an ordinary character to go-yaml (its column-0 BOM skip tests the
        // start of its buffer, not the current position), while libyaml skips it at column 0
        // and Foundation drops it from the start of Yams' scalar strings. Use a stand-in.
        if let bomStandIn = YAMLTextPosition.replaceBOMs(in: &work) { standIns[bomStandIn] = "\u{FEFF}" }
        var colonStandIn: Unicode.Scalar? = nil
        var root: Yams.Node? = nil
        var failure: YamlError? = nil
        for _ in 0..<256 {
            do {
                root = try parseRoot(String(decoding: work, as: UTF8.self))
                failure = nil
                break
            } catch let e as YamlError {
                failure = e
                // libyaml rejects `a:` followed by `,?[]{}` inside a flow collection; go-yaml keeps
                // the colon in the plain scalar. Swap the colon for a one-character stand-in
                // (same line/column for every later mark) and put it back in the values.
                if case .scanner(_, let problem, let mark, _) = e, problem == "found unexpected ':'",
                   let off = YAMLTextPosition.offset(line: mark.line, column: mark.column, in: work),
                   off < work.count, work[off] == UInt8(ascii: ":") {
                    let standIn = colonStandIn ?? YAMLTextPosition.unusedPrivateScalar(in: work)
                    colonStandIn = standIn
                    standIns[standIn] = ":"
                    work.replaceSubrange(off...off, with: Array(String(standIn).utf8))
                    continue
                }
                // go-yaml's tag URIs may contain `,`, `[` and `]`; libyaml's local tags may not.
                // A tag's text never matters here (such tags resolve nothing), so any letter will do.
                if case .scanner(let context, let problem, let mark, _) = e,
                   context?.text == "while scanning a tag", problem == "did not find expected whitespace or line break",
                   let off = YAMLTextPosition.offset(line: mark.line, column: mark.column, in: work), off < work.count,
                   work[off] == UInt8(ascii: ",") || work[off] == UInt8(ascii: "[") || work[off] == UInt8(ascii: "]") {
                    work[off] = UInt8(ascii: "X")
                    continue
                }
                break
            }
        }
        if let e = flowQuestionMarkError(work, failure: failure) {
            throw YAMLParseError.Reason.yaml(e)
        }
        if let failure {
            throw YAMLParseError.Reason.yaml(try translate(failure, doc: work))
        }
        guard let root else { return .null }
        var builder = GoValueBuilder(standIns: standIns, mayHaveAliases: work.contains(UInt8(ascii: "*")))
        do {
            return try builder.build(root)
        } catch let f as GoYAMLFailure {
            throw YAMLParseError.Reason.yaml(YAMLDocumentError(line: nil, message: f.message))
        }
    }

    /// go-yaml ends a plain scalar at `?` inside a flow collection and then reads the `?` as a
    /// KEY token, which the parser rejects ("did not find expected ',' or ']'"/"'}'" at the `?`).
    /// libyaml keeps the `?` in the scalar. Putting a `[` there makes libyaml stop the scalar at
    /// the same place and fail at the same mark, which is how each candidate is confirmed; a
    /// scanner error met while looking ahead past it (before libyaml's own error) also counts.
    private static func flowQuestionMarkError(_ work: [UInt8], failure: YamlError?) -> YAMLDocumentError? {
        guard let firstFlow = work.firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }) else { return nil }
        var limit = work.count
        if let failure {
            guard let mark = failureMark(failure),
                  let off = YAMLTextPosition.offset(line: mark.line, column: mark.column, in: work) else { return nil }
            limit = off
        }
        func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        func isEOL(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
        var tried = 0
        // Rough flow depth (brackets outside quotes and comments): `?` at depth 0 is taken to
        // be in block context, where both scanners agree, and is not tried.
        var depth = 0
        var inSingle = false, inDouble = false, inComment = false
        var i = firstFlow
        while i < limit && tried < 32 {
            defer { i += 1 }
            let c = work[i]
            if isEOL(c) { inComment = false; continue }
            if inComment { continue }
            if inSingle { if c == UInt8(ascii: "'") { inSingle = false }; continue }
            if inDouble {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inDouble = false }
                continue
            }
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1); continue
            case UInt8(ascii: "'"): if i > 0 && !isBlank(work[i - 1]) && !isEOL(work[i - 1]) && work[i - 1] != UInt8(ascii: ",") && work[i - 1] != UInt8(ascii: "[") && work[i - 1] != UInt8(ascii: "{") && work[i - 1] != UInt8(ascii: ":") { continue }; inSingle = true; continue
            case UInt8(ascii: "\""): if i > 0 && !isBlank(work[i - 1]) && !isEOL(work[i - 1]) && work[i - 1] != UInt8(ascii: ",") && work[i - 1] != UInt8(ascii: "[") && work[i - 1] != UInt8(ascii: "{") && work[i - 1] != UInt8(ascii: ":") { continue }; inDouble = true; continue
            case UInt8(ascii: "#"): if i == 0 || isBlank(work[i - 1]) || isEOL(work[i - 1]) { inComment = true }; continue
            default: break
            }
            guard c == UInt8(ascii: "?"), depth > 0 else { continue }
            // Where a token may start, `?` is an indicator for both scanners: skip.
            var p = i - 1
            while p >= 0 && isBlank(work[p]) { p -= 1 }
            if p < 0 || isEOL(work[p]) || work[p] == UInt8(ascii: ",") || work[p] == UInt8(ascii: "[") || work[p] == UInt8(ascii: "{") { continue }
            let nextBlank = i + 1 >= work.count || isBlank(work[i + 1]) || isEOL(work[i + 1])
            if nextBlank && isBlank(work[i - 1]) { continue }
            tried += 1
            var test = work
            test[i] = UInt8(ascii: "[")
            let (line, column) = YAMLTextPosition.lineColumn(of: i, in: work)
            do {
                _ = try parseRoot(String(decoding: test, as: UTF8.self))
            } catch let e as YamlError {
                if case .parser(let context, let problem, let mark, _) = e, mark.line == line, mark.column == column,
                   problem == "did not find expected ',' or ']'" || problem == "did not find expected ',' or '}'" {
                    return goFail(problem: problem, problemLine0: mark.line - 1, contextLine0: (context?.mark.line ?? 1) - 1, scanner: false)
                }
                if case .scanner = e, let m = failureMark(e),
                   let off = YAMLTextPosition.offset(line: m.line, column: m.column, in: test), off > i, off < limit {
                    return try? translate(e, doc: test)
                }
            } catch {}
        }
        return nil
    }

    private static func failureMark(_ e: YamlError) -> Mark? {
        switch e {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): return m
        default: return nil
        }
    }

    private static func parseRoot(_ text: String) throws -> Yams.Node? {
        try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).nextRoot()
    }

    // MARK: libyaml error → go-yaml error text

    /// go-yaml's `(*parser).fail`: the problem line (0-based!) for parser errors, +1 for scanner
    /// errors; if that is 0, the context line (0-based, not incremented); if that is 0, no line.
    private static func translate(_ error: YamlError, doc: [UInt8]) throws -> YAMLDocumentError {
        switch error {
        case .reader(let problem, _, _, _):
            return YAMLDocumentError(line: nil, message: problem)
        case .scanner(let context, let problem, let mark, _):
            return goFail(problem: problem, problemLine0: mark.line - 1, contextLine0: (context?.mark.line ?? 1) - 1, scanner: true)
        case .parser(let context, let problem, let mark, _):
            return goFail(problem: problem, problemLine0: mark.line - 1, contextLine0: (context?.mark.line ?? 1) - 1, scanner: false)
        case .composer(_, let problem, let mark, _):
            if problem == "found undefined alias" {
                return try undefinedAlias(at: mark, doc: doc)
            }
            return YAMLDocumentError(line: nil, message: problem)
        default:
            return YAMLDocumentError(line: nil, message: "\(error)")
        }
    }

    static func goFail(problem: String, problemLine0: Int, contextLine0: Int, scanner: Bool) -> YAMLDocumentError {
        var line = 0
        if problemLine0 != 0 {
            line = problemLine0 + (scanner ? 1 : 0)
        } else if contextLine0 != 0 {
            line = contextLine0
        }
        return YAMLDocumentError(line: line == 0 ? nil : line, message: problem.isEmpty ? "unknown problem parsing YAML content" : problem)
    }

    /// Yams registers an anchor only once its node is complete; go-yaml registers it when the
    /// node starts. So "undefined" here is either a truly unknown anchor (go-yaml fails at
    /// once while parsing) or an alias inside its own anchor's node (go-yaml parses the whole
    /// document and then fails while decoding with "value contains itself").
    private static func undefinedAlias(at mark: Mark, doc: [UInt8]) throws -> YAMLDocumentError {
        guard var offset = YAMLTextPosition.offset(line: mark.line, column: mark.column, in: doc) else {
            return YAMLDocumentError(line: nil, message: "unknown anchor '' referenced")
        }
        if offset < doc.count, doc[offset] == UInt8(ascii: "*") { offset += 1 }
        var end = offset
        while end < doc.count, isAnchorByte(doc[end]) { end += 1 }
        let name = String(decoding: doc[offset..<end], as: UTF8.self)
        let aliasStart = max(0, offset - 1)
        let before = String(decoding: doc[0..<aliasStart], as: UTF8.self)
        if !definesAnchor(before, name) {
            return YAMLDocumentError(line: nil, message: "unknown anchor '\(name)' referenced")
        }
        // Parse the rest of the document with this alias neutralised: a later syntax error wins.
        var patched = doc
        if aliasStart < patched.count, patched[aliasStart] == UInt8(ascii: "*") { patched[aliasStart] = UInt8(ascii: "_") }
        do {
            _ = try decodeGo(patched)
        } catch let e as YAMLParseError.Reason {
            if case .yaml(let inner) = e, !inner.message.hasPrefix("anchor '") && !inner.message.hasPrefix("unknown anchor") {
                return inner
            }
        }
        return YAMLDocumentError(line: nil, message: "anchor '\(name)' value contains itself")
    }

    private static func isAnchorByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    private static func isAnchorChar(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": return true
        default: return false
        }
    }

    private static func definesAnchor(_ text: String, _ name: String) -> Bool {
        let s = Array(text.unicodeScalars)
        let n = Array(name.unicodeScalars)
        guard !n.isEmpty, s.count > n.count else { return false }
        var i = 0
        while i + n.count < s.count {
            if s[i] == "&" && Array(s[(i + 1)...(i + n.count)]) == n {
                let after = i + 1 + n.count
                if after >= s.count || !isAnchorChar(s[after]) { return true }
            }
            i += 1
        }
        return false
    }
}

// MARK: - Checks libyaml does not do the way go-yaml does

enum GoYAMLPrecheck {
    /// Upper bound of flow nesting (brackets outside quotes and comments) plus indentation.
    static func estimatedDepth(_ doc: [UInt8]) -> Int {
        var scan = FlowBracketScan()
        var maxDepth = 0, maxIndent = 0
        var atLineStart = true
        var indent = 0
        var i = 0
        while i < doc.count {
            let c = doc[i]
            if c == 0x0A {
                atLineStart = true; indent = 0; scan.newLine()
                i += 1
                continue
            }
            if atLineStart {
                if c == 0x20 || c == UInt8(ascii: "-") { indent += 1; i += 1; continue }
                atLineStart = false
                maxIndent = max(maxIndent, indent)
            }
            let opened: Bool
            (i, opened) = scan.step(doc, i)
            if opened { maxDepth = max(maxDepth, scan.depth) }
        }
        return maxDepth + maxIndent
    }

    /// go-yaml: `yaml: line N: exceeded max depth of 10000` when the flow level passes 10000
    /// (scanner error at the bracket that goes too deep).
    static func depthError(_ doc: [UInt8]) -> YAMLDocumentError? {
        var scan = FlowBracketScan()
        var line = 0
        var i = 0
        while i < doc.count {
            if doc[i] == 0x0A { line += 1; scan.newLine(); i += 1; continue }
            let opened: Bool
            (i, opened) = scan.step(doc, i)
            if opened && scan.depth > YAMLDocumentDecoder.maxDepth {
                return YAMLDocumentDecoder.goFail(problem: "exceeded max depth of 10000", problemLine0: line, contextLine0: line, scanner: true)
            }
        }
        return YAMLDocumentError(line: nil, message: "exceeded max depth of 10000")
    }
}

/// The flow depth of a YAML text read byte by byte, counting `[` `{` `]` `}` only outside
/// quoted scalars and comments; the two depth checks above share it.
struct FlowBracketScan {
    private(set) var depth = 0
    private var inSingle = false, inDouble = false, inComment = false

    /// A newline ends a comment (quotes may span lines).
    mutating func newLine() { inComment = false }

    /// Reads the byte at `i`, which is not a newline; returns where the next byte to read is
    /// (past the escaped character after a backslash in double quotes) and whether this
    /// byte opened a flow collection.
    mutating func step(_ doc: [UInt8], _ i: Int) -> (next: Int, opened: Bool) {
        let c = doc[i]
        if inComment { return (i + 1, false) }
        if inSingle {
            if c == UInt8(ascii: "'") { inSingle = false }
        } else if inDouble {
            if c == UInt8(ascii: "\\") { return (i + 2, false) }
            if c == UInt8(ascii: "\"") { inDouble = false }
        } else {
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; return (i + 1, true)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "'"): inSingle = true
            case UInt8(ascii: "\""): inDouble = true
            case UInt8(ascii: "#"): inComment = true
            default: break
            }
        }
        return (i + 1, false)
    }
}

/// Runs a closure synchronously on a thread with a large stack (deep recursion in Yams).
enum DeepStack {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }

    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let work = body
        let thread = Thread {
            box.result = Result { try work() }
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        return try box.result!.get()
    }
}

// MARK: - Yams node → go-yaml value

/// Mirrors go-yaml v2's decoder into `interface{}`: scalar resolution, merge keys, map keys
/// that must be hashable, and the excessive-aliasing guard. Aliases (which Yams has already
/// replaced by the anchored node) are recognised by their start mark and converted once.
struct GoValueBuilder {
    private struct MemoKey: Hashable {
        let kind: UInt8
        let line: Int
        let column: Int
        let count: Int
        let firstLine: Int
        let firstColumn: Int
    }

    private var memo: [MemoKey: (value: GoYAMLValue, size: Int)] = [:]
    private var decodeCount = 0
    private var aliasCount = 0

    mutating func build(_ node: Yams.Node) throws -> GoYAMLValue {
        decodeCount += 1  // the document node
        return try convert(node).value
    }

    /// Stand-ins put in place of characters before parsing (see `decodeGo`), to be turned back.
    let standIns: [Unicode.Scalar: Unicode.Scalar]

    /// Aliases need a `*`: without one there is nothing to recognise, so skip the bookkeeping.
    let mayHaveAliases: Bool

    init(standIns: [Unicode.Scalar: Unicode.Scalar] = [:], mayHaveAliases: Bool = true) {
        self.standIns = standIns
        self.mayHaveAliases = mayHaveAliases
    }

    private func memoKey(_ node: Yams.Node) -> MemoKey? {
        guard mayHaveAliases else { return nil }
        switch node {
        case .scalar: return nil
        case .mapping(let m):
            guard let mark = m.mark else { return nil }
            let first = m.first?.key.mark
            return MemoKey(kind: 1, line: mark.line, column: mark.column, count: m.count, firstLine: first?.line ?? 0, firstColumn: first?.column ?? 0)
        case .sequence(let s):
            guard let mark = s.mark else { return nil }
            let first = s.first?.mark
            return MemoKey(kind: 2, line: mark.line, column: mark.column, count: s.count, firstLine: first?.line ?? 0, firstColumn: first?.column ?? 0)
        }
    }

    private static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        if decodeCount <= 400_000 { return 0.99 }
        if decodeCount >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - 400_000) / Double(4_000_000 - 400_000))
    }

    /// Returns the value and go-yaml's decode count for this subtree.
    private mutating func convert(_ node: Yams.Node) throws -> (value: GoYAMLValue, size: Int) {
        let key = memoKey(node)
        if let key, let hit = memo[key] {
            // An alias: go-yaml decodes the alias node and the whole anchored subtree again.
            decodeCount += 1 + hit.size
            aliasCount += hit.size
            if aliasCount > 100 && decodeCount > 1000 && Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount) {
                throw GoYAMLFailure(message: "document contains excessive aliasing")
            }
            return (hit.value, hit.size + 1)
        }
        decodeCount += 1
        let result: (GoYAMLValue, Int)
        switch node {
        case .scalar(let s):
            result = (try scalar(s), 1)
        case .sequence(let seq):
            var items: [GoYAMLValue] = []
            items.reserveCapacity(seq.count)
            var size = 1
            for child in seq {
                let (v, n) = try convert(child)
                items.append(v)
                size += n
            }
            result = (.seq(items), size)
        case .mapping(let mapping):
            var map = GoYAMLMap()
            var size = 1
            for (k, v) in mapping {
                if Self.isMerge(k) {
                    size += 1
                    size += try merge(v, into: &map)
                    continue
                }
                let (kv, kn) = try convert(k)
                size += kn
                switch kv {
                case .seq, .map:
                    throw GoYAMLFailure(message: "invalid map key: \(GoSyntax.format(kv))")
                default:
                    break
                }
                let (vv, vn) = try convert(v)
                size += vn
                map.set(kv, vv)
            }
            result = (.map(map), size)
        }
        if let key { memo[key] = result }
        return result
    }

    /// `isMerge`: an untagged plain `<<` (or one tagged !!merge).
    private static func isMerge(_ node: Yams.Node) -> Bool {
        guard case .scalar(let s) = node, s.string == "<<" else { return false }
        let tag = s.tag.description
        return (tag == "" && s.style == .plain) || tag == GoYAMLTag.merge
    }

    private mutating func merge(_ node: Yams.Node, into map: inout GoYAMLMap) throws -> Int {
        func wantMap() -> GoYAMLFailure { GoYAMLFailure(message: "map merge requires map or sequence of maps as the value") }
        func apply(_ v: GoYAMLValue) {
            if case .map(let m) = v {
                for (k, val) in zip(m.keys, m.values) { map.set(k, val) }
            }
        }
        switch node {
        case .mapping:
            let (v, n) = try convert(node)
            apply(v)
            return n
        case .sequence(let seq):
            var size = 0
            // Earlier maps take precedence: apply them last.
            for child in seq.reversed() {
                guard case .mapping = child else { throw wantMap() }
                let (v, n) = try convert(child)
                apply(v)
                size += n
            }
            return size
        default:
            throw wantMap()
        }
    }

    private func scalar(_ node: Yams.Node.Scalar) throws -> GoYAMLValue {
        var s = node
        if !standIns.isEmpty, s.string.unicodeScalars.contains(where: { standIns[$0] != nil }) {
            let tag = s.tag
            s.string = String(String.UnicodeScalarView(s.string.unicodeScalars.map { standIns[$0] ?? $0 }))
            s.tag = tag  // setting `string` resets the tag
        }
        let rawTag = s.tag.description
        // Yams reports untagged quoted/block scalars as !!str (libyaml's quoted_implicit);
        // go-yaml sees tag "" with implicit=false, which also means "string".
        if rawTag == "" {
            if s.style == .plain || s.style == .any {
                return try GoYAMLResolver.resolve(tag: "", s.string).value
            }
            return .string(s.string)
        }
        let tag = rawTag.hasPrefix("!!") ? GoYAMLTag.prefix + rawTag.dropFirst(2) : rawTag
        let (rtag, value) = try GoYAMLResolver.resolve(tag: tag, s.string)
        if rtag == GoYAMLTag.binary {
            guard case .string(let text) = value, let data = GoBase64.decode(text) else {
                throw GoYAMLFailure(message: "!!binary value contains invalid base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        return value
    }
}

enum GoBase64 {
    /// base64.StdEncoding.DecodeString: padding required, `\r` and `\n` ignored.
    static func decode(_ s: String) -> Data? {
        let cleaned = s.utf8.filter { $0 != 0x0A && $0 != 0x0D }
        guard cleaned.count % 4 == 0 else { return nil }
        return Data(base64Encoded: Data(cleaned))
    }
}

// MARK: - sigs.k8s.io/yaml: go value → JSON (as the apiserver/unstructured sees it)

enum GoJSONConversion {
    /// convertToJSONableObject (map keys → strings, or an error), then json.Marshal (which
    /// rejects NaN/±Inf, the first one in sorted-key order), then the JSON text as
    /// unstructured decodes it (integral numbers that fit int64 → int).
    static func toJSON(_ v: GoYAMLValue) throws -> JSONValue {
        var sawNonFinite = false
        let out = try convert(v, &sawNonFinite)
        if sawNonFinite, let d = firstNonFinite(out) {
            throw YAMLParseError.Reason.conversion("json: unsupported value: \(GoFloat.format(d, "g"))")
        }
        return out
    }

    private static func keyString(_ k: GoYAMLValue, _ val: GoYAMLValue) throws -> String {
        switch k {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .float(let d):
            let s = GoFloat.format(d, "g", bitSize: 32)
            switch s {
            case "+Inf": return ".inf"
            case "-Inf": return "-.inf"
            case "NaN": return ".nan"
            default: return s
            }
        case .bool(let b): return b ? "true" : "false"
        default:
            throw YAMLParseError.Reason.conversion(
                "unsupported map key of type: \(GoSyntax.typeName(k)), key: \(GoSyntax.format(k)), value: \(GoSyntax.format(val))")
        }
    }

    private static func convert(_ v: GoYAMLValue, _ sawNonFinite: inout Bool) throws -> JSONValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .uint(let u): return u <= UInt64(Int.max) ? .int(Int(u)) : .double(Double(u))
        case .float(let d):
            if !d.isFinite { sawNonFinite = true; return .double(d) }
            return GoJSON.decodedNumber(d)
        case .string(let str): return .string(str)
        case .seq(let a):
            var out: [JSONValue] = []
            out.reserveCapacity(a.count)
            for x in a { out.append(try convert(x, &sawNonFinite)) }
            return .array(out)
        case .map(let m):
            var out: [String: JSONValue] = Dictionary(minimumCapacity: m.count)
            for (k, val) in zip(m.keys, m.values) {
                out[try keyString(k, val)] = try convert(val, &sawNonFinite)
            }
            return .object(out)
        }
    }

    /// json.Marshal's traversal order: arrays in order, object keys sorted bytewise.
    private static func firstNonFinite(_ v: JSONValue) -> Double? {
        switch v {
        case .double(let d) where !d.isFinite: return d
        case .array(let a):
            for x in a { if let d = firstNonFinite(x) { return d } }
        case .object(let o):
            for k in o.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                if let d = firstNonFinite(o[k]!) { return d }
            }
        default: break
        }
        return nil
    }
}

// MARK: - line/column ↔ byte offset, with libyaml's line breaks (LF, CR, CRLF, NEL, LS, PS)

enum YAMLTextPosition {
    /// Width in bytes of the line break at `i`, or 0.
    static func breakWidth(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        if c == 0x0A { return 1 }
        if c == 0x0D { return i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0x85 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return 3 }
        return 0
    }

    /// Byte offset of a 1-based (line, column) mark; columns count Unicode scalars.
    static func offset(line: Int, column: Int, in b: [UInt8]) -> Int? {
        var l = 1, i = 0
        while l < line {
            guard i < b.count else { return nil }
            let w = breakWidth(b, i)
            if w > 0 { l += 1; i += w } else { i += 1 }
        }
        var c = 1
        while c < column {
            guard i < b.count else { return i }
            if breakWidth(b, i) > 0 { return i }
            i += utf8Width(b[i])
            c += 1
        }
        return i
    }

    static func lineColumn(of offset: Int, in b: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1, i = 0
        while i < offset && i < b.count {
            let w = breakWidth(b, i)
            if w > 0 { line += 1; column = 1; i += w } else { column += 1; i += utf8Width(b[i]) }
        }
        return (line, column)
    }

    static func utf8Width(_ c: UInt8) -> Int {
        if c & 0x80 == 0 { return 1 }
        if c & 0xE0 == 0xC0 { return 2 }
        if c & 0xF0 == 0xE0 { return 3 }
        if c & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    /// Replaces every U+FEFF with an unused private-use scalar (also 3 bytes in UTF-8).
    static func replaceBOMs(in b: inout [UInt8]) -> Unicode.Scalar? {
        guard b.count >= 3 else { return nil }
        var found = false
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF { found = true; break }
            i += 1
        }
        guard found else { return nil }
        let standIn = unusedPrivateScalar(in: b)
        let rep = Array(String(standIn).utf8)
        while i + 2 < b.count {
            if b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF {
                b[i] = rep[0]; b[i + 1] = rep[1]; b[i + 2] = rep[2]
                i += 3
            } else {
                i += 1
            }
        }
        return standIn
    }

    /// A private-use scalar that does not occur in `b`.
    static func unusedPrivateScalar(in b: [UInt8]) -> Unicode.Scalar {
        let text = String(decoding: b, as: UTF8.self)
        var v: UInt32 = 0xE000
        while v < 0xF8FF, text.unicodeScalars.contains(Unicode.Scalar(v)!) { v += 1 }
        return Unicode.Scalar(v)!
    }
}
