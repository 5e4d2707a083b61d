import Foundation
import Testing
@testable import Annotations

/// Whole files go to the writing threads of ``ExportFileQueue`` in batches (handed over once a
/// batch is collected, or at the end), and the exporter waits only for room: every file must be
/// written whatever the number of files, their sizes and their folders, and the export must never
/// wait on a sleeping writer.
@Suite("Export file queue")
struct ExportFileQueueTests {
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test("Fewer files than a batch, more than a batch, and not a whole number of batches are all written")
    func counts() throws {
        for count in [1, ExportFileQueue.handOver - 1, ExportFileQueue.handOver, ExportFileQueue.handOver * 7 + 3] {
            let out = TestCorpus.temporaryFolder() + "/out"
            let files = (0..<count).map { ExportFile(path: "d/\($0).txt", bytes: Self.bytes(100 + $0, seed: $0)) }
            #expect(try ExportWriter(folder: out).write(files) == count)
            for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) } == file.bytes) }
        }
    }

    @Test("Files in several folders, in turn and nested, and beside the folders are written where their paths say")
    func folders() throws {
        // The writers open each file relative to a descriptor of its folder: folders taking turns
        // (more than one descriptor held), a folder inside another and files at the top.
        let out = TestCorpus.temporaryFolder() + "/out"
        var files: [ExportFile] = []
        for number in 0..<(ExportFileQueue.handOver * 3 + 5) {
            let folder = ["a/", "b/", "a/c/", "", "b/"][number % 5]
            files.append(ExportFile(path: "\(folder)\(number).txt", bytes: Self.bytes(number % 7 == 0 ? 0 : 50 + number, seed: number)))
        }
        #expect(try ExportWriter(folder: out).write(files) == files.count)
        for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) } == file.bytes) }
        let top = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".txt") }
        #expect(top.count == files.filter { !$0.path.contains("/") }.count)
    }

    @Test("A file that cannot be created fails the export, naming it, and no other file is shown")
    func failure() throws {
        // Two files of one path: the second create fails (O_EXCL), whichever writer takes it.
        let out = TestCorpus.temporaryFolder() + "/out"
        let files = (0..<10).map { ExportFile(path: "d/\($0).txt", contents: "x") } + [ExportFile(path: "d/3.txt", contents: "y")]
        #expect(throws: ExportError.self) { try ExportWriter(folder: out).write(files) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Large whole files that fill the queue's room before a batch waits are written (the writer is woken for room)")
    func roomBeforeABatch() throws {
        // Three files of 20 MB: the second takes the waiting bytes past the limit with only two
        // files queued, the third must wait for room.
        let size = 20 << 20
        #expect(size * 2 > ExportFileQueue.pendingLimit && 3 < ExportFileQueue.handOver)
        let out = TestCorpus.temporaryFolder() + "/out"
        let files = (0..<3).map { ExportFile(path: "big\($0).bin", bytes: Self.bytes(size, seed: $0)) } + [ExportFile(path: "small.txt", contents: "klein")]
        #expect(try ExportWriter(folder: out).write(files) == 4)
        for file in files { #expect(FileManager.default.contents(atPath: out + "/" + file.path).map { [UInt8]($0) } == file.bytes) }
    }
}
