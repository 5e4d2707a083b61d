/// A JSON string literal exactly as Foundation's `JSONEncoder` writes it (with
/// `.withoutEscapingSlashes`): `"` and `\` escaped, the control characters below U+0020 as
/// `\b \t \n \f \r` or `\u00xx` (lowercase hex), everything else as UTF-8. For the hand-written
/// writer whose output must equal `JSONEncoder`'s (the session file); the export files people read
/// escape DEL and C1 controls too (``JSONValue/appendString(_:to:)``).
enum JSONEncoderStringLiteral {
    /// Appends the literal for the UTF-8 bytes `utf8`; runs that need no escape are copied whole.
    static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var plain = 0
        var next = firstEscaped(in: utf8, from: 0)
        while let index = next {
            let byte = utf8[index]
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            plain = index + 1
            JSONValue.appendEscape(UInt32(byte), to: &out)  // the same escapes for these bytes
            next = firstEscaped(in: utf8, from: plain)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        out.append(UInt8(ascii: "\""))
    }

    /// True for a byte the literal escapes: `"`, `\` and the control characters below U+0020.
    @inline(__always)
    static func isEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The index of the first byte at or after `start` that ``isEscaped(_:)``, if any. Most text
    /// has none, so eight bytes are tested at a time: a word holds such a byte exactly when one of
    /// the three byte tests below finds one (each is exact about whether any byte matches, though
    /// not about which; the word is then searched byte by byte).
    static func firstEscaped(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = utf8.baseAddress else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        while index + 8 <= utf8.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let below = (word &- ones &* 0x20) & ~word
            let zeroQuote = (quote &- ones) & ~quote, zeroBackslash = (backslash &- ones) & ~backslash
            if (below | zeroQuote | zeroBackslash) & highs != 0 { break }
            index += 8
        }
        while index < utf8.count {
            if isEscaped(base[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Appends the literal for `value`.
    static func append(_ value: String, to out: inout [UInt8]) {
        if value.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil {
            var copy = value
            copy.withUTF8 { append($0, to: &out) }
        }
    }
}
