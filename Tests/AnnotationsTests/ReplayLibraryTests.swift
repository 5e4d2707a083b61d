import Foundation
import Testing
@testable import Annotations

@Suite("Replay, verification, stats and review planning")
struct ReplayLibraryTests {
    let corpus = TestCorpus.corpus

    /// A session on the tricky document with a fixed clock.
    func session() throws -> Session {
        let builder = AnchorBuilder(corpus: corpus)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        var second = 0
        func perform(_ action: EditAction) throws {
            second += 2
            try session.perform(action, time: "2026-11-21T10:00:\(second < 10 ? "0" : "")\(second).000Z")
        }
        let rutte = try builder.anchor(document: "tricky", sentence: 0, segments: [TestCorpus.segment("Mark Rutte")])
        let sagte = try builder.anchor(document: "tricky", sentence: 0, segments: [TestCorpus.segment("sagte")])
        let claim = try builder.anchor(document: "tricky", sentence: 0, segments: [TestCorpus.segment("„Wir müssen handeln.“")])
        try perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))))
        try perform(.add(.mention(Mention(id: "M1", anchor: rutte, speaker: "S1"))))
        try perform(.add(.cue(Cue(id: "Q1", anchor: sagte))))
        try perform(.add(.claim(Claim(id: "C1", anchor: claim, speaker: "S1", cue: "Q1", form: "direct"))))
        try perform(.delete("Q1"))
        try perform(.undo)
        return session
    }

    @Test("Log check names gaps, reordering and duplicates")
    func logCheck() throws {
        let events = try session().events
        #expect(LogCheck.orderingProblem(in: events) == nil)
        var gap = events
        gap.remove(at: 2)
        #expect(LogCheck.orderingProblem(in: gap) == .sequenceGap(after: 2, next: 4))
        var swapped = events
        swapped.swapAt(1, 2)
        #expect(LogCheck.orderingProblem(in: swapped) == .reordered(seq: 3, after: 1))
        var twice = events
        twice.insert(events[1], at: 2)
        #expect(LogCheck.orderingProblem(in: twice) == .duplicate(seq: 2))
        #expect(ReplayError.sequenceGap(after: 2, next: 4).description.contains("event 3 is missing"))
    }

    @Test("Stepper describes undo as what it takes back and rebuilds any step")
    func stepper() throws {
        let session = try session()
        let stepper = try ReplayStepper(events: session.events, schema: .standard)
        #expect(stepper.steps.map(\.description).last == "undo (takes back #5: delete cue Q1 \"sagte\")")
        #expect(stepper.steps[4].description == "delete cue Q1 \"sagte\"")
        #expect(stepper.steps[1].sincePrevious == 2)
        #expect(stepper.steps[5].sentences == [SentenceKey(document: "tricky", sentence: 0)])
        #expect(stepper.state(afterSteps: 5).cues.isEmpty)
        #expect(stepper.state(afterSteps: 6).hasSameRecords(as: session.state))
        #expect(stepper.find(after: 0) { $0.touched.contains(.cue("Q1")) } == 2)
        #expect(throws: ReplayError.noSuchEvent(seq: 9, last: 6)) { try stepper.index(ofSeq: 9) }
    }

    @Test("Renderer brackets mentions, cues and claims; falls back to stored context without the corpus")
    func renderer() throws {
        let state = try session().state
        let key = SentenceKey(document: "tricky", sentence: 0)
        let text = SentencePiece.plain(BracketRenderer(corpus: corpus).render(key, in: state))
        #expect(text.contains("[S1 Mark Rutte] <Q1 sagte>: {C1 „Wir müssen handeln.“}"))
        let fallback = SentencePiece.plain(BracketRenderer(corpus: nil).render(key, in: state))
        #expect(fallback.contains("[S1 Mark Rutte]"))
        #expect(fallback.contains("corpus text not available"))
    }

    @Test("Verifier accepts a good file and lists a differing annotation")
    func verifier() throws {
        let file = try session().file
        let report = SessionVerifier().verify(file)
        #expect(report.isValid)
        #expect(report.events == 6)
        var damaged = file
        if case .claim(var claim) = damaged.annotations[2] {
            claim.form = "indirect"
            damaged.annotations[2] = .claim(claim)
        }
        let bad = SessionVerifier().verify(damaged)
        #expect(!bad.isValid)
        #expect(bad.differences.count == 1)
        #expect(bad.differences.first?.hasPrefix("C1 (claim) differs") == true)
    }

    @Test("Stats: percentiles, undo rate and kinds")
    func stats() throws {
        let stats = try SessionStats(file: session().file)
        #expect(stats.events == 6)
        #expect(stats.undos == 1)
        #expect(stats.annotations["cue"] == 1)
        #expect(stats.speakers == ["Mark Rutte": 1])
        #expect(stats.medianDecision == 2)
        #expect(SessionStats.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9)
        #expect(SessionStats.total([stats, stats]).events == 12)
    }

    @Test("Review planning: verdicts, corrections, notes and refusals")
    func reviewPlanning() throws {
        let state = try session().state
        let planner = ReviewPlanner(reviewer: "rita")
        #expect(try planner.actions(for: ReviewInstruction.parse("accept"), on: "C1", in: state)
            == [.review(ReviewDecision(annotation: "C1", verdict: .accepted, reviewer: "rita"))])
        let corrected = try planner.actions(for: ReviewInstruction.parse("correct form indirect"), on: "C1", in: state)
        #expect(corrected.count == 2)
        #expect(throws: ReviewPlanner.Failure.notApplicable(field: "form", kind: "cue")) {
            try planner.actions(for: .correct(field: "form", value: "direct"), on: "Q1", in: state)
        }
        #expect(throws: ReviewInstruction.ParseError.missingText(command: "reject", example: "reject cue is not a reporting verb")) {
            try ReviewInstruction.parse("reject")
        }
        let queue = ReviewQueue(state: state, documentOrder: ["tricky", "plain"])
        #expect(queue.ids == ["M1", "Q1", "C1"])
        var next = state
        try next.apply(Event(seq: 7, time: "t", annotator: "rita", action: .review(ReviewDecision(annotation: "M1", verdict: .accepted, reviewer: "rita"))))
        #expect(queue.firstUnreviewed(in: next) == 1)
    }
}
