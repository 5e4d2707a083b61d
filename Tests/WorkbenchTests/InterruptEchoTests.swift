import Testing

/// Ctrl-C pressed while a command runs in the terminal REPL: the terminal echoes `^C` where the cursor
/// is, at the start of the answer's row; the answer begins on the next row (it read "^Cerror: search
/// stopped by Ctrl-C …").
@Suite("The answer after Ctrl-C during a command", .needsTmux, .timeLimit(.minutes(2)))
struct InterruptEchoTests {
    @Test("the answer to a search stopped by Ctrl-C starts a row of its own", arguments: [(80, 24), (40, 20)])
    func answerAfterTheEcho(width: Int, height: Int) async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: width, height: height) { _, session in
            try await session.waitForFirstPrompt(timeout: 30)
            let screen = try await session.stopSearchWithCtrlC()
            let rows = screen.split(separator: "\n")
            #expect(rows.contains { $0.hasPrefix("error: search stopped by Ctrl-C") }, "\(screen)")
            #expect(!screen.contains("^Cerror"), "\(screen)")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }
}
