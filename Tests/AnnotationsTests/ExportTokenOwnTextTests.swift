import Foundation
import Testing
@testable import Annotations

/// ``ExportToken`` holds no reference (the token formats copy and empty token lists sentence after
/// sentence without a retain or release per token); a token the sentence gave whose text is not
/// the document's bytes where it stands keeps its text in its list's own-text store, and every
/// token format writes that text.
@Suite("Export tokens: own texts kept beside the tokens")
struct ExportTokenOwnTextTests {
    static let text = "Sie sagte New York."

    /// A sentence holding its tokens: "sagt" over the document's "sagte" (not the document's
    /// bytes there), "New York" (cut at its space), and a token past the document's end.
    static func heldSentence(withTokenPastTheEnd: Bool = false) -> Sentence {
        var tokens = [
            Token(index: 0, start: 0, end: 3, text: "Sie", kind: .word, spaceAfter: true),
            Token(index: 1, start: 4, end: 9, text: "sagt", kind: .word, spaceAfter: true),
            Token(index: 2, start: 10, end: 18, text: "New York", kind: .word, spaceAfter: false),
            Token(index: 3, start: 18, end: 19, text: ".", kind: .punctuation, spaceAfter: false),
        ]
        if withTokenPastTheEnd { tokens.append(Token(index: 4, start: 19, end: 23, text: "mehr", kind: .word, spaceAfter: false)) }
        return Sentence(documentID: "d", index: 0, start: 0, end: 19, text: text, tokens: tokens)
    }

    @Test("An export token holds no reference")
    func noReference() {
        #expect(_isPOD(ExportToken.self))
    }

    @Test("Given texts that are the document's bytes are read there; others are kept in the store")
    func givenTexts() {
        let bytes = Array(Self.text.utf8)
        let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
        for pastTheEnd in [false, true] {
            var scratch = ExportTokens.Scratch()
            let read = ExportTokens.tokens(of: Self.heldSentence(withTokenPastTheEnd: pastTheEnd), index: index, bytes: bytes, scratch: &scratch)
            let expected = ["Sie", "sagt", "New", "York", "."] + (pastTheEnd ? ["mehr"] : [])
            #expect(read.map { $0.text(in: bytes, stored: scratch.ownText) } == expected)
            #expect(read.map(\.isInDocument) == [true, false, true, true, true] + (pastTheEnd ? [false] : []))
            #expect(read.allSatisfy { $0.own != nil })
            #expect(String(decoding: scratch.ownText, as: UTF8.self) == (pastTheEnd ? "sagtmehr" : "sagt"))
            // The store is emptied with the tokens: a sentence made in place after it keeps none.
            let plain = SegmentedDocument(Document(id: "p", rawText: "Er kam."))
            let plainBytes = Array(plain.document.text.utf8)
            let plainIndex = plainBytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
            let next = ExportTokens.tokens(of: plain.sentences[0], index: plainIndex, bytes: plainBytes, scratch: &scratch)
            #expect(next.map { $0.text(in: plainBytes) } == ["Er", "kam", "."])
            #expect(scratch.ownText.isEmpty)
        }
    }

    /// A bundle of one document whose second sentence holds the tokens of ``heldSentence(withTokenPastTheEnd:)``
    /// (moved to its place), after a sentence made in place.
    static func bundle() throws -> ExportBundle {
        let full = "Er kam. " + text
        var document = SegmentedDocument(Document(id: "d", rawText: full))
        #expect(document.sentences.count == 2)
        let tokens = [
            Token(index: 0, start: 8, end: 11, text: "Sie", kind: .word, spaceAfter: true),
            Token(index: 1, start: 12, end: 17, text: "sagt", kind: .word, spaceAfter: true),
            Token(index: 2, start: 18, end: 26, text: "New York", kind: .word, spaceAfter: false),
            Token(index: 3, start: 26, end: 27, text: ".", kind: .punctuation, spaceAfter: false),
        ]
        document.sentences[1] = Sentence(documentID: "d", index: 1, start: 8, end: 27, text: text, tokens: tokens)
        let corpus = SegmentedCorpus(Corpus(documents: [document.document], paths: ["fixture"]), documents: [document])
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-12-06T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: corpus)
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Sie"))), time: "t")
        try session.perform(.add(.mention(Mention(
            id: "M1", anchor: try builder.anchor(document: "d", sentence: 1, segments: [SpanSegment(start: 8, end: 11)]), speaker: "S1"))), time: "t")
        return try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
    }

    @Test("Every token format writes a given token's own text", arguments: [ExportFormat.jsonl, .conllu, .iob, .webanno, .spkatt])
    func formatsWriteOwnTexts(format: ExportFormat) throws {
        let bundle = try Self.bundle()
        var out = ExportOutput()
        format.exporter.write(bundle, to: &out)
        let written = out.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
        let sagt: String
        switch format {
        case .jsonl: sagt = #"{"text":"sagt","start":4,"end":9"#
        case .conllu: sagt = "2\tsagt\t"
        case .iob: sagt = "\nsagt "
        case .webanno: sagt = "\tsagt\t"
        default: sagt = #""sagt""#
        }
        #expect(written.contains(sagt), "\(written)")
    }
}
