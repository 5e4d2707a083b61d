import Foundation
import Testing
@testable import Annotations

/// Notes, speaker names and aliases and target texts holding tabs or line breaks in a brat export:
/// brat's lines cannot hold them, so the `.ann` files show spaces; the side tables' `exact` column
/// keeps the text, so export → import gives it back, and the export says what it changed.
@Suite("brat: tabs and line breaks in notes and names")
struct BratExactTextTests {
    /// Anna's fixture with a multi-line span note, a sentence note with CRLF and a tab, a speaker
    /// whose name holds a line break and whose aliases hold `|`, `¦` and a tab, and a two-line target.
    static func session() throws -> Session {
        var session = try ExportFixture.anna()
        func run(_ action: EditAction) throws { try session.perform(action, time: "2026-11-21T10:00:02.000Z") }
        try run(.add(.note(Note(id: "N4", subject: .annotation("C1"), text: "Zeile 1\nZeile 2\tmit Tab"))))
        try run(.add(.note(Note(id: "N5", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: "a\r\nb\tc"))))
        try run(.add(.speaker(Speaker(id: "S5", name: "Anna\nMüller", aliases: ["A|M", "A¦M", "A\tM"]))))
        try run(.add(.target(Target(id: "T3", text: "Erstens\nzweitens"))))
        return session
    }

    static func export(_ session: Session) throws -> (folder: String, notices: [String]) {
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state)])
        let folder = TestCorpus.temporaryFolder() + "/out"
        try ExportWriter(folder: folder).write(BratExporter().export(bundle))
        return (folder + "/anna", BratExporter().notices(bundle))
    }

    @Test("Export → import gives notes, names, aliases and targets back exactly; brat's lines hold spaces; the export says so")
    func roundTrip() throws {
        let original = try Self.session()
        let (folder, notices) = try Self.export(original)
        #expect(notices.count == 1)
        #expect(notices.first?.hasPrefix("brat: 2 notes, 1 speaker name or alias list, 1 target hold tabs or line breaks") == true)
        // What brat reads: one line per record, spaces where the tabs and line breaks were.
        let ann = try String(contentsOfFile: folder + "/tricky.ann", encoding: .utf8)
        #expect(ann.contains("\tAnnotatorNotes T") && ann.contains("\tZeile 1 Zeile 2 mit Tab\n"))
        for name in ["tricky.ann", "notes.tsv", "speakers.tsv", "targets.tsv"] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(!text.contains("\r"))
            if name.hasSuffix(".tsv") {
                let columns = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).count }
                #expect(Set(columns).count == 1, "\(name): \(columns)")
            }
        }
        let imported = try ImportTests.importBrat(folder)
        #expect(AnnotationState.sortedByID(imported.state.notes).map(\.text) == AnnotationState.sortedByID(original.state.notes).map(\.text))
        #expect(imported.state.speakers["S5"]?.name == "Anna\nMüller")
        #expect(imported.state.speakers["S5"]?.aliases == ["A|M", "A¦M", "A\tM"])
        #expect(imported.state.targets["T3"]?.text == "Erstens\nzweitens")
        #expect(imported.state.speakers["S1"]?.aliases == ["Rutte", "Herr Rutte"])
    }

    @Test("Without such text the side tables keep their columns and the export says nothing")
    func plainExportUnchanged() throws {
        let (folder, notices) = try Self.export(try ExportFixture.anna())
        #expect(notices.isEmpty)
        let notes = try String(contentsOfFile: folder + "/notes.tsv", encoding: .utf8)
        #expect(notes.hasPrefix(BratExporter.noteColumns.joined(separator: "\t") + "\n"))
        let speakers = try String(contentsOfFile: folder + "/speakers.tsv", encoding: .utf8)
        #expect(speakers.hasPrefix("session\tspeaker\tname\tkind\taliases\tannotator\n"))
    }

    @Test("A plain column edited after the export wins over its exact column; a damaged exact column is reported")
    func editedAndDamaged() throws {
        let (folder, _) = try Self.export(try Self.session())
        try ImportTests.edit(folder, "targets.tsv") { $0.replacingOccurrences(of: "\tErstens zweitens\t", with: "\tErstens, zweitens\t") }
        try ImportTests.edit(folder, "tricky.ann") { $0.replacingOccurrences(of: "Zeile 1 Zeile 2 mit Tab", with: "in brat geändert") }
        let imported = try ImportTests.importBrat(folder)
        #expect(imported.state.targets["T3"]?.text == "Erstens, zweitens")
        #expect(imported.state.notes.values.contains { $0.text == "in brat geändert" })
        try ImportTests.edit(folder, "notes.tsv") { $0.replacingOccurrences(of: "\"a\\r\\nb\\tc\"", with: "a\\r\\nb") }
        let problems = try ImportTests.problems(folder)
        #expect(problems.count == 1)
        #expect(problems.first?.path.hasSuffix("/notes.tsv") == true)
        #expect(problems.first?.reason.hasPrefix("exact: expected a JSON string") == true)
    }
}
