/// One line of a session journal: the header naming the session and state it continues, an
/// acknowledged event, where the annotator moved to, or changed settings.
public enum JournalEntry: Sendable, Hashable, Codable {
    /// The session and saved state the journal continues (first line; absent in journals of older versions).
    case header(JournalHeader)
    /// An event, appended and fsynced before it is acknowledged.
    case event(Event)
    /// The cursor moved.
    case cursor(SentenceKey)
    /// The session's settings changed (the whole new settings).
    case settings(SessionSettings)

    private enum CodingKeys: String, CodingKey { case header, event, cursor, settings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let event = try c.decodeIfPresent(Event.self, forKey: .event) {
            self = .event(event)
        } else if let header = try c.decodeIfPresent(JournalHeader.self, forKey: .header) {
            self = .header(header)
        } else if let settings = try c.decodeIfPresent(SessionSettings.self, forKey: .settings) {
            self = .settings(settings)
        } else {
            self = .cursor(try c.decode(SentenceKey.self, forKey: .cursor))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .header(let header): try c.encode(header, forKey: .header)
        case .event(let event): try c.encode(event, forKey: .event)
        case .cursor(let key): try c.encode(key, forKey: .cursor)
        case .settings(let settings): try c.encode(settings, forKey: .settings)
        }
    }
}
