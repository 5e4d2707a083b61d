import Testing
@testable import Annotations

/// A session's records are placed in stretches on all cores (``ExportPlacedSpans``); joined in
/// order the stretches must give what one walk over the records gives, wherever the cuts fall.
@Suite("Export spans placed in stretches")
struct ExportPlacedSpansTests {
    /// The fixture's mentions, cues and claims as records, with an orphaned mention (a warning), a
    /// claim linking to annotations that are not placed, and a claim in a document not exported.
    static func records() throws -> [Record] {
        let state = try ExportFixture.anna().state
        let builder = AnchorBuilder(corpus: ExportFixture.corpus)
        var orphan = Mention(id: "M8", anchor: try ExportFixture.anchor(["Westen"], builder: builder), speaker: "S3")
        orphan.anchor.orphaned = true
        var linked = Claim(
            id: "C9", anchor: try ExportFixture.anchor(["Truppen schickt"], builder: builder), speaker: "S3", mention: "M8", cue: "Q9")
        linked.mentions = ["M8", "M4", "M99"]
        linked.addressees = ["M99", "M1"]
        let elsewhere = Claim(id: "C10", anchor: try ExportFixture.anchor(["man prüfe alles"], in: "plain", builder: builder), cue: "Q5")
        var list = AnnotationState.sortedByID(state.mentions).map(Record.mention)
        list.insert(.mention(orphan), at: 2)
        list += AnnotationState.sortedByID(state.cues).map(Record.cue)
        list += [.claim(linked)] + AnnotationState.sortedByID(state.claims).map(Record.claim) + [.claim(elsewhere)]
        list.insert(.speaker(Speaker(id: "S9", name: "Niemand")), at: 5)
        return list
    }

    /// The placing context of session 0 over the fixture, exporting `documents` only (all when nil).
    static func context(documents: [String]? = nil) throws -> ExportPlacedSpans.Context {
        let texts = try ExportDocumentTexts(corpus: ExportFixture.corpus, options: ExportOptions(documents: documents))
        return ExportPlacedSpans.Context(
            label: "anna", session: 0, annotator: "anna", documentIndex: texts.documentIndex, allIDs: texts.allIDs,
            scalarCounts: texts.scalarIndex.map(\.scalarCount), reviews: nil)
    }

    /// What the stretches give, joined: per document the mentions and cues, then the claims with
    /// their links checked (as ids, links and sentences-free fields), the warnings and the ids placed.
    static func joined(_ stretches: [ExportPlacedSpans], documents: Int) -> (spans: [[String]], warnings: [String], exported: [String]) {
        var exported = ExportIDTable<Bool>()
        for stretch in stretches { exported.merge(stretch.exported) }
        var spans: [[String]] = []
        for document in 0..<documents {
            var claims = stretches.flatMap { $0.claims[document] }
            ExportPlacedSpans.checkLinks(&claims, exported: exported)
            let list = stretches.flatMap { $0.spans[document] } + claims
            spans.append(list.map { "\($0.id) \($0.kind) \($0.segments) \($0.mention ?? "-") \($0.mentions) \($0.addressees) \($0.cue ?? "-") \($0.annotator)" })
        }
        let ids = ["M1", "M2", "M3", "M4", "M5", "M8", "M99", "Q1", "Q5", "Q9", "C1", "C6", "C9", "C10", "S9"]
        return (spans, stretches.flatMap(\.warnings), ids.filter { exported.contains($0) })
    }

    @Test("Any number of stretches gives the spans, links, warnings and ids of one walk over the records")
    func stretchesAreOneWalk() throws {
        let records = try Self.records()
        for documents in [nil, ["tricky"]] {
            let context = try Self.context(documents: documents)
            let count = context.scalarCounts.count
            let one = Self.joined(ExportPlacedSpans.place(records, documentCount: count, context: context, stretches: 1), documents: count)
            #expect(one.warnings == ["anna: M8 skipped: its anchor no longer matches the text (re-anchor it)"])
            #expect(!one.exported.contains("M8") && !one.exported.contains("M99") && one.exported.contains("C9"))
            #expect(one.spans.joined().contains { $0.hasPrefix("C9 claim") && $0.contains("M4 [\"M4\"] [\"M1\"] - anna") })
            #expect(one.exported.contains("C10") == (documents == nil))
            for stretches in 2...(records.count + 2) {
                let many = ExportPlacedSpans.place(records, documentCount: count, context: context, stretches: stretches)
                #expect(many.count == min(stretches, records.count))
                let joined = Self.joined(many, documents: count)
                #expect(joined.spans == one.spans, "\(stretches) stretches")
                #expect(joined.warnings == one.warnings && joined.exported == one.exported, "\(stretches) stretches")
            }
        }
    }

    @Test("The first annotation outside the corpus is the one told, whichever stretch it falls in")
    func firstFailureInRecordOrder() throws {
        var records = try Self.records()
        let builder = AnchorBuilder(corpus: ExportFixture.corpus)
        for (index, id) in [(3, "M50"), (records.count - 2, "M51")] {
            var outside = Mention(id: id, anchor: try ExportFixture.anchor(["Peskow"], builder: builder), speaker: "S3")
            outside.anchor.document = "gone-\(id)"
            records.insert(.mention(outside), at: index)
        }
        let context = try Self.context()
        for stretches in 1...records.count {
            let placed = ExportPlacedSpans.place(records, documentCount: context.scalarCounts.count, context: context, stretches: stretches)
            #expect(placed.lazy.compactMap(\.failure).first == .annotationOutsideCorpus(session: "anna", id: "M50", document: "gone-M50"))
        }
    }

    @Test("Merging id tables keeps every id of both, of every shape")
    func mergeKeepsEveryID() {
        var first = ExportIDTable<Int>(), second = ExportIDTable<Int>()
        var seen = Set<String>()
        let ids = (ExportIDTableTests.shapes + (1...300).map { "M\($0 * 7)" } + (1...40).map { "Q\($0)" }).filter { seen.insert($0).inserted }
        for (index, id) in ids.enumerated() {
            if index % 3 != 0 { first[id] = index }
            if index % 2 == 0 { second[id] = -index }
        }
        var merged = first
        merged.merge(second)
        for (index, id) in ids.enumerated() {
            let expected: Int? = index % 2 == 0 ? -index : (index % 3 != 0 ? index : nil)
            #expect(merged[id] == expected, "\(id)")
        }
        var empty = ExportIDTable<Int>()
        empty.merge(first)
        for id in ids { #expect(empty[id] == first[id], "\(id)") }
    }
}
