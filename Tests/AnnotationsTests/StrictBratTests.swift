import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Strict brat: never two `T` lines with the same type and span. Annotations of one kind on one span
/// share a `T` (their relations on it, `shared.tsv` listing them), and import restores each one.
@Suite("Strict brat")
struct StrictBratTests {
    /// The SpkAtt fixture plus a second claim on the first claim's span, by another speaker, in another form.
    static func session() throws -> (corpus: SegmentedCorpus, session: Session) {
        var document = SpkAttTests.fixture
        document.annotations.append(.init(cue: ["1:3", "1:6"], form: "Indirect", message: ["0:10", "0:11", "0:12", "0:13", "0:14"], stwr: "Speech", source: ["1:2"]))
        // "Ob" as both Source and Cue (as SpkAtt marks "Demnach"): one span, two roles.
        document.annotations.append(.init(cue: ["3:0"], form: "Reported", message: ["3:1", "3:2"], stwr: "Speech", source: ["3:0"]))
        let folder = try SpkAttTests.folder(["doc 1": document])
        return try SpkAttTests.load(folder)
    }

    static func bundle(_ corpus: SegmentedCorpus, _ state: AnnotationState) throws -> ExportBundle {
        try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
    }

    /// The `T` lines of an `.ann` text as (type, offsets).
    static func entities(_ ann: String) -> [String] {
        ann.split(separator: "\n").filter { $0.hasPrefix("T") }.map { line in
            let fields = line.split(separator: "\t")
            return String(fields[1])
        }
    }

    @Test("two claims on one span share one T with a relation each; import restores both, and export → import → export is identical")
    func sharedSpan() throws {
        let (corpus, session) = try Self.session()
        let state = session.state
        let twins = state.claims.values.filter { $0.anchor.segments == state.claims["C1"]?.anchor.segments }
        #expect(twins.count == 2 && Set(twins.map(\.speaker)).count == 2)
        let files = BratExporter().export(try Self.bundle(corpus, state))
        let ann = try #require(files.first { $0.path == "anna/doc 1.ann" }).contents
        let entities = Self.entities(ann)
        #expect(Set(entities).count == entities.count, "\(ann)")
        // Not even two T lines of different types on one span (pybrat's strict check): a combined type.
        let offsets = entities.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(Set(offsets).count == offsets.count, "\(ann)")
        #expect(entities.contains { $0.hasPrefix("Speaker_Cue ") }, "\(ann)")
        let conf = try #require(files.first { $0.path == "anna/annotation.conf" }).contents
        #expect(conf.contains("\nSpeaker_Cue\n") && conf.contains("HasCue Arg1:Claim, Arg2:Cue|Speaker_Cue"), "\(conf)")
        // One per claim and speaker mention: "Sie und Jörg gaben an" is one claim with two.
        #expect(ann.split(separator: "\n").filter { $0.contains("HasSpeaker Arg1:T") }.count == 6)
        let shared = try #require(files.first { $0.path == "anna/shared.tsv" }).contents
        #expect(shared.split(separator: "\n").count == 3, "\(shared)")

        let folder = TestScratch.path("brat-")
        try ExportWriter(folder: folder).write(files)
        let imported = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: SpkAttTests.time)
        #expect(imported.state.claims.count == state.claims.count)
        let importedTwins = imported.state.claims.values.filter { $0.anchor.segments == twins[0].anchor.segments }
        #expect(Set(importedTwins.map(\.form)) == Set(twins.map(\.form)))
        #expect(Set(importedTwins.compactMap { $0.speaker.flatMap { imported.state.speakers[$0]?.name } }) == ["Zoë Müller", "Jörg"])
        #expect(BratExporter().export(try Self.bundle(corpus, imported.state)) == files)
        let both = try #require(imported.state.claims.values.first { $0.anchor.text == "das reicht" })
        let mention = try #require(both.mention.flatMap { imported.state.mentions[$0] })
        let cue = try #require(both.cue.flatMap { imported.state.cues[$0] })
        #expect(mention.anchor.segments == cue.anchor.segments && mention.anchor.text == "Ob")
    }

    @Test("a claim given several HasSpeaker relations in brat (no shared.tsv) becomes one claim with several speakers")
    func editedInBrat() throws {
        let (corpus, session) = try Self.session()
        let folder = TestScratch.path("brat-")
        try ExportWriter(folder: folder).write(BratExporter().export(try Self.bundle(corpus, session.state)))
        try FileManager.default.removeItem(atPath: folder + "/anna/shared.tsv")
        let imported = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: SpkAttTests.time)
        // The two claims that shared one T are one claim by both speakers now; the others come back as they were.
        #expect(imported.state.claims.count == session.state.claims.count - 1)
        let segments = try #require(session.state.claims["C1"]).anchor.segments
        let joined = imported.state.claims.values.filter { $0.anchor.segments == segments }
        #expect(joined.count == 1)
        #expect(joined.first?.speakers.compactMap { imported.state.speakers[$0]?.name } == ["Zoë Müller", "Jörg"])
        #expect(joined.first?.mentions.count == 2)
    }

    @Test("every importer marks what it adds with origin imported (brat and JSONL too)")
    func importedOrigin() throws {
        let brat = try ImportTests.importBrat(try ImportTests.bratFolder())
        let state = brat.state
        let records: [Origin?] = state.mentions.values.map(\.origin) + state.cues.values.map(\.origin) + state.claims.values.map(\.origin)
            + state.speakers.values.map(\.origin) + state.targets.values.map(\.origin) + state.stances.values.map(\.origin)
        #expect(!records.isEmpty && records.allSatisfy { $0?.kind == .imported })
        let bundle = try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: try ExportFixture.anna().state)])
        let folder = TestScratch.path("jsonl-")
        try ExportWriter(folder: folder).write(JSONLExporter().export(bundle))
        let jsonl = try JSONLImporter().load(
            paths: [folder + "/annotations.jsonl", folder + "/entities.jsonl"], corpus: ExportFixture.corpus, annotator: nil, time: SpkAttTests.time)
        #expect(jsonl.state.claims.values.allSatisfy { $0.origin?.kind == .imported })
        #expect(jsonl.state.stances.values.allSatisfy { $0.origin?.kind == .imported })
    }

    @Test("a shared.tsv row naming a T that does not exist is reported with its line")
    func badSharedRow() throws {
        let (corpus, session) = try Self.session()
        let folder = TestScratch.path("brat-")
        try ExportWriter(folder: folder).write(BratExporter().export(try Self.bundle(corpus, session.state)))
        let path = folder + "/anna/shared.tsv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data((text + "anna\tdoc 1\tT99\tClaim\t\t\t\t\t\t\tanna\n").utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try BratImporter().load(folder: folder + "/anna", corpus: corpus, annotator: nil, time: SpkAttTests.time)
            Issue.record("imported")
        } catch {
            #expect(error.description.contains("shared.tsv:4: no Claim T99 in document 'doc 1'"), "\(error.description)")
        }
    }

    @Test("pybrat (error=\"raise\") and bratly load the export", .enabled(if: ConsumerPython.enabled))
    func consumers() async throws {
        let (corpus, session) = try Self.session()
        let folder = TestScratch.path("brat-")
        let files = BratExporter().export(try Self.bundle(corpus, session.state))
        try ExportWriter(folder: folder).write(files)
        var counts: [(String, JSONValue)] = []
        for kind in ["T", "R", "A", "N", "#"] {
            let ann = try #require(files.first { $0.path == "anna/doc 1.ann" }).contents
            counts.append((kind, .int(ann.split(separator: "\n").filter { $0.hasPrefix(kind) }.count)))
        }
        let expected = JSONValue.object([("brat", .object([("anna", .object([("doc 1", .object(counts))]))]))])
        let expectedPath = folder + "/expected.json"
        try Data(expected.serialized().utf8).write(to: URL(fileURLWithPath: expectedPath))
        let (status, output) = try await ConsumerPython.run("check_brat.py", [folder, expectedPath])
        #expect(status == 0, "\(output)")
    }
}
