import Foundation

/// A point in (virtual) time, serialised as RFC 3339 with second precision like metav1.Time.
public struct Time: Codable, Sendable, Hashable, Comparable {
    /// Seconds since the Unix epoch.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public static func < (a: Time, b: Time) -> Bool { a.seconds < b.seconds }

    public var rfc3339: String { Time.format(seconds, fractional: false) }
    /// RFC 3339 with nanoseconds, as container log timestamps are written.
    public var rfc3339Nano: String { Time.format(seconds, fractional: true).replacingOccurrences(of: "Z", with: "000Z") }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let t = Time.parse(s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "parsing time \"\(s)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\(s)\" as \"2006\"")
        }
        self = t
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rfc3339)
    }

    static func format(_ seconds: Double, fractional: Bool) -> String {
        let whole = Int(seconds.rounded(.down))
        var days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400
        let secs = whole - days * 86400
        // civil-from-days (Howard Hinnant's algorithm)
        days += 719468
        let era = (days >= 0 ? days : days - 146096) / 146097
        let doe = days - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var out = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
        if fractional {
            let micros = Int(((seconds - Double(whole)) * 1_000_000).rounded(.down))
            out += String(format: ".%06d", micros)
        }
        return out + "Z"
    }

    /// Civil date parts in UTC: (year, month, day, hour, minute, second, weekday 0=Sunday).
    public var utcComponents: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let s = rfc3339
        func n(_ a: Int, _ b: Int) -> Int { Int(s.dropFirst(a).prefix(b - a))! }
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400
        let wd = ((days % 7) + 7 + 4) % 7
        return (n(0, 4), n(5, 7), n(8, 10), n(11, 13), n(14, 16), n(17, 19), wd)
    }

    public static func parse(_ s: String) -> Time? {
        let chars = Array(s.utf8)
        guard chars.count >= 20 else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for i in a..<b { let c = chars[i]; guard c >= 48 && c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13),
              let mi = num(14, 16), let se = num(17, 19), chars[4] == 45, chars[7] == 45, chars[10] == 84,
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, se < 61 else { return nil }
        var frac = 0.0
        var i = 19
        if i < chars.count, chars[i] == 46 {
            i += 1
            var scale = 0.1
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 { frac += Double(chars[i] - 48) * scale; scale /= 10; i += 1 }
        }
        var offset = 0
        guard i < chars.count else { return nil }
        if chars[i] == 90 { i += 1 } else if chars[i] == 43 || chars[i] == 45, i + 6 <= chars.count,
                  let oh = num(i + 1, i + 3), let om = num(i + 4, i + 6) {
            offset = (oh * 3600 + om * 60) * (chars[i] == 43 ? 1 : -1)
            i += 6
        } else { return nil }
        guard i == chars.count else { return nil }
        // days-from-civil
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = mo > 2 ? mo - 3 : mo + 9
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return Time(seconds: Double(days * 86400 + h * 3600 + mi * 60 + se - offset) + frac)
    }
}

/// Either an integer or a string such as `25%` (maxSurge, targetPort).
public enum IntOrString: Codable, Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) } else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .string(let s): try c.encode(s)
        }
    }

    public var description: String {
        switch self { case .int(let i): return String(i); case .string(let s): return s }
    }

    /// Kubernetes' GetScaledValueFromIntOrPercent.
    public func scaled(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let i): return i
        case .string(let s):
            guard s.hasSuffix("%"), let p = Int(s.dropLast()) else { return nil }
            let v = Double(p) * Double(total) / 100
            return Int(roundUp ? v.rounded(.up) : v.rounded(.down))
        }
    }
}

public struct OwnerReference: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = true, blockOwnerDeletion: Bool? = true) {
        self.apiVersion = apiVersion; self.kind = kind; self.name = name; self.uid = uid
        self.controller = controller; self.blockOwnerDeletion = blockOwnerDeletion
    }
}

/// A value kept behind one shared reference, so that copying the struct that holds it costs a
/// single retain instead of one per field. API objects are copied constantly (store reads,
/// change notifications, controllers' working copies) and most copies are never modified.
/// Value semantics are kept by copying on write: a mutation through a shared reference first
/// takes a private copy. Equality checks identity first, so comparing an object with an
/// unmodified copy of itself doesn't walk the whole tree (as `Array`'s `==` does).
///
/// The large API types keep their stored fields in a nested `Fields` struct behind one of
/// these, with the synthesized Codable and Hashable conformances, and forward their public
/// properties to it; their public shape (properties, initializers, JSON form) is unchanged.
/// The forwarding accessors are inlinable so that other modules read a field directly.
@usableFromInline
struct Indirect<Value: Hashable & Sendable>: Hashable, @unchecked Sendable {
    // @unchecked: the box is only mutated when uniquely referenced, so never while shared.
    @usableFromInline
    final class Box {
        // Unchecked: the value is only ever accessed through `Indirect.value`, whose modify
        // accessor first makes the box unique, so no two accesses can overlap; dynamic
        // enforcement would cost more than many of the accesses it guards.
        @exclusivity(unchecked) @usableFromInline var value: Value
        @inlinable init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box

    @inlinable init(_ value: Value) { box = Box(value) }

    @inlinable var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    @inlinable static func == (a: Indirect, b: Indirect) -> Bool { a.box === b.box || a.box.value == b.box.value }

    @inlinable func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
}

public struct ObjectMeta: Codable, Sendable, Hashable {
    /// The stored fields (and their Codable form), behind one reference: every object's
    /// metadata is copied with it, but rarely changed.
    @usableFromInline
    struct Fields: Codable, Sendable, Hashable {
        @usableFromInline var name: String?
        @usableFromInline var generateName: String?
        @usableFromInline var namespace: String?
        @usableFromInline var uid: String?
        @usableFromInline var resourceVersion: String?
        @usableFromInline var generation: Int?
        @usableFromInline var creationTimestamp: Time?
        @usableFromInline var deletionTimestamp: Time?
        @usableFromInline var deletionGracePeriodSeconds: Int?
        @usableFromInline var labels: [String: String]?
        @usableFromInline var annotations: [String: String]?
        @usableFromInline var ownerReferences: [OwnerReference]?
        @usableFromInline var finalizers: [String]?
    }

    @usableFromInline var fields: Indirect<Fields>

    @inlinable public var name: String? { get { fields.value.name } _modify { yield &fields.value.name } }
    @inlinable public var generateName: String? { get { fields.value.generateName } _modify { yield &fields.value.generateName } }
    @inlinable public var namespace: String? { get { fields.value.namespace } _modify { yield &fields.value.namespace } }
    @inlinable public var uid: String? { get { fields.value.uid } _modify { yield &fields.value.uid } }
    @inlinable public var resourceVersion: String? { get { fields.value.resourceVersion } _modify { yield &fields.value.resourceVersion } }
    @inlinable public var generation: Int? { get { fields.value.generation } _modify { yield &fields.value.generation } }
    @inlinable public var creationTimestamp: Time? { get { fields.value.creationTimestamp } _modify { yield &fields.value.creationTimestamp } }
    @inlinable public var deletionTimestamp: Time? { get { fields.value.deletionTimestamp } _modify { yield &fields.value.deletionTimestamp } }
    @inlinable public var deletionGracePeriodSeconds: Int? { get { fields.value.deletionGracePeriodSeconds } _modify { yield &fields.value.deletionGracePeriodSeconds } }
    @inlinable public var labels: [String: String]? { get { fields.value.labels } _modify { yield &fields.value.labels } }
    @inlinable public var annotations: [String: String]? { get { fields.value.annotations } _modify { yield &fields.value.annotations } }
    @inlinable public var ownerReferences: [OwnerReference]? { get { fields.value.ownerReferences } _modify { yield &fields.value.ownerReferences } }
    @inlinable public var finalizers: [String]? { get { fields.value.finalizers } _modify { yield &fields.value.finalizers } }

    public init(name: String? = nil, namespace: String? = nil, labels: [String: String]? = nil) {
        fields = Indirect(Fields(name: name, namespace: namespace, labels: labels))
    }

    public init(from decoder: Decoder) throws { fields = Indirect(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try fields.value.encode(to: encoder) }

    @inlinable public var controllerRef: OwnerReference? { fields.value.ownerReferences?.first { $0.controller == true } }
}

public struct LabelSelectorRequirement: Codable, Sendable, Hashable {
    public var key: String
    public var `operator`: String
    public var values: [String]?
    public init(key: String, operator op: String, values: [String]? = nil) { self.key = key; self.operator = op; self.values = values }
}

public struct LabelSelector: Codable, Sendable, Hashable {
    public var matchLabels: [String: String]?
    public var matchExpressions: [LabelSelectorRequirement]?

    public init(matchLabels: [String: String]? = nil) { self.matchLabels = matchLabels }

    /// An empty selector matches everything (as for ReplicaSets); callers that treat it as
    /// "nothing" check `isEmpty` first.
    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    public func matches(_ labels: [String: String]?) -> Bool {
        let l = labels ?? [:]
        for (k, v) in matchLabels ?? [:] where l[k] != v { return false }
        for e in matchExpressions ?? [] {
            let vals = e.values ?? []
            switch e.operator {
            case "In": guard let v = l[e.key], vals.contains(v) else { return false }
            case "NotIn": if let v = l[e.key], vals.contains(v) { return false }
            case "Exists": if l[e.key] == nil { return false }
            case "DoesNotExist": if l[e.key] != nil { return false }
            default: return false
            }
        }
        return true
    }

    /// metav1.FormatLabelSelector: `app=web,tier in (a,b)`, `<none>` when empty.
    public var formatted: String {
        var parts = (matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for e in matchExpressions ?? [] {
            let vals = (e.values ?? []).sorted().joined(separator: ",")
            switch e.operator {
            case "In": parts.append("\(e.key) in (\(vals))")
            case "NotIn": parts.append("\(e.key) notin (\(vals))")
            case "Exists": parts.append(e.key)
            case "DoesNotExist": parts.append("!\(e.key)")
            default: parts.append("\(e.key) \(e.operator) (\(vals))")
            }
        }
        let s = parts.joined(separator: ",")
        return s.isEmpty ? "<none>" : s
    }
}
