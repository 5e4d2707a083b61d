import Foundation
import Testing

/// Bytes that are not UTF-8 typed into the annotation REPL in a real terminal (a private tmux server),
/// as a terminal set to Latin-1 sends "ü", characters the terminal must not get raw (bidi controls),
/// and the signals the line reader handles itself since it
/// reads the bytes (resize, Ctrl-Z and fg).
@Suite(
    "Terminal input that is not UTF-8",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct TerminalEncodingTests {
    /// Before, libedit dropped the byte silently and the note was stored as "Mller".
    @Test("A Latin-1 byte typed in a line shows as U+FFFD and the line is refused; the next line is read")
    func latin1ByteRefused() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 200, height: 40) { workspace, session in
            try await session.waitFor(text: "1:1 ›")
            try await session.send(keys: "note M", .bytes([0xFC]), "ller")
            try await session.waitFor(text: "note M\u{FFFD}ller")
            try await session.send(keys: .enter)
            let refused = try await session.waitFor(text: "set the terminal to UTF-8")
            #expect(refused.contains("error: the line is not UTF-8 (byte 7 of the line starts a bad sequence"), "\(refused)")
            try await session.send(keys: "note Grüße", .bytes([0xE2, 0x80]), "x", .enter)
            try await session.waitUntil(what: "the second refusal") { $0.components(separatedBy: "starts a bad sequence").count == 3 }
            try await session.send(keys: "note Grüße „x“ 👩‍👩‍👧", .enter)
            try await session.waitFor(text: "+ N1 note")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
            let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
            #expect(notes.map { $0["text"] as? String } == ["Grüße „x“ 👩‍👩‍👧"], "\(notes)")
        }
    }

    /// Before, U+202E reached the terminal raw: the edit line showed "note abcfed" reversed while the
    /// workbench printed the same character everywhere else as `<U+202E>`.
    @Test("A bidi control typed or pasted in a line shows as U+FFFD, never raw, and the line is refused naming it; ZWJ stays")
    func hiddenCharacterRefused() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        // A history line from before (typed raw) must not come back raw with Up either.
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        try Data("_HiStOrY_V2_\nnote\\040old\u{2067}line\n".utf8).write(to: workspace.folder.appendingPathComponent("sessions/.history"))
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 200, height: 40)
        defer { session.kill() }
        try await session.waitFor(text: "1:1 ›")
        try await session.paste("note abc\u{202E}def")
        let typed = try await session.waitFor(text: "note abc\u{FFFD}def")
        #expect(!typed.unicodeScalars.contains("\u{202E}"), "the control is not on the screen: \(typed)")
        try await session.send(keys: .enter)
        let refused = try await session.waitFor(text: "nothing changed")
        #expect(refused.contains("error: the line holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible, control or text-direction character"), "\(refused)")
        // The old line comes back as it is shown, with the placeholder as text, and is read so.
        try await session.send(keys: .up, .up)
        let recalled = try await session.waitFor(text: "note old<U+2067>line")
        #expect(!recalled.unicodeScalars.contains("\u{2067}"), "\(recalled)")
        try await session.send(keys: .enter)
        try await session.waitFor(text: "+ N1 note")
        // Joiners (emoji, scripts that need them) are kept, as the output path keeps them.
        try await session.send(keys: "note Grüße 👩‍👩‍👧 x\u{200C}y", .enter)
        try await session.waitFor(text: "+ N2 note")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
        let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["old<U+2067>line", "Grüße 👩‍👩‍👧 x\u{200C}y"], "\(notes)")
    }

    /// A completion is put into the line by libedit, past the reader: a name holding U+202E (an alias
    /// written by a script) went onto the screen raw.
    @Test("A completion holding a bidi control is not offered, so TAB never puts it raw into the line")
    func hiddenCharacterNotCompleted() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let prepared = try await workspace.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], commands: ["speaker 1-2", "edit S1 alias add Evil\u{202E}xe", "quit"])
        #expect(prepared.status == 0, "\(prepared.stdout)")
        let session = try await workspace.terminalREPL(environment: ["NO_COLOR": "1"], width: 120, height: 40)
        defer { session.kill() }
        try await session.waitFor(text: "1:1 ›")
        try await session.send(keys: "claim 5 by Evi", .tab, "Z")
        let screen = try await session.waitFor(text: "claim 5 by EviZ")
        #expect(!screen.unicodeScalars.contains("\u{202E}"), "\(screen)")
        try await session.send(keys: .named("C-u"), "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }

    /// The reader that replaced libedit's must keep what libedit's did after a signal.
    @Test("Ctrl-Z and fg twice, and a resize, in the middle of one line: the line is kept and still edits")
    func stopAndResizeKeepTheLine() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "bash --norc --noprofile -i", environment: ["NO_COLOR": "1", "USER": "anna"], width: 120,
            height: 40, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitUntil(what: "the shell's prompt") { !$0.allSatisfy(\.isWhitespace) }
        try await session.send(keys: .text("\(binary) annotate --annotator anna"), .enter)
        try await session.waitFor(text: "1:1 ›")
        for (typed, shown) in [("note ab", "note ab"), ("cd", "note abcd")] {
            try await session.send(keys: .text(typed))
            try await session.waitFor(text: "1:1 › \(shown)")
            try await session.send(keys: .named("C-z"))
            try await session.waitFor(text: "Stopped")
            try await session.send(keys: "fg", .enter)
            try await session.waitUntil(what: "the line back after fg") { $0.components(separatedBy: "1:1 › \(shown)").count >= 2 }
        }
        try await session.resize(width: 60, height: 40)
        try await session.send(keys: "ef", .named("Left"), .named("Left"), "X", .enter)
        try await session.waitFor(text: "+ N1 note")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "saved sessions/anna.json")
        let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["abcdXef"], "\(notes)")
    }
}
