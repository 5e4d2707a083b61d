import Foundation
import Testing

@testable import Annotations

/// An export passes over every document once: it must not leave every sentence holding its tokens
/// or every document's offset table behind, and the files must be those of an export that did.
@Suite("Export keeps no tokens or tables it is done with")
struct ExportMemoryTests {
    /// The corpus of `ExportDocumentPartsTests` segmented afresh (no sentence has made its tokens).
    static func freshCorpus(_ corpus: SegmentedCorpus) -> SegmentedCorpus {
        SegmentedCorpus(Corpus(documents: corpus.corpus.documents, paths: corpus.corpus.paths))
    }

    @Test("Every format: no sentence keeps tokens after the export, and the files equal those made with every token held", arguments: ExportFormat.allCases)
    func noTokensKept(format: ExportFormat) throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let sessions = [ExportSession(label: "anna", annotator: "anna", state: session.state)]
        let fresh = Self.freshCorpus(corpus)
        let files = format.exporter.export(try ExportBundle(corpus: fresh, sessions: sessions))
        let holding = fresh.documents.flatMap(\.sentences).filter { $0.holdsTokens }.count
        #expect(holding == 0, "\(format): \(holding) sentences keep their tokens")

        let held = Self.freshCorpus(corpus)
        for document in held.documents { for sentence in document.sentences { _ = sentence.tokens } }
        let allHeld = held.documents.flatMap(\.sentences).allSatisfy { $0.holdsTokens }
        #expect(allHeld)
        let expected = format.exporter.export(try ExportBundle(corpus: held, sessions: sessions))
        #expect(files.map(\.path) == expected.map(\.path))
        #expect(files == expected, "\(format)")
    }

    /// (HTML also builds its documents this way, but its tables of claims per speaker, written after
    /// the documents, make the tables again as they quote the claims.)
    @Test("brat, WebAnno, CoNLL-U and JSONL drop each document's offset table once its part is made; a dropped table is made again the same")
    func tablesDropped() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let sessions = [ExportSession(label: "anna", annotator: "anna", state: session.state)]
        for format in [ExportFormat.brat, .webanno, .conllu, .jsonl] {
            let bundle = try ExportBundle(corpus: corpus, sessions: sessions)
            #expect(bundle.tables.heldCount == 0, "\(format): no table before the export")
            _ = format.exporter.export(bundle)
            // brat's stances and notes (after the documents) may make a few again; never all.
            #expect(bundle.tables.heldCount <= 4, "\(format): \(bundle.tables.heldCount) tables held")
        }
        let bundle = try ExportBundle(corpus: corpus, sessions: sessions)
        for index in [0, 1, ExportDocumentPartsTests.count - 1] {
            let text = corpus.documents[index].document.text
            let first = bundle.tables[index]
            bundle.tables.release(index)
            let again = bundle.tables[index]
            let reference = OffsetTable(text)
            #expect(first.scalarCount == reference.scalarCount && again.scalarCount == reference.scalarCount)
            for offset in 0...reference.scalarCount {
                #expect(again.utf8Offset(ofScalar: offset) == reference.utf8Offset(ofScalar: offset))
                #expect(first.utf8Offset(ofScalar: offset) == reference.utf8Offset(ofScalar: offset))
            }
        }
    }
}
