/// How `workbench segment --format jsonl` writes each sentence's tokens (`--tokens`).
package enum SegmentTokenFormat: String, Sendable, Hashable, CaseIterable {
    /// Tokens as `[start, end]` pairs of document scalar offsets (end-exclusive, like the
    /// sentence's), their kinds as one letter each in `kinds` and `space_after` as 0/1; a token's
    /// text is the slice of the sentence text. The default.
    case offsets
    /// Each token as an object with its index, offsets, text, kind and `space_after` (the record
    /// of earlier versions: about three times the bytes of `offsets`).
    case full
    /// No tokens: document, index, offsets and text only.
    case none
}
