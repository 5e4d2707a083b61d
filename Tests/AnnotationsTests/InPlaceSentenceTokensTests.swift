import Foundation
import Testing

@testable import Annotations

/// The exports tokenize each sentence in place in its document's scalars, with the tokens' texts
/// taken from the document's bytes: the tokens must be exactly those of the sentence's own
/// tokenizing, for any text, and a sentence whose text is not its document's falls back to its own.
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

    static func inPlace(_ document: SegmentedDocument) -> [[Token]] {
        let table = OffsetTable(document.document.text)
        let bytes = Array(document.document.text.utf8)
        var bounds: [TokenBounds] = []
        return document.sentences.map { $0.tokensForOnePass(in: table, bytes: bytes, bounds: &bounds) }
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
        let table = OffsetTable(text)
        let bytes = Array(text.utf8)
        var bounds: [TokenBounds] = []
        let foreign = Sentence(documentID: "d", index: 0, start: 0, end: 25, text: "Der Minister sagte „Nein“", followedBySpace: true)
        #expect(foreign.tokensForOnePass(in: table, bytes: bytes, bounds: &bounds) == foreign.tokensForOnePass)
        let given = [Token(index: 0, start: 0, end: 25, text: "Die Ministerin sagte „Ja“", kind: .word, spaceAfter: false)]
        let held = Sentence(documentID: "d", index: 0, start: 0, end: 25, text: "Die Ministerin sagte „Ja“", tokens: given)
        #expect(held.tokensForOnePass(in: table, bytes: bytes, bounds: &bounds) == given)
        let outside = Sentence(documentID: "d", index: 0, start: 30, end: 60, text: "zu weit", followedBySpace: false)
        #expect(outside.tokensForOnePass(in: table, bytes: bytes, bounds: &bounds) == outside.tokensForOnePass)
    }
}
