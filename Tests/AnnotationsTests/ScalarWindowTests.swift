import Testing

@testable import Annotations

/// ``ScalarWindow/fill(_:byte:scalar:count:)`` writes through pointers into storage sized once; it
/// must give exactly what decoding scalar by scalar gives, for any start, count and text, with the
/// storage reused from fill to fill.
@Suite("Scalar window")
struct ScalarWindowTests {
    /// The window decoded scalar by scalar, appended one at a time: the simple path the fill is checked against.
    static func reference(_ bytes: [UInt8], byte byteOffset: Int, count: Int) -> (scalars: [Unicode.Scalar], utf8: [Int]) {
        var scalars: [Unicode.Scalar] = [], utf8: [Int] = []
        var position = max(0, byteOffset)
        while scalars.count < count, position < bytes.count {
            utf8.append(position)
            // The width from the lead byte, its payload bits, then each continuation byte there is.
            let lead = bytes[position]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = width == 1 ? UInt32(lead) : UInt32(lead & (0xFF >> (width + 1)))
            for continuation in bytes[(position + 1)..<min(position + width, bytes.count)] {
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            position += width
        }
        utf8.append(min(position, bytes.count))
        return (scalars, utf8)
    }

    static let texts: [[UInt8]] = [
        Array("Die Ministerin sagte: „Wir prüfen das.“ Er nickte 👍🏽, dann ging e\u{301}r.".utf8),
        Array("\u{00A0}Öl, Äpfel\u{2009}und 𝔘𝔫𝔦 𠀋 🇪🇺 und 👨‍👩‍👧!\r\n".utf8),
        Array("ascii only, a longer plain sentence of letters and digits 12345.".utf8),
        [],
        // Cut in the middle of a four-byte and of a three-byte sequence.
        Array(Array("ab🇪".utf8).dropLast(1)),
        Array(Array("ab„".utf8).dropLast(2)),
    ]

    @Test("every start and count gives the scalars and offsets of decoding one by one, storage reused")
    func fillMatchesScalarByScalar() {
        var window = ScalarWindow()
        for bytes in Self.texts {
            let starts = [-3, 0, 1, 2, 5, bytes.count - 1, bytes.count, bytes.count + 4].filter { $0 < 0 || $0 <= bytes.count + 4 }
            for byte in starts {
                for count in [-1, 0, 1, 3, 7, 40, 1000] {
                    bytes.withUnsafeBufferPointer { window.fill($0, byte: byte, scalar: 17, count: count) }
                    let expected = Self.reference(bytes, byte: byte, count: count)
                    #expect(window.scalars == expected.scalars, "byte \(byte), count \(count)")
                    #expect(window.utf8 == expected.utf8, "byte \(byte), count \(count)")
                    #expect(window.start == 17)
                    #expect(window.end == 17 + expected.scalars.count)
                }
            }
        }
    }

    @Test("on well-formed UTF-8 the window holds the standard library's scalars and their byte offsets")
    func fillMatchesTheStandardLibrary() {
        var window = ScalarWindow()
        for bytes in Self.texts.prefix(4) {
            let text = String(decoding: bytes, as: UTF8.self)
            var offsets: [Int] = [], offset = 0
            for scalar in text.unicodeScalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            bytes.withUnsafeBufferPointer { window.fill($0, byte: 0, scalar: 0, count: bytes.count + 1) }
            #expect(window.scalars == Array(text.unicodeScalars))
            #expect(window.utf8 == offsets + [bytes.count])
        }
    }

    @Test("a copy of the window keeps its scalars when the window is filled again")
    func copyKeepsItsScalars() {
        var window = ScalarWindow()
        let first = Array("Erste Zeile.".utf8), second = Array("Zweite, längere Zeile mit „Zitat“.".utf8)
        first.withUnsafeBufferPointer { window.fill($0, byte: 0, scalar: 0, count: 100) }
        let copy = window
        second.withUnsafeBufferPointer { window.fill($0, byte: 0, scalar: 0, count: 100) }
        #expect(String(String.UnicodeScalarView(copy.scalars)) == "Erste Zeile.")
        #expect(String(String.UnicodeScalarView(window.scalars)) == "Zweite, längere Zeile mit „Zitat“.")
    }
}
