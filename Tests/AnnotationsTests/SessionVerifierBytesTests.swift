import Foundation
import PropertyBased
import Testing
@testable import Annotations

/// `replay --verify` compares a current snapshot with the replayed log by the bytes of its records
/// (``SessionFileWriter/recordBytes(of:)``) and decodes the snapshot only when they differ.
@Suite("Verifying a snapshot by its record bytes")
struct SessionVerifierBytesTests {
    @Test("The writer's record bytes are exactly the snapshot's end, from its records marker on")
    func recordBytesAreTheSnapshotsEnd() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            var file = RandomSessions.session(codes).file
            file.version = SessionFile.currentVersion
            file.log = LogReference(events: file.events.count, bytes: 10, digest: "fx64:0")
            guard let whole = try? SessionCodec.encode(file), let records = try? SessionFileWriter.recordBytes(of: file),
                let marker = whole.range(of: Data(SessionFileWriter.recordsMarker))
            else {
                Issue.record("not written")
                return
            }
            #expect(Array(whole[marker.lowerBound...]) == records)
            // Written in two halves, put together: the same bytes, wherever the split.
            let count = file.annotations.count
            if count >= 2 {
                for split in Set([1, count / 2, count - 1]) {
                    let first = try? SessionFileWriter.recordBytes(of: file, split: split, first: true)
                    let rest = try? SessionFileWriter.recordBytes(of: file, split: split, first: false)
                    #expect((first ?? []) + (rest ?? []) == records, "split at \(split) of \(count)")
                }
            }
            #expect(SessionVerifier.recordsAgree(whole, with: file, parallelFrom: 2))
            #expect(SessionVerifier.recordsAgree(whole, with: file, parallelFrom: .max))
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
                let replayed = try Session(log: SessionFiles.readLog(at: SessionPaths(path).log, forReplay: true), path: path)
                var file = replayed.file
                file.log = try SessionCodec.decode(snapshot, path: path).log
                #expect(SessionVerifier.recordsAgree(snapshot, with: file, parallelFrom: 2))
                #expect(SessionVerifier.recordsAgree(snapshot, with: file, parallelFrom: .max))
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
        let (report, file) = try SessionVerifier().verifiedFile(path: path)
        #expect(report.isValid)
        #expect(report.events == 4)
        #expect(report.annotations == 2)
        #expect(file.speakers.map(\.name) == ["Mark Rutte"])
        let slow = SessionVerifier().verify(try SessionFiles.readFile(path: path, forVerification: true))
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

    @Test("A snapshot laid out differently but holding the same records is valid (decoded and compared)")
    func otherLayout() throws {
        let path = try writtenSession()
        let bytes = try String(contentsOfFile: path, encoding: .utf8)
        try bytes.replacingOccurrences(of: "\n    ", with: "\n      ").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SessionVerifier().verify(path: path).isValid)
    }
}
