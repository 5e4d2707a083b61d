/// The scalar value of one multi-byte sequence in valid UTF-8, for the byte-level fast paths that
/// decide most text without building `Unicode.Scalar`s (the NFC check, the terminal-safety check).
package enum UTF8Sequence {
    /// The value and length of the sequence whose lead byte (≥ 0x80) is at `index`, or nil when the
    /// buffer ends inside it.
    @inline(__always)
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[index]
        var value: UInt32
        let length: Int
        if lead < 0xE0 {
            length = 2
            value = UInt32(lead & 0x1F)
        } else if lead < 0xF0 {
            length = 3
            value = UInt32(lead & 0x0F)
        } else {
            length = 4
            value = UInt32(lead & 0x07)
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }
}
