import Foundation

/// Why a session could not be opened, saved or locked. Each message names the file and, where it
/// applies, where in it things went wrong.
public enum SessionError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// A session name tries to leave the sessions folder or holds characters that are not allowed.
    case nameRefused(name: String, reason: String)
    /// The file does not exist.
    case missing(String)
    /// The file cannot be read or written.
    case io(path: String, reason: String)
    /// The file is empty.
    case empty(String)
    /// The file is not JSON; `detail` says where parsing stopped.
    case notJSON(path: String, detail: String)
    /// The file is JSON but not a Workbench session.
    case foreign(path: String, found: String)
    /// The file was written by a newer Workbench.
    case newerVersion(path: String, version: Int, supported: Int)
    /// A field is missing or has the wrong type; `jsonPath` is like `$.events[3].record.kind`.
    case invalid(path: String, jsonPath: String, expected: String)
    /// Replaying the event log fails at an event (on `line` of a log, when known).
    case badEvent(path: String, seq: Int, reason: String, line: Int? = nil)
    /// The stored annotations differ from what the event log gives.
    case logMismatch(path: String, differences: [String])
    /// Another process holds the session for writing.
    case locked(path: String, holder: String)
    /// A complete line of the session's log (or of a format-1 journal) is not an entry.
    case journalDamaged(path: String, line: Int, reason: String)

    /// The message on one line: a line break in text taken from a file shows as `␊`, so it never
    /// starts a line that reads like one of the program's.
    public var description: String {
        message.replacingOccurrences(of: "\n", with: "␊")
    }

    private var message: String {
        switch self {
        case .nameRefused(let name, let reason):
            // Line breaks in the name are written as \n; a long name is cut as every echoed word is.
            let shown = EchoedWord.cut(name).replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            return "session name '\(shown)' refused: \(reason)"
        case .missing(let path): return "\(path): no such session file"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .empty(let path): return "\(path): the file is empty; it is not a session (left untouched)"
        case .notJSON(let path, let detail): return "\(path): not valid JSON (\(detail)); the file is left untouched"
        case .foreign(let path, let found):
            return "\(path): not a Workbench session (\(found)); expected \"format\": \"\(SessionFile.formatName)\""
        case .newerVersion(let path, let version, let supported):
            return "\(path): written by a newer Workbench (session format version \(version); this one reads up to \(supported)); update Workbench"
        case .invalid(let path, let jsonPath, let expected): return "\(path): at \(jsonPath): \(expected)"
        case .badEvent(let path, let seq, let reason, let line):
            return "\(path)\(line.map { ":\($0)" } ?? ""): event \(seq) cannot be replayed: \(reason)"
        case .logMismatch(let path, let differences):
            return "\(path): stored annotations differ from the event log (\(differences.count) difference(s)): "
                + differences.prefix(5).joined(separator: "; ")
                + (differences.count > 5 ? "; …" : "") + ". Run 'workbench replay --verify' for details"
        case .locked(let path, let holder):
            return "\(path): in use by \(holder); close it there first (a lock of a process that died is taken over automatically)"
        case .journalDamaged(let path, let line, let reason): return "\(path):\(line): damaged log line: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}

extension SessionError {
    /// The log beside a snapshot is missing.
    static func missingLog(_ paths: SessionPaths) -> SessionError {
        // A log that is a symbolic link leading nowhere (a loop, a target that is gone) is there: say so.
        if case .io(let path, let reason) = notFound(paths.log) {
            return .io(path: path, reason: "\(reason); it should be the log of \(paths.snapshot)")
        }
        return .io(path: paths.log, reason: "the log of \(paths.snapshot) is missing (the log holds the session's events; copy NAME.json and NAME.jsonl together)")
    }

    /// `.missing(path)`, or, when `path` is a symbolic link that leads to no file, an error saying so.
    static func notFound(_ path: String) -> SessionError {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return .missing(path) }
        var target = stat()
        if stat(path, &target) != 0, errno == ELOOP { return .io(path: path, reason: "too many levels of symbolic links (the link leads back to itself)") }
        return .io(path: path, reason: "a symbolic link to a file that does not exist")
    }
}
