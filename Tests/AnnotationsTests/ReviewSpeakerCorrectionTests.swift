import Foundation
import Testing
@testable import Annotations

/// `review`'s `correct by SPEAKERS` on a claim: the claim keeps only the mentions of its new speakers,
/// and a stance that cited it as evidence for a speaker it no longer has loses that evidence, so the
/// reviewed session stays valid (`validate` refused it: "evidence C1 of P1 is a claim by S3 …").
@Suite("Review: correcting a claim's speakers")
struct ReviewSpeakerCorrectionTests {
    static let time = "2026-11-21T11:00:00.000Z"

    /// Mark Rutte (M1) and Peskow (M2) claim C1 together; P1 (Mark Rutte, favor) cites C1; Anna (S3) has no mention.
    static func session() throws -> Session {
        var f = AgreementFixture("anna")
        try f.add(.speaker(Speaker(id: "S1", name: "Mark Rutte")))
        try f.add(.speaker(Speaker(id: "S2", name: "Peskow")))
        try f.add(.speaker(Speaker(id: "S3", name: "Anna")))
        try f.add(.mention(Mention(id: "M1", anchor: try f.anchor("Mark Rutte"), speaker: "S1")))
        try f.add(.mention(Mention(id: "M2", anchor: try f.anchor("NATO"), speaker: "S2")))
        var claim = Claim(id: "C1", anchor: try f.anchor("Wir müssen handeln."), speaker: "S1", mention: "M1", form: "direct")
        claim.speakers = ["S1", "S2"]
        claim.mentions = ["M1", "M2"]
        try f.add(.claim(claim))
        try f.add(.target(Target(id: "T1", text: "handeln")))
        try f.add(.stance(Stance(id: "P1", speaker: "S1", target: "T1", label: "favor", evidence: ["C1"])))
        return f.session
    }

    static func corrected(_ value: String) throws -> AnnotationState {
        var session = try Self.session()
        let actions = try ReviewPlanner(reviewer: "rita").actions(for: .correct(field: "by", value: value), on: "C1", in: session.state)
        for action in actions { try session.perform(action, time: Self.time, annotator: "rita") }
        return session.state
    }

    @Test("by a speaker without a mention: no mentions left, the stance's evidence removed")
    func anotherSpeaker() throws {
        let state = try Self.corrected("S3")
        #expect(state.claims["C1"]?.speakers == ["S3"])
        #expect(state.claims["C1"]?.mentions == [])
        #expect(state.stances["P1"]?.evidence == [])
        #expect(state.reviews["C1"]?.verdict == .corrected)
    }

    @Test("by one of its speakers: that speaker's mention stays; evidence for a speaker it keeps stays")
    func oneOfThem() throws {
        let peskow = try Self.corrected("S2")
        #expect(peskow.claims["C1"]?.mentions == ["M2"])
        #expect(peskow.stances["P1"]?.evidence == [])
        let rutte = try Self.corrected("S2,S1")
        #expect(rutte.claims["C1"]?.speakers == ["S2", "S1"] && rutte.claims["C1"]?.mentions == ["M2", "M1"])
        #expect(rutte.stances["P1"]?.evidence == ["C1"])
    }
}
