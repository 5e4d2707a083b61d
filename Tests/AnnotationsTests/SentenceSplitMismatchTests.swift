import Foundation
import Testing
@testable import Annotations

/// Sessions over the same text split into other sentences (made with an older segmenter, or one
/// pre-tokenized): sentence statuses are kept by sentence number, so comparing them would score
/// and merge statuses of different sentences. `agree`, `diff` and `adjudicate` refuse them.
@Suite("Sessions whose documents are split into other sentences")
struct SentenceSplitMismatchTests {
    /// A session whose corpus reference records `tricky` with `sentences` sentences by `segmenter`.
    static func session(_ annotator: String, sentences: Int? = nil, segmenter: String? = nil, tokenization: String? = nil) throws -> Session {
        var reference = CorpusReference(TestCorpus.corpus)
        reference.documents = reference.documents.map { entry in
            guard entry.id == "tricky" else { return entry }
            var entry = entry
            if let sentences { entry.sentences = sentences }
            if let tokenization { entry.tokenization = tokenization }
            return entry
        }
        if let segmenter { reference.segmenter = segmenter }
        var f = AgreementFixture(annotator, corpus: reference)
        try f.status("tricky", 0, .done)
        return f.session
    }

    @Test("another number of sentences: refused naming the document, both counts and the segmenters")
    func otherCount() throws {
        let anna = try Self.session("anna")
        let count = try #require(anna.corpus.documents.first { $0.id == "tricky" }).sentences
        let ben = try Self.session("ben", sentences: count + 1, segmenter: "de-news-0.9")
        #expect {
            try AgreementReport(annotators: ["anna", "ben"], sessions: [anna, ben])
        } throws: { error in
            let text = (error as? AgreementError)?.description ?? ""
            return text.contains("document tricky is split into \(count) sentences in the first and \(count + 1) in the second")
                && text.contains("de-news-0.9") && text.contains("workbench annotate")
        }
    }

    @Test("pre-tokenized in one and segmented in the other: refused")
    func givenAgainstSegmented() throws {
        let anna = try Self.session("anna")
        let ben = try Self.session("ben", tokenization: CorpusReference.DocumentEntry.given)
        #expect(throws: AgreementError.self) { try AgreementReport(annotators: ["anna", "ben"], sessions: [anna, ben]) }
    }

    @Test("the same sentences: compared as before")
    func same() throws {
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [try Self.session("anna"), try Self.session("ben")])
        #expect(report.documents == ["tricky"])
    }
}
