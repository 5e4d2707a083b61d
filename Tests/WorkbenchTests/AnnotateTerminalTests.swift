import Foundation
import Testing
import TestSupport

/// The annotation REPL in a real terminal (a private tmux server): libedit line editing, TAB
/// completion inside quotes, colour, Ctrl-C and quitting, then the saved session.
@Suite(
    "Annotation REPL in a terminal",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct AnnotateTerminalTests {
    @Test("Tag a cue with TAB completion, see it in colour, cancel a line with Ctrl-C, quit, and find it saved")
    func tagInTerminal() async throws {
        try await REPLWorkspace.withTerminalREPL(width: 120, height: 40) { workspace, session in
            try await session.waitFor(text: "sentence 1/")
            try await session.send(keys: "goto 4", .enter)
            try await session.waitFor(text: "sentence 4/")
            // Inside a quote a completed word leaves the quote open (the text may go on); close it by hand.
            try await session.send(keys: "cue \"versich", .tab)
            try await session.waitFor(text: "cue \"versicherte")
            try await session.send(keys: "\"", .enter)
            try await session.waitFor(text: "Q1")
            let colour = try await session.capture(escapes: true)
            #expect(colour.contains("\u{1B}["), "the terminal shows colour")
            // Wait for the echo: Ctrl-C flushes keys the program has not read yet (on a busy machine the
            // line would vanish unseen).
            try await session.send(keys: "claim dropped line")
            try await session.waitFor(text: "claim dropped line")
            try await session.send(keys: .ctrlC)
            // Ctrl-C discards what was typed ahead (the terminal flushes its input), as in any shell: wait
            // for the fresh prompt before typing on.
            try await session.waitUntil(what: "a fresh prompt after Ctrl-C") { screen in
                let lines = screen.split(separator: "\n")
                guard let cancelled = lines.lastIndex(where: { $0.contains("claim dropped line") }) else { return false }
                return lines[(cancelled + 1)...].contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("›") }
            }
            try await session.send(keys: "quit", .enter)
            let screen = try await session.waitFor(text: "[exit 0]")
            #expect(!screen.contains("error:"), "the cancelled line was not run")
            let annotations = try workspace.annotations("anna")
            let anchor = annotations["Q1"]?["anchor"] as? [String: Any]
            #expect(anchor?["text"] as? String == "versicherte")
            #expect(annotations.count == 1, "the cancelled line changed nothing")
        }
    }

    @Test("NO_COLOR gives bracket notation without escape codes in the terminal")
    func noColor() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) annotate --annotator bob", environment: ["NO_COLOR": "1", "USER": "bob"], width: 120, height: 40,
            directory: workspace.folder)
        defer { session.kill() }
        try await session.waitFor(text: "sentence 1/")
        try await session.send(keys: "speaker \"Die Vereinigten Staaten\" kind institution", .enter)
        try await session.waitFor(text: "[S1 Die Vereinigten Staaten]")
        let screen = try await session.capture(escapes: true)
        #expect(!screen.contains("\u{1B}[3"), "no colour codes with NO_COLOR")
        try await session.send(keys: .ctrlD)
        try await Deadline.waitUntil(timeout: 10, "the REPL to leave after Ctrl-D") { try await session.hasExited() }
        #expect(try workspace.annotations("bob").count == 1)
    }
}
