@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// `yd`: accept a proposal and mark the sentence done in one command (three keys where `y`, Enter,
/// `d` were four), one `undo` for both, refused while another proposal would be left pending.
@Suite("REPL yd: accept and done in one step")
struct AcceptAndDoneTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    @Test("yd accepts the proposal, marks the sentence done, moves on and says both; one undo takes both back and returns")
    func acceptsMarksAndUndoes() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        let answer = shell.handle("yd")
        let shown = Self.text(answer)
        #expect(!answer.rejected, "\(shown)")
        #expect(shown.hasPrefix("accepted a): new speaker S1 Ulrich Müller"), "\(shown)")
        #expect(shown.contains("\nsentence 2 done\n"), "\(shown)")
        #expect(shell.state.claims["C1"]?.anchor.text == "Die Lage ist ernst 🇪🇺")
        #expect(shell.state.status(of: SentenceKey(document: "d1", sentence: 1)) == .done)
        #expect(shell.sentenceIndex == 2, "moved on to the next sentence")
        let undone = shell.handle("undo")
        #expect(Self.text(undone).hasPrefix("undone: status of sentence 2 of d1, C1 (claim), Q1 (cue), M1 (mention), S1 (speaker)"), "\(Self.text(undone))")
        #expect(shell.state.recordCount == 0)
        #expect(shell.sentenceIndex == 1, "undo goes back to the sentence")
        #expect(shell.pendingProposals().count == 1)
        #expect(shell.store.session.commandCount.commands == 2, "yd and undo: two commands")
        try shell.store.close()
    }

    @Test("yd takes accept's letter and adjustments")
    func takesLetterAndAdjustments() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        let answer = shell.handle("yd a form indirect")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.claims["C1"]?.form == "indirect")
        #expect(shell.state.status(of: SentenceKey(document: "d1", sentence: 1)) == .done)
        try shell.store.close()
    }

    @Test("yd with another proposal pending is refused before anything is made; after x b it goes through")
    func refusedWhileAnotherIsPending() throws {
        let folder = TestScratch.path("yd-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.twoProposalShell(in: folder)
        #expect(shell.pendingProposals().count == 2)
        let refused = shell.handle("yd")
        #expect(refused.rejected)
        #expect(Self.text(refused).contains("proposal b would be; nothing changed"), "\(Self.text(refused))")
        #expect(shell.store.session.eventCount == 0, "nothing made, no ids used")
        #expect(shell.sentenceIndex == 0)
        let refusedB = shell.handle("yd b")
        #expect(Self.text(refusedB).contains("proposal a would be"), "\(Self.text(refusedB))")
        #expect(shell.handle("yd all").rejected)
        _ = shell.handle("x b")
        let answer = shell.handle("yd")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.claims["C1"] != nil)
        #expect(shell.state.status(of: SentenceKey(document: "d", sentence: 0)) == .done)
        #expect(shell.sentenceIndex == 1)
        try shell.store.close()
    }

    @Test("yx b accepts b, rejects a, marks the sentence done and moves on; one undo takes all of it back")
    func acceptRejectOthersAndFinish() throws {
        let folder = TestScratch.path("yx-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.twoProposalShell(in: folder)
        #expect(shell.pendingProposals().count == 2)
        #expect(shell.handle("yx all").rejected)
        let answer = shell.handle("yx b")
        let shown = Self.text(answer)
        #expect(!answer.rejected, "\(shown)")
        #expect(shown.hasPrefix("accepted b): "), "\(shown)")
        #expect(shown.contains("\nrejected proposal a (X1)\n"), "\(shown)")
        #expect(shell.state.claims.count == 1 && shell.state.rejections.count == 1)
        #expect(shell.state.status(of: SentenceKey(document: "d", sentence: 0)) == .done)
        #expect(shell.sentenceIndex == 1)
        _ = shell.handle("undo")
        #expect(shell.state.recordCount == 0, "one undo takes back the accept, the rejection and the done")
        #expect(shell.sentenceIndex == 0)
        #expect(shell.pendingProposals().count == 2)
        try shell.store.close()
    }

    @Test("yd accepts when the other proposal's claim lies inside the accepted one's (it stops being pending with it)")
    func overlappingProposalIsNoObstacle() throws {
        let folder = TestScratch.path("yd-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder, source: NestedClaimsSource())
        #expect(shell.pendingProposals().count == 2)
        let answer = shell.handle("yd")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.status(of: SentenceKey(document: "d", sentence: 0)) == .done)
        #expect(shell.sentenceIndex == 1)
        try shell.store.close()
    }

    @Test("yd whose claim adjustment leaves the proposal itself pending is taken back whole")
    func adjustmentLeavingItPending() throws {
        let folder = TestScratch.path("yd-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder, source: NestedClaimsSource(onlyOuter: true))
        let refused = shell.handle("yd claim 1")
        #expect(refused.rejected)
        #expect(Self.text(refused).contains("proposal a would be; nothing changed"), "\(Self.text(refused))")
        #expect(shell.state.recordCount == 0 && shell.sentenceIndex == 0)
        #expect(shell.state.status(of: SentenceKey(document: "d", sentence: 0)) == .open)
        try shell.store.close()
    }

    /// A shell on a sentence with two proposals (a quote said by Anna Çelik; what Tom and Jan demanded).
    static func twoProposalShell(in folder: String) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(
            documents: [Document(id: "d", rawText: "„Wir gehen“, sagte Anna Çelik und Tom und Jan forderten Ruhe. Danach war es still.")],
            paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { QuoteThenSaidSource() })
    }

    /// A shell on a two-sentence document whose proposals come from `source`.
    static func shell(in folder: String, source: any ProposalSource) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(
            documents: [Document(id: "d", rawText: "Er sagte, die Lage sei ernst und bleibe es. Danach war es still.")], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { source })
    }

    @Test("yd on a sentence without proposals is refused and changes nothing")
    func refusedWithoutProposals() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        let refused = shell.handle("yd")
        #expect(refused.rejected)
        #expect(Self.text(refused).contains("no pending proposals"), "\(Self.text(refused))")
        #expect(shell.store.session.eventCount == 0 && shell.sentenceIndex == 0)
        try shell.store.close()
    }
}

@Suite("completion of yd")
struct AcceptAndDoneCompletionTests {
    @Test("TAB after yd offers accept's keywords but not 'all', which yd refuses")
    func completion() {
        let provider = CompletionProvider()
        #expect(provider.candidates(line: "y", cursor: 1).contains("yd"))
        #expect(provider.candidates(line: "yd a", cursor: 4) == [])
        #expect(provider.candidates(line: "yd ", cursor: 3) == ["by", "to", "form", "claim"])
        #expect(provider.candidates(line: "yd b f", cursor: 6) == ["form"])
    }
}

/// For "Er sagte, die Lage sei ernst und bleibe es.": a) the claim "die Lage sei ernst und bleibe es",
/// b) "die Lage sei ernst" inside it (unless `onlyOuter`).
private struct NestedClaimsSource: ProposalSource {
    var onlyOuter = false
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        func proposal(claimEnd: Int, rule: String) -> AttributionSuggestion {
            AttributionSuggestion(
                documentID: document.document.id, sentence: 0, speakers: [[SpanSegment(start: 0, end: 2)]],
                cue: [SpanSegment(start: 3, end: 8)], claim: [SpanSegment(start: 10, end: claimEnd)],
                form: .indirect, confidence: 0.7, rule: rule)
        }
        let outer = proposal(claimEnd: 42, rule: "test.outer")
        return onlyOuter ? [outer] : [outer, proposal(claimEnd: 28, rule: "test.inner")]
    }
}
