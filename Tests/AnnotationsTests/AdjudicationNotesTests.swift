import Foundation
import Testing
@testable import Annotations

/// Annotators' notes reach the adjudicated session: a note on an annotation goes with the
/// annotation taken from it, a note on a speaker (`party: SPD`, which `speaker` writes) with the
/// result's speaker, a note on a sentence with the sentence; each once, with its writer.
@Suite("Adjudication keeps the annotators' notes")
struct AdjudicationNotesTests {
    static let time = "2026-11-21T11:00:00.000Z"

    static func session(_ annotator: String, notes: Bool) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", form: "direct")))
        // Another claim only this annotator has: not taken, so its note stays out.
        try f.add(.claim(Claim(id: "C2", anchor: try f.anchor("Nordkorea Truppen schickt", sentence: 1), speaker: "S1", mention: "M1")))
        if notes {
            try f.add(.note(Note(id: "N1", subject: .annotation("S1"), text: "party: CDA", annotator: annotator)))
            try f.add(.note(Note(id: "N2", subject: .annotation("C1"), text: "sicher", annotator: annotator)))
            try f.add(.note(Note(id: "N3", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: "Zitat prüfen", annotator: annotator)))
            try f.add(.note(Note(id: "N4", subject: .annotation("C2"), text: "eher nicht", annotator: annotator)))
        }
        return f.session
    }

    /// Adjudicates every open unit: agreed ones merged, disagreements decided as `none`.
    static func adjudicate(_ adjudicator: Adjudicator, into result: inout Session) throws {
        try adjudicator.mergeStatuses(into: &result, time: time)
        try adjudicator.mergeSentenceNotes(into: &result, time: time)
        for unit in adjudicator.plan.units where !adjudicator.isDecided(unit, in: result.state) {
            try adjudicator.apply(unit.agreed ? .take([0]) : .none, to: unit, session: &result, time: time)
        }
    }

    @Test("notes on taken annotations, speakers and sentences are carried once; a note on a version not taken is not")
    func carried() throws {
        let anna = try Self.session("anna", notes: true)
        var ben = try Self.session("ben", notes: false)
        try ben.perform(.delete("C2"), time: Self.time)
        let plan = AdjudicationPlan(annotators: ["anna", "ben"], states: [anna.state, ben.state])
        let adjudicator = Adjudicator(plan: plan, adjudicator: "carla")
        var result = Session(annotator: "carla", corpus: anna.corpus, created: Self.time, derivedFrom: ["anna.json", "ben.json"])
        try Self.adjudicate(adjudicator, into: &result)
        let claim = try #require(result.state.claims.values.first { $0.anchor.text == "Wir müssen handeln." })
        let speaker = try #require(result.state.speakers.values.first)
        func notes(_ subject: Note.Subject) -> [String] {
            result.state.notes.values.filter { $0.subject == subject && !$0.text.hasPrefix("adjudicated: none") }.map { "\($0.annotator): \($0.text)" }
        }
        #expect(notes(.annotation(claim.id)) == ["anna: sicher"])
        #expect(notes(.annotation(speaker.id)) == ["anna: party: CDA"])
        #expect(notes(.sentence(SentenceKey(document: "tricky", sentence: 0))) == ["anna: Zitat prüfen"])
        #expect(!result.state.notes.values.contains { $0.text == "eher nicht" })
        // A second run adds nothing.
        let count = result.events.count
        try Self.adjudicate(adjudicator, into: &result)
        #expect(result.events.count == count)
    }
}
