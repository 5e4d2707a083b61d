import Foundation

/// Writes exported files into an output folder: creates it, refuses to overwrite existing files
/// unless forced (checking every file before writing any), and writes each file atomically.
public struct ExportWriter: Sendable {
    /// The output folder.
    public var folder: String
    /// Overwrite existing files.
    public var force: Bool

    /// Creates a writer.
    public init(folder: String, force: Bool = false) {
        self.folder = folder
        self.force = force
    }

    /// Writes `files`; returns the number written.
    @discardableResult
    public func write(_ files: [ExportFile]) throws(ExportError) -> Int {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .cannotWrite(path: folder, reason: "it is a file, not a folder")
        }
        let paths = files.map { (folder as NSString).appendingPathComponent($0.path) }
        if !force {
            let existing = zip(files, paths).filter { manager.fileExists(atPath: $0.1) }.map(\.0.path)
            if !existing.isEmpty { throw .wouldOverwrite(folder: folder, files: existing) }
        }
        for (file, path) in zip(files, paths) {
            let parent = (path as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
        return files.count
    }
}
