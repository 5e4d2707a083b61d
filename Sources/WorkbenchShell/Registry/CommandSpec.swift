import Annotations

/// One command of the annotation shell, declared once: its name and aliases, usage line, one-line
/// summary, longer explanation and examples (shown by `help CMD`), what TAB completes for its
/// arguments, whether a reviewer may use it to correct an annotation, and the handler that runs it.
/// The handler is a required part of the declaration, so a command without one does not compile.
struct CommandSpec: Sendable {
    /// The area a command belongs to, for `help`.
    enum Group: String, Sendable, CaseIterable {
        case moving = "Moving", tagging = "Tagging", suggesting = "Suggestions", looking = "Looking", session = "Session"
    }

    /// What TAB completion offers for a command's arguments (see ``CompletionProvider``).
    enum Completion: Sendable, Equatable {
        /// Nothing specific (only the keywords any command completes: `=`, `by`, `form`, `kind`, `evidence`).
        case none
        /// Command names and `spans` (for `help`).
        case commandNames
        /// Document ids (for `goto`).
        case documents
        /// These words, for every argument.
        case choices([String])
        /// These words for the first argument.
        case firstArgument([String])
        /// `accept`'s options.
        case accept
        /// `yd`'s options: `accept`'s without `all` (it accepts one proposal).
        case acceptOne
        /// `speaker`: words of the sentence, `merge`, then `=`, `role`, `kind`.
        case speaker
        /// `cue`: words of the sentence.
        case cue
        /// `claim`: words of the sentence, then its keywords.
        case claim
        /// `stance`: speaker, target, label, `evidence`, claims.
        case stance
        /// An annotation id as the first argument (for `delete`, `note`).
        case annotationID
        /// `edit`: annotation id, field, value.
        case edit
        /// `target`: `add`.
        case target
    }

    /// One call of a command: its arguments as the lexer read them and the line they came from.
    struct Invocation: Sendable {
        /// The whole command line (trimmed).
        var line: String
        /// The words after the command name.
        var arguments: [CommandWord]
        /// The line from the first argument on, as typed.
        var rest: String
        /// The command called.
        var spec: CommandSpec
    }

    /// Runs a command on the shell.
    typealias Handler = @Sendable (inout AnnotationShell, Invocation) throws(CommandError) -> ShellResponse

    /// The full name, e.g. `speaker`.
    var name: String
    /// Other words for the command; the first is the short alias shown by `help`, e.g. `sp`.
    var aliases: [String]
    /// The area.
    var group: Group
    /// Usage, e.g. `speaker SPAN [= NAME|Sid] [role TEXT]`.
    var usage: String
    /// One line for the overview.
    var summary: String
    /// Further explanation.
    var details: String = ""
    /// Example lines.
    var examples: [String] = []
    /// Whether the command's arguments include spans (its help then explains how spans are written).
    var takesSpans = false
    /// What TAB completes for the arguments.
    var completion: Completion = .none
    /// Whether the review dialogue offers the command to correct an annotation in place.
    var correctsInReview = false
    /// Runs the command.
    var handler: Handler

    /// The short alias shown by `help`.
    var alias: String? { aliases.first }
    /// The name and every alias.
    var words: [String] { [name] + aliases }
}
