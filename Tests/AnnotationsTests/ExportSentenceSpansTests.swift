import Testing
@testable import Annotations

/// The per-sentence span lists of a document (one flat array) and the token and piece buffers
/// reused from sentence to sentence give what fresh per-sentence arrays gave.
@Suite("Export spans per sentence and reused buffers")
struct ExportSentenceSpansTests {
    /// Per sentence, the spans touching it, the way the lists were made before: one array each.
    static func naive(_ bundle: ExportBundle, document: Int) -> [[Int]] {
        let sentences = bundle.documents[document].sentences
        return sentences.map { sentence in
            bundle.spans[document].indices.filter { index in
                let span = bundle.spans[document][index]
                return span.start < sentence.end && span.end > sentence.start
            }
        }
    }

    @Test("Each sentence's spans are those overlapping it, in span order (spans running over sentence ends too)")
    func sameAsPerSentenceArrays() throws {
        let bundle = try ExportFixture.bundle()
        var touched = 0
        for document in bundle.documents.indices {
            let flat = ExportSentenceSpans(bundle, document: document)
            let expected = Self.naive(bundle, document: document)
            for sentence in expected.indices {
                #expect(Array(flat[sentence]) == expected[sentence], "document \(document) sentence \(sentence)")
                touched += expected[sentence].count
            }
        }
        #expect(touched > 0)
    }

    @Test("Tokens and pieces written into buffers reused over a document equal fresh ones")
    func reusedBuffers() throws {
        let bundle = try ExportFixture.bundle()
        for document in bundle.documents.indices {
            let sentences = bundle.documents[document].sentences
            let index = bundle.scalarIndex[document]
            let bytes = bundle.bytes[document]
            let flat = ExportSentenceSpans(bundle, document: document)
            var scratch = ExportTokens.Scratch(), tokens: [ExportToken] = [], pieces: [ExportTokens.Piece] = []
            // Longest first, so that a shorter sentence follows a longer one in the reused buffers.
            for sentenceIndex in sentences.indices.sorted(by: { sentences[$0].text.count > sentences[$1].text.count }) {
                let sentence = sentences[sentenceIndex]
                for cuts in [[], Array(sentence.start...sentence.end)] {
                    ExportTokens.tokens(of: sentence, index: index, bytes: bytes, scratch: &scratch, splittingAt: cuts, into: &tokens)
                    var other = ExportTokens.Scratch()
                    let fresh = ExportTokens.tokens(of: sentence, index: index, bytes: bytes, scratch: &other, splittingAt: cuts)
                    #expect(tokens == fresh, "document \(document) sentence \(sentenceIndex)")
                }
                for session in [nil, 0, 1] as [Int?] {
                    ExportTokens.pieces(in: bundle, document: document, sentence: sentence, from: flat[sentenceIndex], session: session, into: &pieces)
                    var expected: [ExportTokens.Piece] = []
                    for index in flat[sentenceIndex] where session == nil || bundle.spans[document][index].session == session {
                        for (number, segment) in bundle.spans[document][index].segments.enumerated() {
                            let start = max(segment.start, sentence.start), end = min(segment.end, sentence.end)
                            if start < end { expected.append((index, number, SpanSegment(start: start, end: end))) }
                        }
                    }
                    #expect(pieces.map(\.span) == expected.map(\.span))
                    #expect(pieces.map(\.segment) == expected.map(\.segment))
                    #expect(pieces.map(\.range) == expected.map(\.range))
                }
            }
        }
    }
}
