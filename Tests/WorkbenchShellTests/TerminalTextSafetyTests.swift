import Testing
import TestSupport
@testable import WorkbenchShell

/// The byte check of the output path (eight ASCII bytes at a time) against the scalar definition.
@Suite struct TerminalTextSafetyTests {
    static let pieces: [String] = [
        "a", "Z", "ä", "ß", "„", "“", " ", "~", "\u{7E}", "\u{7F}", "\u{0}", "\u{1F}", "\u{20}", "\n", "\r", "\t", "\u{1B}[2J",
        "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{202E}",
        "\u{2028}", "\u{2029}", "\u{FEFF}", "👍", "🇪🇺", "e\u{301}", "0123456789", "abcdefgh", "{\"text\":\"x\"}",
    ]

    @Test("isSafe(utf8:) says what the scalar definition says, on random text of any alignment")
    func byteCheckMatchesTheScalars() {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        for round in 0..<4000 {
            let length = Int.random(in: 0...40, using: &generator)
            // Mostly long runs of safe ASCII with now and then one other piece, at every offset.
            let text = (0..<length).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? (Self.pieces.randomElement(using: &generator) ?? "") : String(repeating: "x", count: Int.random(in: 0...9, using: &generator))
            }.joined()
            for keepNewlines in [false, true] {
                let expected = text.unicodeScalars.allSatisfy { TerminalText.isSafe($0, keepNewlines: keepNewlines) }
                let bytes = Array(text.utf8)
                let actual = bytes.withUnsafeBufferPointer { TerminalText.isSafe(utf8: $0, keepNewlines: keepNewlines) }
                #expect(actual == expected, "seed \(seed) round \(round): \(text.debugDescription)")
            }
        }
    }
}
