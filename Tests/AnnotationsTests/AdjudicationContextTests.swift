@testable import Annotations
import Testing

@Suite("adjudication context and fields")
struct AdjudicationContextTests {
    @Test("A cut context drops its partial word at the cut; a whole one stays")
    func wordBoundaries() {
        let cut = TextAnchor(
            document: "d", sentence: 0, segments: [SpanSegment(start: 30, end: 48)], text: "die Lage sei ernst",
            before: "ndeln.“ Peskow erklärte, ", after: " sagte er. Übermorgen bleibt 😀 alles", sentenceHash: "")
        #expect(AdjudicationContext(cut).line == "… Peskow erklärte, [die Lage sei ernst] sagte er. Übermorgen bleibt 😀 …")
        let whole = TextAnchor(
            document: "d", sentence: 0, segments: [SpanSegment(start: 7, end: 12)], text: "Müller",
            before: "Laut „BBC“ ", after: " heute.", sentenceHash: "")
        #expect(AdjudicationContext(whole).line == "Laut „BBC“ [Müller] heute.")
    }

    @Test("aa N parses; the differing fields are found in summaries whose speaker names hold spaces")
    func acceptAlikeAndFields() throws {
        #expect(try AdjudicationChoice.parse("aa 2", versions: [true, true]).get() == .acceptAlike(1))
        #expect((try? AdjudicationChoice.parse("aa 3", versions: [true, true]).get()) == nil)
        #expect((try? AdjudicationChoice.parse("aa", versions: [true, true]).get()) == nil)
        let unit = AdjudicationUnit(
            kind: "claim", key: "claim d@1-2", sentence: nil, versions: [nil, nil],
            summaries: [
                "speaker=Mark Rutte form=direct negated=false hedged=false cue=„sagte“ mention=-",
                "speaker=Mark Rutte form=indirect negated=false hedged=true cue=„sagte“ mention=-",
            ])
        #expect(unit.fields(of: 0).first?.value == "Mark Rutte")
        #expect(unit.fields(of: 0).map(\.name) == ["speaker", "form", "negated", "hedged", "cue", "mention"])
    }
}
