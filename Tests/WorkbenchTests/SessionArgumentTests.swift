import Foundation
import TestSupport
import Testing

/// Reading commands find a bare session name in the sessions folder, as `annotate --session` does.
@Suite("Session names on reading commands")
struct SessionArgumentTests {
    @Test("validate, stats, replay, export, diff and agree read `anna` as sessions/anna.json; a file here comes first")
    func bareNameFindsTheSessionsFolder() async throws {
        let folder = TestScratch.path("session-argument-")
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            at: WorkbenchProcess.packageRoot.appendingPathComponent("seeds"), to: URL(fileURLWithPath: folder + "/seeds"))
        for name in ["anna", "ben"] {
            for suffix in ["json", "jsonl"] {
                try FileManager.default.copyItem(
                    at: WorkbenchProcess.packageRoot.appendingPathComponent("sessions/example.\(suffix)"),
                    to: URL(fileURLWithPath: folder + "/sessions/\(name).\(suffix)"))
            }
        }
        for arguments in [
            ["validate", "anna"], ["stats", "anna"], ["replay", "anna", "--verify"], ["diff", "anna", "ben"], ["agree", "anna", "ben"],
            ["export", "anna", "--format", "csv", "--out", "out"],
        ] {
            let result = try await WorkbenchProcess.run(arguments, directory: URL(fileURLWithPath: folder))
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let validated = try await WorkbenchProcess.run(["validate", "anna"], directory: URL(fileURLWithPath: folder))
        #expect(validated.stdout.hasPrefix("sessions/anna.json: valid"), "\(validated.stdout)")
        let missing = try await WorkbenchProcess.run(["validate", "nobody"], directory: URL(fileURLWithPath: folder))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nobody: no such session file"))
        // A session of that name in the working folder is the one read.
        for suffix in ["json", "jsonl"] {
            try FileManager.default.moveItem(atPath: folder + "/sessions/ben.\(suffix)", toPath: folder + "/anna.\(suffix)")
        }
        let here = try await WorkbenchProcess.run(["validate", "anna.json"], directory: URL(fileURLWithPath: folder))
        #expect(here.stdout.hasPrefix("anna.json: valid"), "\(here.stdout)\(here.stderr)")
    }
}
