import Annotations

extension Session {
    /// The whole session as one format-1 document (annotations and events in one file), as older
    /// versions wrote it: a single-file fixture for the migration and reader tests.
    public var formatOneFile: SessionFile {
        var document = file
        document.version = 1
        return document
    }
}
