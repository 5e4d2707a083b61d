import Foundation
@testable import Annotations
import TestSupport

/// Small corpora and helpers shared by the model and session tests.
enum TestCorpus {
    /// A document with umlauts, „“ quotes, an emoji flag and a combining mark (not NFC before loading).
    static let tricky = Document(
        id: "tricky",
        rawText: "🇪🇺 NATO-Generalsekretär Mark Rutte sagte: „Wir müssen handeln.“ Er fügte hinzu, dass Nordkorea Truppen schickt.\nQuelle: https://example.org/a.htm\nDie Ukraine warf Russland vor, zu lügen. Ein Café mit Cafe\u{301}.")

    static let plain = Document(
        id: "plain",
        rawText: "Peskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Herr Peskow betonte das.\nKommentar (0)")

    static var corpus: SegmentedCorpus {
        SegmentedCorpus(Corpus(documents: [tricky, plain], paths: ["test"]))
    }

    static func temporaryFolder() -> String {
        let path = TestScratch.path("store-")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Segments covering the first occurrence of `text` in sentence `sentence` of `document`.
    static func segment(_ text: String, in document: String = "tricky", sentence: Int = 0, corpus: SegmentedCorpus = corpus) -> SpanSegment {
        let doc = corpus.document(id: document)!
        let sent = doc.sentences[sentence]
        let scalars = Array(sent.text.unicodeScalars)
        let needle = Array(text.unicodeScalars)
        for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            return SpanSegment(start: sent.start + start, end: sent.start + start + needle.count)
        }
        fatalError("\(text) not in sentence \(sentence) of \(document)")
    }
}
