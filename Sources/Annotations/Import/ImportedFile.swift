import Foundation

/// Why a file to import could not be read, said plainly: a folder, a pipe or device, a link that
/// leads nowhere, a file that is not readable ("no such file or not readable" sent the user looking
/// for a file that is there).
enum ImportedFile {
    /// The reason `path` cannot be read as a file to import.
    static func unreadableReason(_ path: String) -> String {
        var link = stat()
        guard lstat(path, &link) == 0 else { return errno == ENOENT ? "no such file" : String(cString: strerror(errno)) }
        var info = stat()
        if stat(path, &info) != 0 {
            return errno == ELOOP ? "too many levels of symbolic links (the link leads back to itself)" : "a symbolic link to a file that does not exist"
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "it is a folder, not a file; name the files in it"
        case S_IFREG: return access(path, R_OK) == 0 ? "the file cannot be read" : "the file is not readable (permission denied)"
        default: return "not a regular file (a pipe, socket or device); save what it holds to a file and import that"
        }
    }
}
