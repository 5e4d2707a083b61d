import Foundation
import Testing
@testable import Annotations

/// The token formats (jsonl, CoNLL-U) write their token lines through a ``GrowingByteBuffer``: its
/// JSON escaping and numbers give the bytes the ``ExportOutput`` routines they replace give.
@Suite("Export token lines as bytes")
struct ExportTokenLineBytesTests {
    /// Texts with every C0 and C1 control, DEL, quotes, backslashes, U+2028/2029, umlauts, „“,
    /// emoji and a combining mark, and each scalar below U+0100 on its own between letters.
    static var texts: [String] {
        var texts = [ExportJSONFastPathTests.awkward, "", "plain", "Zoë „Müller“ 👍🏽 🇩🇪 n̈", "a\u{2028}b\u{2029}c\u{2027}\u{202A}"]
        for value in Array(0..<0x100) + [0x2028, 0x2029, 0x2000, 0xFEFF, 0x1F600] {
            if let scalar = Unicode.Scalar(value) { texts.append("a" + String(Character(scalar)) + "b") }
        }
        return texts
    }

    @Test("JSON escaping through the buffer equals JSONValue's")
    func jsonEscaping() {
        for text in Self.texts {
            var expected: [UInt8] = []
            var buffer = GrowingByteBuffer(capacity: 8)
            var copy = text
            copy.withUTF8 { utf8 in
                JSONValue.appendEscaped(utf8, to: &expected)
                buffer.reserve(6 * utf8.count)
                SegmentOutput.appendEscaped(utf8, to: &buffer)
            }
            #expect(Array(buffer.bytes) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("numbers through the buffer equal ExportOutput's")
    func numbers() {
        for number in [0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 123_456, Int.max, -1, -42, Int.min] {
            var buffer = GrowingByteBuffer(capacity: 8)
            buffer.reserve(20)
            buffer.appendDecimal(number)
            var output = ExportOutput()
            output.append(number)
            #expect(Array(buffer.bytes) == output.bytes)
        }
    }
}
