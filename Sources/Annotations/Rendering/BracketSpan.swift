/// One annotation span clipped to a sentence, as ``BracketRenderer`` brackets it.
struct BracketSpan: Sendable, Equatable {
    /// The record's id (a mention's, cue's or claim's).
    var id: String
    /// What the opening bracket names: the speaker for a mention, the id for a cue, the id (and
    /// the speakers tagged elsewhere) for a claim.
    var label: String
    /// Which bracket and colour.
    var kind: SentencePiece.Kind
    /// Clipped span, in scalar offsets into the document (end-exclusive).
    var start: Int
    var end: Int
    /// The segment began in an earlier sentence.
    var continuesBefore: Bool
    /// The segment runs on into a later sentence.
    var continuesAfter: Bool

    /// At one start and end, claims open outside speakers, speakers outside cues.
    var rank: Int { kind == .claim ? 0 : kind == .mention ? 1 : 2 }

    /// `[S1 `, `<Q1 `, `{C3 `, or `{C3… ` when the claim began in an earlier sentence.
    var open: String {
        Self.brackets(kind).open + label + (continuesBefore ? "… " : " ")
    }

    /// `]`, `>`, `}`; `…}` when it runs on; ` C3}` when it closes across another span.
    func close(crossing: Bool) -> String {
        (continuesAfter ? "…" : "") + (crossing ? " " + label : "") + Self.brackets(kind).close
    }

    /// The bracket pair of a kind.
    static func brackets(_ kind: SentencePiece.Kind) -> (open: String, close: String) {
        switch kind {
        case .mention: return ("[", "]")
        case .cue: return ("<", ">")
        case .claim: return ("{", "}")
        case .text, .context: return ("", "")
        }
    }
}
