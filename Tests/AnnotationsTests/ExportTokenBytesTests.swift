import Foundation
import Testing
@testable import Annotations

/// The token formats read tokens made in place as bounds and byte ranges of the document
/// (``ExportToken``); they must be the tokens the `Token` path gives, with the same texts.
@Suite("Export tokens read from the document's bytes")
struct ExportTokenBytesTests {
    static let texts = [
        "„Wir müssen handeln“, sagte NATO-Generalsekretär Mark Rutte am 3. Okt. 2024 in Brüssel. Er fügte hinzu: 10\u{00A0}000 Soldaten.",
        "Die Forscherin 👩‍🔬 Anna Mu\u{0308}ller 🇪🇺 erklärte – etwa um 9\u{2009}Uhr –, die Lage sei ernst … 👍🏽 Siehe https://example.org/a?b=c.",
        "Er sagte\u{2028}nichts. Zeile\neins und\tzwei; Preis: 3,5\u{202F}% (vgl. S.\u{00A0}12).",
        "Kurz. Ä. Ö! Ü? ß-Straße, z.\u{2002}B. „Zitat“ ‹innen› «außen».",
    ]

    /// Offsets cut from a small linear congruential sequence (the same every run).
    static func boundaries(_ sentence: Sentence, seed: Int) -> [Int] {
        var state = UInt64(seed + 1)
        var cuts: [Int] = []
        for _ in 0..<6 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            cuts.append(sentence.start + Int(state >> 33) % max(1, sentence.end - sentence.start + 2) - 1)
        }
        return cuts
    }

    @Test("Tokens read in place equal the Token values (offsets, spaces after, texts), with and without boundaries")
    func sameAsTokenValues() throws {
        let documents = Self.texts.enumerated().map { Document(id: "d\($0.offset)", rawText: $0.element) } + [ExportFixture.tricky, ExportFixture.plain]
        let corpus = SegmentedCorpus(Corpus(documents: documents, paths: ["t"]))
        var compared = 0
        for document in corpus.documents {
            let bytes = Array(document.document.text.utf8)
            let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
            let scalars = Array(document.document.text.unicodeScalars)
            var scratch = ExportTokens.Scratch()
            for sentence in document.sentences {
                let every = Array(sentence.start...sentence.end)
                let cases: [(seed: Int, cuts: [Int])] = [
                    (0, []), (1, every), (2, [sentence.start, sentence.end]), (3, Self.boundaries(sentence, seed: sentence.index)),
                ]
                for (seed, cuts) in cases {
                    let read = ExportTokens.tokens(of: sentence, index: index, bytes: bytes, scratch: &scratch, splittingAt: cuts)
                    let values = Self.tokenValues(sentence.tokensForOnePass, scalars: scalars, splittingAt: cuts)
                    #expect(read.map(\.start) == values.map(\.start), "\(document.document.id) #\(sentence.index) cuts \(seed)")
                    #expect(read.map(\.end) == values.map(\.end))
                    #expect(read.map(\.spaceAfter) == values.map(\.spaceAfter))
                    #expect(read.map { $0.text(in: bytes) } == values.map(\.text))
                    if seed == 0 { #expect(read.allSatisfy { $0.own == nil }, "\(document.document.id) #\(sentence.index)") }
                    compared += read.count
                }
            }
        }
        #expect(compared > 400)
    }

    @Test("A sentence holding its tokens gives them with their own texts, cut at whitespace")
    func heldTokens() {
        let text = "Sie sagte New York."
        let tokens = [
            Token(index: 0, start: 0, end: 3, text: "Sie", kind: .word, spaceAfter: true),
            Token(index: 1, start: 4, end: 9, text: "sagte", kind: .word, spaceAfter: true),
            Token(index: 2, start: 10, end: 18, text: "New York", kind: .word, spaceAfter: false),
            Token(index: 3, start: 18, end: 19, text: ".", kind: .punctuation, spaceAfter: false),
        ]
        let sentence = Sentence(documentID: "d", index: 0, start: 0, end: 19, text: text, tokens: tokens)
        var scratch = ExportTokens.Scratch()
        let bytes = Array(text.utf8)
        let read = ExportTokens.tokens(of: sentence, index: bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }, bytes: bytes, scratch: &scratch)
        #expect(read.map { $0.text(in: Array(text.utf8)) } == ["Sie", "sagte", "New", "York", "."])
        #expect(read.allSatisfy { $0.own != nil })
        #expect(read.map(\.spaceAfter) == [true, true, true, false, false])
    }

    /// The tokens cut at whitespace and at `cuts`, worked out on their own from the document's
    /// `scalars`: the reference for the tokens the exports read.
    static func tokenValues(_ tokens: [Token], scalars: [Unicode.Scalar], splittingAt cuts: [Int]) -> [Token] {
        var result: [Token] = []
        for token in tokens {
            var start = token.start
            for offset in token.start...token.end {
                let atEnd = offset == token.end
                let isSpace = !atEnd && scalars[offset].properties.isWhitespace
                let isCut = !atEnd && offset > token.start && cuts.contains(offset)
                guard atEnd || isSpace || isCut else { continue }
                if offset > start {
                    let spaceAfter = atEnd ? token.spaceAfter : scalars[offset].properties.isWhitespace
                    result.append(Token(
                        index: result.count, start: start, end: offset, text: String(String.UnicodeScalarView(scalars[start..<offset])),
                        kind: token.kind, spaceAfter: spaceAfter))
                }
                start = isSpace ? offset + 1 : offset
            }
        }
        return result
    }
}
