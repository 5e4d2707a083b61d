import Foundation
import Testing
import TestSupport

/// Text pasted into the annotation REPL in a real terminal (a private tmux server) is read as piped
/// input reads it: a TAB inside pasted text is a character of the line, not the completion key.
@Suite(
    "Pasting into the REPL",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct TerminalPasteTests {
    /// Before, the pasted TAB ran completion: with no candidate it vanished ("Die VereinStaaten"), with
    /// one it put the candidate into the line (`note M⇥x` became a note on M1).
    @Test("A TAB inside pasted lines is kept in the line; a TAB typed alone still completes")
    func pastedTabIsText() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.prepare(["annotate", "--session", "anna", "--annotator", "anna"], commands: ["speaker 1-2", "quit"])
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 120, height: 40)
        defer { session.kill() }
        try await session.waitFor(text: "1:1 ›")
        try await session.paste("note Die Verein\tStaaten\nnote M\tx\n")
        try await session.waitFor(text: "+ N2 note")
        try await session.send(keys: "sta", .tab)
        try await session.waitFor(text: "stance")
        try await session.send(keys: .named("C-u"), "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
        let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["Die Verein\tStaaten", "M\tx"], "\(notes)")
        let subject = notes.last?["subject"] as? [String: Any]
        #expect(subject?["annotation"] == nil, "the note is on the sentence, not on M1: \(subject ?? [:])")
    }
}

extension TerminalPasteTests {
    @Test("200 lines pasted at once are all run, in order, and are in the session")
    func manyPastedLines() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 120, height: 40) { workspace, session in
            try await session.waitFor(text: "1:1 ›")
            try await session.paste((1...200).map { "note paste \($0)\n" }.joined())
            try await session.waitFor(text: "+ N200 note", timeout: 40)
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
            let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
            #expect(notes.compactMap { $0["text"] as? String } == (1...200).map { "paste \($0)" })
        }
    }

    @Test("The terminal closed while a command runs: every edit acknowledged before is in the session")
    func hangUpMidCommand() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 120, height: 40)
        try await session.waitFor(text: "1:1 ›")
        try await session.send(keys: "speaker 1-2", .enter)
        try await session.waitFor(text: "new speaker S1")
        try await session.send(keys: "note acknowledged", .enter)
        try await session.waitFor(text: "+ N1 note")
        // A search that backtracks for seconds: the window goes while it runs.
        try await session.send(keys: "/(.*)*x$", .enter)
        try await Task.sleep(for: .milliseconds(300))
        let running = try await session.capture()
        #expect(!running.contains("search stopped"), "the search still runs when the window goes: \(running)")
        session.kill()
        // The program ends on the hang-up; until it has, its lock refuses the reopening.
        var reopened = try await workspace.run(["annotate", "--session", "anna", "--annotator", "anna"], commands: ["list", "quit"])
        try await Deadline.waitUntil(timeout: 10, "the session to open again after the hang-up") {
            if reopened.status == 0 { return true }
            reopened = try await workspace.run(["annotate", "--session", "anna", "--annotator", "anna"], commands: ["list", "quit"])
            return false
        }
        #expect(reopened.stdout.contains("M1"), "\(reopened.stdout)\(reopened.stderr)")
        #expect(reopened.stdout.contains("note: acknowledged"), "\(reopened.stdout)\(reopened.stderr)")
    }
}
