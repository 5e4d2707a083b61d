import Foundation
import TestSupport
import Testing

@testable import Annotations

/// The scalar index cuts text out of a document as the offset table does, at every offset, with
/// scalars of one to four UTF-8 bytes, and the exports that only cut text never make a table.
@Suite("Export scalar index")
struct ExportScalarIndexTests {
    static let texts = [
        "", "a", "ä", "€", "😀", "Die Forscherin 👩‍🔬 Anna Mu\u{0308}ller sagte: „Wir prüfen alles.“\nEnde.",
        String(repeating: "aä€😀", count: 40), String(repeating: "x", count: 97), String(repeating: "ü", count: 65) + "z",
    ]

    @Test("Every offset, before, inside and past the text, falls on the byte the offset table gives")
    func sameAsOffsetTable() {
        for text in Self.texts {
            let table = OffsetTable(text)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let index = ExportScalarIndex(buffer)
                #expect(index.scalarCount == table.scalarCount, "\(text)")
                for offset in -2...(table.scalarCount + 2) {
                    #expect(index.utf8Offset(ofScalar: offset, in: buffer) == table.utf8Offset(ofScalar: offset), "\(text) at \(offset)")
                }
                for (start, end) in [(0, table.scalarCount), (1, 3), (3, 1), (-1, 500), (2, 2)] {
                    let cut = String(decoding: index.bytes(buffer, from: start, to: end), as: UTF8.self)
                    let lower = table.utf8Offset(ofScalar: start), upper = max(lower, table.utf8Offset(ofScalar: end))
                    #expect(cut == String(decoding: bytes[lower..<upper], as: UTF8.self), "\(text) \(start)..<\(end)")
                }
            }
        }
    }

    @Test("Character boundaries without grapheme breaking: every offset of a text whose scalars stand alone, as the offset table says; a text with a combining mark, emoji sequence, flag or CR goes to the table")
    func characterBoundaries() {
        let more = [
            "Grüße „zitiert“ – €5 … ‚so‘", "e\u{301}", "👩‍🔬", "🇪🇺🇩🇪", "a\r\nb", "a\rb", "A\u{2028}B\u{200B}C", "\u{2FF}\u{300}",
            "ǅ ȷ ʰ ˿", "x\u{85}y\u{A0}z", "😀", "Ą̈",
        ]
        for text in Self.texts + more {
            let table = OffsetTable(text)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let index = ExportScalarIndex(buffer)
                let allSingle = text.unicodeScalars.allSatisfy(OffsetTable.isSingleScalarCharacter)
                #expect(index.everyScalarACharacter == allSingle, "\(text.debugDescription)")
                for offset in -2...(table.scalarCount + 2) {
                    let answer = index.isCharacterBoundaryWithoutBreaking(offset) ?? table.isCharacterBoundary(offset)
                    #expect(answer == table.isCharacterBoundary(offset), "\(text.debugDescription) at \(offset)")
                }
            }
        }
    }

    @Test("A csv export cuts its texts without making any document's offset table")
    func csvMakesNoTable() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let sessions = [ExportSession(label: "anna", annotator: "anna", state: session.state)]
        let bundle = try ExportBundle(corpus: corpus, sessions: sessions)
        let files = CSVExporter().export(bundle)
        #expect(bundle.tables.madeCount == 0)
        #expect(files[0].contents.contains("Anna M\u{00FC}ller8,sagte,Wir pr\u{00FC}fen alles.,direct,"))
    }

    @Test("The token formats (iob, CoNLL-U, JSONL, WebAnno) tokenize on the documents' bytes without making any offset table")
    func tokenFormatsMakeNoTable() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        for format in [ExportFormat.iob, .conllu, .jsonl, .webanno] {
            let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
            let files = format.exporter.export(bundle)
            #expect(bundle.tables.madeCount == 0, "\(format)")
            #expect(files.contains { $0.contents.contains("prüfen") }, "\(format)")
        }
    }

    @Test("UTF-16 offsets from the scalar index are the offset table's, at every offset")
    func utf16SameAsOffsetTable() {
        for text in Self.texts + ["😀a😀😀b", "🇪🇺🇩🇪 x 👩‍🔬", "𝔘\r\n𠀋"] {
            let table = OffsetTable(text)
            let bytes = Array(text.utf8)
            let index = bytes.withUnsafeBufferPointer { ExportScalarIndex($0) }
            for offset in -2...(table.scalarCount + 2) {
                #expect(index.utf16Offset(ofScalar: offset) == table.utf16Offset(ofScalar: offset), "\(text) at \(offset)")
            }
        }
    }

    @Test("A brat export finds its fragments without making any document's offset table")
    func bratMakesNoTable() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let files = BratExporter().export(bundle)
        #expect(bundle.tables.madeCount == 0)
        #expect(files.contains { $0.path.hasSuffix(".ann") && $0.contents.contains("\tWir prüfen alles.\n") })
    }

    @Test("A W3C export makes an offset table only for documents with clusters of several scalars")
    func w3cMakesTablesOnlyForClusters() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        _ = W3CExporter().export(bundle)
        // Every document holds 👩‍🔬 and a combining mark: each needs its table.
        #expect(bundle.tables.madeCount == bundle.documents.count)
        let plain = SegmentedCorpus(Corpus(documents: [Document(id: "p", rawText: "Anna sagte: „Wir prüfen alles.“ – gut")], paths: ["plain"]))
        var plainSession = Session(annotator: "anna", corpus: CorpusReference(plain), created: "2026-11-21T10:00:00.000Z")
        let builder = AnchorBuilder(corpus: plain)
        let segment = ExportFixture.segment("Wir prüfen alles.", in: "p", corpus: plain)
        let anchor = try builder.anchor(document: "p", sentence: 0, segments: [segment], allowFollowingSentences: true)
        try plainSession.perform(.add(.claim(Claim(id: "C1", anchor: anchor))), time: "2026-11-21T10:00:01.000Z")
        let plainBundle = try ExportBundle(corpus: plain, sessions: [ExportSession(label: "anna", annotator: "anna", state: plainSession.state)])
        let files = W3CExporter().export(plainBundle)
        #expect(plainBundle.tables.madeCount == 0)
        #expect(files[0].contents.contains("\"prefix\":\"Anna sagte: „\",\"suffix\":\"“ – gut\""))
    }

    @Test("Long texts of ASCII runs (taken eight bytes at a time) between umlauts, „“, emoji, combining marks and CR: every offset as the offset table gives it")
    func asciiRunsSameAsOffsetTable() {
        var random = SplitMix64(seed: 57)
        let pieces = [
            "a", "Wort ", "sagte, dass ", "0123456789abcdef", "\r", "\r\n", "\n", "ä", "Mu\u{0308}ller", "„", "“", "😀", "👩‍🔬", "🇪🇺",
            "e\u{301}", "€", "\u{2028}", "\t",
        ]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...60, using: &random) { text += pieces.randomElement(using: &random)! }
            let table = OffsetTable(text)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let index = ExportScalarIndex(buffer)
                #expect(index.scalarCount == table.scalarCount, "\(text.debugDescription)")
                #expect(index.everyScalarACharacter == text.unicodeScalars.allSatisfy(OffsetTable.isSingleScalarCharacter), "\(text.debugDescription)")
                for offset in -1...(table.scalarCount + 1) {
                    #expect(index.utf8Offset(ofScalar: offset, in: buffer) == table.utf8Offset(ofScalar: offset), "\(text.debugDescription) at \(offset)")
                    #expect(index.utf16Offset(ofScalar: offset) == table.utf16Offset(ofScalar: offset), "\(text.debugDescription) at \(offset)")
                }
            }
        }
    }
}
