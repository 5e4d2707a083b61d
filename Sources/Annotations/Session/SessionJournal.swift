import Foundation

/// The journal beside a format-1 session file (`NAME.json.journal`), read once when the file is
/// migrated to format 2 (see ``JournalRecovery``); format 2 has no journal: its log is one.
enum SessionJournal {
    /// The journal path for a format-1 session file.
    public static func path(for sessionPath: String) -> String { sessionPath + ".journal" }

    /// What the journal at `path` holds (nothing when it does not exist).
    public static func contents(path: String) throws(SessionError) -> JournalContents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return try JournalContents(Data(), path: path) }
        if isFolder.boolValue { throw .io(path: path, reason: "the journal is a folder, not a file; move it away") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "cannot read the journal")
        }
        return try JournalContents(data, path: path)
    }
}
