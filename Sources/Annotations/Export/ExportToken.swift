/// A token as the token formats (jsonl, CoNLL-U, WebAnno, IOB) write it: its scalar bounds in the
/// document, whether whitespace follows it, and where its text is. A token made in place in the
/// document's scalars has its text as a range of the document's UTF-8 bytes, so no `String` is
/// made per token; a token given by the sentence (held, tokenized from the sentence's own text, or
/// cut at a span boundary) carries its text.
struct ExportToken: Sendable, Hashable {
    /// Start offset in Unicode scalars into the document text.
    var start: Int
    /// End offset (exclusive) in Unicode scalars into the document text.
    var end: Int
    /// Whether whitespace follows the token before the next token (or the sentence end).
    var spaceAfter: Bool
    /// The token's text as a range of the document's UTF-8 bytes, when ``own`` is nil.
    var utf8: Range<Int>
    /// The token's text, when it is not read from the document's bytes.
    var own: String?

    /// A token whose text is `utf8` of the document's bytes.
    init(start: Int, end: Int, spaceAfter: Bool, utf8: Range<Int>) {
        self.start = start
        self.end = end
        self.spaceAfter = spaceAfter
        self.utf8 = utf8
        self.own = nil
    }

    /// A token with its own text.
    init(_ token: Token) {
        self.start = token.start
        self.end = token.end
        self.spaceAfter = token.spaceAfter
        self.utf8 = 0..<0
        self.own = token.text
    }

    /// The token's text (for tests and messages; the formats write it with ``withText(in:_:)``).
    func text(in bytes: [UInt8]) -> String {
        withText(in: bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the token's UTF-8 bytes, read in place from the document's `bytes` or
    /// from its own text.
    func withText<R>(in bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if var own { return own.withUTF8(body) }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[utf8])) }
    }
}
