@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// The sentence view as the shell draws it for a window (``AnnotationShell/height``) or for a pipe.
@Suite("Sentence view for a window")
struct SentenceViewTests {
    static let previous = "Nach Angaben der Regierung befinden sich rund zehntausend Soldaten in der Region, ohne dass ihr Auftrag bekannt ist."

    /// A shell on one document (a long first sentence, then a short one) with `title`, at the second sentence.
    static func shell(in folder: String, title: String? = nil) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", title: title, rawText: previous + " Das war alles.")], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        var shell = AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)), annotator: "tester")
        _ = shell.handle("goto 2")
        return shell
    }

    @Test("piped (no height) the previous sentence is whole; in a 40×9 window it is its end in the rows left, after …")
    func previousSentenceFitsTheRowsLeft() throws {
        let folder = TestScratch.path("view-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        #expect(shell.view(tokens: false).map(\.plain).contains("   ↑ " + Self.previous))
        shell.width = 40
        shell.height = 9
        let rows = shell.view(tokens: false, after: [StyledLine("sentence 1 done")]).flatMap { $0.wrapped(width: 40) }.map(\.plain)
        #expect(rows.count <= 8, "the answer and the view leave the prompt its row: \(rows)")
        let start = try #require(rows.firstIndex { $0.hasPrefix("   ↑ …") }, "\(rows)")
        #expect(rows[start...].contains { $0.hasSuffix("Auftrag bekannt ist.") }, "its end is kept: \(rows)")
        #expect(rows.last == " » Das war alles.")
        // A window with no rows to spare still gets one row of context.
        shell.height = 3
        let tight = shell.view(tokens: false).flatMap { $0.wrapped(width: 40) }.map(\.plain)
        let context = try #require(tight.firstIndex { $0.hasPrefix("   ↑ …") }, "\(tight)")
        #expect(tight[context + 1] == " » Das war alles.", "one row: \(tight)")
        try shell.store.close()
    }

    @Test("a long document title is cut to 40 characters in the header, as docs cuts it")
    func longTitleIsCut() throws {
        let folder = TestScratch.path("view-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = try Self.shell(in: folder, title: "Titel " + String(repeating: "Wort ", count: 30))
        let header = shell.header().plain
        #expect(header.contains(" „Titel Wort Wort Wort Wort Wort Wort Wor…“ · sentence 2/2"), "\(header)")
        try shell.store.close()
    }

    @Test("a command that takes no arguments echoes a 3 000-character argument cut to 40 characters")
    func longArgumentEchoIsCut() throws {
        let folder = TestScratch.path("view-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let answer = shell.handle("undo " + String(repeating: "x", count: 3000))
        let message = answer.lines.map(\.plain).joined(separator: "\n")
        #expect(answer.rejected)
        #expect(message == "error: 'undo' takes no arguments (got '\(String(repeating: "x", count: 39))…'); type it alone: undo (it acts on one command; type it again for the next); nothing changed", "\(message.prefix(200))")
        try shell.store.close()
    }
}
