@testable import Annotations
import Foundation
import Testing

@Suite("review command")
struct ReviewCommandTests {
    @Test("Piped review writes a derived session that verifies; the original stays byte-identical")
    func pipedReview() async throws {
        let fixture = try ReplayFixture()
        let before = try fixture.data(fixture.sessionPath)
        // Queue order: M1, Q1, C1, Q2, M2, Q3, C2, P1.
        let script = """
            accept
            reject not a reporting verb here
            correct form free-indirect
            note Verb prüfen
            correct delete
            skip
            accept
            correct by S1
            status
            """
        let result = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: script + "\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try fixture.data(fixture.sessionPath) == before)
        let file = try SessionStore.read(path: fixture.path("sessions/anna.reviewed.json")).file
        #expect(file.derivedFrom == [fixture.sessionPath])
        #expect(file.reviews.count == 5)
        #expect(file.reviews.first { $0.annotation == "Q1" }?.reason == "not a reporting verb here")
        #expect(file.events.last?.annotator == "rita")
        #expect(result.stdout.contains("rejections:"))
        #expect(result.stdout.contains("Q1: not a reporting verb here"))
        let verify = try await fixture.run(["replay", "sessions/anna.reviewed.json", "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        // Resuming continues at the first unreviewed annotation (the skipped mention M2).
        let resumed = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: "accept\nquit\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("] M2"))
        let replayed = try await fixture.run(["replay", "sessions/anna.reviewed.json"])
        #expect(replayed.stdout.contains("review Q1: rejected"))
    }

    /// Before, a correction's events (the record replaced, stances that lost evidence, the verdict)
    /// were each a command of their own: `undo` in the reviewed session took back the verdict only.
    @Test("A correction is one command: its events after the first carry the first's seq as their group")
    func correctionIsOneCommand() async throws {
        let fixture = try ReplayFixture()
        // Queue order: M1, Q1, C1, …
        let result = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita"], stdin: "skip\nskip\ncorrect form free-indirect\nquit\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let file = try SessionStore.read(path: fixture.path("sessions/anna.reviewed.json")).file
        let reviewers = file.events.filter { $0.annotator == "rita" }
        #expect(reviewers.count == 2, "\(reviewers)")
        #expect(reviewers.first?.group == nil && reviewers.last?.group == reviewers.first?.seq, "\(reviewers)")
    }

    @Test("--out naming the review of another session is refused and that review left as it is; a review resumed from another folder goes on")
    func outIsTheReviewOfAnotherSession() async throws {
        let fixture = try ReplayFixture()
        let ben = try await fixture.run(["annotate", "corpus", "--session", "ben", "--annotator", "ben"], stdin: "note eine andere Sitzung\nquit\n")
        #expect(ben.status == 0, "\(ben.stderr)")
        let first = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita", "--out", "checked"], stdin: "accept\nquit\n")
        #expect(first.status == 0, "\(first.stderr)")
        let review = ["sessions/checked.json", "sessions/checked.jsonl"]
        let before = try review.map { try fixture.data($0) }
        let other = try await fixture.run(["review", "sessions/ben.json", "--reviewer", "rita", "--out", "checked"], stdin: "accept\nquit\n")
        #expect(other.status == 1, "\(other.stdout)")
        #expect(other.stderr.contains("sessions/checked.json is the review of \(fixture.sessionPath), not of sessions/ben.json"), "\(other.stderr)")
        #expect(try review.map { try fixture.data($0) } == before)
        // The same review from the sessions folder: its `derived_from` no longer names the path, its first event does.
        let resumed = try await WorkbenchProcess.run(
            ["review", "anna.json", "--reviewer", "rita", "--out", "./checked"], stdin: "accept\nquit\n",
            directory: fixture.folder.appendingPathComponent("sessions"))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try review.map { try fixture.data($0) } != before)
    }

    @Test("review A --out B where B is another annotator's session (not a review; also with its snapshot lost) is refused, B unchanged")
    func outIsAnotherPlainSession() async throws {
        let fixture = try ReplayFixture()
        let ben = try await fixture.run(["annotate", "corpus", "--session", "ben", "--annotator", "ben"], stdin: "note eine andere Sitzung\nquit\n")
        #expect(ben.status == 0, "\(ben.stderr)")
        let files = ["sessions/ben.json", "sessions/ben.jsonl"]
        let before = try files.map { try fixture.data($0) }
        let other = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita", "--out", "ben"], stdin: "accept\nquit\n")
        #expect(other.status == 1, "\(other.stdout)")
        #expect(other.stderr.contains("sessions/ben.json is another session, not a review of \(fixture.sessionPath)"), "\(other.stderr)")
        #expect(try files.map { try fixture.data($0) } == before)
        try FileManager.default.removeItem(atPath: fixture.path("sessions/ben.json"))
        let lost = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita", "--out", "ben"], stdin: "accept\nquit\n")
        #expect(lost.status == 1, "\(lost.stdout)")
        #expect(lost.stderr.contains("is another session, not a review of"), "\(lost.stderr)")
        #expect(try fixture.data("sessions/ben.jsonl") == before[1])
    }

    @Test("correct by S1, S2 makes a claim joint (main speaker first); correct to M2 gives a claim an addressee")
    func correctSeveralSpeakers() async throws {
        let fixture = try ReplayFixture()
        // Queue order: M1, Q1, C1, Q2, M2, Q3, C2; a correction moves on to the next card.
        let result = try await fixture.run(
            ["review", fixture.sessionPath, "--reviewer", "rita", "--out", "r3"],
            stdin: "skip\nskip\ncorrect by S1, S2\nskip\nskip\nskip\ncorrect to M1\nquit\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let file = try SessionStore.read(path: fixture.path("sessions/r3.json")).file
        let state = try AnnotationState.replaying(file.events, schema: file.schema)
        #expect(state.claims["C1"]?.speakers == ["S1", "S2"])
        #expect(state.claims["C2"]?.addressees == ["M1"])
    }

    @Test("A bad command in piped mode fails the run but keeps the decisions")
    func badCommand() async throws {
        let fixture = try ReplayFixture()
        let result = try await fixture.run(["review", fixture.sessionPath, "--reviewer", "rita", "--out", "r2"], stdin: "frobnicate\naccept\n")
        #expect(result.status != 0)
        #expect(result.stdout.contains("unknown command 'frobnicate'"))
        let file = try SessionStore.read(path: fixture.path("sessions/r2.json")).file
        #expect(file.reviews.count == 1)
    }

    @Test("A refused line in piped review begins with 'error:', as the failure's summary ('see 'error:' lines') says; so does a line too long to keep")
    func refusalsSayError() async throws {
        let fixture = try ReplayFixture()
        // Longer than the line reader keeps (4 MiB): a stream without line breaks piped in.
        let long = String(repeating: "x", count: 5 << 20)
        let result = try await fixture.run(
            ["review", fixture.sessionPath, "--reviewer", "rita", "--out", "r4"], stdin: "frobnicate\nnote \(long)\naccept\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("see 'error:' lines"), "\(result.stderr)")
        #expect(result.stdout.contains("\nerror: unknown command 'frobnicate'"), "\(result.stdout)")
        #expect(result.stdout.contains("\nerror: the line is too long"), "\(result.stdout)")
    }
}
