import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A hidden folder that output is written into before it is put in place, holding a marker file
/// that its writer keeps an `flock(2)` on while it runs. `export` (``ExportWriter``) and
/// `segment --out` both write through one: nothing is visible under its final name before all of
/// it is written and flushed, and a run that was killed leaves only a staging folder, which the
/// next run to the same place removes (``removeLeftovers(in:prefixes:marker:keep:)``) – never one
/// whose writer is still running, since that writer holds the lock.
public final class StagingFolder {
    /// The staging folder.
    public let path: String
    /// The marker file's name inside it.
    public let marker: String
    /// The lock on the marker, held until ``release()``.
    private var lock: Int32

    /// Makes the folder `path` (its parent must exist) with the locked marker `marker` holding
    /// `markerText`; throws the system's reason when it cannot.
    public init(path: String, marker: String, markerText: String = "") throws(StagingFolder.Failure) {
        self.path = path
        self.marker = marker
        lock = -1
        guard mkdir(path, 0o755) == 0 else { throw Failure(path: path, reason: Self.reason()) }
        // The marker goes first and stays locked while the writer runs.
        let markerPath = (path as NSString).appendingPathComponent(marker)
        lock = open(markerPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            let reason = Self.reason()
            _ = rmdir(path)
            throw Failure(path: path, reason: reason)
        }
        _ = flock(lock, LOCK_EX)
        let written = Array(markerText.utf8).withUnsafeBytes { $0.isEmpty || pwrite(lock, $0.baseAddress, $0.count, 0) == $0.count }
        guard written else {
            let reason = Self.reason()
            remove()
            throw Failure(path: markerPath, reason: reason)
        }
    }

    deinit { release() }

    /// Gives up the lock (the folder stays).
    public func release() {
        if lock >= 0 {
            close(lock)
            lock = -1
        }
    }

    /// Releases the lock and removes the folder with its marker last (see ``remove(_:marker:)``).
    public func remove() {
        release()
        Self.remove(path, marker: marker)
    }

    /// Flushes everything written into the folder to disk once, before any of it gets its final
    /// name (one flush of the file system rather than an `fsync` per file).
    public func flushToDisk() throws(StagingFolder.Failure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: path, reason: Self.reason()) }
        defer { close(descriptor) }
        if !Self.flushFileSystem(holding: descriptor) { throw Failure(path: path, reason: Self.reason()) }
    }

    /// Flushes the file system that the open file or folder `descriptor` is on: syncfs(2), or
    /// sync(2), which flushes all of them, where the C library does not offer syncfs. False, with
    /// `errno` set, when the flush failed.
    public static func flushFileSystem(holding descriptor: Int32) -> Bool {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            sync()
            return true
        }
        return unsafeBitCast(symbol, to: SyncFS.self)(descriptor) == 0
    }

    /// Flushes a folder's entries (a rename into it) to disk.
    public static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Removes a folder written through a staging folder, with the marker last, so that a kill
    /// midway leaves a folder that is still recognisably a leftover (and is removed by the next run).
    public static func remove(_ path: String, marker: String) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where entry != marker {
            try? manager.removeItem(atPath: (path as NSString).appendingPathComponent(entry))
        }
        _ = unlink((path as NSString).appendingPathComponent(marker))
        _ = rmdir(path)
    }

    /// Removes what killed writers left in `parent`: folders named one of `prefixes` followed by a
    /// UUID that hold `marker` and whose marker no running writer holds. A folder without the
    /// marker goes only when it is empty. `keep` is asked first, with the path and the lock held,
    /// and returns true when it dealt with the folder itself (``ExportWriter`` puts an old output
    /// back that a kill left aside).
    public static func removeLeftovers(in parent: String, prefixes: [String], marker: String, keep: (_ entry: String, _ path: String) -> Bool = { _, _ in false }) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries.sorted() {
            guard let prefix = prefixes.first(where: { entry.hasPrefix($0) }), UUID(uuidString: String(entry.dropFirst(prefix.count))) != nil else {
                continue
            }
            let path = (parent as NSString).appendingPathComponent(entry)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            let descriptor = open((path as NSString).appendingPathComponent(marker), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else {
                // Killed between making the folder and its marker, or an empty folder swapped aside.
                if ((try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty { _ = rmdir(path) }
                continue
            }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }  // a running writer
            if keep(entry, path) { continue }
            remove(path, marker: marker)
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    /// Why a staging folder could not be made or flushed: the path and the system's reason.
    public struct Failure: Error, Sendable {
        /// The file or folder.
        public var path: String
        /// The system's reason (`strerror`).
        public var reason: String
    }
}
