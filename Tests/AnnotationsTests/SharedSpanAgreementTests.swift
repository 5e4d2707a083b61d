import Foundation
import Testing
@testable import Annotations

/// Two claims on one span by different speakers ("Laut BBC sagte Müller, …"): `agree` pairs them by
/// speaker, as `adjudicate` and `diff` do, whatever order the annotators typed them in.
@Suite("Agreement on claims that share a span")
struct SharedSpanAgreementTests {
    /// Mark Rutte and Peskow, each with a mention, and two claims on „Wir müssen handeln.“, one by
    /// each, added in `order` (speaker ids).
    static func session(_ annotator: String, order: [String], forms: [String: String] = [:]) throws -> Session {
        var f = AgreementFixture(annotator)
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.speaker(Speaker(id: "S2", name: "Peskow")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.mention(Mention(id: "M2", anchor: try f.anchor("NATO"), speaker: "S2")))
        for (index, speaker) in order.enumerated() {
            try f.add(.claim(Claim(
                id: "C\(index + 1)", anchor: try f.anchor("Wir müssen handeln."), speaker: speaker, mention: speaker == "S1" ? "M1" : "M2",
                form: forms[speaker] ?? "direct")))
        }
        return f.session
    }

    static func value(_ report: AgreementReport, _ layer: String, _ measure: String) -> Double? {
        report.measures.first { $0.layer == layer && $0.measure == measure && $0.scope != "all" }?.value
    }

    @Test("two annotators agreeing on both claims of one span agree on attribution in any typing order, both ways round")
    func orderOfTyping() throws {
        let anna = try Self.session("anna", order: ["S1", "S2"])
        let ben = try Self.session("ben", order: ["S2", "S1"])
        for (names, sessions) in [(["anna", "ben"], [anna, ben]), (["ben", "anna"], [ben, anna])] {
            let report = try AgreementReport(annotators: names, sessions: sessions)
            #expect(Self.value(report, "attribution", "same speaker") == 1)
            #expect(Self.value(report, "claims", "exact F1") == 1)
            #expect(report.disagreements.isEmpty, "\(report.disagreements.map(\.detail))")
        }
    }

    @Test("a form differing on one of two claims of a span is named once, with that claim's speaker's forms")
    func formOfOneOfThem() throws {
        let anna = try Self.session("anna", order: ["S1", "S2"])
        let ben = try Self.session("ben", order: ["S2", "S1"], forms: ["S2": "indirect"])
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [anna, ben])
        #expect(Self.value(report, "attribution", "same speaker") == 1)
        // Two matched claims, one with another form: observed 0.5.
        #expect(Self.value(report, "claims", "form κ") == 0)
        let forms = report.disagreements.filter { $0.detail.hasPrefix("form") }
        #expect(forms.map(\.detail) == ["form — anna: direct; ben: indirect"])
        #expect(report.disagreements.count == 1, "\(report.disagreements.map(\.detail))")
    }

    @Test("a second claim on the span by one annotator only is listed as marked by that annotator")
    func oneAnnotatorHasTwo() throws {
        let anna = try Self.session("anna", order: ["S1", "S2"])
        let ben = try Self.session("ben", order: ["S2"])
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [anna, ben])
        #expect(Self.value(report, "attribution", "same speaker") == 1)
        let details = report.disagreements.filter { $0.layer == "claims" || $0.layer == "attribution" }.map(\.detail)
        #expect(details == ["marked by anna; not by ben"], "\(details)")
    }
}
