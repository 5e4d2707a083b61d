@testable import Annotations
import Foundation
import Testing
import TestSupport

/// `import brat DIR` without `--corpus` reads the folder's `.txt` files as the corpus, and a file's
/// name was its document id: `a%2Fb.txt` (export's name for `a/b`) gave the document `a%2Fb`,
/// which the next export wrote as `a%252Fb`. The ids the names encode are kept now (in a corpus
/// written beside the session); a name cut for length cannot be decoded, and a note says so.
@Suite("import brat without --corpus keeps the ids the file names encode")
struct BratEncodedNameImportTests {
    static let long = String(repeating: "L", count: 300)

    /// A JSONL corpus of documents `a/b`, `plain` and a 300-letter id, and a session with a cue in each.
    static func workspace() throws -> URL {
        let folder = URL(fileURLWithPath: TestScratch.path("brat-names-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        let ids = ["a/b", "plain", long]
        let lines = ids.map { "{\"id\":\"\($0)\",\"text\":\"Peskow sagte, es gehe voran.\"}" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("corpus/docs.jsonl"))
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: [folder.appendingPathComponent("corpus").path]))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        session.corpus.paths = ["corpus"]
        let builder = AnchorBuilder(corpus: corpus)
        for (index, id) in ids.enumerated() {
            try session.perform(.add(.cue(Cue(id: "Q\(index + 1)", anchor: try builder.anchor(document: id, sentence: 0, segments: [SpanSegment(start: 7, end: 12)])))), time: "t")
        }
        try SessionCodec.encode(session.formatOneFile).write(to: folder.appendingPathComponent("sessions/anna.json"))
        return folder
    }

    static func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ann") }.sorted()
    }

    @Test("an encoded name decodes to its id and exports under the same name again; a cut name is named as such")
    func roundTrip() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try await WorkbenchProcess.run(["export", "sessions/anna.json", "--format", "brat", "--out", "brat"], directory: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let cut = ExportText.fileName(Self.long)
        #expect(try Self.names(folder.appendingPathComponent("brat/anna")) == ["\(cut).ann", "a%2Fb.ann", "plain.ann"].sorted())

        let imported = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "copy"], directory: folder)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stderr.contains("\(cut).txt: an export cut this name for length; the document id it stood for cannot be restored"), "\(imported.stderr)")
        #expect(imported.stderr.contains("1 file name(s) encode their document ids"), "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/copy.corpus.jsonl").path))
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("sessions/copy.json"))) as? [String: Any]
        let annotations = saved?["annotations"] as? [[String: Any]] ?? []
        let documents = Set(annotations.compactMap { ($0["anchor"] as? [String: Any])?["document"] as? String })
        #expect(documents == ["a/b", "plain", cut])

        let validate = try await WorkbenchProcess.run(["validate", "sessions/copy.json"], directory: folder)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let again = try await WorkbenchProcess.run(["export", "sessions/copy.json", "--format", "brat", "--out", "again"], directory: folder)
        #expect(again.status == 0, "\(again.stderr)")
        let names = try Self.names(folder.appendingPathComponent("again/copy"))
        #expect(names.contains("a%2Fb.ann") && names.contains("plain.ann"), "\(names)")
    }

    @Test("a folder whose names encode nothing is imported as before: the folder is the corpus, no file written")
    func plainNames() async throws {
        let (folder, session) = try ExportCommandTests.workspace()
        #expect(try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "brat"], directory: folder).status == 0)
        let imported = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "copy"], directory: folder)
        #expect(imported.status == 0 && imported.stderr.isEmpty, "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/copy.corpus.jsonl").path))
    }

    @Test("--corpus-out with --corpus is a usage error naming the option to drop; nothing is written (was: --corpus-out ignored)")
    func corpusOutWithCorpus() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try await WorkbenchProcess.run(["export", "sessions/anna.json", "--format", "brat", "--out", "brat"], directory: folder).status == 0)
        let result = try await WorkbenchProcess.run(
            ["import", "brat", "brat/anna", "--corpus", "corpus", "--corpus-out", "mine.jsonl", "--session", "copy"], directory: folder)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("drop --corpus-out (or drop --corpus"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/copy.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mine.jsonl").path))
        // Each alone still works.
        let withCorpus = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--corpus", "corpus", "--session", "copy"], directory: folder)
        #expect(withCorpus.status == 0, "\(withCorpus.stderr)")
        let withCorpusOut = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--corpus-out", "mine.jsonl", "--session", "copy2"], directory: folder)
        #expect(withCorpusOut.status == 0, "\(withCorpusOut.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mine.jsonl").path))
    }
}

