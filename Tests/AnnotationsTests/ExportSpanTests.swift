import Testing
@testable import Annotations

/// ``ExportSpan`` shares its strings and arrays between copies: a change to one copy must never
/// show in another, and equality and hashing still compare every field.
@Suite("Export span values")
struct ExportSpanTests {
    static func claim() -> ExportSpan {
        var span = ExportSpan(
            kind: .claim, id: "C1", session: 0, document: 2, sentence: 1,
            segments: [SpanSegment(start: 4, end: 9), SpanSegment(start: 12, end: 20)], annotator: "anna", speaker: "S1",
            mention: "M1", cue: "Q1", form: "direct", hedged: true)
        span.speakers = ["S1", "S2"]
        span.mentions = ["M1", "M2"]
        span.addressees = ["M3"]
        return span
    }

    @Test("A changed copy leaves the original as it was, field by field")
    func copiesAreIndependent() {
        let original = Self.claim()
        var copy = original
        #expect(copy == original)
        copy.id = "C2"
        copy.segments = [SpanSegment(start: 30, end: 35)]
        copy.annotator = "bob"
        copy.speaker = nil
        copy.mention = "M9"
        copy.speakers.append("S3")
        copy.mentions = []
        copy.addressees.removeAll()
        copy.cue = nil
        copy.form = "reported"
        copy.role = "Forscherin"
        #expect(original.id == "C1" && original.annotator == "anna" && original.speaker == "S1" && original.mention == "M1")
        #expect(original.segments == [SpanSegment(start: 4, end: 9), SpanSegment(start: 12, end: 20)])
        #expect(original.start == 4 && original.end == 20)
        #expect(original.speakers == ["S1", "S2"] && original.mentions == ["M1", "M2"] && original.addressees == ["M3"])
        #expect(original.cue == "Q1" && original.form == "direct" && original.role == nil)
        #expect(copy.start == 30 && copy.end == 35 && copy.speakers == ["S1", "S2", "S3"] && copy.role == "Forscherin")
        #expect(copy != original)
    }

    @Test("Equal spans hash alike whether or not they share storage; any field tells spans apart")
    func equalityAndHashing() {
        let a = Self.claim(), b = Self.claim()
        #expect(a == b && a.hashValue == b.hashValue)
        var c = b
        c.addressees = []
        #expect(c != a)
        var d = b
        d.negated = true
        #expect(d != a)
        #expect(Set([a, b, c, d]).count == 3)
    }
}
