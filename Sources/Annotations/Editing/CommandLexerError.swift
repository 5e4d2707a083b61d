/// Why a command line could not be split into words.
public enum CommandLexerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quotation opened with `opening` is not closed; `closer` is the mark that closes it.
    case unclosedQuote(opening: Character, closer: Character)
    /// A `/regex/` is not closed.
    case unclosedRegularExpression

    public var description: String {
        switch self {
        case .unclosedQuote(let opening, let closer): "the quote \(opening) is not closed; close it with \(closer)"
        case .unclosedRegularExpression: "the regular expression is not closed; end it with /"
        }
    }
}
