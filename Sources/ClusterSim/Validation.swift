import KubeAPI

/// The apiserver's validation (pkg/apis/*/validation): field errors in Kubernetes' words.
enum Validation {
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let labelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

    static func validate(_ obj: any APIObject, old: (any APIObject)?) -> [FieldError] {
        var errs = metadata(obj.metadata, namespaced: obj.resource.namespaced, nameIsLabel: obj is Namespace)
        switch obj {
        case let p as Pod:
            if let spec = p.spec { errs += podSpec(spec, path: "spec", restartPolicies: ["Always", "OnFailure", "Never"]) }
            else { errs.append(FieldError("spec.containers", .required(detail: ""))) }
            if let o = old as? Pod { errs += podUpdate(p, o) }
        case let rs as ReplicaSet:
            errs += controllerSpec(replicas: rs.spec?.replicas, selector: rs.spec?.selector, template: rs.spec?.template, kindWord: "replicaset")
            if let o = old as? ReplicaSet, o.spec?.selector != rs.spec?.selector {
                errs.append(FieldError("spec.selector", .invalid(value: goSelector(rs.spec?.selector), detail: "field is immutable")))
            }
        case let d as Deployment:
            errs += controllerSpec(replicas: d.spec?.replicas, selector: d.spec?.selector, template: d.spec?.template, kindWord: "deployment")
            errs += strategy(d.spec?.strategy)
            if let o = old as? Deployment, o.spec?.selector != d.spec?.selector {
                errs.append(FieldError("spec.selector", .invalid(value: goSelector(d.spec?.selector), detail: "field is immutable")))
            }
        default:
            errs += Cluster.strategy(obj.resource)?.validateAny(obj, old: old) ?? []
        }
        return errs
    }

    static func isSubdomain(_ s: String) -> Bool {
        if let ascii = ASCIIName(s) { return ascii.isSubdomain }
        guard !s.isEmpty, s.count <= 253 else { return false }
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0), max: 63) }
    }

    static func isLabel(_ s: String, max: Int = 63) -> Bool {
        if let ascii = ASCIIName(s) { return ascii.isLabel(max: max) }
        guard !s.isEmpty, s.count <= max, let f = s.first, let l = s.last else { return false }
        func alnum(_ c: Character) -> Bool { (c >= "a" && c <= "z") || (c >= "0" && c <= "9") }
        return alnum(f) && alnum(l) && s.allSatisfy { alnum($0) || $0 == "-" }
    }

    static func metadata(_ m: ObjectMeta, namespaced: Bool, nameIsLabel: Bool) -> [FieldError] {
        var errs: [FieldError] = []
        let name = m.name ?? ""
        if name.isEmpty {
            errs.append(FieldError("metadata.name", .required(detail: "name or generateName is required")))
        } else if nameIsLabel ? !isLabel(name) : !isSubdomain(name) {
            errs.append(FieldError("metadata.name", .invalid(value: FieldError.quote(name), detail: nameIsLabel ? labelMessage : subdomainMessage)))
        }
        for (k, v) in (m.labels ?? [:]).sorted(by: { $0.key < $1.key }) {
            if !labelValueOK(v) {
                errs.append(FieldError("metadata.labels", .invalid(value: FieldError.quote(v), detail: "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")))
            }
            _ = k
        }
        return errs
    }

    static func labelValueOK(_ v: String) -> Bool {
        if let ascii = ASCIIName(v) { return ascii.isLabelValue }
        if v.isEmpty { return true }
        guard v.count <= 63, let f = v.first, let l = v.last, f.isLetter || f.isNumber, l.isLetter || l.isNumber else { return false }
        return v.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) }
    }

    /// Whether the text starts with a visible ASCII character, which trimming whitespace
    /// keeps: a cheap answer for the usual image reference.
    static func startsVisibly(_ s: String) -> Bool {
        guard let f = s.utf8.first else { return false }
        return f > 0x20 && f < 0x7F
    }

    static func podSpec(_ spec: PodSpec, path: String, restartPolicies: [String]) -> [FieldError] {
        var errs: [FieldError] = []
        if spec.containers.isEmpty { errs.append(FieldError("\(path).containers", .required(detail: ""))) }
        var names = Set<String>()
        for (i, c) in spec.containers.enumerated() {
            // The field path, only spelled out for an error.
            var p: String { "\(path).containers[\(i)]" }
            if c.name.isEmpty { errs.append(FieldError("\(p).name", .required(detail: ""))) }
            else if !isLabel(c.name) { errs.append(FieldError("\(p).name", .invalid(value: FieldError.quote(c.name), detail: labelMessage))) }
            else if !names.insert(c.name).inserted { errs.append(FieldError("\(p).name", .duplicate(value: FieldError.quote(c.name)))) }
            if !startsVisibly(c.image ?? ""), (c.image ?? "").trimmingCharacters(in: .whitespaces).isEmpty { errs.append(FieldError("\(p).image", .required(detail: ""))) }
            for (j, port) in (c.ports ?? []).enumerated() {
                let cp = port.containerPort ?? 0
                if cp < 1 || cp > 65535 {
                    errs.append(FieldError("\(p).ports[\(j)].containerPort", cp == 0 ? .required(detail: "") : .invalid(value: String(cp), detail: "must be between 1 and 65535, inclusive")))
                }
            }
            if let pp = c.imagePullPolicy, !["Always", "IfNotPresent", "Never"].contains(pp) {
                errs.append(FieldError("\(p).imagePullPolicy", .unsupported(value: FieldError.quote(pp), supported: ["Always", "IfNotPresent", "Never"])))
            }
        }
        if let rp = spec.restartPolicy, !restartPolicies.contains(rp) {
            errs.append(FieldError("\(path).restartPolicy", .unsupported(value: FieldError.quote(rp), supported: restartPolicies)))
        }
        return errs
    }

    static func goMap(_ m: [String: String]?) -> String {
        guard let m = m else { return "map[string]string(nil)" }
        return "map[string]string{" + m.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ", ") + "}"
    }

    static func goSelector(_ s: LabelSelector?) -> String {
        let ml = goMap(s?.matchLabels)
        let me: String
        if let exprs = s?.matchExpressions {
            me = "[]v1.LabelSelectorRequirement{" + exprs.map {
                "v1.LabelSelectorRequirement{Key:\"\($0.key)\", Operator:\"\($0.operator)\", Values:[]string{" + ($0.values ?? []).map { "\"\($0)\"" }.joined(separator: ", ") + "}}"
            }.joined(separator: ", ") + "}"
        } else { me = "[]v1.LabelSelectorRequirement(nil)" }
        return "v1.LabelSelector{MatchLabels:\(ml), MatchExpressions:\(me)}"
    }

    static func controllerSpec(replicas: Int?, selector: LabelSelector?, template: PodTemplateSpec?, kindWord: String) -> [FieldError] {
        var errs: [FieldError] = []
        if let r = replicas, r < 0 {
            errs.append(FieldError("spec.replicas", .invalid(value: String(r), detail: "must be greater than or equal to 0")))
        }
        if selector == nil {
            errs.append(FieldError("spec.selector", .required(detail: "")))
        } else if selector!.isEmpty {
            errs.append(FieldError("spec.selector", .invalid(value: goSelector(selector), detail: "empty selector is invalid for \(kindWord)")))
        }
        guard let t = template else {
            errs.append(FieldError("spec.template.metadata.labels", .invalid(value: "map[string]string(nil)", detail: "`selector` does not match template `labels`")))
            errs.append(FieldError("spec.template.spec.containers", .required(detail: "")))
            return errs
        }
        if let sel = selector, !sel.isEmpty, !sel.matches(t.metadata?.labels) {
            errs.append(FieldError("spec.template.metadata.labels", .invalid(value: goMap(t.metadata?.labels), detail: "`selector` does not match template `labels`")))
        }
        if let spec = t.spec {
            errs += podSpec(spec, path: "spec.template.spec", restartPolicies: ["Always"])
        } else {
            errs.append(FieldError("spec.template.spec.containers", .required(detail: "")))
        }
        return errs
    }

    static func strategy(_ s: DeploymentStrategy?) -> [FieldError] {
        guard let s = s else { return [] }
        var errs: [FieldError] = []
        switch s.type {
        case "Recreate":
            if s.rollingUpdate != nil {
                errs.append(FieldError("spec.strategy.rollingUpdate", .forbidden(detail: "may not be specified when strategy `type` is 'Recreate'")))
            }
        case "RollingUpdate", nil:
            let ru = s.rollingUpdate
            for (name, v) in [("maxSurge", ru?.maxSurge), ("maxUnavailable", ru?.maxUnavailable)] {
                guard let v = v else { continue }
                switch v {
                case .int(let i) where i < 0:
                    errs.append(FieldError("spec.strategy.rollingUpdate.\(name)", .invalid(value: String(i), detail: "must be greater than or equal to 0")))
                case .string(let str) where !(str.hasSuffix("%") && Int(str.dropLast()) != nil):
                    errs.append(FieldError("spec.strategy.rollingUpdate.\(name)", .invalid(value: FieldError.quote(str), detail: "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")))
                default: break
                }
            }
            if let mu = ru?.maxUnavailable, case .string(let str) = mu, let n = Int(str.dropLast()), n > 100 {
                errs.append(FieldError("spec.strategy.rollingUpdate.maxUnavailable", .invalid(value: FieldError.quote(str), detail: "must not be greater than 100%")))
            }
            if isZero(ru?.maxSurge), isZero(ru?.maxUnavailable) {
                errs.append(FieldError("spec.strategy.rollingUpdate.maxUnavailable", .invalid(value: goIntOrString(ru?.maxUnavailable), detail: "may not be 0 when `maxSurge` is 0")))
            }
        case let t?:
            errs.append(FieldError("spec.strategy.type", .unsupported(value: FieldError.quote(t), supported: ["Recreate", "RollingUpdate"])))
        }
        return errs
    }

    static func isZero(_ v: IntOrString?) -> Bool {
        switch v {
        case .int(0)?: return true
        case .string(let s)? where s == "0%": return true
        default: return false
        }
    }

    static func goIntOrString(_ v: IntOrString?) -> String {
        switch v {
        case .int(let i)?: return "intstr.IntOrString{Type:0, IntVal:\(i), StrVal:\"\"}"
        case .string(let s)?: return "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"\(s)\"}"
        case nil: return "<nil>"
        }
    }

    static func podUpdate(_ new: Pod, _ old: Pod) -> [FieldError] {
        guard var a = new.spec, var b = old.spec else { return [] }
        // Only images (and a few scheduling fields) may change on a running pod.
        for i in a.containers.indices where i < b.containers.count { a.containers[i].image = b.containers[i].image }
        a.activeDeadlineSeconds = b.activeDeadlineSeconds
        a.tolerations = b.tolerations
        if b.nodeName == nil { b.nodeName = a.nodeName }
        if a == b { return [] }
        return [FieldError("spec", .forbidden(detail: "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"))]
    }
}

/// Name checks over ASCII text, byte by byte. Every valid name is ASCII, and for ASCII text
/// characters are bytes (a CR LF pair is one character, but fails every check either way), so
/// these agree with the character-based checks above, which remain for other text.
struct ASCIIName {
    private let bytes: String.UTF8View

    init?(_ s: String) {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        bytes = s.utf8
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
    private static func isAlnum(_ b: UInt8) -> Bool { isLowerAlnum(b) || (b >= 0x41 && b <= 0x5A) }

    private static func isLabel<Bytes: Collection<UInt8>>(_ part: Bytes, max: Int) -> Bool {
        guard let f = part.first, part.count <= max else { return false }
        var l = f
        for b in part {
            guard isLowerAlnum(b) || b == UInt8(ascii: "-") else { return false }
            l = b
        }
        return isLowerAlnum(f) && isLowerAlnum(l)
    }

    func isLabel(max: Int) -> Bool { ASCIIName.isLabel(bytes, max: max) }

    var isSubdomain: Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { ASCIIName.isLabel($0, max: 63) }
    }

    var isLabelValue: Bool {
        guard let f = bytes.first, let l = bytes.last else { return true }
        guard bytes.count <= 63, ASCIIName.isAlnum(f), ASCIIName.isAlnum(l) else { return false }
        return bytes.allSatisfy { ASCIIName.isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}
