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
        try verifiedFile(path: path).report
    }

    /// Verifies the session at `path` and returns its file form too (the stored annotations, for
    /// checks against the text).
    ///
    /// A format-2 snapshot that reflects the whole log is compared without decoding its records:
    /// the log is replayed, the state's records are written as the snapshot writes them, and the
    /// two byte ranges compared. Only when they differ (or the log does not replay, or the snapshot
    /// is behind its log or of format 1) is everything decoded and compared record by record, which
    /// names the differences.
    public func verifiedFile(path: String) throws(SessionError) -> (report: Report, file: SessionFile) {
        if let fast = try verifiedWithoutDecodingSnapshot(path: path) { return fast }
        let file = try SessionFiles.readFile(path: path, forVerification: true)
        return (verify(file), file)
    }

    /// The fast path of ``verifiedFile(path:)``; nil when the snapshot must be decoded.
    private func verifiedWithoutDecodingSnapshot(path: String) throws(SessionError) -> (report: Report, file: SessionFile)? {
        let paths = SessionPaths(path)
        guard SessionPaths.exists(paths.snapshot), SessionPaths.exists(paths.log) else { return nil }
        let snapshot = try SessionCodec.contents(ofFile: paths.snapshot)
        let head = snapshot.withUnsafeBytes { raw in
            var decoder = SessionFileDecoder(raw.bindMemory(to: UInt8.self))
            return try? decoder.snapshotHead()
        }
        guard let head, head.format == SessionFile.formatName, let version = head.version, version >= 2,
            version <= SessionFile.currentVersion, let reference = head.log
        else { return nil }
        let log = try SessionFiles.readLog(paths, snapshotID: head.id, forReplay: true)
        guard reference.events == log.events.count, reference.bytes <= log.completeLength,
            reference.events == log.eventEnds.prefix(while: { $0 <= reference.bytes }).count,
            SessionStore.digest(ofFirst: reference.bytes, of: paths.log) == reference.digest,
            let session = try? Session(log: log, path: paths.log)
        else { return nil }
        var file = session.file
        file.log = reference
        let state = session.state
        let documents = VerifierResults()
        let agrees = Self.recordsAgree(snapshot, with: file) { documents.set(documents: Self.documentCount(state)) }
        guard agrees else { return nil }
        let report = Report(events: log.events.count, annotations: state.recordCount, documents: documents.documents, logProblem: nil, differences: [])
        return (report, file)
    }

    /// Sessions with at least this many annotations have their records written in two halves at once.
    static let parallelRecords = 10_000

    /// True when the snapshot's bytes from its records on equal those the writer makes of `file`.
    /// A long list of annotations is written in two halves on two threads, each compared with its
    /// range of the snapshot; `alongside` runs on a third turn (other work on the same state).
    static func recordsAgree(
        _ snapshot: Data, with file: SessionFile, parallelFrom: Int = parallelRecords, alongside: @Sendable () -> Void = {}
    ) -> Bool {
        // The marker comes after the header fields, near the start of the file.
        guard let found = snapshot.range(of: Data(SessionFileWriter.recordsMarker)) else { return false }
        let start = found.lowerBound - snapshot.startIndex
        let count = file.annotations.count
        guard count >= max(parallelFrom, 2) else {
            alongside()
            guard let expected = try? SessionFileWriter.recordBytes(of: file) else { return false }
            return bytes(snapshot, from: start, equal: expected, last: true)
        }
        let split = count / 2
        let halves = VerifierHalves()
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0: halves.set(0, try? SessionFileWriter.recordBytes(of: file, split: split, first: true))
            case 1: halves.set(1, try? SessionFileWriter.recordBytes(of: file, split: split, first: false))
            default: alongside()
            }
        }
        guard let first = halves.get(0), let rest = halves.get(1) else { return false }
        return bytes(snapshot, from: start, equal: first, last: false) && bytes(snapshot, from: start + first.count, equal: rest, last: true)
    }

    /// True when `snapshot` holds `expected` at `start` (and ends there, when `last`).
    private static func bytes(_ snapshot: Data, from start: Int, equal expected: [UInt8], last: Bool) -> Bool {
        snapshot.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress, raw.count - start >= expected.count else { return false }
            if last, raw.count - start != expected.count { return false }
            return expected.withUnsafeBytes { written in
                guard let other = written.baseAddress else { return expected.isEmpty }
                return memcmp(base + start, other, expected.count) == 0
            }
        }
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
