import Annotations
import Foundation

/// Where a corpus path a session records is found. Paths are recorded as the annotator gave them
/// (`seeds`, relative to the folder `annotate` ran in), so a command run elsewhere, or on a session
/// folder copied with its corpus, looks for them as given, then next to the session and in the
/// session folder's parent (`sessions/anna.json` made from the project folder).
enum RecordedCorpusPath {
    /// `path` as given when it exists (or is absolute), else relative to the session's folder or its
    /// parent when it exists there; as given otherwise, so the message names what was recorded.
    static func resolve(_ path: String, nextTo session: String) -> String {
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
        let folder = SessionPaths.folder(of: session)
        // The session in the working folder (`anna.json`, `./anna.json`): its parent is `..`.
        let parent = folder.isEmpty || folder == "." ? ".." : SessionPaths.folder(of: folder)
        for base in [folder, parent] where !base.isEmpty {
            let candidate = (base as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return path
    }

    /// Every path `session` records, each through ``resolve(_:nextTo:)``.
    static func resolve(_ paths: [String], nextTo session: String) -> [String] {
        paths.map { resolve($0, nextTo: session) }
    }
}
