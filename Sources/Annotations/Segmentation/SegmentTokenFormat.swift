/// How `workbench segment --format jsonl` writes each sentence's tokens (`--tokens`).
package enum SegmentTokenFormat: String, Sendable, Hashable, CaseIterable {
    /// Tokens as `[start, end]` pairs of scalar offsets into the sentence text (end-exclusive; a
    /// token's text is that slice of the sentence text, its document offsets these plus the
    /// sentence's `start`), their kinds as one letter each in `kinds` and `space_after` as 0/1.
    /// The default.
    case offsets
    /// Each token as an object with its index, offsets, text, kind and `space_after` (the record
    /// of earlier versions: about three times the bytes of `offsets`).
    case full
    /// No tokens: document, index, offsets and text only.
    case none
}
