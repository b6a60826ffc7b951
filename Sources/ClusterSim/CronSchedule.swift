import Foundation

/// A CronJob schedule as the controller reads it (robfig/cron v3 `ParseStandard`): five
/// fields (minute hour day-of-month month day-of-week) with lists, ranges, steps and names,
/// or a descriptor (`@hourly`, `@every 90s` …). Errors carry the library's own words, which
/// the apiserver puts after `spec.schedule: Invalid value: "…": `.
public struct CronSchedule: Sendable, Equatable {
    /// Bit i set: value i allowed. `starBit` marks a field written as `*` or `?` (unstepped).
    var minute: UInt64 = 0, hour: UInt64 = 0, dom: UInt64 = 0, month: UInt64 = 0, dow: UInt64 = 0
    /// `@every D`: a constant delay in whole seconds instead of fields.
    var every: Int?

    static let starBit: UInt64 = 1 << 63

    struct Bounds { let min: Int; let max: Int; let names: [String: Int] }
    static let minutes = Bounds(min: 0, max: 59, names: [:])
    static let hours = Bounds(min: 0, max: 23, names: [:])
    static let doms = Bounds(min: 1, max: 31, names: [:])
    static let months = Bounds(min: 1, max: 12, names: ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                                                        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12])
    static let dows = Bounds(min: 0, max: 6, names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])

    public struct ParseError: Error, Sendable, Equatable { public let message: String }

    /// Parses a schedule. A `TZ=`/`CRON_TZ=` prefix is read as the library does (the
    /// apiserver rejects it separately).
    public static func parse(_ text: String) throws(ParseError) -> CronSchedule {
        var spec = text
        if spec.isEmpty { throw ParseError(message: "empty spec string") }
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            guard let eq = spec.firstIndex(of: "="), let sp = spec.firstIndex(of: " ") else {
                throw ParseError(message: "provided bad location \(spec.split(separator: "=").dropFirst().joined()): unknown time zone \(spec.split(separator: "=").dropFirst().joined())")
            }
            let name = String(spec[spec.index(after: eq)..<sp])
            if CronSchedule.timeZone(named: name) == nil {
                throw ParseError(message: "provided bad location \(name): unknown time zone \(name)")
            }
            spec = String(spec[sp...]).trimmingCharacters(in: .whitespaces)
        }
        if spec.hasPrefix("@") { return try descriptor(spec) }
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if fields.count != 5 {
            throw ParseError(message: "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]")
        }
        var s = CronSchedule()
        s.minute = try field(fields[0], minutes)
        s.hour = try field(fields[1], hours)
        s.dom = try field(fields[2], doms)
        s.month = try field(fields[3], months)
        s.dow = try field(fields[4], dows)
        return s
    }

    private static func descriptor(_ d: String) throws(ParseError) -> CronSchedule {
        func bits(_ b: Bounds) -> UInt64 { rangeBits(b.min, b.max, 1) | starBit }
        var s = CronSchedule()
        s.minute = 1; s.hour = 1; s.dom = 1 << 1; s.month = bits(months); s.dow = bits(dows)
        switch d {
        case "@yearly", "@annually": s.month = 1 << 1
        case "@monthly": break
        case "@weekly": s.dom = bits(doms); s.dow = 1
        case "@daily", "@midnight": s.dom = bits(doms)
        case "@hourly": s.dom = bits(doms); s.hour = bits(hours)
        default:
            if d.hasPrefix("@every ") {
                let arg = String(d.dropFirst("@every ".count))
                guard let secs = goDuration(arg) else {
                    throw ParseError(message: "failed to parse duration \(d): time: invalid duration \(FieldError.quote(arg))")
                }
                // The library rounds to whole seconds, at least one.
                return CronSchedule(every: max(1, Int(secs)))
            }
            throw ParseError(message: "unrecognized descriptor: \(d)")
        }
        return s
    }

    /// Go's time.ParseDuration for the common cases: `90s`, `1h30m`, `2.5m`.
    static func goDuration(_ s: String) -> Double? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(s)
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let num = rest.prefix { $0.isNumber || $0 == "." }
            guard !num.isEmpty, let v = Double(num) else { return nil }
            rest = rest.dropFirst(num.count)
            guard let (u, m) = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(u.count)
            total += v * m
        }
        return total
    }

    private static func field(_ f: String, _ b: Bounds) throws(ParseError) -> UInt64 {
        var bits: UInt64 = 0
        for expr in f.split(separator: ",") { bits |= try range(String(expr), b) }
        return bits
    }

    private static func range(_ expr: String, _ b: Bounds) throws(ParseError) -> UInt64 {
        let rangeAndStep = expr.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let single = lowAndHigh.count == 1
        var start: Int, end: Int, step = 1
        var extra: UInt64 = 0
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = b.min; end = b.max; extra = starBit
        } else {
            start = try intOrName(lowAndHigh[0], b)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try intOrName(lowAndHigh[1], b)
            default: throw ParseError(message: "too many hyphens: \(expr)")
            }
        }
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try number(rangeAndStep[1])
            if single { end = b.max }
            if step > 1 { extra = 0 }
        default: throw ParseError(message: "too many slashes: \(expr)")
        }
        if start < b.min { throw ParseError(message: "beginning of range (\(start)) below minimum (\(b.min)): \(expr)") }
        if end > b.max { throw ParseError(message: "end of range (\(end)) above maximum (\(b.max)): \(expr)") }
        if start > end { throw ParseError(message: "beginning of range (\(start)) beyond end of range (\(end)): \(expr)") }
        if step == 0 { throw ParseError(message: "step of range should be a positive number: \(expr)") }
        return rangeBits(start, end, step) | extra
    }

    private static func intOrName(_ s: String, _ b: Bounds) throws(ParseError) -> Int {
        if let v = b.names[s.lowercased()] { return v }
        return try number(s)
    }

    private static func number(_ s: String) throws(ParseError) -> Int {
        guard let v = Int(s) else {
            throw ParseError(message: "failed to parse int from \(s): strconv.Atoi: parsing \(FieldError.quote(s)): invalid syntax")
        }
        if v < 0 { throw ParseError(message: "negative number (\(v)) not allowed: \(s)") }
        return v
    }

    private static func rangeBits(_ lo: Int, _ hi: Int, _ step: Int) -> UInt64 {
        var bits: UInt64 = 0
        var i = lo
        while i <= hi { bits |= 1 << UInt64(i); i += step }
        return bits
    }

    private func has(_ bits: UInt64, _ v: Int) -> Bool { bits & (1 << UInt64(v)) != 0 }

    /// The first activation strictly after `t` (seconds since the epoch), in `zone`; nil if
    /// none within five years (e.g. `0 0 30 2 *`), as the library gives up.
    public func next(after t: Double, in zone: TimeZone = TimeZone(identifier: "UTC")!) -> Double? {
        if let e = every { return (t.rounded(.down) + Double(e)) }
        // Work on wall-clock seconds in the zone, then map back.
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)))
        var w = Int((t + offset).rounded(.down)) + 1
        if w % 60 != 0 { w += 60 - ((w % 60) + 60) % 60 }
        let limitYear = CronSchedule.civil(w).year + 5
        while true {
            let c = CronSchedule.civil(w)
            if c.year > limitYear { return nil }
            let dayStart = w - c.hour * 3600 - c.minute * 60
            if !has(month, c.month) {
                let (ny, nm) = c.month == 12 ? (c.year + 1, 1) : (c.year, c.month + 1)
                w = CronSchedule.daysFromCivil(ny, nm, 1) * 86400
                continue
            }
            if !dayMatches(c) { w = dayStart + 86400; continue }
            if !has(hour, c.hour) { w = dayStart + (c.hour + 1) * 3600; continue }
            if !has(minute, c.minute) { w += 60; continue }
            let wall = Double(w)
            let back = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - offset)))
            return wall - back
        }
    }

    private func dayMatches(_ c: (year: Int, month: Int, day: Int, hour: Int, minute: Int, weekday: Int)) -> Bool {
        let domMatch = has(dom, c.day), dowMatch = has(dow, c.weekday)
        if dom & CronSchedule.starBit != 0 || dow & CronSchedule.starBit != 0 { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    /// Calendar fields of wall-clock seconds since the epoch (proleptic Gregorian).
    static func civil(_ w: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, weekday: Int) {
        let days = w >= 0 ? w / 86400 : (w - 86399) / 86400
        let secs = w - days * 86400
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        let wd = ((days % 7) + 7 + 4) % 7
        return (y, m, d, secs / 3600, (secs % 3600) / 60, wd)
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The zone a CronJob's `spec.timeZone` names; nil when unknown. `Local` is refused, as
    /// the apiserver does.
    public static func timeZone(named name: String) -> TimeZone? {
        if name == "UTC" || name == "Etc/UTC" { return TimeZone(identifier: "UTC") }
        if name == "Local" || name.isEmpty { return nil }
        guard TimeZone.knownTimeZoneIdentifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }
}
