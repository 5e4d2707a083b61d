@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// A proposal source whose proposals depend on the excerpt it is given, as the engine's do (an
/// earlier speaker, a quote that closes later): each sentence holding `sagte` gets a claim that runs
/// to the end of the NEXT sentence of the excerpt when there is one (else to its own end), and a
/// confidence from how many sentences the excerpt has.
final class ContextSource: ProposalSource {
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        let sentences = document.sentences
        return sentences.enumerated().compactMap { place, sentence -> AttributionSuggestion? in
            let scalars = Array(sentence.text.unicodeScalars)
            guard let cue = (0..<max(0, scalars.count - 4)).first(where: { String(String.UnicodeScalarView(scalars[$0..<$0 + 5])) == "sagte" }),
                let comma = scalars.firstIndex(of: ",")
            else { return nil }
            let end = place + 1 < sentences.count ? sentences[place + 1].end : sentence.end
            return AttributionSuggestion(
                documentID: document.document.id, sentence: place,
                speakers: [[SpanSegment(start: sentence.start + cue + 6, end: sentence.start + comma)]],
                cue: [SpanSegment(start: sentence.start + cue, end: sentence.start + cue + 5)],
                claim: [SpanSegment(start: sentence.start + comma + 2, end: end)], form: .indirect,
                confidence: Double(sentences.count) / 1000, rule: "test.context")
        }
    }
}

/// A rejected proposal in the last sentence of a part of a long document stays rejected when the
/// next part is proposed, the cursor goes back, and the session is opened again in another order.
@Suite("Rejections at the edges of a long document's parts")
struct PartEdgeRejectionTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    /// 400 sentences; every sentence but the last of each part is plain, the last of a part (64, 128…)
    /// and the first of the next (65, 129…) hold `sagte`.
    static let corpus: SegmentedCorpus = {
        let text = (1...400).map { number in
            number % 64 == 0 || number % 64 == 1 && number > 1
                ? "Satz \(number) sagte Anna, es sei gut am Ort \(number) heute." : "Satz \(number) ist ruhig am Ort \(number) heute."
        }.joined(separator: " ")
        return SegmentedCorpus(Corpus(documents: [Document(id: "long", rawText: text)], paths: ["test"]))
    }()

    static func shell(at path: String) throws -> AnnotationShell {
        let store = try SessionStore(path: path, now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { ContextSource() })
    }

    @Test("x in sentence 64 (a part's last), on into 65 and back: 64 has no pending proposal; reopened, the same")
    func rejectionAtAPartEdgeHolds() throws {
        #expect(Self.corpus.documents[0].sentences.count == 400)
        let folder = TestScratch.path("part-edge-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(at: folder + "/s.json")
        let at64 = shell.handle("goto 64")
        #expect(Self.text(at64).contains("a) "), "\(Self.text(at64))")
        let rejected = shell.handle("x")
        #expect(!rejected.rejected, "\(Self.text(rejected))")
        let at65 = shell.handle("n")
        #expect(Self.text(at65).contains("a) "), "sentence 65 has its own proposal: \(Self.text(at65))")
        _ = shell.handle("p")
        #expect(shell.pendingProposals().isEmpty, "the rejected proposal came back")
        // ns from sentence 63 passes 64 and stops at 65.
        _ = shell.handle("goto 63")
        _ = shell.handle("ns")
        #expect(shell.sentenceIndex == 64)
        try shell.store.close()

        // Reopened (a fresh cache): the next part first, then back to the edge.
        var reopened = try Self.shell(at: folder + "/s.json")
        _ = reopened.handle("goto 70")
        _ = reopened.handle("goto 64")
        #expect(reopened.pendingProposals().isEmpty, "the rejected proposal came back after reopening")
        _ = reopened.handle("goto 128")
        #expect(!reopened.pendingProposals().isEmpty, "the next part's edge still has its proposal")
        try reopened.store.close()
    }
}
