import KubeAPI

/// Enough of apimachinery's `resource.Quantity` for describe: parse the stored text, add,
/// compare, `Value()`/`MilliValue()` (rounded up) and the canonical `String()` the apiserver
/// would have stored (`0.5` → `500m`, `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`).
///
/// The amount is `mantissa × 10^scale`; quantities kubectl shows fit an Int comfortably.
struct ResourceAmount: Equatable {
    enum Format { case decimalSI, binarySI, decimalExponent }

    var mantissa: Int
    var scale: Int
    var format: Format

    static let zero = ResourceAmount(mantissa: 0, scale: 0, format: .decimalSI)

    init(mantissa: Int, scale: Int, format: Format) {
        self.mantissa = mantissa; self.scale = scale; self.format = format
    }

    init?(_ q: Quantity?) {
        guard let q else { return nil }
        self.init(parsing: q.text)
    }

    /// resource.ParseQuantity (without the nano-precision rounding of huge inputs).
    init?(parsing text: String) {
        var chars = Array(text.utf8)
        guard !chars.isEmpty else { return nil }
        var negative = false
        if chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-") {
            negative = chars[0] == UInt8(ascii: "-")
            chars.removeFirst()
        }
        var i = 0
        var whole = "", frac = ""
        while i < chars.count, (48...57).contains(chars[i]) { whole.append(Character(Unicode.Scalar(chars[i]))); i += 1 }
        if i < chars.count, chars[i] == UInt8(ascii: ".") {
            i += 1
            while i < chars.count, (48...57).contains(chars[i]) { frac.append(Character(Unicode.Scalar(chars[i]))); i += 1 }
        }
        guard !(whole.isEmpty && frac.isEmpty) else { return nil }
        let suffix = String(decoding: chars[i...], as: UTF8.self)
        let digits = (whole + frac).drop { $0 == "0" }
        guard let base = digits.isEmpty ? 0 : Int(digits) else { return nil }
        var m = base
        var s = -frac.count
        let fmt: Format
        let decimal = ["n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
        let binary = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
        if let e = decimal[suffix] {
            s += e
            fmt = .decimalSI
        } else if let b = binary[suffix] {
            let (r, overflow) = m.multipliedReportingOverflow(by: 1 << b)
            guard !overflow else { return nil }
            m = r
            fmt = .binarySI
        } else if let first = suffix.first, first == "e" || first == "E", let e = Int(suffix.dropFirst()) {
            s += e
            fmt = .decimalExponent
        } else {
            return nil
        }
        self.init(mantissa: negative ? -m : m, scale: s, format: fmt)
    }

    var isZero: Bool { mantissa == 0 }

    private static func pow10(_ n: Int) -> Int {
        var r = 1
        for _ in 0..<max(0, n) { r = r.multipliedReportingOverflow(by: 10).overflow ? Int.max : r * 10 }
        return r
    }

    /// The amount as an integer count of 10^target units, rounded up (Go `ScaledValue`).
    func scaled(to target: Int) -> Int {
        if scale >= target {
            let (r, o) = mantissa.multipliedReportingOverflow(by: ResourceAmount.pow10(scale - target))
            return o ? (mantissa < 0 ? Int.min : Int.max) : r
        }
        let d = ResourceAmount.pow10(target - scale)
        guard d != Int.max else { return mantissa > 0 ? 1 : 0 }
        let q = mantissa / d, r = mantissa % d
        return r > 0 ? q + 1 : q
    }

    var value: Int { scaled(to: 0) }
    var milliValue: Int { scaled(to: -3) }

    private func aligned(with other: ResourceAmount) -> (Int, Int, Int) {
        let s = min(scale, other.scale)
        return (mantissa * ResourceAmount.pow10(scale - s), other.mantissa * ResourceAmount.pow10(other.scale - s), s)
    }

    /// `q.Add(y)`: a zero receiver takes the other's format.
    func adding(_ other: ResourceAmount) -> ResourceAmount {
        let (a, b, s) = aligned(with: other)
        return ResourceAmount(mantissa: a + b, scale: s, format: isZero ? other.format : format)
    }

    static func < (a: ResourceAmount, b: ResourceAmount) -> Bool {
        let (x, y, _) = a.aligned(with: b)
        return x < y
    }

    func sameAmount(_ other: ResourceAmount) -> Bool {
        let (x, y, _) = aligned(with: other)
        return x == y
    }

    /// Quantity.String(): the canonical form.
    var description: String {
        if mantissa == 0 { return "0" }
        var fmt = format
        if fmt == .binarySI {
            let limit = ResourceAmount(mantissa: 1024, scale: 0, format: .decimalSI)
            let negLimit = ResourceAmount(mantissa: -1024, scale: 0, format: .decimalSI)
            let isInteger = scale >= 0 || mantissa % ResourceAmount.pow10(-scale) == 0
            if (negLimit < self && self < limit) || !isInteger { fmt = .decimalSI }
        }
        if fmt == .binarySI {
            var v = scaled(to: 0)
            var exp = 0
            while v != 0 && v % 1024 == 0 && exp < 6 { v /= 1024; exp += 1 }
            return String(v) + ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][exp]
        }
        var m = mantissa, e = scale
        while m % 10 == 0 { m /= 10; e += 1 }
        switch ((e % 3) + 3) % 3 {
        case 1: m *= 10; e -= 1
        case 2: m *= 100; e -= 2
        default: break
        }
        if fmt == .decimalExponent { return e == 0 ? String(m) : "\(m)e\(e)" }
        let suffixes = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
        if let sfx = suffixes[e] { return String(m) + sfx }
        return "\(m)e\(e)"
    }
}

/// Sums and maxima over resource lists, as kubectl's resource helpers do.
enum ResourceLists {
    typealias List = [String: ResourceAmount]

    static func parse(_ l: [String: Quantity]?) -> List {
        var out: List = [:]
        for (k, v) in l ?? [:] { if let a = ResourceAmount(v) { out[k] = a } }
        return out
    }

    static func add(_ into: inout List, _ l: List) {
        for (k, v) in l { into[k] = into[k].map { $0.adding(v) } ?? v }
    }

    static func max(_ into: inout List, _ l: List) {
        for (k, v) in l {
            if let cur = into[k] { if cur < v { into[k] = v } } else { into[k] = v }
        }
    }

    /// kubectl `resourcehelper.PodRequestsAndLimits`: app containers summed, restartable
    /// init containers added, other init containers as a maximum, plus pod overhead.
    static func podRequestsAndLimits(_ pod: Pod) -> (requests: List, limits: List) {
        let spec = pod.spec
        var reqs: List = [:], limits: List = [:]
        for c in spec?.containers ?? [] {
            add(&reqs, parse(c.resources?.requests))
            add(&limits, parse(c.resources?.limits))
        }
        var restartableReqs: List = [:], restartableLimits: List = [:]
        var initReqs: List = [:], initLimits: List = [:]
        for c in spec?.initContainers ?? [] {
            var r = parse(c.resources?.requests), l = parse(c.resources?.limits)
            if c.restartPolicy == "Always" {
                add(&reqs, r)
                add(&restartableReqs, r)
                r = restartableReqs
                add(&limits, l)
                add(&restartableLimits, l)
                l = restartableLimits
            } else {
                var tr: List = [:]; add(&tr, r); add(&tr, restartableReqs); r = tr
                var tl: List = [:]; add(&tl, l); add(&tl, restartableLimits); l = tl
            }
            max(&initReqs, r)
            max(&initLimits, l)
        }
        max(&reqs, initReqs)
        max(&limits, initLimits)
        if let overhead = spec?.overhead?.objectValue {
            var o: List = [:]
            for (k, v) in overhead {
                if let s = v.stringValue, let a = ResourceAmount(parsing: s) { o[k] = a }
                else if let i = v.intValue { o[k] = ResourceAmount(mantissa: i, scale: 0, format: .decimalSI) }
            }
            add(&reqs, o)
            for (k, v) in o where limits[k] != nil { limits[k] = limits[k]!.adding(v) }
        }
        return (reqs, limits)
    }

    /// qos.GetPodQOS / ComputePodQOS over cpu and memory.
    static func qosClass(_ pod: Pod) -> String {
        if let q = pod.status?.qosClass, !q.isEmpty { return q }
        var requests: List = [:], limits: List = [:]
        var guaranteed = true
        let all = (pod.spec?.initContainers ?? []) + (pod.spec?.containers ?? [])
        for c in all {
            for (k, v) in parse(c.resources?.requests) where (k == "cpu" || k == "memory") && ResourceAmount.zero < v {
                add(&requests, [k: v])
            }
            var found = Set<String>()
            for (k, v) in parse(c.resources?.limits) where (k == "cpu" || k == "memory") && ResourceAmount.zero < v {
                found.insert(k)
                add(&limits, [k: v])
            }
            if !found.isSuperset(of: ["cpu", "memory"]) { guaranteed = false }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        if guaranteed {
            for (k, v) in requests {
                guard let l = limits[k], l.sameAmount(v) else { guaranteed = false; break }
            }
        }
        return guaranteed && requests.count == limits.count ? "Guaranteed" : "Burstable"
    }
}
