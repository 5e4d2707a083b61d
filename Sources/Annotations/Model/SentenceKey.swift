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

    /// How people read a sentence everywhere (replay, review, agree, diff, adjudicate, HTML, CSV):
    /// `DOC#N` with N counted from 1, as the REPL counts (`goto 2:10`); JSON keeps the 0-based index.
    public var description: String { "\(document)#\(sentence + 1)" }

    public static func < (lhs: SentenceKey, rhs: SentenceKey) -> Bool {
        (lhs.document, lhs.sentence) < (rhs.document, rhs.sentence)
    }
}
