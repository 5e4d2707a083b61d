import Foundation
import Testing

/// What a person sees in a real terminal (a private tmux server) when the window is narrow or the text
/// holds characters the writers show as placeholders: no line is wider than the window (the terminal
/// would break it where it likes) and no line of a paged answer scrolls away before it was on screen.
@Suite(
    "Terminal layout",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct TerminalLayoutTests {
    /// Before, a page was one row short of the window, but the question after it ("-- 25 more lines: Enter
    /// shows the next page, q stops --", 57 columns) takes two rows in a window of 40 columns: the first
    /// line of every page scrolled out of sight before it could be read.
    @Test("In a window narrower than the pager's question, every line of a long answer is on screen at some question")
    func pagerQuestionWraps() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let notes = (1...30).map { String(format: "note line %02d", $0) }
        try await workspace.prepare(["annotate", "--session", "anna", "--annotator", "anna"], commands: notes + ["quit"])
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 40, height: 12)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.send(keys: "list", .enter)
        try await session.waitFor(text: "q stops --")
        var seen = Set<String>()
        var remaining = Int.max
        for _ in 0..<20 {
            let screen = try await session.waitUntil(what: "the next page or the prompt") { screen in
                if screen.hasPromptAtEnd { return true }
                guard screen.lastRow.hasSuffix("q stops --"), let number = Self.remainingLines(screen) else { return false }
                return number < remaining
            }
            for row in screen.split(separator: "\n") {
                if let range = row.range(of: "note: line ") { seen.insert(String(row[range.upperBound...]).trimmingCharacters(in: .whitespaces)) }
            }
            guard !screen.hasPromptAtEnd, let number = Self.remainingLines(screen) else { break }
            remaining = number
            try await session.send(keys: .enter)
        }
        let missing = (1...30).map { String(format: "%02d", $0) }.filter { !seen.contains($0) }
        #expect(missing.isEmpty, "lines never on screen: \(missing)")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }

    /// Before, lines were measured before their control and format characters became placeholders: a
    /// speaker name of "Evil" and twenty U+202E measured 4 columns but is written as 164, so the terminal
    /// broke the line itself (mid-word, without the indent) and the pager's count of rows was wrong.
    @Test("A line with hidden characters is wrapped as it is written: the terminal never has to break a line")
    func hiddenCharactersMeasuredAsWritten() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let name = "Evil" + String(repeating: "\u{202E}", count: 20) + "\u{1B}]0;title\u{7}Name"
        try await workspace.prepare(
            ["annotate", "--session", "anna", "--annotator", "anna"], commands: ["speaker 1-2 = \(name)", "quit"])
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) replay sessions/anna.json; echo \"[exit $?]\"", environment: ["NO_COLOR": "1"], width: 60,
            height: 30, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitFor(text: "replay #1/")
        try await session.send(keys: "next", .enter)
        let screen = try await session.waitFor(text: "replay #2/")
        #expect(screen.contains("<U+202E>"), "\(screen)")
        let joined = try await session.capture(joinWrapped: true)
        func rows(_ text: String) -> Int { text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count }
        #expect(
            rows(joined) == rows(screen),
            "the terminal broke a line the program wrote wider than the window:\n\(screen)")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }

    /// Before, the pages were cut once for the window as it was when the answer came: narrowed at the
    /// question, the next page came in rows of the old width, which the terminal broke where it liked.
    @Test("A window narrowed at the pager's question gets the next page wrapped for its new width")
    func pagerFollowsResize() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let notes = (1...30).map { String(format: "note line %02d ", $0) + String(repeating: "x", count: 40) }
        try await workspace.prepare(["annotate", "--session", "anna", "--annotator", "anna"], commands: notes + ["quit"])
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 12)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.send(keys: "list", .enter)
        try await session.waitFor(text: "-- 19 more lines")
        try await session.resize(width: 40, height: 12)
        try await session.send(keys: .enter)
        let screen = try await session.waitUntil(what: "the next page") { $0.lastRow.hasSuffix("q stops --") && !$0.contains("-- 19 more") }
        // Rows of the page (the question is wrapped by the terminal, as a prompt is): none broken by it.
        func pageRows(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) && !$0.contains("q stops") }
        }
        let joined = try await session.capture(joinWrapped: true)
        #expect(pageRows(joined).count == pageRows(screen).count, "the terminal broke rows of the page:\n\(screen)")
        #expect(screen.contains("note: line 12"), "the line the next row belonged to is shown whole:\n\(screen)")
        try await session.send(keys: "q", .enter)
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }

    /// Before, the lines of a review card ("mention M1 of S1 … as …", the summary) were written as they
    /// came; only the sentence was wrapped, and the terminal broke the card's lines where it liked.
    @Test("Review in a narrow window: every line of the card is wrapped for it")
    func reviewCardWrapped() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.prepare(["annotate", "--session", "anna", "--annotator", "anna"], commands: ["y", "quit"])
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) review sessions/anna.json --reviewer rita; echo \"[exit $?]\"", environment: ["NO_COLOR": "1"],
            width: 40, height: 40, directory: workspace.folder)
        defer { session.kill() }
        let screen = try await session.waitFor(text: "review M1>")
        #expect(screen.contains("mention M1"), "\(screen)")
        func rows(_ text: String) -> Int { text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count }
        let joined = try await session.capture(joinWrapped: true)
        #expect(rows(joined) == rows(screen), "the terminal broke a line the program wrote wider than the window:\n\(screen)")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }

    /// Before, the pager's `q` went into history: Up at the next prompt brought back `q`, and Enter quit.
    @Test("Up after stopping the pages with q brings back the command, not q")
    func pagerAnswerNotInHistory() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 12) { workspace, session in
            try await session.waitForFirstPrompt()
            try await session.send(keys: "help", .enter)
            try await session.waitFor(text: "more lines")
            try await session.send(keys: "q", .enter)
            try await session.waitUntil(what: "the prompt") { $0.hasPromptAtEnd }
            try await session.send(keys: .up)
            let screen = try await session.waitUntil(what: "a recalled line") { !$0.hasPromptAtEnd }
            #expect(screen.lastRow.hasSuffix("› help"), "\(screen.lastRow)")
            try await session.send(keys: .named("C-u"), "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }

    /// The number in the pager's question on `screen` ("-- 25 more lines: …", or in a narrow window
    /// "-- 25 more: …"), nil when there is none.
    private static func remainingLines(_ screen: String) -> Int? {
        guard let start = screen.range(of: "-- ", options: .backwards),
            let end = screen[start.upperBound...].range(of: " more")
        else { return nil }
        return Int(screen[start.upperBound..<end.lowerBound])
    }
}

extension String {
    /// The last non-blank row of a screen.
    fileprivate var lastRow: Substring {
        split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    /// Whether the last non-blank row is the REPL's prompt with nothing typed.
    fileprivate var hasPromptAtEnd: Bool { lastRow.hasSuffix("›") }
}
