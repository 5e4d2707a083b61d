import Foundation

/// Rebuilds a session's state from its event log and compares it with the annotations stored in
/// the file, reporting log damage (gaps, reordering, events that cannot apply) and every differing
/// annotation. Unlike ``Session/init(file:path:)`` it never throws on a mismatch: it reports.
public struct SessionVerifier: Sendable {
    /// What verification found.
    public struct Report: Sendable {
        /// Events in the log.
        public var events: Int
        /// Annotations (every record: speakers, mentions, cues, claims, targets, stances, notes, statuses, reviews) the log gives.
        public var annotations: Int
        /// Documents that have at least one annotation or status.
        public var documents: Int
        /// Damage to the log itself, if any (then `differences` is empty and the counts cover the good prefix).
        public var logProblem: ReplayError?
        /// Annotations that differ between the file and the log (see ``SessionFile/differences(from:)``).
        public var differences: [String]

        /// True when the log is intact and agrees with the stored annotations.
        public var isValid: Bool { logProblem == nil && differences.isEmpty }
    }

    /// Creates a verifier.
    public init() {}

    /// Verifies the session at `path` (format 2: its snapshot against its log; format 1: its file).
    public func verify(path: String) throws(SessionError) -> Report {
        verify(try SessionFiles.readFile(path: path))
    }

    /// Verifies a decoded session file.
    public func verify(_ file: SessionFile) -> Report {
        if let problem = LogCheck.orderingProblem(in: file.events) {
            return Report(events: file.events.count, annotations: 0, documents: 0, logProblem: problem, differences: [])
        }
        var replayed = AnnotationState(schema: file.schema)
        if let failure = replayed.apply(contentsOf: file.events) {
            return Report(
                events: file.events.count, annotations: 0, documents: 0,
                logProblem: .cannotApply(seq: file.events[failure.index].seq, reason: failure.error.description), differences: [])
        }
        // Counting documents and comparing the stored annotations are independent reads of the
        // state: on two cores they run at the same time.
        let work = VerifierResults()
        let state = replayed
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                work.set(documents: Self.documentCount(state))
            } else {
                work.set(agrees: Self.agrees(file, with: state))
            }
        }
        let annotations = state.recordCount
        // Fast check first; the sorted, readable list of differences only when something differs.
        let differences = work.agrees ? [] : file.differences(from: state)
        let documents = work.documents
        return Report(
            events: file.events.count, annotations: annotations, documents: documents, logProblem: nil,
            differences: differences)
    }

    /// Documents that have at least one annotation or status.
    static func documentCount(_ state: AnnotationState) -> Int {
        var documents = Set<String>()
        // Records of one document usually come in runs: hash a name only when it changes.
        var last: String?
        func add(_ document: String) {
            if document == last { return }
            documents.insert(document)
            last = document
        }
        for mention in state.mentions.values { add(mention.anchor.document) }
        for cue in state.cues.values { add(cue.anchor.document) }
        for claim in state.claims.values { add(claim.anchor.document) }
        for key in state.statuses.keys { add(key.document) }
        return documents.count
    }

    /// True when the stored annotations equal the state's records (hash lookups, no sorting).
    static func agrees(_ file: SessionFile, with state: AnnotationState) -> Bool {
        let textRecords = state.mentions.count + state.cues.count + state.claims.count
        guard file.annotations.count == textRecords, file.storedRecordsApartFromAnnotationsAgree(with: state) else { return false }
        var seen = Set<RecordKey>()
        for record in file.annotations {
            guard seen.insert(record.key).inserted, state.record(record.key) == record else { return false }
        }
        return true
    }

}
