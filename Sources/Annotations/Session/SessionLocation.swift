import Foundation

/// Turns a session name chosen by a user into a file inside the sessions folder, refusing names
/// that would leave it.
public struct SessionLocation: Sendable, Hashable {
    /// The sessions folder.
    public var folder: String

    /// A location rooted at `folder` (default `sessions`).
    public init(folder: String = "sessions") {
        self.folder = folder
    }

    /// The session file for `name`: a bare name such as `anna` becomes `sessions/anna.json`; a path
    /// must stay inside the sessions folder. Names with `..`, control characters or a leading dot are refused.
    public func path(for name: String) throws(SessionError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .nameRefused(name: name, reason: "it is empty") }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .nameRefused(name: name, reason: "it contains control characters")
        }
        let components = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." }) {
            throw .nameRefused(name: name, reason: "it tries to leave the sessions folder; use a plain name like 'anna'")
        }
        guard trimmed.contains("/") else {
            if trimmed.hasPrefix(".") { throw .nameRefused(name: name, reason: "it starts with a dot") }
            return (folder as NSString).appendingPathComponent(trimmed.hasSuffix(".json") ? trimmed : trimmed + ".json")
        }
        let root = Self.absolute(folder)
        let candidate = Self.absolute(trimmed)
        guard candidate.hasPrefix(root + "/"), candidate.count > root.count + 1 else {
            throw .nameRefused(name: name, reason: "sessions are kept in \(folder)/; use a plain name like 'anna'")
        }
        if (candidate as NSString).lastPathComponent.hasPrefix(".") {
            throw .nameRefused(name: name, reason: "it starts with a dot")
        }
        return trimmed.hasSuffix(".json") ? trimmed : trimmed + ".json"
    }

    /// An absolute, standardised path (no `.` or `..` components; symbolic links resolved where they exist).
    static func absolute(_ path: String) -> String {
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
