import Annotations
import Glibc

/// A disk that fills up: writes go through until `bytesLeft` runs out, then the write stops part
/// way with `ENOSPC`, as a full file system does. With `writesLeft` set, that many more writes
/// succeed and the next one fails with `ENOSPC` before writing anything. Files are written through
/// it by its ``writer``.
public final class FillingDisk {
    public var bytesLeft: Int
    /// When set, how many more writes succeed before the disk is full.
    public var writesLeft: Int?

    public init(bytesLeft: Int) { self.bytesLeft = bytesLeft }

    /// The writer that writes to this disk.
    public var writer: FileWriting {
        FileWriting { [self] fd, bytes, count in
            if let writes = writesLeft {
                guard writes > 0 else {
                    errno = ENOSPC
                    return -1
                }
                writesLeft = writes - 1
            }
            guard bytesLeft > 0 else {
                errno = ENOSPC
                return -1
            }
            let written = Glibc.write(fd, bytes, min(count, bytesLeft))
            if written > 0 { bytesLeft -= written }
            return written
        }
    }
}
