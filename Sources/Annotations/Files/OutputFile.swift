import Foundation

/// Checks on a path a command is about to replace with a file of its own (written to a temporary
/// file and renamed over it): a rename replaces whatever is there, so `--corpus-out /dev/null` run
/// as root put a regular file where the device was, and a named pipe became a file.
public enum OutputFile {
    /// Why the file at `path` must not be replaced, or nil when nothing is there or it is a regular
    /// file (through any symbolic links).
    public static func refusal(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a file; it is never replaced"
        case S_IFIFO: return "it is a named pipe, not a file; it is never replaced"
        case S_IFSOCK: return "it is a socket, not a file; it is never replaced"
        default: return "it is not a regular file; it is never replaced"
        }
    }
}
