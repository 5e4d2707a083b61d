import Foundation
import Testing
import TestSupport

/// `docs` in the REPL keeps its columns apart for any number of documents.
@Suite("docs table")
struct DocsTableTests {
    @Test("1 200 documents: every number is followed by a space before the id, none is cut")
    func manyDocuments() async throws {
        let folder = TestScratch.path("docs-")
        try FileManager.default.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        let lines = (1...1200).map { "{\"id\":\"d\($0)\",\"text\":\"Müller sagte: „Satz \($0).“\"}" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/corpus.jsonl"))
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus.jsonl", "--session", "s", "--annotator", "anna"], stdin: "docs\nquit\n",
            directory: URL(fileURLWithPath: folder))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.contains(" done, ") }
        #expect(rows.count == 1200)
        for (index, row) in rows.enumerated() {
            let fields = row.dropFirst(2).split(separator: " ", omittingEmptySubsequences: true)
            #expect(fields.count >= 2 && fields[0] == "\(index + 1)" && fields[1] == "d\(index + 1)", "row \(index + 1): \(row)")
            if !(fields.count >= 2 && fields[0] == "\(index + 1)") { break }
        }
        // The ids line up in one column.
        let idColumns = Set(rows.compactMap { row in row.range(of: " d").map { row.distance(from: row.startIndex, to: $0.lowerBound) } })
        #expect(idColumns.count == 1, "\(idColumns)")
    }
}
