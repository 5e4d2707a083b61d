@testable import Annotations
import Foundation
import Testing
import TestSupport

@Suite("stats command")
struct StatsCommandTests {
    @Test("Numbers on a known session, as text and as JSON")
    func knownSession() async throws {
        let fixture = try ReplayFixture()
        let text = try await fixture.run(["stats", fixture.sessionPath])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("events: 16, commands: 16, undo: 1 (6.2%)"), "\(text.stdout)")
        #expect(text.stdout.contains("documents done: 1/1, sentences done: 3/3"))
        #expect(text.stdout.contains("annotations: speaker 2, mention 2, cue 3, claim 2, target 1, stance 1, note 0, review 0"))
        #expect(text.stdout.contains("Vassili Nebenzia (1)"))
        #expect(text.stdout.contains("Vassili Nebenzia → \"Russland hat Truppen geschickt\": against"))
        // Gaps without the 10-minute pause: 2,3,4,5,6,1,2,3,4,5,6,7,8,2 → median 4, p90 7.
        #expect(text.stdout.contains("median 4.0 s, p90 7.0 s (14 intervals)"))

        // A copy of the session (one session named twice is a usage error).
        for suffix in ["json", "jsonl"] where FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("sessions/anna.\(suffix)").path) {
            try FileManager.default.copyItem(
                at: fixture.folder.appendingPathComponent("sessions/anna.\(suffix)"), to: fixture.folder.appendingPathComponent("sessions/copy.\(suffix)"))
        }
        let json = try await fixture.run(["stats", fixture.sessionPath, "sessions/copy.json", "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["events"] as? Int == 32)
        #expect(total["commands"] as? Int == 32 && total["undos"] as? Int == 2, "\(total)")
        #expect(total["sessions"] as? Int == 2)
        let decisions = try #require(total["decision_seconds"] as? [String: Any])
        #expect(decisions["median"] as? Double == 4)
        let speakers = try #require(total["speakers"] as? [[String: Any]])
        #expect(speakers.first?["mentions"] as? Int == 2)
        let keys = json.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("    \"") }.prefix(4)
        #expect(keys.map { $0.trimmingCharacters(in: .whitespaces) }.first?.hasPrefix("\"sessions\"") == true)
    }

    @Test("The text summary names the 25 most mentioned speakers and counts the rest; --json lists all")
    func manySpeakers() async throws {
        let fixture = try ReplayFixture()
        var session = Session(annotator: "anna", corpus: CorpusReference(paths: [], segmenter: "de-news-1.1", documents: []), created: "2026-11-21T10:00:00.000Z")
        for index in 1...30 {
            try session.perform(.add(.speaker(Speaker(id: "S\(index)", name: "Sprecher \(index)"))), time: "2026-11-21T10:00:\(10 + index).000Z")
        }
        try SessionCodec.encode(session.formatOneFile).write(to: URL(fileURLWithPath: fixture.path("sessions/many.json")))
        let text = try await fixture.run(["stats", "sessions/many.json"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Sprecher 1 (0), "))
        #expect(text.stdout.contains("… and 5 more (--json lists all)"))
        let json = try await fixture.run(["stats", "sessions/many.json", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect((total["speakers"] as? [[String: Any]])?.count == 30)
    }
}
