/// Shell expansion for text that is not run as a command: the arguments of a lab control
/// (`lab answer ports $(kubectl get svc … -o jsonpath=…)`) read as bash would pass them.
extension ShellSession {
    /// The words of `text` after quote removal, parameter and command substitution; nil when
    /// `text` is not a single simple command or its expansion fails.
    public func expandArguments(_ text: String) -> [String]? {
        let parser = Parser(text + "\n", atEOF: true)
        guard let list = try? parser.parseCompleteCommand(), list.items.count == 1,
              let (andOr, background) = list.items.first, !background, andOr.rest.isEmpty,
              andOr.first.commands.count == 1, case .simple(let simple) = andOr.first.commands[0].kind,
              simple.assignments.isEmpty, andOr.first.commands[0].redirections.isEmpty else { return nil }
        var out = OutputBuffer()
        return try? expandWords(simple.words, ExecContext(stdin: .terminal, stdoutIsTerminal: false), &out)
    }
}
