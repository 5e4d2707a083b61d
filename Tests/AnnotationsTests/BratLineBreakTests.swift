import Foundation
import Testing
@testable import Annotations

/// brat files over text and names holding line boundaries other than LF (U+2028, U+2029, NEL,
/// vertical tab, form feed, U+001C–U+001E): bratly reads `.ann` files with Python's
/// `str.splitlines`, which cuts a line at each of them, so a `T` line over such text, a note or a
/// speaker name holding one broke into pieces ("Issue with parsing one line"). Spans are now cut
/// there as at LF, and notes and names write them as spaces (the exact text kept in the side tables).
@Suite("brat export: every line boundary a reader cuts at")
struct BratLineBreakTests {
    /// The hostile fixture's brat files: what bratly and pybrat must read line for line.
    static func export() throws -> (folder: String, expected: String, bundle: ExportBundle) {
        let bundle = try HostileExportFixture.bundle()
        let folder = TestCorpus.temporaryFolder()
        try ExportWriter(folder: folder + "/brat").write(ExportFormat.brat.exporter.export(bundle))
        let label = ExportText.fileName(bundle.sessions[0].label)
        var documents: [(String, JSONValue)] = []
        for document in bundle.documents {
            let name = ExportText.fileName(document.document.id)
            let ann = try String(contentsOfFile: "\(folder)/brat/\(label)/\(name).ann", encoding: .utf8)
            let lines = ann.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            documents.append((name, .object(["T", "R", "A", "N", "#"].map { prefix in (prefix, .int(lines.filter { $0.hasPrefix(prefix) }.count)) })))
        }
        let expected = folder + "/expected.json"
        try Data(JSONValue.object([("brat", .object([(label, .object(documents))]))]).pretty().utf8).write(to: URL(fileURLWithPath: expected))
        return (folder, expected, bundle)
    }

    @Test("bratly reads every line whole (counts per kind) and its offsets fit the text; pybrat's text at the offsets is each mention",
          .enabled(if: ConsumerPython.enabled, "set WORKBENCH_PYTHON (scripts/test does) to read brat with bratly and pybrat"))
    func consumers() async throws {
        let (folder, expected, _) = try Self.export()
        let result = try await ConsumerPython.run("check_brat.py", [folder + "/brat", expected])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("A span over U+2028, U+2029 and NEL is cut there; notes and names write them as spaces; import gives everything back")
    func cutAndBack() throws {
        let (folder, _, bundle) = try Self.export()
        let label = ExportText.fileName(bundle.sessions[0].label)
        let ann = try String(contentsOfFile: "\(folder)/brat/\(label)/\(ExportText.fileName(bundle.documents[0].document.id)).ann", encoding: .utf8)
        #expect(!ann.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }, "\(ann)")
        #expect(ann.contains("\tClaim 163 167;168 172;173 180\tEnde hier da\u{0}null\n"), "\(ann)")
        let session = try BratImporter().load(folder: "\(folder)/brat/\(label)", corpus: HostileExportFixture.corpus, annotator: nil, time: "t")
        let original = try HostileExportFixture.session().state
        #expect(Set(session.state.claims.values.map(\.anchor.segments)) == Set(original.claims.values.map(\.anchor.segments)))
        #expect(Set(session.state.notes.values.map(\.text)) == Set(original.notes.values.map(\.text)))
        #expect(Set(session.state.speakers.values.map(\.name)) == Set(original.speakers.values.map(\.name)))
    }
}
