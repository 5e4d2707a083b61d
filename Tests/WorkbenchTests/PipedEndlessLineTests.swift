import Foundation
import Testing

/// A piped REPL input with a line far longer than any command: a binary file or a stream without
/// line breaks piped in by mistake (`workbench annotate < archive.zip`, `cat /dev/zero | workbench`).
/// Before, the whole line was held in memory (about three bytes per byte read) and measured in
/// characters before it was refused: 200 MB of NUL bytes ran for minutes in a debug build, and a
/// stream that never ends grew until memory ran out.
@Suite("A piped line without end", .timeLimit(.minutes(2)))
struct PipedEndlessLineTests {
    @Test("A 32 MiB line is refused by its size in bytes without being kept; the next line runs")
    func refusedBySize() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        // Text without a line break (no NUL byte: input with one is binary, see PipedBinaryInputTests).
        var input = Data(repeating: UInt8(ascii: "x"), count: 32 << 20)
        input.append(Data("\nnote danach\nquit\n".utf8))
        let result = try await WorkbenchProcess.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], directory: workspace.folder,
            environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock], stdinBytes: input)
        let output = result.stdout + result.stderr
        #expect(
            output.contains("error: the line is too long (33554432 bytes, read without being kept; a command line holds at most 4000 characters"),
            "\(output.prefix(2000))")
        #expect(result.stdout.contains("+ N1 note"), "the line after it ran")
        #expect(result.stderr.contains("1 command(s) were rejected (input line 1;"), "\(result.stderr)")
        #expect(result.status == 1)
    }

    @Test("A line just under the size kept is still refused by the shell in characters")
    func keptLineMeasuredInCharacters() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], commands: [String(repeating: "x", count: 5000), "quit"])
        #expect(result.stdout.contains("error: the line is too long (5000 characters; at most 4000); nothing changed"), "\(result.stdout)")
    }
}
