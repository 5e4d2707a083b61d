import Foundation
import Testing

@testable import Annotations

@Suite("Segmentation cache")
struct SegmentationCacheTests {
    private static func corpus() -> Corpus {
        Corpus(
            documents: [
                Document(id: "a", rawText: "Der Minister sagte: „Wir prüfen das.“ Dann ging er. 🇪🇺 Emoji 👍🏽 hier!"),
                Document(id: "b", rawText: "Am 21. Oktober sagte Dr. Müller, z.B. 10.000 € – „nein“.\nZeile zwei e\u{301}"),
                Document(id: "c", rawText: "Kein Punkt am Ende"),
            ], paths: ["corpus-\(UUID().uuidString)"])
    }

    private static func cache() -> SegmentationCache {
        SegmentationCache(folder: NSTemporaryDirectory() + "segmentation-cache-\(UUID().uuidString)")
    }

    @Test("the second run takes every document from the cache and gives the same sentences and tokens")
    func reuse() {
        let corpus = Self.corpus(), cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        let fresh = SegmentedCorpus(corpus)
        let (first, firstOutcome) = cache.segment(corpus)
        #expect(firstOutcome == .init(reused: 0, segmented: 3, wrote: true))
        let (second, secondOutcome) = cache.segment(corpus)
        #expect(secondOutcome == .init(reused: 3, segmented: 0, wrote: false))
        #expect(first == fresh)
        #expect(second == fresh)
        #expect(second.documents.flatMap(\.sentences).map(\.tokens) == fresh.documents.flatMap(\.sentences).map(\.tokens))
    }

    @Test("a changed document is segmented again and the pack rewritten")
    func changedDocument() {
        var corpus = Self.corpus()
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        _ = cache.segment(corpus)
        corpus.documents[1] = Document(id: "b", rawText: "Ganz neu. Zwei Sätze.")
        let (segmented, outcome) = cache.segment(corpus)
        #expect(outcome == .init(reused: 2, segmented: 1, wrote: true))
        #expect(segmented == SegmentedCorpus(corpus))
    }

    @Test("corrupt, truncated, foreign or other-version packs are ignored and rewritten", arguments: [0, 1, 2, 3])
    func corruptPack(kind: Int) throws {
        let corpus = Self.corpus(), cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        _ = cache.segment(corpus)
        let path = cache.packPath(for: corpus.paths)
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        switch kind {
        case 0: bytes[bytes.count - 20] ^= 0xFF  // a range of the last entry: its checksum fails
        case 1: bytes.removeLast(13)  // truncated
        case 2: bytes = Array("{\"not\": \"a pack\"}".utf8)  // foreign
        default:  // another segmenter version
            let version = Array(SentenceSegmenter.version.utf8)
            let at = SegmentationCache.magic.count + 4
            #expect(Array(bytes[at..<at + version.count]) == version)
            bytes[at + version.count - 1] ^= 0x01
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (segmented, outcome) = cache.segment(corpus)
        #expect(outcome.segmented >= 1)
        #expect(outcome.wrote)
        #expect(segmented == SegmentedCorpus(corpus))
        #expect(cache.segment(corpus).1 == .init(reused: 3, segmented: 0, wrote: false))
    }

    @Test("an entry whose ranges do not fit the text is not used")
    func rangesOutsideText() throws {
        let corpus = Self.corpus(), cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        let entries = corpus.documents.map { ($0.fingerprint, [0..<10_000]) }
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        try Data(SegmentationCache.encode(entries)).write(to: URL(fileURLWithPath: cache.packPath(for: corpus.paths)))
        let (segmented, outcome) = cache.segment(corpus)
        #expect(outcome == .init(reused: 0, segmented: 3, wrote: true))
        #expect(segmented == SegmentedCorpus(corpus))
    }

    @Test("the cache folder follows WORKBENCH_CACHE_DIR, then XDG_CACHE_HOME, then HOME")
    func folder() {
        #expect(SegmentationCache.standard(environment: ["WORKBENCH_CACHE_DIR": "/x", "HOME": "/h"])?.folder == "/x/segmentation")
        #expect(SegmentationCache.standard(environment: ["WORKBENCH_CACHE_DIR": ""]) == nil)
        #expect(SegmentationCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.folder == "/c/workbench/segmentation")
        #expect(SegmentationCache.standard(environment: ["HOME": "/h"])?.folder == "/h/.cache/workbench/segmentation")
    }

    @Test("sentences cut from cached ranges hold the text's scalars at those offsets; thousands of documents keep their order")
    func manyDocumentsFromRanges() {
        let texts = [
            "Der Minister sagte: „Wir prüfen das.“ Dann ging er. 🇪🇺 Emoji 👍🏽 hier!",
            "Am 21. Oktober sagte Dr. Müller, z.B. 10.000 € – „nein“.\nZeile zwei e\u{301} Café\u{0301}.\u{00A0}Ende",
            "Kein Punkt am Ende",
        ]
        let documents = (0..<5_000).map { Document(id: "d\($0)", rawText: texts[$0 % texts.count] + " Nummer \($0). ") }
        let corpus = Corpus(documents: documents, paths: ["corpus-\(UUID().uuidString)"])
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(atPath: cache.folder) }
        _ = cache.segment(corpus)
        var changed = corpus
        changed.documents[3_000] = Document(id: "d3000", rawText: "Neu. Ganz neu.")
        let (segmented, outcome) = cache.segment(changed)
        #expect(outcome == .init(reused: 4_999, segmented: 1, wrote: true))
        var wrong: [String] = []
        for (document, cut) in zip(changed.documents, segmented.documents) {
            if cut.document.id != document.id { wrong.append("order at \(document.id)") }
            let scalars = Array(document.text.unicodeScalars)
            for sentence in cut.sentences {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[sentence.start..<sentence.end])
                let space = sentence.end < scalars.count && Tokenizer.isSpace(scalars[sentence.end])
                if Array(sentence.text.utf8) != Array(String(view).utf8) || sentence.followedBySpace != space { wrong.append(sentence.id) }
            }
        }
        #expect(segmented.documents.count == 5_000)
        #expect(wrong.isEmpty)
        #expect(segmented == SegmentedCorpus(changed))
    }
}
