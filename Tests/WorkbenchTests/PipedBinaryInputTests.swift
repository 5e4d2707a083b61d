import Foundation
import Testing

/// Binary data piped into the REPL (`cat /dev/zero | workbench annotate …`, an archive piped in by
/// mistake): a NUL byte and no line break in the first 4 MiB of a line. Before, such a line was read
/// to its end without being kept, and a stream without end (`/dev/zero`) was read for ever: the program
/// never ended. Now reading stops there with one message on standard error and exit status 1, as
/// `grep` says "binary file matches" rather than reading it as lines.
@Suite("Binary data piped into the REPL", .timeLimit(.minutes(2)))
struct PipedBinaryInputTests {
    @Test("NUL bytes without a line break end the input with one message and exit status 1; nothing after them runs")
    func binaryInputEndsTheInput() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        // A bounded stand-in for /dev/zero: 6 MiB of NUL bytes, then lines that must not be read as commands.
        var input = Data("note davor\n".utf8)
        input.append(Data(repeating: 0, count: 6 << 20))
        input.append(Data("\nnote danach\nquit\n".utf8))
        let result = try await WorkbenchProcess.run(
            ["annotate", "--session", "anna", "--annotator", "anna"], directory: workspace.folder,
            environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock], stdinBytes: input)
        #expect(
            result.stderr.contains("error: could not read standard input (it is binary data, not text: a NUL byte and no line break in the first 4 MiB of a line"),
            "\(result.stderr.prefix(2000))")
        #expect(!result.stdout.contains("too long"), "\(result.stdout.prefix(2000))")
        #expect(result.stdout.contains("+ N1 note"), "the line before it ran")
        #expect(!result.stdout.contains("+ N2 note"), "nothing after the binary data is read as a command")
        #expect(result.stdout.contains("saved "), "the edits before it are saved")
        #expect(result.status == 1)
    }

    @Test("adjudicate's answers end the same way")
    func adjudicateStops() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        var input = Data(repeating: 0, count: 6 << 20)
        input.append(Data("\n2\nq\n".utf8))
        let result = try await WorkbenchProcess.run(
            ["adjudicate", anna, ben, "--out", folder + "/gold.json", "--adjudicator", "carla"], stdinBytes: input)
        #expect(result.stderr.contains("could not read standard input (it is binary data, not text"), "\(result.stderr.prefix(2000))")
        #expect(!result.stdout.contains("too long"), "\(result.stdout.prefix(2000))")
        #expect(result.status == 1)
    }
}
