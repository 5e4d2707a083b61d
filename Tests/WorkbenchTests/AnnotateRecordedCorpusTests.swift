import Foundation
import Testing
import TestSupport

/// `annotate` without corpus arguments opens the corpus its session records where every reader finds
/// it (as recorded, next to the session, in its folder's parent), and never a corpus that is not the
/// session's. It looked only in the working folder: run from the sessions folder it fell back to
/// `seeds` there ("corpus not loadable"); run from a folder with another corpus of the recorded name,
/// it re-anchored every annotation into that one as orphaned and recorded it as the session's corpus.
@Suite("annotate finds the recorded corpus as the readers do")
struct AnnotateRecordedCorpusTests {
    /// A project folder with `corpus/doc.txt` and `sessions/anna.json` (one speaker) made from it.
    static func project() async throws -> URL {
        let folder = URL(fileURLWithPath: TestScratch.path("recorded-corpus-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Herr Müller sagte: „Es ist vorbei.“ Dann ging er.\n".utf8).write(to: folder.appendingPathComponent("corpus/doc.txt"))
        let made = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "anna", "--annotator", "anna"], stdin: "speaker 1-2\nquit\n", directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        return folder
    }

    /// The corpus paths `sessions/anna.json` records.
    static func recordedPaths(_ folder: URL) throws -> [String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let corpus = try #require(object["corpus"] as? [String: Any])
        return try #require(corpus["paths"] as? [String])
    }

    @Test("Run from the sessions folder, annotate opens the recorded corpus in the session folder's parent and keeps it recorded as it was")
    func fromTheSessionsFolder() async throws {
        let folder = try await Self.project()
        let sessions = folder.appendingPathComponent("sessions")
        let result = try await WorkbenchProcess.run(["annotate", "--session", "./anna.json"], stdin: "list\nquit\n", directory: sessions)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Herr Müller"), "\(result.stdout)")
        #expect(!result.stderr.contains("differs") && !result.stderr.contains("re-anchored"), "\(result.stderr)")
        #expect(try Self.recordedPaths(folder) == ["corpus"])
        // Changed text, found through `../corpus`: re-anchored, and still recorded as `corpus`.
        try Data("Herr Müller sagte: „Es ist vorbei.“ Dann ging er heim.\n".utf8).write(to: folder.appendingPathComponent("corpus/doc.txt"))
        let changed = try await WorkbenchProcess.run(["annotate", "--session", "./anna.json"], stdin: "quit\n", directory: sessions)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stderr.contains("re-anchored"), "\(changed.stderr)")
        #expect(try Self.recordedPaths(folder) == ["corpus"])
        let back = try await WorkbenchProcess.run(["annotate", "--session", "anna"], stdin: "quit\n", directory: folder)
        #expect(back.status == 0 && !back.stderr.contains("differs"), "\(back.stderr)")
    }

    @Test("Run from elsewhere with the session's path, annotate opens the recorded corpus next to the session's folder")
    func fromElsewhere() async throws {
        let folder = try await Self.project()
        let elsewhere = URL(fileURLWithPath: TestScratch.path("elsewhere-"))
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let session = folder.appendingPathComponent("sessions/anna.json").path
        let result = try await WorkbenchProcess.run(["annotate", "--session", session], stdin: "list\nquit\n", directory: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Herr Müller"), "\(result.stdout)")
        #expect(try Self.recordedPaths(folder) == ["corpus"])
    }

    @Test("A folder of the recorded name that holds none of the session's documents is refused, the session left untouched (it was re-anchored into it, every annotation orphaned)")
    func anotherCorpusOfTheSameName() async throws {
        let folder = try await Self.project()
        let elsewhere = URL(fileURLWithPath: TestScratch.path("elsewhere-"))
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Eine ganz andere Meldung.\n".utf8).write(to: elsewhere.appendingPathComponent("corpus/other.txt"))
        // The session's own corpus gone: only the other folder of its name is left to find.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("corpus"))
        let snapshot = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json"))
        let log = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.jsonl"))
        let session = folder.appendingPathComponent("sessions/anna.json").path
        let result = try await WorkbenchProcess.run(["annotate", "--session", session], stdin: "quit\n", directory: elsewhere)
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("holds none of its documents"), "\(result.stderr)")
        #expect(result.stderr.contains("workbench annotate CORPUS --session"), "\(result.stderr)")
        #expect(!result.stderr.contains("orphaned"), "\(result.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json")) == snapshot)
        #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/anna.jsonl")) == log)
    }

    /// A relative recorded path was tried in the working folder first: run from another project's
    /// folder holding a `corpus` of its own with a `doc.txt` of other text, `annotate` took that one,
    /// re-anchored the session's annotations into it (the fingerprint differed, as for an edited text)
    /// and recorded it, and the readers read the session against it. The session's own corpus, next to
    /// its folder, is found first now, and a warning names the other.
    @Test("A same-named corpus folder in the working folder holding another text of the same document does not replace the session's own", arguments: ["annotate", "validate"])
    func decoyInTheWorkingFolder(command: String) async throws {
        let folder = try await Self.project()
        let elsewhere = URL(fileURLWithPath: TestScratch.path("decoy-"))
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Frau Schmidt meinte: „Es geht weiter.“ Dann blieb sie.\n".utf8).write(to: elsewhere.appendingPathComponent("corpus/doc.txt"))
        let snapshot = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json"))
        let log = try Data(contentsOf: folder.appendingPathComponent("sessions/anna.jsonl"))
        let session = folder.appendingPathComponent("sessions/anna.json").path
        let result = try await WorkbenchProcess.run(
            command == "annotate" ? ["annotate", "--session", session] : ["validate", session],
            stdin: "list\nquit\n", directory: elsewhere)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(!result.stderr.contains("re-anchored") && !result.stderr.contains("differs") && !result.stderr.contains("changed"), "\(result.stderr)")
        #expect(result.stderr.contains("the one next to the session"), "the other folder is named: \(result.stderr)")
        if command == "annotate" {
            #expect(result.stdout.contains("Herr Müller"), "\(result.stdout)")
            #expect(!result.stdout.contains("Frau Schmidt"), "\(result.stdout)")
            #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/anna.jsonl")) == log, "nothing re-anchored")
            #expect(try Self.recordedPaths(folder) == ["corpus"])
        } else {
            #expect(try Data(contentsOf: folder.appendingPathComponent("sessions/anna.json")) == snapshot)
        }
    }

    @Test("A 300-character session name is refused before any file is made, naming its length and showing its first 40 characters (the whole name was echoed with 'File name too long')")
    func longSessionName() async throws {
        let folder = try await Self.project()
        let name = String(repeating: "x", count: 300)
        let result = try await WorkbenchProcess.run(["annotate", "corpus", "--session", name], stdin: "quit\n", directory: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("'" + String(repeating: "x", count: 40) + "…'"), "\(result.stderr)")
        #expect(!result.stderr.contains(String(repeating: "x", count: 41)), "\(result.stderr)")
        #expect(result.stderr.contains("305 bytes long"), "\(result.stderr)")
        #expect(!result.stderr.contains("File name too long"), "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sessions").path)
        #expect(files.allSatisfy { !$0.contains("xxx") }, "\(files)")
        // A name that fits is taken as before.
        let fits = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", String(repeating: "y", count: 200)], stdin: "quit\n", directory: folder)
        #expect(fits.status == 0, "\(fits.stderr)")
    }

    /// `annotate --session NAME` without corpus arguments on a session file that cannot be read: with
    /// no log beside it, the refusal named the default corpus ("seeds: no such file or folder", or that
    /// folder opened where it exists), not the file; with a log, the opening rebuilds the session from it,
    /// but the corpus it records was not looked for there and `seeds` was opened instead.
    @Test("A session file that cannot be read is named as such; a damaged snapshot beside its log opens the corpus the log records")
    func unreadableSessionFile() async throws {
        let folder = try await Self.project()
        let sessions = folder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: sessions.appendingPathComponent("folder.json"), withIntermediateDirectories: true)
        for (name, bytes, problem) in [
            ("empty", "", "the file is empty"), ("junk", "garbage{", "not valid JSON"), ("folder", nil, "this is a folder, not a session file"),
        ] {
            if let bytes { try Data(bytes.utf8).write(to: sessions.appendingPathComponent(name + ".json")) }
            let result = try await WorkbenchProcess.run(["annotate", "--session", name], stdin: "quit\n", directory: folder)
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("sessions/\(name).json: \(problem)"), "\(name): \(result.stderr)")
            #expect(!result.stderr.contains("seeds"), "\(name): \(result.stderr)")
        }
        // The snapshot damaged, its log whole: rebuilt from the log, on the corpus the log records.
        try Data("garbage{".utf8).write(to: sessions.appendingPathComponent("anna.json"))
        let rebuilt = try await WorkbenchProcess.run(["annotate", "--session", "anna"], stdin: "list\nquit\n", directory: folder)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("rebuilt from the log"), "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.contains("Herr Müller"), "\(rebuilt.stdout)")
        #expect(try Self.recordedPaths(folder) == ["corpus"])
    }

    /// A damaged snapshot beside a log whose header cannot be read either: the session cannot be
    /// opened, and says why, naming the log. Its corpus was looked for only in a hand-read first
    /// line, and when that gave none `annotate` went on to the default corpus: "no corpus named and
    /// no seeds/ here" hid the log's problem (or `seeds` was opened where it exists).
    @Test("A damaged snapshot beside a log whose header cannot be read is refused naming the log, not the default corpus")
    func unreadableSnapshotAndLogHeader() async throws {
        let folder = try await Self.project()
        let sessions = folder.appendingPathComponent("sessions")
        try Data("garbage{".utf8).write(to: sessions.appendingPathComponent("anna.json"))
        try Data("not a header\n".utf8).write(to: sessions.appendingPathComponent("anna.jsonl"))
        let result = try await WorkbenchProcess.run(["annotate", "--session", "anna"], stdin: "quit\n", directory: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("sessions/anna.jsonl: ") && result.stderr.contains("not a session log header"), "\(result.stderr)")
        #expect(!result.stderr.contains("seeds"), "\(result.stderr)")
        #expect(try String(contentsOf: sessions.appendingPathComponent("anna.json"), encoding: .utf8) == "garbage{")
    }
}
