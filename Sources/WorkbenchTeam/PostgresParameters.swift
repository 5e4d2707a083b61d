/// The bound parameters of one statement, as text: every value's bytes followed by a NUL, one after
/// another in one buffer (libpq takes text parameters as C strings). A value is appended from a
/// `String` or straight from bytes (a log line in the bytes of the log), so that a statement of a
/// thousand lines costs one buffer, not a string and a copy per line.
public struct PostgresParameters: Sendable {
    private var buffer: [UInt8] = []
    /// Where each value starts in `buffer`; `nil` for SQL `NULL`.
    private var starts: [Int?] = []

    /// No parameters.
    public init() {}

    /// `values` in order (`nil` for SQL `NULL`).
    public init(_ values: [String?]) {
        for value in values { append(value) }
    }

    /// How many parameters there are.
    public var count: Int { starts.count }

    /// How many bytes the values take (without their NULs).
    public var byteCount: Int { buffer.count - starts.lazy.compactMap { $0 }.count }

    /// Appends `value` as the next parameter.
    public mutating func append(_ value: String?) {
        guard let value else { return starts.append(nil) }
        starts.append(buffer.count)
        buffer.append(contentsOf: value.utf8)
        buffer.append(0)
    }

    /// Appends `bytes` (text, holding no NUL) as the next parameter.
    public mutating func append<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        starts.append(buffer.count)
        buffer.append(contentsOf: bytes)
        buffer.append(0)
    }

    /// Calls `body` with a pointer to each value (valid only during the call), as libpq's
    /// `paramValues` takes them.
    func withPointers<Result>(_ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> Result) -> Result {
        buffer.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress)
            let pointers: [UnsafePointer<CChar>?] = starts.map { start in
                start.flatMap { start in base.map { ($0 + start).assumingMemoryBound(to: CChar.self) } }
            }
            return pointers.withUnsafeBufferPointer(body)
        }
    }
}
