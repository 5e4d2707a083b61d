import Foundation
import Testing

/// Standard input that cannot be read (a folder given as the script: `annotate < /`): the piped
/// dialogues say so and exit with 1, instead of taking it for an empty script and exiting 0.
@Suite("Standard input that cannot be read")
struct InputReadFailureTests {
    @Test("annotate and review with a folder as standard input exit 1 naming the reason")
    func folderAsInput() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        for name in ["example.json", "example.jsonl"] {
            try FileManager.default.copyItem(
                at: WorkbenchProcess.packageRoot.appendingPathComponent("sessions/" + name),
                to: workspace.folder.appendingPathComponent("sessions/" + name))
        }
        for arguments in [["annotate", "--session", "f", "--annotator", "anna"], ["review", "example", "--out", "g", "--reviewer", "rita"]] {
            let result = try await WorkbenchProcess.run(
                ["-c", "exec \"$0\" \"$@\" < /", WorkbenchProcess.binary.path] + arguments, directory: workspace.folder,
                environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock], executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("error: could not read standard input (Is a directory)"), "\(arguments): \(result.stderr)")
        }
    }

    @Test("an empty script is no failure")
    func emptyInput() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "e"], commands: [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("could not read standard input"))
    }
}
