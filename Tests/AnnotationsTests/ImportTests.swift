import Foundation
import Testing
@testable import Annotations

/// Importing brat and JSONL: line endings, every kind of bad line reported with file and line,
/// nothing imported when anything is wrong, and notes surviving export → import.
@Suite("Import from brat and JSONL")
struct ImportTests {
    static let time = "2026-11-22T10:00:00.000Z"

    /// Anna's fixture session exported as brat into a fresh folder; returns the session folder.
    static func bratFolder(_ session: Session? = nil) throws -> String {
        let state = try (session ?? ExportFixture.anna()).state
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
        let folder = TestCorpus.temporaryFolder() + "/out"
        try ExportWriter(folder: folder).write(BratExporter().export(bundle))
        return folder + "/anna"
    }

    static func importBrat(_ folder: String) throws -> Session {
        try BratImporter().load(folder: folder, corpus: ExportFixture.corpus, annotator: nil, time: time)
    }

    /// Rewrites a file of the folder.
    static func edit(_ folder: String, _ name: String, _ change: (String) -> String) throws {
        let path = folder + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(change(text).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The problems an import of `folder` reports (fails the test when it imports).
    static func problems(_ folder: String) throws -> [ImportProblem] {
        importProblems { _ = try importBrat(folder) }
    }

    @Test("brat .ann files with CRLF or CR line ends import like LF ones", arguments: ["\r\n", "\r"])
    func bratLineEnds(lineEnd: String) throws {
        let folder = try Self.bratFolder()
        let plain = try Self.importBrat(folder)
        for name in ["tricky.ann", "plain.ann", "speakers.tsv", "targets.tsv", "stances.tsv", "notes.tsv"] {
            try Self.edit(folder, name) { $0.replacingOccurrences(of: "\n", with: lineEnd) }
        }
        let converted = try Self.importBrat(folder)
        let state = converted.state
        #expect(state.mentions.count == 5 && state.cues.count == 5 && state.claims.count == 6)
        #expect(state.speakers.count == 4 && state.targets.count == 2 && state.stances.count == 3)
        #expect(state.mentions == plain.state.mentions && state.claims == plain.state.claims && state.stances == plain.state.stances)
        #expect(state.notes == plain.state.notes)
    }

    @Test("An unknown entity type is reported with file and line, and nothing is imported")
    func bratUnknownType() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") { $0 + "T99\tPerson 11 23\tDer Minister\n" }
        let problems = try Self.problems(folder)
        let lines = try String(contentsOfFile: folder + "/plain.ann", encoding: .utf8).split(separator: "\n").count
        #expect(problems.map(\.description).contains("\(folder)/plain.ann:\(lines): unknown entity type 'Person' (expected Speaker, Cue or Claim)"))
    }

    @Test("Relations, attributes, references and notes pointing at missing ids are reported")
    func bratDangling() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") {
            $0 + "R90\tHasSpeaker Arg1:T3 Arg2:T77\nA90\tNegated T78\nN90\tReference T79 Workbench:S1\tMinister\n#90\tAnnotatorNotes T80\tweg\n"
        }
        let problems = try Self.problems(folder).map(\.description).joined(separator: "\n")
        for id in ["T77", "T78", "T79", "T80"] { #expect(problems.contains("refers to \(id), which does not exist in this file"), "\(id): \(problems)") }
        #expect(problems.contains("\(folder)/plain.ann:"))
    }

    @Test("Duplicate ids, unknown relation and attribute types and unknown line kinds are reported")
    func bratDuplicatesAndTypes() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") { $0 + "T1\tSpeaker 11 23\tDer Minister\nR91\tKnows Arg1:T1 Arg2:T2\nA91\tColour T1 red\nE1\tSay:T2\n" }
        let problems = try Self.problems(folder).map(\.reason)
        #expect(problems.contains { $0.hasPrefix("duplicate id T1 (first on line 1)") })
        #expect(problems.contains { $0.hasPrefix("unknown relation type 'Knows'") })
        #expect(problems.contains { $0.hasPrefix("unknown attribute 'Colour'") })
        #expect(problems.contains { $0.hasPrefix("unknown annotation type 'E'") })
    }

    @Test("A T line whose text is not the document's text at its offsets is reported")
    func bratTextMismatch() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") { $0.replacingOccurrences(of: "\tDer Minister\n", with: "\tDie Ministerin\n") }
        let problems = try Self.problems(folder)
        #expect(problems.count == 1)
        #expect(problems.first?.path == folder + "/plain.ann" && problems.first?.line == 1)
        #expect(problems.first?.reason.contains("is not the document's text") == true)
    }

    @Test("An .ann file without a corpus document is reported, not skipped")
    func bratOrphanFile() throws {
        let folder = try Self.bratFolder()
        try Data("T1\tSpeaker 0 3\tDer\n".utf8).write(to: URL(fileURLWithPath: folder + "/other.ann"))
        let problems = try Self.problems(folder)
        #expect(problems.map(\.path) == [folder + "/other.ann"])
    }

    @Test("The error lists every problem with file and line")
    func bratMessage() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") { $0 + "T99\tPerson 11 23\tDer Minister\n" }
        try Self.edit(folder, "tricky.ann") { $0 + "A99\tNegated T999\n" }
        do {
            _ = try Self.importBrat(folder)
            Issue.record("imported")
        } catch {
            let message = (error as? ExportError)?.description ?? ""
            #expect(message.hasPrefix("\(folder): nothing imported, 2 problems to fix first:"))
            #expect(message.contains("/plain.ann:") && message.contains("/tricky.ann:"))
        }
    }

    @Test("Sentence notes, annotation notes and stance notes survive brat export → import, with ids and annotators")
    func bratNotes() throws {
        let original = try ExportFixture.anna()
        let imported = try Self.importBrat(try Self.bratFolder(original))
        let notes = AnnotationState.sortedByID(imported.state.notes)
        #expect(notes.count == 3)
        #expect(notes.map(\.id) == ["N1", "N2", "N3"])
        #expect(notes.map(\.text) == AnnotationState.sortedByID(original.state.notes).map(\.text))
        #expect(notes[1].subject == .sentence(SentenceKey(document: "tricky", sentence: 2)))
        #expect(notes[2].subject == .annotation("P1"))
        #expect(notes.allSatisfy { $0.annotator == "anna" })
        if case .annotation(let id) = notes[0].subject {
            #expect(imported.state.claims[id]?.anchor.text == original.state.claims["C1"]?.anchor.text)
        } else {
            Issue.record("N1 is not about a claim")
        }
    }

    @Test("A note added in brat (a # line without a notes.tsv row) is imported too")
    func bratNoteAddedInBrat() throws {
        let folder = try Self.bratFolder()
        try Self.edit(folder, "plain.ann") { $0 + "#50\tAnnotatorNotes T1\tneu\n" }
        let imported = try Self.importBrat(folder)
        #expect(imported.state.notes.count == 4)
        #expect(imported.state.notes.values.contains { $0.text == "neu" && $0.id == "N4" })
    }

    @Test("A JSONL import error names the file and line it is in, not the first file")
    func jsonlErrorFile() throws {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder + "/j").write(JSONLExporter().export(bundle))
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.jsonl"))
        // A stance whose speaker does not exist: found only when the session is built.
        let entities = folder + "/j/entities.jsonl"
        var lines = try String(contentsOfFile: entities, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"stance\"") })
        lines[index] = lines[index].replacingOccurrences(of: "\"speaker\":\"S1\"", with: "\"speaker\":\"S99\"")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: entities))
        do {
            _ = try JSONLImporter().load(paths: [folder + "/empty.jsonl", folder + "/j/annotations.jsonl", entities], corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
            Issue.record("imported")
        } catch {
            guard case .importProblems(_, let problems) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            // The stance's own line first; a note about the stance fails with it, in the same file.
            #expect(Set(problems.map(\.path)) == [entities])
            #expect(problems.first?.line == index + 1)
        }
    }

    @Test("JSONL files with CRLF line ends import")
    func jsonlCRLF() throws {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder + "/j").write(JSONLExporter().export(bundle))
        for name in ["annotations.jsonl", "entities.jsonl"] { try Self.edit(folder + "/j", name) { $0.replacingOccurrences(of: "\n", with: "\r\n") } }
        let imported = try JSONLImporter().load(
            paths: [folder + "/j/annotations.jsonl", folder + "/j/entities.jsonl"], corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
        #expect(imported.state.claims.count == 6 && imported.state.notes.count == 3)
    }

    @Test("JSONL: an unknown record type and a note on a sentence the corpus lacks are reported, not dropped")
    func jsonlUnknownRecords() throws {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder + "/j").write(JSONLExporter().export(bundle))
        let entities = folder + "/j/entities.jsonl"
        try Self.edit(folder + "/j", "entities.jsonl") {
            $0 + "{\"type\":\"relation\",\"session\":\"anna\",\"id\":\"R1\"}\n"
                + "{\"type\":\"note\",\"session\":\"anna\",\"id\":\"N9\",\"subject\":{\"document\":\"tricky\",\"sentence\":99},\"text\":\"x\",\"annotator\":\"anna\"}\n"
        }
        let count = try String(contentsOfFile: entities, encoding: .utf8).split(separator: "\n").count
        do {
            _ = try JSONLImporter().load(paths: [folder + "/j/annotations.jsonl", entities], corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
            Issue.record("imported")
        } catch {
            guard case .importProblems(_, let problems) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(problems.map(\.line).sorted() == [count - 1, count])
            #expect(problems.contains { $0.reason.hasPrefix("unknown record type 'relation'") })
            #expect(problems.contains { $0.reason.contains("sentence 99 of 'tricky'") })
        }
    }
}
