/// A document together with its sentences and tokens.
public struct SegmentedDocument: Sendable, Hashable {
    /// The document.
    public var document: Document
    /// Its sentences in order.
    public var sentences: [Sentence]

    /// Segments `document`; each sentence is tokenized when its tokens are first asked for.
    public init(_ document: Document, segmenter: SentenceSegmenter = SentenceSegmenter(), tokenizer: Tokenizer = Tokenizer()) {
        self.init(document, sentenceRanges: segmenter.sentenceRanges(in: document.text))
    }

    /// `document` cut at `sentenceRanges` (scalar offsets, in order, inside the text), for example
    /// ranges kept in the segmentation cache.
    public init(_ document: Document, sentenceRanges: [Range<Int>]) {
        self.document = document
        // A pre-tokenized document keeps its given sentences and tokens whatever ranges are passed
        // (also when they come from the segmentation cache).
        if let given = document.givenSentences {
            self.sentences = Self.sentences(given, of: document, scalars: Array(document.text.unicodeScalars), tokenizer: Tokenizer())
            return
        }
        let id = document.id
        self.sentences = document.text.utf8.withContiguousStorageIfAvailable { Self.sentences(id, $0, sentenceRanges) }
            ?? Array(document.text.utf8).withUnsafeBufferPointer { Self.sentences(id, $0, sentenceRanges) }
    }

    /// The sentences at `ranges` (scalar offsets) of the text whose UTF-8 bytes are `bytes`, made by
    /// walking the bytes (a scalar starts at every byte that is not 10xxxxxx) and taking each
    /// sentence's bytes as they are: the text is valid UTF-8 and the cuts fall between scalars.
    private static func sentences(_ documentID: String, _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(ranges.count)
        // One token store for the document's sentences (see ``SentenceTokens``).
        let store = SentenceTokens(count: ranges.count)
        // `scalar` scalars start before `byte` (and `byte` is a scalar's first byte after `advance`).
        var byte = 0, scalar = 0
        func advance(to target: Int) {
            // Eight bytes at a time while at least eight scalars are left to pass: a word of eight
            // bytes starts at most eight scalars (every byte but 10xxxxxx starts one).
            if let base = bytes.baseAddress {
                while scalar + 8 <= target, byte + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + byte).loadUnaligned(as: UInt64.self)
                    scalar += 8 - (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    byte += 8
                }
            }
            while byte < bytes.count {
                if bytes[byte] & 0xC0 != 0x80 {
                    if scalar == target { return }
                    scalar += 1
                }
                byte += 1
            }
        }
        for range in ranges {
            advance(to: range.lowerBound)
            let lower = byte
            advance(to: range.upperBound)
            let upper = byte
            var followedBySpace = false
            if upper < bytes.count {
                var rest = UnsafeBufferPointer(rebasing: bytes[upper...]).makeIterator()
                var decoder = UTF8()
                if case .scalarValue(let next) = decoder.decode(&rest) { followedBySpace = Tokenizer.isSpace(next) }
            }
            sentences.append(
                Sentence(
                    documentID: documentID, index: sentences.count, start: range.lowerBound, end: range.upperBound,
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self),
                    followedBySpace: followedBySpace, store: store, slot: sentences.count))
        }
        return sentences
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
