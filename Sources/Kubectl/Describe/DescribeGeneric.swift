import Foundation
import KubeAPI
import ClusterSim

extension DescribeContext {
    /// genericDescriber: what kubectl prints for a kind it has no describer for (here: Event).
    func describeGeneric(_ object: any APIObject) -> String {
        let w = DescribeWriter()
        var content = object.toJSON()
        if object is Event, content["eventTime"] == nil {
            // metav1.MicroTime without omitempty: the apiserver always sends `eventTime: null`.
            content["eventTime"] = .null
        }
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace)\n")
        printLabels(w, "Labels", object.metadata.labels)
        printAnnotations(w, "Annotations", object.metadata.annotations)
        printUnstructured(w, 0, content.objectValue ?? [:], prefix: "",
                          skip: [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"])
        describeEvents(w, events(for: object))
        return w.finish()
    }

    /// printUnstructuredContent.
    private func printUnstructured(_ w: DescribeWriter, _ level: Int, _ content: [String: JSONValue], prefix: String, skip: Set<String>) {
        for field in content.keys.sorted(by: GoText.less) {
            let value = content[field]!
            let path = "\(prefix).\(field)"
            if skip.contains(path) { continue }
            switch value {
            case .object(let o):
                w.write(level, "\(DescribeContext.smartLabel(field)):\n")
                printUnstructured(w, level + 1, o, prefix: path, skip: skip)
            case .array(let a):
                w.write(level, "\(DescribeContext.smartLabel(field)):\n")
                for child in a {
                    if case .object(let o) = child {
                        printUnstructured(w, level + 1, o, prefix: path, skip: skip)
                    } else {
                        w.write(level + 1, "\(GoFmt.v(GoDynamic(child)))\n")
                    }
                }
            default:
                w.write(level, "\(DescribeContext.smartLabel(field)):\t\(GoFmt.v(GoDynamic(value)))\n")
            }
        }
    }

    /// smartLabelFor: `apiVersion` → `API Version`, `involvedObject` → `Involved Object`.
    static func smartLabel(_ field: String) -> String {
        if field.unicodeScalars.contains(where: { !$0.properties.generalCategory.isLetter && $0 != "-" }) {
            return field
        }
        let acronyms: Set<String> = ["API", "URL", "UID", "OSB", "GUID"]
        return camelCaseSplit(field).compactMap { part -> String? in
            if part == "_" { return nil }
            if acronyms.contains(part.uppercased()) { return part.uppercased() }
            return goTitle(part)
        }.joined(separator: " ")
    }

    /// github.com/fatih/camelcase Split.
    static func camelCaseSplit(_ src: String) -> [String] {
        var runs: [[Unicode.Scalar]] = []
        var last = 0
        for r in src.unicodeScalars {
            let p = r.properties
            let cls = p.isLowercase && p.generalCategory == .lowercaseLetter ? 1
                : p.generalCategory == .uppercaseLetter ? 2
                : p.generalCategory == .decimalNumber ? 3 : 4
            if cls == last, !runs.isEmpty { runs[runs.count - 1].append(r) } else { runs.append([r]) }
            last = cls
        }
        var i = 0
        while i < runs.count - 1 {
            if let f = runs[i].first, f.properties.generalCategory == .uppercaseLetter,
               let g = runs[i + 1].first, g.properties.generalCategory == .lowercaseLetter {
                runs[i + 1].insert(runs[i].removeLast(), at: 0)
            }
            i += 1
        }
        return runs.filter { !$0.isEmpty }.map { String(String.UnicodeScalarView($0)) }
    }

    /// strings.Title: upper-cases the first letter of each word.
    static func goTitle(_ s: String) -> String {
        var out = ""
        var prevLetter = false
        for ch in s.unicodeScalars {
            let isLetter = ch.properties.generalCategory.isLetter || ch.properties.generalCategory == .decimalNumber || ch == "_" || ch == "'"
            if isLetter && !prevLetter { out += String(ch).uppercased() } else { out.unicodeScalars.append(ch) }
            prevLetter = isLetter
        }
        return out
    }
}

private extension Unicode.GeneralCategory {
    var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
