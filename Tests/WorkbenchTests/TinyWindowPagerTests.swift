import Foundation
import Testing
import WorkbenchShell

/// A window narrower than 10 columns (tmux `resize-window -x 3`). Lines were not wrapped below 10
/// columns, so the pager counted one row for a line the terminal broke into dozens: the first view (a
/// sentence of 300 characters and its proposals) was written whole, ran past the window, and the prompt
/// came with the sentence's start out of sight, where a window of 40 columns pages it.
@Suite("The pager in a window 1 to 9 columns wide", .serialized, .needsTmux, .timeLimit(.minutes(2)))
struct TinyWindowPagerTests {
    @Test("Below 10 columns a line is cut into rows of the width, looks kept; a wide character starts a row")
    func cutRows() {
        var line = StyledLine("abcde", .error)
        line.append("fg", .dim)
        let rows = line.wrapped(width: 3)
        #expect(rows.map(\.plain) == ["abc", "def", "g"])
        #expect(rows[1].runs.map(\.text) == ["de", "f"])
        #expect(rows[1].runs.map(\.style) == [.error, .dim])
        #expect(StyledLine("a漢字").wrapped(width: 2).map(\.plain) == ["a", "漢", "字"])
        #expect(StyledLine("a\u{1B}b").wrapped(width: 1).map(\.plain) == ["a", "␛", "b"], "sanitised before it is cut")
        #expect(StyledLine("abc").wrapped(width: 3).map(\.plain) == ["abc"])
        for width in 1...9 {
            let sentence = StyledLine(String(repeating: "Wort ", count: 40))
            #expect(sentence.wrapped(width: width).allSatisfy { TerminalText.displayWidth($0.plain) <= width }, "width \(width)")
        }
    }

    @Test("The first view is paged in a window 3 columns wide, and 1", arguments: [3, 1])
    func firstViewPaged(width: Int) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: width, height: 24)
        defer { session.kill() }
        try await session.waitFor(text: "q stops --", timeout: 30)
        let history = try await session.history()
        #expect(!history.contains("1:1 ›"), "the prompt came before the question: the view was not paged\n\(history.suffix(400))")
        try await session.send(keys: "q", .enter)
        try await session.waitFor(text: "1:1 ›", timeout: 30)
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]", timeout: 30)
    }
}
