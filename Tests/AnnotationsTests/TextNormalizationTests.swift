import Foundation
import Testing
import TestSupport
@testable import Annotations

/// The NFC quick check that lets loading skip the normaliser agrees with it.
@Suite struct TextNormalizationTests {
    @Test func quickCheckNeverContradictsTheNormaliser() {
        let alphabet: [String] = [
            "a", "Z", " ", "\n", "ä", "ß", "É", "„", "“", "–", "…", "€", "👍", "\u{1F3FD}", "🇪🇺", "\u{200D}", "\u{FE0F}",
            "e\u{301}", "\u{301}", "\u{308}", "\u{2126}", "\u{212B}", "\u{212A}", "\u{2329}", "\u{2ADC}", "\u{2000}",
            "\u{1100}", "\u{1161}", "\u{11A8}", "가", "\u{0CD5}", "\u{09BE}", "\u{0374}", "Å", "A\u{30A}", "ﬁ", "\u{2002}",
        ]
        let seed: UInt64 = 0x4E_4643
        var generator = SplitMix64(seed: seed)
        for round in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            var copy = text
            let quick = copy.withUTF8 { TextNormalization.isCertainlyNFC($0) }
            let isNFC = text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
            if quick { #expect(isNFC, "seed \(seed) round \(round): \(text.debugDescription)") }
            #expect(TextNormalization.normalize(text).text.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    @Test func germanNewsTextNeedsNoNormaliser() {
        var text = "Grüße aus Köln – „Wir müssen handeln“, sagte Rutte… 10 € · 👍🏽 🇪🇺"
        #expect(text.withUTF8 { TextNormalization.isCertainlyNFC($0) })
        var decomposed = "Cafe\u{301}"
        #expect(!decomposed.withUTF8 { TextNormalization.isCertainlyNFC($0) })
    }

    @Test("ASCII runs of every length (passed eight bytes at a time) before and after a combining mark, a singleton or an umlaut")
    func asciiRunsBeforeAndAfter() {
        for before in 0..<40 {
            for after in [0, 1, 7, 8, 9, 23] {
                let head = String(repeating: "x", count: before), tail = String(repeating: "y", count: after)
                for (piece, certain) in [("\u{301}", false), ("\u{212B}", false), ("\u{1100}", false), ("ä", true), ("„“", true), ("", true)] {
                    var text = head + piece + tail
                    #expect(text.withUTF8 { TextNormalization.isCertainlyNFC($0) } == certain, "\(before) \(piece.debugDescription) \(after)")
                }
            }
        }
    }
}
