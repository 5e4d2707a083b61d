import Foundation

/// Writes bytes to an open file. The session store writes its journal and its file through one of
/// these, so tests can stand in a disk that fills up after a number of bytes.
public protocol FileWriting {
    /// Writes all of `bytes` to `fd` (retrying short writes and interruptions); nil when every
    /// byte was written, otherwise the `errno` of the failure (some bytes may have been written).
    func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32?
}

/// The system's `write(2)`: the one write loop of the session's files, the exports and the
/// program's standard output and error.
public struct SystemFileWriting: FileWriting {
    /// The system writer.
    public init() {}

    public func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
