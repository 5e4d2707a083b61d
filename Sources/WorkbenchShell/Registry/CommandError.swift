import Annotations
import Foundation

/// Why the shell refused a command. Nothing changed; the message says what would work.
enum CommandError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// The command name is unknown; `suggestions` are the closest known names.
    case unknownCommand(String, suggestions: [String])
    /// The command was used wrongly; the message shows the right way.
    case usage(String)
    /// A span address does not fit the sentence.
    case span(SpanAddressError)
    /// The annotation model refused the edit.
    case rejected(String)
    /// Words typed as a span of the sentence (after `accept … by`/`to`) stand in the sentence only
    /// inside longer words; `typed` is the item as typed. A name matches whole words only.
    case partOfLongerWord(typed: String)
    /// The edit could not be stored.
    case storage(String)
    /// `save` could not rewrite the session file (the journal still holds every edit).
    case saveFailed(String)

    var description: String {
        switch self {
        case .unknownCommand(let name, let suggestions):
            let word = ForeignLetters.quotedCommandWord(name)
            if suggestions.isEmpty { return "unknown command \(word); type 'help' for the list of commands" }
            return "unknown command \(word); did you mean: \(suggestions.joined(separator: ", "))? (type 'help' for all)"
        case .usage(let message): return message
        case .span(let error): return error.description
        case .rejected(let message): return message
        case .partOfLongerWord(let typed):
            return "„\(TerminalText.sanitize(String(typed.prefix(60))))“ does not stand as a word in this sentence (a name matches whole words,"
                + " the last also with a genitive -s: Seoul is „Seouls“, never part of a longer word); give token numbers (show -t) or quoted text"
        case .storage(let message): return "could not store the edit (nothing changed): \(message)"
        case .saveFailed(let message): return "could not save (every edit is still kept in the log): \(message)"
        }
    }

    var errorDescription: String? { description }
}
