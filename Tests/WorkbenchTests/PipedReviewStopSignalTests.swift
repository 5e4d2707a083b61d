@testable import Annotations
import Foundation
import Glibc
import Testing
import TestSupport

/// `kill` (SIGTERM) or a hang-up (SIGHUP) while a piped `review` or `adjudicate` waits for its next answer.
/// Both ended at once (killed by the signal): the verdicts given were in the review's log and the decisions
/// in the adjudication, but the review's snapshot was not written and both left their lock to be found
/// stale. Now they end as piped `annotate` does (``PipedStopSignalTests``): the input ends as at its end,
/// the session is saved and closed, and the status says the run was stopped (128 + the signal).
@Suite("SIGTERM and SIGHUP while a piped review or adjudication runs", .serialized, .timeLimit(.minutes(2)))
struct PipedReviewStopSignalTests {
    typealias PipedRun = PipedStopSignalTests.PipedRun

    /// After `signal` ended `run`: status 128 + the signal, said on standard error, and the lock of the
    /// session at `session` (relative to the run's folder) released (a released lock file is empty; a
    /// killed holder's still names it).
    static func expectStoppedAndUnlocked(_ run: PipedRun, signal: Int32, session: String) throws -> String {
        let stderr = try run.ended()
        #expect(run.process.terminationReason == .exit, "killed by the signal: \(stderr)")
        #expect(run.process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains(signal == SIGHUP ? "stopped (the terminal hung up)" : "stopped (terminated)"), "\(stderr)")
        let lock = try FileManager.default.attributesOfItem(atPath: run.folder + "/" + session + ".lock")
        #expect((lock[.size] as? Int) == 0, "the lock is left to be found stale")
        return stderr
    }

    @Test("review: a stop signal while it waits for the next verdict saves and closes the review", arguments: [SIGTERM, SIGHUP])
    func review(signal: Int32) async throws {
        let fixture = try ReplayFixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let run = try PipedRun.start(["review", fixture.sessionPath, "--reviewer", "rita"], in: fixture.folder.path)
        run.write("accept\n")
        // The verdict is in the log, and the next annotation is shown.
        try run.waitUntil("sessions/anna.reviewed.jsonl", holds: "\"annotator\":\"rita\"")
        try run.waitUntil(run.output, holds: "] Q1")
        kill(run.process.processIdentifier, signal)
        _ = try Self.expectStoppedAndUnlocked(run, signal: signal, session: "sessions/anna.reviewed.json")
        // The snapshot holds the verdict (it was written only when the review was begun).
        let snapshot = try String(contentsOfFile: fixture.folder.path + "/sessions/anna.reviewed.json", encoding: .utf8)
        #expect(snapshot.contains("accepted"), "the snapshot holds the verdict")
        let resumed = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: "quit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try SessionStore.read(path: fixture.path("sessions/anna.reviewed.json")).file.reviews.count == 1)
    }

    @Test("adjudicate: a stop signal while it waits for the next choice ends it as the input's end does", arguments: [SIGTERM, SIGHUP])
    func adjudicate(signal: Int32) async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try PipedRun.start(["adjudicate", anna, ben, "--out", "adjudicated", "--adjudicator", "carla"], in: folder)
        run.write("2\n")
        // The first decision is written, and the second disagreement is asked.
        try run.waitUntil(run.output, holds: "[2/2]")
        kill(run.process.processIdentifier, signal)
        _ = try Self.expectStoppedAndUnlocked(run, signal: signal, session: "sessions/adjudicated.json")
        let stdout = try String(contentsOfFile: run.output, encoding: .utf8)
        #expect(stdout.contains("decided 1; stopped, run again to continue"), "\(stdout)")
        let partial = try SessionStore.load(path: folder + "/sessions/adjudicated.json")
        #expect(partial.state.claims.values.contains { $0.anchor.text == "die Lage sei ernst" && $0.form == "indirect" })
    }
}
