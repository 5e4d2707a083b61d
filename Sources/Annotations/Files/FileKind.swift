import Foundation

/// What a path names on disk, looked at before a command reads or replaces it: a named pipe is
/// waited on for ever when opened, and a rename puts a regular file where a device or pipe was.
/// Every command that names such a path in a message takes the words from here.
public enum FileKind: Equatable, Sendable {
    /// Nothing is there.
    case missing
    /// A regular file (through any symbolic links).
    case regular
    case folder
    /// A character or block device.
    case device
    /// A named pipe (FIFO).
    case pipe
    case socket
    /// A symbolic link to nothing.
    case danglingLink
    /// Symbolic links that lead back to themselves.
    case linkLoop
    /// Something else, or a path that cannot be looked at; `reason` says why.
    case other(reason: String)

    /// What is at `path`, following symbolic links.
    public init(at path: String) {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            self = errno == ENOENT || errno == ENOTDIR ? .missing : .other(reason: String(cString: strerror(errno)))
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = errno == ELOOP ? .linkLoop : .danglingLink
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFIFO: self = .pipe
        case S_IFSOCK: self = .socket
        default: self = .other(reason: "not a regular file")
        }
    }

    /// True for what has bytes to read without waiting: a regular file.
    public var isRegularFile: Bool { self == .regular }

    /// True for a device, pipe or socket: reading may wait for ever, replacing it breaks it.
    public var isSpecial: Bool {
        switch self {
        case .device, .pipe, .socket: true
        default: false
        }
    }

    /// Why this is no file to read or write, as "it is a named pipe, not a file"; nil for a regular file.
    public var notAFile: String? {
        switch self {
        case .regular: nil
        case .missing: "no such file"
        case .folder: "it is a folder, not a file"
        case .device: "it is a device, not a file"
        case .pipe: "it is a named pipe, not a file"
        case .socket: "it is a socket, not a file"
        case .danglingLink: "a symbolic link to a file that does not exist"
        case .linkLoop: "too many levels of symbolic links (the link leads back to itself)"
        case .other(let reason): reason
        }
    }
}
