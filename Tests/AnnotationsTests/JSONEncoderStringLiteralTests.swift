import Foundation
import Testing
@testable import Annotations

/// The string literal the hand-written JSON writers share is `JSONEncoder`'s, also where its
/// eight-bytes-at-a-time search for escaped bytes meets a word's edge.
@Suite("JSONEncoder string literal")
struct JSONEncoderStringLiteralTests {
    /// The literal `JSONEncoder` (without escaping slashes) writes for `value`.
    static func encoded(_ value: String) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func written(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONEncoderStringLiteral.append(value, to: &out)
        return out
    }

    @Test("Every byte that needs an escape, at every place of a word and after long plain runs")
    func escapedAtEveryPlace() throws {
        var specials = ["\"", "\\"]
        for value in 0..<0x20 { specials.append(String(Unicode.Scalar(UInt8(value)))) }
        // Plain bytes next to the tested ones: those the word test must not take for them
        // (0x20, 0x21, 0x23, 0x5B, 0x5D, DEL, a byte of a multi-byte scalar).
        let fillers = ["a", " ", "!", "#", "[", "]", "\u{7F}", "ä", "😀", "e\u{301}", "/"]
        for special in specials {
            for filler in fillers {
                for before in 0..<18 {
                    let value = String(repeating: filler, count: before) + special + String(repeating: filler, count: 17 - before % 9)
                    #expect(Self.written(value) == (try Self.encoded(value)), "\(before) \(filler.unicodeScalars.map(\.value)) \(special.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    @Test("Plain text of every length and several escapes in one string")
    func plainAndMixed() throws {
        for length in 0..<40 {
            let value = String((0..<length).map { Character(Unicode.Scalar(UInt8(0x20 + ($0 * 7) % 0x5F))) })
            #expect(Self.written(value) == (try Self.encoded(value)), "\(length)")
        }
        let mixed = "„Wir“ sagte er:\t\"ja\"\\nein\n\u{1}\u{1F}😀 e\u{301} \u{2028}\u{2029}\u{FEFF}"
        #expect(Self.written(mixed) == (try Self.encoded(mixed)))
    }

    @Test("The search finds the first escaped byte from any start")
    func firstEscapedFromAnyStart() {
        let bytes = Array("abcdefgh\"jklmnopqrstuvw\\xyz\u{1}".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0...buffer.count {
                let expected = buffer.indices.first { $0 >= start && JSONEncoderStringLiteral.isEscaped(buffer[$0]) }
                #expect(JSONEncoderStringLiteral.firstEscaped(in: buffer, from: start) == expected, "\(start)")
            }
        }
    }

    @Test("Integers in records are written as JSONEncoder writes them")
    func integers() throws {
        for value in [0, 7, 9, 10, 99, 100, 12_345, 1 << 40, Int.max, -1, -10, Int.min] {
            let anchor = TextAnchor(
                document: "d", sentence: value, segments: [SpanSegment(start: value, end: value)], text: "x", before: "", after: "",
                sentenceHash: "")
            let (written, encoded) = try SessionFileWriterRecordTests.lines(.cue(Cue(id: "Q1", anchor: anchor)))
            #expect(written == encoded, "\(value)")
        }
    }
}
