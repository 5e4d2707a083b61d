/// The first line of a session log (`NAME.jsonl`): what the file is, which session it belongs to,
/// who created it when, its corpus and schema.
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

    /// The header of the log at `path`, read and checked as every reader reads it, without the
    /// lines after it.
    public init(ofLog path: String) throws(SessionError) {
        let data = try SessionCodec.contents(ofFile: path)
        do {
            self = try data.withUnsafeBytes { raw in try SessionLogContents.header(of: raw.bindMemory(to: UInt8.self), path: path).header }
        } catch let error as SessionError { throw error } catch { throw .io(path: path, reason: "\(error)") }
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
