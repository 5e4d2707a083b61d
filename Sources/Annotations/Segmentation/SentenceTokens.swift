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
///
/// One store serves all the sentences of a segmented document (one slot per sentence), so that a
/// million sentences do not each allocate a store and a lock; a sentence made on its own, or given
/// its tokens, has a store of one slot. Tokenizing happens outside the lock: two threads that ask
/// for the same sentence at once both tokenize it, and the first result is kept (they are equal).
final class SentenceTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[Token]?]

    /// One slot, its tokens to be made on first use.
    init() { stored = [nil] }

    /// `count` slots, each to be made on first use.
    init(count: Int) { stored = Array(repeating: nil, count: max(count, 1)) }

    /// One slot holding tokens known already.
    init(_ tokens: [Token]) { stored = [tokens] }

    /// The tokens of the sentence in `slot` with `text` starting at document offset `start`.
    func tokens(slot: Int, text: String, start: Int, followedBySpace: Bool) -> [Token] {
        if let known = lock.withLock({ stored[slot] }) { return known }
        let made = Self.tokenize(text: text, start: start, followedBySpace: followedBySpace)
        return lock.withLock {
            if let known = stored[slot] { return known }
            stored[slot] = made
            return made
        }
    }

    /// The tokens if they were made already, else made now and not kept: for one pass over a whole
    /// corpus (an export), which would otherwise keep every sentence's tokens until the end.
    func tokensWithoutKeeping(slot: Int, text: String, start: Int, followedBySpace: Bool) -> [Token] {
        if let known = lock.withLock({ stored[slot] }) { return known }
        return Self.tokenize(text: text, start: start, followedBySpace: followedBySpace)
    }

    /// Whether the tokens of `slot` are held (made or given).
    func isHeld(slot: Int) -> Bool { lock.withLock { stored[slot] != nil } }

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
