import Foundation
import Annotations

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
    private let staging: StagingFolder
    /// Whether this writer created the output folder.
    private let createdFolder: Bool
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
        Self.removeLeftovers(in: folder)
        do {
            staging = try StagingFolder(path: (folder as NSString).appendingPathComponent(Self.stagingPrefix + UUID().uuidString), marker: Self.lockName)
        } catch {
            if !existed { _ = rmdir(folder) }
            throw CLIFailure("\(folder): cannot write: \(error.reason)")
        }
        self.folder = folder
        createdFolder = !existed
    }

    /// Writes one file into the staging folder; `name` is a plain file name.
    func add(name: String, bytes: [UInt8]) throws(CLIFailure) {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.hasPrefix(Self.stagingPrefix), name != Self.lockName else {
            throw CLIFailure("\(folder): cannot write \"\(name)\": not a plain file name")
        }
        let path = (staging.path as NSString).appendingPathComponent(name)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CLIFailure("\((folder as NSString).appendingPathComponent(name)): cannot write: \(error.localizedDescription)")
        }
        names.append(name)
    }

    /// Flushes the staged files to disk, renames each into the output folder and removes the
    /// staging folder; returns the number of files put in place. A crash leaves each file either
    /// as it was or complete, never empty or torn under its name.
    func publish() throws(CLIFailure) -> Int {
        do {
            try staging.flushToDisk()
        } catch {
            throw CLIFailure("\(folder): cannot write: \(error.reason)")
        }
        for name in names {
            let target = (folder as NSString).appendingPathComponent(name)
            if rename((staging.path as NSString).appendingPathComponent(name), target) != 0 {
                throw CLIFailure("\(target): cannot put in place: \(String(cString: strerror(errno)))")
            }
        }
        StagingFolder.syncFolder(folder)
        staging.remove()
        return names.count
    }

    /// Removes the staging folder, and the output folder when this writer made it and nothing
    /// else is in it.
    func abandon() {
        staging.remove()
        if createdFolder { _ = rmdir(folder) }
    }

    /// Removes staging folders that killed writers left in `folder`: only folders with the
    /// staging name and a lock file that no running writer holds.
    static func removeLeftovers(in folder: String) {
        StagingFolder.removeLeftovers(in: folder, prefixes: [stagingPrefix], marker: lockName)
    }
}
