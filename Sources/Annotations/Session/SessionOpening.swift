import Foundation

/// Opening a format-2 session (log `NAME.jsonl` and snapshot `NAME.json`) into memory.
///
/// When the snapshot reflects a prefix of the log (its `log` and `next`), the state is built from
/// its records and only the log's lines after the prefix are decoded and replayed; the prefix is
/// digested and counted. Otherwise the whole log is replayed.
struct SessionOpening {
    /// The session in memory.
    var session: Session
    /// The log as read (for a session opened from its snapshot, decoded only after the prefix).
    var log: SessionLogContents
    /// Whether the snapshot should be written again (missing, damaged, mismatching or behind).
    var needsSave = false
    /// Events of the log after the snapshot (recovered after a crash).
    var recovered = 0
    /// What opening found, one sentence each.
    var warnings: [String] = []
    /// With `annotationsApart`, when the snapshot holds every event of the log: its mentions, cues
    /// and claims, left out of the state (anchors without quoted texts). Nil otherwise.
    var annotations: [Record]?

    /// Opens the session at `paths` (its log must exist) whose snapshot holds `snapshot` (nil: none).
    /// With `writer`, a damaged snapshot is kept aside as `NAME.json.damaged`; without, nothing is
    /// written. `annotationsApart` (an export): see ``annotations``.
    static func open(_ paths: SessionPaths, snapshot: Data?, writer: FileWriting?, annotationsApart: Bool = false) throws(SessionError) -> SessionOpening {
        var bytes = try SessionCodec.contents(ofFile: paths.log, writing: writer != nil)
        guard let snapshot else {
            let (session, log) = try Session.replaying(logBytes: bytes, path: paths.log)
            var opening = SessionOpening(session: session, log: log)
            opening.needsSave = true
            opening.warnings = ["\(paths.snapshot) was missing; it was rebuilt from the log \(paths.log)"]
            return opening
        }
        let head = SnapshotHead(snapshot)
        var restored: [String] = []
        if let reference = head?.log, reference.lostTheLastLineBreak(of: bytes) {
            // The snapshot was written with this line complete (acknowledged): only its line
            // break was lost since, and is put back.
            if let writer { try appendLineBreak(to: paths.log, with: writer) }
            bytes.append(0x0A)
            restored = [
                "\(paths.log) had lost the line break after its last line, which \(paths.snapshot) holds (an acknowledged edit); the line break was put back"
            ]
        }
        // A snapshot that can stand for the log's first lines: its records are decoded on another thread meanwhile.
        let from = head?.currentLog?.bytes ?? 0
        let snapshotPath = paths.snapshot
        // Records are given apart only when the snapshot stands for the whole log.
        let apartFromSnapshot = annotationsApart && from > 0 && from == bytes.count
        // Checked as UTF-8 on this thread while decoded on the other; unchecked results are not taken.
        let early = from > 0 && head?.next != nil
            ? BackgroundValue { Result { () throws(SessionError) in
                try SessionCodec.decode(snapshot, path: snapshotPath, anchorsForExport: apartFromSnapshot, checkingUTF8: false)
            } }
            : nil
        // Without a snapshot that stands for a prefix, the whole log is replayed as it is decoded.
        var log: SessionLogContents
        var replayed: Session?
        if from > 0 {
            log = try SessionLogContents(bytes, path: paths.log, decodingFrom: from, digestingFirst: head?.log?.bytes)
        } else {
            let whole = try Session.replaying(logBytes: bytes, path: paths.log, digestingFirst: head?.log?.bytes)
            (replayed, log) = (whole.session, whole.log)
        }
        let check = try check(head, snapshot, paths: paths, log: log, writer: writer)
        var decoded: Result<SessionFile, SessionError>?
        if check.matches, log.decodedFrom > 0, let early {
            let isUTF8 = snapshot.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0.bindMemory(to: UInt8.self)) == nil }
            decoded = early.wait()
            if !isUTF8 {
                // Decoded again, checked: the error names the first byte that is not UTF-8.
                decoded = Result { () throws(SessionError) in try SessionCodec.decode(snapshot, path: snapshotPath, anchorsForExport: apartFromSnapshot) }
            }
        }
        if case .success(var file) = decoded,
            let numbers = file.nextNumbers
        {
            // The snapshot reflects the first `reference.bytes` bytes (where decoding began): build from its records.
            var apart: [Record]?
            if apartFromSnapshot {
                // Nothing to replay after the snapshot: its text-bound records are given apart.
                if file.annotations.allSatisfy(\.isTextBound) {
                    apart = file.annotations
                    file.annotations = []
                } else {
                    apart = file.annotations.filter(\.isTextBound)
                    file.annotations.removeAll { $0.isTextBound }
                }
            }
            let session = try Session(snapshot: file, nextNumbers: numbers, logBytes: bytes, log: log, path: paths.log)
            return SessionOpening(
                session: session, log: log, needsSave: check.needsSave, recovered: check.recovered, warnings: restored + check.warnings, annotations: apart)
        }
        // Replay the whole log; a snapshot whose header matched but whose records could not be read
        // (or that has no `next`) is written again, kept aside first when unreadable, the user told why.
        let unreadable = check.matches && log.decodedFrom > 0
        var warnings = restored + check.warnings
        if unreadable, case .failure(let error) = decoded, let writer {
            warnings.append(try keptAside(snapshot, paths, writer, because: error.description) + ", which holds every event")
        }
        let session: Session
        if let replayed { session = replayed } else { (session, log) = try Session.replaying(logBytes: bytes, path: paths.log) }
        return SessionOpening(session: session, log: log, needsSave: check.needsSave || unreadable, recovered: check.recovered, warnings: warnings)
    }

    /// Appends the lost line break to the log and flushes it to disk.
    private static func appendLineBreak(to path: String, with writer: FileWriting) throws(SessionError) {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open the log to put back its last line break: \(AtomicFile.describe(errno))") }
        defer { Glibc.close(fd) }
        let failure = [UInt8(0x0A)].withUnsafeBytes { writer.writeAll($0, to: fd) }
        if let failure { throw .io(path: path, reason: "cannot put back the log's last line break: \(String(cString: strerror(failure)))") }
        guard fdatasync(fd) == 0 else { throw .io(path: path, reason: "cannot flush the log to disk: \(AtomicFile.describe(errno))") }
    }

    /// Whether the snapshot reflects a prefix of the log. A snapshot of another session or a newer
    /// version is refused; one that does not match or is damaged is rebuilt (kept aside first, with `writer`).
    private static func check(
        _ head: SnapshotHead?, _ snapshot: Data, paths: SessionPaths, log: SessionLogContents, writer: FileWriting?
    ) throws(SessionError) -> (matches: Bool, needsSave: Bool, recovered: Int, warnings: [String]) {
        guard let head, head.format == SessionFile.formatName, let version = head.version else {
            if head?.format != nil { throw .foreign(path: paths.snapshot, found: "its format is \"\(head?.format ?? "")\"") }
            guard let writer else { return (false, true, 0, []) }
            return (false, true, 0, [try keptAside(snapshot, paths, writer, because: "\(paths.snapshot) could not be read")])
        }
        guard version <= SessionFile.currentVersion else {
            throw .newerVersion(path: paths.snapshot, version: version, supported: SessionFile.currentVersion)
        }
        guard let reference = try SessionStore.describedPrefix(by: head.id, head.log, of: log, paths) else {
            // It may hold acknowledged edits the log lost: never overwritten without being kept.
            guard let writer else { return (false, true, 0, ["\(paths.snapshot): " + SessionStore.mismatchNotice(head.log, log, paths)]) }
            let why = "\(paths.snapshot) did not match its log \(paths.log) (\(SessionStore.mismatch(head.log, log)))"
            return (false, true, 0, [try keptAside(snapshot, paths, writer, because: why)])
        }
        return (true, reference.events < log.eventCount, log.eventCount - reference.events, [])
    }

    /// Keeps a snapshot that is rebuilt from the log aside as `NAME.json.damaged`: what the user is told, after `why`.
    private static func keptAside(_ snapshot: Data, _ paths: SessionPaths, _ writer: FileWriting, because why: String) throws(SessionError) -> String {
        let aside = try AtomicFile.keepAside(snapshot, as: paths.snapshot + ".damaged", with: writer)
        return "\(why); it was kept as \(aside) and the session rebuilt from the log \(paths.log)"
    }
}
