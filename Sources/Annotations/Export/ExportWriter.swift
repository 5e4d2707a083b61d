import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an export as a whole: the output folder holds exactly one complete export, the old one
/// or the new one, whatever happens (a full disk, a kill at any moment).
///
/// The files are streamed into a hidden staging folder beside the output folder
/// (`.<name>.export-staging-<UUID>`), flushed to disk, and then swapped in: with one atomic
/// exchange of the two folders where the system has it (Linux `renameat2(RENAME_EXCHANGE)`),
/// otherwise the old folder is renamed aside (`.<name>.export-old-<UUID>`), the new one renamed in
/// and the old one removed. A missing or empty output folder is simply replaced; a non-empty one
/// only with `force`, and only when an earlier export made it (it holds the ``marker`` file) –
/// `--force` never deletes a folder of the user's.
///
/// Every export folder, staged or published, holds the ``marker`` file. Before it writes, the
/// writer removes staging and aside folders that crashed exports to the same output left behind:
/// only folders with those names that hold the marker and that no running export holds (the
/// writer keeps an `flock(2)` on the marker of its staging folder). When the crash came between
/// the two renames of the fallback swap, the old output is put back first.
public struct ExportWriter: Sendable {
    /// The output folder.
    public var folder: String
    /// Replace an existing export folder.
    public var force: Bool
    /// Asked once the files are staged, before any is put in place: `true` abandons the export
    /// (``ExportError/cannotWrite(path:reason:)``, staging removed, the folder as it was). The
    /// command line answers whether Ctrl-C was pressed.
    public var isStopped: @Sendable () -> Bool = { false }

    /// The file every export folder holds (not counted as a written file).
    public static let marker = ".workbench-export"
    /// The marker's contents.
    static let markerText = "This folder was written by `workbench export`; `--force` replaces it as a whole.\n"

    /// Creates a writer.
    public init(folder: String, force: Bool = false) {
        self.folder = folder
        self.force = force
    }

    /// Writes `files`; returns the number written.
    @discardableResult
    public func write(_ files: [ExportFile]) throws(ExportError) -> Int {
        try stage { output in
            for file in files {
                output.begin(file.path)
                output.bytes = file.bytes
                output.end()
            }
        }
    }

    /// Exports `bundle` with `exporter` straight into the folder, streaming each file to disk;
    /// returns the number of files written.
    @discardableResult
    public func write(_ exporter: any Exporter, _ bundle: ExportBundle) throws(ExportError) -> Int {
        try stage { exporter.write(bundle, to: &$0) }
    }

    /// The output folder as parent folder and name.
    private func location() throws(ExportError) -> (parent: String, name: String, target: String) {
        guard !folder.isEmpty else { throw .cannotWrite(path: "''", reason: "name the folder to export into") }
        var path = URL(fileURLWithPath: folder).standardizedFileURL.path
        // A symbolic link to a folder: the export replaces the folder it points to.
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
            path = URL(fileURLWithPath: resolved, relativeTo: URL(fileURLWithPath: (path as NSString).deletingLastPathComponent, isDirectory: true))
                .standardizedFileURL.path
        }
        let name = (path as NSString).lastPathComponent
        let parent = (path as NSString).deletingLastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != "..", !parent.isEmpty else {
            throw .cannotWrite(path: folder, reason: "choose a folder to export into, not the root of the file system")
        }
        if Self.holdsWorkingFolder(path) {
            throw .cannotWrite(
                path: folder,
                reason: "it is the folder you are in (or holds it): replacing it would leave you in a removed folder; run the export from another folder or choose another --out")
        }
        return (parent, name, path)
    }

    /// True when the working folder is `path` or inside it (links resolved on both sides).
    static func holdsWorkingFolder(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path), let folder = try? LockedSessionFile.canonicalPath(of: path),
            let working = try? LockedSessionFile.canonicalPath(of: FileManager.default.currentDirectoryPath)
        else { return false }
        return working == folder || working.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    private func stage(_ body: (inout ExportOutput) -> Void) throws(ExportError) -> Int {
        let manager = FileManager.default
        let (parent, name, target) = try location()
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: parent, reason: error.localizedDescription)
        }
        Self.removeLeftovers(parent: parent, name: name)
        let existing = try existingOutput(target)
        let staging: StagingFolder
        do {
            staging = try StagingFolder(
                path: (parent as NSString).appendingPathComponent(".\(name).export-staging-\(UUID().uuidString)"), marker: Self.marker,
                markerText: Self.markerText)
        } catch {
            throw .cannotWrite(path: folder, reason: error.reason)
        }
        defer { staging.release() }

        var published = false
        defer { if !published { staging.remove() } }
        var output = ExportOutput(folder: staging.path)
        body(&output)
        output.finish()
        if let failure = output.failure { throw failure }
        if isStopped() { throw .cannotWrite(path: folder, reason: "stopped before any file was put in place") }
        // One flush of the file system for all files (not an fsync per file): no file is visible
        // under the output folder before the swap below, and the swap comes after this flush, so a
        // crash at any moment leaves either the old export or the complete new one.
        do {
            try staging.flushToDisk()
        } catch {
            throw .cannotWrite(path: error.path, reason: error.reason)
        }
        published = true
        try swap(staging: staging.path, into: target, existing: existing, parent: parent, name: name)
        return output.paths.count
    }

    /// Whether the output folder exists (and may be replaced); throws when it must not be.
    private func existingOutput(_ target: String) throws(ExportError) -> Bool {
        var status = stat()
        guard lstat(target, &status) == 0 else { return false }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw .cannotWrite(path: folder, reason: "it is a file, not a folder") }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
        if entries.isEmpty { return true }
        let isExport = entries.contains(Self.marker)
        if !force {
            let shown = entries.filter { $0 != Self.marker }
            throw .wouldOverwrite(folder: folder, files: shown.isEmpty ? entries : shown)
        }
        if !isExport { throw .notAnExport(folder: folder) }
        return true
    }

    /// Puts the flushed staging folder in place of `target`.
    private func swap(staging: String, into target: String, existing: Bool, parent: String, name: String) throws(ExportError) {
        if !existing {
            guard rename(staging, target) == 0 else {
                let reason = String(cString: strerror(errno))
                StagingFolder.remove(staging, marker: Self.marker)
                throw .cannotWrite(path: folder, reason: reason)
            }
            StagingFolder.syncFolder(parent)
            return
        }
        if Self.exchange(staging, target) {
            // The old output is now under the staging name.
            StagingFolder.syncFolder(parent)
            StagingFolder.remove(staging, marker: Self.marker)
            return
        }
        let aside = (parent as NSString).appendingPathComponent(".\(name).export-old-\(UUID().uuidString)")
        guard rename(target, aside) == 0 else {
            let reason = String(cString: strerror(errno))
            StagingFolder.remove(staging, marker: Self.marker)
            throw .cannotWrite(path: folder, reason: reason)
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, target)
            StagingFolder.remove(staging, marker: Self.marker)
            throw .cannotWrite(path: folder, reason: reason)
        }
        StagingFolder.syncFolder(parent)
        StagingFolder.remove(aside, marker: Self.marker)
    }

    /// Exchanges two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`); false where
    /// the system or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }

    /// Removes what crashed exports to `parent/name` left: staging and aside folders holding the
    /// marker that no running export holds. An aside folder is first put back when the output is
    /// missing (the crash came between the two renames).
    static func removeLeftovers(parent: String, name: String) {
        let target = (parent as NSString).appendingPathComponent(name)
        let aside = ".\(name).export-old-"
        StagingFolder.removeLeftovers(in: parent, prefixes: [".\(name).export-staging-", aside], marker: marker) { entry, path in
            var status = stat()
            return entry.hasPrefix(aside) && lstat(target, &status) != 0 && rename(path, target) == 0
        }
    }
}
