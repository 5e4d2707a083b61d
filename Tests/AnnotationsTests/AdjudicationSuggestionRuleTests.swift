import Foundation
import Testing
@testable import Annotations

/// An accepted suggestion records its rule (`origin: {kind: suggested, rule: …}`); adjudication
/// wrote `{kind: adjudicated, from: …}` without it, so `stats` and later readers could no longer tell
/// which rule an adjudicated annotation came from.
@Suite("An accepted suggestion keeps its rule through adjudication and review")
struct AdjudicationSuggestionRuleTests {
    static let time = "2026-11-21T11:00:00.000Z"
    static let suggested = Origin(kind: .suggested, rule: "colon-quote")

    /// anna accepted the cue and claim as suggestions; ben typed them.
    static func session(_ annotator: String, origin: Origin?) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.cue(Cue(id: "Q1", anchor: try f.anchor("sagte"), origin: origin)))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", cue: "Q1", form: "direct", origin: origin)))
        if origin == nil {
            // Only ben has this one: typed, so no rule.
            try f.add(.claim(Claim(id: "C2", anchor: try f.anchor("Nordkorea Truppen schickt", sentence: 1), speaker: "S1")))
        }
        return f.session
    }

    static func adjudicated(taking index: Int) throws -> Session {
        let anna = try session("anna", origin: suggested)
        let ben = try session("ben", origin: nil)
        let plan = AdjudicationPlan(annotators: ["anna", "ben"], states: [anna.state, ben.state])
        let adjudicator = Adjudicator(plan: plan, adjudicator: "carla")
        var result = Session(annotator: "carla", corpus: anna.corpus, created: time, derivedFrom: ["anna.json", "ben.json"])
        for unit in plan.units where !adjudicator.isDecided(unit, in: result.state) {
            let taken = unit.versions[index] != nil ? index : try #require(unit.versions.firstIndex { $0 != nil })
            try adjudicator.apply(.take([taken]), to: unit, session: &result, time: time)
        }
        return result
    }

    @Test("the rule of the version taken, or of a version alike to it, is kept in the adjudicated origin", arguments: [0, 1])
    func kept(taking index: Int) throws {
        let result = try Self.adjudicated(taking: index)
        let claim = try #require(result.state.claims.values.first { $0.anchor.text == "Wir müssen handeln." })
        let cue = try #require(result.state.cues.values.first)
        #expect(claim.origin?.kind == .adjudicated)
        #expect(claim.origin?.rule == "colon-quote")
        #expect(cue.origin?.rule == "colon-quote")
        #expect(claim.origin?.from?.count == 2)
        let typed = try #require(result.state.claims.values.first { $0.anchor.text == "Nordkorea Truppen schickt" })
        #expect(typed.origin?.kind == .adjudicated)
        #expect(typed.origin?.rule == nil)
    }

    @Test("a review correction keeps the origin and its rule")
    func review() throws {
        var session = try Self.session("anna", origin: Self.suggested)
        for action in try ReviewPlanner(reviewer: "rita").actions(for: .correct(field: "form", value: "indirect"), on: "C1", in: session.state) {
            try session.perform(action, time: Self.time)
        }
        #expect(session.state.claims["C1"]?.form == "indirect")
        #expect(session.state.claims["C1"]?.origin == Self.suggested)
    }
}
