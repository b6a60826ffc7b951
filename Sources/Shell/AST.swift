/// The syntax tree of a command line, as the parser builds it and the interpreter walks it.

/// One piece of a word before expansion.
indirect enum WordPart: Equatable {
    /// Unquoted text: subject to globbing (and brace expansion).
    case literal(String)
    /// Single-quoted, `$'…'` or backslash-escaped text: taken as is.
    case quoted(String)
    /// The inside of `"…"`: expansions happen, splitting and globbing do not.
    case doubleQuoted([WordPart])
    /// `$x`, `${x}`, `${x:-y}`, `$?`…
    case parameter(ParameterExpansion)
    /// `$(…)` or `` `…` ``: the source text of the inner script.
    case commandSubstitution(String)
    /// `$((…))`: the expression text.
    case arithmetic(String)
    /// A leading unquoted `~` (the user name after it, usually empty).
    case tilde(String)
    /// `<(…)`: the command's output, readable through a temporary path.
    case processSubstitution(String)
}

struct ParameterExpansion: Equatable {
    enum Op: Equatable {
        case useDefault(colon: Bool, Word)      // ${x:-w} ${x-w}
        case assignDefault(colon: Bool, Word)   // ${x:=w}
        case errorIfUnset(colon: Bool, Word)    // ${x:?w}
        case useAlternate(colon: Bool, Word)    // ${x:+w}
        case removePrefix(longest: Bool, Word)  // ${x#p} ${x##p}
        case removeSuffix(longest: Bool, Word)  // ${x%p} ${x%%p}
        case replace(all: Bool, anchor: Character?, Word, Word) // ${x/p/r} ${x//p/r} ${x/#p/r}
        case substring(String, String?)         // ${x:1:2} (arithmetic text)
        case upper(all: Bool)                   // ${x^^} ${x^}
        case lower(all: Bool)                   // ${x,,} ${x,}
    }
    var name: String
    var length: Bool = false
    var op: Op? = nil
}

struct Word: Equatable {
    var parts: [WordPart]
    /// The text as typed (for error messages and alias lookup).
    var raw: String

    /// The word's text when it is a single unquoted literal (keywords, alias names).
    var plainLiteral: String? {
        if parts.count == 1, case .literal(let s) = parts[0] { return s }
        return nil
    }
}

/// The body of a here-document; filled in by the lexer once the lines after the
/// command have been read.
final class HereDoc {
    let delimiter: String
    let expand: Bool
    let stripTabs: Bool
    var body: [WordPart] = []
    var filled = false
    init(delimiter: String, expand: Bool, stripTabs: Bool) {
        self.delimiter = delimiter
        self.expand = expand
        self.stripTabs = stripTabs
    }
}

enum RedirectionOp: Equatable {
    case input            // <
    case output           // >  (and >|)
    case append           // >>
    case duplicateOutput  // >&  (N>&M, or >&file = &>file)
    case duplicateInput   // <&
    case readWrite        // <>
    case outputBoth       // &>
    case appendBoth       // &>>
    case hereDoc          // << and <<-
    case hereString       // <<<
}

struct Redirection {
    var fd: Int?
    var op: RedirectionOp
    var target: Word
    var hereDoc: HereDoc?
}

struct Assignment {
    var name: String
    var value: Word
    var append: Bool
}

struct SimpleCommand {
    var assignments: [Assignment] = []
    var words: [Word] = []
}

struct IfClause {
    var condition: CommandList
    var body: CommandList
}

indirect enum CommandKind {
    case simple(SimpleCommand)
    case forLoop(variable: String, items: [Word]?, body: CommandList)
    case whileLoop(condition: CommandList, body: CommandList, until: Bool)
    case ifThen(clauses: [IfClause], elseBody: CommandList?)
    case group(CommandList)
    case subshell(CommandList)
    case caseOf(subject: Word, arms: [CaseArm])
    case functionDefinition(name: String, body: Command)
    /// `(( expr ))`
    case arithmetic(String)
    /// `for (( init; condition; step )); do …; done`
    case arithmeticFor(initial: String, condition: String, step: String, body: CommandList)
}

struct CaseArm {
    var patterns: [Word]
    var body: CommandList
}

struct Command {
    var kind: CommandKind
    var redirections: [Redirection] = []
}

struct Pipeline {
    var commands: [Command]
    var negated = false
    /// `|&` after command i: its stderr also goes into the pipe.
    var stderrToo: [Bool] = []
}

enum AndOrOperator { case and, or }

struct AndOrList {
    var first: Pipeline
    var rest: [(AndOrOperator, Pipeline)] = []
}

struct CommandList {
    /// Each item with whether it ended with `&`.
    var items: [(AndOrList, background: Bool)] = []
    var isEmpty: Bool { items.isEmpty }
}
