import Foundation
import Testing

/// The annotator an imported file records names the new session only as a file name in the
/// sessions folder, checked as every person's name is: a file cannot choose where the session is
/// written, nor put control characters into a name.
@Suite("An imported file's annotator cannot choose where the session is written")
struct ImportRecordedAnnotatorTests {
    /// A workspace with a JSONL export of one session, its recorded annotator replaced by `name`.
    static func export(recording name: String) async throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        let annotate = try await workspace.run(
            ["annotate", "--session", "a1", "--annotator", "a1"], commands: ["goto 1:10", "speaker \"Sergiy Kyslytsya\"", "done", "quit"])
        #expect(annotate.status == 0, "\(annotate.stderr)")
        let export = try await workspace.run(["export", "sessions/a1.json", "--format", "jsonl", "--out", "exported"], commands: [])
        #expect(export.status == 0, "\(export.stderr)")
        let encoded = String(decoding: try JSONEncoder().encode(name), as: UTF8.self)
        for file in ["annotations.jsonl", "entities.jsonl"] {
            let url = workspace.folder.appendingPathComponent("exported/\(file)")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\"annotator\":\"a1\"", with: "\"annotator\":\(encoded)").write(to: url, atomically: true, encoding: .utf8)
        }
        return workspace
    }

    static let importArguments = ["import", "jsonl", "exported/annotations.jsonl", "exported/entities.jsonl", "--corpus", "seeds"]

    @Test("A recorded annotator that is a path or holds controls is refused, naming the way out; nothing is written", arguments: ["elsewhere/evil", "../evil", "a\u{1B}[31m", "a\u{202E}b"])
    func recordedNameRefused(name: String) async throws {
        let workspace = try await Self.export(recording: name)
        defer { workspace.remove() }
        let result = try await workspace.run(Self.importArguments, commands: [])
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("the imported files record the annotator"), "\(result.stderr)")
        #expect(result.stderr.contains("--session NAME"), "\(result.stderr)")
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{202E}"))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("elsewhere").path))
        let sessions = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.appendingPathComponent("sessions").path)
        #expect(sessions.filter { !$0.hasPrefix("a1.") }.isEmpty, "\(sessions)")
    }

    @Test("With --annotator (or --session and --annotator) such a file imports")
    func givenNamesImport() async throws {
        let workspace = try await Self.export(recording: "elsewhere/evil")
        defer { workspace.remove() }
        let result = try await workspace.run(Self.importArguments + ["--annotator", "bea"], commands: [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("sessions/bea.json").path))
    }

    @Test("A refused --annotator gets the annotator's refusal")
    func givenNameRefused() async throws {
        let workspace = try await Self.export(recording: "a1")
        defer { workspace.remove() }
        let result = try await workspace.run(Self.importArguments + ["--annotator", "x/y", "--session", "ok"], commands: [])
        #expect(result.status == 1)
        #expect(result.stderr.contains("annotator name 'x/y' refused"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("sessions/ok.json").path))
    }
}
