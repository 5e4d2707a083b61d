import Foundation
import Testing
@testable import Annotations

@Suite("Session diff")
struct SessionDiffTests {
    @Test("By span: only in A, only in B, changed attributes, grouped by sentence")
    func bySpan() throws {
        let diff = SessionDiff(try AgreementFixture.anna().state, try AgreementFixture.ben().state, matchByID: false)
        let text = diff.rendered(firstName: "anna.json", secondName: "ben.json")
        #expect(text.contains("document tricky\n  sentence 1\n"))
        #expect(text.contains("    - mention „NATO-Generalsekretär Mark Rutte“ (M1)\n"))
        #expect(text.contains("    + mention „Mark Rutte“ (M1)\n"))
        #expect(text.contains("    ~ claim „Wir müssen handeln.“ (C1): form: direct → indirect\n"))
        #expect(text.contains("document plain\n  sentence 1\n    ~ status: open → flagged\n"))
        #expect(text.contains("    ~ stance Mark Rutte → Truppen in Russland (P1): label: favor → against\n"))
        #expect(text.contains("    - speaker Peskow (S2)\n"))
        #expect(!text.contains("~ mention"))
    }

    @Test("By id: a moved span is a change, identical sessions have no differences")
    func byID() throws {
        let anna = try AgreementFixture.anna()
        var reviewed = anna
        var claim = try #require(anna.state.claims["C1"])
        let f = AgreementFixture("x")
        claim.anchor = try f.anchor("müssen handeln")
        try reviewed.perform(.replace(.claim(claim)), time: "2026-11-21T11:00:00.000Z")
        let diff = SessionDiff(anna.state, reviewed.state, matchByID: true)
        #expect(diff.entries.count == 1)
        #expect(diff.entries.first?.side == .changed)
        #expect(diff.entries.first?.changes.first?.hasPrefix("span: ") == true)
        #expect(SessionDiff(anna.state, anna.state, matchByID: false).isEmpty)
        #expect(SessionDiff(anna.state, anna.state, matchByID: false).rendered(firstName: "a", secondName: "b").hasSuffix("no differences\n"))
    }

    @Test("Two claims on one span by different speakers are paired by speaker, whatever their ids")
    func sameSpanTwoSpeakers() throws {
        func session(_ order: [String]) throws -> Session {
            var f = AgreementFixture("x")
            try f.add(.speaker(Speaker(id: "S1", name: "BBC")))
            try f.add(.speaker(Speaker(id: "S2", name: "Mark Rutte")))
            for (index, speaker) in order.enumerated() {
                try f.add(.claim(Claim(id: "C\(index + 1)", anchor: try f.anchor("Wir müssen handeln."), speaker: speaker)))
            }
            return f.session
        }
        let diff = SessionDiff(try session(["S1", "S2"]).state, try session(["S2", "S1"]).state, matchByID: false)
        #expect(diff.isEmpty, "\(diff.rendered(firstName: "a", secondName: "b"))")
        let one = SessionDiff(try session(["S1", "S2"]).state, try session(["S2"]).state, matchByID: false)
        #expect(one.entries.map(\.side) == [.onlyFirst], "\(one.rendered(firstName: "a", secondName: "b"))")
        #expect(one.entries.first?.ids == "C1")
    }

    @Test("Annotations whose origin names the other session's annotations are paired with them")
    func throughOrigin() throws {
        var f = AgreementFixture("x")
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.cue(Cue(id: "Q1", anchor: try f.anchor("sagte"))))
        try f.add(.claim(Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", cue: "Q1")))
        var g = AgreementFixture("y")
        try g.add(.speaker(Speaker(id: "S4", name: "Rutte", origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "anna", id: "S1")]))))
        try g.add(.cue(Cue(id: "Q7", anchor: try g.anchor("sagte"), origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "anna", id: "Q1")]))))
        try g.add(.claim(Claim(id: "C9", anchor: try g.anchor("Wir müssen handeln."), speaker: "S4", cue: "Q7",
                               origin: Origin(kind: .adjudicated, from: [Origin.Source(session: "ben", id: "C1"), Origin.Source(session: "anna", id: "C1")]))))
        let diff = SessionDiff(f.session.state, g.session.state, matchByID: false, labels: ("anna", "adj"))
        #expect(diff.matchedThroughOrigin == 3)
        #expect(diff.entries.map(\.kind) == ["speaker"], "\(diff.rendered(firstName: "a", secondName: "b"))")
        #expect(diff.entries.first?.changes == ["name: Mark Rutte → Rutte"])
        #expect(diff.entries.first?.ids == "S1 → S4")
    }
}
