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

    /// The file descriptors of this process open on files under `folder`.
    static func openDescriptors(under folder: String) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.filter { ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) ?? "").hasPrefix(folder + "/") }.count
    }

    @Test("Streamed files, two side by side, go to the queue's thread a chunk at a time and are written whole, in order; every file is closed")
    func streamedChunks() throws {
        let folder = TestCorpus.temporaryFolder() + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var output = ExportOutput(folder: folder)
        var expected: [String: [UInt8]] = ["a.txt": [], "sub/b.txt": []]
        let a = output.begin("a.txt")
        let b = output.begin("sub/b.txt")
        for round in 0..<12 {
            // Lines into the buffer, then a part larger than a chunk, by turns in both files.
            let file = round % 2 == 0 ? a : b, name = round % 2 == 0 ? "a.txt" : "sub/b.txt"
            output.select(file)
            for line in 0..<3000 {
                let text = Array("Zeile \(round).\(line): „Grüße“ 😀 e\u{301}\n".utf8)
                output.bytes.append(contentsOf: text)
                expected[name]! += text
                output.checkpoint()
            }
            let part = Self.bytes(ExportOutput.chunk + round * 1000, seed: round)
            output.appendPart(part)
            expected[name]! += part
        }
        output.select(a)
        output.end()
        output.select(b)
        output.end()
        output.finish()
        #expect(output.failure == nil)
        for (name, bytes) in expected {
            #expect(FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } == bytes, "\(name)")
        }
        #expect(Self.openDescriptors(under: folder) == 0)
    }

    @Test("A streamed file that cannot be made is the failure told, with its path; nothing after it is written, every file is closed")
    func streamedFailure() throws {
        let folder = TestCorpus.temporaryFolder() + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/taken.txt", contents: Data("alt".utf8)))
        var output = ExportOutput(folder: folder)
        output.begin("first.txt")
        output.appendPart(Self.bytes(ExportOutput.chunk + 5, seed: 1))
        output.begin("taken.txt")
        output.appendPart(Self.bytes(ExportOutput.chunk + 5, seed: 2))
        output.end()
        output.begin("later.txt")
        output.appendPart(Self.bytes(ExportOutput.chunk + 5, seed: 3))
        output.end()
        output.select(0)
        output.appendPart(Self.bytes(ExportOutput.chunk + 5, seed: 4))
        output.end()
        output.finish()
        #expect(output.failure == .cannotWrite(path: folder + "/taken.txt", reason: String(cString: strerror(EEXIST))))
        #expect(FileManager.default.contents(atPath: folder + "/taken.txt") == Data("alt".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder + "/later.txt"))
        #expect(FileManager.default.contents(atPath: folder + "/first.txt").map { [UInt8]($0) } == Self.bytes(ExportOutput.chunk + 5, seed: 1))
        #expect(Self.openDescriptors(under: folder) == 0)
    }
}
