import Foundation
import Testing
import TestSupport

/// A writing command refused after it took the session's lock leaves the place as it found it: no
/// `NAME.json.lock` beside no session, no sessions folder it made (an empty lock file was left).
@Suite("A refused writer leaves no lock file")
struct RefusedWriterLockTests {
    @Test("adjudicate of sessions on different corpora: refused, no gold.json.lock and no folder it made (was an empty lock file beside no session)")
    func adjudicateOfDifferentCorpora() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        for out in ["gold", "made/gold"] {
            let result = try await WorkbenchProcess.run(
                ["adjudicate", "sessions/sa.json", "sessions/sb.json", "--out", out, "--adjudicator", "carla"], stdin: "q\n", directory: folder)
            #expect(result.status == 1, "\(result.stdout)")
            #expect(result.stderr.contains("different corpora") || result.stderr.contains("missing in the"), "\(result.stderr)")
            let base = out.contains("/") ? folder.appendingPathComponent(out).path : folder.appendingPathComponent("sessions/" + out).path
            for suffix in [".json", ".jsonl", ".json.lock"] {
                #expect(!FileManager.default.fileExists(atPath: base + suffix), "\(out)\(suffix)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("made").path))
        // A lock file that was there before stays (it is another writer's business).
        let lock = folder.appendingPathComponent("sessions/gold.json.lock").path
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let again = try await WorkbenchProcess.run(
            ["adjudicate", "sessions/sa.json", "sessions/sb.json", "--out", "gold", "--adjudicator", "carla"], stdin: "q\n", directory: folder)
        #expect(again.status == 1)
        #expect(FileManager.default.fileExists(atPath: lock))
    }

    @Test("adjudicate --out naming an annotator's session: refused, no lock file left beside it")
    func refusedOnAnExistingSession() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        let sessions = folder.appendingPathComponent("sessions").path
        try FileManager.default.removeItem(atPath: sessions + "/sa.json.lock")
        try FileManager.default.removeItem(atPath: sessions + "/sb.json.lock")
        for suffix in [".json", ".jsonl"] { try FileManager.default.copyItem(atPath: sessions + "/sa" + suffix, toPath: sessions + "/sc" + suffix) }
        let adjudicated = try await WorkbenchProcess.run(
            ["adjudicate", "sessions/sa.json", "sessions/sc.json", "--out", "sb", "--adjudicator", "carla"], stdin: "q\n", directory: folder)
        #expect(adjudicated.status == 1, "\(adjudicated.stdout)")
        #expect(adjudicated.stderr.contains("sb.json is an annotator's session, not an adjudication"), "\(adjudicated.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sessions + "/sb.json.lock"), "\(adjudicated.stderr)")
    }

    @Test("review --out naming another annotator's session: refused before anything is written, its files as they were and no lock file left")
    func reviewOutOnAnotherSession() async throws {
        let workspace = try await TestWorkspace.sessionsOnTwoCorpora()
        defer { workspace.remove() }
        let folder = workspace.url
        let sessions = folder.appendingPathComponent("sessions").path
        for name in ["sa", "sb"] { try FileManager.default.removeItem(atPath: sessions + "/\(name).json.lock") }
        // A snapshot that opening for writing rewrites (lost: rebuilt from the log), and one that it leaves.
        for lost in [false, true] {
            if lost { try FileManager.default.removeItem(atPath: sessions + "/sb.json") }
            let before = ["sb.json", "sb.jsonl"].map { FileManager.default.contents(atPath: sessions + "/" + $0) }
            let reviewed = try await WorkbenchProcess.run(
                ["review", "sessions/sa.json", "--out", "sb", "--reviewer", "carla"], stdin: "quit\n", directory: folder)
            #expect(reviewed.status == 1, "\(reviewed.stdout)")
            #expect(reviewed.stderr.contains("sb.json is another session, not a review of sessions/sa.json"), "\(reviewed.stderr)")
            #expect(!FileManager.default.fileExists(atPath: sessions + "/sb.json.lock"), "\(reviewed.stderr)")
            #expect(["sb.json", "sb.jsonl"].map { FileManager.default.contents(atPath: sessions + "/" + $0) } == before)
        }
    }
}
