import Foundation

/// Files for one folder written as one step (`segment --out`): each file goes into a hidden
/// staging folder inside the output folder first (`.workbench-staging-<UUID>`), and only when all
/// are written are they renamed into place, one atomic rename each. Files of the same name are
/// replaced, other files in the folder are left alone.
///
/// Stopped before ``publish()`` (Ctrl-C, a full disk, an error), ``abandon()`` removes the staging
/// folder, and the output folder too when this writer made it and it is still empty: nothing of
/// the run is left. A kill leaves only the hidden staging folder; the next writer to the same
/// folder removes it (a staging folder holds a lock file that its running writer keeps an
/// `flock(2)` on, so a writer never removes another's running staging).
final class StagedFolder {
    /// The output folder.
    let folder: String
    /// The hidden staging folder inside it.
    private let staging: String
    /// Whether this writer created the output folder.
    private let createdFolder: Bool
    /// The lock held on the staging folder while it is in use.
    private var lock: Int32
    /// The names written so far, in order.
    private var names: [String] = []

    /// The prefix of staging folders' names.
    static let stagingPrefix = ".workbench-staging-"
    /// The lock file in a staging folder.
    static let lockName = ".lock"

    /// Creates the output folder when it is missing, removes staging folders that killed runs left
    /// in it, and opens a new staging folder.
    init(folder: String) throws(CLIFailure) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let existed = manager.fileExists(atPath: folder, isDirectory: &isFolder)
        if existed, !isFolder.boolValue { throw CLIFailure("\(folder): cannot write: it is a file, not a folder") }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure("\(folder): cannot write: \(error.localizedDescription)")
        }
        self.folder = folder
        createdFolder = !existed
        Self.removeLeftovers(in: folder)
        staging = (folder as NSString).appendingPathComponent(Self.stagingPrefix + UUID().uuidString)
        lock = -1
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            abandon()
            throw CLIFailure("\(folder): cannot write: \(error.localizedDescription)")
        }
        lock = open((staging as NSString).appendingPathComponent(Self.lockName), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard lock >= 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw CLIFailure("\(folder): cannot write: \(reason)")
        }
        _ = flock(lock, LOCK_EX)
    }

    deinit { if lock >= 0 { close(lock) } }

    /// Writes one file into the staging folder; `name` is a plain file name.
    func add(name: String, bytes: [UInt8]) throws(CLIFailure) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.hasPrefix(Self.stagingPrefix) else {
            throw CLIFailure("\(folder): cannot write \"\(name)\": not a plain file name")
        }
        let path = (staging as NSString).appendingPathComponent(name)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIFailure("\((folder as NSString).appendingPathComponent(name)): cannot write: \(error.localizedDescription)")
        }
        names.append(name)
    }

    /// Renames every staged file into the output folder and removes the staging folder; returns
    /// the number of files put in place.
    func publish() throws(CLIFailure) -> Int {
        for name in names {
            let target = (folder as NSString).appendingPathComponent(name)
            if rename((staging as NSString).appendingPathComponent(name), target) != 0 {
                throw CLIFailure("\(target): cannot put in place: \(String(cString: strerror(errno)))")
            }
        }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
        removeStaging()
        return names.count
    }

    /// Removes the staging folder, and the output folder when this writer made it and nothing
    /// else is in it.
    func abandon() {
        removeStaging()
        if createdFolder { _ = rmdir(folder) }
    }

    private func removeStaging() {
        if lock >= 0 {
            close(lock)
            lock = -1
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes staging folders that killed writers left in `folder`: only folders with the
    /// staging name and a lock file that no running writer holds.
    static func removeLeftovers(in folder: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(stagingPrefix) {
            guard UUID(uuidString: String(entry.dropFirst(stagingPrefix.count))) != nil else { continue }
            let path = (folder as NSString).appendingPathComponent(entry)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            let descriptor = open((path as NSString).appendingPathComponent(lockName), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else {
                // Killed between making the folder and its lock file: only an empty folder goes.
                _ = rmdir(path)
                continue
            }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }  // a running writer
            try? manager.removeItem(atPath: path)
        }
    }
}
