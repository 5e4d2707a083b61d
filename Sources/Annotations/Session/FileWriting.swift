import Foundation

/// The one write loop (session files, exports, standard output and error): `write(2)` until every
/// byte is written, retrying short writes and interruptions. Tests stand in a disk that fills up.
public struct FileWriting {
    /// One write call, as `write(2)`: how many bytes it wrote, or -1 with `errno` set.
    private let write: (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int

    /// A writer through `write` (the system's `write(2)` by default).
    public init(write: @escaping (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int = { Glibc.write($0, $1, $2) }) {
        self.write = write
    }

    /// Writes all of `bytes` to `fd`; nil when every byte was written, else the `errno` of the failure.
    public func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
