/// One file an exporter produces: a path relative to the output folder and its UTF-8 bytes.
public struct ExportFile: Sendable, Hashable {
    /// Path relative to the output folder (may contain `/` for sub-folders).
    public var path: String
    /// The file's content as UTF-8 bytes.
    public var bytes: [UInt8]

    /// The file's content as text.
    public var contents: String {
        get { String(decoding: bytes, as: UTF8.self) }
        set { bytes = Array(newValue.utf8) }
    }

    /// Creates a file from text.
    public init(path: String, contents: String) {
        self.path = path
        self.bytes = Array(contents.utf8)
    }

    /// Creates a file from UTF-8 bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
