/// One document of a corpus: its identity, its normalised text and where it came from.
///
/// All offsets anywhere in the project count Unicode scalars into ``text``, end-exclusive.
public struct Document: Sendable, Hashable, Codable {
    /// Stable identifier: the file name without extension, or the `id` of a JSONL record.
    public var id: String
    /// Optional human title (JSONL `title`, otherwise nil).
    public var title: String?
    /// The normalised text (no BOM, LF line endings, NFC).
    public var text: String
    /// SHA-256 of the UTF-8 bytes of ``text``, lowercase hex.
    public var fingerprint: String
    /// What normalisation changed while loading.
    var normalization: TextNormalization
    /// The file the document was read from, as given to the loader.
    public var source: String
    /// Free-form string metadata from a JSONL record.
    public var meta: [String: String]
    /// The sentences and tokens of a pre-tokenized document (JSONL `sentences`); nil when the
    /// workbench segments and tokenizes the text itself.
    var givenSentences: [GivenSentence]?

    /// Creates a document from already-normalised text and computes its fingerprint.
    public init(
        id: String, title: String? = nil, text: String, normalization: TextNormalization = TextNormalization(),
        source: String = "", meta: [String: String] = [:], givenSentences: [GivenSentence]? = nil
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.fingerprint = Fingerprint.sha256Hex(text)
        self.normalization = normalization
        self.source = source
        self.meta = meta
        self.givenSentences = givenSentences
    }

    /// Creates a document from raw text, normalising it first.
    public init(id: String, title: String? = nil, rawText: String, source: String = "", meta: [String: String] = [:]) {
        let (text, report) = TextNormalization.normalize(rawText)
        self.init(id: id, title: title, text: text, normalization: report, source: source, meta: meta)
    }

    /// True when the document came with its own sentences and tokens.
    public var isPretokenized: Bool { givenSentences != nil }

    /// True when the text holds nothing but whitespace.
    public var isBlank: Bool { text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }

    /// Length of ``text`` in Unicode scalars.
    public var scalarCount: Int { text.unicodeScalars.count }
}
