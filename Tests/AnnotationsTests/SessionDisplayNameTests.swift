import Foundation
import Testing
@testable import Annotations
import TestSupport

/// A session read from a copy whose paths mean nothing to the user (`replay --team` reads a team
/// session pulled into a private folder that is gone when the command ends) is named in every
/// message as the user knows it, by the reader itself: nothing rewrites message text afterwards.
@Suite("Readers name a session by its display name")
struct SessionDisplayNameTests {
    static let name = "team session anna"

    /// A closed session `anna.json` in a fresh folder holding speakers S1…S`count`; its path.
    static func closedSession(speakers count: Int, created: String = "2026-11-21T10:00:00.000Z") throws -> String {
        let path = TestCorpus.temporaryFolder() + "/anna.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: created)
        }
        for number in 1...count { try store.perform(.add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))), time: "t\(number)") }
        try store.close()
        return path
    }

    /// The message of what `body` throws (nil when it does not throw).
    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return "\(error)" }
        return nil
    }

    static func expectNamed(_ text: String?, _ path: String, _ comment: String) {
        #expect(text?.contains(name) == true, "\(comment): \(text ?? "nothing")")
        #expect(text?.contains(SessionPaths.folder(of: path)) == false, "\(comment): \(text ?? "nothing")")
    }

    @Test("A damaged log line of the copy names the team session and the line")
    func damagedLogLine() throws {
        let path = try Self.closedSession(speakers: 2)
        let log = SessionPaths(path).log
        try (String(contentsOfFile: log, encoding: .utf8) + "{\"garbage\": true}\n").write(toFile: log, atomically: true, encoding: .utf8)
        let read = Self.message { _ = try SessionStore.read(path: path, displayName: Self.name) }
        Self.expectNamed(read, path, "read")
        #expect(read?.contains(": damaged log line") == true && read?.hasPrefix("\(Self.name):") == true, "\(read ?? "")")
        Self.expectNamed(Self.message { _ = try SessionVerifier().verify(path: path, displayName: Self.name) }, path, "verify")
    }

    @Test("A copy whose snapshot is ahead of its log: the mismatch names the team session")
    func snapshotAheadOfItsLog() throws {
        let path = try Self.closedSession(speakers: 2)
        let log = SessionPaths(path).log
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let firstEvent = try #require(lines.firstIndex { $0.contains("\"seq\":1") })
        try (lines[...firstEvent].joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let read = try SessionStore.read(path: path, displayName: Self.name)
        Self.expectNamed(read.mismatch, path, "read")
        let verified = try SessionVerifier().verify(path: path, displayName: Self.name)
        #expect(!verified.isValid)
        Self.expectNamed(verified.differences.first, path, "verify")
        // Without a display name the paths are named, as for a local session.
        #expect(try SessionStore.read(path: path).mismatch?.contains(log) == true)
    }

    @Test("A copy whose snapshot cannot be read, whose log is another session's or ends torn: every message names the team session")
    func otherDamage() throws {
        let unreadable = try Self.closedSession(speakers: 1)
        let text = try String(contentsOfFile: unreadable, encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\":\"S1\"", with: "\"id\":1").write(toFile: unreadable, atomically: true, encoding: .utf8)
        Self.expectNamed(Self.message { _ = try SessionStore.read(path: unreadable, displayName: Self.name) }, unreadable, "unreadable, read")
        Self.expectNamed(Self.message { _ = try SessionVerifier().verify(path: unreadable, displayName: Self.name) }, unreadable, "unreadable, verify")

        let foreign = try Self.closedSession(speakers: 1)
        let other = try Self.closedSession(speakers: 1, created: "2026-11-22T10:00:00.000Z")
        try FileManager.default.removeItem(atPath: SessionPaths(foreign).log)
        try FileManager.default.copyItem(atPath: SessionPaths(other).log, toPath: SessionPaths(foreign).log)
        Self.expectNamed(Self.message { _ = try SessionStore.read(path: foreign, displayName: Self.name) }, foreign, "foreign, read")
        Self.expectNamed(Self.message { _ = try SessionVerifier().verify(path: foreign, displayName: Self.name) }, foreign, "foreign, verify")

        let torn = try Self.closedSession(speakers: 1)
        let handle = try #require(FileHandle(forWritingAtPath: SessionPaths(torn).log))
        handle.seekToEndOfFile()
        handle.write(Data("{\"event\":{\"ac".utf8))
        handle.closeFile()
        Self.expectNamed(try SessionStore.read(path: torn, displayName: Self.name).torn, torn, "torn, read")
        Self.expectNamed(try SessionVerifier().verify(path: torn, displayName: Self.name).warnings.first, torn, "torn, verify")
    }
}
