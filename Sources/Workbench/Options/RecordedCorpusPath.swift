import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// Where a corpus path a session records is found. Paths are recorded as the annotator gave them
/// (`seeds`, relative to the folder `annotate` ran in), and which folder that was is not recorded; the
/// session's own place is known. So a relative path is looked for next to the session first, then in
/// the session folder's parent (`sessions/anna.json` made from the project folder), and only then in
/// the working folder: a command run from another folder that happens to hold a folder of the recorded
/// name (another project's `seeds`) must not take that one for the session's corpus, re-anchoring the
/// annotations into it where a document of the same name has other text (the fingerprints then differ,
/// which `annotate` takes for an edited corpus). When the working folder holds another folder of the
/// recorded name, a warning names both and how to choose.
enum RecordedCorpusPath {
    /// `path` when absolute; else the first of: relative to the session's folder, relative to that
    /// folder's parent, as given (relative to the working folder), that exists; as given otherwise, so
    /// the message names what was recorded. `warn` receives the warning when the working folder holds
    /// another file or folder of that name than the one taken.
    static func resolve(_ path: String, nextTo session: String, warn: (String) -> Void = { StandardError.write($0) }) -> String {
        find(path, nextTo: session, warn: warn) ?? path
    }

    /// Where ``resolve(_:nextTo:warn:)`` finds `path`; nil when it is found nowhere.
    static func find(_ path: String, nextTo session: String, warn: (String) -> Void = { StandardError.write($0) }) -> String? {
        if path.hasPrefix("/") { return FileManager.default.fileExists(atPath: path) ? path : nil }
        let folder = SessionPaths.folder(of: session)
        // The session in the working folder (`anna.json`, `./anna.json`): its parent is `..`.
        let parent = folder.isEmpty || folder == "." ? ".." : SessionPaths.folder(of: folder)
        let nextToSession = [folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)]
            + (parent.isEmpty ? [] : [(parent as NSString).appendingPathComponent(path)])
        guard let found = nextToSession.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        if FileManager.default.fileExists(atPath: path), (try? LockedSessionFile.canonicalPath(of: path)) != (try? LockedSessionFile.canonicalPath(of: found)) {
            warn(TerminalText.sanitize(
                "warning: \(session) records the corpus path \(path); the one next to the session (\(found)) is used, not \(path) in the working folder, which is another; name the corpus to use that one"))
        }
        return found
    }

    /// Every path `session` records, each through ``resolve(_:nextTo:warn:)``.
    static func resolve(_ paths: [String], nextTo session: String) -> [String] {
        paths.map { resolve($0, nextTo: session) }
    }
}
