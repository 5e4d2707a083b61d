/// Where the scalar offsets of one document's text fall in its UTF-8 bytes, from one walk over the
/// bytes: the byte offset of every ``stride``-th scalar is kept, and any other offset is found by
/// stepping over at most `stride - 1` scalars from the one before it. Exporters that only cut text
/// out of a document use it instead of the document's ``OffsetTable`` (which keeps every scalar and
/// its offset: about eight bytes per scalar, and a walk that decodes each one).
struct ExportScalarIndex: Sendable {
    /// Scalars between two kept byte offsets.
    static let stride = 32

    /// The byte offset of scalar `k × stride`, for each `k`.
    private let starts: [Int]
    /// The scalars of the text.
    let scalarCount: Int
    /// The bytes of the text.
    let byteCount: Int

    /// The index of `bytes`, well-formed UTF-8 (a Swift string's bytes).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        for position in bytes.indices where bytes[position] & 0xC0 != 0x80 {
            if scalars % Self.stride == 0 { starts.append(position) }
            scalars += 1
        }
        self.starts = starts
        self.scalarCount = scalars
        self.byteCount = bytes.count
    }

    /// The byte offset of scalar offset `offset` in `bytes` (the bytes the index was made of),
    /// clamped to the text as ``OffsetTable/utf8Offset(ofScalar:)`` is.
    @inline(__always)
    func utf8Offset(ofScalar offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard offset > 0 else { return 0 }
        guard offset < scalarCount else { return byteCount }
        var position = starts[offset / Self.stride]
        var left = offset % Self.stride
        while left > 0 {
            let lead = bytes[position]
            position += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            left -= 1
        }
        return position
    }

    /// The bytes of `bytes` between two scalar offsets (clamped; empty when `end` is before `start`),
    /// as ``ExportBundle/slice(_:_:_:)`` cuts them.
    @inline(__always)
    func bytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        let lower = utf8Offset(ofScalar: start, in: bytes), upper = max(lower, utf8Offset(ofScalar: end, in: bytes))
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }
}
