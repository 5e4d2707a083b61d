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
    /// Whether whitespace follows the sentence in its document (the last token's `spaceAfter`).
    public var followedBySpace: Bool
    private var tokenStore: SentenceTokens
    /// This sentence's slot in ``tokenStore`` (shared by the sentences of a segmented document).
    private var tokenSlot: Int

    /// The sentence's tokens with document offsets, made from ``text`` on first use (see
    /// ``SentenceTokens``); setting them replaces them.
    public var tokens: [Token] {
        get { tokenStore.tokens(slot: tokenSlot, text: text, start: start, followedBySpace: followedBySpace) }
        set {
            tokenStore = SentenceTokens(newValue)
            tokenSlot = 0
        }
    }

    /// The same tokens as ``tokens``, but when they were not made yet they are made for this call
    /// only and not kept: for a pass over a whole corpus (an export), so that a million sentences
    /// do not all hold their tokens until the pass ends.
    public var tokensForOnePass: [Token] {
        tokenStore.tokensWithoutKeeping(slot: tokenSlot, text: text, start: start, followedBySpace: followedBySpace)
    }

    /// The bounds of the tokens ``tokensForOnePass`` makes, tokenized in place in the UTF-8 `bytes`
    /// of the sentence's document (a text of `scalarCount` scalars, the sentence's first at byte
    /// `utf8Start`), into `bounds` (document offsets; storage reused from sentence to sentence).
    /// `window` holds the sentence's scalars and the one after it afterwards (see
    /// ``SentenceTokens/boundsInPlace(slot:text:start:end:followedBySpace:bytes:scalarCount:utf8Start:window:bounds:)``);
    /// false when the tokens are not made in place (held, or the text is not the document's there).
    func tokenBoundsForOnePass(
        inBytes bytes: UnsafeBufferPointer<UInt8>, scalarCount: Int, utf8Start: Int, window: inout ScalarWindow, bounds: inout [TokenBounds]
    ) -> Bool {
        tokenStore.boundsInPlace(
            slot: tokenSlot, text: text, start: start, end: end, followedBySpace: followedBySpace, bytes: bytes, scalarCount: scalarCount,
            utf8Start: utf8Start, window: &window, bounds: &bounds)
    }

    /// Whether the sentence holds its tokens (given, or made by ``tokens``).
    var holdsTokens: Bool { tokenStore.isHeld(slot: tokenSlot) }

    /// Creates a sentence with its tokens.
    public init(documentID: String, index: Int, start: Int, end: Int, text: String, tokens: [Token]) {
        self.documentID = documentID
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.followedBySpace = tokens.last?.spaceAfter ?? false
        self.tokenStore = SentenceTokens(tokens)
        self.tokenSlot = 0
    }

    /// Creates a sentence whose tokens are made from `text` when first asked for.
    public init(documentID: String, index: Int, start: Int, end: Int, text: String, followedBySpace: Bool) {
        self.init(
            documentID: documentID, index: index, start: start, end: end, text: text, followedBySpace: followedBySpace,
            store: SentenceTokens(), slot: 0)
    }

    /// A sentence whose tokens are made on first use and kept in slot `slot` of `store`, a store
    /// shared by the sentences of one document.
    init(documentID: String, index: Int, start: Int, end: Int, text: String, followedBySpace: Bool, store: SentenceTokens, slot: Int) {
        self.documentID = documentID
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.followedBySpace = followedBySpace
        self.tokenStore = store
        self.tokenSlot = slot
    }

    /// Stable identity: document id and index, e.g. `000_f8d7a53538fa2d5e#3`.
    public var id: String { "\(documentID)#\(index)" }

    /// First 16 hex digits of the SHA-256 of the sentence text; changes when the text changes.
    public var contentHash: String { String(Fingerprint.sha256Hex(text).prefix(16)) }

    /// The sentence text with every run of whitespace collapsed to one space.
    /// (Whitespace is what `Character.isWhitespace` says of each grapheme cluster; see ``CollapsedText``.)
    public var collapsedText: String { CollapsedText.string(text) }

    public static func == (lhs: Sentence, rhs: Sentence) -> Bool {
        lhs.documentID == rhs.documentID && lhs.index == rhs.index && lhs.start == rhs.start && lhs.end == rhs.end
            && lhs.text == rhs.text && lhs.tokens == rhs.tokens
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(documentID)
        hasher.combine(index)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(text)
    }

    private enum CodingKeys: String, CodingKey {
        case documentID, index, start, end, text, tokens
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            documentID: try container.decode(String.self, forKey: .documentID), index: try container.decode(Int.self, forKey: .index),
            start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end),
            text: try container.decode(String.self, forKey: .text), tokens: try container.decode([Token].self, forKey: .tokens))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documentID, forKey: .documentID)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(text, forKey: .text)
        try container.encode(tokens, forKey: .tokens)
    }
}
