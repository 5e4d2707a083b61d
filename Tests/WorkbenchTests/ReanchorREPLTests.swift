import Foundation
import Testing

@Suite("Reopening a session after its corpus changed")
struct ReanchorREPLTests {
    static let document = "000_f8d7a53538fa2d5e"

    @Test("Moved text is re-anchored, vanished text is orphaned and kept, and the session validates")
    func reanchorOnReopen() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(
            ["annotate", "--session", "r"],
            commands: ["goto 4", "speaker \"Vassili Nebenzia\"", "cue \"versicherte\"", "goto 2", "cue \"befinden\"", "quit"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let before = try workspace.annotations("r")
        let seed = workspace.folder.appendingPathComponent("seeds/\(Self.document).txt")
        var text = try String(contentsOf: seed, encoding: .utf8)
        text = "Eine neue Überschrift\n" + text.replacingOccurrences(of: "befinden sich rund", with: "sind rund")
        try Data(text.utf8).write(to: seed)
        let second = try await workspace.run(["annotate", "--session", "r"], commands: ["quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("re-anchored"))
        #expect(second.stderr.contains("orphaned"))
        let after = try workspace.annotations("r")
        // A line was added before the annotated sentences, and "befinden sich" (13 scalars) became "sind" (4) before them.
        let offset = "Eine neue Überschrift\n".unicodeScalars.count - 9
        func start(_ item: [String: Any]?) -> Int? {
            ((item?["anchor"] as? [String: Any])?["segments"] as? [[String: Any]])?.first?["start"] as? Int
        }
        #expect(start(after["M1"]).map { $0 - offset } == start(before["M1"]))
        #expect(start(after["Q1"]).map { $0 - offset } == start(before["Q1"]))
        #expect(((after["Q2"]?["anchor"] as? [String: Any])?["orphaned"] as? Bool) == true)
        #expect(start(after["Q2"]) == start(before["Q2"]), "an orphan keeps its offsets")
        let validate = try await WorkbenchProcess.run(["validate", "sessions/r.json"], directory: workspace.folder)
        #expect(validate.stderr.contains("Q2 is orphaned"))
        #expect(!validate.stderr.contains("M1"))
    }

    /// Before, `undo` right after reopening took back the re-anchoring: Q1 went back to its offsets
    /// in the older text and was drawn over other words, while `list` still gave its quote.
    @Test("undo and redo never put a record back at its place in an older text of a changed document")
    func undoStopsAtTheReanchoring() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "u"], commands: ["goto 4", "cue \"versicherte\"", "quit"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let before = try workspace.annotations("u")
        let seed = workspace.folder.appendingPathComponent("seeds/\(Self.document).txt")
        let text = try String(contentsOf: seed, encoding: .utf8)
        try Data(("Eine neue Überschrift 👀\n" + text).utf8).write(to: seed)
        let second = try await workspace.run(["annotate", "--session", "u"], commands: ["undo", "undo", "quit"])
        #expect(second.stderr.contains("re-anchored"), "\(second.stderr)")
        #expect(second.stdout.contains("undo would put Q1 back at its place in an older text of '\(Self.document)'"), "\(second.stdout)")
        #expect(second.stdout.contains("nothing changed (edit Q1 span … moves it)"), "\(second.stdout)")
        let after = try workspace.annotations("u")
        #expect((after["Q1"]?["anchor"] as? [String: Any])?["text"] as? String == "versicherte")
        #expect(try workspace.annotations("u").count == before.count)
        let validate = try await WorkbenchProcess.run(["validate", "sessions/u.json"], directory: workspace.folder)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    @Test("A session made with older sentence rules is checked against the new sentences and records the new rules")
    func newerSegmenter() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "s"], commands: ["goto 4", "speaker \"Vassili Nebenzia\"", "quit"])
        #expect(first.status == 0, "\(first.stderr)")
        // The corpus a session belongs to is recorded in its log (the header line).
        let path = workspace.folder.appendingPathComponent("sessions/s.jsonl")
        let saved = try String(contentsOf: path, encoding: .utf8)
        let version = try #require(saved.firstMatch(of: /"segmenter" *: *"([^"]+)"/)?.1)
        try Data(saved.replacingOccurrences(of: "\"\(version)\"", with: "\"de-news-0.9\"").utf8).write(to: path)
        let second = try await workspace.run(["annotate", "--session", "s"], commands: ["quit"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("sentences are now split by segmenter \(version) (this session was made with de-news-0.9)"))
        #expect(second.stderr.contains("re-anchored: 1 in place, 0 moved"))
        let third = try await workspace.run(["annotate", "--session", "s"], commands: ["quit"])
        #expect(!third.stderr.contains("segmenter"), "the new rules were recorded: \(third.stderr)")
    }

    /// A corpus of one document; a session with a mention, a cue and a claim on its first sentence;
    /// then the document changed so that the claim's text is no longer there (a word inserted).
    static func changedUnderAClaim() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-orphan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("corpus/a.txt")
        try Data("Müller sagte, die Lage sei ernst.\nSchmidt meinte: „Alles gut.“\n".utf8).write(to: file)
        let first = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "o", "--annotator", "anna"], stdin: "speaker Müller\ncue sagte\nclaim 4-7\nquit\n",
            directory: folder, environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock])
        #expect(first.status == 0, "\(first.stderr)")
        try Data("Xaver Müller sagte, die Lage sei wirklich ernst.\nSchmidt meinte: „Alles gut.“\n".utf8).write(to: file)
        return folder
    }

    @Test("An orphaned claim is listed as orphaned and never drawn at its old offsets in the changed text")
    func orphanIsNotDrawnAtOldOffsets() async throws {
        let folder = try await Self.changedUnderAClaim()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "o"], stdin: "show\nlist\nlist all\nquit\n", directory: folder,
            environment: ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 orphaned"))
        // Before: "Xaver [S1 Müller] <Q1 s{C1 agte Q1>, die Lage sei} wirklich ernst." (C1 at the old offsets).
        #expect(result.stdout.contains("Xaver [S1 Müller] <Q1 sagte>, die Lage sei wirklich ernst."), "\(result.stdout)")
        #expect(!result.stdout.contains("{C1"), "\(result.stdout)")
        let listed = result.stdout.split(separator: "\n").filter { $0.contains("C1") && $0.contains("claim") }
        #expect(listed.count == 2, "\(result.stdout)")
        #expect(listed.allSatisfy { $0.contains("orphaned: its text was not found") })
    }

    @Test("agree leaves orphaned annotations out of the scores and says so (they were scored at their old offsets, two orphans agreeing); diff names an orphan as one")
    func agreeLeavesOrphansOut() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-orphan-agree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("corpus/a.txt")
        try Data("Müller sagte, die Lage sei ernst.\n".utf8).write(to: file)
        let environment = ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock]
        for name in ["o1", "o2"] {
            let made = try await WorkbenchProcess.run(
                ["annotate", "corpus", "--session", name, "--annotator", name], stdin: "speaker Müller\nclaim 4-7 by S1\nquit\n",
                directory: folder, environment: environment)
            #expect(made.status == 0, "\(made.stderr)")
        }
        try Data("Müller sagte, die Lage sei wirklich ernst.\n".utf8).write(to: file)
        for name in ["o1", "o2"] {
            let reopened = try await WorkbenchProcess.run(["annotate", "corpus", "--session", name], stdin: "quit\n", directory: folder, environment: environment)
            #expect(reopened.stderr.contains("1 orphaned"), "\(reopened.stderr)")
        }
        let agree = try await WorkbenchProcess.run(["agree", "sessions/o1.json", "sessions/o2.json"], directory: folder, environment: environment)
        #expect(agree.status == 0, "\(agree.stderr)")
        let output = agree.stdout + agree.stderr
        #expect(output.contains("o1: 1 orphaned annotation(s) not scored"), "\(output)")
        let claims = agree.stdout.split(separator: "\n").filter { $0.hasPrefix("claims") && $0.contains("exact F1") && $0.contains("o1/o2") }
        #expect(claims.count == 1 && claims.allSatisfy { $0.contains("n/a") }, "\(agree.stdout)")
        let mentions = agree.stdout.split(separator: "\n").filter { $0.hasPrefix("mentions") && $0.contains("exact F1") && $0.contains("o1/o2") }
        #expect(mentions.count == 1 && mentions.allSatisfy { $0.contains("1.000") }, "\(agree.stdout)")
        // diff names an orphan as one (it was listed under the sentence its old offsets fall in, as if there).
        let deleted = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "o2"], stdin: "delete C1\nquit\n", directory: folder, environment: environment)
        #expect(deleted.status == 0, "\(deleted.stdout)\(deleted.stderr)")
        let diff = try await WorkbenchProcess.run(["diff", "sessions/o1.json", "sessions/o2.json"], directory: folder, environment: environment)
        #expect(diff.stdout.contains("- claim „die Lage sei ernst“ [orphaned: its text is not in the changed document] (C1)"), "\(diff.stdout)")
    }

    @Test("replay --verify does not say the text was checked when a document changed since the session was made")
    func verifyNamesChangedDocuments() async throws {
        let folder = try await Self.changedUnderAClaim()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await WorkbenchProcess.run(["replay", "sessions/o.json", "--verify"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        // Before: "verified: 4 events, 4 annotations, 1 documents; text checked against the corpus".
        #expect(result.stdout.contains("except 1 document(s) NOT checked: 'a'"), "\(result.stdout)")
        let validate = try await WorkbenchProcess.run(["validate", "sessions/o.json"], directory: folder)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("document 'a' changed since the session was made"))
    }

    @Test("nu stops at a sentence whose only annotation was orphaned (its old offsets touch no sentence)")
    func nuPassesNoOrphan() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-orphan-nu-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("corpus/a.txt")
        try Data("Die Lage sei ernst, hieß es.\nSchmidt meinte: „Alles gut.“\n".utf8).write(to: file)
        let environment = ["WORKBENCH_FAKE_CLOCK": REPLWorkspace.clock]
        let first = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "n", "--annotator", "anna"], stdin: "claim 1-4\nquit\n", directory: folder, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        try Data("Die Lage sei wirklich ernst, hieß es.\nSchmidt meinte: „Alles gut.“\n".utf8).write(to: file)
        let result = try await WorkbenchProcess.run(
            ["annotate", "corpus", "--session", "n"], stdin: "goto 2\ndone\nnu\nquit\n", directory: folder, environment: environment)
        #expect(result.stderr.contains("1 orphaned"), "\(result.stderr)")
        // Before: "every sentence is annotated or has a status" (the orphan's old offsets counted for sentence 1).
        #expect(!result.stdout.contains("every sentence is annotated"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").last { $0.hasPrefix("── document") }?.contains("sentence 1/2") == true, "\(result.stdout)")
    }
}

