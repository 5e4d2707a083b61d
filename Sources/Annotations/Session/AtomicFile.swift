import Foundation

/// Writes files so that a crash at any moment leaves either the old or the new content, never a
/// half-written file: write to a temporary file in the same folder, fsync it, rename it over the
/// target, fsync the folder.
public enum AtomicFile {
    /// Writes `data` to `path` atomically and durably.
    public static func write(_ data: Data, to path: String) throws(SessionError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot create a temporary file: \(errnoText())") }
        var failure = writeAll(data, to: fd).map { "write failed: \($0)" }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed: \(errnoText())" }
        close(fd)
        if let failure {
            unlink(temporary)
            throw .io(path: path, reason: failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw .io(path: path, reason: "cannot replace the file: \(reason)")
        }
        syncFolder(folder.isEmpty ? "." : folder)
    }

    /// fsyncs a folder so a rename or create in it is durable.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    /// Writes all of `data` to a file descriptor, retrying short writes and EINTR; the error text on failure.
    static func writeAll(_ data: Data, to fd: Int32) -> String? {
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                offset += written
            }
        }
        return failure
    }
}
