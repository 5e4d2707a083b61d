import Foundation
import Testing
@testable import Annotations

/// A claim with several speakers names its mentions in the order of its speakers (main first). The
/// order does not count for attribution, so neither may the order of the mentions: two annotators
/// who typed "by M2,M3" and "by M3,M2" agree in `adjudicate` and `diff`.
@Suite("Claims whose speakers were named in another order")
struct ClaimSpeakerOrderTests {
    /// Two states whose C4 (by Anna Müller and Mark Rutte, mentions M3 and M2) differ only in the
    /// order the speakers and their mentions are named.
    static func reordered() throws -> [AnnotationState] {
        let first = try MultiSpeakerClaimTests.session()
        var second = first
        var c4 = try #require(second.state.claims["C4"])
        #expect(c4.speakers == ["S2", "S1"] && c4.mentions == ["M3", "M2"])
        c4.speakers = ["S1", "S2"]
        c4.mentions = ["M2", "M3"]
        try second.perform(.replace(.claim(c4)), time: MultiSpeakerClaimTests.time)
        return [first.state, second.state]
    }

    @Test("adjudicate: the claim is agreed and merged, not a disagreement in its mentions")
    func adjudication() throws {
        let plan = AdjudicationPlan(annotators: ["anna", "ben"], states: try Self.reordered())
        let units = plan.units.filter { $0.kind == "claim" && $0.versions.contains { $0?.id == "C4" } }
        #expect(units.count == 1)
        #expect(units.first?.agreed == true, "\(units.first?.summaries ?? [])")
        #expect(units.first?.differingFields == [])
    }

    @Test("diff, by id and by span: no change; another mention still is one")
    func diff() throws {
        let states = try Self.reordered()
        for byID in [true, false] {
            let claims = SessionDiff(states[0], states[1], matchByID: byID).entries.filter { $0.kind == "claim" }
            #expect(claims.isEmpty, "\(claims.map(\.changes))")
        }
        var other = try MultiSpeakerClaimTests.session()
        var c4 = try #require(other.state.claims["C4"])
        c4.mentions = ["M1", "M3"]
        try other.perform(.replace(.claim(c4)), time: MultiSpeakerClaimTests.time)
        let changed = SessionDiff(states[0], other.state, matchByID: true).entries.filter { $0.kind == "claim" }
        #expect(changed.contains { $0.changes.contains { $0.hasPrefix("mention:") } }, "\(changed.map(\.changes))")
    }
}
