import Foundation
import Testing

/// What `validate` and `replay --verify` say of a torn last log line (a warning, the session valid)
/// and of an event line moved by hand (its line in the log).
@Suite("validate and replay --verify on log lines")
struct LogLineCommandTests {
    func annotated(_ workspace: REPLWorkspace) async throws -> URL {
        let made = try await workspace.run(["annotate", "--session", "v"], commands: [
            "goto 1:10", "speaker \"Sergiy Kyslytsya\"", "goto 1:11", "speaker \"US-Verteidigungsminister Lloyd Austin\"", "quit",
        ])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        return workspace.folder.appendingPathComponent("sessions/v.jsonl")
    }

    @Test("a torn last line is a warning naming the log, its line and bytes; validate and replay --verify still pass")
    func tornLastLine() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let log = try await annotated(workspace)
        var bytes = try Data(contentsOf: log)
        let lines = bytes.split(separator: 0x0A).count
        bytes += Data("{\"event\":{\"action\":\"add\",\"annot".utf8)
        try bytes.write(to: log)
        let warning = "warning: sessions/v.jsonl: line \(lines + 1) is torn (31 byte(s) after the last line break"
        let validated = try await workspace.run(["validate", "sessions/v.json"], commands: [])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(validated.stdout.contains("sessions/v.json: valid:"), "\(validated.stdout)")
        #expect(validated.stderr.contains(warning) && validated.stderr.contains("the next annotate sets it aside in sessions/v.jsonl.torn"), "\(validated.stderr)")
        let verified = try await workspace.run(["replay", "sessions/v.json", "--verify"], commands: [])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stdout.contains("verified"), "\(verified.stdout)")
        #expect(verified.stderr.contains(warning), "\(verified.stderr)")
    }

    @Test("an event line moved by hand is named by the log's line number")
    func movedEventLine() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let log = try await annotated(workspace)
        var lines = try Data(contentsOf: log).split(separator: 0x0A).map { Data($0) }
        let events = lines.indices.filter { lines[$0].starts(with: Data("{\"event\":".utf8)) }
        #expect(events.count >= 2)
        lines.swapAt(events[0], events[1])
        try (Data(lines.joined(separator: [0x0A])) + [0x0A]).write(to: log)
        let line = "sessions/v.jsonl:\(events[0] + 1): event 2 cannot be replayed: event 2 is out of sequence; expected 1"
        for arguments in [["validate", "sessions/v.json"], ["replay", "sessions/v.json", "--verify"]] {
            let result = try await workspace.run(arguments, commands: [])
            #expect(result.status == 1, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(line), "\(arguments): \(result.stderr)")
        }
    }
}
