import Testing

@testable import Annotations

/// The token formats check each token for whitespace on its UTF-8 bytes first and look at its
/// scalars only when the bytes may hold one: the byte check must never miss a whitespace scalar.
@Suite("Whitespace check of a token's bytes")
struct ExportTokenWhitespaceTests {
    static func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ExportTokens.mayHoldWhitespace($0) }
    }

    @Test("every whitespace scalar is caught, alone and between letters")
    func everyWhitespaceScalar() {
        var scalars = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { continue }
            scalars += 1
            let alone = String(Character(scalar))
            #expect(Self.mayHold(alone), "U+\(String(value, radix: 16))")
            #expect(Self.mayHold("a" + alone + "ö"), "U+\(String(value, radix: 16)) between letters")
        }
        #expect(scalars == 25)
    }

    @Test("German punctuation of the U+2000 block and other non-space text pass without the scalar check")
    func punctuationIsNotSpace() {
        for text in ["„Wir“", "–", "…", "‚so‘", "‹›", "€", "™", "Öl", "e\u{301}", "👍🏽", "‰", "\u{200D}", "\u{2060}"] {
            #expect(!Self.mayHold(text), "\(text)")
        }
        #expect(Self.mayHold("a\u{1}b"))
    }
}
