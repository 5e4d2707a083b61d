/// The checks of a session against the corpus text (anchors outside their document or not matching
/// it, unknown documents and sentences), one definition for `validate`, `annotate` and `replay
/// --verify`. Each problem is one line naming the file and the record.
public struct SessionTextCheck: Sendable {
    /// The corpus the text is checked against.
    public var corpus: SegmentedCorpus
    /// When true, changed or missing documents the session records and orphaned anchors are left
    /// out (annotating re-anchors them).
    public var skipsChangedDocuments: Bool

    /// A check against `corpus`.
    public init(corpus: SegmentedCorpus, skipsChangedDocuments: Bool = false) {
        self.corpus = corpus
        self.skipsChangedDocuments = skipsChangedDocuments
    }

    /// The problems of a session's records, statuses and cursor; `recorded`: its recorded corpus.
    public func problems(
        records: [Record], statuses: [SentenceKey], cursor: SentenceKey?, recorded: CorpusReference, path: String
    ) -> [String] {
        var problems: [String] = []
        let current = Dictionary(corpus.documents.map { ($0.document.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changed = Set<String>()
        for entry in recorded.documents {
            guard let document = current[entry.id] else {
                changed.insert(entry.id)
                if !skipsChangedDocuments { problems.append("\(path): document '\(entry.id)' is not in the corpus") }
                continue
            }
            if document.document.fingerprint != entry.fingerprint {
                changed.insert(entry.id)
                if !skipsChangedDocuments {
                    problems.append("\(path): document '\(entry.id)' changed since the session was made (fingerprint differs); reopen the session to re-anchor")
                }
            }
        }
        func skipped(_ document: String) -> Bool { skipsChangedDocuments && changed.contains(document) }
        let builder = AnchorBuilder(corpus: corpus)
        for record in records {
            guard let anchor = record.anchor, !skipped(anchor.document) else { continue }
            if anchor.orphaned {
                if !skipsChangedDocuments {
                    problems.append("\(path): \(record.key) is orphaned (its text \"\(anchor.text)\" was not found in the changed corpus)")
                }
                continue
            }
            if let problem = builder.verify(anchor) {
                problems.append("\(path): \(record.key): \(problem)")
            }
        }
        for key in statuses where !skipped(key.document) {
            guard let document = current[key.document] else {
                problems.append("\(path): the status of sentence \(key.sentence) of '\(key.document)': document '\(key.document)' is not in the corpus")
                continue
            }
            if key.sentence < 0 || key.sentence >= document.sentences.count {
                problems.append("\(path): the status of sentence \(key.sentence) of '\(key.document)': sentence \(key.sentence) does not exist in '\(key.document)'")
            }
        }
        if !skipsChangedDocuments, let cursor, current[cursor.document] == nil {
            problems.append("\(path): the cursor: document '\(cursor.document)' is not in the corpus")
        }
        return problems
    }

    /// The problems of a session in memory (its records in id order).
    public func problems(in session: Session, path: String) -> [String] {
        problems(
            records: SessionFile.annotations(of: session.state), statuses: session.state.statuses.keys.sorted(), cursor: session.cursor,
            recorded: session.corpus, path: path)
    }

    /// The problems of a session file (its stored annotations).
    public func problems(in file: SessionFile, path: String) -> [String] {
        problems(
            records: file.annotations,
            statuses: file.statuses.map { SentenceKey(document: $0.document, sentence: $0.sentence) },
            cursor: file.cursor, recorded: file.corpus, path: path)
    }
}
