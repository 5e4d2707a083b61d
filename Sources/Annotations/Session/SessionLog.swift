import Foundation

/// A session's log (`NAME.jsonl`) open for appending: one JSON line per event (or cursor, settings,
/// corpus), flushed with `fdatasync` before the edit is acknowledged; a failed append is cut back
/// off. The digest of everything written is kept for the snapshot's ``LogReference``.
final class SessionLog {
    /// The log's path.
    let path: String
    private var fd: Int32
    private let writer: FileWriting
    private var digest: LogDigest
    /// The log's size in bytes.
    private(set) var size: Int
    /// The events in the log.
    private(set) var eventCount: Int

    /// Opens an existing log whose first `length` bytes hold `events` events (the rest, a torn
    /// tail, is cut off first); with `digest` (theirs, taken when they were read), they are not read again.
    init(path: String, writer: FileWriting = FileWriting(), length: Int, events: Int, digest known: LogDigest? = nil) throws(SessionError) {
        self.path = path
        self.writer = writer
        fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot open the log: \(AtomicFile.describe(errno))") }
        // The log is locked too: should the lock file be removed while its writer runs, a second
        // writer would otherwise interleave its events with this one's.
        if !LockedSessionFile.lock(fd) {
            Glibc.close(fd)
            fd = -1
            throw .locked(path: path, holder: "another workbench that has this log open for writing (its lock file was removed while it ran)")
        }
        digest = LogDigest()
        size = 0
        eventCount = events
        try cut(to: length, digest: known)
    }

    deinit { close() }

    /// What the snapshot written now reflects: every event so far.
    var reference: LogReference {
        LogReference(events: eventCount, bytes: size, digest: digest.hex)
    }

    /// Appends an event, cursor, settings or corpus line and flushes it; when this returns the line
    /// survives a crash. When it throws, the log is cut back to its size before the append.
    func append(_ entry: JournalEntry) throws(SessionError) {
        let line = try SessionFileWriter.line(entry)
        try checkStillAtPath()
        let before = off_t(size)
        let failure = line.withUnsafeBytes { writer.writeAll($0, to: fd) }
        if let code = failure {
            ftruncate(fd, before)
            throw .io(path: path, reason: "cannot append to the log: \(AtomicFile.describe(code)); the edit was not recorded")
        }
        guard fdatasync(fd) == 0 else {
            let code = errno
            ftruncate(fd, before)
            throw .io(path: path, reason: "cannot flush the log: \(AtomicFile.describe(code)); the edit was not recorded")
        }
        line.withUnsafeBytes { digest.update($0) }
        size += line.count
        if case .event = entry { eventCount += 1 }
    }

    /// Refuses to append when `path` no longer names the file open here (another program replaced,
    /// removed or moved it): the edit would go to a file nothing can find.
    private func checkStillAtPath() throws(SessionError) {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0 else { return }
        guard stat(path, &named) == 0 else {
            let code = errno
            let folder = (path as NSString).deletingLastPathComponent
            var folderStatus = stat()
            if !folder.isEmpty, stat(folder, &folderStatus) != 0 {
                throw .io(path: path, reason: "the session's folder was removed or moved away by another program while this "
                    + "session was open (\(AtomicFile.describe(code))); the edit was not recorded, and no snapshot can be "
                    + "written there: the edits acknowledged so far are in the log, wherever the folder went; quit and put "
                    + "the folder back before you go on")
            }
            throw .io(path: path, reason: "the log was removed or moved away by another program while this session was open "
                + "(\(AtomicFile.describe(code))); the edit was not recorded: quit (the snapshot written then keeps the edits made "
                + "so far) and put the log back before you go on")
        }
        guard named.st_dev == open.st_dev, named.st_ino == open.st_ino else {
            throw .io(path: path, reason: "the log was replaced by another program while this session was open (a sync tool, "
                + "a checkout, a restored copy?); the edit was not recorded: quit (the snapshot written then keeps the edits "
                + "made so far, and the next opening names what the log lacks) and reopen the session")
        }
    }

    /// Cuts the log to its first `length` bytes, holding `events` events (nil: unchanged), fsyncs
    /// and recomputes the digest (or takes `known`, theirs).
    func cut(to length: Int, events: Int? = nil, digest known: LogDigest? = nil) throws(SessionError) {
        guard ftruncate(fd, off_t(length)) == 0, fsync(fd) == 0 else {
            throw .io(path: path, reason: "cannot cut the log back: \(AtomicFile.describe(errno))")
        }
        size = length
        if let events { eventCount = events }
        digest = known ?? LogDigest()
        guard known == nil, length > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: length)
        let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, 0) }
        guard read == length else { throw .io(path: path, reason: "cannot read the log back: \(AtomicFile.describe(errno))") }
        buffer.withUnsafeBytes { digest.update($0) }
    }

    /// Closes the file; safe to call more than once.
    func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }
}
