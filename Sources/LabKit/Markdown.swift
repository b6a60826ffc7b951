import Foundation

/// Renders the Markdown of step instructions for a terminal: headings, **bold**, `code`
/// spans, fenced code blocks and lists. With `color` off (pipes, NO_COLOR, tests) the
/// markup is simply dropped, so the text reads as plain prose.
public enum Markdown {
    public static func render(_ text: String, color: Bool) -> String {
        var out: [String] = []
        var inCode = false
        var listItemIndent: Int? = nil
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode {
                out.append("    " + (color ? "\u{1B}[36m\(line)\u{1B}[0m" : line))
                continue
            }
            if trimmed.hasPrefix("#") {
                let title = String(trimmed.drop(while: { $0 == "#" })).trimmingSpaces
                out.append(color ? "\u{1B}[1;4m\(inline(title, color: color))\u{1B}[0m" : inline(title, color: color))
                continue
            }
            let indent = String(line.prefix(while: { $0 == " " }))
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                out.append(indent + "  • " + inline(String(trimmed.dropFirst(2)), color: color))
                listItemIndent = indent.count
                continue
            }
            // A wrapped list item: line it up under the item's text.
            if let item = listItemIndent, !trimmed.isEmpty, indent.count > item {
                out.append(String(repeating: " ", count: item + 4) + inline(trimmed, color: color))
                continue
            }
            listItemIndent = nil
            out.append(indent + inline(trimmed, color: color))
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// `code` and **bold** inside a line.
    static func inline(_ s: String, color: Bool) -> String {
        var out = ""
        var rest = Substring(s)
        while let i = rest.firstIndex(where: { $0 == "`" || $0 == "*" }) {
            out += rest[..<i]
            if rest[i] == "`", let close = rest[rest.index(after: i)...].firstIndex(of: "`") {
                let code = rest[rest.index(after: i)..<close]
                out += color ? "\u{1B}[36m\(code)\u{1B}[0m" : String(code)
                rest = rest[rest.index(after: close)...]
            } else if rest[i...].hasPrefix("**"), let close = rest[rest.index(i, offsetBy: 2)...].range(of: "**") {
                let bold = rest[rest.index(i, offsetBy: 2)..<close.lowerBound]
                out += color ? "\u{1B}[1m\(bold)\u{1B}[0m" : String(bold)
                rest = rest[close.upperBound...]
            } else {
                out.append(rest[i])
                rest = rest[rest.index(after: i)...]
            }
        }
        return out + rest
    }
}
