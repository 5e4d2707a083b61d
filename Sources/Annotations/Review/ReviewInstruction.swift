import Foundation

/// A reviewer's command: `accept`, `reject REASON`, `note TEXT`, `skip`, `correct FIELD VALUE`,
/// `correct delete`, `status`, `help`, `quit`.
public enum ReviewInstruction: Sendable, Hashable {
    case accept
    case reject(reason: String)
    case note(String)
    case skip
    /// Change one field (`form`, `by` (speakers, comma-separated), `to` (addressee mentions), `label`, `role`, `cue`, `mention`, `target`, `negated`, `hedged`).
    case correct(field: String, value: String)
    /// Delete the annotation.
    case delete
    case status
    case help
    case quit

    /// Fields `correct` can change.
    public static let fields = ["form", "by", "to", "label", "role", "cue", "mention", "target", "negated", "hedged"]

    /// Why a command line is not a review command.
    public enum ParseError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
        case unknown(String)
        case missingText(command: String, example: String)
        case unknownField(String)
        /// Words after a command that takes none (`accept C5`, `skip 5`, `quit now`).
        case unexpectedWords(command: String, words: String)

        public var description: String {
            switch self {
            case .unknown(let word):
                return "unknown command '\(word)'; use accept, reject REASON, note TEXT, skip, correct FIELD VALUE, correct delete, status, quit"
            case .missingText(let command, let example): return "\(command) needs text, e.g. \(example)"
            case .unexpectedWords(let command, let words):
                let shown = words.count > 40 ? String(words.prefix(39)) + "…" : words
                return "'\(command)' takes no arguments (got '\(shown)'); it acts on the annotation shown: type it alone: \(command); nothing changed"
            case .unknownField(let field):
                return "cannot correct '\(field)'; correct one of: \(ReviewInstruction.fields.joined(separator: ", ")), or 'correct delete'"
            }
        }

        public var errorDescription: String? { description }
    }

    /// Parses one line; short forms `a`, `r`, `n`, `s`, `c`, `q` work too. Words after a command
    /// that takes none are refused (`accept C5` would accept the annotation shown, not C5).
    public static func parse(_ line: String) throws(ParseError) -> ReviewInstruction {
        let trimmed = CommandLexer.trimmed(line)
        let word = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let rest = CommandLexer.trimmed(trimmed.dropFirst(word.count))
        func alone(_ instruction: ReviewInstruction, _ command: String) throws(ParseError) -> ReviewInstruction {
            guard rest.isEmpty else { throw .unexpectedWords(command: command, words: rest) }
            return instruction
        }
        switch word.lowercased() {
        case "a", "accept": return try alone(.accept, "accept")
        case "r", "reject":
            guard !rest.isEmpty else { throw .missingText(command: "reject", example: "reject cue is not a reporting verb") }
            return .reject(reason: rest)
        case "n", "note":
            guard !rest.isEmpty else { throw .missingText(command: "note", example: "note check the speaker") }
            return .note(rest)
        case "s", "skip", "": return try alone(.skip, "skip")
        case "c", "correct":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let field = parts.first else { throw .missingText(command: "correct", example: "correct form indirect") }
            if field == "delete" {
                guard parts.count == 1 else { throw .unexpectedWords(command: "correct delete", words: parts[1]) }
                return .delete
            }
            guard fields.contains(field) else { throw .unknownField(field) }
            guard parts.count == 2 else { throw .missingText(command: "correct \(field)", example: "correct \(field) VALUE") }
            return .correct(field: field, value: parts[1])
        case "status": return try alone(.status, "status")
        case "h", "help", "?": return .help
        case "q", "quit", "exit": return try alone(.quit, "quit")
        default: throw .unknown(word)
        }
    }
}
