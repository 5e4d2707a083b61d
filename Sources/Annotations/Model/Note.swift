/// A free-text note on a sentence or on an annotation.
public struct Note: Sendable, Hashable, Codable {
    /// What a note is attached to.
    public enum Subject: Sendable, Hashable, Codable {
        /// A sentence.
        case sentence(SentenceKey)
        /// An annotation, speaker, target or stance, by id.
        case annotation(String)

        private enum CodingKeys: String, CodingKey { case document, sentence, annotation }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let id = try c.decodeIfPresent(String.self, forKey: .annotation) {
                self = .annotation(id)
            } else {
                self = .sentence(SentenceKey(
                    document: try c.decode(String.self, forKey: .document), sentence: try c.decode(Int.self, forKey: .sentence)))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .sentence(let key):
                try c.encode(key.document, forKey: .document)
                try c.encode(key.sentence, forKey: .sentence)
            case .annotation(let id):
                try c.encode(id, forKey: .annotation)
            }
        }
    }

    /// Identifier such as `N1`.
    public var id: String
    /// What the note is about.
    public var subject: Subject
    /// The note.
    public var text: String
    /// Who wrote it.
    public var annotator: String

    /// Creates a note.
    public init(id: String, subject: Subject, text: String, annotator: String = "") {
        self.id = id
        self.subject = subject
        self.text = text
        self.annotator = annotator
    }
}
