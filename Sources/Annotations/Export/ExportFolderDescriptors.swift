#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Descriptors of the folders one writer of ``ExportFileQueue`` creates files in, so that each file
/// is created relative to its folder (`openat`) rather than by its whole path. An export writes
/// into one folder per session, so a writer holds a few.
struct ExportFolderDescriptors {
    /// The last folder used (most files follow one another in one folder) and the others.
    private var last: (folder: Substring, descriptor: Int32)?
    private var others: [String: Int32] = [:]

    /// Creates the file `path` (`O_EXCL`, write only) and returns its descriptor, or -1 with `errno` set.
    mutating func create(_ path: String) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            return open(path, flags, 0o644)
        }
        let folder = path[..<slash]
        let name = path[path.utf8.index(after: slash)...]
        let descriptor: Int32
        if let last, last.folder == folder {
            descriptor = last.descriptor
        } else if let known = others[String(folder)] {
            descriptor = known
            last = (folder, known)
        } else {
            let opened = open(String(folder), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            // A folder that cannot be opened: the file's own path gives the reason.
            guard opened >= 0 else { return open(path, flags, 0o644) }
            others[String(folder)] = opened
            last = (folder, opened)
            descriptor = opened
        }
        return openat(descriptor, String(name), flags, 0o644)
    }

    /// Closes every folder descriptor.
    mutating func closeAll() {
        for descriptor in others.values { close(descriptor) }
        others = [:]
        last = nil
    }
}
