import Foundation
import Testing
@testable import Annotations
import TestSupport

/// The byte paths of `segment` (``CollapsedText``, ``SegmentOutput``) against the value path they
/// replace: `Character`-based collapsing and one `JSONValue` per sentence.
@Suite struct SegmentOutputTests {
    /// The definition `Sentence.collapsedText` had before the byte path.
    static func collapsedByCharacters(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static let samples: [String] = [
        "",
        "   ",
        "Ein Satz.",
        "  Grüße   aus\tKöln \n und  Düsseldorf.  ",
        "Er sagte: „Wir müssen handeln.“ Und ‚dann‘ «nicht» ‹mehr›.",
        "Emoji 👍🏽 und 🇪🇺 und 👨‍👩‍👧 und ❤️ hier.",
        "Cafe\u{301} und e\u{301}\u{302} und a \u{301} Akzent nach Leerzeichen.",
        "Leerzeichen vor ZWJ: a \u{200D}b, vor Hautton: a \u{1F3FB}b, vor Variantenwähler: a \u{FE0F}b.",
        "Zeilenende\r\nmit CRLF\rund CR\u{85}NEL\u{2028}LS\u{2029}PS\u{0B}VT\u{0C}FF.",
        "Geschütztes\u{A0}Leerzeichen, schmales\u{202F}und\u{2009}dünnes\u{3000}Ideogramm\u{1680}Ogham\u{205F}.",
        "Prepend: \u{600} Zahl, \u{110BD} Zahl, \u{600}\u{A0}x und \u{600}\tTab.",
        "Spacing mark: \u{915} \u{93F} und Thai \u{E33} hier.",
        "Nur\u{200B}Null\u{2060}breite und \u{AD}Trennstrich.",
        "Ende mit Leerzeichen und Marke \u{301}",
        "\u{301} Anfang mit Marke",
        "Tabs\t\t\tund\u{0}Steuer\u{1B}[31mzeichen\u{7F}.",
    ]

    @Test func collapsingMatchesTheCharacterDefinitionOnVariedText() {
        for sample in Self.samples {
            #expect(CollapsedText.string(sample) == Self.collapsedByCharacters(sample), "\(sample.debugDescription)")
        }
    }

    @Test func collapsingMatchesTheCharacterDefinitionOnRandomText() {
        let alphabet: [String] = [
            "a", "Z", "ä", "ß", "É", " ", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{202F}", "\u{2009}", "\u{3000}",
            "\u{85}", "\u{2028}", "„", "“", "…", "–", ".", "€", "👍", "\u{1F3FD}", "🇪", "🇺", "\u{200D}", "\u{FE0F}",
            "\u{301}", "\u{308}", "\u{93F}", "\u{915}", "\u{600}", "\u{110BD}", "\u{AD}", "\u{200B}", "\u{1B}", "한", "\u{1100}",
        ]
        let seed: UInt64 = 0x5E6_0001
        var generator = SplitMix64(seed: seed)
        for round in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
            #expect(
                CollapsedText.string(text) == Self.collapsedByCharacters(text),
                "seed \(seed) round \(round): \(text.debugDescription)")
        }
    }

    static let documents: [Document] = [
        TestCorpus.tricky, TestCorpus.plain,
        Document(id: "quotes\"and\\slash", rawText: Self.samples.joined(separator: " Satz. ")),
        Document(id: "crlf", rawText: "Erste Zeile.\r\nZweite „Zeile“ 😀.\r\n\r\nDritte e\u{301} Zeile. Noch ein Satz.\r\n"),
        Document(id: "empty", rawText: ""),
        Document(id: "blank", rawText: " \n\t\n"),
        Document(id: "controls", rawText: "Text mit \u{1B}[2J Escape.\u{7}Klingel und \u{2028} und \"Anführung\" \\ hier."),
    ]

    @Test func linesMatchTheSentenceValues() {
        for document in Self.documents {
            var bytes: [UInt8] = []
            SegmentOutput.appendLines(of: document, to: &bytes)
            let expected = SegmentedDocument(document).sentences.map { Self.collapsedByCharacters($0.text) + "\n" }.joined()
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(document.id)")
        }
    }

    @Test func jsonLinesMatchTheSentenceValues() {
        for document in Self.documents {
            var bytes: [UInt8] = []
            SegmentOutput.appendJSONLines(of: document, to: &bytes)
            let expected = SegmentedDocument(document).sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined()
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(document.id)")
        }
    }

    @Test func bothFormatsMatchOnTheSeeds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = try CorpusLoader().load(paths: [root.appendingPathComponent("seeds").path])
        for document in corpus.documents {
            let sentences = SegmentedDocument(document).sentences
            var lines: [UInt8] = [], json: [UInt8] = []
            SegmentOutput.appendLines(of: document, to: &lines)
            SegmentOutput.appendJSONLines(of: document, to: &json)
            #expect(String(decoding: lines, as: UTF8.self) == sentences.map { Self.collapsedByCharacters($0.text) + "\n" }.joined())
            #expect(String(decoding: json, as: UTF8.self) == sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined())
        }
    }
}
