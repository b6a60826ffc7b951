import Foundation

/// `sigs.k8s.io/yaml.Marshal` of a JSON value: json.Marshal → yaml.Unmarshal (JSON text read
/// as YAML, so numbers get go-yaml's int/uint/float types and all keys are strings) →
/// go-yaml v2 `Marshal`. The emitter below is a port of the parts of go-yaml's emitterc.go
/// that such documents exercise (block/flow collections, the four scalar styles, folding at
/// width 80), driven by the same event sequence go-yaml's encoder produces.
enum GoYAMLEmitter {
    static func emit(_ value: JSONValue) -> String {
        var events: [Event] = [.streamStart, .documentStart]
        events.reserveCapacity(64)
        appendEvents(value, into: &events)
        events.append(.documentEnd)
        events.append(.streamEnd)
        var e = Emitter(events: events)
        e.run()
        return String(decoding: e.out, as: UTF8.self)
    }

    enum ScalarStyle { case plain, singleQuoted, doubleQuoted, literal, folded }

    enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case mappingStart, mappingEnd, sequenceStart, sequenceEnd
        case scalar([UInt8], ScalarStyle)
    }

    // MARK: encoder (encode.go): value → events

    /// Depth-first, without recursion (documents can nest thousands of levels deep).
    private static func appendEvents(_ root: JSONValue, into events: inout [Event]) {
        enum Work { case value(JSONValue), end(Event) }
        var stack: [Work] = [.value(root)]
        while let w = stack.popLast() {
            switch w {
            case .end(let e):
                events.append(e)
            case .value(let v):
                switch v {
                case .null:
                    events.append(.scalar(Array("null".utf8), .plain))
                case .bool(let b):
                    events.append(.scalar(Array((b ? "true" : "false").utf8), .plain))
                case .int(let i):
                    events.append(.scalar(Array(String(i).utf8), .plain))
                case .double(let d):
                    events.append(.scalar(Array(numberText(d).utf8), .plain))
                case .string(let s):
                    events.append(stringEvent(jsonRoundTrip(s)))
                case .array(let a):
                    events.append(.sequenceStart)
                    stack.append(.end(.sequenceEnd))
                    for x in a.reversed() { stack.append(.value(x)) }
                case .object(let o):
                    events.append(.mappingStart)
                    stack.append(.end(.mappingEnd))
                    var keys: [(String, String)] = o.keys.map { (jsonRoundTrip($0), $0) }
                    keys.sort { GoYAMLKeyOrder.less($0.0, $1.0) }
                    for (shown, k) in keys.reversed() {
                        stack.append(.value(o[k]!))
                        stack.append(.end(stringEvent(shown)))
                    }
                }
            }
        }
    }

    static func containsReaderRejectedCharacter(_ root: JSONValue) -> Bool {
        func bad(_ s: String) -> Bool {
            s.unicodeScalars.contains { u in
                (u.value >= 0x7F && u.value <= 0x84) || (u.value >= 0x86 && u.value <= 0x9F) || u.value == 0xFFFE || u.value == 0xFFFF
            }
        }
        var stack = [root]
        while let v = stack.popLast() {
            switch v {
            case .string(let s): if bad(s) { return true }
            case .array(let a): stack.append(contentsOf: a)
            case .object(let o):
                for (k, x) in o {
                    if bad(k) { return true }
                    stack.append(x)
                }
            default: break
            }
        }
        return false
    }

    /// JSONToYAML reads json.Marshal's output with go-yaml, so a string is scanned as a
    /// double-quoted YAML scalar. json.Marshal escapes control characters, U+2028 and U+2029,
    /// but not NEL (U+0085), which go-yaml takes as a line break and folds (with the spaces
    /// around it) like any line break in a quoted scalar.
    static func jsonRoundTrip(_ s: String) -> String {
        var hasNEL = false
        var previous: UInt8 = 0
        for c in s.utf8 {
            if previous == 0xC2 && c == 0x85 { hasNEL = true; break }
            previous = c
        }
        guard hasNEL else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while true {
            var leadingBlanks = false
            while i < u.count && u[i] != " " && u[i] != "\u{85}" { out.append(u[i]); i += 1 }
            if i >= u.count { break }
            var whitespaces = String.UnicodeScalarView()
            var leadingBreak = false
            var trailingBreaks = 0
            while i < u.count && (u[i] == " " || u[i] == "\u{85}") {
                if u[i] == " " {
                    if !leadingBlanks { whitespaces.append(" ") }
                } else if !leadingBlanks {
                    whitespaces = String.UnicodeScalarView()
                    leadingBreak = true
                    leadingBlanks = true
                } else {
                    trailingBreaks += 1
                }
                i += 1
            }
            if leadingBlanks {
                if leadingBreak && trailingBreaks == 0 {
                    out.append(" ")
                } else {
                    for _ in 0..<trailingBreaks { out.append("\n") }
                }
            } else {
                out.append(contentsOf: whitespaces)
            }
        }
        return String(out)
    }

    /// A float64 as json.Marshal writes it, read back by go-yaml (int, uint or float) and
    /// written out by go-yaml's encoder.
    static func numberText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        let text = GoFloat.json(d)
        if case .success(let i) = GoStrconv.parseInt(text, base: 10) { return String(i) }
        if case .success(let u) = GoStrconv.parseUint(text, base: 10) { return String(u) }
        return GoFloat.format(Double(text) ?? d, "g")
    }

    /// encoder.stringv: literal if it has a newline, plain if it would read back as a
    /// string, double-quoted otherwise. (JSON strings are always valid UTF-8 here.)
    static func stringEvent(_ s: String) -> Event {
        let bytes = Array(s.utf8)
        if bytes.contains(0x0A) { return .scalar(bytes, .literal) }
        // Strings starting with a letter other than yYnNtTfFoO (or most punctuation) resolve
        // to !!str without further ado.
        if let first = bytes.first, (first >= 0x61 && first <= 0x7A) || (first >= 0x41 && first <= 0x5A) {
            switch first {
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
                break
            default:
                return .scalar(bytes, .plain)
            }
        }
        let rtag = (try? GoYAMLResolver.resolve(tag: "", s).tag) ?? GoYAMLTag.str
        let canUsePlain = rtag == GoYAMLTag.str && !GoYAMLResolver.isBase60Float(s)
        return .scalar(bytes, canUsePlain ? .plain : .doubleQuoted)
    }
}

// MARK: - emitterc.go

private struct Emitter {
    typealias Event = GoYAMLEmitter.Event
    typealias Style = GoYAMLEmitter.ScalarStyle

    enum State {
        case streamStart, firstDocumentStart, documentStart, documentContent, documentEnd
        case flowSequenceFirstItem, flowSequenceItem
        case flowMappingFirstKey, flowMappingKey, flowMappingSimpleValue, flowMappingValue
        case blockSequenceFirstItem, blockSequenceItem
        case blockMappingFirstKey, blockMappingKey, blockMappingSimpleValue, blockMappingValue
        case end
    }

    let events: [Event]
    var head = 0
    var out: [UInt8] = []

    let bestIndent = 2
    let bestWidth = 80

    var state: State = .streamStart
    var states: [State] = []
    var indent = -1
    var indents: [Int] = []
    var flowLevel = 0

    var rootContext = false
    var sequenceContext = false
    var mappingContext = false
    var simpleKeyContext = false

    var line = 0
    var column = 0
    var whitespace = true
    var indention = true
    var openEnded = false

    // scalar analysis
    var value: [UInt8] = []
    var multiline = false
    var flowPlainAllowed = false
    var blockPlainAllowed = false
    var singleQuotedAllowed = false
    var blockAllowed = false
    var style: Style = .plain
    var tagHandle: [UInt8] = []

    init(events: [Event]) {
        self.events = events
        out.reserveCapacity(events.count * 12)
    }

    mutating func run() {
        while head < events.count {
            let ev = events[head]
            analyzeEvent(ev)
            stateMachine(ev)
            head += 1
        }
    }

    // MARK: output primitives

    @inline(__always) mutating func put(_ c: UInt8) {
        out.append(c)
        column += 1
    }

    mutating func putBreak() {
        out.append(0x0A)
        column = 0
        line += 1
    }

    /// Width of the UTF-8 sequence starting with `b`.
    @inline(__always) static func width(_ b: UInt8) -> Int {
        if b & 0x80 == 0 { return 1 }
        if b & 0xE0 == 0xC0 { return 2 }
        if b & 0xF0 == 0xE0 { return 3 }
        if b & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    mutating func write(_ s: [UInt8], _ i: inout Int) {
        let c = s[i]
        if c < 0x80 {
            out.append(c)
            column += 1
            i += 1
            return
        }
        let w = Self.width(c)
        let end = min(i + w, s.count)
        out.append(contentsOf: s[i..<end])
        column += 1
        i = end
    }

    mutating func writeAll(_ s: [UInt8]) {
        var i = 0
        while i < s.count { write(s, &i) }
    }

    mutating func writeBreak(_ s: [UInt8], _ i: inout Int) {
        if s[i] == 0x0A {
            putBreak()
            i += 1
        } else {
            write(s, &i)
            column = 0
            line += 1
        }
    }

    // MARK: character classes (yamlprivateh.go), out-of-range reads as NUL

    @inline(__always) static func at(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count && i >= 0 ? b[i] : 0 }
    static func isSpace(_ b: [UInt8], _ i: Int) -> Bool { at(b, i) == 0x20 }
    static func isBlank(_ b: [UInt8], _ i: Int) -> Bool { at(b, i) == 0x20 || at(b, i) == 0x09 }
    static func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        return c == 0x0D || c == 0x0A
            || (c == 0xC2 && at(b, i + 1) == 0x85)
            || (c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9))
    }
    static func isBlankz(_ b: [UInt8], _ i: Int) -> Bool { isBlank(b, i) || isBreak(b, i) || at(b, i) == 0 }
    static func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        let c1 = at(b, i + 1), c2 = at(b, i + 2)
        return c == 0x0A
            || (c >= 0x20 && c <= 0x7E)
            || (c == 0xC2 && c1 >= 0xA0)
            || (c > 0xC2 && c < 0xED)
            || (c == 0xED && c1 < 0xA0)
            || c == 0xEE
            || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)))
    }
    /// go-yaml's is_bom ignores its index: it tests the start of the value.
    static func isBOM(_ b: [UInt8]) -> Bool { at(b, 0) == 0xEF && at(b, 1) == 0xBB && at(b, 2) == 0xBF }

    // MARK: analysis

    mutating func analyzeEvent(_ ev: Event) {
        tagHandle = []
        value = []
        if case .scalar(let v, _) = ev { analyzeScalar(v) }
    }

    mutating func analyzeScalar(_ v: [UInt8]) {
        value = v
        if v.isEmpty {
            multiline = false
            flowPlainAllowed = false
            blockPlainAllowed = true
            singleQuotedAllowed = true
            blockAllowed = false
            return
        }
        var blockIndicators = false, flowIndicators = false, lineBreaks = false, specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true, followedByWhitespace = false
        var previousSpace = false, previousBreak = false

        if v.count >= 3 && ((v[0] == 0x2D && v[1] == 0x2D && v[2] == 0x2D) || (v[0] == 0x2E && v[1] == 0x2E && v[2] == 0x2E)) {
            blockIndicators = true
            flowIndicators = true
        }
        var i = 0
        while i < v.count {
            let w = Self.width(v[i])
            followedByWhitespace = i + w >= v.count || Self.isBlank(v, i + w)
            let c = v[i]
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                     UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                     UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                    flowIndicators = true
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "-"):
                    if followedByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            } else {
                switch c {
                case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    flowIndicators = true
                case UInt8(ascii: ":"):
                    flowIndicators = true
                    if followedByWhitespace { blockIndicators = true }
                case UInt8(ascii: "#"):
                    if precededByWhitespace {
                        flowIndicators = true
                        blockIndicators = true
                    }
                default: break
                }
            }
            if !Self.isPrintable(v, i) { specialCharacters = true }  // unicode output is on
            if Self.isSpace(v, i) {
                if i == 0 { leadingSpace = true }
                if i + w == v.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(v, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == v.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.isBlankz(v, i)
            i += w
        }
        multiline = lineBreaks
        flowPlainAllowed = true
        blockPlainAllowed = true
        singleQuotedAllowed = true
        blockAllowed = true
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flowIndicators { flowPlainAllowed = false }
        if blockIndicators { blockPlainAllowed = false }
    }

    // MARK: state machine

    mutating func stateMachine(_ ev: Event) {
        switch state {
        case .streamStart:
            indent = -1; line = 0; column = 0; whitespace = true; indention = true
            state = .firstDocumentStart
        case .firstDocumentStart, .documentStart:
            if case .documentStart = ev {
                // implicit document start: nothing written for the first document
                if state != .firstDocumentStart {
                    writeIndent()
                    writeIndicator(Array("---".utf8), needWhitespace: true, isWhitespace: false, isIndention: false)
                }
                state = .documentContent
            } else {
                state = .end
            }
        case .documentContent:
            states.append(.documentEnd)
            emitNode(ev, root: true, sequence: false, mapping: false, simpleKey: false)
        case .documentEnd:
            writeIndent()
            state = .documentStart
            openEnded = false  // encoder.finish clears it before STREAM-END
        case .flowSequenceFirstItem: emitFlowSequenceItem(ev, first: true)
        case .flowSequenceItem: emitFlowSequenceItem(ev, first: false)
        case .flowMappingFirstKey: emitFlowMappingKey(ev, first: true)
        case .flowMappingKey: emitFlowMappingKey(ev, first: false)
        case .flowMappingSimpleValue: emitMappingValue(ev, simple: true, block: false)
        case .flowMappingValue: emitMappingValue(ev, simple: false, block: false)
        case .blockSequenceFirstItem: emitBlockSequenceItem(ev, first: true)
        case .blockSequenceItem: emitBlockSequenceItem(ev, first: false)
        case .blockMappingFirstKey: emitBlockMappingKey(ev, first: true)
        case .blockMappingKey: emitBlockMappingKey(ev, first: false)
        case .blockMappingSimpleValue: emitMappingValue(ev, simple: true, block: true)
        case .blockMappingValue: emitMappingValue(ev, simple: false, block: true)
        case .end: break
        }
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    mutating func popIndent() { indent = indents.removeLast() }
    mutating func popState() { state = states.removeLast() }

    /// The opening `[` or `{` of a flow collection: one flow level and one indent deeper.
    mutating func beginFlowCollection(_ open: Character) {
        writeIndicator([open.asciiValue!], needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        flowLevel += 1
    }

    /// The closing `]` or `}`: back to the indent and state from before the collection.
    mutating func endFlowCollection(_ close: Character) {
        flowLevel -= 1
        popIndent()
        writeIndicator([close.asciiValue!], needWhitespace: false, isWhitespace: false, isIndention: false)
        popState()
    }

    /// What comes before each flow item: `,` after the first, and a line break once the
    /// line is past the best width.
    mutating func writeFlowItemSeparator(first: Bool) {
        if !first { writeIndicator([UInt8(ascii: ",")], needWhitespace: false, isWhitespace: false, isIndention: false) }
        if column > bestWidth { writeIndent() }
    }

    mutating func emitFlowSequenceItem(_ ev: Event, first: Bool) {
        if first { beginFlowCollection("[") }
        if case .sequenceEnd = ev {
            endFlowCollection("]")
            return
        }
        writeFlowItemSeparator(first: first)
        states.append(.flowSequenceItem)
        emitNode(ev, root: false, sequence: true, mapping: false, simpleKey: false)
    }

    mutating func emitFlowMappingKey(_ ev: Event, first: Bool) {
        if first { beginFlowCollection("{") }
        if case .mappingEnd = ev {
            endFlowCollection("}")
            return
        }
        writeFlowItemSeparator(first: first)
        emitMappingKeyNode(ev, block: false)
    }

    mutating func emitBlockSequenceItem(_ ev: Event, first: Bool) {
        if first { increaseIndent(flow: false, indentless: mappingContext && !indention) }
        if case .sequenceEnd = ev {
            popIndent()
            popState()
            return
        }
        writeIndent()
        writeIndicator([UInt8(ascii: "-")], needWhitespace: true, isWhitespace: false, isIndention: true)
        states.append(.blockSequenceItem)
        emitNode(ev, root: false, sequence: true, mapping: false, simpleKey: false)
    }

    mutating func emitBlockMappingKey(_ ev: Event, first: Bool) {
        if first { increaseIndent(flow: false, indentless: false) }
        if case .mappingEnd = ev {
            popIndent()
            popState()
            return
        }
        writeIndent()
        emitMappingKeyNode(ev, block: true)
    }

    /// A mapping key, flow or block: a simple key as it is, any other after a `?`; then the
    /// state for its value.
    mutating func emitMappingKeyNode(_ ev: Event, block: Bool) {
        if checkSimpleKey() {
            states.append(block ? .blockMappingSimpleValue : .flowMappingSimpleValue)
            emitNode(ev, root: false, sequence: false, mapping: true, simpleKey: true)
            return
        }
        writeIndicator([UInt8(ascii: "?")], needWhitespace: true, isWhitespace: false, isIndention: block)
        states.append(block ? .blockMappingValue : .flowMappingValue)
        emitNode(ev, root: false, sequence: false, mapping: true, simpleKey: false)
    }

    /// A mapping value, flow or block: `:` right after a simple key; after a `?` key, on a
    /// new line (block) or wherever the line has room (flow).
    mutating func emitMappingValue(_ ev: Event, simple: Bool, block: Bool) {
        if simple {
            writeIndicator([UInt8(ascii: ":")], needWhitespace: false, isWhitespace: false, isIndention: false)
        } else {
            if block || column > bestWidth { writeIndent() }
            writeIndicator([UInt8(ascii: ":")], needWhitespace: true, isWhitespace: false, isIndention: block)
        }
        states.append(block ? .blockMappingKey : .flowMappingKey)
        emitNode(ev, root: false, sequence: false, mapping: true, simpleKey: false)
    }

    mutating func emitNode(_ ev: Event, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) {
        rootContext = root
        sequenceContext = sequence
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch ev {
        case .scalar(_, let requested):
            selectScalarStyle(requested)
            increaseIndent(flow: true, indentless: false)
            processScalar()
            popIndent()
            popState()
        case .sequenceStart:
            state = flowLevel > 0 || checkEmptySequence() ? .flowSequenceFirstItem : .blockSequenceFirstItem
        case .mappingStart:
            state = flowLevel > 0 || checkEmptyMapping() ? .flowMappingFirstKey : .blockMappingFirstKey
        default:
            break
        }
    }

    func checkEmptySequence() -> Bool {
        guard head + 1 < events.count, case .sequenceStart = events[head], case .sequenceEnd = events[head + 1] else { return false }
        return true
    }

    func checkEmptyMapping() -> Bool {
        guard head + 1 < events.count, case .mappingStart = events[head], case .mappingEnd = events[head + 1] else { return false }
        return true
    }

    func checkSimpleKey() -> Bool {
        var length = 0
        switch events[head] {
        case .scalar:
            if multiline { return false }
            length += tagHandle.count + value.count
        case .sequenceStart:
            if !checkEmptySequence() { return false }
        case .mappingStart:
            if !checkEmptyMapping() { return false }
        default:
            return false
        }
        return length <= 128
    }

    mutating func selectScalarStyle(_ requested: Style) {
        var s = requested
        if simpleKeyContext && multiline { s = .doubleQuoted }
        if s == .plain {
            if (flowLevel > 0 && !flowPlainAllowed) || (flowLevel == 0 && !blockPlainAllowed) { s = .singleQuoted }
            if value.isEmpty && (flowLevel > 0 || simpleKeyContext) { s = .singleQuoted }
        }
        if s == .singleQuoted && !singleQuotedAllowed { s = .doubleQuoted }
        if s == .literal || s == .folded {
            if !blockAllowed || flowLevel > 0 || simpleKeyContext { s = .doubleQuoted }
        }
        // implicit and quoted_implicit are both set by go-yaml's encoder: no "!" tag.
        style = s
    }

    mutating func processScalar() {
        switch style {
        case .plain: writePlainScalar(allowBreaks: !simpleKeyContext)
        case .singleQuoted: writeSingleQuotedScalar(allowBreaks: !simpleKeyContext)
        case .doubleQuoted: writeDoubleQuotedScalar(allowBreaks: !simpleKeyContext)
        case .literal: writeLiteralScalar()
        case .folded: writeFoldedScalar()
        }
    }

    // MARK: writers

    mutating func writeIndent() {
        let ind = max(indent, 0)
        if !indention || column > ind || (column == ind && !whitespace) {
            putBreak()
        }
        while column < ind { put(0x20) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ indicator: [UInt8], needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        writeAll(indicator)
        whitespace = isWhitespace
        indention = indention && isIndention
        openEnded = false
    }

    mutating func writePlainScalar(allowBreaks: Bool) {
        if !whitespace { put(0x20) }
        writeFlowScalarText(value, allowBreaks: allowBreaks, singleQuoted: false)
        whitespace = false
        indention = false
        if rootContext { openEnded = true }
    }

    mutating func writeSingleQuotedScalar(allowBreaks: Bool) {
        writeIndicator([UInt8(ascii: "'")], needWhitespace: true, isWhitespace: false, isIndention: false)
        writeFlowScalarText(value, allowBreaks: allowBreaks, singleQuoted: true)
        writeIndicator([UInt8(ascii: "'")], needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    /// The text of a plain or single-quoted scalar (libyaml's write_plain and
    /// write_single_quoted): past the best width a lone space becomes a line break, and a
    /// newline is written twice, since a single one would fold into a space. In single quotes
    /// `'` is doubled and neither the first nor the last character breaks the line.
    mutating func writeFlowScalarText(_ v: [UInt8], allowBreaks: Bool, singleQuoted: Bool) {
        var spaces = false, breaks = false
        var i = 0
        while i < v.count {
            if Self.isSpace(v, i) {
                let inside = !singleQuoted || (i > 0 && i < v.count - 1)
                if allowBreaks && !spaces && column > bestWidth && inside && !Self.isSpace(v, i + 1) {
                    writeIndent()
                    i += Self.width(v[i])
                } else {
                    write(v, &i)
                }
                spaces = true
            } else if Self.isBreak(v, i) {
                if !breaks && v[i] == 0x0A { putBreak() }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if singleQuoted && v[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(v, &i)
                indention = false
                spaces = false
                breaks = false
            }
        }
    }

    mutating func writeDoubleQuotedScalar(allowBreaks: Bool) {
        let v = value
        var spaces = false
        writeIndicator([UInt8(ascii: "\"")], needWhitespace: true, isWhitespace: false, isIndention: false)
        let bom = Self.isBOM(v)
        var i = 0
        while i < v.count {
            let c = v[i]
            if !Self.isPrintable(v, i) || bom || Self.isBreak(v, i) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                var w = 1
                var r: UInt32
                switch c {
                case _ where c & 0x80 == 0x00: w = 1; r = UInt32(c & 0x7F)
                case _ where c & 0xE0 == 0xC0: w = 2; r = UInt32(c & 0x1F)
                case _ where c & 0xF0 == 0xE0: w = 3; r = UInt32(c & 0x0F)
                case _ where c & 0xF8 == 0xF0: w = 4; r = UInt32(c & 0x07)
                default: w = 1; r = UInt32(c)
                }
                for k in 1..<max(w, 1) { r = (r << 6) + (UInt32(Self.at(v, i + k)) & 0x3F) }
                i += w
                put(UInt8(ascii: "\\"))
                switch r {
                case 0x00: put(UInt8(ascii: "0"))
                case 0x07: put(UInt8(ascii: "a"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0B: put(UInt8(ascii: "v"))
                case 0x0C: put(UInt8(ascii: "f"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x1B: put(UInt8(ascii: "e"))
                case 0x22: put(UInt8(ascii: "\""))
                case 0x5C: put(UInt8(ascii: "\\"))
                case 0x85: put(UInt8(ascii: "N"))
                case 0xA0: put(UInt8(ascii: "_"))
                case 0x2028: put(UInt8(ascii: "L"))
                case 0x2029: put(UInt8(ascii: "P"))
                default:
                    let digits: Int
                    if r <= 0xFF { put(UInt8(ascii: "x")); digits = 2 }
                    else if r <= 0xFFFF { put(UInt8(ascii: "u")); digits = 4 }
                    else { put(UInt8(ascii: "U")); digits = 8 }
                    var k = (digits - 1) * 4
                    while k >= 0 {
                        let d = UInt8((r >> UInt32(k)) & 0x0F)
                        put(d < 10 ? d + 48 : d + 55)
                        k -= 4
                    }
                }
                spaces = false
            } else if Self.isSpace(v, i) {
                if allowBreaks && !spaces && column > bestWidth && i > 0 && i < v.count - 1 {
                    writeIndent()
                    if Self.isSpace(v, i + 1) { put(UInt8(ascii: "\\")) }
                    i += Self.width(v[i])
                } else {
                    write(v, &i)
                }
                spaces = true
            } else {
                write(v, &i)
                spaces = false
            }
        }
        writeIndicator([UInt8(ascii: "\"")], needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    mutating func writeBlockScalarHints() {
        let v = value
        if Self.isSpace(v, 0) || Self.isBreak(v, 0) {
            writeIndicator([UInt8(ascii: "0") + UInt8(bestIndent)], needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        openEnded = false
        var chomp: UInt8 = 0
        if v.isEmpty {
            chomp = UInt8(ascii: "-")
        } else {
            var i = v.count - 1
            while i > 0 && v[i] & 0xC0 == 0x80 { i -= 1 }
            if !Self.isBreak(v, i) {
                chomp = UInt8(ascii: "-")
            } else if i == 0 {
                chomp = UInt8(ascii: "+")
                openEnded = true
            } else {
                i -= 1
                while i > 0 && v[i] & 0xC0 == 0x80 { i -= 1 }
                if Self.isBreak(v, i) {
                    chomp = UInt8(ascii: "+")
                    openEnded = true
                }
            }
        }
        if chomp != 0 {
            writeIndicator([chomp], needWhitespace: false, isWhitespace: false, isIndention: false)
        }
    }

    /// The start of a literal or folded scalar: its indicator and hints, then a line break.
    mutating func writeBlockScalarHeader(_ indicator: Character) {
        writeIndicator([indicator.asciiValue!], needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints()
        putBreak()
        indention = true
        whitespace = true
    }

    mutating func writeLiteralScalar() {
        let v = value
        writeBlockScalarHeader("|")
        var breaks = true
        var i = 0
        while i < v.count {
            if Self.isBreak(v, i) {
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(v, &i)
                indention = false
                breaks = false
            }
        }
    }

    mutating func writeFoldedScalar() {
        let v = value
        writeBlockScalarHeader(">")
        var breaks = true
        var leadingSpaces = true
        var i = 0
        while i < v.count {
            if Self.isBreak(v, i) {
                if !breaks && !leadingSpaces && v[i] == 0x0A {
                    var k = 0
                    while Self.isBreak(v, k) { k += Self.width(v[k]) }
                    if !Self.isBlankz(v, k) { putBreak() }
                }
                writeBreak(v, &i)
                indention = true
                breaks = true
            } else {
                if breaks {
                    writeIndent()
                    leadingSpaces = Self.isBlank(v, i)
                }
                if !breaks && Self.isSpace(v, i) && !Self.isSpace(v, i + 1) && column > bestWidth {
                    writeIndent()
                    i += Self.width(v[i])
                } else {
                    write(v, &i)
                }
                indention = false
                breaks = false
            }
        }
    }
}
