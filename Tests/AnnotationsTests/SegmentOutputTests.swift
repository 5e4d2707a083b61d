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

    @Test func jsonLinesMatchTheSentenceValues() throws {
        for document in Self.documents {
            var bytes: [UInt8] = []
            SegmentOutput.appendJSONLines(of: document, to: &bytes, tokens: .full)
            let sentences = SegmentedDocument(document).sentences
            let expected = sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined()
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(document.id)")
            for format in SegmentTokenFormat.allCases {
                try Self.expectRecords(of: document, format, equal: sentences, "\(document.id)")
            }
        }
    }

    /// Checks the hand-written records of `document` in `format` against the Codable definition:
    /// each line decodes with `JSONDecoder` to the ``SegmentRecord`` of its sentence, the sentence's
    /// part of the line is the same bytes in every format, and `JSONEncoder`'s encoding of the
    /// record decodes to the same record.
    static func expectRecords(
        of document: Document, _ format: SegmentTokenFormat, equal sentences: [Sentence], _ context: String
    ) throws {
        var bytes: [UInt8] = [], full: [UInt8] = []
        SegmentOutput.appendJSONLines(of: document, to: &bytes, tokens: format)
        SegmentOutput.appendJSONLines(of: document, to: &full, tokens: .full)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        let fullLines = full.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(bytes.last == 0x0A || bytes.isEmpty, "\(format) \(context)")
        #expect(lines.count == sentences.count, "\(format) \(context)")
        for ((line, fullLine), sentence) in zip(zip(lines, fullLines), sentences) {
            let expected = SegmentRecord(sentence, tokens: format)
            let decoded = try JSONDecoder().decode(SegmentRecord.self, from: Data(line))
            #expect(decoded == expected, "\(format) \(context): \(String(decoding: line, as: UTF8.self))")
            #expect(decoded.tokens.map(\.text) == (format == .none ? [] : sentence.tokens.map(\.text)), "\(format) \(context)")
            let roundTrip = try JSONDecoder().decode(SegmentRecord.self, from: JSONEncoder().encode(expected))
            #expect(roundTrip == expected, "\(format) \(context)")
            // Up to the tokens (document, index, offsets, escaped text) every form writes the same bytes.
            let head = Array(fullLine)
            let cut = try #require(Self.tokensKeyOffset(in: head), "\(context)")
            #expect(Array(line.prefix(cut)) == Array(head.prefix(cut)), "\(format) \(context)")
        }
    }

    /// Where `,"tokens":` starts in a record: its first occurrence, since inside the escaped id and
    /// text every `"` follows a backslash.
    static func tokensKeyOffset(in line: [UInt8]) -> Int? {
        let key = Array(",\"tokens\":".utf8)
        guard line.count >= key.count else { return nil }
        return (0...(line.count - key.count)).first { line[$0..<$0 + key.count].elementsEqual(key) }
    }

    @Test func bothFormatsMatchOnTheSeeds() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = try CorpusLoader().load(paths: [root.appendingPathComponent("seeds").path])
        for document in corpus.documents {
            let sentences = SegmentedDocument(document).sentences
            var lines: [UInt8] = [], json: [UInt8] = []
            SegmentOutput.appendLines(of: document, to: &lines)
            SegmentOutput.appendJSONLines(of: document, to: &json, tokens: .full)
            #expect(String(decoding: lines, as: UTF8.self) == sentences.map { Self.collapsedByCharacters($0.text) + "\n" }.joined())
            #expect(String(decoding: json, as: UTF8.self) == sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined())
            for format in SegmentTokenFormat.allCases { try Self.expectRecords(of: document, format, equal: sentences, document.id) }
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

    @Test("jsonl written by hand (offsets, full, none) decodes with JSONDecoder to the SegmentRecord of each sentence, on random text")
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
            SegmentOutput.appendJSONLines(of: document, to: &bytes, tokens: .full)
            let expected = sentences.map { SentenceJSON.line(for: $0) + "\n" }.joined()
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "seed \(seed) round \(round): \(raw.debugDescription)")
            for format in SegmentTokenFormat.allCases {
                try Self.expectRecords(of: document, format, equal: sentences, "seed \(seed) round \(round): \(raw.debugDescription)")
                // In pieces of any size the bytes are the same, cut only after whole records.
                var whole: [UInt8] = [], pieces: [UInt8] = []
                SegmentOutput.appendJSONLines(of: document, to: &whole, tokens: format)
                SegmentOutput.writeJSONLines(of: document, tokens: format, chunk: Int.random(in: 1...300, using: &generator)) { piece in
                    #expect(piece.last == 0x0A, "seed \(seed) round \(round)")
                    pieces.append(contentsOf: piece)
                }
                #expect(pieces == whole, "\(format) seed \(seed) round \(round)")
            }
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
