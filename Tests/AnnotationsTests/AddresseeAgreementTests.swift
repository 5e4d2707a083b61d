import Foundation
import Testing
@testable import Annotations

/// `agree` compares the addressees of matched claims ("warf Russland vor": to whom): a share of the
/// matched claims with the same addressee mentions (by span), and a disagreement line naming each
/// annotator's. Before, a claim addressed to „Russland“ by one annotator and to no one by the
/// other agreed in every figure and was listed nowhere.
@Suite("Agreement on addressees")
struct AddresseeAgreementTests {
    /// Die Ukraine (M1) claims „zu lügen“ (sentence 2 of tricky); with `addressed`, to Russland (M2).
    static func session(_ annotator: String, addressed: Bool) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Ukraine")))
        try f.add(.speaker(Speaker(id: "S2", name: "Russland")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Die Ukraine", sentence: 3), speaker: "S1")))
        try f.add(.mention(Mention(id: "M2", anchor: try f.anchor("Russland", sentence: 3), speaker: "S2")))
        var claim = Claim(id: "C1", anchor: try f.anchor("zu lügen", sentence: 3), speaker: "S1", mention: "M1", form: "indirect")
        if addressed { claim.addressees = ["M2"] }
        try f.add(.claim(claim))
        return f.session
    }

    static func value(_ report: AgreementReport, _ measure: String) -> Double? {
        report.measures.first { $0.layer == "claims" && $0.measure == measure && $0.scope == "anna/ben" }?.value
    }

    @Test("to Russland against to no one: addressee agreement 0 and a disagreement; alike: 1 and none")
    func compared() throws {
        let differing = try AgreementReport(
            annotators: ["anna", "ben"], sessions: [try Self.session("anna", addressed: true), try Self.session("ben", addressed: false)])
        #expect(Self.value(differing, "addressee agreement") == 0)
        #expect(differing.disagreements.map(\.detail) == ["addressee — anna: „Russland“; ben: (none)"])
        let alike = try AgreementReport(
            annotators: ["anna", "ben"], sessions: [try Self.session("anna", addressed: true), try Self.session("ben", addressed: true)])
        #expect(Self.value(alike, "addressee agreement") == 1)
        #expect(alike.disagreements.isEmpty)
    }
}
