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

    /// Where bare session names live: `sessions` in the working folder.
    public static let sessionsFolder = "sessions"

    /// The session file a user's session name chooses: a bare name (`anna`) is a file in `folder`
    /// (`sessions/anna.json`), a name with a `/` or starting with `~` a path anywhere; `.json` is
    /// added when missing, and a log's name (`anna.jsonl`) names its session. Refused: a `..`
    /// component, control or invisible characters (``InvisibleScalar``), a file name starting with
    /// a dot, a folder.
    public static func path(for name: String, in folder: String = sessionsFolder) throws(SessionError) -> String {
        var trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(".jsonl") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw .nameRefused(name: name, reason: "it is empty") }
        if trimmed.unicodeScalars.contains(where: InvisibleScalar.isControl) {
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
            let file = path.hasSuffix(".json") ? path : path + ".json"
            try refuseLongFileName(file, name: name)
            return (folder as NSString).appendingPathComponent(file)
        }
        let file = (path as NSString).lastPathComponent
        if path.hasSuffix("/") || file.isEmpty || file == "." {
            throw .nameRefused(name: name, reason: "it names a folder; add a file name such as anna.json")
        }
        if file.hasPrefix(".") { throw .nameRefused(name: name, reason: "its file name starts with a dot") }
        let result = path.hasSuffix(".json") ? path : path + ".json"
        try refuseLongFileName(result, name: name)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: result, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .nameRefused(name: name, reason: "\(result) is a folder; add a file name such as anna.json")
        }
        return result
    }

    /// The paths of the session named by `path` as a writer takes them: when its snapshot is a
    /// symbolic link to a file, the files the link leads to (the log beside the real snapshot).
    public static func followingLinks(_ path: String) -> SessionPaths {
        let given = SessionPaths(path)
        var info = stat()
        guard lstat(given.snapshot, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, exists(given.snapshot),
            let real = try? LockedSessionFile.realPath(of: given.snapshot)
        else { return given }
        return SessionPaths(real)
    }

    /// The longest file name a session's own may have: the hidden temporary its snapshot is written
    /// to, `.NAME.json.tmp-PID`, must fit the file system's 255 bytes.
    static let longestFileName = 255 - ".".utf8.count - ".tmp-".utf8.count - 10

    /// Refuses a session file `path` whose name is too long for the files kept beside it.
    static func refuseLongFileName(_ path: String, name: String) throws(SessionError) {
        let bytes = (path as NSString).lastPathComponent.utf8.count
        guard bytes > longestFileName else { return }
        throw .nameRefused(
            name: name,
            reason: "its file name is \(bytes) bytes long; a session's file name may have at most \(longestFileName) (the files kept beside it add to it); choose a shorter name")
    }

    /// Where a format-1 file is kept when it is migrated: `NAME.v1.json`.
    public var formatOneCopy: String {
        snapshot.hasSuffix(".json") ? String(snapshot.dropLast(5)) + ".v1.json" : snapshot + ".v1.json"
    }

    /// The folder part of `path` as `NSString.deletingLastPathComponent` gives it (`a/b` → `a`,
    /// `b` → ``, `/b` → `/`), for any path: Foundation's traps on `.`, `./` and `.//`.
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// What there is to read, the one decision of every opening and reader: the snapshot's bytes
    /// (nil: none), whether the log exists, and whether the snapshot is a format-1 file. A writer
    /// (`strict`) takes a snapshot for format 1 only when its head says so; a reader takes every
    /// snapshot whose head does not say format 2 for format 1, so decoding it names what is wrong.
    /// Errors name the files as `shown` names them.
    func found(shownAs shown: SessionPaths? = nil, strict: Bool = false) throws(SessionError) -> (snapshot: Data?, log: Bool, formatOne: Bool) {
        let log = Self.exists(self.log)
        guard Self.exists(snapshot) else { return (nil, log, false) }
        let data = try SessionCodec.contents(ofFile: snapshot, shownAs: shown?.snapshot, writing: strict)
        let head = SnapshotHead(data)
        let named = head?.format == SessionFile.formatName
        return (data, log, strict ? named && head?.version == 1 : !named || (head?.version ?? 1) < 2)
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
