/// A text file saved in UTF-16 or UTF-32 rather than the UTF-8 every file the workbench reads is
/// in (a Windows editor's "Unicode", Python's `encode("utf-16-le")`, a tool writing UTF-32), found
/// from its first bytes. Corpus files and every import take their words from here, so the user is
/// told what the file is and how to mend it, instead of "invalid UTF-8 at byte offset 0" or, for
/// a file of plain ASCII saved as UTF-16 without a byte-order mark (valid UTF-8 full of NULs), a
/// corpus loaded with a NUL between every two letters.
public enum OtherUnicodeEncoding: Equatable, Sendable {
    case utf16(byteOrderMark: Bool)
    case utf32(byteOrderMark: Bool)

    /// How many bytes at the start are looked at when there is no byte-order mark.
    static let sample = 4096

    /// The encoding `bytes` are in when it is UTF-16 or UTF-32, else nil (UTF-8, with or without a
    /// byte-order mark, and any other bytes). Without a byte-order mark: UTF-32 when the two high
    /// bytes of every unit in the sample are NUL and most low bytes are not; UTF-16 when at least
    /// three in four of the high bytes are NUL and at most one in four of the low ones (at least
    /// four units: UTF-8 text holding a NUL here and there is text, and stays so).
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> OtherUnicodeEncoding? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return .utf32(byteOrderMark: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .utf16(byteOrderMark: true) }
        let count = min(bytes.count, sample)
        if count >= 16 {
            let units = count / 4
            var little = (high: 0, low: 0), big = (high: 0, low: 0)
            for unit in 0..<units {
                let base = unit * 4
                if bytes[base + 2] == 0, bytes[base + 3] == 0 { little.high += 1 }
                if bytes[base] != 0 { little.low += 1 }
                if bytes[base] == 0, bytes[base + 1] == 0 { big.high += 1 }
                if bytes[base + 3] != 0 { big.low += 1 }
            }
            if (little.high == units && little.low * 2 >= units) || (big.high == units && big.low * 2 >= units) {
                return .utf32(byteOrderMark: false)
            }
        }
        let pairs = count / 2
        guard pairs >= 4 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for pair in 0..<pairs {
            if bytes[pair * 2] == 0 { evenNUL += 1 }
            if bytes[pair * 2 + 1] == 0 { oddNUL += 1 }
        }
        let mostly = { (nul: Int) in nul * 4 >= pairs * 3 }, few = { (nul: Int) in nul * 4 <= pairs }
        if (mostly(oddNUL) && few(evenNUL)) || (mostly(evenNUL) && few(oddNUL)) { return .utf16(byteOrderMark: false) }
        return nil
    }

    /// ``of(_:)`` for an array.
    public static func of(_ bytes: [UInt8]) -> OtherUnicodeEncoding? {
        bytes.withUnsafeBufferPointer { of($0) }
    }

    /// What the file is and how to mend it, for a message after the file's name: "the file is
    /// UTF-16 (it begins with a UTF-16 byte-order mark); save it as UTF-8".
    public var reason: String {
        switch self {
        case .utf16(true): "the file is UTF-16 (it begins with a UTF-16 byte-order mark); save it as UTF-8"
        case .utf32(true): "the file is UTF-32 (it begins with a UTF-32 byte-order mark); save it as UTF-8"
        case .utf16(false): "the file is UTF-16 without a byte-order mark (every second byte is NUL); save it as UTF-8"
        case .utf32(false): "the file is UTF-32 without a byte-order mark (three bytes in every four are NUL); save it as UTF-8"
        }
    }
}
