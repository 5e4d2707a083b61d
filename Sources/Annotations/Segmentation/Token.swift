/// A token of a sentence, used to address spans by number in the REPL and in exports.
public struct Token: Sendable, Hashable, Codable {
    /// What kind of text a token is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Letters, possibly with inner hyphens or apostrophes ("US-Verteidigungsminister").
        case word
        /// Digits with separators ("10.000", "21.", "2022").
        case number
        /// A quotation mark of any style („ “ « » ” " ' ‹ ›).
        case quote
        /// Other punctuation (. , : ; ? ! ( ) … – -).
        case punctuation
        /// Anything else (symbols, emoji, URLs are words).
        case symbol
    }

    /// 0-based index of the token within its sentence.
    public var index: Int
    /// Start offset in Unicode scalars into the document text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars into the document text.
    public var end: Int
    /// The token's text.
    public var text: String
    /// The token's kind.
    public var kind: Kind
    /// Whether whitespace follows the token before the next token (or the sentence end).
    public var spaceAfter: Bool

    /// Creates a token.
    public init(index: Int, start: Int, end: Int, text: String, kind: Kind, spaceAfter: Bool) {
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.spaceAfter = spaceAfter
    }
}
