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

    /// Segments every document of `corpus`; `progress` is told the number of documents done as it goes.
    public init(
        _ corpus: Corpus, segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer(),
        progress: ((Int) -> Void)? = nil
    ) {
        self.corpus = corpus
        var documents: [SegmentedDocument] = []
        documents.reserveCapacity(corpus.documents.count)
        for document in corpus.documents {
            documents.append(SegmentedDocument(document, segmenter: segmenter, tokenizer: tokenizer))
            progress?(documents.count)
        }
        self.documents = documents
        self.segmenterVersion = SentenceSegmenter.version
    }

    /// A corpus whose documents were segmented already (e.g. taken from the segmentation cache) with
    /// the segmenter of `segmenterVersion`.
    public init(_ corpus: Corpus, documents: [SegmentedDocument], segmenterVersion: String = SentenceSegmenter.version) {
        self.corpus = corpus
        self.documents = documents
        self.segmenterVersion = segmenterVersion
    }

    /// The segmented document with the given id.
    public func document(id: String) -> SegmentedDocument? { documents.first { $0.document.id == id } }
}
