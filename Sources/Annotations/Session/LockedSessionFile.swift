import Foundation

/// A session opened for writing by this process: its real path (links resolved), the lock on it,
/// and atomic writes. Every command that writes a session opens it so first, so a session has at
/// most one writer, also when two names lead to one file.
///
/// The lock is an exclusive `flock` on `NAME.json.lock` beside the real file; the kernel releases
/// it when the holder dies, so a dead process's lock is taken over. The file names the holder
/// (pid, host, since when) for ``SessionError/locked(path:holder:)``.
public final class LockedSessionFile {
    /// The path as given (for messages).
    public let path: String
    /// The file actually written: `path` with symbolic links resolved (the given path itself when
    /// none of its parts is a link).
    public let realPath: String
    /// The holder whose stale lock was taken over, if any.
    public let tookOverLockFrom: String?
    /// The lock file, open while the lock is held (-1 once released).
    private var lockFile: Int32
    /// Whether opening made the lock file, the folder it made, and the session's files as they were
    /// then: released with those files unchanged, the lock file and the folder go.
    private let made: (lockFile: Bool, folder: String?, files: [FileIdentity?])

    /// Creates the session's folder if needed, resolves the real path and takes the lock; `now` is
    /// recorded as the time the lock was taken.
    public init(path: String, now: String) throws(SessionError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        var madeFolder: String?
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                madeFolder = folder
            } catch {
                throw .io(path: folder, reason: "cannot create the sessions folder: \(error.localizedDescription)")
            }
        }
        let real: String
        do { real = try Self.realPath(of: path) } catch {
            if let madeFolder { rmdir(madeFolder) }
            throw error
        }
        realPath = real
        let lockPath = real + ".lock"
        var lockExisted = false
        var previous: String?
        var fd: Int32 = -1
        // A writer that wrote nothing removes the lock file it made (``release()``): a lock taken
        // on a file that lost its name is taken again on the file the path names now.
        for _ in 0..<100 {
            lockExisted = access(lockPath, F_OK) == 0
            fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                if let madeFolder { rmdir(madeFolder) }
                throw .io(path: lockPath, reason: AtomicFile.creationProblem("cannot create the lock file", code, creating: real))
            }
            previous = Self.readHolder(fd)
            if !Self.lock(fd) {
                Glibc.close(fd)
                throw .locked(path: real == path ? path : "\(path) (a link to \(real))", holder: previous ?? "another process")
            }
            if Self.isNamed(fd, by: lockPath) { break }
            Glibc.close(fd)
            fd = -1
        }
        guard fd >= 0 else { throw .io(path: lockPath, reason: "the lock file keeps being removed by another program; try again") }
        lockFile = fd
        made = (!lockExisted, madeFolder, Self.sessionFiles(real))
        tookOverLockFrom = previous
        // A writer killed while writing leaves its temporary file beside a lock file that is not
        // empty: the folder is looked through only then, or when there was no lock file.
        var lockStatus = stat()
        if !lockExisted || fstat(lockFile, &lockStatus) != 0 || lockStatus.st_size > 0 { AtomicFile.removeStaleTemporaries(of: real) }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let info = "{\"pid\":\(getpid()),\"host\":\"\(hostName)\",\"since\":\"\(now)\"}\n"
        ftruncate(lockFile, 0)
        // Not flushed: the lock is the kernel's; the text only names the holder.
        _ = info.withCString { pwrite(lockFile, $0, strlen($0), 0) }
    }

    deinit { release() }

    /// Takes the exclusive lock on `fd`: false when another open file still holds it after a
    /// quarter of a second (a child between fork and exec holds every descriptor for a moment).
    static func lock(_ fd: Int32) -> Bool {
        for attempt in 0..<50 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK, attempt < 49 else { return false }
            usleep(5_000)
        }
        return false
    }

    /// The snapshot's and the log's identity (nil: missing), to tell whether this writer wrote either.
    private static func sessionFiles(_ real: String) -> [FileIdentity?] {
        [FileIdentity(real), FileIdentity(SessionPaths(real).log)]
    }

    /// A file as `stat` sees it: which file (device, inode), how long and when last changed; a file
    /// replaced (renamed over) or written differs.
    struct FileIdentity: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, modified: Int, modifiedNanoseconds: Int

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            (device, inode, size) = (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
            (modified, modifiedNanoseconds) = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
        }
    }

    /// True when `path` names the open file `fd` (it was not removed or replaced since it was opened).
    private static func isNamed(_ fd: Int32, by path: String) -> Bool {
        var open = stat(), named = stat()
        return fstat(fd, &open) == 0 && stat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Who holds the lock, as its file records it (nil when it records nothing readable).
    private static func readHolder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0, let object = try? JSONSerialization.jsonObject(with: Data(buffer.prefix(count))) as? [String: Any] else { return nil }
        let pid = object["pid"].map { "\($0)" } ?? "?"
        return "pid \(pid) on \((object["host"] as? String) ?? "?") since \((object["since"] as? String) ?? "?")"
    }

    /// The session's snapshot when it exists, else its log, else nil: the file to name when a
    /// command refuses to replace the session.
    public var existingFile: String? {
        if FileManager.default.fileExists(atPath: realPath) { return realPath }
        let log = SessionPaths(realPath).log
        return FileManager.default.fileExists(atPath: log) ? log : nil
    }

    /// Writes the snapshot `file` atomically (temporary file, fsync, rename) to the real path, as
    /// it is made (never whole in memory: fewer fresh pages for the machine to hand out).
    public func writeSnapshot(_ file: SessionFile, with writer: FileWriting = FileWriting()) throws(SessionError) {
        try AtomicFile.write(to: realPath, with: writer) { fd throws(SessionError) in try SessionFileWriter.write(file, to: fd, with: writer) }
    }

    /// Writes a whole session, its log then its snapshot, each atomically (adjudicate, replay
    /// `--out`, import, `team pull`); a crash between the two leaves a snapshot that opening
    /// rebuilds. The log is written from `file`'s events, or is `logBytes` byte for byte.
    public func write(_ file: SessionFile, logBytes given: Data? = nil, with writer: FileWriting = FileWriting()) throws(SessionError) {
        var snapshot = file
        snapshot.format = SessionFile.formatName
        snapshot.version = SessionFile.currentVersion
        snapshot.id = snapshot.id ?? SessionStore.derivedID(realPath, created: file.created, annotator: file.annotator)
        let bytes = try writeLog(of: snapshot, given: given, with: writer)
        snapshot.log = LogReference(events: file.events.count, bytes: bytes.count, digest: bytes.withUnsafeBytes { LogDigest.of($0) })
        try writeSnapshot(snapshot, with: writer)
    }

    /// Writes the whole log of `file` (or `given`, byte for byte) atomically beside the real path
    /// and returns its bytes: the one writer of a whole log.
    func writeLog(of file: SessionFile, given: Data? = nil, with writer: FileWriting) throws(SessionError) -> Data {
        let bytes: Data
        if let given {
            bytes = given
        } else {
            var header = LogHeader(session: Session(annotator: file.annotator, corpus: file.corpus, schema: file.schema, created: file.created, derivedFrom: file.derivedFrom))
            header.session = file.id ?? ""
            bytes = Data(try SessionFileWriter.logBytes(header: header, events: file.events, cursor: file.cursor, settings: file.settings))
        }
        try AtomicFile.write(bytes, to: SessionPaths(realPath).log, with: writer)
        return bytes
    }

    /// Releases the lock; safe to call twice. A writer that wrote nothing (refused after taking the
    /// lock) removes the lock file and the empty folder it made.
    public func release() {
        guard lockFile >= 0 else { return }
        let leaveNothing = made.lockFile && Self.sessionFiles(realPath) == made.files
        if leaveNothing { unlink(realPath + ".lock") } else { ftruncate(lockFile, 0) }
        flock(lockFile, LOCK_UN)
        Glibc.close(lockFile)
        lockFile = -1
        if leaveNothing, let folder = made.folder { rmdir(folder) }
    }

    /// `path` with every symbolic link resolved, also a link whose target does not exist yet (the
    /// session it names would be created there); the path itself when no part of it is a link.
    /// Throws for a loop of links.
    public static func realPath(of path: String) throws(SessionError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else {
                let folder = SessionPaths.folder(of: current)
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

    /// True when `a` and `b` name one session (by snapshot or log) once links are resolved: an
    /// output a command must refuse when it is one of its inputs.
    public static func namesSameSession(_ a: String, _ b: String) -> Bool {
        func real(_ path: String) -> String {
            let snapshot = SessionPaths(path).snapshot
            return (try? canonicalPath(of: snapshot)) ?? absolute(snapshot)
        }
        return real(a) == real(b)
    }

    /// An absolute path without `.` and `..` components (links not resolved).
    private static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (base as NSString).standardizingPath
    }
}
