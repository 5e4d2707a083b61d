import Foundation

/// The tokens of one sentence, made on first use: a corpus of a million sentences opens without
/// tokenizing, and only the sentences a view, an edit or an export looks at are tokenized (once each).
///
/// Tokenizing needs only the sentence's text, its document offset and whether whitespace follows it
/// in the document (the last token's `spaceAfter`), so the result is the same as tokenizing inside
/// the whole document.
///
/// Guarded by an `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`: on Linux the
/// latter waits on futexes the thread sanitizer cannot see, so `scripts/tsan` would report its
/// guarded accesses as races; every lock in the library is of this one kind.
final class SentenceTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Token]?

    /// Tokens to be made from the sentence on first use.
    init() {}

    /// Tokens known already.
    init(_ tokens: [Token]) { stored = tokens }

    /// The tokens of the sentence with `text` starting at document offset `start`.
    func tokens(text: String, start: Int, followedBySpace: Bool) -> [Token] {
        lock.withLock {
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
