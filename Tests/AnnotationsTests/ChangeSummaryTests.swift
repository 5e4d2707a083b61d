import Testing
@testable import Annotations

@Suite("Change summary")
struct ChangeSummaryTests {
    @Test("A change names removed, added and changed records apart")
    func changeSummary() throws {
        let anchor = TextAnchor(document: "d", sentence: 0, segments: [SpanSegment(start: 0, end: 1)], text: "x", before: "", after: "", sentenceHash: "")
        let claim = Claim(id: "C2", anchor: anchor, speaker: "S1", mention: "M1", cue: "Q1")
        var cleared = claim
        cleared.mention = nil
        let change = Change(seq: 1, group: 1, entries: [
            Change.Entry(key: .mention("M1"), before: .mention(Mention(id: "M1", anchor: anchor, speaker: "S1")), after: nil),
            Change.Entry(key: .claim("C2"), before: .claim(claim), after: .claim(cleared)),
            Change.Entry(key: .note("N1"), before: nil, after: .note(Note(id: "N1", subject: .annotation("C2"), text: "t"))),
        ])
        #expect(change.summary == "deleted M1; added N1; changed C2 (mention M1 removed)")
    }
}
