import Foundation
import Testing

/// Moving around a corpus whose first documents have no sentences (an empty `.txt`, one of blanks):
/// before, `goto a` and `goto 1:1` answered "document 1 has sentences 1–0; there is no sentence 1", and
/// `next` at the last sentence advised "'goto 1:1' goes to the start", a command that was then refused.
@Suite("Navigation with empty documents")
struct EmptyDocumentNavigationTests {
    @Test("goto an empty document says it has no sentences; the way to the start named at the end works")
    func emptyDocuments() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let corpus = workspace.folder.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data().write(to: corpus.appendingPathComponent("a.txt"))
        try Data("   \n\n".utf8).write(to: corpus.appendingPathComponent("b.txt"))
        try Data("Er sagte: „Ja.“ Sie sagte: „Nein.“\n".utf8).write(to: corpus.appendingPathComponent("c.txt"))
        let result = try await workspace.run(
            ["annotate", "c", "--session", "e", "--annotator", "anna"],
            commands: ["goto a", "goto 2:1", "goto 3:2", "next", "goto 3:1", "note angekommen", "quit"])
        let output = result.stdout + result.stderr
        #expect(
            output.contains("error: document 1 (a) has no sentences: its text is empty or only whitespace ('docs' lists the documents)"),
            "\(output)")
        #expect(output.contains("error: document 2 (b) has no sentences"), "\(output)")
        #expect(!output.contains("sentences 1–0"), "\(output)")
        #expect(output.contains("this is the last sentence of the corpus; 'goto 3:1' goes to the start"), "\(output)")
        // The advised command works: the note lands on sentence 1 of document 3.
        let notes = try workspace.session("e")["notes"] as? [[String: Any]] ?? []
        let subject = notes.first?["subject"] as? [String: Any]
        #expect(subject?["document"] as? String == "c" && subject?["sentence"] as? Int == 0, "\(notes)")
        #expect(result.stderr.contains("3 command(s) were rejected (input lines 1, 2, 4;"), "\(result.stderr)")
    }
}
