import Testing
@testable import Annotations

/// The rule `edit M1 speaker S3` follows for the claims citing M1 (the REPL path is tested piped in
/// `MultiSpeakerREPLTests.mentionSpeakerFollowsIntoClaims`).
@Suite("claims follow a mention given another speaker")
struct ClaimMentionSpeakersTests {
    static let anchor = TextAnchor(document: "d", sentence: 0, segments: [SpanSegment(start: 0, end: 1)], text: "x", before: "", after: "", sentenceHash: "")

    static func state(_ claims: [Claim], mentions: [(String, String)]) throws -> AnnotationState {
        var state = AnnotationState(schema: .standard)
        var seq = 0
        func add(_ record: Record) throws {
            seq += 1
            try state.apply(Event(seq: seq, time: "t", annotator: "a", action: .add(record)))
        }
        for speaker in ["S1", "S2", "S3"] { try add(.speaker(Speaker(id: speaker, name: speaker))) }
        for (id, speaker) in mentions { try add(.mention(Mention(id: id, anchor: anchor, speaker: speaker))) }
        for claim in claims { try add(.claim(claim)) }
        return state
    }

    @Test("the speaker the mention named gives way in place; kept and the new one added while another mention names it; never twice")
    func rule() throws {
        let mentions = [("M1", "S1"), ("M2", "S2"), ("M5", "S1")]
        let state = try Self.state([
            Claim(id: "C1", anchor: Self.anchor, speakers: ["S1", "S2"], mentions: ["M1", "M2"]),
            Claim(id: "C2", anchor: Self.anchor, speakers: ["S1"], mentions: ["M1", "M5"]),
            Claim(id: "C3", anchor: Self.anchor, speakers: ["S2"], mentions: ["M2"]),
        ], mentions: mentions)
        var moved = try #require(state.mentions["M1"])
        moved.speaker = "S3"
        let following = state.claimsFollowing(moved, previousSpeaker: "S1")
        #expect(following.map(\.id) == ["C1", "C2"], "C3 does not cite M1")
        #expect(following.first?.speakers == ["S3", "S2"])
        #expect(following.last?.speakers == ["S1", "S3"], "M5 still names S1")
        moved.speaker = "S2"
        #expect(state.claimsFollowing(moved, previousSpeaker: "S1").first?.speakers == ["S2"], "S2 is listed once")
        moved.speaker = "S1"
        #expect(state.claimsFollowing(moved, previousSpeaker: "S1").isEmpty)
    }
}
