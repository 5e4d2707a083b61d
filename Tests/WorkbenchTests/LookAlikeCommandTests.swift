import Foundation
import Testing
import TestSupport
import WorkbenchShell

/// A command typed with letters that only look like the ASCII ones every command is spelled with (a
/// Cyrillic `о` from a keyboard layout left on, a name pasted from a chat): before, the message showed
/// the same-looking name, "unknown command 'nоte'; did you mean: note?", and gave no reason a person
/// could see. Now it names each such character with its code point and Unicode name.
@Suite("Commands typed with look-alike letters")
struct LookAlikeCommandTests {
    @Test("The REPL names the Cyrillic letter in 'nоte', and in a help topic")
    func replNamesTheLetter() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "anna", "--annotator", "anna"],
            commands: ["n\u{43E}te hallo", "help \u{430}ccept", "note gut", "quit"])
        let output = result.stdout + result.stderr
        #expect(result.status == 1, "the rejected lines are counted: \(result.stderr)")
        #expect(
            output.contains(
                "unknown command 'n\u{43E}te' (its '\u{43E}' is U+043E CYRILLIC SMALL LETTER O; commands are spelled with the ASCII letters a–z only); did you mean: note?"),
            "\(output)")
        #expect(output.contains("'\u{430}' is U+0430 CYRILLIC SMALL LETTER A"), "help names it too: \(output)")
        #expect(result.stdout.contains("+ N1 note"), "the REPL went on: \(result.stdout)")
    }

    @Test("A character that is not shown as itself is named by its code point alone")
    func invisibleCharacter() {
        #expect(ForeignLetters.clause(for: "note") == nil)
        #expect(
            ForeignLetters.clause(for: "no\u{200B}te\u{301}")
                == "its U+200B ZERO WIDTH SPACE, U+0301 COMBINING ACUTE ACCENT; commands are spelled with the ASCII letters a–z only")
        #expect(ForeignLetters.clause(for: "\u{430}\u{431}\u{432}\u{433}")?.contains("and 1 more;") == true)
    }

    @Test("The command line names it too; an all-ASCII typo is answered as before")
    func commandLineNamesTheLetter() async throws {
        let result = try await WorkbenchProcess.run(["\u{455}tats", "sessions/example.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains("unknown command '\u{455}tats' (its '\u{455}' is U+0455 CYRILLIC SMALL LETTER DZE; commands are spelled with the ASCII letters a–z only)"),
            "\(result.stderr)")
        let ascii = try await WorkbenchProcess.run(["stat", "sessions/example.json"])
        #expect(ascii.stderr.contains("unknown command 'stat' (did you mean 'stats'?)"), "\(ascii.stderr)")
    }
}
