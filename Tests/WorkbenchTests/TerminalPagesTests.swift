
@testable import Annotations
import Foundation
import Testing
@testable import Workbench
@testable import WorkbenchShell
@testable import WorkbenchTerminal

/// Answers from a list and remembers every prompt it was asked with.
private final class ScriptedLineEditor: LineEditor {
    var answers: [String]
    var prompts: [String] = []
    init(_ answers: [String]) { self.answers = answers }
    func readLine(prompt: StyledLine, style: TerminalStyle) -> LineInput {
        prompts.append(prompt.plain)
        return answers.isEmpty ? .endOfInput : .line(answers.removeFirst())
    }
    var interruptRequested: Bool { false }
    func close() {}
}

@Suite("Long answers fit the terminal")
struct TerminalPagesTests {
    /// Runs the terminal REPL on the seeds of `workspace` with `answers` typed and a window of `screen`.
    private static func run(
        _ answers: [String], in workspace: REPLWorkspace, screen: (width: Int, height: Int)
    ) throws -> (repl: AnnotationREPL, editor: ScriptedLineEditor) {
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [workspace.folder.appendingPathComponent("seeds").path]))
        let store = try SessionStore(path: workspace.folder.appendingPathComponent("sessions/p.json").path, now: "n") {
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        let shell = AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)), width: 100)
        let editor = ScriptedLineEditor(answers)
        var repl = AnnotationREPL(shell: shell, editor: editor, style: TerminalStyle(noColor: true), interactive: true, completion: CompletionSource())
        repl.screen = { screen }
        _ = repl.run()
        return (repl, editor)
    }

    @Test("Output taller than the window is cut into pages one row short of it; short output is one page")
    func pages() {
        let lines = (1...25).map { StyledLine("line \($0)") }
        let pages = TerminalPages(lines, height: 10, width: 80).pages
        #expect(pages.map(\.count) == [9, 9, 7])
        #expect(pages.flatMap { $0 }.map(\.plain) == lines.map(\.plain))
        #expect(TerminalPages(Array(lines.prefix(9)), height: 10, width: 80).pages.count == 1)
        #expect(TerminalPages(lines, height: 0, width: 80).pages.allSatisfy { $0.count <= 2 })
        // The question ("-- 25 more lines: …", 55 columns) is too wide for a window 40 columns wide: its
        // short form takes one row there (the long one took two, broken mid-word by the terminal).
        #expect(TerminalPages(lines, height: 12, width: 40).pages.map(\.count) == [11, 11, 3])
        #expect(TerminalPages.question(remaining: 25, width: 40).plain == "-- 25 more: Enter, q stops --")
        let long = "-- 25 more lines: Enter shows the next page, q stops --"
        #expect(TerminalPages.question(remaining: 25, width: long.count + 1).plain == long)
        #expect(TerminalPages.question(remaining: 25, width: long.count).plain == "-- 25 more: Enter, q stops --")
        #expect(TerminalPages(lines, height: 12, width: 20).pages.map(\.count) == [10, 10, 5])
    }

    @Test("In a terminal, help pages (q stops it) and views are drawn for the window's width at that moment")
    func replPagesAndFollowsResize() throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let (repl, editor) = try Self.run(["help", "q", "tokens", "quit"], in: workspace, screen: (width: 44, height: 30))
        let questions = editor.prompts.filter { $0.contains("q stops --") }
        #expect(questions.count == 1, "\(editor.prompts)")
        #expect(editor.answers.isEmpty)
        #expect(repl.shell.width == 44)
    }

    @Test("A command typed at the pager's question stops the pager and runs (it was swallowed before)")
    func commandAtThePager() throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let (repl, editor) = try Self.run(["help", "goto 3", "quit"], in: workspace, screen: (width: 60, height: 20))
        #expect(editor.prompts.filter { $0.contains("more lines") }.count == 1, "\(editor.prompts)")
        #expect(repl.shell.sentenceIndex == 2, "goto 3 ran")
    }

    /// Before, `y` answered to "-- 40 more lines …" (meaning "yes, more") ran as `y`: the first proposal
    /// of the sentence was accepted; `n` moved to the next sentence, `u` took back the last command.
    @Test("One letter answered at the pager's question stops the pages and is not run as a command")
    func oneLetterAtThePager() throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let (repl, editor) = try Self.run(["help", "y", "help", "n", "quit"], in: workspace, screen: (width: 60, height: 20))
        #expect(editor.prompts.filter { $0.contains("more lines") }.count == 2, "\(editor.prompts)")
        #expect(repl.shell.state.claims.isEmpty, "no proposal was accepted")
        #expect(repl.shell.sentenceIndex == 0, "n did not move")
        #expect(repl.shell.store.session.eventCount == 0)
    }
}
