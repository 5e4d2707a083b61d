import Foundation
import Testing
import TestSupport

@Suite("CLI smoke")
struct CLISmokeTests {
    @Test("segment on a missing path fails with one clear line")
    func missingPath() async throws {
        let result = try await WorkbenchProcess.run(["segment", "no/such/folder"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no/such/folder: no such file or folder"))
    }
}

@Suite("segment --tokens")
struct SegmentTokensCommandTests {
    /// A corpus folder with one document of German text, „“, an emoji with a skin tone and a combining mark.
    static func corpus() throws -> String {
        let folder = TestScratch.path("segment-tokens-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Die Regierung sagte: „Wir müssen handeln.“ Ein 👍🏽 für Cafe\u{301}.\n".write(
            toFile: folder + "/doc.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("jsonl tokens: offset pairs by default, objects with --tokens full, none with --tokens none")
    func tokenForms() async throws {
        let folder = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let compact = try await WorkbenchProcess.run(["segment", folder, "--format", "jsonl"])
        #expect(compact.status == 0, "\(compact.stderr)")
        let first = try #require(compact.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let pairs = try #require(object["tokens"] as? [[Int]])
        let text = try #require(object["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let words = pairs.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        #expect(words == ["Die", "Regierung", "sagte", ":", "„", "Wir", "müssen", "handeln", ".", "“"])
        #expect(object["kinds"] as? String == "wwwpqwwwpq")
        #expect(object["space_after"] as? [Int] == [1, 1, 0, 1, 0, 1, 1, 0, 0, 1])

        let full = try await WorkbenchProcess.run(["segment", folder, "--format", "jsonl", "--tokens", "full"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stdout.contains(#"{"index":1,"start":4,"end":13,"text":"Regierung","kind":"word","space_after":true}"#), "\(full.stdout)")
        let none = try await WorkbenchProcess.run(["segment", folder, "--format", "jsonl", "--tokens", "none"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.hasPrefix(#"{"document":"doc","index":0,"start":0,"end":42,"text":"Die Regierung sagte: „Wir müssen handeln.“"}"#), "\(none.stdout)")
        #expect(!none.stdout.contains("tokens"))
    }

    @Test("--tokens with --format lines is refused with a message naming both options")
    func tokensWithLines() async throws {
        let folder = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try await WorkbenchProcess.run(["segment", folder, "--tokens", "full"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--tokens applies to --format jsonl only"), "\(result.stderr)")
        let bad = try await WorkbenchProcess.run(["segment", folder, "--format", "jsonl", "--tokens", "some"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("offsets") && bad.stderr.contains("none"), "\(bad.stderr)")
    }
}
