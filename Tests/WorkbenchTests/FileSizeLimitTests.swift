import Foundation
import Testing

/// The piped REPL under a file-size limit (`ulimit -f`): the append that would pass it is refused as
/// on a full disk, the run goes on, saves what it can and exits 1 naming the refused lines; every
/// acknowledged edit is in the log (`replay --verify`). Before, the kernel's SIGXFSZ ended the
/// program at the first such append with status 153 and no message.
@Suite("A file-size limit in the piped REPL", .timeLimit(.minutes(2)))
struct FileSizeLimitTests {
    @Test("edits past the limit are refused with a message, the run goes on and exits 1; the log is as it was")
    func editsPastTheLimit() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let made = try await workspace.run(["annotate", "seeds", "--session", "limit", "--annotator", "anna"], commands: ["goto 1:4", "quit"])
        #expect(made.status == 0, "\(made.stderr)")
        let log = workspace.folder.appendingPathComponent("sessions/limit.jsonl")
        let before = try Data(contentsOf: log)
        // `ulimit -f 1`: files may grow to 512 bytes, less than the log and the snapshot already hold,
        // so every append and the snapshot are refused, as on a full disk.
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let result = try await WorkbenchProcess.run(
            ["-c", "ulimit -f 1 && exec \(binary) annotate seeds --session limit --annotator anna"],
            stdin: "y\nnote kurz\nsave\nquit\n", directory: workspace.folder,
            environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock, "USER": "anna"],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1, "status \(result.status); stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "could not store the edit (nothing changed)").count == 3, "\(result.stdout)")
        #expect(result.stdout.contains("a file-size limit, e.g. ulimit -f, is reached"), "\(result.stdout)")
        #expect(!result.stdout.contains("accepted a)") && !result.stdout.contains("+ N1"), "nothing acknowledged: \(result.stdout)")
        #expect(result.stderr.contains("could not save the snapshot (every acknowledged edit is kept in the log"), "\(result.stderr)")
        #expect(result.stderr.contains("command(s) were rejected (input lines 1, 2, 3"), "\(result.stderr)")
        #expect(try Data(contentsOf: log) == before, "the log is as it was")
        let verify = try await workspace.run(["replay", "sessions/limit", "--verify"], commands: [])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
