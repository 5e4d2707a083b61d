import Foundation
import Testing
import TestSupport
@testable import Annotations

/// A torn last log line is named by readers (file, line, bytes) without failing the session, and an
/// event line moved or repeated by hand is named by its line in the log, so a user can open the
/// file at the place.
@Suite("log lines named by number")
struct LogLineNamingTests {
    func speaker(_ number: Int) -> EditAction { .add(.speaker(Speaker(id: "S\(number)", name: "Sprecher \(number)"))) }

    /// A saved session of four speakers with a cursor line between its events: its path and its log's lines.
    func savedSession() throws -> (path: String, lines: [Data]) {
        let path = TestCorpus.temporaryFolder() + "/a.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(speaker(1), time: "t1")
        store.moveCursor(to: SentenceKey(document: "d", sentence: 1))
        for number in 2...4 { try store.perform(speaker(number), time: "t\(number)") }
        try store.close()
        let bytes = try #require(FileManager.default.contents(atPath: SessionPaths(path).log))
        return (path, bytes.split(separator: 0x0A).map { Data($0) })
    }

    func write(_ lines: [Data], tail: Data = Data(), to path: String) throws {
        try (Data(lines.joined(separator: [0x0A])) + [0x0A] + tail).write(to: URL(fileURLWithPath: SessionPaths(path).log))
    }

    @Test("validate and replay --verify name a torn last line by file, line and bytes, and the session stays valid")
    func tornLineIsNamed() throws {
        let (path, lines) = try savedSession()
        // Header, event 1, cursor, events 2–4: the torn append is line 7.
        #expect(lines.count == 6)
        try write(lines, tail: Data("{\"event\":{\"act".utf8), to: path)
        let log = SessionPaths(path).log
        let expected = "\(log): line 7 is torn (14 byte(s) after the last line break"
        let report = SessionVerifier().validate(path: path) { _ in nil }
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.warnings.count == 1 && report.warnings[0].hasPrefix(expected), "\(report.warnings)")
        #expect(report.warnings.first?.contains("the next annotate sets it aside in \(log).torn") == true)
        let verified = try SessionVerifier().verify(path: path)
        #expect(verified.isValid)
        #expect(verified.warnings.count == 1 && verified.warnings[0].hasPrefix(expected), "\(verified.warnings)")
        var warned: [String] = []
        _ = try SessionStore.load(path: path) { warned.append($0) }
        #expect(warned.contains { $0.hasPrefix(expected) }, "\(warned)")
        // Without a snapshot, the same.
        try FileManager.default.removeItem(atPath: path)
        #expect(try SessionStore.read(path: path).torn?.hasPrefix(expected) == true)
        // A log that ends in a line break has nothing torn.
        try write(lines, to: path)
        #expect(try SessionStore.read(path: path).torn == nil)
        #expect(SessionVerifier().validate(path: path) { _ in nil }.warnings.isEmpty)
    }

    @Test("an event line moved or repeated by hand is named by its line in the log", arguments: ["moved", "repeated"])
    func misplacedEventIsNamedByLine(change: String) throws {
        let (path, lines) = try savedSession()
        var changed = lines
        if change == "moved" { changed.swapAt(3, 4) } else { changed.insert(lines[3], at: 4) }
        try write(changed, to: path)
        // Line 4 is event 2, line 5 event 3: moved, event 3 comes first (line 4); repeated, event 2 stands again in line 5.
        let expected = change == "moved" ? "\(SessionPaths(path).log):4: event 3 cannot be replayed" : "\(SessionPaths(path).log):5: event 2 cannot be replayed"
        for read in [{ _ = try SessionStore.read(path: path) }, { _ = try SessionVerifier().verify(path: path) }, { _ = try SessionStore.load(path: path) }] {
            #expect { try read() } throws: { error in
                "\(error)".hasPrefix(expected) && "\(error)".contains("out of sequence")
            }
        }
        // Without the snapshot (the log replayed as it is read, in parts): the same line.
        try FileManager.default.removeItem(atPath: path)
        #expect { _ = try SessionStore.read(path: path) } throws: { error in "\(error)".hasPrefix(expected) }
    }

    @Test("an opening that fails on an event of the log leaves an unreadable snapshot where it is, and names the line")
    func failedOpeningLeavesTheSnapshot() throws {
        let (path, lines) = try savedSession()
        var changed = lines
        changed.swapAt(3, 4)
        try write(changed, to: path)
        // Cut short: its head cannot be read, so the whole log is replayed.
        let unreadable = Data("{\"format\": \"workbench-session\", \"version\": 2, ".utf8)
        try unreadable.write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SessionStore(path: path, now: "n") { Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "c") }
        } throws: { error in
            "\(error)".contains("\(SessionPaths(path).log):4: event 3 cannot be replayed")
        }
        #expect(FileManager.default.contents(atPath: path) == unreadable)
        #expect(!FileManager.default.fileExists(atPath: path + ".damaged"))
    }

    @Test("a repeated event in a later part of a long log is named by its line")
    func lineInALaterPart() throws {
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "c")
        session.id = "x"
        for number in 1...300 { try session.perform(speaker(number), time: "t") }
        var lines = try SessionFileWriter.logBytes(header: LogHeader(session: session), events: session.events, cursor: nil)
            .split(separator: 0x0A).map(Array.init)
        lines.insert(lines[250], at: 251)
        let bytes = Data(lines.joined(separator: [0x0A]) + [0x0A])
        #expect { try Session.replaying(logBytes: bytes, path: "x.jsonl", partBytes: 1_000) } throws: { error in
            guard case SessionError.badEvent(_, let seq, _, let line) = error else { return false }
            return seq == 250 && line == 252
        }
    }
}
