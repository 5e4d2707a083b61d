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

    /// The tokens of `bounds` (made by ``boundsInPlace(slot:text:start:end:followedBySpace:bytes:scalarCount:utf8Start:window:bounds:)``),
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

    /// The bounds of the tokens of a sentence whose text stands at `start..<end` of its document,
    /// tokenized in place in the document's UTF-8 `bytes` (a text of `scalarCount` scalars, scalar
    /// `start` at byte `utf8Start`), into `bounds` with document offsets; the same tokens as
    /// ``tokensWithoutKeeping(slot:text:start:followedBySpace:)``. The sentence's scalars and the
    /// one after it (which the tokenizer reads only for the last token's `spaceAfter`) are decoded
    /// into `window` (storage reused from sentence to sentence), which holds them afterwards, with
    /// where each falls in `bytes`. False (and `bounds` left as it is) when the tokens are not made
    /// in place: held ones, or a sentence whose text is not the document's bytes at its offsets or
    /// whose `followedBySpace` disagrees with the document.
    func boundsInPlace(
        slot: Int, text: String, start: Int, end: Int, followedBySpace: Bool, bytes: UnsafeBufferPointer<UInt8>, scalarCount: Int,
        utf8Start: Int, window: inout ScalarWindow, bounds: inout [TokenBounds]
    ) -> Bool {
        if lock.withLock({ stored[slot] != nil }) { return false }
        guard bytes.baseAddress != nil, start >= 0, start <= end, end <= scalarCount, utf8Start >= 0, utf8Start <= bytes.count else {
            return false
        }
        let after = end < scalarCount ? 1 : 0
        window.fill(bytes, byte: utf8Start, scalar: start, count: end - start + after)
        guard window.end == end + after,
            Self.matches(text, UnsafeBufferPointer(rebasing: bytes[utf8Start..<window.utf8Offset(ofScalar: end)]))
        else { return false }
        // The scalar after the sentence is what the tokenizer reads for the last token's `spaceAfter`.
        if after == 1, Tokenizer.isSpace(window[end]) != followedBySpace { return false }
        window.scalars.withUnsafeBufferPointer { scalars in
            Tokenizer().tokenBounds(in: scalars, range: 0..<(end - start), into: &bounds)
        }
        if start != 0 {
            for index in bounds.indices {
                bounds[index].start += start
                bounds[index].end += start
            }
        }
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
