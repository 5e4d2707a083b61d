/// A fast 64-bit digest of a session log's bytes, fed in pieces as lines are appended: it tells
/// whether a snapshot was written from this state of this log (not a cryptographic hash). Eight
/// bytes are mixed at a time: a few milliseconds for a 100 000-annotation log.
public struct LogDigest: Sendable, Hashable {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// An empty digest.
    public init() {}

    /// The digest of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = LogDigest()
        digest.update(bytes)
        return digest.hex
    }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        length &+= UInt64(count)
        while pendingCount != 0, index < count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
            if pendingCount == 8 {
                mix(pending)
                pending = 0
                pendingCount = 0
            }
        }
        while index + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
            index += 8
        }
        while index < count {
            pending |= UInt64(bytes[index]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            index += 1
        }
    }

    private mutating func mix(_ word: UInt64) {
        var k = word &* 0x87C3_7B91_1142_53D5
        k = (k << 31) | (k >> 33)
        k = k &* 0x4CF5_AD43_2745_937F
        state ^= k
        state = ((state << 27) | (state >> 37)) &* 5 &+ 0x52DC_E729
    }

    /// The digest so far as `fx64:` and 16 hex digits (feeding more bytes afterwards is allowed).
    public var hex: String {
        var copy = self
        if copy.pendingCount > 0 { copy.mix(copy.pending ^ 0xFF) }
        var h = copy.state ^ length
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        let digits = String(h, radix: 16)
        return "fx64:" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
