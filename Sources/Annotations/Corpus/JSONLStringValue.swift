import Foundation

/// A JSON string value of a corpus line, decoded straight from the line's bytes: the runs between
/// escapes are copied whole into the string's storage instead of byte by byte.
///
/// A document's text is most of a JSONL corpus, and in news text every paragraph break is an
/// escape (`\n`), so this is the one string of the loader that is worth a fast path. It accepts
/// exactly the strings ``JSONReader/readString()`` accepts and gives the same text; anything it
/// does not accept it leaves to the caller's slower path (which then reports the error).
enum JSONLStringValue {
    /// The string whose opening quote is at `start` of `bytes` (valid UTF-8) and the offset just
    /// past its closing quote; nil when there is no string there or it breaks a rule of RFC 8259
    /// (a raw control character, a bad escape, an unpaired UTF-16 surrogate, no closing quote).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (text: String, end: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else { return nil }
        let first = start + 1
        var position = first
        var escaped = false
        while true {
            position = plainEnd(bytes, from: position)
            guard position < bytes.count else { return nil }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\"), position + 1 < bytes.count else { return nil }
            escaped = true
            switch bytes[position + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position += 2
            case UInt8(ascii: "u"):
                guard position + 6 <= bytes.count, hex4(bytes, at: position + 2) != nil else { return nil }
                position += 6
            default:
                return nil
            }
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[first..<position])
        let end = position + 1
        if !escaped { return (String(decoding: raw, as: UTF8.self), end) }
        guard let text = unescaped(raw) else { return nil }
        return (text, end)
    }

    /// The text of a string's contents between its quotes (`raw`, valid UTF-8 holding at least one
    /// escape), the runs between escapes copied whole; nil when an escape breaks a rule of RFC 8259.
    /// ``JSONReader`` decodes its strings through this too and reports the place of a failure itself.
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var failed = false
        let text = String(unsafeUninitializedCapacity: raw.count) { output -> Int in
            guard let target = output.baseAddress, let source = raw.baseAddress else { return 0 }
            var read = 0, written = 0
            while read < raw.count {
                // Copy the run up to the next backslash whole.
                let rest = raw.count - read
                let found = memchr(source + read, Int32(UInt8(ascii: "\\")), rest)
                let run = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(source + read) } ?? rest
                if run > 0 {
                    (target + written).update(from: source + read, count: run)
                    read += run
                    written += run
                }
                guard read < raw.count else { break }
                let code = raw[read + 1]
                read += 2
                switch code {
                case UInt8(ascii: "b"): target[written] = 0x08; written += 1
                case UInt8(ascii: "f"): target[written] = 0x0C; written += 1
                case UInt8(ascii: "n"): target[written] = 0x0A; written += 1
                case UInt8(ascii: "r"): target[written] = 0x0D; written += 1
                case UInt8(ascii: "t"): target[written] = 0x09; written += 1
                case UInt8(ascii: "u"):
                    guard var value = hex4(raw, at: read) else { failed = true; return 0 }
                    read += 4
                    if value >= 0xD800, value <= 0xDBFF {
                        guard read + 6 <= raw.count, raw[read] == UInt8(ascii: "\\"), raw[read + 1] == UInt8(ascii: "u"),
                            let low = hex4(raw, at: read + 2), low >= 0xDC00, low <= 0xDFFF
                        else { failed = true; return 0 }
                        read += 6
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if value >= 0xDC00, value <= 0xDFFF {
                        failed = true
                        return 0
                    }
                    guard let scalar = Unicode.Scalar(value) else { failed = true; return 0 }
                    // An escape is six bytes (twelve for a pair) and its UTF-8 at most four: it fits.
                    UTF8.encode(scalar) { unit in
                        target[written] = unit
                        written += 1
                    }
                default: target[written] = code; written += 1
                }
            }
            return written
        }
        return failed ? nil : text
    }

    /// The first offset from `position` on holding a quote, a backslash or a control character
    /// (or the end), looking at eight bytes at a time.
    @inline(__always)
    private static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var position = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            // Set where a byte is zero after the xor or below 0x20: the lowest set byte is exact.
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
            if special != 0 { return position + special.trailingZeroBitCount >> 3 }
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return position }
            position += 1
        }
        return position
    }

    /// The value of the four hex digits at `index`, nil when one is not a hex digit or missing.
    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index >= 0, index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
