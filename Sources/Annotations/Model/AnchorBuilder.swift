import Foundation

/// Makes ``TextAnchor``s for spans of a segmented corpus, checking that they lie inside the
/// document and inside their sentence (or, with `allowFollowingSentences`, run on into the next ones).
public struct AnchorBuilder: Sendable {
    /// Why a span cannot be anchored.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownDocument(String)
        case unknownSentence(String, Int, count: Int)
        case emptySpan
        case outsideDocument(start: Int, end: Int, length: Int)
        case outsideSentence(start: Int, end: Int, sentence: Int, sentenceStart: Int, sentenceEnd: Int)

        public var description: String {
            switch self {
            case .unknownDocument(let id): return "no document '\(id)' in the corpus"
            case .unknownSentence(let id, let index, let count):
                return "document '\(id)' has sentences 1–\(count); there is no sentence \(index + 1)"
            case .emptySpan: return "the span is empty"
            case .outsideDocument(let start, let end, let length):
                return "offsets \(start)–\(end) lie outside the document (length \(length))"
            case .outsideSentence(let start, let end, let sentence, let sentenceStart, let sentenceEnd):
                return "offsets \(start)–\(end) leave sentence \(sentence + 1) (\(sentenceStart)–\(sentenceEnd))"
            }
        }
    }

    /// The corpus spans are anchored in.
    public let corpus: SegmentedCorpus
    private let tables: OffsetTables
    private let documentIndex: [String: Int]

    /// Prepares to anchor spans in `corpus`; a document's offset table is built when a span of it
    /// is first anchored or checked (a session touches few of a large corpus's documents).
    public init(corpus: SegmentedCorpus) {
        self.corpus = corpus
        var index: [String: Int] = [:]
        for (position, document) in corpus.documents.enumerated() {
            index[document.document.id] = position
        }
        self.tables = OffsetTables(count: corpus.documents.count)
        self.documentIndex = index
    }

    /// Offset tables built on first use, shared by copies of the builder. An `NSLock` guards them
    /// (see ``SentenceTokens`` for why not `Synchronization.Mutex`).
    private final class OffsetTables: @unchecked Sendable {
        private let lock = NSLock()
        private var built: [OffsetTable?]

        init(count: Int) { built = Array(repeating: nil, count: count) }

        func table(_ position: Int, of corpus: SegmentedCorpus) -> OffsetTable {
            if let known = lock.withLock({ built[position] }) { return known }
            let made = OffsetTable(corpus.documents[position].document.text)
            lock.withLock { built[position] = made }
            return made
        }
    }

    /// The segmented document with an id.
    public func document(_ id: String) -> SegmentedDocument? {
        documentIndex[id].map { corpus.documents[$0] }
    }

    /// The offset table of a document.
    func table(_ id: String) -> OffsetTable? { documentIndex[id].map { tables.table($0, of: corpus) } }

    /// The index of the sentence containing a scalar offset, if any.
    public func sentenceIndex(in documentID: String, containing offset: Int) -> Int? {
        document(documentID)?.sentenceIndex(containing: offset)
    }

    /// An anchor for `segments` (sorted and merged first) starting in sentence `sentence` of `documentID`.
    public func anchor(
        document documentID: String, sentence: Int, segments rawSegments: [SpanSegment], allowFollowingSentences: Bool = false
    ) throws(Failure) -> TextAnchor {
        guard let document = document(documentID), let table = self.table(documentID) else { throw .unknownDocument(documentID) }
        guard sentence >= 0, sentence < document.sentences.count else {
            throw .unknownSentence(documentID, sentence, count: document.sentences.count)
        }
        let segments = Self.normalized(rawSegments)
        guard let first = segments.first, let last = segments.last else { throw .emptySpan }
        guard first.start >= 0, last.end <= table.scalarCount else {
            throw .outsideDocument(start: first.start, end: last.end, length: table.scalarCount)
        }
        let home = document.sentences[sentence]
        var limit = home.end
        if allowFollowingSentences {
            limit = document.sentences.last?.end ?? home.end
        }
        guard first.start >= home.start, last.end <= limit else {
            throw .outsideSentence(start: first.start, end: last.end, sentence: sentence, sentenceStart: home.start, sentenceEnd: home.end)
        }
        return makeAnchor(document: document, table: table, sentence: sentence, segments: segments)
    }

    /// Builds an anchor without bounds checks (the caller checked them).
    func makeAnchor(document: SegmentedDocument, table: OffsetTable, sentence: Int, segments: [SpanSegment]) -> TextAnchor {
        let text = segments.map { table.slice($0.range) }.joined(separator: TextAnchor.gapMarker)
        let first = segments[0].start, last = segments[segments.count - 1].end
        return TextAnchor(
            document: document.document.id, sentence: sentence, segments: segments, text: text,
            before: table.slice(max(0, first - TextAnchor.contextLength), first),
            after: table.slice(last, last + TextAnchor.contextLength),
            sentenceHash: document.sentences[sentence].contentHash)
    }

    /// Sorts segments, drops empty ones and merges overlapping or touching ones.
    public static func normalized(_ segments: [SpanSegment]) -> [SpanSegment] {
        var result: [SpanSegment] = []
        for segment in segments.filter({ $0.start < $0.end }).sorted() {
            if let last = result.last, segment.start <= last.end {
                result[result.count - 1].end = max(last.end, segment.end)
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// Checks that an anchor still matches the corpus: the text at its offsets equals its quote.
    public func verify(_ anchor: TextAnchor) -> String? {
        guard let document = document(anchor.document), let table = self.table(anchor.document) else {
            return "document '\(anchor.document)' is not in the corpus"
        }
        guard anchor.hasWellFormedSegments else { return "malformed segments" }
        guard anchor.end <= table.scalarCount else {
            return "offsets \(anchor.start)–\(anchor.end) lie outside the document (length \(table.scalarCount))"
        }
        guard anchor.sentence >= 0, anchor.sentence < document.sentences.count else {
            return "sentence \(anchor.sentence) does not exist (the document has \(document.sentences.count))"
        }
        let sentence = document.sentences[anchor.sentence]
        guard anchor.start >= sentence.start, anchor.start < sentence.end else {
            return "offset \(anchor.start) is not in sentence \(anchor.sentence) (\(sentence.start)–\(sentence.end))"
        }
        // The quote is compared with the text scalar by scalar, in place: a string of the text is
        // made only when they differ (a million anchors checked by `validate` made a million).
        if Self.quote(anchor.text, isScalarForScalar: anchor.segments, of: table.scalars) { return nil }
        let actual = anchor.segments.map { table.slice($0.range) }.joined(separator: TextAnchor.gapMarker)
        guard actual == anchor.text else { return "quote \"\(anchor.text)\" does not match the text \"\(actual)\"" }
        return nil
    }

    /// Whether `quote` holds exactly the scalars of `segments` of `scalars`, joined by
    /// ``TextAnchor/gapMarker`` (the segments lie inside `scalars`). Scalars that differ may still
    /// be the same text to `String`'s comparison (canonically equivalent): false says only that
    /// the strings must be compared.
    private static func quote(_ quote: String, isScalarForScalar segments: [SpanSegment], of scalars: [Unicode.Scalar]) -> Bool {
        var quoted = quote.unicodeScalars.makeIterator()
        for (index, segment) in segments.enumerated() {
            if index > 0 {
                for marker in TextAnchor.gapMarker.unicodeScalars where quoted.next() != marker { return false }
            }
            for position in segment.range where quoted.next() != scalars[position] { return false }
        }
        return quoted.next() == nil
    }
}
