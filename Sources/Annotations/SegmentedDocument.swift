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
        if let given = document.givenSentences {
            self.sentences = Self.sentences(given, of: document, scalars: scalars, tokenizer: tokenizer)
            return
        }
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

    /// The given sentences of a pre-tokenized document, with their tokens exactly as given (the
    /// kind of each token is the tokenizer's kind of its first piece).
    private static func sentences(_ given: [GivenSentence], of document: Document, scalars: [Unicode.Scalar], tokenizer: Tokenizer) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(given.count)
        for sentence in given {
            guard let first = sentence.tokens.first, let last = sentence.tokens.last else { continue }
            var tokens: [Token] = []
            tokens.reserveCapacity(sentence.tokens.count)
            for range in sentence.tokens {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[range.start..<range.end])
                let kind = tokenizer.tokens(in: scalars, range: range.start..<range.end).first?.kind ?? .symbol
                let spaceAfter = range.end < scalars.count && scalars[range.end].properties.isWhitespace
                tokens.append(Token(index: tokens.count, start: range.start, end: range.end, text: String(view), kind: kind, spaceAfter: spaceAfter))
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[first.start..<last.end])
            sentences.append(Sentence(
                documentID: document.id, index: sentences.count, start: first.start, end: last.end, text: String(view), tokens: tokens))
        }
        return sentences
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
