import Foundation
import Testing
@testable import Annotations

/// Notes are added once each through one set of what the result holds (before, each note copied
/// was checked against every note of the result: quadratic in the notes).
@Suite("Adjudication carries many notes once each")
struct AdjudicationManyNotesTests {
    static let time = "2026-11-21T11:00:00.000Z"

    static func session(_ annotator: String, texts: [String]) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", form: "direct")))
        var session = f.session
        var adds: [EditAction] = []
        for (index, text) in texts.enumerated() {
            adds.append(.add(.note(Note(id: "N\(2 * index + 1)", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: text, annotator: annotator))))
            adds.append(.add(.note(Note(id: "N\(2 * index + 2)", subject: .annotation(index % 2 == 0 ? "C1" : "S1"), text: text, annotator: annotator))))
        }
        for add in adds { try session.perform(add, time: time) }
        return session
    }

    @Test("4 000 sentence notes and 4 000 on a claim and a speaker, half of them alike in both sessions")
    func many() throws {
        let shared = (0..<2_000).map { "gemeinsam \($0)" }
        let anna = try Self.session("anna", texts: shared + (0..<1_000).map { "anna \($0)" })
        let ben = try Self.session("ben", texts: shared + (0..<1_000).map { "ben \($0)" })
        let plan = AdjudicationPlan(annotators: ["anna", "ben"], states: [anna.state, ben.state])
        let adjudicator = Adjudicator(plan: plan, adjudicator: "carla")
        var result = Session(annotator: "carla", corpus: anna.corpus, created: Self.time, derivedFrom: ["anna.json", "ben.json"])
        #expect(try adjudicator.mergeSentenceNotes(into: &result, time: Self.time) == 4_000)
        #expect(try adjudicator.mergeSentenceNotes(into: &result, time: Self.time) == 0)
        for unit in plan.units where !adjudicator.isDecided(unit, in: result.state) {
            try adjudicator.apply(.take([0]), to: unit, session: &result, time: Self.time)
        }
        let claim = try #require(result.state.claims.values.first)
        let speaker = try #require(result.state.speakers.values.first)
        let notes = result.state.notes.values
        #expect(notes.filter { $0.subject == .annotation(claim.id) }.count == 1_000 + 500 + 500)
        #expect(notes.filter { $0.subject == .annotation(speaker.id) }.count == 1_000 + 500 + 500)
        #expect(Set(notes.filter { $0.subject == .annotation(claim.id) }.map(\.text)).count == 2_000)
        let first = try #require(notes.first { $0.subject == .annotation(claim.id) && $0.text == "gemeinsam 0" })
        #expect(first.annotator == "anna")
    }
}
