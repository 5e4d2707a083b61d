import Foundation
import Testing

/// The terminal harness's waits after input: text that was on the screen before the keys never meets
/// them. A program on a busy machine may not have read the keys when the screen is first read; a wait
/// met by what was already there (the pager's question of an earlier answer, the prompt) went on with
/// a screen the keys had not changed yet. `TerminalLayoutTests.pagerQuestionWraps` failed so under
/// load with every line of the answer missing: the first view's question and the prompt were still on
/// the screen when it waited for the question of `list`.
@Suite("Terminal harness: waits after input", .needsTmux, .timeLimit(.minutes(1)))
struct TmuxWaitAfterInputTests {
    /// A program that shows a pager-like question and a prompt, then answers a line only after a
    /// second, the way a starved program does.
    static let slowAnswer = """
        printf 'old page\\n-- 3 more: Enter, q stops --\\nprompt>\\n'; read line; sleep 1; \
        printf 'answer to %s\\n-- 9 more: Enter, q stops --\\n' "$line"; sleep 30
        """

    @Test("A wait for text after keys is not met by the same text shown before them")
    func staleTextDoesNotCount() async throws {
        let session = try await TmuxSession(command: Self.slowAnswer, width: 60, height: 12)
        defer { session.kill() }
        try await session.waitFor(text: "prompt>")
        try await session.send(keys: "list", .enter)
        let screen = try await session.waitFor(text: "q stops --")
        #expect(screen.contains("answer to list"), "the wait returned before the answer:\n\(screen)")
        #expect(screen.contains("-- 9 more"), "\(screen)")
    }

    @Test("A paste and a resize start a new wait too; text not shown before is met at once")
    func pasteAndResize() async throws {
        let session = try await TmuxSession(command: Self.slowAnswer, width: 60, height: 12)
        defer { session.kill() }
        // Nothing sent yet: what the program shows first meets the wait.
        let first = try await session.waitFor(text: "q stops --")
        #expect(first.contains("-- 3 more"), "\(first)")
        try await session.paste("pasted\n")
        let screen = try await session.waitFor(text: "q stops --")
        #expect(screen.contains("answer to pasted"), "\(screen)")
        try await session.resize(width: 50, height: 12)
        await #expect(throws: TmuxSession.Failure.self, "nothing new was written after the resize") {
            try await session.waitFor(text: "q stops --", timeout: 0.5)
        }
    }

    @Test("Text written and scrolled out of sight before the screen is read meets the wait")
    func scrolledAway() async throws {
        let session = try await TmuxSession(
            command: "printf 'prompt>\\n'; read line; printf 'marker %s\\n' \"$line\"; seq 1 40; sleep 30", width: 60, height: 12)
        defer { session.kill() }
        try await session.waitFor(text: "prompt>")
        try await session.send(keys: "go", .enter)
        try await session.waitFor(text: "marker go")
        let screen = try await session.waitFor(text: "\n40")
        #expect(!screen.contains("marker go"), "scrolled out of sight:\n\(screen)")
    }

    @Test("Occurrences are counted without overlap, an empty text never")
    func counting() {
        #expect(TmuxSession.occurrences(of: "q stops --", in: "a q stops --\nb q stops --q") == 2)
        #expect(TmuxSession.occurrences(of: "aa", in: "aaa") == 1)
        #expect(TmuxSession.occurrences(of: "", in: "abc") == 0)
    }
}
