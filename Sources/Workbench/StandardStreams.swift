import Foundation

/// Buffered writes to standard output, flushed on deinit and when the buffer grows.
struct StandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Appends UTF-8 text; a large piece is written at once rather than copied into the buffer.
    mutating func write(utf8 bytes: [UInt8]) {
        if bytes.count > 1 << 16 {
            flush()
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One-line writes to standard error.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
