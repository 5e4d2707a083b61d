/// Where a sentence lies in its document's text, both as UTF-8 byte offsets (to copy it without
/// building strings) and as Unicode-scalar offsets (the offsets everything else uses).
package struct SentenceSpan: Sendable, Hashable {
    /// Byte range into the document text's UTF-8, end-exclusive.
    package var bytes: Range<Int>
    /// Scalar range into the document text, end-exclusive.
    package var scalars: Range<Int>
}
