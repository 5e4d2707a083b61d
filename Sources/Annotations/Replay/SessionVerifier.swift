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
        let annotations = Self.annotationCount(state)
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

    /// Every record of the state: speakers, mentions, cues, claims, targets, stances, notes, statuses, reviews.
    static func annotationCount(_ state: AnnotationState) -> Int {
        state.speakers.count + state.mentions.count + state.cues.count + state.claims.count + state.targets.count
            + state.stances.count + state.notes.count + state.statuses.count + state.reviews.count
    }

    /// True when the stored annotations equal the state's records (hash lookups, no sorting).
    static func agrees(_ file: SessionFile, with state: AnnotationState) -> Bool {
        let textRecords = state.mentions.count + state.cues.count + state.claims.count
        guard file.annotations.count == textRecords, agreesApartFromAnnotations(file, with: state) else { return false }
        var seen = Set<RecordKey>()
        for record in file.annotations {
            guard seen.insert(record.key).inserted, state.record(record.key) == record else { return false }
        }
        return true
    }

    /// True when everything stored but the `annotations` list (speakers, targets, stances, notes,
    /// reviews, statuses) equals the state's records.
    static func agreesApartFromAnnotations(_ file: SessionFile, with state: AnnotationState) -> Bool {
        guard file.speakers.count == state.speakers.count, file.targets.count == state.targets.count,
            file.stances.count == state.stances.count,
            file.notes.count == state.notes.count, file.reviews.count == state.reviews.count
        else { return false }
        // Equal counts and every stored record found in the state: the same records, unless one is
        // stored twice (and another is missing), so each list's ids must also be distinct.
        guard Self.agree(file.speakers, state.speakers, id: \.id), Self.agree(file.targets, state.targets, id: \.id),
            Self.agree(file.stances, state.stances, id: \.id), Self.agree(file.notes, state.notes, id: \.id),
            Self.agree(file.reviews, state.reviews, id: \.annotation)
        else { return false }
        var statuses = Set<SentenceKey>()
        for entry in file.statuses where entry.status != .open {
            let key = SentenceKey(document: entry.document, sentence: entry.sentence)
            guard statuses.insert(key).inserted, state.statuses[key] == entry.status else { return false }
        }
        return statuses.count == state.statuses.count
    }

    /// True when each value of `list` is in `table` under its id and the ids are distinct.
    private static func agree<Value: Equatable>(_ list: [Value], _ table: [String: Value], id: (Value) -> String) -> Bool {
        var seen = Set<String>(minimumCapacity: list.count)
        for value in list {
            let key = id(value)
            guard seen.insert(key).inserted, table[key] == value else { return false }
        }
        return true
    }
}
