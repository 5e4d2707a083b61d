@testable import Annotations
import Foundation
import Testing
import TestSupport

@Suite("export and import commands")
struct ExportCommandTests {
    /// A folder with a corpus file and a session made on it.
    static func workspace() throws -> (folder: URL, session: String) {
        let folder = URL(fileURLWithPath: TestScratch.path("export-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        let text = "Peskow erklärte, die Zusammenarbeit richte sich nicht gegen Dritte. Herr Peskow betonte das.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("corpus/doc.txt"))
        let corpus = SegmentedCorpus(try CorpusLoader().load(paths: ["corpus"].map { folder.appendingPathComponent($0).path }))
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        session.corpus.paths = ["corpus"]
        let builder = AnchorBuilder(corpus: corpus)
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Dmitri Peskow"))), time: "t")
        try session.perform(.add(.mention(Mention(id: "M1", anchor: try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 0, end: 6)]), speaker: "S1"))), time: "t")
        try session.perform(.add(.cue(Cue(id: "Q1", anchor: try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 7, end: 15)])))), time: "t")
        try session.perform(.add(.claim(Claim(id: "C1", anchor: try builder.anchor(document: "doc", sentence: 0, segments: [SpanSegment(start: 17, end: 66)]), speaker: "S1", mention: "M1", cue: "Q1", form: "indirect"))), time: "t")
        let path = folder.appendingPathComponent("sessions/anna.json").path
        try SessionCodec.encode(session.formatOneFile).write(to: URL(fileURLWithPath: path))
        return (folder, "sessions/anna.json")
    }

    @Test("export writes files with a summary line, refuses to overwrite, and --force overwrites")
    func exportAndOverwrite() async throws {
        let (folder, session) = try Self.workspace()
        let first = try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "out"], directory: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("brat: wrote 8 file(s) to out") && first.stdout.contains("1 speaker mention, 1 cue, 1 claim"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/anna/doc.ann").path))
        let again = try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "out"], directory: folder)
        #expect(again.status != 0 && again.stderr.contains("--force") && again.stderr.split(separator: "\n").count == 1)
        let forced = try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "out", "--force"], directory: folder)
        #expect(forced.status == 0)
        for format in ["webanno", "conllu", "iob", "jsonl", "w3c", "csv", "html"] {
            let result = try await WorkbenchProcess.run(["export", session, "--format", format, "--out", "out-\(format)"], directory: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
    }

    @Test("export refuses a corpus with other text, naming the document")
    func corpusMismatch() async throws {
        let (folder, session) = try Self.workspace()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
        try Data("Etwas ganz anderes.\n".utf8).write(to: folder.appendingPathComponent("other/doc.txt"))
        let result = try await WorkbenchProcess.run(["export", session, "--format", "csv", "--out", "out", "--corpus", "other"], directory: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("different corpus") && result.stderr.contains("'doc'"))
    }

    @Test("import brat and jsonl create sessions that export to the same files")
    func importRoundTrip() async throws {
        let (folder, session) = try Self.workspace()
        #expect(try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "brat"], directory: folder).status == 0)
        let imported = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "copy"], directory: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try await WorkbenchProcess.run(["export", "sessions/copy.json", "--format", "brat", "--out", "brat2", "--corpus", "corpus"], directory: folder).status == 0)
        let a = try String(contentsOf: folder.appendingPathComponent("brat/anna/doc.ann"), encoding: .utf8)
        let b = try String(contentsOf: folder.appendingPathComponent("brat2/copy/doc.ann"), encoding: .utf8)
        #expect(a == b)
        #expect(try await WorkbenchProcess.run(["export", session, "--format", "jsonl", "--out", "jsonl"], directory: folder).status == 0)
        let fromJSONL = try await WorkbenchProcess.run(["import", "jsonl", "jsonl/annotations.jsonl", "jsonl/entities.jsonl", "--corpus", "corpus", "--session", "j"], directory: folder)
        #expect(fromJSONL.status == 0, "\(fromJSONL.stderr)")
        let clash = try await WorkbenchProcess.run(["import", "jsonl", "jsonl/annotations.jsonl", "jsonl/entities.jsonl", "--corpus", "corpus", "--session", "j"], directory: folder)
        #expect(clash.status != 0 && clash.stderr.contains("exists already"))
        // A session whose snapshot was lost is its log: never replaced by an import.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sessions/j.json"))
        let log = try Data(contentsOf: folder.appendingPathComponent("sessions/j.jsonl"))
        let onLog = try await WorkbenchProcess.run(["import", "jsonl", "jsonl/annotations.jsonl", "jsonl/entities.jsonl", "--corpus", "corpus", "--session", "j"], directory: folder)
        #expect(onLog.status == 1 && onLog.stderr.contains("its log sessions/j.jsonl exists already"), "\(onLog.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/j.jsonl")) == log)
    }

    @Test("brat export → import keeps sentence and annotation notes, and both summaries count what the files hold")
    func notesRoundTrip() async throws {
        let (folder, session) = try Self.workspace()
        let path = folder.appendingPathComponent(session).path
        var loaded = try SessionStore.load(path: path)
        try loaded.perform(.add(.note(Note(id: "N1", subject: .sentence(SentenceKey(document: "doc", sentence: 0)), text: "Kontext fehlt"))), time: "t")
        try loaded.perform(.add(.note(Note(id: "N2", subject: .sentence(SentenceKey(document: "doc", sentence: 1)), text: "prüfen"))), time: "t")
        try loaded.perform(.add(.note(Note(id: "N3", subject: .annotation("C1"), text: "wörtlich?"))), time: "t")
        try SessionCodec.encode(loaded.formatOneFile).write(to: URL(fileURLWithPath: path))
        let exported = try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "brat"], directory: folder)
        #expect(exported.status == 0 && exported.stdout.contains("3 notes") && !exported.stdout.contains("not in brat"), "\(exported.stdout)\(exported.stderr)")
        let imported = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "copy"], directory: folder)
        #expect(imported.status == 0 && imported.stdout.contains("3 notes"), "\(imported.stdout)\(imported.stderr)")
        let copy = try SessionStore.load(path: folder.appendingPathComponent("sessions/copy.json").path)
        #expect(AnnotationState.sortedByID(copy.state.notes).map(\.text) == ["Kontext fehlt", "prüfen", "wörtlich?"])
        // A format without a place for notes says so instead of counting them as written.
        let csv = try await WorkbenchProcess.run(["export", session, "--format", "csv", "--out", "csv"], directory: folder)
        #expect(csv.status == 0 && csv.stdout.contains("1 claim") && csv.stdout.contains("not in csv files (no place for them): 1 speaker mention, 1 cue, 3 notes, 1 speaker"), "\(csv.stdout)")
    }

    @Test("brat export of a note with tabs and line breaks warns on standard error; import gives the note back unchanged")
    func multiLineNoteRoundTrip() async throws {
        let (folder, session) = try Self.workspace()
        let path = folder.appendingPathComponent(session).path
        var loaded = try SessionStore.load(path: path)
        try loaded.perform(.add(.note(Note(id: "N1", subject: .annotation("C1"), text: "Zeile 1\nZeile 2\twörtlich?"))), time: "t")
        try SessionCodec.encode(loaded.formatOneFile).write(to: URL(fileURLWithPath: path))
        let exported = try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "brat"], directory: folder)
        #expect(exported.status == 0 && exported.stderr.contains("warning: brat: 1 note holds tabs or line breaks"), "\(exported.stdout)\(exported.stderr)")
        let imported = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "copy"], directory: folder)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let copy = try SessionStore.load(path: folder.appendingPathComponent("sessions/copy.json").path)
        #expect(copy.state.notes.values.map(\.text) == ["Zeile 1\nZeile 2\twörtlich?"])
    }

    @Test("import brat with CRLF line ends imports every line; a bad line refuses the whole import and writes no session")
    func importCRLFAndRefusal() async throws {
        let (folder, session) = try Self.workspace()
        #expect(try await WorkbenchProcess.run(["export", session, "--format", "brat", "--out", "brat"], directory: folder).status == 0)
        let ann = folder.appendingPathComponent("brat/anna/doc.ann")
        let text = try String(contentsOf: ann, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: ann)
        let crlf = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "crlf"], directory: folder)
        #expect(crlf.status == 0 && crlf.stdout.contains("1 speaker mentions, 1 cues, 1 claims"), "\(crlf.stdout)\(crlf.stderr)")
        try Data((text + "T9\tPerson 0 6\tPeskow\nR9\tHasCue Arg1:T3 Arg2:T42\n").utf8).write(to: ann)
        let bad = try await WorkbenchProcess.run(["import", "brat", "brat/anna", "--session", "bad"], directory: folder)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("nothing imported, 2 problems") && bad.stderr.contains("doc.ann:\(text.split(separator: "\n").count + 1): unknown entity type 'Person'"), "\(bad.stderr)")
        #expect(bad.stderr.contains("refers to T42, which does not exist"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/bad.json").path))
    }
}
