import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A snapshot that reflects more than its log holds (the log copied in part, cut off mid-line by a
/// full disk on the copy's drive, or restored from an older backup) holds acknowledged edits the
/// log lost. Opening rebuilds the session from the log, but never overwrites that snapshot without
/// keeping it, and says what happened without claiming the log holds every event.
@Suite("a snapshot ahead of its log")
struct SnapshotAheadOfLogTests {
    func newSession() -> Session {
        Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
    }

    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))) }

    func openStore(_ path: String) throws -> SessionStore {
        try SessionStore(path: path, now: "n", writer: FileWriting()) { newSession() }
    }

    /// A saved session of three speakers whose log then lost its last event line: cut `tornBytes`
    /// into that line (0: the line is gone whole); its path and the snapshot's bytes.
    func sessionWithCutLog(tornBytes: Int) throws -> (path: String, snapshot: Data) {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try openStore(path)
        for number in 1...3 { try store.perform(speaker(number), time: "t\(number)") }
        try store.close()
        let log = SessionPaths(path).log
        let bytes = try #require(FileManager.default.contents(atPath: log))
        let lastLine = try #require(bytes.dropLast().lastIndex(of: 0x0A)) + 1
        try Data(bytes[..<(lastLine + tornBytes)]).write(to: URL(fileURLWithPath: log))
        return (path, try #require(FileManager.default.contents(atPath: path)))
    }

    @Test("annotate keeps the snapshot aside as NAME.json.damaged and names what the log lacks", arguments: [0, 1, 40])
    func openingKeepsTheSnapshot(tornBytes: Int) throws {
        let (path, snapshot) = try sessionWithCutLog(tornBytes: tornBytes)
        let store = try openStore(path)
        #expect(store.session.state.speakers.keys.sorted() == ["S1", "S2"])
        let warning = try #require(store.openingWarnings.first { $0.contains("did not match its log") }, "\(store.openingWarnings)")
        #expect(warning.contains("it reflects 3 events, but the log holds 2"), "\(warning)")
        #expect(warning.contains("\(path).damaged"), "\(warning)")
        #expect(!warning.contains("holds every event"), "\(warning)")
        try store.close()
        #expect(FileManager.default.contents(atPath: path + ".damaged") == snapshot)
        // The kept snapshot still holds the edit the log lost.
        #expect(String(decoding: snapshot, as: UTF8.self).contains("Sprecher 3"))
    }

    @Test("annotate refuses a snapshot of another format or a newer version beside a log even when its log field is garbled, as the readers do; nothing is written")
    func foreignSnapshotWithGarbledHead() throws {
        for (format, version) in [("brat", 2), (SessionFile.formatName, SessionFile.currentVersion + 1)] {
            let (path, _) = try sessionWithCutLog(tornBytes: 0)
            let written = try #require(FileManager.default.contents(atPath: path))
            var object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
            (object["format"], object["version"], object["log"]) = (format, version, "garbled")
            let snapshot = try JSONSerialization.data(withJSONObject: object)
            try snapshot.write(to: URL(fileURLWithPath: path))
            for open in [{ _ = try openStore(path) }, { _ = try SessionStore.load(path: path) }] {
                #expect {
                    try open()
                } throws: { error in
                    guard let error = error as? SessionError else { return false }
                    switch error {
                    case .foreign(let at, _), .newerVersion(let at, _, _): return at == path
                    default: return false
                    }
                }
            }
            #expect(FileManager.default.contents(atPath: path) == snapshot)
            #expect(!FileManager.default.fileExists(atPath: path + ".damaged"))
        }
    }

    @Test("readers say the log may have lost events instead of claiming it holds every acknowledged one; nothing is written")
    func readersSayWhatTheLogLacks() throws {
        let (path, snapshot) = try sessionWithCutLog(tornBytes: 0)
        let log = try #require(FileManager.default.contents(atPath: SessionPaths(path).log))
        let mismatch = try #require(try SessionStore.read(path: path).mismatch)
        #expect(mismatch.contains("it reflects 3 events, but the log holds 2"), "\(mismatch)")
        #expect(!mismatch.contains("holds every acknowledged event"), "\(mismatch)")
        #expect(mismatch.contains(".damaged"), "\(mismatch)")
        #expect(FileManager.default.contents(atPath: path) == snapshot)
        #expect(FileManager.default.contents(atPath: SessionPaths(path).log) == log)
        #expect(!FileManager.default.fileExists(atPath: path + ".damaged"))
        // The readers that warn (stats, export, diff) say it in the same words as validate.
        var warned: [String] = []
        _ = try SessionStore.load(path: path) { warned.append($0) }
        #expect(warned == ["\(path): \(mismatch)"], "\(warned)")
    }

    @Test("a second opening keeps an earlier kept snapshot: the next one goes to NAME.json.damaged-2")
    func secondKeptSnapshot() throws {
        let (path, first) = try sessionWithCutLog(tornBytes: 0)
        try openStore(path).close()
        let again = try openStore(path)
        try again.perform(speaker(3), time: "t3")
        try again.perform(speaker(4), time: "t4")
        try again.close()
        let log = SessionPaths(path).log
        let bytes = try #require(FileManager.default.contents(atPath: log))
        try Data(bytes[..<(try #require(bytes.dropLast().lastIndex(of: 0x0A)) + 1)]).write(to: URL(fileURLWithPath: log))
        let second = try #require(FileManager.default.contents(atPath: path))
        let store = try openStore(path)
        #expect(store.openingWarnings.contains { $0.contains("\(path).damaged-2") }, "\(store.openingWarnings)")
        try store.close()
        #expect(FileManager.default.contents(atPath: path + ".damaged") == first)
        #expect(FileManager.default.contents(atPath: path + ".damaged-2") == second)
    }
}
