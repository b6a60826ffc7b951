import Foundation

// A port of Go's text/tabwriter (elastic tabstops) including the RememberWidths extension of
// github.com/liggitt/tabwriter, the fork kubectl uses for `kubectl get` output.
//
// The algorithm is ported line by line (Write → cells, Flush → format/writeLines) because the
// observable output depends on its details: a column is a run of *consecutive* lines that have
// a tab-terminated cell at that index; the last cell of a line is never part of a column (so
// it is not padded); a line with a single cell ends every column block (Write even flushes
// there); and with RememberWidths the width of column N never shrinks across flushes.
//
// Widths are counted in Unicode scalars (Go: utf8.RuneCount), not display cells: a CJK
// character counts 1, just as in kubectl (verified with `kubectl config get-contexts`).

/// Formatting flags of Go's tabwriter (plus RememberWidths from liggitt/tabwriter).
public struct TabWriterFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt
    public init(rawValue: UInt) { self.rawValue = rawValue }

    /// Ignore html tags and treat entities (`&...;`) as single characters.
    public static let filterHTML = TabWriterFlags(rawValue: 1 << 0)
    /// Strip Escape (0xff) characters bracketing escaped text segments.
    public static let stripEscape = TabWriterFlags(rawValue: 1 << 1)
    /// Force right-alignment of cell content.
    public static let alignRight = TabWriterFlags(rawValue: 1 << 2)
    /// Handle empty columns terminated only by '\v' as if they were not present.
    public static let discardEmptyColumns = TabWriterFlags(rawValue: 1 << 3)
    /// Always use tabs for indentation columns (leading empty cells).
    public static let tabIndent = TabWriterFlags(rawValue: 1 << 4)
    /// Print a vertical bar ('|') between columns (after formatting).
    public static let debug = TabWriterFlags(rawValue: 1 << 5)
    /// liggitt/tabwriter: remember maximum widths per column even after Flush().
    public static let rememberWidths = TabWriterFlags(rawValue: 1 << 6)
}

/// `tabwriter.NewWriter(output, minwidth, tabwidth, padding, padchar, flags)` parameters.
public struct TabWriterConfig: Sendable, Hashable {
    /// Minimal cell width including any padding.
    public var minWidth: Int
    /// Width of tab characters (only used when padding with tabs).
    public var tabWidth: Int
    /// Padding added to a cell before computing its width.
    public var padding: Int
    /// ASCII byte used for padding; '\t' switches to tab padding.
    public var padChar: UInt8
    public var flags: TabWriterFlags

    public init(minWidth: Int, tabWidth: Int, padding: Int, padChar: UInt8 = UInt8(ascii: " "),
                flags: TabWriterFlags = []) {
        // Go panics on negative values; clamp instead so no input can crash us.
        self.minWidth = max(0, minWidth)
        self.tabWidth = max(0, tabWidth)
        self.padding = max(0, padding)
        self.padChar = padChar
        // Go: "tab padding enforces left-alignment".
        self.flags = padChar == UInt8(ascii: "\t") ? flags.subtracting(.alignRight) : flags
    }

    /// cli-runtime `printers.GetNewTabWriter`: what `kubectl get` (and `config get-contexts`,
    /// `api-resources`, …) lay their tables out with.
    public static let kubectlTable = TabWriterConfig(minWidth: 6, tabWidth: 4, padding: 3,
                                                      flags: [.rememberWidths])

    /// `kubectl describe` (`tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`) and `rollout history`.
    public static let kubectlDescribe = TabWriterConfig(minWidth: 0, tabWidth: 8, padding: 2)
}

/// One-shot formatting: `w := tabwriter.NewWriter(...); w.Write(text); w.Flush()`.
public struct TabWriter: Sendable {
    public let config: TabWriterConfig

    public init(_ config: TabWriterConfig) { self.config = config }

    /// Formats raw tabwriter input (cells terminated by '\t', lines by '\n').
    public func format(_ text: String) -> String {
        var w = TabWriterState(config: config)
        var out = w.write(Array(text.utf8))
        out += w.flush()
        return TabWriterState.string(out)
    }

    /// Formats rows the way kubectl's printers write them: cells joined by '\t', every row
    /// terminated by '\n'. The last cell of a row is therefore not padded.
    public func format(rows: [[String]]) -> String {
        format(TabWriter.encode(rows: rows))
    }

    /// Convenience for callers that built lines themselves (each line gets a '\n').
    public func format(lines: [String]) -> String {
        format(lines.map { $0 + "\n" }.joined())
    }

    /// Joins cells with '\t' and terminates each row with '\n' (cli-runtime printRows).
    public static func encode(rows: [[String]]) -> String {
        var s = ""
        for row in rows {
            s += row.joined(separator: "\t")
            s += "\n"
        }
        return s
    }

    /// cli-runtime table printer cell sanitising: truncate at the first '\n', '\r' or '\f'
    /// (tabwriter would treat them as line breaks) and append "...", then replace terminal
    /// escapes (`ESC` → `^[`, `\r` → `\r` literally) as `printers.WriteEscaped` does.
    public static func tableCell(_ value: String) -> String {
        var text = value
        var truncated = false
        if let i = value.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) {
            text = String(value.unicodeScalars[..<i])
            truncated = true
        }
        text = escapeTerminal(text)
        return truncated ? text + "..." : text
    }

    /// cli-runtime `printers.EscapeTerminal`: `strings.NewReplacer("\x1b", "^[", "\r", "\\r")`.
    public static func escapeTerminal(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\u{1B}" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\u{1B}": out.append(contentsOf: "^[".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }
}

/// A long-lived writer for `kubectl get -w`: kubectl keeps one tabwriter (RememberWidths) for
/// the whole watch and calls Flush after the initial list and after every event. Each call
/// returns the text that the corresponding Write/Flush emitted.
public struct StreamingTableWriter: Sendable {
    private var state: TabWriterState

    public init(_ config: TabWriterConfig = .kubectlTable) {
        state = TabWriterState(config: config)
    }

    /// `w.Write(text)`: buffers; returns whatever Go would already emit (a line with a single
    /// cell, or a '\f', forces an internal flush).
    public mutating func write(_ text: String) -> String {
        TabWriterState.string(state.write(Array(text.utf8)))
    }

    /// `w.Flush()`: formats and returns everything buffered.
    public mutating func flush() -> String {
        TabWriterState.string(state.flush())
    }

    /// Writes the rows (cells joined by '\t', one '\n' per row) and flushes: one watch event.
    public mutating func writeBatch(rows: [[String]]) -> String {
        let a = write(TabWriter.encode(rows: rows))
        return a + flush()
    }

    /// liggitt/tabwriter `RememberedWidths()`.
    public var rememberedWidths: [Int] { state.maxwidths }

    /// liggitt/tabwriter `SetRememberedWidths(widths)`; kubectl calls it with nil when it
    /// switches to a new resource kind so each kind's table gets its own widths.
    public mutating func setRememberedWidths(_ widths: [Int]) {
        state.maxwidths = widths
    }
}

// MARK: - The ported algorithm

/// Mutable state of one Go tabwriter.Writer; byte-oriented like the original.
struct TabWriterState: Sendable {
    private struct Cell: Sendable {
        var size = 0        // cell size in bytes
        var width = 0       // cell width in runes
        var htab = false    // true if the cell is terminated by an htab ('\t')
    }

    let minwidth: Int
    let tabwidth: Int
    let padding: Int
    let padchar: UInt8
    let flags: TabWriterFlags

    private var buf: [UInt8] = []        // collected text excluding tabs or line breaks
    private var pos = 0                  // position up to which cell.width has been computed
    private var cell = Cell()            // current incomplete cell
    private var endChar: UInt8 = 0       // terminating char of escaped sequence, or 0
    private var lines: [[Cell]] = [[]]   // list of lines; each line is a list of cells
    private var widths: [Int] = []       // column widths in runes, re-used during formatting
    var maxwidths: [Int] = []            // RememberWidths: max column widths seen so far

    private var output: [UInt8] = []

    static let escape: UInt8 = 0xFF

    init(config: TabWriterConfig) {
        minwidth = config.minWidth
        tabwidth = config.tabWidth
        padding = config.padding
        padchar = config.padChar
        flags = config.flags
    }

    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private mutating func reset() {
        buf.removeAll(keepingCapacity: true)
        pos = 0
        cell = Cell()
        endChar = 0
        lines = [[]]
        widths.removeAll(keepingCapacity: true)
    }

    // MARK: output helpers

    private mutating func writePadding(textw: Int, cellw: Int, useTabs: Bool) {
        if padchar == UInt8(ascii: "\t") || useTabs {
            // padding is done with tabs
            if tabwidth == 0 { return } // tabs have no width - can't do any padding
            // make cellw the smallest multiple of tabwidth
            let cw = (cellw + tabwidth - 1) / tabwidth * tabwidth
            let n = cw - textw // amount of padding
            if n <= 0 { return } // Go panics("internal error") for n < 0; be lenient
            output.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: (n + tabwidth - 1) / tabwidth))
            return
        }
        // padding is done with non-tab characters
        if cellw > textw {
            output.append(contentsOf: repeatElement(padchar, count: cellw - textw))
        }
    }

    private mutating func writeLines(_ pos0: Int, _ line0: Int, _ line1: Int) -> Int {
        var pos = pos0
        for i in line0..<line1 {
            let line = lines[i]
            // if TabIndent is set, use tabs to pad leading empty cells
            var useTabs = flags.contains(.tabIndent)

            for (j, c) in line.enumerated() {
                if j > 0 && flags.contains(.debug) {
                    output.append(UInt8(ascii: "|")) // indicate column break
                }
                if c.size == 0 {
                    // empty cell
                    if j < widths.count {
                        writePadding(textw: c.width, cellw: widths[j], useTabs: useTabs)
                    }
                } else {
                    // non-empty cell
                    useTabs = false
                    if !flags.contains(.alignRight) { // align left
                        output.append(contentsOf: buf[pos..<(pos + c.size)])
                        pos += c.size
                        if j < widths.count {
                            writePadding(textw: c.width, cellw: widths[j], useTabs: false)
                        }
                    } else { // align right
                        if j < widths.count {
                            writePadding(textw: c.width, cellw: widths[j], useTabs: false)
                        }
                        output.append(contentsOf: buf[pos..<(pos + c.size)])
                        pos += c.size
                    }
                }
            }

            if i + 1 == lines.count {
                // last buffered line - we don't have a newline, so just write
                // any outstanding buffered data
                output.append(contentsOf: buf[pos..<(pos + cell.size)])
                pos += cell.size
            } else {
                // not the last line - write newline
                output.append(UInt8(ascii: "\n"))
            }
        }
        return pos
    }

    /// Format the text between line0 and line1 (excluding line1); pos0 is the buffer position
    /// corresponding to the beginning of line0. Returns the position of the beginning of line1.
    private mutating func format(_ pos0: Int, _ line0In: Int, _ line1: Int) -> Int {
        var pos = pos0
        var line0 = line0In
        let column = widths.count
        var this = line0
        while this < line1 {
            if column >= lines[this].count - 1 {
                this += 1
                continue
            }
            // cell exists in this column => this line has more cells than the previous line
            // (the last cell per line is ignored because cells are tab-terminated; the last
            // cell per line describes the text before the newline/formfeed and does not
            // belong to a column)

            // print unprinted lines until beginning of block
            pos = writeLines(pos, line0, this)
            line0 = this

            // column block begin
            var width = minwidth // minimal column width
            var discardable = true // true if all cells in this column are empty and "soft"
            while this < line1 {
                let line = lines[this]
                if column >= line.count - 1 { break }
                // cell exists in this column
                let c = line[column]
                // update width
                let w = c.width + padding
                if w > width { width = w }
                // update discardable
                if c.width > 0 || c.htab { discardable = false }
                this += 1
            }
            // column block end

            // discard empty columns if necessary
            if discardable && flags.contains(.discardEmptyColumns) {
                width = 0
            }

            if flags.contains(.rememberWidths) {
                if maxwidths.count < widths.count {
                    maxwidths.append(contentsOf: widths[maxwidths.count...])
                }
                if maxwidths.count == widths.count {
                    maxwidths.append(width)
                } else if maxwidths[widths.count] > width {
                    width = maxwidths[widths.count]
                } else if maxwidths[widths.count] < width {
                    maxwidths[widths.count] = width
                }
            }

            // format and print all columns to the right of this column
            // (we know the widths of this column and all columns to the left)
            widths.append(width) // push width
            pos = format(pos, line0, this)
            widths.removeLast() // pop width
            line0 = this
        }

        // print unprinted lines until end
        return writeLines(pos, line0, line1)
    }

    // MARK: input

    /// Append text to current cell.
    private mutating func append(_ text: ArraySlice<UInt8>) {
        buf.append(contentsOf: text)
        cell.size += text.count
    }

    /// Update the cell width (Go: utf8.RuneCount; each invalid byte counts as one rune).
    private mutating func updateWidth() {
        cell.width += TabWriterState.runeCount(buf[pos...])
        pos = buf.count
    }

    static func runeCount(_ bytes: ArraySlice<UInt8>) -> Int {
        // Count bytes that are not UTF-8 continuation bytes. For the valid UTF-8 that Swift
        // strings always contain this equals utf8.RuneCount.
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Start escaped mode.
    private mutating func startEscape(_ ch: UInt8) {
        switch ch {
        case TabWriterState.escape: endChar = TabWriterState.escape
        case UInt8(ascii: "<"): endChar = UInt8(ascii: ">")
        case UInt8(ascii: "&"): endChar = UInt8(ascii: ";")
        default: break
        }
    }

    /// Terminate escaped mode. HTML tags have zero width, entities width one; escaped text
    /// counts its runes (without the Escape characters).
    private mutating func endEscape() {
        switch endChar {
        case TabWriterState.escape:
            updateWidth()
            if !flags.contains(.stripEscape) {
                cell.width -= 2 // don't count the Escape chars
            }
        case UInt8(ascii: ">"): break // tag of zero width
        case UInt8(ascii: ";"): cell.width += 1 // entity, count as one rune
        default: break
        }
        pos = buf.count
        endChar = 0
    }

    /// Terminate the current cell by adding it to the list of cells of the current line.
    /// Returns the number of cells in that line.
    private mutating func terminateCell(_ htab: Bool) -> Int {
        cell.htab = htab
        lines[lines.count - 1].append(cell)
        cell = Cell()
        return lines[lines.count - 1].count
    }

    /// Go `Flush()`: returns the formatted output accumulated since the last call.
    mutating func flush() -> [UInt8] {
        flushInternal()
        let out = output
        output = []
        return out
    }

    private mutating func flushInternal() {
        // add current cell if not empty
        if cell.size > 0 {
            if endChar != 0 {
                // inside escape - terminate it even if incomplete
                endEscape()
            }
            _ = terminateCell(false)
        }
        // format contents of buffer
        _ = format(0, 0, lines.count)
        reset()
    }

    /// Go `Write(buf)`: returns output that had to be emitted already.
    mutating func write(_ input: [UInt8]) -> [UInt8] {
        var n = 0
        for i in input.indices {
            let ch = input[i]
            if endChar == 0 {
                // outside escape
                switch ch {
                case UInt8(ascii: "\t"), 0x0B, UInt8(ascii: "\n"), 0x0C:
                    // end of cell
                    append(input[n..<i])
                    updateWidth()
                    n = i + 1 // ch consumed
                    let ncells = terminateCell(ch == UInt8(ascii: "\t"))
                    if ch == UInt8(ascii: "\n") || ch == 0x0C {
                        // terminate line
                        lines.append([])
                        if ch == 0x0C || ncells == 1 {
                            // A '\f' always forces a flush. Otherwise, if the previous line has
                            // only one cell which does not have an impact on the formatting of
                            // the following lines (the last cell per line is ignored by
                            // format()), thus we can flush the Writer contents.
                            flushInternal()
                            if ch == 0x0C && flags.contains(.debug) {
                                output.append(contentsOf: Array("---\n".utf8)) // section break
                            }
                        }
                    }
                case TabWriterState.escape:
                    // start of escaped sequence
                    append(input[n..<i])
                    updateWidth()
                    n = i
                    if flags.contains(.stripEscape) {
                        n += 1 // strip Escape
                    }
                    startEscape(TabWriterState.escape)
                case UInt8(ascii: "<"), UInt8(ascii: "&"):
                    // possibly an html tag/entity
                    if flags.contains(.filterHTML) {
                        // begin of tag/entity
                        append(input[n..<i])
                        updateWidth()
                        n = i
                        startEscape(ch)
                    }
                default:
                    break
                }
            } else {
                // inside escape
                if ch == endChar {
                    // end of tag/entity
                    var j = i + 1
                    if ch == TabWriterState.escape && flags.contains(.stripEscape) {
                        j = i // strip Escape
                    }
                    append(input[n..<j])
                    n = i + 1 // ch consumed
                    endEscape()
                }
            }
        }
        // append leftover text
        append(input[n...])
        let out = output
        output = []
        return out
    }
}
