/// What a session records about its corpus, so a reopened session can tell when the corpus changed.
public struct CorpusReference: Sendable, Hashable, Codable {
    /// One document as the session saw it.
    public struct DocumentEntry: Sendable, Hashable, Codable {
        /// Document id.
        public var id: String
        /// SHA-256 of the normalised text.
        public var fingerprint: String
        /// Number of sentences.
        public var sentences: Int
        /// `given` for a pre-tokenized document; nil when the workbench segmented it.
        public var tokenization: String?

        /// The ``tokenization`` value of a pre-tokenized document.
        public static let given = "given"

        /// Creates an entry.
        public init(id: String, fingerprint: String, sentences: Int, tokenization: String? = nil) {
            self.id = id
            self.fingerprint = fingerprint
            self.sentences = sentences
            self.tokenization = tokenization
        }
    }

    /// The corpus paths as given by the user.
    public var paths: [String]
    /// The segmenter version.
    public var segmenter: String
    /// The documents in corpus order.
    public var documents: [DocumentEntry]

    /// Creates a reference.
    public init(paths: [String], segmenter: String, documents: [DocumentEntry]) {
        self.paths = paths
        self.segmenter = segmenter
        self.documents = documents
    }

    /// The reference for a segmented corpus.
    public init(_ corpus: SegmentedCorpus) {
        self.init(
            paths: corpus.corpus.paths, segmenter: corpus.segmenterVersion,
            documents: corpus.documents.map {
                DocumentEntry(
                    id: $0.document.id, fingerprint: $0.document.fingerprint, sentences: $0.sentences.count,
                    tokenization: $0.document.isPretokenized ? DocumentEntry.given : nil)
            })
    }
}
