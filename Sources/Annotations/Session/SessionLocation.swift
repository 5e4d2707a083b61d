import Foundation

/// Turns a session name chosen by a user into a session file: a bare name into a file inside the
/// sessions folder, a path (with `/` or `~`) into that file anywhere on disk; names that escape
/// through `..` or hold control characters are refused.
public struct SessionLocation: Sendable, Hashable {
    /// The sessions folder.
    public var folder: String

    /// A location rooted at `folder` (default `sessions`).
    public init(folder: String = "sessions") {
        self.folder = folder
    }

    /// The session file for `name`: a bare name such as `anna` becomes `sessions/anna.json`; a name
    /// with a `/` (or starting with `~`, the home folder) is a path anywhere on disk
    /// (`~/projects/nk/anna.json`, `/tmp/x` → `/tmp/x.json`, `sub/anna`). `.json` is added when
    /// missing. Names with a `..` component, control characters, an invisible or text-direction
    /// character or a line or paragraph separator (``InvisibleScalar``) or a file name starting with a dot
    /// are refused, and so is a path that is a folder. A name given by its log (`anna.jsonl`) is the
    /// session whose log that is (`sessions/anna.json`), as every reader takes it. The lock and the
    /// journal follow the real path (see ``LockedSessionFile``).
    public func path(for name: String) throws(SessionError) -> String {
        var trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(".jsonl") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw .nameRefused(name: name, reason: "it is empty") }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw .nameRefused(name: name, reason: "it contains control characters")
        }
        if let hidden = trimmed.unicodeScalars.first(where: InvisibleScalar.isInvisible) {
            if InvisibleScalar.kind(of: hidden) == .separator {
                throw .nameRefused(name: name, reason: "it contains a line or paragraph separator (\(hidden.codePoint)); it would break the file's name in listings or show as a space")
            }
            throw .nameRefused(name: name, reason: "it contains an invisible or text-direction character (\(hidden.codePoint)); it would hide the file's real name in listings")
        }
        let components = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." }) {
            throw .nameRefused(name: name, reason: "it tries to escape through '..'; name the folder directly, e.g. /path/to/anna.json")
        }
        var path = trimmed
        if path == "~" { throw .nameRefused(name: name, reason: "it names the home folder; add a file name such as ~/anna.json") }
        if path.hasPrefix("~/") {
            guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else {
                throw .nameRefused(name: name, reason: "'~' needs the HOME environment variable")
            }
            path = home + path.dropFirst()
        } else if !path.contains("/") {
            if path.hasPrefix(".") { throw .nameRefused(name: name, reason: "it starts with a dot") }
            if path.hasPrefix("~") { throw .nameRefused(name: name, reason: "'~user' is not supported; write the home folder out") }
            return (folder as NSString).appendingPathComponent(path.hasSuffix(".json") ? path : path + ".json")
        }
        let file = (path as NSString).lastPathComponent
        if path.hasSuffix("/") || file.isEmpty || file == "." {
            throw .nameRefused(name: name, reason: "it names a folder; add a file name such as anna.json")
        }
        if file.hasPrefix(".") { throw .nameRefused(name: name, reason: "its file name starts with a dot") }
        let result = path.hasSuffix(".json") ? path : path + ".json"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: result, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .nameRefused(name: name, reason: "\(result) is a folder; add a file name such as anna.json")
        }
        return result
    }
}
