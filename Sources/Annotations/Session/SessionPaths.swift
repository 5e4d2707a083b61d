import Foundation

/// The two files of a format-2 session: the snapshot `NAME.json` (the readable session a reviewer
/// opens) and the log `NAME.jsonl` beside it (the truth: every event, one per line). Either path
/// names the session; copying a session means copying both files.
public struct SessionPaths: Sendable, Hashable {
    /// The snapshot, `NAME.json`.
    public var snapshot: String
    /// The log, `NAME.jsonl`.
    public var log: String

    /// The paths of the session named by `path` (its snapshot or its log).
    public init(_ path: String) {
        if path.hasSuffix(".jsonl") {
            snapshot = String(path.dropLast())
            log = path
        } else {
            snapshot = path
            log = path.hasSuffix(".json") ? String(path.dropLast(5)) + ".jsonl" : path + ".jsonl"
        }
    }

    /// The paths of the session named by `path` as a writer takes them: when its snapshot is a
    /// symbolic link to a file, the files the link leads to (the real snapshot and the log beside
    /// it, which a writer appends to), otherwise those `path` names. Readers take the same files,
    /// never the link's snapshot with a log that happens to lie beside the link.
    public static func followingLinks(_ path: String) -> SessionPaths {
        let given = SessionPaths(path)
        var info = stat()
        guard lstat(given.snapshot, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, exists(given.snapshot),
            let real = try? LockedSessionFile.realPath(of: given.snapshot)
        else { return given }
        return SessionPaths(real)
    }

    /// Where a format-1 file is kept when it is migrated: `NAME.v1.json`.
    public var formatOneCopy: String {
        snapshot.hasSuffix(".json") ? String(snapshot.dropLast(5)) + ".v1.json" : snapshot + ".v1.json"
    }

    /// The folder part of `path` as `NSString.deletingLastPathComponent` gives it (`a/b` → `a`,
    /// `b` → ``, `/b` → `/`, `./b` → `.`), for any path: Foundation's traps on `.`, `./` and `.//`
    /// (a crash for `export ./anna.json`, whose recorded corpus is looked for in the session's folder's parent).
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// True when the file at `path` exists.
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// `base` if nothing is there, else `base-2`, `base-3`, … (`base-1`, … when `numbered`): where
    /// to keep a file aside.
    static func free(_ base: String, numbered: Bool) -> String {
        if !numbered, !exists(base) { return base }
        var number = numbered ? 1 : 2
        while exists("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
