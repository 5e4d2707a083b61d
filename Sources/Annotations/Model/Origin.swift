/// Where an annotation came from when it was not simply typed by its annotator: imported from a
/// file, proposed by a suggestion rule, merged by adjudication or written by a reviewer, with the
/// annotations it was made from.
///
/// JSON: `{"kind": "adjudicated", "rule": "…", "from": [{"session": "anna", "id": "C3"}]}`, `rule`
/// and `from` optional. A record without `origin` was typed (files written before the field existed
/// are read and written unchanged).
public struct Origin: Sendable, Hashable, Codable {
    /// How the annotation came about.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Typed by its annotator (the meaning of an absent `origin`).
        case typed
        /// Read from an exchange format (brat, JSONL).
        case imported
        /// Proposed by a suggestion rule and accepted.
        case suggested
        /// Merged from annotators' sessions by adjudication.
        case adjudicated
        /// Written or corrected by a reviewer.
        case reviewed
    }

    /// One annotation this one was made from: a session (its label, the file name without `.json`)
    /// and the annotation's id there.
    public struct Source: Sendable, Hashable, Codable {
        /// The session label.
        public var session: String
        /// The annotation's id in that session.
        public var id: String

        /// Creates a source.
        public init(session: String, id: String) {
            self.session = session
            self.id = id
        }
    }

    /// How the annotation came about.
    public var kind: Kind
    /// The suggestion rule's name, for suggested annotations and for annotations adjudicated from
    /// one (an accepted suggestion keeps its rule through adjudication).
    public var rule: String?
    /// The annotations it was made from, if known.
    public var from: [Source]?

    /// Creates an origin.
    public init(kind: Kind, rule: String? = nil, from: [Source]? = nil) {
        self.kind = kind
        self.rule = rule
        self.from = from
    }
}
