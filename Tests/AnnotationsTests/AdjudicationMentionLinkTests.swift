import Foundation
import Testing
@testable import Annotations

/// Overlapping mentions of one speaker are one unit whose span the adjudicator picks; a claim taken
/// from the annotator whose mention span was not picked keeps its link to the mention that was
/// (it lost its mention: a claim with a speaker but no mention, exported without its HasSpeaker
/// relation's mention).
@Suite("Adjudication: a claim's mention when the other span was picked")
struct AdjudicationMentionLinkTests {
    static let time = "2026-11-21T11:00:00.000Z"

    static func session(_ annotator: String, mention: String, form: String) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor(mention), speaker: "S1")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", form: form)))
        return f.session
    }

    @Test("ben's mention span, anna's claim: the claim names the mention taken")
    func claimFollowsThePickedMention() throws {
        let anna = try Self.session("anna", mention: "Mark Rutte", form: "direct")
        let ben = try Self.session("ben", mention: "NATO-Generalsekretär Mark Rutte", form: "indirect")
        let plan = AdjudicationPlan(annotators: ["anna", "ben"], states: [anna.state, ben.state])
        let adjudicator = Adjudicator(plan: plan, adjudicator: "carla")
        var result = Session(annotator: "carla", corpus: anna.corpus, created: Self.time, derivedFrom: ["anna.json", "ben.json"])
        for unit in plan.units where !adjudicator.isDecided(unit, in: result.state) {
            try adjudicator.apply(unit.kind == "mention" ? .take([1]) : .take([0]), to: unit, session: &result, time: Self.time)
        }
        let mention = try #require(result.state.mentions.values.first)
        #expect(mention.anchor.text == "NATO-Generalsekretär Mark Rutte")
        let claim = try #require(result.state.claims.values.first)
        #expect(claim.form == "direct")
        #expect(claim.mentions == [mention.id])
    }
}
