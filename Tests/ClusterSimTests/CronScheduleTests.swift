import Foundation
import Testing
@testable import ClusterSim

/// CronJob schedules: robfig/cron v3's parser (and its error texts) and the next run times.
@Suite struct CronScheduleTests {
    /// Thursday 2026-11-26 09:00:00 UTC.
    let start = Cluster.defaultStartTime

    func next(_ spec: String, after t: Double? = nil, zone: String = "UTC") throws -> Double? {
        try CronSchedule.parse(spec).next(after: t ?? start, in: TimeZone(identifier: zone)!)
    }

    @Test func fieldsListsRangesStepsAndNames() throws {
        #expect(try next("*/15 * * * *") == 1_795_684_500)                 // 09:15
        #expect(try next("* * * * *") == start + 60)                        // strictly after
        #expect(try next("0 9 * * MON-FRI") == 1_795_770_000)              // Fri 27 09:00
        #expect(try next("30 2 * * sun") == 1_795_919_400)                  // Sun 29 02:30
        #expect(try next("0 10,12 * * *") == 1_795_687_200)                 // 10:00 today
        #expect(try next("0 0 1 dec *") == 1_796_083_200)                   // 1 Dec
        #expect(try next("5/20 9 * * *") == start + 5 * 60)                 // 09:05 (5-59/20)
        #expect(try next("0 0 30 2 *") == nil)                               // never
    }

    @Test func dayOfMonthOrDayOfWeekWhenBothRestricted() throws {
        // Either the 13th or a Friday: Friday the 27th comes first.
        #expect(try next("0 0 13 * FRI") == 1_795_737_600)
        // With a star in one of them both must hold (the star one always does).
        #expect(try next("0 0 * * FRI") == 1_795_737_600)
        #expect(try next("0 0 1 * *") == 1_796_083_200)
    }

    @Test func descriptors() throws {
        #expect(try next("@hourly") == start + 3600)
        #expect(try next("@daily") == 1_795_737_600)
        #expect(try next("@midnight") == 1_795_737_600)
        #expect(try next("@monthly") == 1_796_083_200)
        #expect(try next("@yearly") == 1_798_761_600)
        #expect(try next("@annually") == 1_798_761_600)
        #expect(try next("@weekly") == 1_795_919_400 - 2 * 3600 - 30 * 60)  // Sun 29 00:00
        #expect(try next("@every 90s") == start + 90)
        #expect(try next("@every 1h30m") == start + 5400)
    }

    @Test func namedTimeZones() throws {
        // 09:00 in Tokyo (UTC+9) is midnight UTC; in Berlin (UTC+1 in November) 08:00 UTC.
        #expect(try next("0 9 * * *", zone: "Asia/Tokyo") == 1_795_737_600)
        #expect(try next("0 9 * * *", zone: "Europe/Berlin") == 1_795_766_400)
        #expect(CronSchedule.timeZone(named: "Mars/Olympus") == nil)
        #expect(CronSchedule.timeZone(named: "Local") == nil)
        #expect(CronSchedule.timeZone(named: "Etc/UTC") != nil)
    }

    @Test(arguments: [
        ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
        ("x", "expected exactly 5 fields, found 1: [x]"),
        ("61 * * * *", "end of range (61) above maximum (59): 61"),
        ("* 24 * * *", "end of range (24) above maximum (23): 24"),
        ("* * 0 * *", "beginning of range (0) below minimum (1): 0"),
        ("* * * * 7", "end of range (7) above maximum (6): 7"),
        ("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
        ("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        ("*/2/3 * * * *", "too many slashes: */2/3"),
        ("*/0 * * * *", "step of range should be a positive number: */0"),
        ("@fortnightly", "unrecognized descriptor: @fortnightly"),
        ("@every soon", "failed to parse duration @every soon: time: invalid duration \"soon\""),
    ])
    func parseErrorsInTheLibrarysWords(_ spec: String, _ message: String) {
        #expect(throws: CronSchedule.ParseError(message: message)) { try CronSchedule.parse(spec) }
    }

    @Test func civilCalendarRoundTrips() {
        for days in stride(from: -800, through: 80_000, by: 37) {
            let c = CronSchedule.civil(days * 86400)
            #expect(CronSchedule.daysFromCivil(c.year, c.month, c.day) == days)
        }
    }
}
