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

        public var description: String {
            switch self {
            case .unknown(let word):
                return "unknown command '\(word)'; use accept, reject REASON, note TEXT, skip, correct FIELD VALUE, correct delete, status, quit"
            case .missingText(let command, let example): return "\(command) needs text, e.g. \(example)"
            case .unknownField(let field):
                return "cannot correct '\(field)'; correct one of: \(ReviewInstruction.fields.joined(separator: ", ")), or 'correct delete'"
            }
        }

        public var errorDescription: String? { description }
    }

    /// Parses one line; short forms `a`, `r`, `n`, `s`, `c`, `q` work too.
    public static func parse(_ line: String) throws(ParseError) -> ReviewInstruction {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        switch word.lowercased() {
        case "a", "accept": return .accept
        case "r", "reject":
            guard !rest.isEmpty else { throw .missingText(command: "reject", example: "reject cue is not a reporting verb") }
            return .reject(reason: rest)
        case "n", "note":
            guard !rest.isEmpty else { throw .missingText(command: "note", example: "note check the speaker") }
            return .note(rest)
        case "s", "skip", "": return .skip
        case "c", "correct":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard let field = parts.first else { throw .missingText(command: "correct", example: "correct form indirect") }
            if field == "delete" { return .delete }
            guard fields.contains(field) else { throw .unknownField(field) }
            guard parts.count == 2 else { throw .missingText(command: "correct \(field)", example: "correct \(field) VALUE") }
            return .correct(field: field, value: parts[1])
        case "status": return .status
        case "h", "help", "?": return .help
        case "q", "quit", "exit": return .quit
        default: throw .unknown(word)
        }
    }
}
