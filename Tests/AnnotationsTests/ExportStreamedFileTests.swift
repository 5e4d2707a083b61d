import Foundation
import Testing
@testable import Annotations

/// A streamed export file gathers its bytes and writes whole blocks past the page cache where the
/// file system allows it, the last bytes through the cache: the file must hold exactly the bytes
/// handed to it, in pieces of any size, whether it is written directly or not.
@Suite("Export streamed file")
struct ExportStreamedFileTests {
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9 &+ seed) }
    }

    /// Sizes around a block and around the gathering buffer.
    static let sizes = [
        0, 1, ExportStreamedFile.block - 1, ExportStreamedFile.block, ExportStreamedFile.block + 1, ExportStreamedFile.capacity - 1,
        ExportStreamedFile.capacity, ExportStreamedFile.capacity + 1, 3 * ExportStreamedFile.capacity + 12_345,
    ]

    @Test("The file holds the bytes handed to it, in one piece or in pieces of every size, directly or through the cache", arguments: [true, false])
    func contents(direct: Bool) throws {
        let folder = TestCorpus.temporaryFolder()
        var generator = SystemRandomNumberGenerator()
        for (number, size) in Self.sizes.enumerated() {
            let expected = Self.bytes(size, seed: number)
            for pieces in [1, 2, 7, 300] {
                let path = folder + "/\(number)-\(pieces).bin"
                let file = try #require(ExportStreamedFile(creating: path, direct: direct))
                var offset = 0
                var written = true
                for piece in 0..<pieces where offset < size {
                    let count = piece == pieces - 1 ? size - offset : Int.random(in: 0...min(size - offset, 2 * ExportStreamedFile.capacity / pieces + 1), using: &generator)
                    written = written && expected[offset..<(offset + count)].withUnsafeBytes { file.write($0) }
                    offset += count
                }
                #expect(written)
                #expect(file.close())
                #expect(FileManager.default.contents(atPath: path).map { [UInt8]($0) } == expected, "size \(size) in \(pieces) piece(s)")
            }
        }
    }

    @Test("A file that exists is not created (errno says so)")
    func existing() {
        let path = TestCorpus.temporaryFolder() + "/taken.bin"
        FileManager.default.createFile(atPath: path, contents: Data([1]))
        let created = ExportStreamedFile(creating: path)
        let error = errno
        #expect(created == nil)
        #expect(error == EEXIST)
    }

    @Test("Files streamed by an export output hold the chunks and parts appended, two files side by side")
    func outputSideBySide() throws {
        let out = TestCorpus.temporaryFolder() + "/out"
        let first = Self.bytes(3 * ExportStreamedFile.capacity + 777, seed: 1), second = Self.bytes(2 * ExportStreamedFile.capacity + 5, seed: 2)
        let written = try ExportWriter(folder: out).write(PiecesExporter(first: first, second: second), ExportBundle(corpus: ExportFixture.corpus, sessions: []))
        #expect(written == 2)
        #expect(FileManager.default.contents(atPath: out + "/a.bin").map { [UInt8]($0) } == first)
        #expect(FileManager.default.contents(atPath: out + "/b.bin").map { [UInt8]($0) } == second)
    }
}

/// Writes two files side by side in odd pieces: appended bytes with checkpoints, and whole parts.
private struct PiecesExporter: Exporter {
    var first: [UInt8]
    var second: [UInt8]
    var format: ExportFormat { .csv }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        let a = out.begin("a.bin"), b = out.begin("b.bin")
        var (i, j, step) = (0, 0, 1)
        while i < first.count || j < second.count {
            out.select(a)
            let nextI = min(first.count, i + step * 1_013)
            if step % 3 == 0 { out.appendPart(Array(first[i..<nextI])) } else { out.bytes += first[i..<nextI]; out.checkpoint() }
            i = nextI
            out.select(b)
            let nextJ = min(second.count, j + step * 977)
            out.appendPart(Array(second[j..<nextJ]))
            j = nextJ
            step += 1
        }
        out.select(a)
        out.end()
        out.select(b)
        out.end()
    }
}
