/// The first line of a session log (`NAME.jsonl`): what the file is, which session it belongs to,
/// who created it when, its corpus and schema. A log whose header names another session than its
/// snapshot is refused, never applied.
public struct LogHeader: Sendable, Hashable, Codable {
    /// The value of `format`.
    public static let formatName = "workbench-session-log"

    public var format: String
    public var version: Int
    /// The session's `id`.
    public var session: String
    public var annotator: String
    public var created: String
    /// The corpus when the log was started (a later `{"corpus":…}` line records a re-anchoring).
    public var corpus: CorpusReference
    public var schema: AnnotationSchema
    /// Sessions this one was made from, if any.
    public var derivedFrom: [String]?

    private enum CodingKeys: String, CodingKey {
        case format, version, session, annotator, created, corpus, schema, derivedFrom = "derived_from"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        session = try c.decode(String.self, forKey: .session)
        annotator = try c.decode(String.self, forKey: .annotator)
        created = try c.decode(String.self, forKey: .created)
        corpus = try c.decode(CorpusReference.self, forKey: .corpus)
        schema = try c.decode(AnnotationSchema.self, forKey: .schema)
        derivedFrom = try c.decodeIfPresent([String].self, forKey: .derivedFrom)
    }

    /// Encodes what the line is first (format, version, session), then the rest.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(session, forKey: .session)
        try c.encode(annotator, forKey: .annotator)
        try c.encode(created, forKey: .created)
        try c.encodeIfPresent(derivedFrom, forKey: .derivedFrom)
        try c.encode(corpus, forKey: .corpus)
        try c.encode(schema, forKey: .schema)
    }

    /// The header of a log for `session` (which must have an id).
    public init(session: Session) {
        format = Self.formatName
        version = SessionFile.currentVersion
        self.session = session.id ?? ""
        annotator = session.annotator
        created = session.created
        corpus = session.corpus
        schema = session.schema
        derivedFrom = session.derivedFrom
    }
}
