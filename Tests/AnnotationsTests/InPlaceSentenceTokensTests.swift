import Foundation
import Testing

@testable import Annotations

/// The exports tokenize each sentence in place in its document's UTF-8 bytes, with the tokens' texts
/// taken from the same bytes: the tokens must be exactly those of the sentence's own tokenizing and
/// of the tokenizer run over the document's scalars, for any text, and a sentence whose text is not
/// its document's falls back to its own.
@Suite("Sentence tokens made in place in the document")
struct InPlaceSentenceTokensTests {
    static let texts = [
        "Die Ministerin sagte: „Wir prüfen das.“ Er nickte 👍🏽, dann ging e\u{301}r. Dr. Müller (CDU) widersprach…",
        "„Nein“, sagte sie.\nDer 3. Oktober ist ein Feiertag. Siehe https://tagesschau.de/inland. 🇪🇺 und 👨‍👩‍👧!",
        "Kein Satzende am Schluss, ohne Punkt",
        "Ende mit Leerzeichen.  ",
        "\u{00A0}Öl, Äpfel\u{2009}und Übermut: z.B. 10.000 € am 21.10.2024 um 15:30 – geht's? a\u{0308}\u{0301}b",
        "e\u{301}",
        "",
    ]

    /// The bounds of a sentence's tokens made in place in its document's bytes (nil when not made
    /// in place), as the exports make them.
    static func boundsInPlace(_ sentence: Sentence, bytes: [UInt8], index: ExportScalarIndex, window: inout ScalarWindow) -> [TokenBounds]? {
        var bounds: [TokenBounds] = []
        let made = bytes.withUnsafeBufferPointer { document in
            sentence.tokenBoundsForOnePass(
                inBytes: document, scalarCount: index.scalarCount, utf8Start: index.utf8Offset(ofScalar: sentence.start, in: document),
                window: &window, bounds: &bounds)
        }
        return made ? bounds : nil
    }

    /// The tokens of each sentence made in place, with their texts from the document's bytes.
    static func inPlace(_ document: SegmentedDocument) -> [[Token]] {
        let bytes = Array(document.document.text.utf8)
        let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
        var window = ScalarWindow()
        return document.sentences.map { sentence in
            guard let bounds = boundsInPlace(sentence, bytes: bytes, index: index, window: &window) else { return sentence.tokensForOnePass }
            return bytes.withUnsafeBufferPointer { document in
                SentenceTokens.tokens(bounds, base: document.baseAddress!, utf8Offset: window.utf8Offset(ofScalar:))
            }
        }
    }

    /// Documents with umlauts, „“, emoji sequences, flags, combining marks, CR LF, NEL, tabs and
    /// other whitespace, followed by every document of the seeds.
    static func documents() throws -> [Document] {
        var documents = texts.enumerated().map { Document(id: "t\($0.offset)", rawText: $0.element) } + [
            Document(id: "crlf", rawText: "Er sagte:\r\n„Nein.“\r\nSie\tnickte.\r\n\r\nDann\u{0085}ging sie. Zeile\u{2028}zwei\u{000B}drei\u{000C}."),
            Document(id: "emoji", rawText: "👨‍👩‍👧‍👦 und 🏳️‍🌈, 🇩🇪🇪🇺🇫🇷! 👍🏽👍🏿 ✌️ 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 sagte 👩‍🔬: „Ja“. e\u{301}\u{327}\u{308} a\u{20DD} ﬁ 𝔘𝔫𝔦 𠀋."),
            Document(id: "marks", rawText: "\u{301}Anfang mit Zeichen. Ärger ü\u{0308}ber O\u{0308}l\u{200D}\u{200C}en.\u{00A0}\u{3000}Ende\u{202F}…"),
        ]
        let seeds = WorkbenchSeeds.folder
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(!names.isEmpty, "the seeds are read")
        for name in names { documents += try CorpusLoader().loadFile(seeds + "/" + name) }
        return documents
    }

    @Test("token bounds read from the document's bytes equal the tokenizer's over the document's scalars, seeds included")
    func bytesSameAsScalars() throws {
        var compared = 0
        for source in try Self.documents() {
            let document = SegmentedDocument(source)
            let scalars = Array(document.document.text.unicodeScalars)
            let bytes = Array(document.document.text.utf8)
            let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
            var window = ScalarWindow()
            for sentence in document.sentences {
                // What the exports read before: the tokenizer over the document's decoded scalars.
                var expected: [TokenBounds] = []
                scalars.withUnsafeBufferPointer { Tokenizer().tokenBounds(in: $0, range: sentence.start..<sentence.end, into: &expected) }
                let read = Self.boundsInPlace(sentence, bytes: bytes, index: index, window: &window)
                #expect(read == expected, "\(source.id) #\(sentence.index)")
                // The window holds the sentence's scalars and the one after it, at their bytes.
                #expect(window.start == sentence.start && window.end == min(sentence.end + 1, scalars.count))
                for offset in window.start..<window.end {
                    #expect(window[offset] == scalars[offset])
                    #expect(window.utf8Offset(ofScalar: offset) == String(String.UnicodeScalarView(scalars[..<offset])).utf8.count)
                }
                compared += expected.count
            }
        }
        #expect(compared > 1000)
    }

    @Test("tokens made in place equal the sentence's own tokens (umlauts, „“, emoji, combining marks, line breaks)")
    func sameTokens() {
        for text in Self.texts {
            let document = SegmentedDocument(Document(id: "d", rawText: text), sentenceRanges: SentenceSegmenter().sentenceRanges(in: text))
            let fresh = document.sentences.map { SentenceTokens.tokenize(text: $0.text, start: $0.start, followedBySpace: $0.followedBySpace) }
            #expect(Self.inPlace(document) == fresh, "\(text)")
            #expect(document.sentences.allSatisfy { !$0.holdsTokens }, "one pass keeps nothing")
        }
    }

    @Test("random sentence ranges over random text give the same tokens both ways")
    func randomRanges() {
        let pieces = ["Wort", " ", "„", "“", "Über", "e\u{301}", "👍🏽", ".", ",", "Dr.", "3.", "\n", "-", "z.B.", "\u{00A0}", "😀", "www.x.de", "'s"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let count = text.unicodeScalars.count
            var cuts = Set([0, count])
            for _ in 0..<Int.random(in: 0...4, using: &generator) { cuts.insert(Int.random(in: 0...count, using: &generator)) }
            let sorted = cuts.sorted()
            let ranges = zip(sorted, sorted.dropFirst()).map { $0..<$1 }
            let document = SegmentedDocument(Document(id: "d", rawText: text), sentenceRanges: ranges)
            let fresh = document.sentences.map { SentenceTokens.tokenize(text: $0.text, start: $0.start, followedBySpace: $0.followedBySpace) }
            #expect(Self.inPlace(document) == fresh, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(ranges)")
        }
    }

    @Test("a sentence whose text is not its document's, or that holds its tokens, keeps its own tokens")
    func mismatchFallsBack() {
        let text = "Die Ministerin sagte „Ja“. Er nickte."
        let bytes = Array(text.utf8)
        let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
        var window = ScalarWindow()
        let foreign = Sentence(documentID: "d", index: 0, start: 0, end: 25, text: "Der Minister sagte „Nein“", followedBySpace: true)
        #expect(Self.boundsInPlace(foreign, bytes: bytes, index: index, window: &window) == nil)
        let given = [Token(index: 0, start: 0, end: 25, text: "Die Ministerin sagte „Ja“", kind: .word, spaceAfter: false)]
        let held = Sentence(documentID: "d", index: 0, start: 0, end: 25, text: "Die Ministerin sagte „Ja“", tokens: given)
        #expect(Self.boundsInPlace(held, bytes: bytes, index: index, window: &window) == nil)
        let outside = Sentence(documentID: "d", index: 0, start: 30, end: 60, text: "zu weit", followedBySpace: false)
        #expect(Self.boundsInPlace(outside, bytes: bytes, index: index, window: &window) == nil)
        let noSpace = Sentence(documentID: "d", index: 0, start: 0, end: 26, text: "Die Ministerin sagte „Ja“.", followedBySpace: false)
        #expect(Self.boundsInPlace(noSpace, bytes: bytes, index: index, window: &window) == nil)
        let matching = Sentence(documentID: "d", index: 0, start: 0, end: 26, text: "Die Ministerin sagte „Ja“.", followedBySpace: true)
        #expect(Self.boundsInPlace(matching, bytes: bytes, index: index, window: &window)?.count == 7)
    }
}
