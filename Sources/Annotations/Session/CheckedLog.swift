import Foundation

/// A session log's exact bytes, read and replayed once, to be written as a new local session
/// whose snapshot reflects the whole log: what is written is exactly what was checked, and nothing
/// is read back (`team pull`, which takes a session's log from the team database byte for byte).
package struct CheckedLog: Sendable {
    /// The log's bytes, as they will be written.
    package let bytes: Data
    /// The session they replay to.
    package let session: Session
    /// The digest of ``bytes``, for the snapshot's ``LogReference``.
    private let digest: String

    /// Reads and replays `bytes` as a log, on both cores (errors name `path` and the line, as for a
    /// local log). A last line without its line break (a torn append, which a local reader would
    /// ignore) is refused: the log must be whole, line for line.
    package init(bytes: Data, path: String) throws(SessionError) {
        let (session, log) = try Session.replaying(logBytes: bytes, path: path, digestingFirst: bytes.count)
        guard log.tornTail.isEmpty, let digest = log.prefixDigest else {
            throw .io(path: path, reason: "the log's last line does not end in a line break (\(log.tornTail.count) byte(s) after the last one)")
        }
        self.bytes = bytes
        self.session = session
        self.digest = digest
    }

    /// Writes the log, then its snapshot (each atomically) as the new session at `path`, under the
    /// session's lock; refuses when the session (its snapshot or its log) exists. Returns the
    /// snapshot's path. A crash between the two files leaves the log alone, which opening rebuilds
    /// the snapshot from.
    package func write(to path: String, now: String, writer: any FileWriting = SystemFileWriting()) throws(SessionError) -> String {
        let file = try LockedSessionFile(path: SessionPaths(path).snapshot, now: now)
        defer { file.release() }
        if let existing = file.existingFile {
            throw .io(path: existing, reason: "already exists; choose a new name (nothing was written)")
        }
        let paths = SessionPaths(file.realPath)
        try AtomicFile.write(bytes, to: paths.log, with: writer)
        var snapshot = session.snapshotFile
        snapshot.log = LogReference(events: session.eventCount, bytes: bytes.count, digest: digest)
        try file.writeSnapshot(snapshot, with: writer)
        return file.path
    }
}
