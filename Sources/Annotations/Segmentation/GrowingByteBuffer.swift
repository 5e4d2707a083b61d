/// Bytes written through a pointer, for output made in one hot loop (`segment --format jsonl`):
/// ``reserve(_:)`` makes room once for a bounded piece, and the `append` functions then write
/// without checking capacity or copy-on-write, which `[UInt8]` does on every append.
struct GrowingByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Forgets the bytes written; the storage stays.
    mutating func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes; the appends that follow must not write more than that.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        (base + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count += text.utf8CodeUnitCount
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends `value` in decimal as `String(value)` writes it (at most 20 bytes).
    @inline(__always)
    mutating func appendDecimal(_ value: Int) {
        if value < 10 {
            if value < 0 {
                for byte in String(value).utf8 { append(byte) }
                return
            }
            append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        var digits = 2
        var limit = 100
        // Int.max has 19 digits; `limit` is 10^digits until then.
        while digits < 19 && value >= limit {
            digits += 1
            limit &*= 10
        }
        var rest = value
        var position = count + digits
        Self.pairs.withUTF8Buffer { pairs in
            while rest >= 100 {
                let pair = (rest % 100) &* 2
                rest /= 100
                position -= 2
                base[position] = pairs[pair]
                base[position + 1] = pairs[pair + 1]
            }
            if rest >= 10 {
                position -= 2
                base[position] = pairs[rest &* 2]
                base[position + 1] = pairs[rest &* 2 + 1]
            } else {
                position -= 1
                base[position] = UInt8(truncatingIfNeeded: 0x30 + rest)
            }
        }
        count += digits
    }

    /// "00", "01", … "99" one after the other.
    private static let pairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """
}
