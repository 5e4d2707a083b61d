import Annotations
import Foundation
import Testing
import TestSupport
@testable import Workbench

/// `review --out` on an existing review of the same session (resuming it) tells so from the log's
/// first line alone, before the session is opened for writing: the whole session was read once
/// more only to be told apart from another's.
@Suite("review: resuming is told from the log's header")
struct ReviewResumeHeadTests {
    @Test("a review of the session is known by its log's header alone (its events need not be readable); another session's review is not")
    func headerAlone() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        let sessions = folder.appendingPathComponent("sessions").path
        let reviewed = try await WorkbenchProcess.run(
            ["review", sessions + "/sa.json", "--out", sessions + "/rev", "--reviewer", "carla"], stdin: "accept\nquit\n", directory: folder)
        #expect(reviewed.status == 0, "\(reviewed.stderr)")
        #expect(ReviewCommand.resumesReview(sessions + "/rev.json", of: sessions + "/sa.json"))
        #expect(!ReviewCommand.resumesReview(sessions + "/rev.json", of: sessions + "/sb.json"))
        #expect(!ReviewCommand.resumesReview(sessions + "/sb.json", of: sessions + "/sa.json"))
        // Only the header is read: with the events after it unreadable and the snapshot gone, the
        // whole session cannot be loaded, and the header still says what it is.
        let log = sessions + "/rev.jsonl"
        let header = try #require(String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self).split(separator: "\n").first)
        try Data((header + "\nnot an event\n{\"event\":\n").utf8).write(to: URL(fileURLWithPath: log))
        try FileManager.default.removeItem(atPath: sessions + "/rev.json")
        #expect(throws: (any Error).self) { _ = try SessionStore.load(path: sessions + "/rev.json") }
        #expect(ReviewCommand.resumesReview(sessions + "/rev.json", of: sessions + "/sa.json"))
    }
}
