import Foundation
import Testing

@Suite("Reopening a session after its corpus changed")
struct ReanchorREPLTests {
    static let document = "000_f8d7a53538fa2d5e"

    @Test("Moved text is re-anchored, vanished text is orphaned and kept, and the session validates")
    func reanchorOnReopen() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(
            ["annotate", "--session", "r"],
            commands: ["goto 4", "speaker \"Vassili Nebenzia\"", "cue \"versicherte\"", "goto 2", "cue \"befinden\"", "quit"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let before = try workspace.annotations("r")
        let seed = workspace.folder.appendingPathComponent("seeds/\(Self.document).txt")
        var text = try String(contentsOf: seed, encoding: .utf8)
        text = "Eine neue Überschrift\n" + text.replacingOccurrences(of: "befinden sich rund", with: "sind rund")
        try Data(text.utf8).write(to: seed)
        let second = try await workspace.run(["annotate", "--session", "r"], commands: ["quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("re-anchored"))
        #expect(second.stderr.contains("orphaned"))
        let after = try workspace.annotations("r")
        // A line was added before the annotated sentences, and "befinden sich" (13 scalars) became "sind" (4) before them.
        let offset = "Eine neue Überschrift\n".unicodeScalars.count - 9
        func start(_ item: [String: Any]?) -> Int? {
            ((item?["anchor"] as? [String: Any])?["segments"] as? [[String: Any]])?.first?["start"] as? Int
        }
        #expect(start(after["M1"]).map { $0 - offset } == start(before["M1"]))
        #expect(start(after["Q1"]).map { $0 - offset } == start(before["Q1"]))
        #expect(((after["Q2"]?["anchor"] as? [String: Any])?["orphaned"] as? Bool) == true)
        #expect(start(after["Q2"]) == start(before["Q2"]), "an orphan keeps its offsets")
        let validate = try await WorkbenchProcess.run(["validate", "sessions/r.json"], directory: workspace.folder)
        #expect(validate.stderr.contains("Q2 is orphaned"))
        #expect(!validate.stderr.contains("M1"))
    }

    @Test("A session made with older sentence rules is checked against the new sentences and records the new rules")
    func newerSegmenter() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "s"], commands: ["goto 4", "speaker \"Vassili Nebenzia\"", "quit"])
        #expect(first.status == 0, "\(first.stderr)")
        // The corpus a session belongs to is recorded in its log (the header line).
        let path = workspace.folder.appendingPathComponent("sessions/s.jsonl")
        let saved = try String(contentsOf: path, encoding: .utf8)
        let version = try #require(saved.firstMatch(of: /"segmenter" *: *"([^"]+)"/)?.1)
        try Data(saved.replacingOccurrences(of: "\"\(version)\"", with: "\"de-news-0.9\"").utf8).write(to: path)
        let second = try await workspace.run(["annotate", "--session", "s"], commands: ["quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("sentences are now split by segmenter \(version) (this session was made with de-news-0.9)"))
        #expect(second.stderr.contains("re-anchored: 1 in place, 0 moved"))
        let third = try await workspace.run(["annotate", "--session", "s"], commands: ["quit"])
        #expect(!third.stderr.contains("segmenter"), "the new rules were recorded: \(third.stderr)")
    }
}
