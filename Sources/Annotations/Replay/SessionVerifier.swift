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

    /// Verifies a decoded session file.
    public func verify(_ file: SessionFile) -> Report {
        if let problem = LogCheck.orderingProblem(in: file.events) {
            return Report(events: file.events.count, annotations: 0, documents: 0, logProblem: problem, differences: [])
        }
        var state = AnnotationState(schema: file.schema)
        for event in file.events {
            do {
                try state.apply(event)
            } catch {
                return Report(
                    events: file.events.count, annotations: 0, documents: 0,
                    logProblem: .cannotApply(seq: event.seq, reason: error.description), differences: [])
            }
        }
        let records = state.allRecords
        var documents = Set<String>()
        for record in records {
            if let anchor = record.anchor { documents.insert(anchor.document) }
            if case .status(let key, _) = record { documents.insert(key.document) }
        }
        return Report(
            events: file.events.count, annotations: records.count, documents: documents.count, logProblem: nil,
            differences: file.differences(from: state))
    }
}
