import Foundation
import Testing

@testable import WorkbenchShell

/// Hostile corpus text in the terminal REPL (a private tmux server): every view, list, proposal,
/// the pager and the prompt, in a narrow window with NO_COLOR and in a wide one with TERM=dumb.
/// Nothing from the text may reach the terminal as a control (what the program writes is recorded
/// and searched), no line may be wider than the window, and the 100 000-character line must not hang.
@Suite(
    "Hostile corpus text in the terminal REPL",
    .needsTmux,
    .timeLimit(.minutes(2))
)
struct HostileTextTerminalTests {
    /// One sentence per line: CSI colour and clear-screen, OSC title and clipboard (52), the 8-bit CSI
    /// U+009B, bidi override and isolates, zero-width spaces, a NUL, tabs, a run of 300 combining
    /// marks, a line of 100 000 characters.
    static let text = [
        "Der Minister sagte: „Wir \u{1B}[31mhandeln\u{1B}[0m jetzt“, so Anna \u{1B}]0;PWNED\u{7}Müller.",
        "„Das \u{1B}]52;c;ZWNobyBoaQ==\u{7}ist gut“, sagte Peter \u{9B}31mSchmidt heute.",
        "Laut Bericht \u{202E}etsil\u{202C} und \u{2066}iso\u{2069} erklärte der Sprecher, alles sei ruhig.",
        "Null\u{0}Byte und Tab\t\tim Text, sagte Karl Zwei\u{200B}\u{200B}breit.",
        "Kombiniert: e" + String(repeating: "\u{301}", count: 300) + " und mehr, sagte Eva.",
        "Der Kanzler erklärte: „" + String(repeating: "lang ", count: 20_000) + "“, sagte er.",
        "Danach sagte Olaf Scholz, man werde \u{1B}[2J\u{1B}[H alles prüfen.",
    ].joined(separator: "\n") + "\n"

    /// Byte sequences that must never come out: the text's own controls, raw.
    static let forbidden: [(name: String, bytes: [UInt8])] = [
        ("OSC", [0x1B, 0x5D]), ("ESC [2J", Array("\u{1B}[2J".utf8)), ("ESC [31m", Array("\u{1B}[31m".utf8)),
        ("ESC [H", Array("\u{1B}[H".utf8)), ("U+009B", [0xC2, 0x9B]), ("U+202E", [0xE2, 0x80, 0xAE]),
        ("U+2066", [0xE2, 0x81, 0xA6]), ("U+200B", [0xE2, 0x80, 0x8B]), ("NUL", [0]), ("TAB", [9]),
    ]

    /// Runs the REPL on the hostile corpus in a `width`×`height` window with `variables` set for it,
    /// pastes every command at once (a command pasted behind a pager question answers it and runs)
    /// and returns what the program wrote and the screen at the end.
    static func run(width: Int, height: Int, variables: String) async throws -> (output: [UInt8], screen: String) {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let corpus = workspace.folder.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: corpus.appendingPathComponent("hostile.txt"))
        let record = workspace.folder.appendingPathComponent("output.bin")
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(variables) \(binary) annotate hostile --annotator anna; echo \"[exit $?]\"",
            environment: ["USER": "anna"], width: width, height: height, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitFor(text: "1:1 ›")
        try await session.recordOutput(to: record.path)
        let perSentence = ["show -t", "aa", "list", "n"]
        let commands = Array(repeating: perSentence, count: 8).flatMap { $0 }
            + ["list all", "speakers", "status", "help", "docs", "tokens", "quit"]
        try await session.paste(commands.joined(separator: "\n") + "\n")
        let screen = try await session.waitFor(text: "[exit 0]", timeout: 60)
        return ([UInt8](try Data(contentsOf: record)), screen)
    }

    /// The places where `needle` occurs in `haystack`.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard needle.count <= haystack.count else { return 0 }
        var count = 0
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { count += 1 }
        }
        return count
    }

    /// The rows the program wrote (split at line breaks, escape sequences and carriage returns taken
    /// out) that are wider than `width`: the terminal would have broken them itself.
    static func rowsWiderThan(_ width: Int, in output: [UInt8]) -> [String] {
        let text = String(decoding: output, as: UTF8.self)
        let escape = try? NSRegularExpression(pattern: "\u{1B}\\[[0-9;?]*[ -/]*[@-~]")
        // A carriage return alone starts the row again (libedit redraws the line being edited).
        return text.split(whereSeparator: \.isNewline).compactMap { row in
            var shown = String(row)
            if let escape { shown = escape.stringByReplacingMatches(in: shown, range: NSRange(shown.startIndex..., in: shown), withTemplate: "") }
            return TerminalText.displayWidth(shown) > width ? String(shown.prefix(80)) : nil
        }
    }

    @Test("40×24, NO_COLOR: no control from the text reaches the terminal, no row is wider than the window, nothing hangs")
    func narrowWindowNoColor() async throws {
        let (output, screen) = try await Self.run(width: 40, height: 24, variables: "NO_COLOR=1")
        for (name, bytes) in Self.forbidden {
            #expect(Self.occurrences(of: bytes, in: output) == 0, "\(name) written raw")
        }
        #expect(Self.occurrences(of: Array("␛]0;PWNED␇".utf8), in: output) > 0, "the title sequence shown as placeholders")
        #expect(Self.occurrences(of: Array("<U+202E>".utf8), in: output) > 0)
        #expect(Self.occurrences(of: Array("accepted a)".utf8), in: output) > 0, "proposals were shown and accepted")
        #expect(Self.occurrences(of: Array("q stops --".utf8), in: output) > 0, "the pager asked (the 100 000-character sentence)")
        #expect(Self.occurrences(of: Array(" » Danach sagte".utf8), in: output) > 0, "the last sentence was reached")
        #expect(Self.rowsWiderThan(40, in: output).isEmpty, "\(Self.rowsWiderThan(40, in: output))")
        #expect(screen.contains("saved "), "\(screen)")
    }

    @Test("200×50, TERM=dumb: no escape sequence at all, and no control from the text")
    func wideWindowDumbTerminal() async throws {
        let (output, screen) = try await Self.run(width: 200, height: 50, variables: "TERM=dumb")
        for (name, bytes) in Self.forbidden {
            #expect(Self.occurrences(of: bytes, in: output) == 0, "\(name) written raw")
        }
        #expect(Self.occurrences(of: [0x1B], in: output) == 0, "TERM=dumb: no colour and no cursor control")
        #expect(Self.rowsWiderThan(200, in: output).isEmpty, "\(Self.rowsWiderThan(200, in: output))")
        #expect(screen.contains("saved "), "\(screen)")
    }
}
