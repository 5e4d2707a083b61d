import Foundation
import Testing

/// The REPL reading a script through a pipe: malformed lines are answered with a clear message, the
/// run goes on and exits 1, and the summary names the input lines that were rejected.
@Suite("Piped REPL input", .timeLimit(.minutes(1)))
struct PipedInputTests {
    /// Before, the summary said only "2 command(s) were rejected (see 'error:' lines)": piped output
    /// echoes no commands, so finding the rejected ones in a long script meant counting answers.
    @Test("the summary names the rejected input lines (blank lines count)")
    func summaryNamesLines() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "s", "--annotator", "a"], commands: ["show", "bogus", "", "n", "sp \"Die", "quit"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 command(s) were rejected (input lines 2, 5; see 'error:' lines)"), "\(result.stderr)")
    }

    /// Piped review's summary said only "2 command(s) were rejected (see the lines above)".
    @Test("piped review's summary names the rejected input lines as annotate's does")
    func reviewSummaryNamesLines() async throws {
        let fixture = try ReplayFixture()
        let review = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: "bogus\nstatus\ncorrect nothing x\nquit\n")
        #expect(review.status == 1)
        #expect(review.stderr.contains("2 command(s) were rejected (input lines 1, 3; see 'error:' lines); every verdict given was saved in"), "\(review.stderr)")
    }

    @Test("a line that is not UTF-8, a 1 MB line and an unclosed quote cut off by the end of input (Ctrl-D mid-line)")
    func malformedLines() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        var input = Data("show\n".utf8)
        input += Data([0x6E, 0x6F, 0x74, 0x65, 0x20, 0x4D, 0xFC, 0x6C, 0x0A])  // "note M\xFCl": Latin-1
        input += Data(("note " + String(repeating: "x", count: 1 << 20) + "\n").utf8)
        input += Data("sp \"Die Verein".utf8)  // no line break: the input ends mid-line
        let result = try await WorkbenchProcess.run(
            ["annotate", "--session", "s", "--annotator", "a"], directory: workspace.folder,
            environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock, "USER": "tester"], timeout: 30, stdinBytes: input)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: the line is not UTF-8 (byte 7 of the line starts a bad sequence"), "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("error: the line is too long (1048581 characters; at most 4000); nothing changed"))
        #expect(result.stdout.contains("error: the quote \" is not closed"))
        #expect(result.stdout.contains("saved sessions/s.json (0 events)"))
        #expect(result.stderr.contains("3 command(s) were rejected (input lines 2, 3, 4; see 'error:' lines)"), "\(result.stderr)")
    }
}
