/// A flag a kubectl command accepts, pflag-style: `--name=value`, `--name value`,
/// `-n value`, `-nvalue`, booleans `--all`/`--all=false`, combined shorthands `-it`.
struct FlagSpec: Sendable {
    let name: String
    let short: Character?
    let takesValue: Bool
    /// `-o` may be given several times; keep every value in order.
    init(_ name: String, _ short: Character? = nil, value: Bool = true) {
        self.name = name; self.short = short; self.takesValue = value
    }
}

/// A usage error kubectl reports with `See 'kubectl CMD --help' for usage.`
struct UsageError: Error {
    let message: String
    /// The command path for the help hint when it isn't the top-level command (`create deployment`).
    var command: String? = nil
}

struct ParsedFlags {
    var positionals: [String] = []
    /// Everything after a bare `--` (exec, run, create deployment … -- cmd).
    var afterDashes: [String]? = nil
    private(set) var values: [String: [String]] = [:]

    func has(_ name: String) -> Bool { values[name] != nil }
    func string(_ name: String) -> String? { values[name]?.last }
    func strings(_ name: String) -> [String] { values[name] ?? [] }
    func bool(_ name: String) -> Bool {
        guard let v = values[name]?.last else { return false }
        return v != "false"
    }

    mutating func set(_ name: String, _ value: String) { values[name, default: []].append(value) }

    /// Parses `args` against `specs` plus kubectl's global flags.
    static func parse(_ args: [String], specs: [FlagSpec]) throws -> ParsedFlags {
        let all = specs + globalFlags
        var out = ParsedFlags()
        var i = 0
        func spec(long: String) -> FlagSpec? { all.first { $0.name == long } }
        func spec(short: Character) -> FlagSpec? { all.first { $0.short == short } }
        while i < args.count {
            let a = args[i]
            if a == "--" {
                out.afterDashes = Array(args[(i + 1)...])
                break
            }
            if a.hasPrefix("--") && a.count > 2 {
                let body = a.dropFirst(2)
                let name: String
                var value: String? = nil
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq]); value = String(body[body.index(after: eq)...])
                } else { name = String(body) }
                guard let s = spec(long: name) else { throw UsageError(message: "unknown flag: --\(name)") }
                if s.takesValue {
                    if value == nil {
                        i += 1
                        guard i < args.count else { throw UsageError(message: "flag needs an argument: --\(name)") }
                        value = args[i]
                    }
                    out.set(s.name, value!)
                } else {
                    if let v = value, !["true", "false", "1", "0", "t", "f", "TRUE", "FALSE", "True", "False"].contains(v) {
                        throw UsageError(message: "invalid argument \"\(v)\" for \"--\(name)\" flag: strconv.ParseBool: parsing \"\(v)\": invalid syntax")
                    }
                    let v = value.map { ["true", "1", "t", "TRUE", "True"].contains($0) ? "true" : "false" } ?? "true"
                    out.set(s.name, v)
                }
            } else if a.hasPrefix("-") && a.count > 1 && a != "-" {
                var chars = Array(a.dropFirst())
                while !chars.isEmpty {
                    let c = chars.removeFirst()
                    guard let s = spec(short: c) else { throw UsageError(message: "unknown shorthand flag: '\(c)' in \(a)") }
                    if s.takesValue {
                        var v = String(chars)
                        if v.hasPrefix("=") { v.removeFirst() }
                        if chars.isEmpty {
                            i += 1
                            guard i < args.count else { throw UsageError(message: "flag needs an argument: '\(c)' in -\(c)") }
                            v = args[i]
                        }
                        out.set(s.name, v)
                        chars = []
                    } else {
                        out.set(s.name, "true")
                    }
                }
            } else {
                out.positionals.append(a)
            }
            i += 1
        }
        return out
    }

    /// Flags every kubectl command accepts (kubeconfig and connection options).
    static let globalFlags: [FlagSpec] = [
        FlagSpec("namespace", "n"), FlagSpec("kubeconfig"), FlagSpec("context"), FlagSpec("cluster"), FlagSpec("user"),
        FlagSpec("server", "s"), FlagSpec("request-timeout"), FlagSpec("v", "v"), FlagSpec("insecure-skip-tls-verify", value: false),
        FlagSpec("token"), FlagSpec("as"), FlagSpec("cache-dir"), FlagSpec("match-server-version", value: false),
        FlagSpec("warnings-as-errors", value: false), FlagSpec("profile"), FlagSpec("log-flush-frequency"),
        FlagSpec("help", "h", value: false),
    ]
}
