import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// `replay --verify` compares a current snapshot with the replayed log by the bytes of its records
/// (``SessionFileWriter/recordsMatch(of:in:from:)``) and decodes the snapshot only when they differ.
@Suite("Verifying a snapshot by its record bytes")
struct SessionVerifierBytesTests {
    @Test("The writer's record bytes are exactly the snapshot's end, from its records marker on")
    func recordBytesAreTheSnapshotsEnd() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            var file = RandomSessions.session(codes).file
            file.version = SessionFile.currentVersion
            file.log = LogReference(events: file.events.count, bytes: 10, digest: "fx64:0")
            guard let whole = try? SessionCodec.encode(file), let marker = whole.range(of: Data(SessionFileWriter.recordsMarker)) else {
                Issue.record("not written")
                return
            }
            let matched = [UInt8](whole).withUnsafeBufferPointer { SessionFileWriter.recordsMatch(of: file, in: $0, from: marker.lowerBound) }
            #expect(matched == whole.count)
            // Compared as it is written: equal, and one changed byte anywhere found.
            #expect(SessionVerifier.recordsAgree(whole, with: file))
            let start = marker.lowerBound
            for place in Set([start + 3, (start + whole.count) / 2, whole.count - 3]) where place < whole.count {
                var changed = whole
                changed[place] = changed[place] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
                #expect(!SessionVerifier.recordsAgree(changed, with: file), "byte \(place) changed")
            }
            #expect(!SessionVerifier.recordsAgree(whole.dropLast(), with: file))
            #expect(!SessionVerifier.recordsAgree(whole + Data(" ".utf8), with: file))
        }
    }

    @Test("A stored random session's snapshot agrees with its replayed log byte for byte")
    func storedRandomSessions() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            let path = TestCorpus.temporaryFolder() + "/prop.json"
            do {
                let store = try SessionStore(path: path, now: "n") { RandomSessions.session(codes) }
                try store.close()
                let snapshot = try Data(contentsOf: URL(fileURLWithPath: path))
                let logBytes = try SessionCodec.contents(ofFile: SessionPaths(path).log)
                let replayed = try Session.replaying(logBytes: logBytes, path: path, forReplay: true).session
                var file = replayed.file
                file.log = try SessionCodec.decode(snapshot, path: path).log
                #expect(SessionVerifier.recordsAgree(snapshot, with: file))
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

    @Test("Records compared as they are written, past 64 KiB at a time: umlauts, „“, emoji, combining marks and escapes equal, a changed one found")
    func longRecordsCompared() throws {
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        let names = ["Jürgen „Jojo“ Müller", "Zoë 😀 Öztürk", "Rene\u{0301}e \"Q\" \\ Tab\tEnd", "Ça va"]
        for number in 1...3_000 {
            try session.perform(.add(.speaker(Speaker(id: "S\(number)", name: names[number % names.count] + " \(number)"))), time: "t")
            try session.perform(.add(.target(Target(id: "T\(number)", text: String(repeating: names[(number + 1) % names.count], count: 3)))), time: "t")
        }
        var file = session.file
        file.version = SessionFile.currentVersion
        file.log = LogReference(events: file.events.count, bytes: 10, digest: "fx64:0")
        let whole = try SessionCodec.encode(file)
        let marker = try #require(whole.range(of: Data(SessionFileWriter.recordsMarker)))
        #expect(whole.count - marker.lowerBound > 4 * 65_536)
        #expect(SessionVerifier.recordsAgree(whole, with: file))
        for place in [marker.lowerBound + 70_000, marker.lowerBound + 200_000, whole.count - 10] {
            var changed = whole
            changed[place] = changed[place] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(!SessionVerifier.recordsAgree(changed, with: file), "byte \(place) changed")
        }
    }

    @Test("The annotations compared in two halves: equal, a changed byte on any annotation's line or a moved line break found")
    func annotationsComparedInHalves() throws {
        var file = RandomSessions.session((1...400).map { $0 * 7919 % 100_000 }).file
        file.version = SessionFile.currentVersion
        file.log = LogReference(events: file.events.count, bytes: 10, digest: "fx64:0")
        try #require(file.annotations.count >= 4)
        let whole = try SessionCodec.encode(file)
        let field = try #require(whole.range(of: Data(",\n  \"annotations\": [\n".utf8)))
        #expect(SessionVerifier.recordsAgree(whole, with: file))
        // Every annotation's line, the one where the second half begins and the last of the first among them.
        var lineStart = field.upperBound
        for _ in file.annotations.indices {
            let lineEnd = try #require(whole[lineStart...].firstIndex(of: 0x0A))
            var changed = whole
            let place = (lineStart + lineEnd) / 2
            changed[place] = changed[place] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            #expect(!SessionVerifier.recordsAgree(changed, with: file), "byte \(place) changed")
            if lineStart > field.upperBound {
                // The line break before this annotation a space: the same length, every annotation after it one line earlier.
                var joined = whole
                joined[lineStart - 5] = UInt8(ascii: " ")
                #expect(!SessionVerifier.recordsAgree(joined, with: file), "line break before byte \(lineStart) moved")
            }
            lineStart = lineEnd + 1
        }
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
