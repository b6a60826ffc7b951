import KubeAPI

/// kubectl describe's output path: a prefix writer (two spaces per level) in front of a
/// tabwriter configured as `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`.
///
/// Text is collected until `flush()` (DescribeEvents flushes before the events table, so
/// that table aligns on its own) and laid out by the shared `TabWriter` port. Everything
/// written goes through the terminal escaper first, as `printers.WriteEscaped` does.
final class DescribeWriter {
    private var buffer = ""
    private var done = ""

    /// `w.Write(level, text)`: indentation, then the already formatted text.
    func write(_ level: Int, _ text: String) {
        buffer += DescribeWriter.escape(String(repeating: "  ", count: level) + text)
    }

    /// `w.WriteLine(text)`: `fmt.Sprintln` of one value, no indentation.
    func writeLine(_ text: String = "") {
        buffer += DescribeWriter.escape(text + "\n")
    }

    /// `w.Flush()`: lays out everything buffered so far; later text aligns independently.
    func flush() {
        guard !buffer.isEmpty else { return }
        done += TabWriter(.kubectlDescribe).format(buffer)
        buffer = ""
    }

    /// The final text (`tabbedString` flushes once at the end).
    func finish() -> String {
        flush()
        return done
    }

    /// cli-runtime `printers.WriteEscaped`: ESC becomes `^[`, CR becomes a literal `\r`.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x1B || $0 == 0x0D }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\u{1B}": out += "^["
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
