import Foundation
import Testing
@testable import Annotations

/// ``AnchorBuilder/verify(_:)`` compares an anchor's quote with the text at its offsets scalar by
/// scalar, making a string of the text only when they differ: the verdicts and messages are those of
/// comparing the two strings.
@Suite("An anchor's quote checked against the text")
struct AnchorQuoteCheckTests {
    let builder = AnchorBuilder(corpus: TestCorpus.corpus)

    /// The anchor of the first occurrences of `texts` in sentence `sentence` of the tricky document.
    func anchor(_ texts: [String], sentence: Int = 0) throws -> TextAnchor {
        try builder.anchor(document: "tricky", sentence: sentence, segments: texts.map { TestCorpus.segment($0, sentence: sentence) })
    }

    @Test("A quote of one or several segments that matches the text passes; one that differs anywhere is named with the text")
    func verdicts() throws {
        let one = try anchor(["Mark Rutte"])
        #expect(builder.verify(one) == nil)
        let two = try anchor(["Mark Rutte", "handeln"])
        #expect(two.segments.count == 2 && two.text == "Mark Rutte … handeln")
        #expect(builder.verify(two) == nil)
        for (quote, actual) in [
            ("Mark Rutt", "Mark Rutte"), ("Mark Ruttex", "Mark Rutte"), ("Mark Butte", "Mark Rutte"), ("", "Mark Rutte"),
        ] {
            var changed = one
            changed.text = quote
            #expect(builder.verify(changed) == "quote \"\(quote)\" does not match the text \"\(actual)\"")
        }
        for quote in ["Mark Rutte handeln", "Mark Rutte … handelt", "Mark Rutte … handeln …", "Mark Rutte"] {
            var changed = two
            changed.text = quote
            #expect(builder.verify(changed) == "quote \"\(quote)\" does not match the text \"Mark Rutte … handeln\"")
        }
    }

    @Test("A quote that is the text in other scalars of the same characters (decomposed) passes, as the strings compare equal")
    func canonicallyEquivalentQuote() throws {
        let sentence = try #require(TestCorpus.corpus.document(id: "tricky")?.sentences.firstIndex { $0.text.contains("Café mit") })
        var cafe = try anchor(["Café mit"], sentence: sentence)
        #expect(builder.verify(cafe) == nil)
        cafe.text = "Cafe\u{301} mit"
        #expect(Array(cafe.text.unicodeScalars) != Array("Café mit".unicodeScalars))
        #expect(builder.verify(cafe) == nil)
    }
}
