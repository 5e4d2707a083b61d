import Annotations
import Foundation
import Testing

/// A hidden character at the end (or start) of a command word: `list` + U+200B ZERO WIDTH SPACE, pasted
/// from a chat or a web page. Foundation's `.whitespaces` counts U+200B as a space, so the line was
/// trimmed to `list` and ran, while the same character inside a word (`li` U+200B `st`) is named
/// ("its U+200B ZERO WIDTH SPACE; commands are spelled with the ASCII letters a–z only"). Now a command
/// word is trimmed of Unicode's white space only, and a hidden character in it is named wherever it is.
@Suite("A hidden character in a command word")
struct HiddenCharacterCommandWordTests {
    @Test("The trim keeps U+200B, U+2060 and U+FEFF, and removes spaces, tabs and no-break spaces")
    func trimKeepsHiddenCharacters() {
        #expect(CommandLexer.trimmed("list\u{200B}") == "list\u{200B}")
        #expect(CommandLexer.trimmed("\u{200B}list") == "\u{200B}list")
        #expect(CommandLexer.trimmed("\u{FEFF}list\u{2060}") == "\u{FEFF}list\u{2060}")
        #expect(CommandLexer.trimmed(" \tlist\u{00A0} ") == "list")
        #expect(CommandLexer.trimmed("  ") == "")
    }

    @Test("`list` + U+200B is refused and the character named; the REPL goes on")
    func replNamesIt() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], commands: ["list\u{200B}", "\u{200B}note davor", "note gut", "quit"])
        let output = result.stdout + result.stderr
        #expect(
            output.contains("unknown command 'list<U+200B>' (its U+200B ZERO WIDTH SPACE; commands are spelled with the ASCII letters a–z only)"),
            "\(output)")
        #expect(output.contains("unknown command '<U+200B>note'"), "\(output)")
        #expect(!result.stdout.contains("no annotations in this sentence"), "list did not run: \(result.stdout)")
        #expect(result.stdout.contains("+ N1 note"), "the REPL went on: \(result.stdout)")
        #expect(result.stderr.contains("2 command(s) were rejected (input lines 1, 2"), "\(result.stderr)")
        #expect(result.status == 1)
    }
}
