import Foundation

/// Checks on a path a command is about to replace with a file of its own (written to a temporary
/// file and renamed over it): a rename replaces whatever is there, so `--corpus-out /dev/null` run
/// as root put a regular file where the device was, and a named pipe became a file.
public enum OutputFile {
    /// Why the file at `path` must not be replaced, or nil when nothing is there or it is a regular
    /// file (through any symbolic links).
    public static func refusal(_ path: String) -> String? {
        let kind = FileKind(at: path)
        switch kind {
        case .regular, .missing, .danglingLink, .linkLoop: return nil
        case .folder: return kind.notAFile
        case .device, .pipe, .socket: return kind.notAFile.map { $0 + "; it is never replaced" }
        case .other(let reason) where reason != "not a regular file":
            // It could not be looked at (a name too long for the file system, no permission to
            // search a folder on the way): say so, not that something else is there.
            return "it cannot be looked at: \(reason)"
        case .other: return "it is not a regular file; it is never replaced"
        }
    }
}
