import Foundation

/// Opening a format-2 session (log `NAME.jsonl` and snapshot `NAME.json`) into memory.
///
/// When the snapshot reflects a prefix of the log — its `log` names that prefix's byte length,
/// event count and digest, and its `next` the next free ids — the state is built from the
/// snapshot's records and only the log's lines after the prefix are decoded and replayed; the
/// prefix is hashed and its event lines counted, not decoded. The undo history before the
/// snapshot is replayed from the log when first needed (``Session/loadHistory()``). Otherwise
/// (no snapshot, another state, damaged, written before `next` existed) the whole log is replayed.
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
    /// With `annotationsApart`, when the snapshot holds every event of the log: the snapshot's
    /// mentions, cues and claims, left out of the session's state (their anchors without their
    /// quoted texts, see ``SessionCodec/decode(_:path:anchorsForExport:)``). Nil otherwise: the
    /// state holds them.
    var annotations: [Record]?

    /// Opens the session at `paths` (its log must exist) whose snapshot holds `snapshot` (nil: there
    /// is none; see ``SessionPaths/found(shownAs:strict:)``). With `writer`, a damaged snapshot is
    /// kept aside as `NAME.json.damaged` (an annotating opening rewrites it); without, nothing is written.
    ///
    /// With `annotationsApart` (an export, which reads each annotation once), a session whose
    /// snapshot holds every event of its log is built from the snapshot without its mentions, cues
    /// and claims, which are given apart in ``annotations``; any other session opens as without.
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
            // The snapshot was written from the log with this line complete (so its edit was
            // acknowledged): only the line break was lost since (an editor or a copy that strips
            // it). The line is not a torn append; its line break is put back.
            if let writer { try appendLineBreak(to: paths.log, with: writer) }
            bytes.append(0x0A)
            restored = [
                "\(paths.log) had lost the line break after its last line, which \(paths.snapshot) holds (an acknowledged edit); the line break was put back"
            ]
        }
        // A snapshot that can stand for the log's first lines: only those after it are decoded,
        // and its records on another thread meanwhile.
        let from = head?.currentLog?.bytes ?? 0
        let snapshotPath = paths.snapshot
        // Records are given apart only when the snapshot stands for the whole log (nothing to
        // replay on them), so that is decided before the snapshot is decoded, once.
        let apartFromSnapshot = annotationsApart && from > 0 && from == bytes.count
        // The snapshot's bytes are checked as UTF-8 on this thread, after the log's digest, while
        // they are decoded on the other; a result decoded from bytes that are not is not taken.
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
        // Replay the whole log; a snapshot whose header matched but whose records could not be
        // read (or that has no `next`) is written again. One whose records could not be read (edited
        // by hand: a wrong type, a fraction where a number is whole) is kept aside first, and the
        // user told where it went wrong: the edit is not taken, and not lost without a word.
        let unreadable = check.matches && log.decodedFrom > 0
        var warnings = restored + check.warnings
        if unreadable, case .failure(let error) = decoded, let writer {
            let aside = try AtomicFile.keepAside(snapshot, as: paths.snapshot + ".damaged", with: writer)
            warnings.append(
                "\(error.description); it was kept as \(aside) and the session rebuilt from the log \(paths.log), which holds every event")
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

    /// Whether the snapshot reflects a prefix of the log: its id, event count, bytes and digest.
    /// A snapshot of another session, or of a newer version, is refused; one that does not match
    /// (or is damaged) is to be rebuilt from the log (a damaged one kept aside first, with `writer`).
    private static func check(
        _ head: SnapshotHead?, _ snapshot: Data, paths: SessionPaths, log: SessionLogContents, writer: FileWriting?
    ) throws(SessionError) -> (matches: Bool, needsSave: Bool, recovered: Int, warnings: [String]) {
        guard let head, head.format == SessionFile.formatName, let version = head.version else {
            if head?.format != nil { throw .foreign(path: paths.snapshot, found: "its format is \"\(head?.format ?? "")\"") }
            guard let writer else { return (false, true, 0, []) }
            let aside = try AtomicFile.keepAside(snapshot, as: paths.snapshot + ".damaged", with: writer)
            return (false, true, 0, ["\(paths.snapshot) could not be read; it was kept as \(aside) and rebuilt from the log \(paths.log)"])
        }
        guard version <= SessionFile.currentVersion else {
            throw .newerVersion(path: paths.snapshot, version: version, supported: SessionFile.currentVersion)
        }
        guard let reference = try SessionStore.describedPrefix(by: head.id, head.log, of: log, paths) else {
            // A snapshot ahead of its log holds acknowledged edits the log lost (a copy cut short,
            // a log restored from an older backup): it is rebuilt from the log, but never
            // overwritten without being kept.
            guard let writer else { return (false, true, 0, ["\(paths.snapshot): " + SessionStore.mismatchNotice(head.log, log, paths)]) }
            let aside = try AtomicFile.keepAside(snapshot, as: paths.snapshot + ".damaged", with: writer)
            return (false, true, 0, [
                "\(paths.snapshot) did not match its log \(paths.log) (\(SessionStore.mismatch(head.log, log))); it was kept as \(aside) and the session rebuilt from the log"
            ])
        }
        return (true, reference.events < log.eventCount, log.eventCount - reference.events, [])
    }
}
