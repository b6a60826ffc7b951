import Foundation

/// What the batch examples' programs print: the classic pi Job
/// (`perl -Mbignum=bpi -wle 'print bpi(2000)'`) and simple `perl -e 'print "…"'` one-liners.
enum PerlProgram {
    /// The output of a `perl …` command line (its words after `perl`), or nil when it is not
    /// one of the forms understood here.
    static func output(_ args: [String]) -> String? {
        guard let code = args.last, args.count >= 2, args.dropLast().allSatisfy({ $0.hasPrefix("-") }) else { return nil }
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        let bpi = "print bpi("
        if trimmed.hasPrefix(bpi), let close = trimmed.firstIndex(of: ")"),
           let n = Int(trimmed[trimmed.index(trimmed.startIndex, offsetBy: bpi.count)..<close]),
           args.contains(where: { $0.hasPrefix("-Mbignum") }) {
            return pi(digits: n)
        }
        // print "text" / print 'text'
        if trimmed.hasPrefix("print "), let q = trimmed.dropFirst(6).first, q == "\"" || q == "'" {
            let inner = trimmed.dropFirst(7)
            guard let end = inner.firstIndex(of: q) else { return nil }
            var text = String(inner[..<end])
            if q == "\"" { text = text.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t") }
            if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        return nil
    }

    /// Math::BigFloat's bpi(n): pi to n significant digits, rounded half to even.
    static func pi(digits n: Int) -> String {
        let all = Array(piDigits.utf8).map { Int($0) - 48 }
        let count = min(max(n, 1), all.count - 20)
        var kept = Array(all[0..<count])
        let next = Array(all[count...])
        let tail = next.dropFirst().contains { $0 != 0 }
        let roundUp = next[0] > 5 || (next[0] == 5 && (tail || kept[count - 1] % 2 == 1))
        if roundUp {
            var i = count - 1
            while i >= 0 { kept[i] += 1; if kept[i] < 10 { break }; kept[i] = 0; i -= 1 }
        }
        let text = kept.map(String.init).joined()
        return count == 1 ? text : String(text.prefix(1)) + "." + String(text.dropFirst())
    }

    /// The digits of pi (3 1 4 1 5 …), computed with Machin's formula: more than any
    /// tutorial asks for.
    static let piDigits: String = [
        "3141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067",
        "9821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819",
        "6442881097566593344612847564823378678316527120190914564856692346034861045432664821339360726024914127",
        "3724587006606315588174881520920962829254091715364367892590360011330530548820466521384146951941511609",
        "4330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491",
        "2983367336244065664308602139494639522473719070217986094370277053921717629317675238467481846766940513",
        "2000568127145263560827785771342757789609173637178721468440901224953430146549585371050792279689258923",
        "5420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185",
        "9502445945534690830264252230825334468503526193118817101000313783875288658753320838142061717766914730",
        "3598253490428755468731159562863882353787593751957781857780532171226806613001927876611195909216420198",
        "9380952572010654858632788659361533818279682303019520353018529689957736225994138912497217752834791315",
        "1557485724245415069595082953311686172785588907509838175463746493931925506040092770167113900984882401",
        "2858361603563707660104710181942955596198946767837449448255379774726847104047534646208046684259069491",
        "2933136770289891521047521620569660240580381501935112533824300355876402474964732639141992726042699227",
        "9678235478163600934172164121992458631503028618297455570674983850549458858692699569092721079750930295",
        "5321165344987202755960236480665499119881834797753566369807426542527862551818417574672890977772793800",
        "0816470600161452491921732172147723501414419735685481613611573525521334757418494684385233239073941433",
        "3454776241686251898356948556209921922218427255025425688767179049460165346680498862723279178608578438",
        "3827967976681454100953883786360950680064225125205117392984896084128488626945604241965285022210661186",
        "3067442786220391949450471237137869609563643719172874677646575739624138908658326459958133904780275900",
        "994657640789512694683983525957098258226205224894077267194782",
    ].joined()
}
