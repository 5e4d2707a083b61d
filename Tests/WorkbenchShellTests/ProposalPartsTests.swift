@testable import Annotations
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import WorkbenchShell

/// A proposal source that proposes, for every sentence holding `sagte`, the words after its comma as
/// the claim, and counts the sentences of each document it is asked about.
final class CountingSource: ProposalSource {
    /// The sentence counts of the documents asked about, in order.
    let asked = Mutex<[Int]>([])

    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        asked.withLock { $0.append(document.sentences.count) }
        return document.sentences.enumerated().compactMap { place, sentence -> AttributionSuggestion? in
            let scalars = Array(sentence.text.unicodeScalars)
            func find(_ text: String) -> Int? {
                let needle = Array(text.unicodeScalars)
                guard needle.count <= scalars.count else { return nil }
                return (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }
            }
            guard let cue = find("sagte"), let comma = find(", ") else { return nil }
            func segment(_ from: Int, _ to: Int) -> [SpanSegment] { [SpanSegment(start: sentence.start + from, end: sentence.start + to)] }
            return AttributionSuggestion(
                documentID: document.document.id, sentence: place, speakers: [segment(cue + 6, comma)], cue: segment(cue, cue + 5),
                claim: segment(comma + 2, scalars.count - 1), form: .indirect, confidence: 0.6, rule: "test.counting")
        }
    }
}

/// The first view of a very long document needs only the proposals of what it shows: a document is
/// run through the engine in parts, and only the part of the sentence on screen is computed.
@Suite("Proposals of a long document come part by part")
struct ProposalPartsTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    /// A shell on one document of `count` sentences, each "Satz N sagte Anna, es sei gut am Ort N heute." on one line.
    static func shell(in folder: String, sentences count: Int, source: CountingSource) throws -> AnnotationShell {
        let text = (1...count).map { "Satz \($0) sagte Anna, es sei gut am Ort \($0) heute." }.joined(separator: " ")
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "long", rawText: text)], paths: ["test"]))
        #expect(corpus.documents[0].sentences.count == count)
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { source })
    }

    @Test("the first view of a 5 000-sentence line asks the engine about one part (at most 88 sentences), not the whole document")
    func firstViewNeedsOnePart() throws {
        let folder = TestScratch.path("proposal-parts-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = CountingSource()
        var shell = try Self.shell(in: folder, sentences: 5_000, source: source)
        let first = shell.view(tokens: false).map(\.plain).joined(separator: "\n")
        #expect(first.contains("a) ") && first.contains("{es sei gut am Ort 1 heute}"), "\(first)")
        #expect(source.asked.withLock { $0 } == [64 + ProposalCache.contextAfter], "only the first part and what follows it")
        // Sentence 70 lies in the second part: its proposal has the document's sentence number.
        let moved = shell.handle("goto 70")
        #expect(Self.text(moved).contains("{es sei gut am Ort 70 heute}"), "\(Self.text(moved))")
        #expect(source.asked.withLock { $0 }.allSatisfy { $0 <= ProposalCache.contextBefore + ProposalCache.partSentences + ProposalCache.contextAfter })
        let accepted = shell.handle("y")
        #expect(!accepted.rejected, "\(Self.text(accepted))")
        #expect(shell.state.claims["C1"]?.anchor.text == "es sei gut am Ort 70 heute")
        try shell.store.close()
    }

    @Test("a document of 300 sentences or fewer is run whole, as `workbench suggest` runs it")
    func shortDocumentWhole() throws {
        let folder = TestScratch.path("proposal-parts-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = CountingSource()
        var shell = try Self.shell(in: folder, sentences: 300, source: source)
        _ = shell.view(tokens: false)
        _ = shell.handle("goto 250")
        #expect(source.asked.withLock { $0 } == [300])
        try shell.store.close()
    }

    @Test("ns across a long document stops at Ctrl-C, saying where, and the cursor stays")
    func nsStopsAtInterrupt() throws {
        let folder = TestScratch.path("proposal-parts-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = CountingSource()
        var shell = try Self.shell(in: folder, sentences: 2_000, source: source)
        _ = shell.handle("xx")
        for _ in 0..<63 { _ = shell.handle("n"); _ = shell.handle("xx") }
        #expect(shell.sentenceIndex == 63)
        let asked = source.asked.withLock { $0.count }
        shell.interruptRequested = { true }
        let stopped = shell.handle("ns")
        #expect(stopped.rejected && Self.text(stopped).contains("ns stopped by Ctrl-C (at sentence 1:65"), "\(Self.text(stopped))")
        #expect(shell.sentenceIndex == 63 && source.asked.withLock { $0.count } == asked)
        shell.interruptRequested = { false }
        let found = shell.handle("ns")
        #expect(!found.rejected && shell.sentenceIndex == 64, "\(Self.text(found))")
        try shell.store.close()
    }
}
