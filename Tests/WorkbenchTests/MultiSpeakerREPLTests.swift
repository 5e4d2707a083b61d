@testable import Annotations
import Foundation
import Testing

/// `claim … by S1,S2 to M4`, editing speakers and addressees, accepting a proposal with several
/// speakers, and the refusals, piped through the REPL.
@Suite("claims with several speakers in the REPL, piped")
struct MultiSpeakerREPLTests {
    @Test("claim by two speakers to an addressee; edit by add/remove and to; undo; the listing shows them all")
    func jointClaim() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "m"], commands: [
            "g 1:1",
            "sp Vereinigten Staaten",
            "sp Südkorea",
            "sp Nordkorea",
            "cu forderten,auf",
            "cl seine Truppen nach Russland abzuziehen by M1,M2 to M3 cue Q1 form indirect",
            "list",
            "edit C1 by remove S2",
            "edit C1 by add M2",
            "edit C1 to none",
            "undo",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" (M1), S2 Südkorea (M2) · to M3 Nordkorea"), "\(result.stdout)")
        let claim = try #require(try workspace.annotations("m")["C1"])
        #expect(claim["speakers"] as? [String] == ["S1", "S2"] && claim["mentions"] as? [String] == ["M1", "M2"])
        #expect(claim["addressees"] as? [String] == ["M3"] && claim["speaker"] == nil)
    }

    @Test("a speaker named twice, an unknown speaker and an addressee that is not a mention are refused with what to do", arguments: [
        ("cl seine Truppen nach Russland abzuziehen by S1,S1", "is named twice"),
        ("cl seine Truppen nach Russland abzuziehen by S1,S9", "there is no speaker S9"),
        ("cl seine Truppen nach Russland abzuziehen by S1 to S2", "is not a mention id; 'to' takes the addressee's mentions"),
        ("cl seine Truppen nach Russland abzuziehen by S1 to M9", "there is no mention M9"),
        ("cl seine Truppen nach Russland abzuziehen by M1 to M1", "lists M1 twice"),
        ("cl seine Truppen nach Russland abzuziehen by S1,", "lists speakers separated by commas"),
    ])
    func refusals(command: String, message: String) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "b"], commands: ["g 1:1", "sp Vereinigten Staaten", "sp Südkorea", command, "quit"])
        #expect(result.status == 1)
        #expect((result.stdout + result.stderr).contains(message), "\(result.stdout)\(result.stderr)")
        #expect(try workspace.annotations("b")["C1"] == nil)
    }

    @Test("accepting a proposal with two speakers makes one claim by both, not one claim per speaker")
    func acceptJoint() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "y"], commands: ["g 1:1", "y a", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        let claims = try workspace.annotations("y").values.filter { $0["type"] as? String == "claim" }
        #expect(claims.count == 1, "\(claims)")
        #expect((claims.first?["speakers"] as? [String])?.count == 2)
        #expect((claims.first?["addressees"] as? [String])?.count == 1, "Nordkorea is the proposal's addressee")
    }

    /// A claim is evidence of its own speakers' stances only (`validate` refuses other evidence).
    /// Before, `edit C1 by …` left a stance of the speaker it lost citing it, and `stance`/`edit P1
    /// evidence` took a claim by someone else: the REPL made sessions `validate` refused.
    @Test("edit C1 by drops the evidence of the stances it no longer fits; evidence by another speaker is refused")
    func evidenceFollowsTheClaimsSpeakers() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "m"], commands: [
            "g 1:1",
            "sp Vereinigten Staaten",
            "sp Südkorea",
            "cl seine Truppen nach Russland abzuziehen by M1",
            "target add Abzug der Truppen",
            "stance S1 T1 favor evidence C1",
            "edit C1 by M2",
            "stance S1 T1 against evidence C1",
            "stance S2 T1 favor",
            "edit P2 evidence C1",
            "edit P1 evidence C1",
            "quit",
        ])
        // The two refusals (evidence by S2 for S1's stance) make a piped run end with 1.
        #expect(result.status == 1 && result.stderr.contains("2 command(s) were rejected"), "\(result.stderr)")
        #expect(result.stdout.contains("~ P1 no longer cites C1 as evidence (C1 is not by S1 now)"), "\(result.stdout)")
        #expect(result.stdout.contains("C1 is a claim by S2, not by S1: a claim is evidence of its own speakers' stances only; nothing changed"), "\(result.stdout)")
        let stances = try workspace.stances("m")
        #expect(stances["P1"]?["evidence"] as? [String] ?? [] == [])
        #expect(stances["P2"]?["evidence"] as? [String] == ["C1"])
        let validated = try await workspace.run(["validate", "m"], commands: [])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        // Undo takes back the speaker change and the evidence it dropped in one step.
        let undone = try await workspace.run(["annotate", "--session", "m"], commands: ["undo", "undo", "undo", "quit"])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(try workspace.stances("m")["P1"]?["evidence"] as? [String] == ["C1"])
    }

    /// Before, `edit M1 speaker S3` left C1 citing M1 (now S3's) while still by S1, S2: exports
    /// attributed it through its mentions and through its speakers differently, and validate passed it.
    @Test("edit M1 speaker S3 makes the claims citing M1 by S3 instead of S1, in one step for undo; no speaker twice")
    func mentionSpeakerFollowsIntoClaims() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "m"], commands: [
            "g 1:1",
            "sp Vereinigten Staaten",
            "sp Südkorea",
            "sp Nordkorea",
            "cl seine Truppen nach Russland abzuziehen by M1,M2",
            "target add Abzug der Truppen",
            "stance S1 T1 favor evidence C1",
            "edit M1 speaker S3",
            "edit M2 speaker S3",
            "undo",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("~ C1 is now by S3, S2 (it cites M1)"), "\(result.stdout)")
        #expect(result.stdout.contains("~ P1 no longer cites C1 as evidence (C1 is not by S1 now)"), "\(result.stdout)")
        #expect(result.stdout.contains("~ C1 is now by S3 (it cites M2)"), "S3 is not listed twice: \(result.stdout)")
        var claim = try #require(try workspace.annotations("m")["C1"])
        #expect(claim["speakers"] as? [String] == ["S3", "S2"] && claim["mentions"] as? [String] == ["M1", "M2"], "\(claim)")
        #expect(try workspace.stances("m")["P1"]?["evidence"] as? [String] ?? [] == [])
        let validated = try await workspace.run(["validate", "m"], commands: [])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        // One undo takes back the mention's speaker, the claim's and the evidence together.
        let undone = try await workspace.run(["annotate", "--session", "m"], commands: ["undo", "quit"])
        #expect(undone.status == 0, "\(undone.stderr)")
        claim = try #require(try workspace.annotations("m")["C1"])
        #expect(claim["speakers"] as? [String] == ["S1", "S2"], "\(claim)")
        #expect(try workspace.stances("m")["P1"]?["evidence"] as? [String] == ["C1"])
    }

    @Test("validate reports a claim citing a mention of a speaker it does not list, and how to mend it")
    func validateMentionOfAnotherSpeaker() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        // The REPL now keeps the claim in step; an older version, a hand edit or another tool may
        // not: made here through the library.
        try await workspace.makeClaimCitingAnotherSpeakersMention("v")
        let result = try await workspace.run(["validate", "sessions/v.json"], commands: [])
        #expect(result.status != 0, "\(result.stdout)")
        #expect(result.stderr.contains(
            "C1 cites mention M1 of S3 Nordkorea, who is not among its speakers (S1, S2); list the speaker (edit C1 by add S3) or attribute the mention to one of them (edit M1 speaker S1)"),
            "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
