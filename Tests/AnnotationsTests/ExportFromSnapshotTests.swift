import Foundation
import Testing
@testable import Annotations

/// An export reads a session whose snapshot holds every event of its log from the snapshot's
/// records (``SessionStore/load(path:annotationsApart:warn:)``), without storing its mentions, cues and claims
/// in a state; the files must be those of an export from the state.
@Suite("Exports straight from a snapshot's records")
struct ExportFromSnapshotTests {
    /// Every format reads the bundle's spans only (a claim's attributes travel with its span).
    static let formats = ExportFormat.allCases

    /// The fixture's session stored at a new path, with claims of several speakers, addressees, a
    /// link to a deleted mention and reviews added through the store; saved (its snapshot holds
    /// every event) when `save`, else closed without saving after the last `tail` events.
    static func stored(tail: Int = 0) throws -> String {
        let path = TestCorpus.temporaryFolder() + "/anna.json"
        let session = try ExportFixture.anna()
        let builder = AnchorBuilder(corpus: ExportFixture.corpus)
        let store = try SessionStore(path: path, now: "2026-11-21T10:00:00.000Z") { session }
        store.autosaveEvery = 10_000
        var actions: [EditAction] = [
            .add(.mention(Mention(id: "M6", anchor: try ExportFixture.anchor(["Westen"], builder: builder), speaker: "S3"))),
            .add(.claim(Claim(
                id: "C7", anchor: try ExportFixture.anchor(["Truppen schickt"], builder: builder), speakers: ["S3", "S1"],
                mentions: ["M4", "M2"], addressees: ["M6", "M1"], cue: "Q4", form: "indirect", negated: true))),
            .add(.mention(Mention(id: "M7", anchor: try ExportFixture.anchor(["Mark"], builder: builder), speaker: "S1"))),
            .add(.claim(Claim(
                id: "C8", anchor: try ExportFixture.anchor(["ernst & heikel"], builder: builder), speakers: ["S2"], mentions: ["M7"],
                addressees: ["M6"], hedged: true))),
            .review(ReviewDecision(annotation: "C7", verdict: .accepted, reviewer: "rita")),
            .review(ReviewDecision(annotation: "M6", verdict: .rejected, reason: "kein Adressat", reviewer: "rita")),
        ]
        var held: [EditAction] = []
        if tail > 0 {
            held = Array(actions.suffix(tail))
            actions.removeLast(tail)
        }
        for action in actions { try store.perform(action, time: "2026-11-21T10:00:02.000Z") }
        try store.save()
        // Deleting M7 takes it out of C8's mentions.
        held.append(.delete("M7"))
        for action in held { try store.perform(action, time: "2026-11-21T10:00:03.000Z") }
        if tail == 0 {
            try store.close()
        } else {
            store.abandon()
        }
        return path
    }

    /// The files of `format` for the session at `path`, read as the export command reads it.
    static func files(_ format: ExportFormat, path: String, apart: Bool, options: ExportOptions = ExportOptions()) throws -> [ExportFile] {
        let session: Session, annotations: [Record]?
        if apart { (session, annotations) = try SessionStore.load(path: path, annotationsApart: true) } else { (session, annotations) = (try SessionStore.load(path: path), nil) }
        let bundle = try ExportBundle(
            corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: session.annotator, state: session.state, annotations: annotations)],
            options: options)
        return format.exporter.export(bundle)
    }

    /// Label Studio writes a claim's attributes (an `attributes` text area) and reads its sessions
    /// apart like the other formats: the attributes come with the records, not from the state.
    @Test("Label Studio writes a claim's attributes read from the snapshot's records as from the state")
    func labelStudioAttributes() throws {
        let path = TestCorpus.temporaryFolder() + "/anna.json"
        let session = try ExportFixture.anna()
        let builder = AnchorBuilder(corpus: ExportFixture.corpus)
        let store = try SessionStore(path: path, now: "2026-11-21T10:00:00.000Z") { session }
        try store.perform(
            .add(.claim(Claim(
                id: "C9", anchor: try ExportFixture.anchor(["Truppen schickt"], builder: builder), speakers: ["S1"], form: "direct",
                attributes: ["stwr": "direct", "level": "2"]))),
            time: "2026-11-21T10:00:02.000Z")
        try store.save()
        try store.close()
        let fromRecords = try Self.files(.labelstudio, path: path, apart: true)
        #expect(fromRecords == (try Self.files(.labelstudio, path: path, apart: false)))
        let tasks = try #require(fromRecords.first { $0.path == "tasks.json" }).contents
        #expect(tasks.contains("\"level=2\",\n") && tasks.contains("\"stwr=direct\""))
    }

    @Test("A snapshot that holds the whole log gives its records apart, and the files of the state")
    func wholeLog() throws {
        let path = try Self.stored()
        let (session, annotations) = try SessionStore.load(path: path, annotationsApart: true)
        let records = try #require(annotations)
        #expect(records.count == 19)
        #expect(session.state.mentions.isEmpty && session.state.cues.isEmpty && session.state.claims.isEmpty)
        #expect(session.state.reviews.count == 7)
        #expect(records.allSatisfy { $0.anchor?.text == "" })
        for format in Self.formats {
            for reviewedOnly in [false, true] {
                let options = ExportOptions(reviewedOnly: reviewedOnly)
                let fromRecords = try Self.files(format, path: path, apart: true, options: options)
                #expect(fromRecords == (try Self.files(format, path: path, apart: false, options: options)), "\(format) reviewed only: \(reviewedOnly)")
            }
        }
    }

    @Test("A log with events after the snapshot is replayed, and gives the same files as when the snapshot holds them", arguments: [1, 3])
    func tailAfterSnapshot(tail: Int) throws {
        let whole = try Self.stored()
        let path = try Self.stored(tail: tail)
        let (session, annotations) = try SessionStore.load(path: path, annotationsApart: true)
        #expect(annotations == nil)
        #expect(session.state.claims["C8"]?.addressees == ["M6"] && session.state.claims["C8"]?.mentions == [])
        #expect(session.state.mentions["M7"] == nil)
        #expect(session.state.mentions["M4"]?.anchor.text == "Peskow")
        for format in Self.formats {
            #expect(try Self.files(format, path: path, apart: true) == (try Self.files(format, path: whole, apart: true)), "\(format)")
        }
    }

    @Test("Multi-speaker claims keep their speakers, mentions and addressees; links to annotations not exported are dropped")
    func links() throws {
        let path = try Self.stored()
        let (session, annotations) = try SessionStore.load(path: path, annotationsApart: true)
        let bundle = try ExportBundle(
            corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state, annotations: annotations)])
        let c7 = try #require(bundle.span(session: 0, id: "C7"))
        #expect(c7.speakers == ["S3", "S1"] && c7.mentions == ["M4", "M2"] && c7.mention == "M4" && c7.addressees == ["M6", "M1"])
        #expect(c7.negated && c7.cue == "Q4")
        let c8 = try #require(bundle.span(session: 0, id: "C8"))
        #expect(c8.mentions.isEmpty && c8.mention == nil && c8.addressees == ["M6"] && c8.hedged)
        let reviewed = try ExportBundle(
            corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: session.state, annotations: annotations)],
            options: ExportOptions(reviewedOnly: true))
        let kept = try #require(reviewed.span(session: 0, id: "C7"))
        #expect(kept.addressees == ["M1"] && kept.mentions.isEmpty)
        #expect(reviewed.span(session: 0, id: "M6") == nil && reviewed.span(session: 0, id: "C3") == nil)
    }

    @Test("A record given twice counts once, the later one, as a state stores it")
    func storedTwice() throws {
        let session = try ExportFixture.anna()
        var light = AnnotationState(schema: session.state.schema)
        for record in session.state.allRecords where !record.isTextBound { light.store(record) }
        let records = session.state.allRecords.filter(\.isTextBound)
        var changed = try #require(session.state.claims["C1"])
        changed.form = "reported"
        let apart = ExportSession(label: "anna", annotator: "anna", state: light, annotations: records + [.claim(changed)])
        var expected = session.state
        expected.store(.claim(changed))
        for format in Self.formats {
            let fromRecords = format.exporter.export(try ExportBundle(corpus: ExportFixture.corpus, sessions: [apart]))
            let fromState = format.exporter.export(
                try ExportBundle(corpus: ExportFixture.corpus, sessions: [ExportSession(label: "anna", annotator: "anna", state: expected)]))
            #expect(fromRecords == fromState, "\(format)")
        }
    }

    @Test("An id given twice in the records exports as from a state, whatever became of the first record")
    func repeatedIDs() throws {
        let session = try ExportFixture.anna()
        var light = AnnotationState(schema: session.state.schema)
        for record in session.state.allRecords where !record.isTextBound { light.store(record) }
        let records = session.state.allRecords.filter(\.isTextBound)
        let m1 = try #require(session.state.mentions["M1"])
        var orphaned = m1
        orphaned.anchor.orphaned = true
        var outside = m1
        outside.anchor.document = "fremd"
        let sharedID = Cue(id: "M1", anchor: m1.anchor)
        let cases: [(name: String, first: [Record], expected: AnnotationState)] = [
            // The first M1 is skipped with a warning, the later one is exported without.
            ("orphaned first", [.mention(orphaned)], session.state),
            // The first M1 names a document outside the corpus; the later one is the state's.
            ("outside the corpus first", [.mention(outside)], session.state),
            // A cue and a mention of one id: a state keeps both.
            ("a cue with a mention's id", [.cue(sharedID)], { var state = session.state; state.store(.cue(sharedID)); return state }()),
        ]
        for (name, first, expected) in cases {
            let apart = ExportSession(label: "anna", annotator: "anna", state: light, annotations: first + records)
            let whole = ExportSession(label: "anna", annotator: "anna", state: expected)
            for reviewedOnly in [false, true] {
                let options = ExportOptions(reviewedOnly: reviewedOnly)
                let fromRecords = try ExportBundle(corpus: ExportFixture.corpus, sessions: [apart], options: options)
                let fromState = try ExportBundle(corpus: ExportFixture.corpus, sessions: [whole], options: options)
                #expect(fromRecords.warnings == fromState.warnings, "\(name)")
                for format in Self.formats {
                    #expect(format.exporter.export(fromRecords) == format.exporter.export(fromState), "\(name) \(format) reviewed only: \(reviewedOnly)")
                }
            }
        }
    }

    @Test("Anchors read for an export keep their document, segments and orphaned flag, and are checked as before")
    func exportAnchors() throws {
        let path = try Self.stored()
        let data = try SessionCodec.contents(ofFile: SessionPaths(path).snapshot)
        let full = try SessionCodec.decode(data, path: path)
        let light = try SessionCodec.decode(data, path: path, anchorsForExport: true)
        #expect(full.annotations.count == light.annotations.count)
        for (a, b) in zip(full.annotations, light.annotations) {
            let (x, y) = (try #require(a.anchor), try #require(b.anchor))
            #expect(x.document == y.document && x.segments == y.segments && x.orphaned == y.orphaned && x.sentence == y.sentence)
            #expect(y.text.isEmpty && y.before.isEmpty && y.after.isEmpty && y.sentenceHash.isEmpty)
            #expect(a.id == b.id)
        }
        // A text that is not a string is refused either way (the Codable path names the field).
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"text\":\"Peskow\"", with: "\"text\":7")
        #expect(broken != String(decoding: data, as: UTF8.self))
        #expect(throws: SessionError.self) { try SessionCodec.decode(Data(broken.utf8), path: path, anchorsForExport: true) }
    }
}
