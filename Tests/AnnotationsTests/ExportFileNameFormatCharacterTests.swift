import Testing
@testable import Annotations

/// A document id or session label with a bidi override, another invisible format character or a
/// line or paragraph separator was written raw into file names, which `ls` and file managers then
/// showed reordered or hiding part of the name.
@Suite("Export file names: invisible format characters encoded")
struct ExportFileNameFormatCharacterTests {
    @Test("Export file names percent-encode bidi controls, other invisible format characters and U+2028/U+2029, and imports read them back")
    func fileNames() {
        #expect(ExportText.fileName("anna\u{202E}gnal") == "anna%E2%80%AEgnal")
        #expect(ExportText.fileName("a\u{2066}b\u{200B}c\u{2028}d\u{FEFF}") == "a%E2%81%A6b%E2%80%8Bc%E2%80%A8d%EF%BB%BF")
        #expect(ExportText.fileName("Zürich 👩‍🔬") == "Zürich 👩‍🔬")
        for id in ["anna\u{202E}gnal", "a\u{2066}b\u{200B}c\u{2028}d\u{FEFF}", "x\u{2029}/y"] {
            #expect(ExportText.documentID(fileName: ExportText.fileName(id)) == id)
        }
    }
}
