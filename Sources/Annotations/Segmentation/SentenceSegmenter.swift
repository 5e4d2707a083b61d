/// Splits German news text into sentences.
///
/// - Every line break (LF, CR, VT, FF, NEL, LS, PS) ends a unit, so headlines, captions and
///   credits without final punctuation stand alone; blank lines yield nothing.
/// - Inside a line a sentence ends at `.`, `?`, `!` or an omission mark ("…", "...") together
///   with the closing quotes and brackets attached to it, when a new sentence follows: the next
///   non-space character is upper-case, a digit, or an opening quote or bracket followed by one.
///   A comma, semicolon or lower-case word after the mark continues the sentence.
/// - A full stop does not end a sentence after an abbreviation ("z. B.", "Dr.", "Anm. d. Red.",
///   "bzw."), after an ordinal or a date ("am 21. Oktober", "21.10."), after an initial
///   ("J. D. Vance"), inside a number ("10.000") or a URL, e-mail address or domain. Ambiguous
///   cases ("Mio.", "Jan.", "u. a.", single letters, small numbers, a spaced or bracketed omission
///   mark) end a sentence only when a typical sentence opener follows ("Die", "Er", "Es", "Nach"…).
/// - A full stop glued to a capitalised word ("haben.Desinformation") ends a sentence unless it
///   belongs to an abbreviation, a URL or an acronym ("z.B.", "U.S.", "Nr.5"); glued to a
///   lower-case word ("würden.unbedingt") it does not.
///
/// Offsets are Unicode-scalar offsets into the text, end-exclusive, trimmed of surrounding whitespace.
/// The scan works on the UTF-8 bytes in one linear pass.
public struct SentenceSegmenter: Sendable {
    /// Version tag recorded in sessions so a change of rules can be detected.
    public static let version = "de-news-1.1"

    /// Creates a segmenter.
    public init() {}

    /// The scalar ranges of the sentences of `text`, in order. Blank lines yield nothing.
    public func sentenceRanges(in text: String) -> [Range<Int>] {
        if let ranges = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var scanner = SegmentationScanner(bytes)
            return scanner.run()
        }) {
            return ranges
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = SegmentationScanner(buffer)
            return scanner.run()
        }
    }

    /// The sentences of the valid UTF-8 `bytes` as byte and scalar ranges, in order; the same
    /// sentences as ``sentenceRanges(in:)``.
    package func sentenceSpans(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [SentenceSpan] {
        var scanner = SegmentationScanner(bytes)
        let scalars = scanner.run()
        return zip(scanner.byteRanges, scalars).map { SentenceSpan(bytes: $0, scalars: $1) }
    }
}
