/// One segmented sentence of a document, with a stable identity and a content hash.
public struct Sentence: Sendable, Hashable, Codable {
    /// The document the sentence belongs to.
    public var documentID: String
    /// 0-based index of the sentence within its document.
    public var index: Int
    /// Start offset in Unicode scalars into the document text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars into the document text.
    public var end: Int
    /// The sentence's exact text (a slice of the document text; may hold inner line breaks only
    /// if the segmenter keeps them, which the German segmenter never does).
    public var text: String
    /// The sentence's tokens with document offsets.
    public var tokens: [Token]

    /// Creates a sentence.
    public init(documentID: String, index: Int, start: Int, end: Int, text: String, tokens: [Token]) {
        self.documentID = documentID
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.tokens = tokens
    }

    /// Stable identity: document id and index, e.g. `000_f8d7a53538fa2d5e#3`.
    public var id: String { "\(documentID)#\(index)" }

    /// First 16 hex digits of the SHA-256 of the sentence text; changes when the text changes.
    public var contentHash: String { String(Fingerprint.sha256Hex(text).prefix(16)) }

    /// The sentence text with every run of whitespace collapsed to one space.
    /// (Whitespace is what `Character.isWhitespace` says of each grapheme cluster; see ``CollapsedText``.)
    public var collapsedText: String { CollapsedText.string(text) }
}
