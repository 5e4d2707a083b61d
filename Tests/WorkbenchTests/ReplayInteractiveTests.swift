import Foundation
import Testing

/// Drives the interactive replay in a real terminal: a private tmux server per test (``TmuxSession``),
/// never the user's server and never started through `Foundation.Process`, whose exit notification a
/// forked server would hold open.
@Suite("replay on a terminal", .needsTmux)
struct ReplayInteractiveTests {

    @Test("next, goto, search by id, play stopped by Ctrl-C, quit")
    func navigate() async throws {
        let fixture = try ReplayFixture()
        let command = "\(TmuxSession.quote(WorkbenchProcess.binary.path)) replay \(fixture.sessionPath)"
        let terminal = try await TmuxSession(
            command: command, environment: ["NO_COLOR": "1"], width: 200, height: 50, directory: fixture.folder)
        defer { terminal.kill() }
        #expect(try await terminal.waitFor(text: "replay #1/16>").contains("add speaker S1"))
        try await terminal.send(keys: .enter)
        #expect(try await terminal.waitFor(text: "replay #2/16>").contains("[S1 Vassili Nebenzia]"))
        try await terminal.send(keys: "goto 6", .enter)
        #expect(try await terminal.waitFor(text: "replay #6/16>").contains("undo (takes back #5"))
        try await terminal.send(keys: "id C2", .enter)
        #expect(try await terminal.waitFor(text: "replay #13/16>").contains("{C2 „Wir brauchen"))
        try await terminal.send(keys: "play 1", .enter)
        try await terminal.waitFor(text: "#14 ")
        try await terminal.send(keys: .ctrlC)
        let stopped = try await terminal.waitFor(text: "stopped")
        #expect(!stopped.contains("#15 "))  // the 10-minute pause is capped at 3 s, Ctrl-C came first
        try await terminal.send(keys: "quit", .enter)
        try await terminal.waitUntil(what: "the replay to exit") { _ in (try? await terminal.hasExited()) == true }
    }
}
