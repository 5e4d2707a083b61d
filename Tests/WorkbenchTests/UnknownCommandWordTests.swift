import Foundation
import Testing
import WorkbenchShell

/// The typed word of an unknown command, as the REPL and the command line quote it: one helper cuts
/// it to 40 characters, sanitises it and names the characters outside ASCII. Before, the command line
/// quoted the whole word (a 300-character word pasted by mistake filled the message) while the REPL
/// cut it, each with its own copy of the cut and the clause.
@Suite("The word of an unknown command")
struct UnknownCommandWordTests {
    @Test("The helper cuts at 40 characters with …, sanitises, and names foreign letters")
    func helper() {
        #expect(ForeignLetters.quotedCommandWord("stat") == "'stat'")
        #expect(ForeignLetters.quotedCommandWord(String(repeating: "x", count: 300)) == "'" + String(repeating: "x", count: 40) + "…'")
        #expect(ForeignLetters.quotedCommandWord("a\u{1B}[31mb") == "'a␛[31mb'")
        #expect(ForeignLetters.quotedCommandWord("n\u{43E}te") == "'n\u{43E}te' (its '\u{43E}' is U+043E CYRILLIC SMALL LETTER O; commands are spelled with the ASCII letters a–z only)")
    }

    @Test("The command line cuts a 300-character word as the REPL does")
    func commandLineCutsTheWord() async throws {
        let word = String(repeating: "q", count: 300)
        let result = try await WorkbenchProcess.run([word])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("unknown command '" + String(repeating: "q", count: 40) + "…', and no corpus file"), "\(result.stderr)")
        #expect(!result.stderr.contains(String(repeating: "q", count: 41)), "\(result.stderr)")
    }

    @Test("The REPL quotes it the same way")
    func replCutsTheWord() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], commands: [String(repeating: "q", count: 300), "quit"])
        #expect(result.stdout.contains("unknown command '" + String(repeating: "q", count: 40) + "…'"), "\(result.stdout)")
    }
}
