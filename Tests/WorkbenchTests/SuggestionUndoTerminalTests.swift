import Foundation
import Testing

/// The suggestion flow's undo in a real terminal (a private tmux server), narrow and without colour:
/// an accept undone from the next sentence brings the annotator back to it with the proposal listed,
/// so it can be accepted otherwise at once, also after quitting and reopening.
@Suite(
    "Undoing an accept in a terminal",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct SuggestionUndoTerminalTests {
    @Test("y, n, undo in 40 columns with NO_COLOR and TERM=dumb: back on the sentence, proposal a) listed; after reopening too")
    func undoGoesBack() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1", "TERM": "dumb"], width: 40, height: 40) { workspace, session in
            try await session.waitFor(text: "sentence 1/")
            try await session.send(keys: "goto 4", .enter)
            try await session.waitFor(text: "a) [S? Vassili")
            try await session.send(keys: "y", .enter)
            try await session.waitFor(text: "accepted a): new speaker S1")
            try await session.send(keys: "n", .enter)
            try await session.waitFor(text: "sentence 5/")
            try await session.send(keys: "undo", .enter)
            try await Self.waitAfterUndo(session, prompt: "1:5 › undo")
            try await session.send(keys: "redo", .enter)
            try await session.waitFor(text: "redone: ")
            try await session.send(keys: "n", .enter)
            try await session.waitFor(text: "sentence 5/")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
            let reopened = try await workspace.terminalREPL(environment: ["NO_COLOR": "1", "TERM": "dumb"], width: 40, height: 40)
            defer { reopened.kill() }
            try await reopened.waitFor(text: "sentence 5/")
            try await reopened.send(keys: "undo", .enter)
            try await Self.waitAfterUndo(reopened, prompt: "1:5 › undo")
            #expect(!(try await reopened.capture(escapes: true)).contains("\u{1B}[2m"), "no dimming with NO_COLOR")
            try await reopened.send(keys: "quit", .enter)
            try await reopened.waitFor(text: "[exit 0]")
        }
    }

    /// Waits until the screen after the line `prompt` shows sentence 4 and its proposal a) again.
    static func waitAfterUndo(_ session: TmuxSession, prompt: String) async throws {
        try await session.waitUntil(what: "sentence 4 with its proposal after '\(prompt)'") { screen in
            guard let typed = screen.range(of: prompt, options: .backwards) else { return false }
            let after = screen[typed.upperBound...]
            return after.contains("undone: C1") && after.contains("sentence 4/") && after.contains("a) [S? Vassili")
        }
    }
}
