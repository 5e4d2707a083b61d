import Foundation

extension Session {
    /// A session read from the bytes of one format-1 document (annotations and events in one file;
    /// `path` is used in error messages): the log is replayed and the stored annotations must agree
    /// with it, as with ``init(file:path:)``.
    public init(data: Data, path: String) throws(SessionError) {
        try self.init(file: SessionCodec.decode(data, path: path), path: path)
    }

    /// The whole session as one format-1 document (annotations and events in one file), as older
    /// versions wrote it: what migration starts from, and a single-file fixture for tests.
    public var formatOneFile: SessionFile {
        var document = file
        document.version = 1
        document.log = nil
        return document
    }
}
