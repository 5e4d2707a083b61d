import Foundation
import Testing
@testable import Annotations

/// Document ids that are one name to macOS though their bytes differ: `é` precomposed (U+00E9)
/// and decomposed (`e` + U+0301), also in different case (`É`). macOS compares file names with
/// case ignored and canonically equivalent sequences equal, so two such files would be one.
@Suite("Export file names distinct where normalisation is ignored")
struct ExportFileNameNormalizationTests {
    static let precomposed = "Caf\u{E9}"
    static let decomposed = "Cafe\u{301}"

    /// Whether two names are one file where case and canonical equivalence are ignored (Swift
    /// compares strings by canonical equivalence).
    static func sameFile(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }

    @Test("Ids é precomposed and decomposed get names that differ where case and normalisation are ignored, and decode to their ids")
    func names() {
        let ids = [Self.precomposed, Self.decomposed, "caf\u{C9}", "Merz", "Rutte", "rutte"]
        let names = ExportText.fileNames(ids)
        #expect(names == ["%43af%C3%A9", "%43afe%CC%81", "caf%C3%89", "Merz", "%52utte", "rutte"])
        for (a, first) in names.enumerated() {
            for second in names[(a + 1)...] { #expect(!Self.sameFile(first, second), "\(first) and \(second)") }
        }
        for (id, name) in zip(ids, names) {
            #expect(ExportText.documentID(fileName: name).utf8.elementsEqual(id.utf8), "\(name)")
        }
        // Without such pairs the names are as before.
        #expect(ExportText.fileNames([Self.precomposed, "Merz"]) == [Self.precomposed, "Merz"])
        #expect(ExportText.fileNames([Self.precomposed, "Merz"])[0].utf8.elementsEqual(Self.precomposed.utf8))
    }

    @Test("A corpus holding ids é precomposed and decomposed is refused as one id twice, so no export meets the pair")
    func corpusRefusesThePair() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/cafe.jsonl"
        let lines = "{\"id\": \"\(Self.precomposed)\", \"text\": \"Rutte sagte das.\"}\n{\"id\": \"\(Self.decomposed)\", \"text\": \"Merz sagte das.\"}\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CorpusError.self) { try CorpusLoader().load(paths: [path]) }
    }
}
