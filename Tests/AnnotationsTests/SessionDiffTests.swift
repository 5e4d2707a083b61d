import Foundation
import Testing
@testable import Annotations

@Suite("Session diff")
struct SessionDiffTests {
    @Test("By span: only in A, only in B, changed attributes, grouped by sentence")
    func bySpan() throws {
        let diff = SessionDiff(try AgreementFixture.anna().state, try AgreementFixture.ben().state, matchByID: false)
        let text = diff.rendered(firstName: "anna.json", secondName: "ben.json")
        #expect(text.contains("document tricky\n  sentence 0\n"))
        #expect(text.contains("    - mention „NATO-Generalsekretär Mark Rutte“ (M1)\n"))
        #expect(text.contains("    + mention „Mark Rutte“ (M1)\n"))
        #expect(text.contains("    ~ claim „Wir müssen handeln.“ (C1): form: direct → indirect\n"))
        #expect(text.contains("document plain\n  sentence 0\n    ~ status: open → flagged\n"))
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
}
