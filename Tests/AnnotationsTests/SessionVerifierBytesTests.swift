import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// `replay --verify` decodes a current snapshot while it replays the log and compares the
/// decoded records with the replay's; only when they differ are they compared record by record.
@Suite("Verifying a snapshot against its replayed log")
struct SessionVerifierBytesTests {
    @Test("A stored random session's snapshot holds the records its replayed log gives")
    func storedRandomSessions() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            let path = TestCorpus.temporaryFolder() + "/prop.json"
            do {
                let store = try SessionStore(path: path, now: "n") { RandomSessions.session(codes) }
                try store.close()
                let snapshot = try SessionCodec.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
                let replayed = try Session.replaying(logBytes: SessionCodec.contents(ofFile: SessionPaths(path).log), path: path, forReplay: true).session
                #expect(SessionVerifier.sameRecords(snapshot, replayed.file))
                #expect(try SessionVerifier().verify(path: path).isValid)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    private func writtenSession() throws -> String {
        let path = TestCorpus.temporaryFolder() + "/anna.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "2026-11-21T10:00:01.000Z")
        try store.perform(.add(.target(Target(id: "T1", text: "Truppen in „Rußland“ 😀"))), time: "2026-11-21T10:00:02.000Z")
        try store.perform(.add(.speaker(Speaker(id: "S2", name: "Olaf Scholz"))), time: "2026-11-21T10:00:03.000Z")
        try store.perform(.undo, time: "2026-11-21T10:00:04.000Z")
        try store.close()
        return path
    }

    @Test("A current snapshot verifies without decoding, with the same counts as the record-by-record way")
    func currentSnapshot() throws {
        let path = try writtenSession()
        let report = try SessionVerifier().verify(path: path)
        let file = report.file
        #expect(report.isValid)
        #expect(report.events == 4)
        #expect(report.annotations == 2)
        #expect(file.speakers.map(\.name) == ["Mark Rutte"])
        let slow = SessionVerifier().verify(try SessionStore.read(path: path, forVerification: true).file)
        #expect(slow.isValid && slow.annotations == report.annotations && slow.documents == report.documents)
    }

    @Test("A changed record in the snapshot is still found and named")
    func changedRecord() throws {
        let path = try writtenSession()
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "Mark Rutte", with: "Mark Ruttx").write(toFile: path, atomically: true, encoding: .utf8)
        let report = try SessionVerifier().verify(path: path)
        #expect(!report.isValid)
        #expect(report.differences.contains { $0.contains("S1") })
    }

    @Test("A current snapshot followed in its log by a cursor line (moved after the last save) is still compared: a changed record is found")
    func cursorLineAfterSnapshot() throws {
        let path = try writtenSession()
        let handle = try #require(FileHandle(forWritingAtPath: SessionPaths(path).log))
        handle.seekToEndOfFile()
        handle.write(Data("{\"cursor\":{\"document\":\"plain\",\"sentence\":0}}\n".utf8))
        handle.closeFile()
        #expect(try SessionVerifier().verify(path: path).isValid)
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "Mark Rutte", with: "Mark Ruttx").write(toFile: path, atomically: true, encoding: .utf8)
        let report = try SessionVerifier().verify(path: path)
        #expect(!report.isValid)
        #expect(report.differences.contains { $0.contains("S1") })
    }

    @Test("A snapshot laid out differently but holding the same records is valid (decoded and compared)")
    func otherLayout() throws {
        let path = try writtenSession()
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "\n    ", with: "\n      ").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SessionVerifier().verify(path: path).isValid)
    }

    @Test("Long records with umlauts, „“, emoji, combining marks and escapes verify; a changed one among thousands is found")
    func longRecordsCompared() throws {
        let path = TestCorpus.temporaryFolder() + "/long.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        let names = ["Jürgen „Jojo“ Müller", "Zoë 😀 Öztürk", "Rene\u{0301}e \"Q\" \\ Tab\tEnd", "Ça va"]
        for number in 1...1_500 {
            try store.perform(.add(.speaker(Speaker(id: "S\(number)", name: names[number % names.count] + " \(number)"))), time: "t")
            try store.perform(.add(.target(Target(id: "T\(number)", text: String(repeating: names[(number + 1) % names.count], count: 3)))), time: "t")
        }
        try store.close()
        #expect(try SessionVerifier().verify(path: path).isValid)
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "Öztürk 1001\"", with: "Oztürk 1001\"").write(toFile: path, atomically: true, encoding: .utf8)
        let report = try SessionVerifier().verify(path: path)
        #expect(report.differences.count == 1)
        #expect(report.differences.first?.hasPrefix("S1001 ") == true)
    }

    @Test("A log with a missing event is damage even when the snapshot describes it and holds the records it replays to")
    func gapInADescribedLog() throws {
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        for number in 1...4 { try session.perform(.add(.speaker(Speaker(id: "S\(number)", name: "Name \(number)"))), time: "t") }
        var file = session.file
        file.events[3].seq = 6
        let path = TestCorpus.temporaryFolder() + "/gap.json"
        let target = try LockedSessionFile(path: path, now: "n")
        try target.write(file)
        target.release()
        let report = try SessionVerifier().verify(path: path)
        #expect(report.logProblem == .sequenceGap(after: 3, next: 6))
        #expect(!report.isValid)
        let problems = SessionVerifier().validate(path: path) { _ in nil }.problems
        #expect(problems == ["\(path): \(ReplayError.sequenceGap(after: 3, next: 6).description)"])
    }

    @Test("A current snapshot whose header does not decode is reported as a reader reports it, by verify and validate alike")
    func damagedHeaderOfACurrentSnapshot() throws {
        let path = try writtenSession()
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "\"annotator\": \"anna\"", with: "\"annotator\": 5").write(toFile: path, atomically: true, encoding: .utf8)
        let expected = try #require(throws: SessionError.self) { try SessionStore.read(path: path) }
        #expect(expected.description.contains("annotator"))
        #expect(throws: expected) { try SessionVerifier().verify(path: path) }
        #expect(SessionVerifier().validate(path: path) { _ in nil }.problems == [expected.description])
    }

    @Test("A current snapshot whose header names another schema than its log is replayed with the snapshot's, as a reader takes it")
    func otherSchemaInTheSnapshotsHeader() throws {
        let path = TestCorpus.temporaryFolder() + "/stance.json"
        let store = try SessionStore(path: path, now: "n") {
            Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        }
        try store.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        try store.perform(.add(.target(Target(id: "T1", text: "Truppen"))), time: "t")
        try store.perform(.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: []))), time: "t")
        try store.close()
        #expect(try SessionVerifier().verify(path: path).isValid)
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "[\"favor\",", with: "[\"pro\",").write(toFile: path, atomically: true, encoding: .utf8)
        let slow = SessionVerifier().verify(try SessionStore.read(path: path).file)
        #expect(slow.logProblem != nil)
        #expect(try SessionVerifier().verify(path: path).logProblem == slow.logProblem)
        let validated = SessionVerifier().validate(path: path) { _ in nil }.problems
        #expect(validated.contains("\(path): \(try #require(slow.logProblem).description)"))
    }
}
