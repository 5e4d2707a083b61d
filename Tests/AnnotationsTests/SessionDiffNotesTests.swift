import Foundation
import Testing
@testable import Annotations

/// `diff` names notes that differ (a reviewer's `note`, an annotator's note on a claim, speaker or
/// sentence) and a stance's changed evidence; before, a session and its review holding a new note
/// showed "no differences".
@Suite("Diff of notes and stance evidence")
struct SessionDiffNotesTests {
    static let time = "2026-11-21T11:00:00.000Z"

    static func session(_ annotator: String = "anna") throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", form: "direct")))
        try f.add(.target(Target(id: "T1", text: "handeln")))
        try f.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C1"])))
        try f.add(.note(Note(id: "N1", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: "Zitat prüfen", annotator: annotator)))
        try f.add(.note(Note(id: "N2", subject: .annotation("S1"), text: "party: CDA", annotator: annotator)))
        return f.session
    }

    @Test("a note added on a claim, a sentence note removed, a stance's evidence removed: each named; alike sessions: none")
    func named() throws {
        let first = try Self.session()
        #expect(SessionDiff(first.state, first.state, matchByID: true).isEmpty)
        var second = first
        try second.perform(.add(.note(Note(id: "N3", subject: .annotation("C1"), text: "Name prüfen", annotator: "rita"))), time: Self.time)
        try second.perform(.delete("N1"), time: Self.time)
        var stance = try #require(second.state.stances["P1"])
        stance.evidence = []
        try second.perform(.replace(.stance(stance)), time: Self.time)
        for byID in [true, false] {
            let text = SessionDiff(first.state, second.state, matchByID: byID).rendered(firstName: "a", secondName: "b")
            #expect(text.contains("    + note on C1 „Name prüfen“ (N3)\n"), "\(text)")
            #expect(text.contains("    - note on the sentence „Zitat prüfen“ (N1)\n"), "\(text)")
            #expect(text.contains("~ stance Mark Rutte → handeln (P1): evidence: C1 → (none)\n"), "\(text)")
            #expect(!text.contains("party: CDA"), "\(text)")
        }
    }

    @Test("notes on annotations paired by span and speaker (other ids) are the same notes")
    func pairedAcrossIDs() throws {
        let first = try Self.session()
        var f = AgreementFixture("ben")
        try f.add(.speaker(Speaker(id: "S1", name: "Peskow")))
        try f.add(.speaker(Speaker(id: "S2", name: "Mark Rutte")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S2")))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S2", mention: "M1", form: "direct")))
        try f.add(.target(Target(id: "T1", text: "handeln")))
        try f.add(.stance(Stance(id: "P1", speaker: "S2", target: "T1", label: "favor", evidence: ["C1"])))
        try f.add(.note(Note(id: "N1", subject: .sentence(SentenceKey(document: "tricky", sentence: 0)), text: "Zitat prüfen", annotator: "ben")))
        try f.add(.note(Note(id: "N2", subject: .annotation("S2"), text: "party: CDA", annotator: "ben")))
        let text = SessionDiff(first.state, f.session.state, matchByID: false).rendered(firstName: "a", secondName: "b")
        #expect(!text.contains("note"), "\(text)")
        #expect(!text.contains("evidence"), "\(text)")
    }

    @Test("a reviewer's verdicts are named: a rejection with its reason; the same verdict in both: none")
    func verdicts() throws {
        let first = try Self.session()
        var second = first
        try second.perform(.review(ReviewDecision(annotation: "C1", verdict: .rejected, reason: "kein Zitat", reviewer: "rita")), time: Self.time)
        try second.perform(.review(ReviewDecision(annotation: "M1", verdict: .accepted, reviewer: "rita")), time: Self.time)
        let text = SessionDiff(first.state, second.state, matchByID: true).rendered(firstName: "a", secondName: "b")
        #expect(text.contains("    + review of C1: rejected (kein Zitat) by rita\n"), "\(text)")
        #expect(text.contains("    + review of M1: accepted by rita\n"), "\(text)")
        #expect(SessionDiff(second.state, second.state, matchByID: true).isEmpty)
    }
}
