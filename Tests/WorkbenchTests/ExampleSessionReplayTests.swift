import Foundation
import Testing

/// The example session in the repository replays and verifies.
@Suite("replay of sessions/example.json")
struct ExampleSessionReplayTests {
    static let example = WorkbenchProcess.packageRoot.appendingPathComponent("sessions/example.json")

    @Test("Deterministic transcript and a passing --verify", .enabled(if: FileManager.default.fileExists(atPath: example.path)))
    func replayExample() async throws {
        let first = try await WorkbenchProcess.run(["replay", "sessions/example.json"])
        let second = try await WorkbenchProcess.run(["replay", "sessions/example.json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("<Q1 forderten> Nordkorea am Mittwoch <Q1 auf>"))
        let verify = try await WorkbenchProcess.run(["replay", "sessions/example.json", "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("verified:"))
        let stats = try await WorkbenchProcess.run(["stats", "sessions/example.json", "--json"])
        #expect(stats.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(stats.stdout.utf8))) != nil)
    }
}
