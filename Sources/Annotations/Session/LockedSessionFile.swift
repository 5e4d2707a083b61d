import Foundation

/// A session file opened for writing by this process: its real path (symbolic links resolved), the
/// session lock taken on that real path, and atomic writes to it.
///
/// Every command that writes a session opens it through this type first (the annotation REPL and
/// review through ``SessionStore``; adjudicate, replay `--out` and import directly), so a session
/// has at most one writer, also when two names lead to one file: the lock, the journal and the
/// written file all follow the real path. Opening refuses with ``SessionError/locked(path:holder:)``
/// naming the holder (pid, host, since when); a lock left by a process that died is taken over.
public final class LockedSessionFile {
    /// The path as given (for messages).
    public let path: String
    /// The file actually written: `path` with symbolic links resolved (the given path itself when
    /// none of its parts is a link).
    public let realPath: String
    /// The holder whose stale lock was taken over, if any.
    public let tookOverLockFrom: String?
    private let lock: SessionLock

    /// Creates the session's folder if needed, resolves the real path and takes the lock; `now` is
    /// recorded as the time the lock was taken.
    public init(path: String, now: String) throws(SessionError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .io(path: folder, reason: "cannot create the sessions folder: \(error.localizedDescription)")
            }
        }
        let real = try Self.realPath(of: path)
        realPath = real
        do {
            lock = try SessionLock(sessionPath: real, now: now)
        } catch .locked(_, let holder) {
            throw .locked(path: real == path ? path : "\(path) (a link to \(real))", holder: holder)
        }
        tookOverLockFrom = lock.tookOverFrom
    }

    deinit { lock.release() }

    /// True when the file exists.
    public var exists: Bool { FileManager.default.fileExists(atPath: realPath) }

    /// Writes `file` atomically (temporary file, fsync, rename) to the real path.
    public func write(_ file: SessionFile, with writer: any FileWriting = SystemFileWriting()) throws(SessionError) {
        try AtomicFile.write(try SessionCodec.encode(file), to: realPath, with: writer)
    }

    /// Releases the lock; the file must not be written afterwards. Safe to call twice.
    public func release() {
        lock.release()
    }

    /// `path` with every symbolic link resolved, also a link whose target does not exist yet (the
    /// session it names would be created there); the path itself when no part of it is a link.
    /// Throws for a loop of links.
    public static func realPath(of path: String) throws(SessionError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else {
                let folder = (current as NSString).deletingLastPathComponent
                let name = (current as NSString).lastPathComponent
                let given = folder.isEmpty ? "." : folder
                guard let resolved = realpath(given, nil) else { return current }
                defer { free(resolved) }
                let real = String(cString: resolved)
                // Keep the path as given (relative, as the user wrote it) when its folder holds no link.
                if current == path, real == absolute(given) { return path }
                return (real as NSString).appendingPathComponent(name)
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw .io(path: path, reason: "too many levels of symbolic links")
    }

    /// The absolute path of the file `path` leads to (links resolved), to tell whether two paths name one file.
    public static func canonicalPath(of path: String) throws(SessionError) -> String {
        absolute(try realPath(of: path))
    }

    /// An absolute path without `.` and `..` components (links not resolved).
    private static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (base as NSString).standardizingPath
    }
}
