import Foundation

/// An exclusive, advisory lock on a session (`NAME.json.lock` beside the real file, symbolic links
/// resolved) held for as long as a process has the session open for writing. Writers take it
/// through ``LockedSessionFile``. The kernel releases it when the holder dies, so a lock left by a
/// dead process is taken over; the file records who holds it (pid, host, since) for the message
/// another process gets.
final class SessionLock {
    /// The lock file's path.
    let path: String
    /// The holder whose stale lock was taken over, if any.
    let tookOverFrom: String?
    private var fd: Int32

    /// The lock path for a session file (whose symbolic links are resolved already).
    static func path(for sessionPath: String) -> String { sessionPath + ".lock" }

    /// Takes the lock for `sessionPath` (the lock of the file its links lead to), or throws
    /// ``SessionError/locked(path:holder:)`` naming the holder.
    init(sessionPath: String, now: String) throws(SessionError) {
        path = Self.path(for: try LockedSessionFile.realPath(of: sessionPath))
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot create the lock file: \(AtomicFile.errnoText())") }
        let previous = Self.readHolder(fd)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = previous ?? "another process"
            Glibc.close(fd)
            fd = -1
            throw .locked(path: sessionPath, holder: holder)
        }
        tookOverFrom = previous
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let info = "{\"pid\":\(getpid()),\"host\":\"\(hostName)\",\"since\":\"\(now)\"}\n"
        ftruncate(fd, 0)
        _ = info.withCString { pwrite(fd, $0, strlen($0), 0) }
        // Not flushed to disk: the lock is the kernel's `flock`, gone with the process; the text only
        // names the holder in messages, and a crash that loses it loses nothing else.
    }

    deinit { release() }

    /// Releases the lock; safe to call more than once.
    func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        Glibc.close(fd)
        fd = -1
    }

    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        let pid = object["pid"].map { "\($0)" } ?? "?"
        let host = (object["host"] as? String) ?? "?"
        let since = (object["since"] as? String) ?? "?"
        return "pid \(pid) on \(host) since \(since)"
    }
}
