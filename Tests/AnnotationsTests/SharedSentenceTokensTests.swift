import Foundation
import Testing

@testable import Annotations

/// The sentences of a segmented document share one token store (a slot each): each must still get
/// exactly its own tokens, a copy's replaced tokens must not show in the others, and tokens made
/// for one pass must not be kept.
@Suite("Sentence tokens shared per document")
struct SharedSentenceTokensTests {
    static let text = (0..<40).map { "Satz \($0): Die Ministerin sagte „Ja“, e\u{301}r nickte 👍🏽." }.joined(separator: " ")

    @Test("each sentence gets its own tokens from the shared store, whether asked in order, backwards or for one pass")
    func slotsAreTheirOwn() {
        let document = SegmentedDocument(Document(id: "d", rawText: Self.text), sentenceRanges: SentenceSegmenter().sentenceRanges(in: Self.text))
        let sentences = document.sentences
        #expect(sentences.count > 10)
        let reference = sentences.map { SentenceTokens.tokenize(text: $0.text, start: $0.start, followedBySpace: $0.followedBySpace) }
        for (sentence, tokens) in zip(sentences, reference) {
            #expect(sentence.tokensForOnePass == tokens)
            #expect(!sentence.holdsTokens, "one pass keeps nothing")
        }
        for (sentence, tokens) in zip(sentences, reference).reversed() { #expect(sentence.tokens == tokens) }
        #expect(sentences.allSatisfy { $0.holdsTokens })
        for (sentence, tokens) in zip(sentences, reference) { #expect(sentence.tokensForOnePass == tokens) }
    }

    @Test("replacing one sentence's tokens changes that copy only")
    func replacingIsLocal() {
        let document = SegmentedDocument(Document(id: "d", rawText: Self.text), sentenceRanges: SentenceSegmenter().sentenceRanges(in: Self.text))
        var changed = document.sentences[3]
        let before = document.sentences.map(\.tokens)
        changed.tokens = [Token(index: 0, start: changed.start, end: changed.end, text: changed.text, kind: .word, spaceAfter: false)]
        #expect(changed.tokens.count == 1)
        #expect(document.sentences.map(\.tokens) == before)
        #expect(document.sentences[3].tokens.count > 1)
    }
}
