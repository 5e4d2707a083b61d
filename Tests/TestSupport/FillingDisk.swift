import Annotations
import Glibc

/// A disk that fills up: writes go through until `bytesLeft` runs out, then the write stops part
/// way with `ENOSPC`, as a full file system does. With `writesLeft` set, that many more writes
/// succeed and the next one fails with `ENOSPC` before writing anything.
public final class FillingDisk: FileWriting {
    public var bytesLeft: Int
    /// When set, how many more writes succeed before the disk is full.
    public var writesLeft: Int?

    public init(bytesLeft: Int) { self.bytesLeft = bytesLeft }

    public func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        if let writes = writesLeft {
            if writes == 0 { return ENOSPC }
            writesLeft = writes - 1
        }
        let allowed = min(bytes.count, bytesLeft)
        if allowed > 0, let base = bytes.baseAddress {
            let written = Glibc.write(fd, base, allowed)
            if written < 0 { return errno }
            bytesLeft -= written
        }
        return allowed < bytes.count ? ENOSPC : nil
    }
}
