import Foundation
import Testing
@testable import Annotations

/// A zero-length span (start = end) in a brat, Label Studio or JSONL file to import: refused with
/// its place and a message saying it is empty (was "bad offsets … (the text has N characters)",
/// "offsets 3–3 lie outside the text", "do not lie on its tokens 0–0").
@Suite("Import: empty spans named as such")
struct EmptySpanImportTests {
    static func bundle() throws -> ExportBundle {
        try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
    }

    /// The message of the import error `body` throws.
    static func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "imported"
        } catch {
            return String(describing: error)
        }
    }

    @Test("brat: a T fragment '5 5'")
    func brat() throws {
        let folder = try ImportTests.bratFolder()
        try ImportTests.edit(folder, "plain.ann") { $0 + "T90\tSpeaker 5 5\t\n" }
        let text = Self.message { _ = try ImportTests.importBrat(folder) }
        #expect(text.contains("plain.ann:") && text.contains("empty fragment '5 5': a fragment covers at least one character"), "\(text)")
    }

    @Test("Label Studio: a label region with start = end")
    func labelStudio() throws {
        let folder = TestCorpus.temporaryFolder() + "/ls"
        try ExportWriter(folder: folder).write(LabelStudioExporter().export(try Self.bundle()))
        let path = folder + "/tasks.json"
        var tasks = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        var annotations = try #require(tasks[0]["annotations"] as? [[String: Any]])
        var results = try #require(annotations[0]["result"] as? [[String: Any]])
        let index = try #require(results.firstIndex { $0["type"] as? String == "labels" })
        var value = try #require(results[index]["value"] as? [String: Any])
        value["end"] = value["start"]
        value["text"] = ""
        results[index]["value"] = value
        annotations[0]["result"] = results
        tasks[0]["annotations"] = annotations
        try JSONSerialization.data(withJSONObject: tasks).write(to: URL(fileURLWithPath: path))
        let text = Self.message { _ = try LabelStudioImporter().load(path: path, corpus: ExportFixture.corpus, annotator: nil, time: ImportTests.time) }
        #expect(text.contains("task 1, result \(index + 1): offsets") && text.contains("give an empty region"), "\(text)")
    }

    @Test("JSONL: a span with start = end")
    func jsonl() throws {
        let (folder, records) = try JSONLSpanTextTests.export()
        var changed = records
        let index = try #require(records.firstIndex { !($0["spans"] as? [[String: Any]] ?? []).isEmpty })
        var spans = try #require(changed[index]["spans"] as? [[String: Any]])
        spans[0]["end"] = spans[0]["start"]
        spans[0]["text"] = nil
        changed[index]["spans"] = spans
        try JSONLSpanTextTests.write(changed, to: folder)
        let text = Self.message { _ = try JSONLSpanTextTests.load(folder) }
        #expect(text.contains("annotations.jsonl:\(index + 1):") && text.contains("give an empty span; a span covers at least one character"), "\(text)")
    }
}
