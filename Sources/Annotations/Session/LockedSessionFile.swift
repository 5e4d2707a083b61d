import Foundation

/// A session file opened for writing by this process: its real path (symbolic links resolved), the
/// session lock taken on that real path, and atomic writes to it.
///
/// Every command that writes a session opens it through this type first (the annotation REPL and
/// review through ``SessionStore``; adjudicate, replay `--out` and import directly), so a session
/// has at most one writer, also when two names lead to one file: the lock, the journal and the
/// written file all follow the real path. Opening refuses with ``SessionError/locked(path:holder:)``
/// naming the holder (pid, host, since when).
///
/// The lock is an exclusive `flock` on `NAME.json.lock` beside the real file, held while the
/// session is open for writing. The kernel releases it when the holder dies, so a lock left by a
/// dead process is taken over; the file records who holds it for the message another process gets.
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
    /// Whether opening made the lock file (there was none), the folder it made (nil: it was there)
    /// and the session's files as they were then (``FileIdentity``): released with those files as
    /// they were (a command refused after taking the lock), the lock file and the folder go.
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
        // A lock file is removed by a writer that made it and wrote nothing (``release()``), while
        // it holds the lock: a file opened just before that is locked only once it has no name, so
        // the lock is taken again on the file the path names now.
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
        // A writer that ends empties its lock file; one killed while it wrote the session leaves
        // its temporary file (hidden, as large as the session) beside a lock file that still names
        // it. The folder is looked through only then, or when there was no lock file.
        var lockStatus = stat()
        if !lockExisted || fstat(lockFile, &lockStatus) != 0 || lockStatus.st_size > 0 { AtomicFile.removeStaleTemporaries(of: real) }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let info = "{\"pid\":\(getpid()),\"host\":\"\(hostName)\",\"since\":\"\(now)\"}\n"
        ftruncate(lockFile, 0)
        // Not flushed to disk: the lock is the kernel's `flock`, gone with the process; the text only
        // names the holder in messages (and calls for the look for temporary files above), and a
        // crash of the machine that loses it loses nothing else (at most such a file is left).
        _ = info.withCString { pwrite(lockFile, $0, strlen($0), 0) }
    }

    deinit { release() }

    /// Takes the exclusive lock on `fd` without waiting for a holder: false when another open file
    /// holds it. A lock just released can still be held for a moment by a process this one is
    /// starting (between its fork and its exec the child has every descriptor, close-on-exec or
    /// not), so a refusal is only given when the lock is still held after a quarter of a second.
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

    /// The session's snapshot when it exists, else its log when that exists (a log whose snapshot
    /// was lost is still a session, and holds every acknowledged event), else nil: the file to
    /// name when a command refuses to replace the session.
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

    /// Writes a whole session — its log (`NAME.jsonl`), then its snapshot — each atomically, for
    /// commands that write a session at once (adjudicate, replay `--out`, import, `team pull`). A
    /// crash between the two leaves the new log and an old snapshot, which opening rebuilds from
    /// the log. The log is written from `file`'s events, or is `logBytes` byte for byte (a log
    /// already replayed to `file`: `team pull` writes a team session's log as the database holds it).
    public func write(_ file: SessionFile, logBytes given: Data? = nil, with writer: FileWriting = FileWriting()) throws(SessionError) {
        var snapshot = file
        snapshot.format = SessionFile.formatName
        snapshot.version = SessionFile.currentVersion
        snapshot.id = snapshot.id ?? SessionStore.derivedID(realPath, created: file.created, annotator: file.annotator)
        let bytes = try writeLog(of: snapshot, given: given, with: writer)
        snapshot.log = LogReference(events: file.events.count, bytes: bytes.count, digest: bytes.withUnsafeBytes { LogDigest.of($0) })
        try writeSnapshot(snapshot, with: writer)
    }

    /// Writes the whole log of `file` (its header, events, cursor and settings lines; `given` instead, byte for byte) atomically
    /// beside the real path and returns its bytes: the one writer of a whole log (``SessionStore``'s first, ``write(_:logBytes:with:)``'s).
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

    /// Releases the lock; the file must not be written afterwards. Safe to call twice.
    ///
    /// A writer that wrote nothing (a command refused after taking the lock: inputs of different
    /// corpora, an `--out` of another kind, a damaged session) leaves the place as it found it: the
    /// lock file it made is removed, while the lock is still held, and so is the folder it made
    /// when that is empty.
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

    /// True when `a` and `b` name one session: the same snapshot once links are resolved, whether
    /// either is given by its snapshot (`NAME.json`, `NAME`) or by its log (`NAME.jsonl`). Commands
    /// that write a new session from others (review, adjudicate, replay `--out`) refuse an output
    /// for which this holds with one of their inputs: the input would be overwritten or appended to.
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
