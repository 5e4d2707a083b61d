import Synchronization

/// The tokens of one sentence, made on first use: a corpus of a million sentences opens without
/// tokenizing, and only the sentences a view, an edit or an export looks at are tokenized (once each).
///
/// Tokenizing needs only the sentence's text, its document offset and whether whitespace follows it
/// in the document (the last token's `spaceAfter`), so the result is the same as tokenizing inside
/// the whole document.
final class SentenceTokens: Sendable {
    private let state: Mutex<[Token]?>

    /// Tokens to be made from the sentence on first use.
    init() { state = Mutex(nil) }

    /// Tokens known already.
    init(_ tokens: [Token]) { state = Mutex(tokens) }

    /// The tokens of the sentence with `text` starting at document offset `start`.
    func tokens(text: String, start: Int, followedBySpace: Bool) -> [Token] {
        state.withLock { stored in
            if let stored { return stored }
            let made = Self.tokenize(text: text, start: start, followedBySpace: followedBySpace)
            stored = made
            return made
        }
    }

    /// Tokenizes `text` as if it stood at `start` in its document.
    static func tokenize(text: String, start: Int, followedBySpace: Bool) -> [Token] {
        var scalars = Array(text.unicodeScalars)
        let count = scalars.count
        if followedBySpace { scalars.append(" ") }
        var tokens = Tokenizer().tokens(in: scalars, range: 0..<count)
        if start != 0 {
            for index in tokens.indices {
                tokens[index].start += start
                tokens[index].end += start
            }
        }
        return tokens
    }
}
