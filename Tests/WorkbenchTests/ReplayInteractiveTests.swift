import Foundation
import Testing

/// The terminal multiplexer used to drive interactive sessions, if installed.
enum Multiplexer {
    static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Drives the interactive replay in a terminal multiplexer (skipped where none is installed).
@Suite("replay on a terminal", .enabled(if: Multiplexer.path != nil))
struct ReplayInteractiveTests {

    /// Runs a multiplexer command; output is read only for `capture-pane` (the server started by
    /// `new-session` would otherwise keep the pipe open).
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Multiplexer.path ?? "tmux")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard arguments.first == "capture-pane" else {
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func waitFor(_ text: String, in session: String) throws -> String {
        var screen = ""
        for _ in 0..<100 {
            screen = try tmux(["capture-pane", "-t", session, "-p", "-S", "-200"])
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        return screen
    }

    @Test("next, goto, search by id, play stopped by Ctrl-C, quit")
    func navigate() throws {
        let fixture = try ReplayFixture()
        let name = "wb-replay-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let command = "cd '\(fixture.folder.path)' && NO_COLOR=1 '\(WorkbenchProcess.binary.path)' replay \(fixture.sessionPath); sleep 3"
        try tmux(["new-session", "-d", "-s", name, "-x", "200", "-y", "50", command])
        defer { _ = try? tmux(["kill-session", "-t", name]) }
        #expect(try waitFor("replay #1/16>", in: name).contains("add speaker S1"))
        try tmux(["send-keys", "-t", name, "", "Enter"])
        #expect(try waitFor("replay #2/16>", in: name).contains("[S1 Vassili Nebenzia]"))
        try tmux(["send-keys", "-t", name, "goto 6", "Enter"])
        #expect(try waitFor("replay #6/16>", in: name).contains("undo (takes back #5"))
        try tmux(["send-keys", "-t", name, "id C2", "Enter"])
        #expect(try waitFor("replay #13/16>", in: name).contains("{C2 „Wir brauchen"))
        try tmux(["send-keys", "-t", name, "play 1", "Enter"])
        _ = try waitFor("#14 ", in: name)
        try tmux(["send-keys", "-t", name, "C-c"])
        let stopped = try waitFor("stopped", in: name)
        #expect(stopped.contains("stopped"))
        #expect(!stopped.contains("#15 "))  // the 10-minute pause is capped at 3 s, Ctrl-C came first
        try tmux(["send-keys", "-t", name, "quit", "Enter"])
    }
}
