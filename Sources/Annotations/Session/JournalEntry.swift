/// One line of a session log after its header (or of a format-1 journal).
public enum JournalEntry: Sendable, Hashable, Codable {
    /// An event, appended and fsynced before it is acknowledged.
    case event(Event)
    /// The cursor moved.
    case cursor(SentenceKey)
    /// The session's settings changed (the whole new settings).
    case settings(SessionSettings)
    /// The session was re-anchored to another version of its corpus (format 2 logs).
    case corpus(CorpusReference)

    private enum CodingKeys: String, CodingKey { case event, cursor, settings, corpus }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let event = try c.decodeIfPresent(Event.self, forKey: .event) {
            self = .event(event)
        } else if let settings = try c.decodeIfPresent(SessionSettings.self, forKey: .settings) {
            self = .settings(settings)
        } else if let corpus = try c.decodeIfPresent(CorpusReference.self, forKey: .corpus) {
            self = .corpus(corpus)
        } else {
            self = .cursor(try c.decode(SentenceKey.self, forKey: .cursor))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .event(let event): try c.encode(event, forKey: .event)
        case .cursor(let key): try c.encode(key, forKey: .cursor)
        case .settings(let settings): try c.encode(settings, forKey: .settings)
        case .corpus(let corpus): try c.encode(corpus, forKey: .corpus)
        }
    }
}
