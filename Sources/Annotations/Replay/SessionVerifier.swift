import Foundation
import Synchronization

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

    /// What ``SessionVerifier/verification(path:)`` found, with the file form of the session.
    public struct Verification: Sendable {
        /// What verification found.
        public var report: Report
        /// The stored annotations, for checks against the text.
        public var file: SessionFile
        /// The replayed session, its log and the snapshot's bytes, kept as long as this value: a
        /// command that exits right after the result spends no time taking them apart (for a
        /// million events that is a noticeable part of the run).
        let replayed: (session: Session, log: SessionLogContents, snapshot: Data)?
    }

    /// Verifies the session at `path` (format 2: its snapshot against its log; format 1: its file).
    public func verify(path: String) throws(SessionError) -> Report {
        try verification(path: path).report
    }

    /// Verifies the session at `path` and returns its file form too (the stored annotations, for
    /// checks against the text), keeping what the result was made from (see ``Verification``).
    ///
    /// A format-2 snapshot that reflects the whole log is compared without decoding its records:
    /// the log is replayed, the state's records are written as the snapshot writes them, and the
    /// two byte ranges compared. Only when they differ (or the log does not replay, or the snapshot
    /// is behind its log or of format 1) is everything decoded and compared record by record, which
    /// names the differences.
    public func verification(path: String) throws(SessionError) -> Verification {
        if let fast = try verifiedWithoutDecodingSnapshot(path: path) { return fast }
        let file = try SessionFiles.readFile(path: path, forVerification: true)
        return Verification(report: verify(file), file: file, replayed: nil)
    }

    /// The fast path of ``verification(path:)``; nil when the snapshot must be decoded.
    ///
    /// The log is replayed part by part as it is decoded (``Session/replaying(logBytes:path:forReplay:digestingFirst:)``),
    /// its digest taken on the decoding thread once it has nothing left to decode; then the
    /// records are written in two halves at once and compared with the snapshot as they are written.
    private func verifiedWithoutDecodingSnapshot(path: String) throws(SessionError) -> Verification? {
        let paths = SessionPaths(path)
        guard SessionPaths.exists(paths.snapshot), SessionPaths.exists(paths.log) else { return nil }
        let snapshot = try SessionCodec.contents(ofFile: paths.snapshot)
        guard let head = SnapshotHead(snapshot), head.format == SessionFile.formatName, let version = head.version, version >= 2,
            version <= SessionFile.currentVersion, let reference = head.log
        else { return nil }
        let replayed: (session: Session, log: SessionLogContents)
        do {
            replayed = try Session.replaying(
                logBytes: SessionCodec.contents(ofFile: paths.log), path: paths.log, forReplay: true, digestingFirst: reference.bytes)
        } catch {
            // An event that does not apply is reported the record-by-record way.
            if case .badEvent = error { return nil }
            throw error
        }
        let (session, log) = replayed
        try SessionFiles.refuseForeign(log.header, paths, snapshotID: head.id)
        guard reference.describesPrefix(of: log), reference.events == log.eventCount else { return nil }
        var file = session.file
        file.log = reference
        let state = session.state
        let documents = Mutex(0)
        guard Self.recordsAgree(snapshot, with: file, alongside: { documents.withLock { $0 = Self.documentCount(state) } }) else { return nil }
        let report = Report(
            events: log.events.count, annotations: state.recordCount, documents: documents.withLock { $0 }, logProblem: nil, differences: [])
        return Verification(report: report, file: file, replayed: (session, log, snapshot))
    }

    /// Sessions with at least this many annotations have their records compared in two halves at once.
    static let parallelRecords = 10_000

    /// True when the snapshot's bytes from its records on equal those the writer makes of `file`,
    /// compared as they are written. A long list of annotations is written in two halves on two
    /// threads, each compared with its range of the snapshot; `alongside` runs on a third turn
    /// (other work on the same state).
    static func recordsAgree(
        _ snapshot: Data, with file: SessionFile, parallelFrom: Int = parallelRecords, alongside: @Sendable () -> Void = {}
    ) -> Bool {
        snapshot.withUnsafeBytes { raw -> Bool in
            nonisolated(unsafe) let bytes = raw.bindMemory(to: UInt8.self)
            // The marker comes after the header fields, near the start of the file.
            guard let start = lineStart(of: SessionFileWriter.recordsMarker, in: bytes) else { return false }
            let count = file.annotations.count
            guard count >= max(parallelFrom, 2) else {
                alongside()
                return SessionFileWriter.recordsMatch(of: file, in: bytes, from: start) == bytes.count
            }
            let split = count / 2
            // Where the first half ends, where the second begins and where it ends.
            let ends = Mutex<[Int?]>([nil, nil, nil])
            DispatchQueue.concurrentPerform(iterations: 3) { part in
                switch part {
                case 0:
                    let end = SessionFileWriter.recordsMatch(of: file, part: (split, true), in: bytes, from: start)
                    ends.withLock { $0[0] = end }
                case 1:
                    guard let from = annotationPartStart(split, in: bytes, after: start) else { return }
                    let end = SessionFileWriter.recordsMatch(of: file, part: (split, false), in: bytes, from: from)
                    ends.withLock { $0[1] = from; $0[2] = end }
                default: alongside()
                }
            }
            return ends.withLock { $0[0] != nil && $0[0] == $0[1] && $0[2] == bytes.count }
        }
    }

    /// Where `marker` (`,`, a line break, then a top-level field) is in `bytes`, found line by line.
    private static func lineStart(of marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = 0
        while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
            let lineBreak = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if lineBreak > 0, UnsafeBufferPointer(rebasing: bytes[(lineBreak - 1)...]).starts(with: marker) { return lineBreak - 1 }
            position = lineBreak + 1
        }
        return nil
    }

    /// Where the writer's second part (``SessionFileWriter/recordsMatch(of:part:in:from:)`` from
    /// annotation `split` on: a `,` and a line break before it) begins in a snapshot laid out by
    /// the writer: one annotation per line after the `"annotations": [` line. Nil when the snapshot
    /// is not laid out so (then the comparison fails and the snapshot is decoded).
    private static func annotationPartStart(_ split: Int, in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let field = Array("  \"annotations\": [".utf8)
        var position = start + 1
        var lineBreaks: Int?
        while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
            let next = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
            if let counted = lineBreaks {
                // The line break after annotation `split - 1` is the (split + 1)th after the field.
                lineBreaks = counted + 1
                if counted + 1 == split + 1 { return bytes[next - 2] == UInt8(ascii: ",") ? next - 2 : nil }
            } else if UnsafeBufferPointer(rebasing: bytes[next...]).starts(with: field) {
                lineBreaks = 0
            }
            position = next
        }
        return nil
    }

    /// Verifies a decoded session file.
    public func verify(_ file: SessionFile) -> Report {
        let state: AnnotationState
        switch ReplayError.replaying(file.events, schema: file.schema) {
        case .failure(let problem): return Report(events: file.events.count, annotations: 0, documents: 0, logProblem: problem, differences: [])
        case .success(let replayed): state = replayed
        }
        // Counting documents and comparing the stored annotations are independent reads of the
        // state: on two cores they run at the same time.
        let documents = BackgroundValue { Self.documentCount(state) }
        let differences = file.differences(from: state)
        return Report(
            events: file.events.count, annotations: state.recordCount, documents: documents.wait() ?? 0, logProblem: nil,
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
}
