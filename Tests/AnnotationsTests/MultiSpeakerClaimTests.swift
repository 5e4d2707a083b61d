import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Claims with several speakers ("Die Vereinigten Staaten und Südkorea forderten …") and addressees
/// ("warf dem Westen vor"): the model, its JSON, agreement, adjudication, diff and every exchange format.
@Suite("Claims with several speakers and addressees")
struct MultiSpeakerClaimTests {
    static let time = "2026-11-21T10:00:05.000Z"

    /// anna's export fixture plus: C4 ("die Lage sei … ernst & heikel") by Anna Müller and Mark Rutte
    /// (M3, then M2 „Er“), and C5 („zu lügen“) by Peskow addressed to „dem Westen“ (M6 of S5).
    static func session() throws -> Session {
        var session = try ExportFixture.anna()
        let builder = AnchorBuilder(corpus: ExportFixture.corpus)
        try session.perform(.add(.speaker(Speaker(id: "S5", name: "der Westen", kind: "institution"))), time: time)
        try session.perform(.add(.mention(Mention(id: "M6", anchor: try ExportFixture.anchor(["dem Westen"], builder: builder), speaker: "S5"))), time: time)
        var c4 = try #require(session.state.claims["C4"])
        c4.speakers = ["S2", "S1"]
        c4.mentions = ["M3", "M2"]
        try session.perform(.replace(.claim(c4)), time: time)
        var c5 = try #require(session.state.claims["C5"])
        c5.addressees = ["M6"]
        try session.perform(.replace(.claim(c5)), time: time)
        return session
    }

    static func bundle(_ state: AnnotationState) throws -> ExportBundle {
        try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: state)])
    }

    static func file(_ files: [ExportFile], _ path: String) throws -> String {
        try #require(files.first { $0.path == path }).contents
    }

    // MARK: - Model

    @Test("apply, undo and redo of a claim with two speakers and an addressee; deleting a speaker or mention takes it out of the claim")
    func applyUndoRedo() throws {
        var session = try Self.session()
        let joint = try #require(session.state.claims["C4"])
        #expect(joint.speakers == ["S2", "S1"] && joint.speaker == "S2" && joint.mention == "M3" && joint.hasSeveralSpeakers)
        _ = try session.perform(.undo, time: Self.time)
        _ = try session.perform(.undo, time: Self.time)
        #expect(session.state.claims["C4"]?.speakers == ["S2"] && session.state.claims["C5"]?.addressees == [])
        _ = try session.perform(.redo, time: Self.time)
        _ = try session.perform(.redo, time: Self.time)
        #expect(session.state.claims["C4"] == joint && session.state.claims["C5"]?.addressees == ["M6"])

        let before = session.state
        _ = try session.perform(.delete("S1"), time: Self.time)
        // Mark Rutte goes with his mentions: C4 keeps Anna Müller and her mention only.
        #expect(session.state.claims["C4"]?.speakers == ["S2"] && session.state.claims["C4"]?.mentions == ["M3"])
        _ = try session.perform(.delete("M6"), time: Self.time)
        #expect(session.state.claims["C5"]?.addressees == [])
        _ = try session.perform(.undo, time: Self.time)
        _ = try session.perform(.undo, time: Self.time)
        #expect(session.state.hasSameRecords(as: before))
        // Replaying the log gives the same state: one pure path.
        #expect(try AnnotationState.replaying(session.events, schema: session.schema) == session.state)
    }

    @Test("setting the main speaker keeps the others; nil removes them all")
    func mainSpeaker() {
        var claim = Claim(id: "C1", anchor: TextAnchor(document: "d", sentence: 0, segments: [SpanSegment(start: 0, end: 1)], text: "x", before: "", after: "", sentenceHash: ""), speakers: ["S1", "S2", "S3"])
        claim.speaker = "S3"
        #expect(claim.speakers == ["S3", "S2"])
        claim.speaker = nil
        #expect(claim.speakers.isEmpty)
    }

    @Test("bad speaker lists are refused with what to do", arguments: [
        (["S1", "S9"], [String](), [String](), "refers to unknown speaker S9"),
        (["S1", "S1"], [], [], "lists S1 twice"),
        (["S1"], ["M1", "M1"], [], "lists M1 twice"),
        (["S1"], ["M1"], ["S2"], "refers to unknown addressee mention S2"),
        (["S1"], ["M1"], ["M1"], "lists M1 twice (again as addressee)"),
    ])
    func badLists(speakers: [String], mentions: [String], addressees: [String], message: String) throws {
        var session = try ExportFixture.anna()
        let before = session.state
        var claim = try #require(session.state.claims["C1"])
        claim.speakers = speakers
        claim.mentions = mentions
        claim.addressees = addressees
        #expect {
            try session.perform(.replace(.claim(claim)), time: Self.time)
        } throws: { error in
            (error as? AnnotationError)?.description.contains(message) ?? false
        }
        #expect(session.state == before)
    }

    // MARK: - JSON

    @Test("one speaker and no addressee writes the keys as before; several write speakers, mentions and addressees")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let session = try Self.session()
        let single = String(decoding: try encoder.encode(Record.claim(try #require(session.state.claims["C1"]))), as: UTF8.self)
        #expect(single.contains(#""mention":"M1""#) && single.contains(#""speaker":"S1""#))
        #expect(!single.contains("speakers") && !single.contains("mentions") && !single.contains("addressees"))
        let joint = String(decoding: try encoder.encode(Record.claim(try #require(session.state.claims["C4"]))), as: UTF8.self)
        #expect(joint.contains(#""speakers":["S2","S1"]"#) && joint.contains(#""mentions":["M3","M2"]"#) && !joint.contains(#""speaker":"#))
        let addressed = String(decoding: try encoder.encode(Record.claim(try #require(session.state.claims["C5"]))), as: UTF8.self)
        #expect(addressed.contains(#""addressees":["M6"]"#) && addressed.contains(#""speaker":"S3""#))
        for record in [single, joint, addressed] {
            let decoded = try JSONDecoder().decode(Record.self, from: Data(record.utf8))
            #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == record)
        }
        // The saved session reads back the same through the session reader (a format-1 file holds
        // records and events; a format-2 log holds the events, one line each).
        let data = try SessionCodec.encode(session.formatOneFile)
        let read = try SessionCodec.decode(data, path: "mem")
        #expect(try AnnotationState.replaying(read.events, schema: read.schema) == session.state)
        var identified = session
        identified.id = "test"
        let log = try SessionLogContents(
            Data(SessionFileWriter.logBytes(header: LogHeader(session: identified), events: session.events, cursor: nil)), path: "mem")
        #expect(try AnnotationState.replaying(log.events, schema: session.schema) == session.state)
    }

    @Test("a claim with both speaker and speakers is refused by both readers")
    func bothKeys() throws {
        let json = #"{"type":"claim","id":"C1","anchor":{"document":"d","sentence":0,"segments":[{"start":0,"end":1}],"text":"x"},"speaker":"S1","speakers":["S1","S2"]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Record.self, from: Data(json.utf8)) }
        #expect(throws: (any Error).self) {
            try Array(json.utf8).withUnsafeBufferPointer { buffer in
                var decoder = SessionFileDecoder(buffer)
                return try decoder.record()
            }
        }
    }

    // MARK: - Agreement, adjudication, diff

    /// Two annotators' states over the export corpus whose C4 differ only in the speakers' order (or set).
    static func pair(secondSpeakers: [String]) throws -> [AnnotationState] {
        let first = try Self.session().state
        var second = try Self.session()
        var c4 = try #require(second.state.claims["C4"])
        c4.speakers = secondSpeakers
        c4.mentions = []
        try second.perform(.replace(.claim(c4)), time: Self.time)
        return [first, second.state]
    }

    @Test("attribution agreement compares speaker sets: the order does not count, a missing speaker does")
    func agreementOnSets() throws {
        func attribution(_ states: [AnnotationState]) throws -> Double? {
            var sessions: [Session] = []
            for (index, state) in states.enumerated() {
                var session = Session(annotator: ["anna", "ben"][index], corpus: CorpusReference(ExportFixture.corpus), created: Self.time)
                for record in state.allRecords { try session.perform(.add(record), time: Self.time) }
                sessions.append(session)
            }
            let report = try AgreementReport(annotators: ["anna", "ben"], sessions: sessions)
            return report.measures.first { $0.layer == "attribution" && $0.measure == "same speaker" && $0.scope == "anna/ben" }?.value
        }
        #expect(try attribution(try Self.pair(secondSpeakers: ["S1", "S2"])) == 1)
        let partial = try #require(try attribution(try Self.pair(secondSpeakers: ["S2"])))
        #expect(partial < 1)
    }

    @Test("adjudication pairs claims by speaker set and keeps every speaker, mention and addressee")
    func adjudication() throws {
        let same = AdjudicationPlan(annotators: ["anna", "ben"], states: try Self.pair(secondSpeakers: ["S1", "S2"]))
        let units = same.units.filter { $0.kind == "claim" && $0.versions.contains { $0?.anchor?.text.contains("heikel") ?? false } }
        #expect(units.count == 1)
        let other = AdjudicationPlan(annotators: ["anna", "ben"], states: try Self.pair(secondSpeakers: ["S2"]))
        let split = other.units.filter { $0.kind == "claim" && $0.versions.contains { $0?.anchor?.text.contains("heikel") ?? false } }
        // One claim the annotators attribute differently is one disagreement (paired in order), naming both sets.
        #expect(split.count == 1 && !split[0].agreed)
        #expect(split[0].differingFields.contains("speaker"))
        let addressed = same.units.first { $0.kind == "claim" && $0.versions.contains { $0?.anchor?.text == "zu lügen" } }
        #expect(addressed?.fields(of: 0).contains { $0.name == "to" && $0.value == "„dem Westen“" } ?? false)
    }

    @Test("diff shows a changed speaker set and addressee, and not a changed order")
    func diff() throws {
        let reordered = try Self.pair(secondSpeakers: ["S1", "S2"])
        let quiet = SessionDiff(reordered[0], reordered[1], matchByID: true).entries.filter { $0.kind == "claim" }
        #expect(quiet.allSatisfy { !$0.changes.contains { $0.hasPrefix("speaker") } }, "\(quiet)")
        let fewer = try Self.pair(secondSpeakers: ["S2"])
        let changed = SessionDiff(fewer[0], fewer[1], matchByID: true).entries.filter { $0.kind == "claim" }
        #expect(changed.contains { $0.changes.contains { $0.contains("Anna Müller + Mark Rutte") } }, "\(changed)")
    }

    // MARK: - Exporters and importers

    @Test("brat: one Claim T with a HasSpeaker relation and an N line per speaker, HasAddressee for the addressee; import gives them back")
    func brat() throws {
        let session = try Self.session()
        let files = BratExporter().export(try Self.bundle(session.state))
        let ann = try Self.file(files, "anna/tricky.ann")
        let lines = ann.split(separator: "\n").map(String.init)
        let claimT = try #require(lines.first { $0.hasPrefix("T") && $0.hasSuffix("die Lage sei <script>alert(\"x\")</script> ernst & heikel") })
        let t = String(claimT.split(separator: "\t")[0])
        #expect(lines.filter { $0.contains("HasSpeaker Arg1:\(t) ") }.count == 2)
        #expect(lines.filter { $0.contains("\tReference \(t) Workbench:") }.count == 2)
        #expect(lines.contains { $0.contains("HasAddressee Arg1:") })
        #expect(try Self.file(files, "anna/annotation.conf").contains("HasAddressee Arg1:Claim, Arg2:Speaker"))
        let folder = TestScratch.path("brat-multi-")
        try ExportWriter(folder: folder).write(files)
        let imported = try BratImporter().load(folder: folder + "/anna", corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
        let joint = try #require(imported.state.claims.values.first { $0.anchor.text.hasSuffix("heikel") })
        #expect(joint.speakers.map { imported.state.speakers[$0]?.name } == ["Anna Müller", "Mark Rutte"] && joint.mentions.count == 2)
        let addressed = try #require(imported.state.claims.values.first { $0.anchor.text == "zu lügen" })
        #expect(addressed.addressees.map { imported.state.mentions[$0]?.anchor.text } == ["dem Westen"])
        #expect(imported.state.claims.count == session.state.claims.count)
    }

    @Test("JSONL: speakers, mentions and addressees on the claim span, one relation each; import reads them back")
    func jsonl() throws {
        let session = try Self.session()
        let files = JSONLExporter().export(try Self.bundle(session.state))
        let text = try Self.file(files, "annotations.jsonl")
        #expect(text.contains(#""speakers":["S2","S1"]"#) && text.contains(#""mentions":["M3","M2"]"#) && text.contains(#""addressees":["M6"]"#))
        #expect(text.contains(#""label":"HAS_ADDRESSEE""#))
        let folder = TestScratch.path("jsonl-multi-")
        try ExportWriter(folder: folder).write(files)
        let imported = try JSONLImporter().load(
            paths: [folder + "/annotations.jsonl", folder + "/entities.jsonl"], corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
        #expect(imported.state.claims["C4"]?.speakers == ["S2", "S1"] && imported.state.claims["C5"]?.addressees == ["M6"])
    }

    @Test("CSV: every speaker in the speaker cells, main first; addressees in their column")
    func csv() throws {
        let session = try Self.session()
        let text = try Self.file(CSVExporter().export(try Self.bundle(session.state)), "claims.csv")
        let header = CSVExporter.columns.joined(separator: ",")
        #expect(text.hasPrefix(header + "\r\n") && header.hasSuffix(",addressees"))
        #expect(text.contains("Anna Müller; Mark Rutte,S2;S1,"))
        #expect(text.contains(",dem Westen\r\n"))
    }

    @Test("W3C, WebAnno, HTML and Label Studio name every speaker and the addressee")
    func otherFormats() throws {
        let session = try Self.session()
        let bundle = try Self.bundle(session.state)
        let w3c = try Self.file(W3CExporter().export(bundle), "annotations.jsonld")
        #expect(w3c.contains(#""role":"addressee""#))
        let webanno = try Self.file(WebAnnoExporter().export(bundle), "anna/tricky.tsv")
        #expect(webanno.contains("addressee"))
        let html = try Self.file(HTMLExporter().export(bundle), "review.html")
        #expect(html.contains("addressee: „dem Westen“"))
        let tasks = try Self.file(LabelStudioExporter().export(bundle), "tasks.json")
        #expect(tasks.contains(#""addressee""#))
        let folder = TestScratch.path("ls-multi-")
        try ExportWriter(folder: folder).write(LabelStudioExporter().export(bundle))
        let imported = try LabelStudioImporter().load(path: folder + "/tasks.json", corpus: ExportFixture.corpus, annotator: nil, time: Self.time)
        let joint = try #require(imported.state.claims.values.first { $0.anchor.text.hasSuffix("heikel") })
        #expect(joint.speakers.count == 2 && joint.mentions.count == 2)
        #expect(imported.state.claims.values.contains { $0.addressees.count == 1 })
    }

    @Test("SpkAtt: Source lists every speaker mention, Addr the addressee")
    func spkatt() throws {
        let (corpus, session) = try SpkAttTests.load(try SpkAttTests.folder(["doc 1": SpkAttTests.fixture]))
        let bundle = try ExportBundle(corpus: corpus, sessions: [ExportSession(label: "spkatt", annotator: "spkatt", state: session.state)])
        let exported = try JSONDecoder().decode(SpkAttDocument.self, from: Data(try #require(SpkAttExporter().export(bundle).first).bytes))
        #expect(exported.annotations[1].source == ["1:0", "1:2"] && exported.annotations[0].addr == ["0:7", "0:8"])
    }

    @Test("stats count claims with several speakers and with an addressee")
    func stats() throws {
        let session = try Self.session()
        let stats = try SessionStats(file: session.file)
        #expect(stats.jointClaims == 1 && stats.addressedClaims == 1)
    }
}
