/// A run of text in a rendered sentence: plain corpus text, an annotation's opening or closing
/// bracket, or stored context shown when the corpus is not available (see ``BracketRenderer``).
public struct SentencePiece: Sendable, Hashable {
    /// What the run is.
    public enum Kind: Sendable, Hashable {
        /// Corpus text (sanitise before writing to a terminal).
        case text
        /// A bracket of a speaker mention: `[S1 ` … `]`.
        case mention
        /// A bracket of a cue: `<Q1 ` … `>`.
        case cue
        /// A bracket of a claim: `{C3 ` … `}`.
        case claim
        /// Stored anchor context, or a separator, shown when the corpus is missing.
        case context
    }

    /// The text of the run.
    public var text: String
    /// What it is.
    public var kind: Kind
    /// For corpus text inside annotations: the kind of the innermost one (a front end may colour the
    /// text like its brackets); nil outside annotations and for brackets and context.
    public var enclosing: Kind?

    /// Creates a piece.
    public init(_ text: String, _ kind: Kind, enclosing: Kind? = nil) {
        self.text = text
        self.kind = kind
        self.enclosing = enclosing
    }

    /// The pieces joined as plain text (bracket notation).
    public static func plain(_ pieces: [SentencePiece]) -> String {
        pieces.map(\.text).joined()
    }
}
