import Foundation
import Testing
import TestSupport

/// `review --corpus PATH` names the corpus to review against: a path that cannot be loaded (a typo)
/// is refused before the review session is written, not passed over with a warning.
@Suite("review --corpus with a missing path")
struct ReviewCorpusPathTests {
    @Test("review --corpus naming no file: refused with the path named, status 1, no review session or lock file written")
    func missingCorpusRefused() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        let sessions = folder.appendingPathComponent("sessions").path
        let result = try await WorkbenchProcess.run(
            ["review", "sessions/sa.json", "--corpus", "corpsu", "--reviewer", "carla"], stdin: "accept\nquit\n", directory: folder)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("corpsu"), "\(result.stderr)")
        #expect(result.stderr.contains("given with --corpus"), "\(result.stderr)")
        for suffix in [".json", ".jsonl", ".json.lock"] {
            #expect(!FileManager.default.fileExists(atPath: sessions + "/sa.reviewed" + suffix), "sa.reviewed\(suffix)")
        }
        // The recorded corpus, when it is gone, is still only a warning: the stored anchor text is shown.
        let recorded = try await WorkbenchProcess.run(
            ["review", "sessions/sa.json", "--reviewer", "carla", "--out", "kept"], stdin: "quit\n", directory: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
    }
}
