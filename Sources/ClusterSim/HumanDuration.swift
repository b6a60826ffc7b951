import Foundation

/// Port of k8s.io/apimachinery/pkg/util/duration: `HumanDuration` (AGE, LAST SEEN, DURATION,
/// restart "ago", describe event ages) and the older `ShortHumanDuration`.
///
/// Go works on `time.Duration` (Int64 nanoseconds) with truncating integer division, so this
/// port does the same: the input is first turned into whole nanoseconds (truncating toward
/// zero, as Go's `time.Duration(float)` conversion does) and every later step truncates.
public enum HumanDuration {

    /// `duration.HumanDuration(d)` for an elapsed time given in (fractional) seconds.
    public static func format(seconds: Double) -> String {
        format(nanoseconds: nanoseconds(fromSeconds: seconds))
    }

    /// `duration.HumanDuration(d)` for a Swift `Duration`.
    public static func format(_ duration: Duration) -> String {
        format(nanoseconds: nanoseconds(from: duration))
    }

    /// `duration.HumanDuration(d)` where `d` is a Go `time.Duration` (nanoseconds).
    public static func format(nanoseconds d: Int64) -> String {
        // Go: `seconds := int(d.Seconds())` — float seconds truncated toward zero, which is the
        // same as integer division. Deviations of up to (but excluding) 2s into the future are
        // tolerated as "now": -1.999s → "0s", -2s → "<invalid>".
        let seconds = d / second
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }

        let minutes = d / minute
        if minutes < 10 {
            let s = (d / second) % 60
            return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
        } else if minutes < 60 * 3 {
            return "\(minutes)m"
        }

        let hours = d / hour
        if hours < 8 {
            let m = (d / minute) % 60
            return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
        } else if hours < 48 {
            return "\(hours)h"
        } else if hours < 24 * 8 {
            let h = hours % 24
            return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
        } else if hours < 24 * 365 * 2 {
            return "\(hours / 24)d"
        } else if hours < 24 * 365 * 8 {
            let dy = (hours / 24) % 365
            return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
        }
        return "\(hours / 24 / 365)y"
    }

    /// `duration.ShortHumanDuration(d)`: one unit only (`45s`, `59m`, `23h`, `364d`, `3y`).
    public static func short(seconds: Double) -> String {
        short(nanoseconds: nanoseconds(fromSeconds: seconds))
    }

    /// `duration.ShortHumanDuration(d)` for a Swift `Duration`.
    public static func short(_ duration: Duration) -> String {
        short(nanoseconds: nanoseconds(from: duration))
    }

    /// `duration.ShortHumanDuration(d)` where `d` is a Go `time.Duration` (nanoseconds).
    public static func short(nanoseconds d: Int64) -> String {
        let seconds = d / second
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 { return "\(seconds)s" }
        let minutes = d / minute
        if minutes < 60 { return "\(minutes)m" }
        let hours = d / hour
        if hours < 24 { return "\(hours)h" }
        if hours < 24 * 365 { return "\(hours / 24)d" }
        // Go: int(d.Hours()/24/365) — a float division, but for whole-hour floors it equals
        // the integer division of the truncated hour count.
        return "\(hours / 24 / 365)y"
    }

    // MARK: - time.Duration emulation

    private static let second: Int64 = 1_000_000_000
    private static let minute: Int64 = 60 * second
    private static let hour: Int64 = 60 * minute

    /// Go's `time.Duration(seconds * float64(time.Second))`: truncates toward zero; values
    /// outside Int64 saturate instead of trapping (Go's result there is undefined anyway).
    static func nanoseconds(fromSeconds seconds: Double) -> Int64 {
        guard seconds.isFinite else { return seconds > 0 ? .max : (seconds < 0 ? .min : 0) }
        let ns = (seconds * 1e9).rounded(.towardZero)
        if ns >= 9.2e18 { return .max }
        if ns <= -9.2e18 { return .min }
        return Int64(ns)
    }

    static func nanoseconds(from duration: Duration) -> Int64 {
        let (s, atto) = duration.components
        let (scaled, overflow) = s.multipliedReportingOverflow(by: second)
        if overflow { return s > 0 ? .max : .min }
        let (sum, overflow2) = scaled.addingReportingOverflow(atto / 1_000_000_000)
        if overflow2 { return s > 0 ? .max : .min }
        return sum
    }
}
