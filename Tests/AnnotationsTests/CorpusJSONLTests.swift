import Foundation
import Testing
@testable import Annotations

/// The corpus JSONL that `import brat` (``BratFolderCorpus``) and `import spkatt`
/// (``PretokenizedRecord``) write beside a session comes from one writer (``CorpusJSONL``); the
/// bytes are those each wrote with a writer of its own before, and the corpus loader reads them
/// back into the same documents.
@Suite("Corpus JSONL written by imports")
struct CorpusJSONLTests {
    /// Umlauts, „quotes“, `"` and `\`, an emoji with skin tone, a decomposed é (NFC after loading),
    /// a tab, ESC, U+2028, DEL, U+0085, `</script>` and a `/` in the id.
    static let text = "Zeile „eins“ sagte:\nMüller \"x\" \\ 👍🏽 e\u{301}\t\u{1B}[31m\u{2028}\u{7F}\u{85}</script>"
    static let line = #"{"id":"a/b","text":"Zeile „eins“ sagte:\nMüller \"x\" \\ 👍🏽 é\t\u001b[31m"#
        + "\u{2028}\u{7F}\u{85}</script>\"}\n"

    @Test("A brat folder's documents under their decoded ids: the bytes the brat import wrote before")
    func bratFolderCorpusBytes() throws {
        let documents = [Document(id: "a%2Fb", rawText: Self.text), Document(id: "c", rawText: "Kurz.")]
        let folderCorpus = BratFolderCorpus(documents, folder: "brat")
        #expect(folderCorpus.renamed == 1)
        #expect(folderCorpus.jsonl == Array((Self.line + #"{"id":"c","text":"Kurz."}"# + "\n").utf8))
        let path = TestCorpus.temporaryFolder() + "/c.jsonl"
        try Data(folderCorpus.jsonl).write(to: URL(fileURLWithPath: path))
        let loaded = try CorpusLoader().load(paths: [path])
        #expect(loaded.documents.map(\.id) == ["a/b", "c"])
        #expect(loaded.documents.map(\.text) == folderCorpus.documents.map(\.text))
    }

    @Test("Pre-tokenized documents with their sentences: the bytes the SpkAtt import wrote before")
    func pretokenizedBytes() throws {
        let document = Document(
            id: "a/b", title: "T „1“", text: "Er sagte: „Ja“", givenSentences: [GivenSentence(id: "0", tokens: [
                SpanSegment(start: 0, end: 2), SpanSegment(start: 3, end: 8), SpanSegment(start: 8, end: 9), SpanSegment(start: 10, end: 11),
                SpanSegment(start: 11, end: 13), SpanSegment(start: 13, end: 14),
            ])])
        let expected = #"{"id":"a/b","sentences":[{"id":"0","tokens":["Er","sagte",":","„","Ja","“"]}],"text":"Er sagte: „Ja“","title":"T „1“"}"# + "\n"
        // A document the workbench segments has no record.
        #expect(PretokenizedRecord.jsonl([document, Document(id: "plain", rawText: "Kurz.")]) == Array(expected.utf8))
    }
}
