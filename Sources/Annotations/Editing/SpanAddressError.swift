import Foundation

/// Why a span address cannot be read or does not fit the sentence it is used in. Each message says
/// what would work instead.
public enum SpanAddressError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// Nothing was given.
    case empty
    /// The address cannot be read; `hint` shows the accepted forms.
    case malformed(String, hint: String)
    /// A token number outside the sentence.
    case tokenOutOfRange(Int, count: Int, sentenceOffset: Int)
    /// A range whose end comes before its start.
    case reversedRange(from: Int, to: Int)
    /// The span runs on into a sentence the document does not have.
    case noFollowingSentence(offset: Int, available: Int)
    /// A quoted text is not in the sentence.
    case textNotFound(String)
    /// A quoted text is in the sentence only as part of a character (a letter without its combining
    /// accent, one emoji of a joined emoji sequence).
    case textInsideCharacter(String)
    /// A quoted text or pattern occurs fewer times than asked for.
    case occurrenceMissing(String, wanted: Int, found: Int)
    /// A regular expression does not compile.
    case invalidPattern(String, reason: String)
    /// A regular expression was stopped: it backtracks too much on this sentence (see `BoundedRegex`).
    case patternTooCostly(String, reason: String)
    /// A regular expression matches nothing in the sentence.
    case patternNotFound(String)

    /// The accepted forms, for messages.
    public static let forms = "4, 4-7, 4-7,9, 4- (to the end), 4-+1:5 (into the next sentence), \"text\", word, \"text\"#2, /regex/, all, SPAN..+1"

    public var description: String {
        // What the user typed is echoed cut to `echoLimit` characters: a pasted page in quotes
        // was answered with the whole page, many rows of a narrow window.
        let typed = Self.echo(typedText)
        switch self {
        case .empty: return "no span given; use one of: \(Self.forms)"
        case .malformed(_, let hint): return "cannot read span '\(typed)': \(hint)"
        case .tokenOutOfRange(let number, let count, let offset):
            let which = offset == 0 ? "this sentence" : "sentence +\(offset)"
            return "there is no token \(number); \(which) has tokens 1–\(count) (type 'tokens' to see them)"
        case .reversedRange(let from, let to): return "range \(from)-\(to) ends before it starts; write \(to)-\(from)"
        case .noFollowingSentence(let offset, let available):
            return available == 0
                ? "this is the last sentence of the document; a span cannot run on into sentence +\(offset)"
                : "the document has only \(available) more sentence(s); +\(offset) is too far"
        case .textNotFound: return "\"\(typed)\" is not in this sentence (quotes must match exactly, case included)"
        case .textInsideCharacter:
            return "\"\(typed)\" is in this sentence only as part of a character (a letter with its accent, an emoji sequence); quote the whole character"
        case .occurrenceMissing(_, let wanted, let found):
            return "\"\(typed)\" occurs \(found) time(s) in this sentence; #\(wanted) does not exist"
        case .invalidPattern(_, let reason): return "invalid regular expression /\(typed)/: \(reason)"
        case .patternTooCostly(_, let reason): return "regular expression /\(typed)/ \(reason)"
        case .patternNotFound: return "/\(typed)/ matches nothing in this sentence"
        }
    }

    public var errorDescription: String? { description }

    /// How many characters of a quoted text, pattern or unreadable address a message repeats.
    static let echoLimit = 60

    /// What the user typed that the message repeats: a quoted text, a pattern, an unreadable address.
    private var typedText: String {
        switch self {
        case .malformed(let typed, _), .textNotFound(let typed), .textInsideCharacter(let typed), .occurrenceMissing(let typed, _, _),
            .invalidPattern(let typed, _), .patternTooCostly(let typed, _), .patternNotFound(let typed):
            return typed
        case .empty, .tokenOutOfRange, .reversedRange, .noFollowingSentence:
            return ""
        }
    }

    /// `text` as a message repeats it: whole up to ``echoLimit`` characters, else its start and "…".
    private static func echo(_ text: String) -> String {
        text.count <= echoLimit ? text : String(text.prefix(echoLimit - 1)) + "…"
    }
}
