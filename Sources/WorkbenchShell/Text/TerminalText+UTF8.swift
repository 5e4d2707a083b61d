import Annotations

extension TerminalText {
    /// Whether every scalar of the valid UTF-8 `bytes` can be written as it is (see
    /// ``isSafe(_:keepNewlines:)``). Works on the bytes: ASCII and the common Latin and punctuation
    /// scalars are decided without decoding into `Unicode.Scalar`, so text without controls costs one pass.
    public static func isSafe(utf8 bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> Bool {
        scan(utf8: bytes, keepNewlines: keepNewlines) != .unsafe
    }

    /// What a scan of UTF-8 text for ``sanitize(_:keepNewlines:)`` found.
    enum Scan {
        /// Every scalar can be written as it is.
        case safe
        /// Every scalar is safe on its own, and there is a zero-width (non-)joiner, which is safe only
        /// between two characters it joins.
        case joiners
        /// A scalar must be replaced.
        case unsafe
    }

    /// ``isSafe(utf8:keepNewlines:)``, telling apart text that holds joiners (whose neighbours decide).
    static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) -> Scan {
        let count = bytes.count
        var index = 0
        var result = Scan.safe
        guard let base = bytes.baseAddress else { return .safe }
        let raw = UnsafeRawPointer(base)
        while index < count {
            // Eight bytes at a time while they are all printable ASCII (0x20...0x7E).
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high = word & 0x8080_8080_8080_8080
                let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let deleted = (delete &- 0x0101_0101_0101_0101) & ~delete & 0x8080_8080_8080_8080
                guard high | control | deleted == 0 else { break }
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F || (byte == 0x0A && keepNewlines) {
                    index += 1
                    continue
                }
                return .unsafe
            }
            // U+00C0...U+00FF (ä, ö, ü, ß, é, …) are letters
            if byte == 0xC3, index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
                index += 2
                continue
            }
            guard let (value, length) = UTF8Sequence.decode(bytes, at: index) else { return .unsafe }
            switch value {
            case 0xA0..<0xAD, 0xAE..<0x600, 0x2010...0x2027, 0x2030...0x205F:
                break
            case 0x80...0x9F, 0xAD:
                return .unsafe
            case 0x200C, 0x200D:
                result = .joiners
            default:
                guard let scalar = Unicode.Scalar(value), isSafe(scalar, keepNewlines: keepNewlines) else { return .unsafe }
            }
            index += length
        }
        return result
    }

    /// ``sanitize(_:keepNewlines:)`` on UTF-8: `bytes` themselves when nothing needs replacing.
    public static func sanitize(utf8 bytes: [UInt8], keepNewlines: Bool = false) -> [UInt8] {
        if bytes.withUnsafeBufferPointer({ scan(utf8: $0, keepNewlines: keepNewlines) }) == .safe { return bytes }
        return Array(sanitize(String(decoding: bytes, as: UTF8.self), keepNewlines: keepNewlines).utf8)
    }
}
