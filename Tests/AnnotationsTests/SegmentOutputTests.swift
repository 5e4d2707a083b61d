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

    /// A sentence record as `segment --format jsonl` documents it, read back with `JSONDecoder`.
    struct SentenceRecord: Decodable, Equatable {
        struct TokenRecord: Decodable, Equatable {
            var index: Int, start: Int, end: Int, text: String, kind: Token.Kind
            var spaceAfter: Bool
            enum CodingKeys: String, CodingKey {
                case index, start, end, text, kind
                case spaceAfter = "space_after"
            }
        }
        var document: String, index: Int, start: Int, end: Int, text: String
        var tokens: [TokenRecord]

        init(document: String, index: Int, start: Int, end: Int, text: String, tokens: [TokenRecord]) {
            (self.document, self.index, self.start, self.end, self.text, self.tokens) = (document, index, start, end, text, tokens)
        }

        init(_ sentence: Sentence) {
            self.init(
                document: sentence.documentID, index: sentence.index, start: sentence.start, end: sentence.end, text: sentence.text,
                tokens: sentence.tokens.map {
                    TokenRecord(index: $0.index, start: $0.start, end: $0.end, text: $0.text, kind: $0.kind, spaceAfter: $0.spaceAfter)
                })
        }
    }

    /// Pieces of German news text and everything that needs care in JSON or on a terminal.
    static let randomPieces: [String] = [
        "Grüße", "aus", "Köln", "Straße", "Öl", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u{A0}", ".", ". ", "!", "?", ",",
        "„", "“", "‚", "‘", "«", "»", "\"", "'", "\\", "/", "…", "–", "-", "(", ")", "z.B.", "Dr.", "Anm. d. Red.", "21.",
        "10.000", "3,5", "15:30", "2022.", "www.tagesschau.de", "https://example.org/a_(b).htm", "max@example.de", "@",
        "👍", "\u{1F3FD}", "🇪🇺", "👨‍👩‍👧", "❤️", "e\u{301}", "\u{308}", "\u{301}", "\u{93F}", "\u{600}", "한",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{200E}",
        "\u{202E}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{10FFFF}", "US-Verteidigungsminister", "geht's", "O’Brien",
    ]

    @Test("jsonl written by hand equals the value path and decodes with JSONDecoder to the sentences, on random text")
    func jsonLinesMatchOnRandomText() throws {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        for round in 0..<400 {
            let length = Int.random(in: 0...60, using: &generator)
            let raw = (0..<length).map { _ in Self.randomPieces.randomElement(using: &generator) ?? "" }.joined()
            let id = round % 7 == 0 ? "id \"\\\u{1B}ä" : "doc\(round)"
            let document = Document(id: id, rawText: raw)
            let sentences = SegmentedDocument(document).sentences
            var bytes: [UInt8] = []
            SegmentOutput.appendJSONLines(of: document, to: &bytes)
            let expected = sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined()
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "seed \(seed) round \(round): \(raw.debugDescription)")
            let lines = bytes.split(separator: 0x0A)
            #expect(lines.count == sentences.count, "seed \(seed) round \(round)")
            for (line, sentence) in zip(lines, sentences) {
                let decoded = try JSONDecoder().decode(SentenceRecord.self, from: Data(line))
                #expect(decoded == SentenceRecord(sentence), "seed \(seed) round \(round): \(raw.debugDescription)")
            }
            // In pieces of any size the bytes are the same, cut only after whole records.
            var pieces: [UInt8] = []
            SegmentOutput.writeJSONLines(of: document, chunk: Int.random(in: 1...300, using: &generator)) { piece in
                #expect(piece.last == 0x0A, "seed \(seed) round \(round)")
                pieces.append(contentsOf: piece)
            }
            #expect(pieces == bytes, "seed \(seed) round \(round)")
        }
    }

    @Test("tokens visited as bounds over one sentence's scalars are the tokens of the whole document")
    func tokenBoundsMatchTheTokens() {
        let seed = SplitMix64.seedForThisRun()
        var generator = SplitMix64(seed: seed)
        for round in 0..<300 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = (0..<length).map { _ in Self.randomPieces.randomElement(using: &generator) ?? "" }.joined()
            let scalars = Array(text.unicodeScalars)
            let lower = Int.random(in: 0...scalars.count, using: &generator)
            let upper = Int.random(in: lower...scalars.count, using: &generator)
            let tokens = Tokenizer().tokens(in: scalars, range: lower..<upper)
            // The sentence's scalars and the one after it, as `segment --format jsonl` hands them over.
            let local = Array(scalars[lower..<min(upper + 1, scalars.count)])
            var bounds: [TokenBounds] = []
            local.withUnsafeBufferPointer { Tokenizer().tokenBounds(in: $0, range: 0..<(upper - lower), into: &bounds) }
            let shifted = bounds.enumerated().map { index, token in
                Token(
                    index: index, start: token.start + lower, end: token.end + lower,
                    text: String(String.UnicodeScalarView(local[token.start..<token.end])), kind: token.kind, spaceAfter: token.spaceAfter)
            }
            #expect(shifted == tokens, "seed \(seed) round \(round): \(text.debugDescription) \(lower)..<\(upper)")
        }
    }
}

@Suite struct GrowingByteBufferTests {
    @Test("decimals are written as String(value) writes them, at every length")
    func decimals() {
        var values: [Int] = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, -1, -10, Int.max, Int.min, Int.max - 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1]
        }
        var generator = SplitMix64(seed: 0xDEC1_3A15)
        for _ in 0..<2000 { values.append(Int.random(in: 0...Int.max, using: &generator) >> Int.random(in: 0...62, using: &generator)) }
        var buffer = GrowingByteBuffer(capacity: 8)
        for value in values {
            buffer.removeAll()
            buffer.reserve(20)
            buffer.appendDecimal(value)
            #expect(String(decoding: buffer.bytes, as: UTF8.self) == String(value))
        }
    }
}
