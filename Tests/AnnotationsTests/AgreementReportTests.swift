import Foundation
import Testing
@testable import Annotations

@Suite("Agreement report")
struct AgreementReportTests {
    func value(_ report: AgreementReport, _ layer: String, _ measure: String, _ scope: String = "anna/ben") -> Double?? {
        report.measures.first { $0.layer == layer && $0.measure == measure && $0.scope == scope }.map(\.value)
    }

    @Test("Spans, attributes, attribution, stance and status between two annotators")
    func twoAnnotators() throws {
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [AgreementFixture.anna(), AgreementFixture.ben()])
        #expect(report.documents == ["tricky"])
        #expect(report.warnings == ["document plain was annotated only by ben; it is not scored"])
        #expect(report.unmatchedSpeakers == ["anna: Peskow (S2)"])
        #expect(value(report, "mentions", "exact F1") == 0)
        #expect(value(report, "mentions", "overlap F1") == 1)
        #expect(value(report, "mentions", "same speaker") == 1)
        #expect(value(report, "cues", "exact F1") == 1)
        #expect(value(report, "claims", "exact F1") == 1)
        #expect(value(report, "claims", "form κ") == 0)
        #expect(value(report, "attribution", "same speaker") == 1)
        #expect(value(report, "stance", "Cohen κ") == 0)
        #expect(value(report, "status", "agreement") == 1)
        #expect(value(report, "status", "Cohen κ") == 1)
        #expect(value(report, "status", "α", "all") == 1)
    }

    @Test("Disagreements name the layer, the sentence and each annotator's value")
    func disagreements() throws {
        let report = try AgreementReport(annotators: ["anna", "ben"], sessions: [AgreementFixture.anna(), AgreementFixture.ben()]) {
            $0 == SentenceKey(document: "tricky", sentence: 0) ? "the sentence" : nil
        }
        let lines = report.table(disagreements: true)
        #expect(lines.contains("- [claims] tricky#1 „Wir müssen handeln.“ form — anna: direct; ben: indirect"))
        #expect(lines.contains("- [mentions] tricky#1 „Mark Rutte“ marked by ben; not by anna"))
        #expect(lines.contains("- [stance] Mark Rutte → Truppen in Russland anna: favor; ben: against"))
        #expect(lines.contains("    the sentence"))
    }

    @Test("Three annotators: Fleiss' κ and α for all; perfect agreement gives 1")
    func threeAnnotators() throws {
        let report = try AgreementReport(
            annotators: ["anna", "ben", "carl"], sessions: [AgreementFixture.anna(), AgreementFixture.anna(), AgreementFixture.anna()])
        #expect(value(report, "claims", "exact F1 (mean of pairs)", "all") == 1)
        #expect(value(report, "attribution", "same speaker (mean of pairs)", "all") == 1)
        // One stance item, one label: undefined, as in statsmodels and krippendorff.
        #expect(value(report, "stance", "Fleiss κ", "all") == .some(nil))
        #expect(value(report, "stance", "α", "all") == .some(nil))
        #expect(report.json().serialized().contains("{\"layer\":\"stance\",\"measure\":\"Fleiss κ\",\"scope\":\"all\",\"value\":null,\"items\":1}"))
        #expect(report.table().contains("stance       Fleiss κ"))
        #expect(report.table().split(separator: "\n").contains { $0.hasPrefix("stance") && $0.contains("Fleiss κ") && $0.contains("n/a") })
        #expect(report.disagreements.isEmpty)
    }

    @Test("Sessions of different corpora are refused")
    func differentCorpora() throws {
        var other = CorpusReference(TestCorpus.corpus)
        other.documents[0].fingerprint = "0000"
        let foreign = AgreementFixture("ben", corpus: other).session
        #expect(throws: AgreementError.differentCorpora(first: "anna", second: "ben", detail: "document tricky has a different text (fingerprint)")) {
            _ = try AgreementReport(annotators: ["anna", "ben"], sessions: [AgreementFixture.anna(), foreign])
        }
        #expect(throws: AgreementError.tooFewSessions(1)) {
            _ = try AgreementReport(annotators: ["anna"], sessions: [AgreementFixture.anna()])
        }
    }

    @Test("Span F1: overlap counts partial spans, neither annotator having spans is undefined")
    func spanAgreement() throws {
        let f = AgreementFixture("x")
        let a = [try f.anchor("Mark Rutte"), try f.anchor("sagte")]
        let b = [try f.anchor("Rutte sagte")]
        let spans = SpanAgreement(a, b)
        #expect(spans.exactF1 == 0)
        #expect(spans.overlapF1 == 1)
        #expect(spans.matches.count == 1)
        #expect(SpanAgreement([], []).exactF1 == nil)
        #expect(SpanAgreement(a, []).overlapF1 == 0)
    }
}
