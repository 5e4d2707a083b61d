/// One file an exporter produces: a path relative to the output folder and its UTF-8 text.
public struct ExportFile: Sendable, Hashable {
    /// Path relative to the output folder (may contain `/` for sub-folders).
    public var path: String
    /// The file's content.
    public var contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
