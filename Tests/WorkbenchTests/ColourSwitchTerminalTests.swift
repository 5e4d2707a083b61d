import Foundation
import Testing

/// `--no-color` and `NO_COLOR=1` in a real terminal for the commands that colour besides the REPL
/// (`replay`, `review`): colour codes without them, none with either.
@Suite("colour switches on a terminal", .needsTmux)
struct ColourSwitchTerminalTests {
    /// Whether `arguments` (after the binary) show colour codes on a terminal once `prompt` appears.
    private static func showsColour(_ arguments: String, environment: [String: String] = [:], prompt: String) async throws -> Bool {
        let fixture = try ReplayFixture()
        let command = "\(TmuxSession.quote(WorkbenchProcess.binary.path)) \(arguments)"
        let terminal = try await TmuxSession(command: command, environment: environment, width: 200, height: 50, directory: fixture.folder)
        defer { terminal.kill() }
        try await terminal.waitFor(text: prompt)
        let screen = try await terminal.capture(escapes: true)
        try await terminal.send(keys: "quit", .enter)
        try await terminal.waitUntil(what: "the program to exit") { _ in (try? await terminal.hasExited()) == true }
        return screen.contains("\u{1B}[3") || screen.contains("\u{1B}[1") || screen.contains("\u{1B}[2")
    }

    @Test("replay and review colour a terminal, and neither does with --no-color or NO_COLOR=1")
    func noColourWhenAsked() async throws {
        for (arguments, prompt) in [("replay sessions/anna.json", "replay #1/"), ("review sessions/anna.json --reviewer rita", "review ")] {
            #expect(try await Self.showsColour(arguments, prompt: prompt), "\(arguments): colour by default")
            #expect(try await !Self.showsColour(arguments + " --no-color", prompt: prompt), "\(arguments) --no-color")
            #expect(try await !Self.showsColour(arguments, environment: ["NO_COLOR": "1"], prompt: prompt), "\(arguments) with NO_COLOR=1")
        }
    }
}
