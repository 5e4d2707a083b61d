import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import Annotations

/// A snapshot is saved as it is made, 64 KiB at a time (``LockedSessionFile/writeSnapshot(_:with:)``),
/// never whole in memory: the file holds exactly the bytes ``SessionCodec/encode(_:)`` gives, and a
/// disk that fills up part way leaves the snapshot before it as it was.
@Suite("Saving a snapshot as it is made")
struct SnapshotStreamingTests {
    /// A session of `claims` claims of the same words (a few hundred bytes each).
    private func session(claims: Int) throws -> Session {
        let anchor = try AnchorBuilder(corpus: TestCorpus.corpus).anchor(
            document: "tricky", sentence: 0, segments: [TestCorpus.segment("„Wir müssen handeln.“")])
        var session = Session(annotator: "anna", corpus: CorpusReference(TestCorpus.corpus), created: "2026-11-21T10:00:00.000Z")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "t")
        for number in 1...claims {
            try session.perform(.add(.claim(Claim(id: "C\(number)", anchor: anchor, speaker: "S1", form: "indirect"))), time: "t")
        }
        return session
    }

    @Test("A snapshot of several parts holds exactly the encoded bytes")
    func largeSnapshotIsTheEncodedBytes() throws {
        let path = TestCorpus.temporaryFolder() + "/large.json"
        let file = try session(claims: 600).snapshotFile
        let encoded = try SessionCodec.encode(file)
        #expect(encoded.count > 3 << 16)
        let target = try LockedSessionFile(path: path, now: "n")
        defer { target.release() }
        try target.writeSnapshot(file)
        #expect(FileManager.default.contents(atPath: path) == encoded)
    }

    @Test("A random session's saved snapshot is its encoded bytes")
    func randomSnapshotsAreTheEncodedBytes() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...100_000).array(of: 0...80)) { codes in
            let path = TestCorpus.temporaryFolder() + "/random.json"
            do {
                let file = RandomSessions.session(codes).snapshotFile
                let target = try LockedSessionFile(path: path, now: "n")
                defer { target.release() }
                try target.writeSnapshot(file)
                #expect(try FileManager.default.contents(atPath: path) == SessionCodec.encode(file))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("A disk that fills up part way through a snapshot leaves the one before and no temporary file")
    func fullDiskPartWay() throws {
        let folder = TestCorpus.temporaryFolder()
        let path = folder + "/anna.json"
        let target = try LockedSessionFile(path: path, now: "n")
        defer { target.release() }
        try target.writeSnapshot(try session(claims: 1).snapshotFile)
        let before = FileManager.default.contents(atPath: path)
        // Two parts written, the third refused.
        let disk = FillingDisk(bytesLeft: (2 << 16) + 100)
        #expect {
            try target.writeSnapshot(try session(claims: 600).snapshotFile, with: disk.writer)
        } throws: { error in
            "\(error)".contains("\(path): write failed: the disk is full")
        }
        #expect(FileManager.default.contents(atPath: path) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.contains(".tmp-") }, "\(names)")
    }
}
