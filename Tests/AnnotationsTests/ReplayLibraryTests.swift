import Foundation
import PropertyBased
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
        #expect(ReplayError.orderingProblem(in: events) == nil)
        var gap = events
        gap.remove(at: 2)
        #expect(ReplayError.orderingProblem(in: gap) == .sequenceGap(after: 2, next: 4))
        var swapped = events
        swapped.swapAt(1, 2)
        #expect(ReplayError.orderingProblem(in: swapped) == .reordered(seq: 3, after: 1))
        var twice = events
        twice.insert(events[1], at: 2)
        #expect(ReplayError.orderingProblem(in: twice) == .duplicate(seq: 2))
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
    }

    @Test("A long log keeps a bounded number of states and still rebuilds every step; streaming gives the same steps")
    func longLog() throws {
        #expect(ReplayStepper.checkpointInterval(forEvents: 1_000) == 128)
        #expect(ReplayStepper.checkpointInterval(forEvents: 1_000_000) == 62_500)
        let builder = AnchorBuilder(corpus: corpus)
        let anchor = try builder.anchor(document: "tricky", sentence: 0, segments: [TestCorpus.segment("sagte")])
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        for index in 1...3_000 {
            try session.perform(.add(.cue(Cue(id: "Q\(index)", anchor: anchor))), time: "2026-11-21T10:00:00.000Z")
            if index % 5 == 0 { try session.perform(.undo, time: "2026-11-21T10:00:01.000Z") }
            if index % 10 == 0 { try session.perform(.redo, time: "2026-11-21T10:00:02.000Z") }
        }
        let events = session.events
        let stepper = try ReplayStepper(events: events, schema: .standard)
        for count in [0, 1, 127, 128, 129, 224, 225, 226, 1_999, events.count - 1, events.count] {
            let expected = try AnnotationState.replaying(events.prefix(count), schema: .standard)
            let rebuilt = stepper.state(afterSteps: count)
            #expect(rebuilt.hasSameRecords(as: expected), "after \(count) steps")
            #expect(rebuilt.undoStack == expected.undoStack && rebuilt.redoStack == expected.redoStack, "after \(count) steps")
        }
        var streamed: [ReplayStep] = []
        var last = AnnotationState(schema: .standard)
        try ReplayStepper.forEachStep(events: events, schema: .standard) { step, state in
            streamed.append(step)
            last = state
        }
        #expect(streamed == stepper.steps)
        #expect(last.hasSameRecords(as: session.state))
        var limited = 0
        try ReplayStepper.forEachStep(events: events, schema: .standard, limit: 10) { _, _ in limited += 1 }
        #expect(limited == 10)
        var broken = events
        broken.swapAt(3, 4)
        #expect(throws: ReplayError.self) { try ReplayStepper.forEachStep(events: broken, schema: .standard) { _, _ in } }
        #expect(throws: ReplayError.reordered(seq: broken[3].seq, after: broken[2].seq)) { try ReplayStepper.check(events: broken, schema: .standard) }
        #expect(throws: Never.self) { try ReplayStepper.check(events: events, schema: .standard) }
    }

    @Test("A span over two sentences is filed under both; without the corpus under the one its anchor names")
    func sentencesOfASpan() throws {
        let sentences = try #require(corpus.document(id: "tricky")?.sentences)
        let anchor = TextAnchor(
            document: "tricky", sentence: 0, segments: [SpanSegment(start: sentences[0].end - 3, end: sentences[1].start + 2)], text: "x",
            before: "", after: "", sentenceHash: "")
        #expect(BracketRenderer(corpus: corpus).sentences(touchedBy: anchor) == [SentenceKey(document: "tricky", sentence: 0), SentenceKey(document: "tricky", sentence: 1)])
        #expect(BracketRenderer(corpus: nil).sentences(touchedBy: anchor) == [SentenceKey(document: "tricky", sentence: 0)])
        var stale = anchor
        stale.sentence = 99
        #expect(BracketRenderer(corpus: corpus).sentences(touchedBy: stale).first == SentenceKey(document: "tricky", sentence: 99))
    }

    @Test("The sentence index follows a replay: each sentence's records are what a search of the state finds")
    func sentenceIndex() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...100_000).array(of: 1...60)) { codes in
            let session = RandomSessions.session(codes)
            for renderer in [BracketRenderer(corpus: self.corpus), BracketRenderer(corpus: nil)] {
                var index = SentenceRecordIndex(renderer: renderer)
                var last = AnnotationState(schema: .standard)
                try? ReplayStepper.forEachStep(events: session.events, schema: .standard) { step, state in
                    index.update(step.touched, in: state)
                    for key in step.sentences {
                        #expect(Set(index.records(in: key, state: state)) == Set(renderer.annotations(on: key, in: state)), "#\(step.event.seq) \(key)")
                    }
                    last = state
                }
                for document in self.corpus.documents {
                    for sentence in document.sentences.indices {
                        let key = SentenceKey(document: document.document.id, sentence: sentence)
                        #expect(Set(index.records(in: key, state: last)) == Set(renderer.annotations(on: key, in: last)), "\(key)")
                    }
                }
            }
        }
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

    @Test("One renderer: the shell's view of a sentence, replay's and the index's give the same pieces")
    func oneRenderer() throws {
        let state = try session().state
        let key = SentenceKey(document: "tricky", sentence: 0)
        let sentence = try #require(corpus.document(id: "tricky")?.sentences.first)
        let renderer = BracketRenderer(corpus: corpus)
        let pieces = renderer.render(key, in: state)
        #expect(BracketRenderer.render(sentence, in: state) == pieces)
        #expect(renderer.render(key, records: renderer.annotations(on: key, in: state).reversed(), in: state) == pieces)
        #expect(pieces.contains { $0.kind == .text && $0.enclosing == .claim && $0.text.contains("Wir müssen handeln") })
    }

    @Test("Replay shows a claim over two sentences as the shell does: runs on with …}, goes on with {C2…, names its speaker")
    func claimOverTwoSentences() throws {
        let sentences = try #require(corpus.document(id: "tricky")?.sentences)
        var session = Session(annotator: "anna", corpus: CorpusReference(corpus), created: "2026-11-21T10:00:00.000Z")
        let anchor = TextAnchor(
            document: "tricky", sentence: 0, segments: [SpanSegment(start: sentences[0].end - 3, end: sentences[1].start + 2)], text: "x",
            before: "", after: "", sentenceHash: "")
        try session.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))), time: "2026-11-21T10:00:01.000Z")
        try session.perform(.add(.claim(Claim(id: "C2", anchor: anchor, speaker: "S1"))), time: "2026-11-21T10:00:02.000Z")
        let renderer = BracketRenderer(corpus: corpus)
        let first = SentencePiece.plain(renderer.render(SentenceKey(document: "tricky", sentence: 0), in: session.state))
        let second = SentencePiece.plain(renderer.render(SentenceKey(document: "tricky", sentence: 1), in: session.state))
        #expect(first.contains("{C2←S1 ") && first.hasSuffix("…}"), "\(first)")
        #expect(second.hasPrefix("{C2←S1… "), "\(second)")
        #expect(SentencePiece.plain(BracketRenderer.render(sentences[1], in: session.state)) == second)
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
        #expect(stats.commands.undos == 1)
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
