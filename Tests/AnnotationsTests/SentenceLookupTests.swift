import Testing

@testable import Annotations

/// The one sentence lookup by offset, ``SegmentedDocument/firstSentence(endingAfter:)`` and
/// ``SegmentedDocument/sentenceIndex(containing:)``, at the edges of sentences.
@Suite struct SentenceLookupTests {
    /// Three sentences with umlauts, an emoji of several scalars and a combining mark; two spaces
    /// between the first and the second leave a gap of two scalars.
    static let document = SegmentedDocument(Document(
        id: "s", rawText: "Müller sagte 👩\u{200D}👩\u{200D}👧 ja.  Sie meinte q\u{303} nein. Öl fließt."))

    @Test func sentencesOfTheFixture() {
        let sentences = Self.document.sentences
        #expect(sentences.count == 3)
        #expect(sentences[0].start == 0)
        // The gap: the first sentence ends two scalars before the second starts.
        #expect(sentences[1].start == sentences[0].end + 2)
    }

    @Test func offsetAtStartEndAndInside() {
        let sentences = Self.document.sentences
        for (index, sentence) in sentences.enumerated() {
            #expect(Self.document.sentenceIndex(containing: sentence.start) == index)
            #expect(Self.document.sentenceIndex(containing: sentence.end - 1) == index)
            #expect(Self.document.firstSentence(endingAfter: sentence.start) == index)
            #expect(Self.document.firstSentence(endingAfter: sentence.end - 1) == index)
            // The end is exclusive: it belongs to the next sentence (or to none).
            #expect(Self.document.firstSentence(endingAfter: sentence.end) == index + 1)
        }
        // Inside the emoji (a scalar of the middle of the joined sequence) and after the combining mark.
        let emoji = Array(Self.document.document.text.unicodeScalars).firstIndex(of: "\u{200D}") ?? -1
        #expect(Self.document.sentenceIndex(containing: emoji) == 0)
        let mark = Array(Self.document.document.text.unicodeScalars).firstIndex(of: "\u{303}") ?? -1
        #expect(Self.document.sentenceIndex(containing: mark) == 1)
    }

    @Test func offsetInTheGapBetweenSentences() {
        let sentences = Self.document.sentences
        let gap = sentences[0].end
        #expect(Self.document.sentenceIndex(containing: gap) == nil)
        #expect(Self.document.sentenceIndex(containing: gap + 1) == nil)
        #expect(Self.document.firstSentence(endingAfter: gap) == 1)
        #expect(Self.document.firstSentence(endingAfter: gap + 1) == 1)
    }

    @Test func offsetBeforeTheFirstAndPastTheLast() {
        let sentences = Self.document.sentences
        #expect(Self.document.sentenceIndex(containing: -1) == nil)
        #expect(Self.document.firstSentence(endingAfter: -1) == 0)
        let end = sentences[sentences.count - 1].end
        #expect(Self.document.sentenceIndex(containing: end) == nil)
        #expect(Self.document.sentenceIndex(containing: end + 100) == nil)
        #expect(Self.document.firstSentence(endingAfter: end) == sentences.count)
        #expect(Self.document.firstSentence(endingAfter: .max) == sentences.count)
    }

    @Test func emptyDocument() {
        let empty = SegmentedDocument(Document(id: "e", rawText: ""))
        #expect(empty.sentences.isEmpty)
        #expect(empty.sentenceIndex(containing: 0) == nil)
        #expect(empty.firstSentence(endingAfter: 0) == 0)
    }

    /// The callers that used their own searches agree with the one lookup at every offset.
    @Test func callersAgree() {
        let scalars = Self.document.document.text.unicodeScalars.count
        let builder = AnchorBuilder(corpus: SegmentedCorpus(Corpus(documents: [Self.document.document]), documents: [Self.document]))
        for offset in -1...(scalars + 1) {
            #expect(builder.sentenceIndex(in: "s", containing: offset) == Self.document.sentenceIndex(containing: offset))
            let clamped = min(Self.document.firstSentence(endingAfter: offset), Self.document.sentences.count - 1)
            #expect(ExportBundle.sentence(containing: offset, in: Self.document) == clamped)
            #expect(ExportBundle.sentence(containing: offset, ends: Self.document.sentences.map(\.end)) == clamped)
        }
    }
}
