/// A JSON string literal exactly as Foundation's `JSONEncoder` writes it (with
/// `.withoutEscapingSlashes`): `"` and `\` escaped, the control characters below U+0020 as
/// `\b \t \n \f \r` or `\u00xx` (lowercase hex), everything else as UTF-8. The hand-written
/// writers whose output must equal `JSONEncoder`'s (the session file, SpkAtt documents) share it.
enum JSONEncoderStringLiteral {
    /// Appends the literal for the UTF-8 bytes `utf8`; runs that need no escape are copied whole.
    static func append(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var plain = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            plain = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                out.append(hex.utf8Start[Int(byte >> 4)])
                out.append(hex.utf8Start[Int(byte & 15)])
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        out.append(UInt8(ascii: "\""))
    }

    /// Appends the literal for `value`.
    static func append(_ value: String, to out: inout [UInt8]) {
        if value.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil {
            var copy = value
            copy.withUTF8 { append($0, to: &out) }
        }
    }
}
