/// An ordered set of documents with unique ids, plus what the loader noticed on the way.
public struct Corpus: Sendable, Hashable {
    /// The documents in stable order (file name order, then line order inside JSONL files).
    public var documents: [Document]
    /// Where the corpus was loaded from, as given by the user.
    public var paths: [String]
    /// Non-fatal findings: empty or blank documents, normalisation applied.
    public var warnings: [String]

    /// Creates a corpus from documents.
    public init(documents: [Document], paths: [String] = [], warnings: [String] = []) {
        self.documents = documents
        self.paths = paths
        self.warnings = warnings
    }

    /// The document with the given id, if any.
    public func document(id: String) -> Document? { documents.first { $0.id == id } }
}
