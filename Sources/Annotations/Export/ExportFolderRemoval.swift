import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes the contents of an export folder with several threads unlinking files at once.
///
/// Removing a file costs the kernel more than making it (its blocks are freed, and on a file
/// system mounted with `discard` the device is told, waiting for it): replacing a brat export of
/// 42 846 files one unlink after another took seconds on one thread at the end of the command.
/// The files go first (on ``threads`` threads), then the folders, deepest first; a name given as
/// `keeping` directly in the folder is left for the caller (the export's marker goes last).
enum ExportFolderRemoval {
    /// Threads unlinking at once: an unlink often waits for the device, so more threads than
    /// cores still help.
    static let threads = 4
    /// Below this many files, one thread unlinks them.
    static let parallelFiles = 256

    /// Removes everything inside `path` except the entry `kept`; what cannot be removed stays.
    static func removeContents(of path: String, keeping kept: String) {
        var files: [String] = [], folders: [String] = []
        collect(path, skipping: kept, files: &files, folders: &folders)
        unlinkAll(files)
        for folder in folders.reversed() { _ = rmdir(folder) }
    }

    /// The files and folders below `path` (folders before what they hold), without `skipping`
    /// directly in `path`. Symbolic links are files here: their targets are never entered.
    private static func collect(_ path: String, skipping: String?, files: inout [String], folders: inout [String]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for entry in entries where entry != skipping {
            let full = path + "/" + entry
            var status = stat()
            if lstat(full, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                folders.append(full)
                collect(full, skipping: nil, files: &files, folders: &folders)
            } else {
                files.append(full)
            }
        }
    }

    /// Unlinks `files`, on several threads when there are many.
    private static func unlinkAll(_ files: [String]) {
        guard files.count >= parallelFiles else {
            for file in files { _ = unlink(file) }
            return
        }
        let work = UnlinkWork(files)
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            let thread = Thread {
                work.run()
                done.leave()
            }
            thread.name = "export removal"
            thread.start()
        }
        done.wait()
    }
}

/// Files to unlink, taken a run at a time by whichever thread asks next.
private final class UnlinkWork: Sendable {
    private let files: [String]
    private let next = Atomic<Int>(0)
    private static let run = 64

    init(_ files: [String]) {
        self.files = files
    }

    /// Unlinks runs of files until none is left.
    func run() {
        while true {
            let start = next.wrappingAdd(Self.run, ordering: .relaxed).oldValue
            guard start < files.count else { return }
            for index in start..<min(start + Self.run, files.count) { _ = unlink(files[index]) }
        }
    }
}
