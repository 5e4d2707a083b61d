import Foundation

/// Rebuilds a session's state from its event log and compares it with the stored annotations,
/// reporting log damage and every differing annotation (never throwing on a mismatch).
public struct SessionVerifier: Sendable {
    /// What verification found.
    public struct Report: Sendable {
        /// Events in the log.
        public var events: Int
        /// Records (of every kind) the log gives.
        public var annotations: Int
        /// Documents that have at least one annotation or status.
        public var documents: Int
        /// Damage to the log itself, if any (then `differences` is empty).
        public var logProblem: ReplayError?
        /// Annotations that differ between the file and the log (see ``SessionFile/differences(from:)``).
        public var differences: [String]
        /// The stored annotations, for checks against the text.
        public var file: SessionFile
        /// The state the log replays to (nil when it does not).
        public var state: AnnotationState?
        /// The replayed session, its log and the snapshot's bytes, kept with this value: a command
        /// that exits right after spends no time taking them apart.
        var replayed: (session: Session, log: SessionLogContents, snapshot: Data)?
        /// What leaves the session valid but is worth knowing (a torn last log line).
        public var warnings: [String] = []

        /// True when the log is intact and agrees with the stored annotations.
        public var isValid: Bool { logProblem == nil && differences.isEmpty }
    }

    /// Creates a verifier.
    public init() {}

    /// Verifies the session at `path` (format 2: its snapshot against its log; format 1: its file);
    /// with `displayName`, messages name the session so.
    ///
    /// A snapshot that reflects the whole log is compared without decoding its records: the log is
    /// replayed and the state's records written as the snapshot writes them, compared byte for byte.
    /// Otherwise the file is read as ``SessionStore/read(path:forVerification:displayName:)`` reads
    /// it and compared record by record, which names the differences.
    public func verify(path: String, displayName: String? = nil) throws(SessionError) -> Report {
        let (paths, shown) = SessionStore.reading(path, displayName: displayName)
        let found = try paths.found(shownAs: shown)
        if found.log, let snapshot = found.snapshot, let head = SnapshotHead(snapshot), let reference = head.currentLog,
            let replay = try replayed(paths, shown: shown, reference: reference)
        {
            let (session, log) = (replay.session, replay.log)
            if try SessionStore.describedPrefix(by: head.id, reference, of: log, shown)?.events == log.eventCount {
                var replayed = session.file
                replayed.log = reference
                let state = session.state
                let documents = BackgroundValue { Self.documentCount(state) }
                if let file = Self.stored(snapshot, agreeingWith: replayed) {
                    return Report(
                        events: log.events.count, annotations: state.recordCount, documents: documents.wait() ?? 0, logProblem: nil, differences: [],
                        file: file, state: state, replayed: (session, log, snapshot), warnings: log.tornNotice(path: shown.log).map { [$0] } ?? [])
                }
            }
            // The records differ, or the snapshot is behind its log: compared record by record.
            let read = try SessionStore.taking(
                SessionCodec.decode(snapshot, path: shown.snapshot), log: log, logBytes: replay.bytes, shown: shown, forVerification: true)
            return report(read)
        }
        return report(try SessionStore.read(path: path, forVerification: true, displayName: displayName))
    }

    /// The report of a file as a reader takes it (see ``SessionStore/read(path:forVerification:displayName:)``).
    func report(_ read: (file: SessionFile, mismatch: String?, torn: String?)) -> Report {
        var report = verify(read.file)
        if let mismatch = read.mismatch { report.differences.insert(mismatch, at: 0) }
        report.warnings = read.torn.map { [$0] } ?? []
        return report
    }

    /// The log beside a snapshot whose head names `reference`, replayed; nil when an event does not
    /// apply (reported the record-by-record way).
    private func replayed(
        _ paths: SessionPaths, shown: SessionPaths, reference: LogReference
    ) throws(SessionError) -> (session: Session, log: SessionLogContents, bytes: Data)? {
        let bytes = try SessionStore.logBytes(paths, shown: shown, reference: reference)
        do {
            let (session, log) = try Session.replaying(logBytes: bytes, path: shown.log, forReplay: true, digestingFirst: reference.bytes)
            return (session, log, bytes)
        } catch {
            if case .badEvent = error { return nil }
            throw error
        }
    }

    /// The file the snapshot decodes to, when its records are those the writer makes of `replayed`
    /// (``recordsAgree(_:with:)``) and its header names the same schema: its header fields with the
    /// replayed records and events. Nil otherwise: then the snapshot is decoded whole.
    static func stored(_ snapshot: Data, agreeingWith replayed: SessionFile) -> SessionFile? {
        let header: SessionFile? = snapshot.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let start = bytes.firstRange(of: SessionFileWriter.recordsMarker)?.lowerBound else { return nil }
            // The header fields and empty record lists: decoded as the whole file is, by the one decoder.
            let head = Array(bytes[..<start]) + Array(#","speakers":[],"targets":[],"annotations":[],"stances":[],"notes":[],"statuses":[],"reviews":[]}"#.utf8)
            guard UTF8Validation.firstInvalidOffset(in: head) == nil else { return nil }
            return head.withUnsafeBufferPointer { try? SessionFileDecoder.decode($0) }
        }
        guard var file = header, file.schema == replayed.schema, recordsAgree(snapshot, with: replayed) else { return nil }
        (file.speakers, file.targets, file.annotations, file.stances) = (replayed.speakers, replayed.targets, replayed.annotations, replayed.stances)
        (file.notes, file.statuses, file.reviews, file.rejections) = (replayed.notes, replayed.statuses, replayed.reviews, replayed.rejections)
        file.events = replayed.events
        return file
    }

    /// True when the snapshot's bytes from ``SessionFileWriter/recordsMarker`` on equal those the
    /// writer makes of `file`, compared as they are written.
    static func recordsAgree(_ snapshot: Data, with file: SessionFile) -> Bool {
        snapshot.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            // A JSON string holds no raw line break, so the first match is the field.
            guard let start = bytes.firstRange(of: SessionFileWriter.recordsMarker)?.lowerBound else { return false }
            return SessionFileWriter.recordsMatch(of: file, in: bytes, from: start) == bytes.count
        }
    }

    /// Verifies a decoded session file.
    public func verify(_ file: SessionFile) -> Report {
        let state: AnnotationState
        do { state = try ReplayStepper.check(events: file.events, schema: file.schema) } catch {
            return Report(events: file.events.count, annotations: 0, documents: 0, logProblem: error, differences: [], file: file, state: nil)
        }
        // Counting documents and comparing, independent reads of the state, run on two cores.
        let documents = BackgroundValue { Self.documentCount(state) }
        let differences = file.differences(from: state)
        return Report(
            events: file.events.count, annotations: state.recordCount, documents: documents.wait() ?? 0, logProblem: nil,
            differences: differences, file: file, state: state)
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
