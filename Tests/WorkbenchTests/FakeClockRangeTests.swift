import Foundation
import Testing

/// `WORKBENCH_FAKE_CLOCK` (the fixed clock of scripted runs) with fields out of range: before, the
/// reader rolled them over and the other time went into every event without a word
/// (`2026-13-45T99:00:00Z` became 2027-02-18T03:00:00Z, a year of seven digits the year 10007).
@Suite("Fake clock fields out of range")
struct FakeClockRangeTests {
    @Test("A month, day or hour out of range, or a year not of four digits, is refused naming the time it would be")
    func outOfRange() async throws {
        for value in ["2026-13-45T99:00:00Z", "9999999-01-01T00:00:00Z", "2026-02-30T09:00:00Z"] {
            let workspace = try REPLWorkspace()
            defer { workspace.remove() }
            let result = try await workspace.run(
                ["annotate", "--session", "anna", "--annotator", "anna"], commands: ["note x", "quit"],
                environment: ["WORKBENCH_FAKE_CLOCK": value])
            #expect(result.status == 1, "\(value): \(result.stdout)")
            #expect(result.stderr.contains("WORKBENCH_FAKE_CLOCK='\(value)' is no real time"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("sessions/anna.jsonl").path), "\(value)")
        }
    }

    @Test("A time in range is taken, with or without a fraction of a second")
    func inRange() async throws {
        for value in ["2026-01-01T09:00:00Z", "2024-02-29T23:59:59.123Z"] {
            let workspace = try REPLWorkspace()
            defer { workspace.remove() }
            let result = try await workspace.run(
                ["annotate", "--session", "anna", "--annotator", "anna"], commands: ["note x", "quit"],
                environment: ["WORKBENCH_FAKE_CLOCK": value])
            #expect(result.status == 0, "\(value): \(result.stderr)")
            let time = try workspace.events("anna").isEmpty ? nil : String(data: Data(contentsOf: workspace.folder.appendingPathComponent("sessions/anna.jsonl")), encoding: .utf8)
            #expect(time?.contains(String(value.prefix(16))) == true, "\(value)")
        }
    }
}
