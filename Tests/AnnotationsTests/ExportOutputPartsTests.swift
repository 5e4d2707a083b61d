import Foundation
import Testing
@testable import Annotations

/// Parts handed to ``ExportOutput/appendPart(_:)`` are copied into the buffer, or written
/// straight from their own storage when they fill the buffer to a chunk; two files written side
/// by side (CoNLL-U's pair) switch with ``ExportOutput/select(_:)``. Whatever the sizes and their
/// order, each file holds its parts' bytes in order.
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
