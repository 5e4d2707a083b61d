import Foundation
import Testing

@testable import Annotations

/// The escapings of ``ExportOutput`` copy a text at once when one scan finds no byte to escape,
/// and escape byte by byte otherwise: both ways must give the bytes the formats define.
@Suite("Escaping in export output: the plain copy and the escaped path agree")
struct ExportOutputEscapingTests {
    static let texts = [
        "", "M12", "speaker_1", "Müller", "„Wir prüfen das.“", "a\\b", "tab\there", "line\nbreak", "cr\rx", "a->b", "a-b>c", "->",
        "[x]", "a|b", "a;b", "a*b", "e\u{301}", "👍🏽", "q\"uote", "\u{1}\u{7F}", "\u{2028}\u{2029}", "–…", "\u{8}\u{C}",
    ]

    /// WebAnno TSV 3.3 values, escaped byte by byte as the format defines.
    static func webAnnoValue(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x5B, 0x5D, 0x7C, 0x5F, 0x3B, 0x2A: result += [0x5C, byte]
            case 0x3E where previous == 0x2D: result.removeLast(); result += [0x5C, 0x2D, 0x3E]
            case 9: result += Array(#"\t"#.utf8)
            case 10: result += Array(#"\n"#.utf8)
            case 13: result += Array(#"\r"#.utf8)
            default: result.append(byte)
            }
            previous = byte
        }
        return result
    }

    /// WebAnno TSV 3.3 token text and `#Text=` lines.
    static func webAnnoText(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x5C: result += [0x5C, 0x5C]
            case 9: result += Array(#"\t"#.utf8)
            case 10: result += Array(#"\n"#.utf8)
            case 13: result += Array(#"\r"#.utf8)
            default: result.append(byte)
            }
        }
        return result
    }

    @Test("JSON strings as JSONValue writes them")
    func json() {
        for text in Self.texts {
            var out = ExportOutput()
            out.appendJSONString(text)
            #expect(out.bytes == Array(JSONValue.string(text).serialized().utf8), "\(text)")
        }
    }

    @Test("WebAnno values and texts")
    func webAnno() {
        for text in Self.texts {
            var value = ExportOutput(), plain = ExportOutput()
            value.appendWebAnnoValue(text)
            plain.appendBackslashEscaped(text)
            #expect(value.bytes == Self.webAnnoValue(text), "\(text)")
            #expect(plain.bytes == Self.webAnnoText(text), "\(text)")
        }
    }

    @Test("numbers as their decimal descriptions")
    func numbers() {
        var values = [0, 9, 10, 99, 100, 999, 1000, 9999, 10000, 65535, 123_456_789, -1, -10, -12345, Int.max, Int.min]
        values += (0..<200).map { _ in Int.random(in: -20000...20000) }
        for value in values {
            var out = ExportOutput()
            out.append(value)
            #expect(out.bytes == Array(String(value).utf8), "\(value)")
        }
    }
}
