import Foundation

/// A temporary folder for one test, made at once inside ``TestScratch/root`` with the files it is
/// given (a corpus, a schema, a session): the set-up tests of commands share, so each does not
/// make, fill and remove its folder in lines of its own. Removed with ``remove()`` (and with the
/// test process's folder in any case).
public struct TestWorkspace: Sendable {
    /// The folder.
    public let path: String

    /// Makes a new folder `<root>/<prefix><uuid>` holding `files` (paths relative to it → texts;
    /// folders made as needed).
    public init(_ prefix: String, files: [String: String] = [:]) throws {
        path = TestScratch.path(prefix)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (relative, text) in files.sorted(by: { $0.key < $1.key }) { try write(relative, text) }
    }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path) }

    /// The path of `relative` inside the folder.
    public func path(_ relative: String) -> String {
        path + "/" + relative
    }

    /// Writes `text` to `relative` (its folders made as needed); returns its path.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
