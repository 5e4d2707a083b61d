import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes exported files into an output folder: creates it, refuses to overwrite existing files
/// unless forced (checking every file before putting any in place), and never leaves a partly
/// written file under a final name.
///
/// The files are first streamed into a hidden staging folder inside the output folder
/// (`.export-staging-…`), flushed to disk once, and only then renamed into place: a folder that
/// does not exist yet (e.g. a brat session folder) moves in one rename, files in existing folders
/// one by one. A failed export removes the staging folder and leaves the output folder as it was.
public struct ExportWriter: Sendable {
    /// The output folder.
    public var folder: String
    /// Overwrite existing files.
    public var force: Bool
    /// Asked once the files are staged, before any is put in place: `true` abandons the export
    /// (``ExportError/cannotWrite(path:reason:)``, staging removed, the folder as it was). The
    /// command line answers whether Ctrl-C was pressed.
    public var isStopped: @Sendable () -> Bool = { false }

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

    private func stage(_ body: (inout ExportOutput) -> Void) throws(ExportError) -> Int {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .cannotWrite(path: folder, reason: "it is a file, not a folder")
        }
        let staging = (folder as NSString).appendingPathComponent(".export-staging-\(UUID().uuidString)")
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: error.localizedDescription)
        }
        defer { try? manager.removeItem(atPath: staging) }
        var output = ExportOutput(folder: staging)
        body(&output)
        if let failure = output.failure { throw failure }
        let tree = Entry(paths: output.paths)
        if !force {
            var existing: [String] = []
            collectExisting(tree, prefix: "", into: &existing)
            if !existing.isEmpty { throw .wouldOverwrite(folder: folder, files: existing) }
        }
        if isStopped() { throw .cannotWrite(path: folder, reason: "stopped before any file was put in place") }
        try flushToDisk(staging)
        try publish(tree, prefix: "", from: staging)
        return output.paths.count
    }

    /// The written paths as a tree of names (files have no children), in first-written order.
    private struct Entry {
        var names: [String] = []
        var children: [String: Entry] = [:]
        var isFile = false

        init() {}

        init(paths: [String]) {
            for path in paths { insert(path.split(separator: "/", omittingEmptySubsequences: true)[...]) }
        }

        mutating func insert(_ components: ArraySlice<Substring>) {
            guard let first = components.first else {
                isFile = true
                return
            }
            let name = String(first)
            if children[name] == nil {
                names.append(name)
                children[name] = Entry()
            }
            children[name]?.insert(components.dropFirst())
        }
    }

    /// Paths of files that exist already; a folder that does not exist is not looked into.
    private func collectExisting(_ entry: Entry, prefix: String, into existing: inout [String]) {
        for name in entry.names {
            guard let child = entry.children[name] else { continue }
            let relative = prefix + name
            var status = stat()
            guard lstat((folder as NSString).appendingPathComponent(relative), &status) == 0 else { continue }
            if child.isFile {
                existing.append(relative)
            } else {
                collectExisting(child, prefix: relative + "/", into: &existing)
            }
        }
    }

    /// Moves staged entries into the output folder: whole folders when the target is missing.
    private func publish(_ entry: Entry, prefix: String, from staging: String) throws(ExportError) {
        for name in entry.names {
            guard let child = entry.children[name] else { continue }
            let relative = prefix + name
            let source = (staging as NSString).appendingPathComponent(relative)
            let target = (folder as NSString).appendingPathComponent(relative)
            var status = stat()
            let exists = lstat(target, &status) == 0
            let targetIsFolder = exists && (status.st_mode & S_IFMT) == S_IFDIR
            if !child.isFile && targetIsFolder {
                try publish(child, prefix: relative + "/", from: staging)
                continue
            }
            if child.isFile && targetIsFolder {
                throw .cannotWrite(path: target, reason: "it is a folder, not a file")
            }
            if !child.isFile && exists {
                throw .cannotWrite(path: target, reason: "it is a file, not a folder")
            }
            if rename(source, target) != 0 {
                throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Flushes the staged files to disk once, before any of them gets its final name.
    private func flushToDisk(_ staging: String) throws(ExportError) {
        let descriptor = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(path: staging, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // syncfs(2) flushes the one file system the staging folder is on; where the C library does
        // not offer it, sync(2) flushes all of them.
        typealias SyncFS = @convention(c) (Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") {
            if unsafeBitCast(symbol, to: SyncFS.self)(descriptor) != 0 {
                throw .cannotWrite(path: staging, reason: String(cString: strerror(errno)))
            }
        } else {
            sync()
        }
    }
}
