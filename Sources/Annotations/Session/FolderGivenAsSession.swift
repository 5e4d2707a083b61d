import Foundation

/// A session path that is a folder: the one refusal of it. A writer is told to choose another
/// name; a reader what it expected and, when the folder holds one session, its path.
enum FolderGivenAsSession {
    /// Throws ``SessionError/io(path:reason:)`` naming `shown` (`path` when nil) when `path` is a folder.
    static func refuse(_ path: String, shownAs shown: String? = nil, writing: Bool) throws(SessionError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
        throw .io(path: shown ?? path, reason: reason(path, shownAs: shown ?? path, writing: writing))
    }

    /// What is said about the folder `path` (named `shown` in the advice).
    static func reason(_ path: String, shownAs shown: String, writing: Bool) -> String {
        let lead = "this is a folder, not a session file"
        guard !writing else { return lead + "; choose another session name or move the folder away" }
        let sessions = Self.sessions(in: path)
        let folder = shown.hasSuffix("/") ? String(shown.dropLast()) : shown
        let expected = "; give a session file (NAME.json or NAME.jsonl) or a session name"
        switch sessions.count {
        case 0: return lead + expected + "; it holds no session file"
        case 1: return lead + expected + ", such as the one it holds: \(folder)/\(sessions[0])"
        default:
            let shownNames = sessions.prefix(3).map { "\(folder)/\($0)" }.joined(separator: ", ")
            return lead + expected + "; it holds \(sessions.count) sessions (\(shownNames)\(sessions.count > 3 ? ", …" : "")): name one"
        }
    }

    /// The sessions in `folder` by their snapshots' names (`anna.json`, also for a session of which
    /// only the log is there), sorted; hidden files and kept format-1 copies left out.
    static func sessions(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let snapshots = names.compactMap { name -> String? in
            guard !name.hasPrefix("."), name.hasSuffix(".json") || name.hasSuffix(".jsonl") else { return nil }
            let snapshot = SessionPaths(name).snapshot
            return snapshot.hasSuffix(".v1.json") ? nil : snapshot
        }
        return Set(snapshots).sorted()
    }
}
