import Foundation
import Testing
@testable import Annotations

/// IOB lines are read by splitting on whitespace (Python's `split()`, NLTK, Flair): a token must
/// never hold a character those readers split on.
@Suite("IOB columns")
struct IOBColumnTests {
    @Test("a token holding U+001C–U+001F (kept in tokens, whitespace to Python) is written with their Control Pictures: every line keeps four columns")
    func informationSeparators() throws {
        let text = "Anna sagte, es\u{1E}regne und a\u{1F}b heute.\n"
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["test"]))
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: AnnotationState())])
        let files = IOBExporter().export(bundle)
        let conll = try #require(files.first { $0.path == "anna.conll" }).contents
        let lines = conll.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("-DOCSTART-") }
        #expect(!lines.isEmpty)
        for line in lines {
            // What Python's str.split() does: split on Unicode whitespace and U+001C–U+001F.
            let fields = line.unicodeScalars.split { $0.properties.isWhitespace || (0x1C...0x1F).contains($0.value) }
            #expect(fields.count == 4, "\(line.debugDescription)")
        }
        #expect(conll.contains("\n\u{241E} _ _ O\n"), "\(conll.debugDescription)")
        #expect(conll.contains("\n\u{241F} _ _ O\n"), "\(conll.debugDescription)")
        #expect(!conll.unicodeScalars.contains { (0x1C...0x1F).contains($0.value) })
    }
}
