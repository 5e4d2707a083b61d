import Foundation
import Testing

/// Standard output that cannot be written whole (redirected to a full disk; `/dev/full` stands in
/// for one): the command says so and exits with 1, instead of exiting 0 with its result cut off.
@Suite("Standard output on a full disk")
struct OutputWriteFailureTests {
    /// Runs `workbench arguments` in the package root with its standard output sent to `/dev/full`.
    private func runIntoFullDevice(_ arguments: [String], stdin: String = "") async throws -> WorkbenchProcess.Result {
        try await WorkbenchProcess.run(
            ["-c", "exec \"$0\" \"$@\" > /dev/full", WorkbenchProcess.binary.path] + arguments, stdin: stdin,
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test("segment, suggest, stats --json and --version into a full disk exit 1 naming the reason")
    func resultCommands() async throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        for arguments in [
            ["segment", "seeds", "--format", "jsonl"], ["suggest", "seeds"],
            ["stats", "sessions/example.json", "--json"], ["--version"],
        ] {
            let result = try await runIntoFullDevice(arguments)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(
                result.stderr.contains("error: could not write standard output (No space left on device)"),
                "\(arguments): \(result.stderr)")
        }
    }

    @Test("a command that already failed keeps its own status and adds the output's failure")
    func failedCommandKeepsItsStatus() async throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let result = try await runIntoFullDevice(["validate", "sessions/example.json", "no/such/session.json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no/such/session.json"))
        #expect(result.stderr.contains("could not write standard output"))
    }

    @Test("a reader that stops early (a closed pipe) is no failure: no message")
    func closedPipeIsQuiet() async throws {
        let result = try await WorkbenchProcess.run(
            ["-c", "\"$0\" segment seeds --format jsonl | head -c 10 > /dev/null", WorkbenchProcess.binary.path],
            executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(!result.stderr.contains("could not write standard output"), "\(result.stderr)")
    }

    @Test("output that fits is written and exits 0")
    func writableOutput() async throws {
        let result = try await WorkbenchProcess.run(["stats", "sessions/example.json", "--json"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("could not write standard output"))
    }
}
