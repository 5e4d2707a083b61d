import Annotations
import Foundation

/// A session named on the command line of a reading command (`validate`, `stats`, `export`,
/// `agree`, `adjudicate`, `replay`, `review`, `diff`): a path as given, or a bare name found in
/// the sessions folder, as `annotate --session NAME` finds it (`workbench stats anna` reads
/// `sessions/anna.json` when there is no `anna`, `anna.json` or `anna.jsonl` here).
enum SessionArgument {
    /// The path to read for `name`: `name` itself when it holds a `/`, starts with `~` or names a
    /// session in the working folder, else the session of that name in `folder` when it exists
    /// there; `name` unchanged otherwise (the reader then says what is missing).
    static func path(_ name: String, folder: String = "sessions") -> String {
        guard !name.contains("/"), !name.hasPrefix("~") else { return name }
        let here = SessionPaths(name)
        if [name, name + ".json", here.snapshot, here.log].contains(where: { FileManager.default.fileExists(atPath: $0) }) { return name }
        guard let located = try? SessionPaths.path(for: name, in: folder) else { return name }
        let paths = SessionPaths(located)
        return FileManager.default.fileExists(atPath: paths.snapshot) || FileManager.default.fileExists(atPath: paths.log) ? located : name
    }
}
