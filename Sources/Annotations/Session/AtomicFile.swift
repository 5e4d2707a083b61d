import Foundation

/// Writes files so that a crash leaves the old or the new content, never half: a temporary file in
/// the same folder, fsynced, renamed over the target, the folder fsynced. Permissions are kept.
public enum AtomicFile {
    /// Writes `data` to `path` atomically and durably.
    public static func write(_ data: Data, to path: String, with writer: FileWriting = FileWriting()) throws(SessionError) {
        try write(to: path, with: writer) { fd in data.withUnsafeBytes { writer.writeAll($0, to: fd) } }
    }

    /// Writes to `path` atomically and durably what `body` writes to the descriptor it is given
    /// (`body` gives the `errno` of a failed write, or nil); on failure `path` stays as it was.
    static func write(
        to path: String, with writer: FileWriting = FileWriting(), _ body: (_ fd: Int32) throws(SessionError) -> Int32?
    ) throws(SessionError) {
        let temporary = folder(of: path) + "/" + temporaryPrefix(of: path) + "\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: creationProblem("cannot create a temporary file", errno, creating: path)) }
        var existing = stat()
        if stat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG { fchmod(fd, existing.st_mode & 0o7777) }
        var failure: String?
        do { failure = try body(fd).map { "write failed: \(describe($0))" } } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed: \(describe(errno))" }
        close(fd)
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = describe(errno)
            unlink(temporary)
            throw .io(path: path, reason: "cannot replace the file: \(reason)")
        }
        syncFolder(containing: path)
    }

    /// The hidden temporary file ``write(_:to:with:)`` writes beside `path` and renames over it,
    /// without its end: `.NAME.tmp-`, then the writer's pid.
    private static func temporaryPrefix(of path: String) -> String {
        ".\((path as NSString).lastPathComponent).tmp-"
    }

    /// Removes the temporary files beside `path` left by writers that were killed (processes that
    /// no longer run); the caller holds the lock every writer of `path` takes.
    static func removeStaleTemporaries(of path: String) {
        let folder = folder(of: path), prefix = temporaryPrefix(of: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// The folder holding `path`, `.` for a bare file name.
    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Writes `data` atomically to `base` when nothing is there, else to `base-2`, `base-3`, …: a
    /// file kept aside (a damaged snapshot, a torn log tail); where it went.
    static func keepAside(_ data: Data, as base: String, with writer: FileWriting) throws(SessionError) -> String {
        let aside = SessionPaths.free(base, numbered: false)
        try write(data, to: aside, with: writer)
        return aside
    }

    /// fsyncs the folder holding `path` so a rename or create in it is durable.
    public static func syncFolder(containing path: String) {
        let fd = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Why a file (`what`) beside `path` could not be created; a folder that may not be written to
    /// is named as such.
    static func creationProblem(_ what: String, _ code: Int32, creating path: String) -> String {
        let reason = "\(what): \(describe(code))"
        guard code == EACCES || code == EPERM || code == EROFS else { return reason }
        return reason + " (the folder \(folder(of: path)) cannot be written to; make it writable, e.g. chmod u+w, and try again)"
    }

    /// What an `errno` means for the user; a full disk (or quota) says so plainly.
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        if code == ENOSPC || code == EDQUOT { return "the disk is full (\(text)); free some space and try again" }
        if code == EFBIG { return "\(text) (a file-size limit, e.g. ulimit -f, is reached; raise it and try again)" }
        return text
    }
}
