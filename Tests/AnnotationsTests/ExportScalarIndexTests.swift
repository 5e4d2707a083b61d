import Foundation
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

    @Test("A csv export cuts its texts without making any document's offset table")
    func csvMakesNoTable() throws {
        let (corpus, session) = try ExportDocumentPartsTests.manyDocuments()
        let sessions = [ExportSession(label: "anna", annotator: "anna", state: session.state)]
        let bundle = try ExportBundle(corpus: corpus, sessions: sessions)
        let files = CSVExporter().export(bundle)
        #expect(bundle.tables.madeCount == 0)
        #expect(files[0].contents.contains("Anna M\u{00FC}ller8,sagte,Wir pr\u{00FC}fen alles.,direct,"))
    }
}
