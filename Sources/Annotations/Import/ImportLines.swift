/// The lines of a text file to import: a UTF-8 byte order mark is dropped, and LF, CRLF and a lone
/// CR all end a line (files edited on Windows or old Macs import like any other). Line numbers are
/// 1-based. Bytes that are not UTF-8 are a problem naming the line, never silently replaced.
struct ImportLines {
    /// The lines, without their line ends, with their 1-based numbers.
    var lines: [(number: Int, text: String)] = []

    /// Whether the file ends in a line break (or holds nothing). Every tool that writes these formats
    /// ends its last line with one; a copy or download cut inside the last line does not, and what is
    /// left of that line can read as another valid value (`Arg2:T12` cut to `Arg2:T1`).
    var endsInLineBreak = true

    /// Why a last line with no line break after it is refused, where a cut inside it can leave
    /// another valid value.
    static let unfinishedLastLine = "the file ends inside its last line (no line break after it): it may have been cut short, leaving another valid value; copy or export it again (if the file is whole, end it with a line break)"

    /// Splits `bytes` into lines; fails with the line of the first byte that is not UTF-8.
    static func split(_ bytes: [UInt8]) -> Result<ImportLines, InvalidUTF8> {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let invalid = UTF8Validation.firstInvalidOffset(in: bytes).map { max($0, start) }
        var result = ImportLines()
        result.endsInLineBreak = bytes.count == start || bytes.last == 0x0A || bytes.last == 0x0D
        var number = 1
        var lineStart = start
        var index = start
        while index <= bytes.count {
            let atEnd = index == bytes.count
            let byte: UInt8 = atEnd ? 0x0A : bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            if let invalid, invalid < index || (atEnd && invalid < bytes.count) { return .failure(InvalidUTF8(line: number)) }
            if !atEnd || lineStart < bytes.count {
                result.lines.append((number, String(decoding: bytes[lineStart..<index], as: UTF8.self)))
            }
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            index += 1
            lineStart = index
            number += 1
        }
        return .success(result)
    }

    /// The line holding the first byte that is not UTF-8.
    struct InvalidUTF8: Error {
        var line: Int
    }
}
