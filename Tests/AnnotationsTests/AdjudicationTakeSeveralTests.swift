import Foundation
import Testing
@testable import Annotations

/// An adjudicator's answer naming several versions (`1,2`): versions that are alike are one
/// annotation. With three annotators, two agreeing and one without the annotation, `1,2` added it
/// twice (two mentions of one speaker on one span, each counted by stats, exports and agree).
@Suite("Adjudication: taking several versions")
struct AdjudicationTakeSeveralTests {
    static let time = "2026-11-21T11:00:00.000Z"

    static func session(_ annotator: String, speaker: String?) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.status("tricky", 0, .done)
        guard let speaker else { return f.session }
        try f.add(.speaker(Speaker(id: "S1", name: speaker)))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", form: "direct")))
        return f.session
    }

    static func adjudicate(_ sessions: [Session], answer: AdjudicationChoice) throws -> AnnotationState {
        let plan = AdjudicationPlan(annotators: ["anna", "ben", "carla"].prefix(sessions.count).map { $0 }, states: sessions.map(\.state))
        let adjudicator = Adjudicator(plan: plan, adjudicator: "dora")
        var result = Session(annotator: "dora", corpus: sessions[0].corpus, created: Self.time, derivedFrom: ["anna.json", "ben.json", "carla.json"])
        for unit in plan.units where !adjudicator.isDecided(unit, in: result.state) {
            try adjudicator.apply(unit.agreed ? .take([0]) : answer, to: unit, session: &result, time: Self.time)
        }
        return result.state
    }

    @Test("1,2 where versions 1 and 2 are alike and 3 has none: one annotation, from both")
    func alikeVersionsOnce() throws {
        let state = try Self.adjudicate(
            [try Self.session("anna", speaker: "Mark Rutte"), try Self.session("ben", speaker: "Mark Rutte"), try Self.session("carla", speaker: nil)],
            answer: .take([0, 1]))
        #expect(state.mentions.count == 1 && state.claims.count == 1)
        #expect(state.mentions.values.first?.sources == ["anna", "ben"])
        #expect(state.claims.values.first?.origin?.from?.count == 2)
    }

    @Test("1,2 where the versions differ (one claim span, two speakers): both kept")
    func differentVersionsBoth() throws {
        let state = try Self.adjudicate(
            [try Self.session("anna", speaker: "Mark Rutte"), try Self.session("ben", speaker: "Peskow")], answer: .take([0, 1]))
        #expect(state.claims.count == 2)
        #expect(Set(state.claims.values.compactMap { $0.speakers.first.flatMap { state.speakers[$0]?.name } }) == ["Mark Rutte", "Peskow"])
    }
}
