import Foundation
import Testing
@testable import Annotations

/// Whole files go to the writing thread of ``ExportFileQueue``, which is woken once a batch of
/// them waits (or at the end), and the exporter only when it waits for room: every file must be
/// written whatever the number of files and their sizes, and the export must never wait on a
/// sleeping writer.
@Suite("Export file queue")
struct ExportFileQueueTests {
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test("Fewer files than a batch, more than a batch, and not a whole number of batches are all written")
    func counts() throws {
        for count in [1, ExportFileQueue.wakeBatch - 1, ExportFileQueue.wakeBatch, ExportFileQueue.wakeBatch * 7 + 3] {
            let out = TestCorpus.temporaryFolder() + "/out"
            let files = (0..<count).map { ExportFile(path: "d/\($0).txt", bytes: Self.bytes(100 + $0, seed: $0)) }
            #expect(try ExportWriter(folder: out).write(files) == count)
            for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) } == file.bytes) }
        }
    }

    @Test("Large whole files that fill the queue's room before a batch waits are written (the writer is woken for room)")
    func roomBeforeABatch() throws {
        // Three files of 20 MB: the second takes the waiting bytes past the limit with only two
        // files queued, the third must wait for room.
        let size = 20 << 20
        #expect(size * 2 > ExportFileQueue.pendingLimit && 3 < ExportFileQueue.wakeBatch)
        let out = TestCorpus.temporaryFolder() + "/out"
        let files = (0..<3).map { ExportFile(path: "big\($0).bin", bytes: Self.bytes(size, seed: $0)) } + [ExportFile(path: "small.txt", contents: "klein")]
        #expect(try ExportWriter(folder: out).write(files) == 4)
        for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) } == file.bytes) }
    }
}
