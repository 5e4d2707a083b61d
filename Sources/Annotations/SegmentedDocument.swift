/// A document together with its sentences and tokens.
public struct SegmentedDocument: Sendable, Hashable {
    /// The document.
    public var document: Document
    /// Its sentences in order.
    public var sentences: [Sentence]

    /// Segments and tokenizes `document`.
    public init(_ document: Document, segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer()) {
        self.document = document
        let scalars = Array(document.text.unicodeScalars)
        var sentences: [Sentence] = []
        for range in segmenter.sentenceRanges(in: document.text) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            sentences.append(
                Sentence(
                    documentID: document.id, index: sentences.count, start: range.lowerBound, end: range.upperBound,
                    text: String(view), tokens: tokenizer.tokens(in: scalars, range: range)))
        }
        self.sentences = sentences
    }
}

/// A corpus with every document segmented; the unit the annotation tools work on.
public struct SegmentedCorpus: Sendable, Hashable {
    /// The source corpus.
    public var corpus: Corpus
    /// The segmented documents, in corpus order.
    public var documents: [SegmentedDocument]
    /// The segmenter version used.
    public var segmenterVersion: String

    /// Segments every document of `corpus`.
    public init(_ corpus: Corpus, segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer()) {
        self.corpus = corpus
        self.documents = corpus.documents.map { SegmentedDocument($0, segmenter: segmenter, tokenizer: tokenizer) }
        self.segmenterVersion = SentenceSegmenter.version
    }

    /// The segmented document with the given id.
    public func document(id: String) -> SegmentedDocument? { documents.first { $0.document.id == id } }
}
