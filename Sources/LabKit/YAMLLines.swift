/// Where each key and list item of a block-style YAML file starts, so lint can say
/// `lab.yaml:42:`. The YAML codec yields values without positions; this light scan of the
/// indentation recovers them for the block style lab files are written in. Paths look like
/// `steps[2].checks[0].path`. Anything it cannot place falls back to its parent's line.
struct YAMLLines {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        struct Open { var column: Int; var path: String; var isItem: Bool }
        var stack: [Open] = []
        var itemCounts: [String: Int] = [:]
        // Inside a block scalar (`|` / `>`): lines indented deeper than this column belong to it.
        var blockColumn: Int? = nil
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let column = line.prefix(while: { $0 == " " }).count
            var content = line.dropFirst(column)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if let b = blockColumn {
                if column > b { continue }
                blockColumn = nil
            }
            if content.hasPrefix("---") || content.hasPrefix("...") { continue }
            var col = column
            // `- ` opens a list item; `- - x` nests.
            while content == "-" || content.hasPrefix("- ") {
                while let top = stack.last, top.column > col || (top.column == col && top.isItem) { stack.removeLast() }
                let parent = stack.last?.path ?? ""
                let index = itemCounts[parent, default: 0]
                itemCounts[parent] = index + 1
                let path = "\(parent)[\(index)]"
                if lines[path] == nil { lines[path] = number }
                stack.append(Open(column: col, path: path, isItem: true))
                let afterDash = content.dropFirst(1)
                let spaces = afterDash.prefix(while: { $0 == " " }).count
                col += 1 + spaces
                content = afterDash.dropFirst(spaces)
            }
            guard let (key, value) = YAMLLines.splitKey(content) else { continue }
            while let top = stack.last, top.column >= col { stack.removeLast() }
            let parent = stack.last?.path ?? ""
            let path = parent.isEmpty ? key : "\(parent).\(key)"
            if lines[path] == nil { lines[path] = number }
            stack.append(Open(column: col, path: path, isItem: false))
            let v = value.trimmingSpaces
            if v.hasPrefix("|") || v.hasPrefix(">") { blockColumn = col }
        }
    }

    /// `key: value` → (key, value); nil for a plain scalar line.
    private static func splitKey(_ s: Substring) -> (String, Substring)? {
        if let q = s.first, q == "\"" || q == "'" {
            guard let close = s.dropFirst().firstIndex(of: q) else { return nil }
            let after = s[s.index(after: close)...]
            guard after.hasPrefix(":") else { return nil }
            return (String(s[s.index(after: s.startIndex)..<close]), after.dropFirst())
        }
        if s.hasPrefix("{") || s.hasPrefix("[") { return nil }
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == ":" {
                let next = s.index(after: i)
                if next == s.endIndex || s[next] == " " {
                    return (String(s[..<i]).trimmingSpaces, s[next...])
                }
            }
            if s[i] == " " && s[s.index(after: i)...].hasPrefix("#") { return nil }
            i = s.index(after: i)
        }
        return nil
    }

    /// The line of `path`, or of its nearest located ancestor; 1 when nothing is known.
    func line(_ path: String) -> Int {
        var p = Substring(path)
        while !p.isEmpty {
            if let n = lines[String(p)] { return n }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return 1
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let a = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let b = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(String.UnicodeScalarView(scalars[a...b]))
    }
}
