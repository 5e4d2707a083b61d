import Foundation
import Testing

/// Ctrl-\ (SIGQUIT) in the REPL: before, the runtime's crash report appeared and waited for a key with
/// the process still running. Now the program ends at once with one line and status 131, and the edit
/// acknowledged before it is there when the session is reopened.
@Suite(
    "Ctrl-\\ in a terminal",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct QuitSignalTests {
    @Test("Ctrl-\\ quits at once with a message, no crash report, and keeps the acknowledged edit")
    func ctrlBackslashQuits() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 200, height: 40) { workspace, session in
            try await session.waitFor(text: "sentence 1/")
            try await session.send(keys: "speaker 1-2", .enter)
            try await session.waitFor(text: "new speaker S1")
            try await session.send(keys: .ctrlBackslash)
            let screen = try await session.waitFor(text: "[exit 131]")
            #expect(screen.contains("quit (Ctrl-\\)"), "\(screen)")
            #expect(!screen.contains("Backtrace"), "no crash report: \(screen)")
            let reopened = try await workspace.run(["annotate", "--session", "anna", "--annotator", "anna"], commands: ["list", "quit"])
            #expect(reopened.stdout.contains("M1"), "\(reopened.stdout)\(reopened.stderr)")
        }
    }
}
