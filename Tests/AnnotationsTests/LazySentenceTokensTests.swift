import Foundation
import Testing

@testable import Annotations

@Suite("Lazy sentence tokens")
struct LazySentenceTokensTests {
    /// Tokens as the whole document gives them: the reference the lazy tokens must equal.
    private static func eagerTokens(_ document: Document) -> [[Token]] {
        let scalars = Array(document.text.unicodeScalars)
        return SentenceSegmenter().sentenceRanges(in: document.text).map { Tokenizer().tokens(in: scalars, range: $0) }
    }

    @Test("tokens made on first use equal tokenizing inside the document, seeds included")
    func sameAsEager() throws {
        var documents = [
            Document(id: "a", rawText: "Der Minister sagte: „Wir prüfen das.“ Dann ging er. 🇪🇺 Emoji 👍🏽 hier!  Noch e\u{301}in Satz …"),
            Document(id: "b", rawText: "Am 21. Oktober 2024 sagte Dr. Müller (CDU), z.B. 10.000 € – „nein“.\nZeile zwei\n\n  Zeile drei  "),
            Document(id: "c", rawText: "Kein Punkt am Ende"),
        ]
        let seeds = WorkbenchSeeds.folder
        if let names = try? FileManager.default.contentsOfDirectory(atPath: seeds) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                documents += try CorpusLoader().loadFile(seeds + "/" + name)
            }
        }
        for document in documents {
            let segmented = SegmentedDocument(document)
            let eager = Self.eagerTokens(document)
            #expect(segmented.sentences.count == eager.count)
            for (sentence, tokens) in zip(segmented.sentences, eager) {
                #expect(sentence.tokens == tokens, "\(document.id) sentence \(sentence.index)")
                #expect(sentence.text == String(String.UnicodeScalarView(Array(document.text.unicodeScalars)[sentence.start..<sentence.end])))
            }
        }
    }

    @Test("many threads asking for the same sentence's tokens and offset table at once all get the one result")
    func concurrentFirstUse() async throws {
        let text = (0..<200).map { "Satz \($0) mit „Zitat“ und Ümläut 👍🏽, sagte e\u{301}r." }.joined(separator: " ")
        let segmented = SegmentedCorpus(Corpus(documents: [Document(id: "t", rawText: text)]))
        let builder = AnchorBuilder(corpus: segmented)
        let sentences = segmented.documents[0].sentences
        let reference = sentences.map { SentenceTokens.tokenize(text: $0.text, start: $0.start, followedBySpace: $0.followedBySpace) }
        let counts = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [Int] = []
                    for sentence in sentences { seen.append(sentence.tokens.count) }
                    seen.append(builder.table("t")?.scalarCount ?? -1)
                    return seen
                }
            }
            var all: [[Int]] = []
            for await counts in group { all.append(counts) }
            return all
        }
        let expected = reference.map(\.count) + [segmented.documents[0].document.text.unicodeScalars.count]
        #expect(counts.count == 8)
        for seen in counts { #expect(seen == expected) }
    }

    @Test("setting tokens replaces them; coding keeps them")
    func setAndCode() throws {
        var sentence = SegmentedDocument(Document(id: "d", rawText: "Sie sagte „ja“. Er nicht.")).sentences[0]
        let original = sentence.tokens
        let decoded = try JSONDecoder().decode(Sentence.self, from: JSONEncoder().encode(sentence))
        #expect(decoded == sentence)
        #expect(decoded.tokens == original)
        sentence.tokens = Array(original.prefix(1))
        #expect(sentence.tokens.count == 1)
        #expect(sentence != decoded)
    }
}

/// Where the seed corpus is, from this file.
enum WorkbenchSeeds {
    static let folder: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path
}
