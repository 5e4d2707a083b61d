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

    /// Each scalar of the first 2 048 and the separators and noncharacters, alone and between
    /// letters, in element content and in attributes, escaped scalar by scalar as the page defines
    /// (the escaping skips plain ASCII and two-byte scalars from U+00C0 without decoding them).
    @Test("HTML escaping of every scalar below U+0800 and of the special ones, scalar by scalar")
    func htmlEveryScalar() {
        func expected(_ scalar: Unicode.Scalar, separators: Bool) -> String {
            switch scalar.value {
            case 0x26: return "&amp;"
            case 0x3C: return "&lt;"
            case 0x3E: return "&gt;"
            case 0x22: return "&quot;"
            case 0x27: return "&#39;"
            case 9, 10: return String(scalar)
            case 0x85: return separators ? "<span class=\"ls\">\u{2028}</span>" : "\u{2028}"
            case 0x2028 where separators: return "<span class=\"ls\">\u{2028}</span>"
            case 0x2029 where separators: return "<span class=\"ps\">\u{2029}</span>"
            case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0xFDD0...0xFDEF: return "\u{FFFD}"
            default: return scalar.value & 0xFFFE == 0xFFFE ? "\u{FFFD}" : String(scalar)
            }
        }
        var scalars = (0..<0x800).compactMap(Unicode.Scalar.init)
        scalars += [0x2028, 0x2029, 0xFEFF, 0xFDD0, 0xFFFE, 0x1FFFF, 0x201E, 0x1F44D].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for separators in [false, true] {
                var out = ExportOutput()
                let text = "a" + String(scalar) + "ä" + String(scalar) + "b"
                if separators { out.appendHTMLContent(text) } else { out.appendHTML(text) }
                let one = expected(scalar, separators: separators)
                #expect(String(decoding: out.bytes, as: UTF8.self) == "a" + one + "ä" + one + "b", "U+\(String(scalar.value, radix: 16))")
            }
        }
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
