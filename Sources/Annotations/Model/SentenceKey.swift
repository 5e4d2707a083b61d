/// Identifies a sentence: document id and 0-based sentence index.
public struct SentenceKey: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The document id.
    public var document: String
    /// The sentence index.
    public var sentence: Int

    /// Creates a key.
    public init(document: String, sentence: Int) {
        self.document = document
        self.sentence = sentence
    }

    public var description: String { "\(document)#\(sentence)" }

    public static func < (lhs: SentenceKey, rhs: SentenceKey) -> Bool {
        (lhs.document, lhs.sentence) < (rhs.document, rhs.sentence)
    }
}
