/// A token as the token formats (jsonl, CoNLL-U, WebAnno, IOB, SpkAtt) write it: its scalar bounds
/// in the document, whether whitespace follows it, and where its text is. It holds no reference,
/// so the token lists made sentence after sentence are copied and emptied without a retain or
/// release per token: a token's text is a range of the document's UTF-8 bytes, or, for a token
/// given by the sentence whose text is not the document's bytes there, a range of its list's
/// own-text store (``ExportTokens/Scratch/ownText``).
struct ExportToken: Sendable, Hashable {
    /// Where the text of a token the sentence gave (held, tokenized from the sentence's own text,
    /// or cut at a span boundary) is.
    enum OwnText: Sendable, Hashable {
        /// The document's bytes at ``ExportToken/utf8``, which are the token's text.
        case document
        /// These bytes of the token list's own-text store.
        case stored(Range<Int>)
    }

    /// Start offset in Unicode scalars into the document text.
    var start: Int
    /// End offset (exclusive) in Unicode scalars into the document text.
    var end: Int
    /// Whether whitespace follows the token before the next token (or the sentence end).
    var spaceAfter: Bool
    /// The token's text as a range of the document's UTF-8 bytes, unless ``own`` is `.stored`.
    var utf8: Range<Int>
    /// Set for a token the sentence gave: where its text is (nil: made in place in the document).
    var own: OwnText?

    /// A token whose text is `utf8` of the document's bytes.
    init(start: Int, end: Int, spaceAfter: Bool, utf8: Range<Int>) {
        self.start = start
        self.end = end
        self.spaceAfter = spaceAfter
        self.utf8 = utf8
        self.own = nil
    }

    /// A token the sentence gave: its text is read from the `document`'s bytes where `window`
    /// places the token, when the window holds it and the bytes there are the token's text;
    /// otherwise the text is appended to `store` (the token list's own-text store).
    init(given token: Token, window: ScalarWindow, document: UnsafeBufferPointer<UInt8>, store: inout [UInt8]) {
        self.start = token.start
        self.end = token.end
        self.spaceAfter = token.spaceAfter
        var text = token.text
        let place: Range<Int>? = text.withUTF8 { own in
            guard token.start >= window.start, token.start <= token.end, token.end <= window.end else { return nil }
            let lower = window.utf8Offset(ofScalar: token.start), upper = window.utf8Offset(ofScalar: token.end)
            guard lower <= upper, upper <= document.count, upper - lower == own.count,
                own.elementsEqual(UnsafeBufferPointer(rebasing: document[lower..<upper]))
            else { return nil }
            return lower..<upper
        }
        if let place {
            self.utf8 = place
            self.own = .document
        } else {
            let lower = store.count
            text.withUTF8 { store.append(contentsOf: $0) }
            self.utf8 = 0..<0
            self.own = .stored(lower..<store.count)
        }
    }

    /// Whether the token's text is ``utf8`` of the document's bytes (every token but one whose
    /// text is in its list's own-text store).
    var isInDocument: Bool {
        if case .stored = own { return false }
        return true
    }

    /// The token's text (for tests and messages; the formats write it with ``withText(in:stored:_:)``).
    func text(in bytes: [UInt8], stored: [UInt8] = []) -> String {
        withText(in: bytes, stored: stored) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the token's UTF-8 bytes, read in place from the document's `bytes` or
    /// from `stored`, the own-text store of the list the token came in.
    func withText<R>(in bytes: [UInt8], stored: [UInt8] = [], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if case .stored(let range) = own { return stored.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[utf8])) }
    }
}
