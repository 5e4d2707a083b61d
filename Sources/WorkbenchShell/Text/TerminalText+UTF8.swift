import Annotations

extension TerminalText {
    /// Whether every scalar of the valid UTF-8 `bytes` can be written as it is (see
    /// ``isSafe(_:keepNewlines:)``). Works on the bytes: ASCII and the common Latin and punctuation
    /// scalars are decided without decoding into `Unicode.Scalar`, so text without controls costs one pass.
    public static func isSafe(utf8 bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F || (byte == 0x0A && keepNewlines) {
                    index += 1
                    continue
                }
                return false
            }
            guard let (value, length) = UTF8Sequence.decode(bytes, at: index) else { return false }
            switch value {
            case 0xA0..<0xAD, 0xAE..<0x600, 0x2010...0x2027, 0x2030...0x205F:
                break
            case 0x80...0x9F, 0xAD:
                return false
            default:
                guard let scalar = Unicode.Scalar(value), isSafe(scalar, keepNewlines: keepNewlines) else { return false }
            }
            index += length
        }
        return true
    }

    /// ``sanitize(_:keepNewlines:)`` on UTF-8: `bytes` themselves when nothing needs replacing.
    public static func sanitize(utf8 bytes: [UInt8], keepNewlines: Bool = false) -> [UInt8] {
        if bytes.withUnsafeBufferPointer({ isSafe(utf8: $0, keepNewlines: keepNewlines) }) { return bytes }
        return Array(sanitize(String(decoding: bytes, as: UTF8.self), keepNewlines: keepNewlines).utf8)
    }
}
