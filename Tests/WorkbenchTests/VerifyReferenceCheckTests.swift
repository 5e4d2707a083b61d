@testable import Annotations
import Foundation
import Testing

/// `replay --verify` runs `validate`'s reference checks (`SessionVerifier.referenceChecks`), so a session
/// edited by hand or by another tool cannot pass one and fail the other.
@Suite("replay --verify checks references as validate does")
struct VerifyReferenceCheckTests {
    @Test("a stance whose evidence is a claim by another speaker fails replay --verify with validate's line")
    func evidenceByAnotherSpeaker() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let made = try await workspace.run(["annotate", "--session", "v"], commands: [
            "goto 1:10",
            "speaker \"Sergiy Kyslytsya\"",
            "cue \"fügte\",\"hinzu\"",
            "claim \"im November mit der direkten Teilnahme\" form indirect",
            "target add Nordkorea kämpft mit",
            "goto 1:11",
            "speaker \"US-Verteidigungsminister Lloyd Austin\"",
            "stance S2 T1 against",
            "quit",
        ])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        // The REPL refuses such evidence; an older version, a hand edit or another tool may not.
        try workspace.applyThroughTheLibrary("v") { state in
            var stance = try #require(state.stances["P1"])
            stance.evidence = ["C1"]
            return .replace(.stance(stance))
        }
        let line = "sessions/v.json: at $.stances[0]: evidence C1 of P1 is a claim by S1 Sergiy Kyslytsya, not by the stance's speaker S2 Lloyd Austin"
        let validated = try await workspace.run(["validate", "sessions/v.json"], commands: [])
        #expect(validated.status == 1 && validated.stderr.contains(line), "\(validated.stderr)")
        let verified = try await workspace.run(["replay", "sessions/v.json", "--verify"], commands: [])
        #expect(verified.status == 1, "\(verified.stdout)\(verified.stderr)")
        #expect(verified.stderr.contains(line), "\(verified.stderr)")
        #expect(!verified.stdout.contains("verified"), "\(verified.stdout)")
    }

    @Test("a claim citing a mention of a speaker it does not list fails replay --verify with validate's line")
    func mentionOfAnotherSpeaker() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.makeClaimCitingAnotherSpeakersMention("v")
        let line = "C1 cites mention M1 of S3 Nordkorea, who is not among its speakers (S1, S2)"
        let validated = try await workspace.run(["validate", "sessions/v.json"], commands: [])
        #expect(validated.status == 1 && validated.stderr.contains(line), "\(validated.stderr)")
        // Without a corpus too: the reference checks need no text.
        for arguments in [["replay", "sessions/v.json", "--verify"], ["replay", "sessions/v.json", "--verify", "--corpus", "nowhere"]] {
            let verified = try await workspace.run(arguments, commands: [])
            #expect(verified.status == 1, "\(arguments): \(verified.stdout)\(verified.stderr)")
            #expect(verified.stderr.contains("sessions/v.json: at $.annotations[") && verified.stderr.contains(line), "\(arguments): \(verified.stderr)")
        }
    }

    @Test("a line break in a speaker name never starts a line of its own in validate's or replay --verify's problems")
    func forgedLineInAName() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        try await workspace.makeClaimCitingAnotherSpeakersMention("v")
        try workspace.applyThroughTheLibrary("v") { state in
            var speaker = try #require(state.speakers["S3"])
            speaker.name = "Nordkorea\nsessions/v.json: valid: 99 events"
            return .replace(.speaker(speaker))
        }
        for arguments in [["validate", "sessions/v.json"], ["replay", "sessions/v.json", "--verify"]] {
            let result = try await workspace.run(arguments, commands: [])
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("of S3 Nordkorea␊sessions/v.json: valid: 99 events, who is not among"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix("sessions/v.json: valid") }, "\(arguments): \(result.stderr)")
        }
    }

    @Test("a valid session still verifies")
    func validSessionVerifies() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let made = try await workspace.run(["annotate", "--session", "v"], commands: [
            "g 1:1", "sp Vereinigten Staaten", "sp Südkorea", "cl seine Truppen nach Russland abzuziehen by M1,M2", "quit",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let verified = try await workspace.run(["replay", "sessions/v.json", "--verify"], commands: [])
        #expect(verified.status == 0 && verified.stdout.contains("sessions/v.json: verified:"), "\(verified.stdout)\(verified.stderr)")
    }
}
