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

    /// ``tokensWithoutKeeping(slot:text:start:followedBySpace:)`` for a sentence whose text stands
    /// at `start..<end` of its document, tokenized in place in the document's `scalars` (whose UTF-8
    /// bytes are `bytes`, the offset of scalar `i` being `utf8Offset(i)`): no copy of the sentence's
    /// scalars, and each token's text taken from the document's bytes. The tokenizer sees the same
    /// scalars either way (the sentence's, then the one after it only as the last token's
    /// `spaceAfter`), so the tokens are the same; the sentence's text is checked against the
    /// document's bytes, and a sentence that does not match is tokenized from its own text.
    func tokensWithoutKeeping(
        slot: Int, text: String, start: Int, end: Int, followedBySpace: Bool, scalars: UnsafeBufferPointer<Unicode.Scalar>,
        bytes: UnsafeBufferPointer<UInt8>, utf8Offset: (Int) -> Int, bounds: inout [TokenBounds]
    ) -> [Token] {
        if let known = lock.withLock({ stored[slot] }) { return known }
        guard let base = bytes.baseAddress,
            boundsInPlace(
                slot: slot, text: text, start: start, end: end, followedBySpace: followedBySpace, scalars: scalars, bytes: bytes,
                utf8Offset: utf8Offset, bounds: &bounds)
        else { return Self.tokenize(text: text, start: start, followedBySpace: followedBySpace) }
        return Self.tokens(bounds, base: base, utf8Offset: utf8Offset)
    }

    /// The tokens of `bounds` (made by ``boundsInPlace(slot:text:start:end:followedBySpace:scalars:bytes:utf8Offset:bounds:)``),
    /// each with its text from the document's bytes starting at `base` (scalar `i` at byte `utf8Offset(i)`).
    static func tokens(_ bounds: [TokenBounds], base: UnsafePointer<UInt8>, utf8Offset: (Int) -> Int) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count)
        for (index, token) in bounds.enumerated() {
            let lower = utf8Offset(token.start), upper = utf8Offset(token.end)
            tokens.append(Token(
                index: index, start: token.start, end: token.end,
                text: String(decoding: UnsafeBufferPointer(start: base + lower, count: upper - lower), as: UTF8.self),
                kind: token.kind, spaceAfter: token.spaceAfter))
        }
        return tokens
    }

    /// The bounds of the tokens ``tokensWithoutKeeping(slot:text:start:end:followedBySpace:scalars:bytes:utf8Offset:bounds:)``
    /// makes in place, into `bounds`, with document offsets; false (and `bounds` left as it is)
    /// when the tokens are not made in place: held ones, or a sentence whose text is not the
    /// document's bytes at its offsets or whose `followedBySpace` disagrees with the document.
    func boundsInPlace(
        slot: Int, text: String, start: Int, end: Int, followedBySpace: Bool, scalars: UnsafeBufferPointer<Unicode.Scalar>,
        bytes: UnsafeBufferPointer<UInt8>, utf8Offset: (Int) -> Int, bounds: inout [TokenBounds]
    ) -> Bool {
        if lock.withLock({ stored[slot] != nil }) { return false }
        guard bytes.baseAddress != nil, start >= 0, start <= end, end <= scalars.count,
            Self.matches(text, UnsafeBufferPointer(rebasing: bytes[utf8Offset(start)..<utf8Offset(end)]))
        else { return false }
        // The scalar after the sentence is what the tokenizer reads for the last token's `spaceAfter`.
        if end < scalars.count, Tokenizer.isSpace(scalars[end]) != followedBySpace { return false }
        Tokenizer().tokenBounds(in: scalars, range: start..<end, into: &bounds)
        return true
    }

    /// Whether `text`'s UTF-8 bytes are `bytes`.
    private static func matches(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in
            guard own.count == bytes.count else { return false }
            guard let left = own.baseAddress, let right = bytes.baseAddress else { return own.isEmpty }
            return memcmp(left, right, own.count) == 0
        }
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
