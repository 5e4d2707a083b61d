import Foundation
import Testing

/// Drives the interactive replay in a real terminal: a private tmux server per test (``TmuxSession``),
/// never the user's server and never started through `Foundation.Process`, whose exit notification a
/// forked server would hold open.
@Suite("replay on a terminal", .enabled(if: TmuxSession.shouldRun))
struct ReplayInteractiveTests {

    @Test("next, goto, search by id, play stopped by Ctrl-C, quit")
    func navigate() throws {
        let fixture = try ReplayFixture()
        let command = "\(TmuxSession.quote(WorkbenchProcess.binary.path)) replay \(fixture.sessionPath)"
        let terminal = try TmuxSession(
            command: command, environment: ["NO_COLOR": "1"], width: 200, height: 50, directory: fixture.folder)
        defer { terminal.kill() }
        #expect(try terminal.waitFor(text: "replay #1/16>").contains("add speaker S1"))
        try terminal.send(keys: .enter)
        #expect(try terminal.waitFor(text: "replay #2/16>").contains("[S1 Vassili Nebenzia]"))
        try terminal.send(keys: "goto 6", .enter)
        #expect(try terminal.waitFor(text: "replay #6/16>").contains("undo (takes back #5"))
        try terminal.send(keys: "id C2", .enter)
        #expect(try terminal.waitFor(text: "replay #13/16>").contains("{C2 „Wir brauchen"))
        try terminal.send(keys: "play 1", .enter)
        try terminal.waitFor(text: "#14 ")
        try terminal.send(keys: .ctrlC)
        let stopped = try terminal.waitFor(text: "stopped")
        #expect(!stopped.contains("#15 "))  // the 10-minute pause is capped at 3 s, Ctrl-C came first
        try terminal.send(keys: "quit", .enter)
        try terminal.waitUntil(what: "the replay to exit") { _ in (try? terminal.hasExited()) == true }
    }
}
