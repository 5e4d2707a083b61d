/// Where the scalar offsets of one document's text fall in its UTF-8 bytes, from one walk over the
/// bytes: the byte offset of every ``stride``-th scalar is kept, and any other offset is found by
/// stepping over at most `stride - 1` scalars from the one before it. Exporters that cut text out of a
/// document, and the token formats, which tokenize each sentence in the document's bytes from
/// there (see ``ExportTokens/tokens(of:index:bytes:scratch:splittingAt:into:)``), use it instead of
/// the document's ``OffsetTable`` (which keeps every scalar and its offset: about eight bytes per
/// scalar, and a walk that decodes each one).
struct ExportScalarIndex: Sendable {
    /// Scalars between two kept byte offsets.
    static let stride = 32

    /// The byte offset of scalar `k × stride`, for each `k`.
    private let starts: [Int]
    /// Scalar offsets of the scalars outside the Basic Multilingual Plane (two UTF-16 code units
    /// each), ascending; usually none.
    private let astral: [Int]
    /// The scalars of the text.
    let scalarCount: Int
    /// The bytes of the text.
    let byteCount: Int
    /// True when every scalar of the text is a grapheme cluster of its own
    /// (``OffsetTable/isSingleScalarCharacter(_:)`` holds for each): then every scalar offset is a
    /// `Character` boundary and no grapheme breaking is needed.
    let everyScalarACharacter: Bool

    /// The index of `bytes`, well-formed UTF-8 (a Swift string's bytes).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        var single = true
        var astral: [Int] = []
        var position = 0
        while position < bytes.count {
            // Eight ASCII bytes but CR at once: eight scalars, each standing alone.
            if position + 8 <= bytes.count, Self.eightPlainASCII(bytes, at: position) {
                // At most one of the eight is a multiple of the stride.
                let kept = (Self.stride - scalars % Self.stride) % Self.stride
                if kept < 8 { starts.append(position + kept) }
                scalars += 8
                position += 8
                continue
            }
            let lead = bytes[position]
            if lead & 0xC0 != 0x80 {
                if scalars % Self.stride == 0 { starts.append(position) }
                if lead >= 0xF0 { astral.append(scalars) }
                scalars += 1
                // Below U+0300 every scalar but CR stands alone; the rest are decoded to be asked.
                if single, lead == 0x0D || lead >= 0xCC, !Self.standsAlone(bytes, at: position) { single = false }
            }
            position += 1
        }
        self.starts = starts
        self.astral = astral
        self.scalarCount = scalars
        self.byteCount = bytes.count
        self.everyScalarACharacter = single
    }

    /// Whether the eight bytes from `position` (all within `bytes`) are ASCII and none is CR.
    @inline(__always)
    private static func eightPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        guard word & high == 0 else { return false }
        // A byte of `carriage` is zero where the word holds CR (the usual test for a zero byte).
        let carriage = word ^ (ones &* 0x0D)
        return (carriage &- ones) & ~carriage & high == 0
    }

    /// Whether the scalar whose first byte is at `position` is a `Character` of its own next to any
    /// other such scalar (``OffsetTable/isSingleScalarCharacter(_:)``).
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let lead = UInt32(bytes[position])
        var value: UInt32
        let count: Int
        switch lead {
        case ..<0x80: (value, count) = (lead, 1)
        case ..<0xE0: (value, count) = (lead & 0x1F, 2)
        case ..<0xF0: (value, count) = (lead & 0x0F, 3)
        default: (value, count) = (lead & 0x07, 4)
        }
        guard position + count <= bytes.count else { return false }
        var step = 1
        while step < count {
            value = value << 6 | UInt32(bytes[position + step] & 0x3F)
            step += 1
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return OffsetTable.isSingleScalarCharacter(scalar)
    }

    /// Whether scalar offset `offset` is a `Character` boundary, when ``everyScalarACharacter``
    /// says so without grapheme breaking (nil: ask the document's ``OffsetTable``).
    @inline(__always)
    func isCharacterBoundaryWithoutBreaking(_ offset: Int) -> Bool? {
        guard offset >= 0 && offset <= scalarCount else { return false }
        return everyScalarACharacter ? true : nil
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

    /// The UTF-16 offset of scalar offset `offset` (clamped to the text), as
    /// ``OffsetTable/utf16Offset(ofScalar:)`` gives it.
    @inline(__always)
    func utf16Offset(ofScalar offset: Int) -> Int {
        let offset = min(max(offset, 0), scalarCount)
        guard !astral.isEmpty else { return offset }
        var low = 0, high = astral.count
        while low < high {
            let mid = (low + high) / 2
            if astral[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return offset + low
    }
}
