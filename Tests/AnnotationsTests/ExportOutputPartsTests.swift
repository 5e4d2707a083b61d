import Foundation
import Testing
@testable import Annotations

/// Parts handed to ``ExportOutput/appendPart(_:)`` are copied into the buffer, written straight
/// from their own storage when they fill the buffer to a chunk, or, once the file is open and
/// written past the page cache, handed straight to the file (which gathers them in its aligned
/// buffer) after the bytes buffered before them; two files written side by side (CoNLL-U's pair)
/// switch with ``ExportOutput/select(_:)``. Whatever the sizes and their order, each file holds
/// its parts' bytes in order, the bytes the same parts give in memory.
@Suite("Export output parts")
struct ExportOutputPartsTests {
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ seed &* 13) }
    }

    @Test("Small, large and chunk-filling parts of two files side by side are written whole and in order")
    func partsOfTwoFiles() throws {
        let folder = TestCorpus.temporaryFolder()
        var out = ExportOutput(folder: folder)
        let first = out.begin("a/one.txt")
        let second = out.begin("a/two.txt")
        // Small and large parts, parts filling the buffer to a chunk and past it, and empty ones.
        let sizes = [10, (1 << 14) - 1, 1 << 14, 3 << 14, 0, 700_000, 400_000, 5, 1 << 20, 0, 2_000_000, 17]
        var expected: [[UInt8]] = [[], []]
        for (index, size) in sizes.enumerated() {
            for file in 0..<2 {
                let part = Self.bytes(size + file, seed: index * 2 + file)
                out.select(file == 0 ? first : second)
                out.appendPart(part)
                expected[file] += part
                if index == 3 {
                    // Bytes appended by the exporter itself between parts.
                    out.append("header \(file)\n")
                    expected[file] += Array("header \(file)\n".utf8)
                }
            }
        }
        out.select(first)
        out.end()
        out.select(second)
        out.end()
        out.finish()
        #expect(out.failure == nil)
        #expect(FileManager.default.contents(atPath: folder + "/a/one.txt").map { [UInt8]($0) } == expected[0])
        #expect(FileManager.default.contents(atPath: folder + "/a/two.txt").map { [UInt8]($0) } == expected[1])
    }

    @Test("Many small parts with bytes appended between them: the file holds what the same calls give in memory")
    func smallPartsAfterTheFirstChunk() throws {
        let folder = TestCorpus.temporaryFolder()
        var streamed = ExportOutput(folder: folder), kept = ExportOutput()
        streamed.begin("parts.txt")
        kept.begin("parts.txt")
        // About 3.8 MB in parts of up to 9 000 bytes: all but the first chunk's go straight to the
        // file where it is written past the page cache.
        for index in 0..<900 {
            let part = Self.bytes(index * 37 % 9_000, seed: index)
            streamed.appendPart(part)
            kept.appendPart(part)
            if index % 50 == 7 {
                streamed.append("between \(index)\n")
                kept.append("between \(index)\n")
                streamed.checkpoint()
            }
        }
        streamed.end()
        kept.end()
        streamed.finish()
        #expect(streamed.failure == nil)
        let expected = try #require(kept.files.first).bytes
        #expect(expected.count > 3 * ExportStreamedFile.capacity)
        #expect(FileManager.default.contents(atPath: folder + "/parts.txt").map { [UInt8]($0) } == expected)
    }

    @Test("A file of small parts only that ends below a chunk is written whole")
    func smallFile() throws {
        let folder = TestCorpus.temporaryFolder()
        var out = ExportOutput(folder: folder)
        out.begin("small.txt")
        var expected: [UInt8] = []
        for index in 0..<5 {
            let part = Self.bytes(100 * index, seed: index)
            out.appendPart(part)
            expected += part
        }
        out.end()
        out.finish()
        #expect(out.failure == nil)
        #expect(FileManager.default.contents(atPath: folder + "/small.txt").map { [UInt8]($0) } == expected)
    }
}
