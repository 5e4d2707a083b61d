@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// The shell's text of a span (proposal lines, the names of proposed speakers) finds the sentences
/// a segment overlaps with the one sentence lookup; it reads the same as the walk over every sentence
/// it replaced, for every segment of a small document with gaps, umlauts, an emoji and a combining mark.
@Suite("Span text through the one sentence lookup")
struct SpanTextLookupTests {
    static let text = "Müller sagte 👩\u{200D}👩\u{200D}👧 ja.  Sie meinte q\u{303} nein. Öl fließt."

    /// The walk over every sentence, as the shell did it before.
    static func walked(_ segment: SpanSegment, in document: SegmentedDocument) -> String {
        var text = String.UnicodeScalarView()
        for sentence in document.sentences where sentence.start < segment.end && sentence.end > segment.start {
            let scalars = Array(sentence.text.unicodeScalars)
            let from = max(segment.start, sentence.start) - sentence.start, to = min(segment.end, sentence.end) - sentence.start
            if !text.isEmpty { text.append(" ") }
            text.append(contentsOf: scalars[from..<to])
        }
        return String(text)
    }

    @Test("every segment of the document reads as the walk over every sentence read it")
    func sameAsTheWalk() throws {
        let folder = TestScratch.path("span-text-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: Self.text)], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        let shell = AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { FixedSpeakerSource(speakers: [:]) })
        let document = corpus.documents[0]
        let count = Self.text.unicodeScalars.count
        #expect(document.sentences.count == 3)
        for start in 0...count {
            for end in start...count {
                let segment = SpanSegment(start: start, end: end)
                #expect(shell.spanText([segment]) == Self.walked(segment, in: document), "\(start)..<\(end)")
            }
        }
        // Across the gap of two spaces: the sentences' pieces joined by one space.
        let first = document.sentences[0], second = document.sentences[1]
        #expect(shell.spanText([SpanSegment(start: first.end - 3, end: second.start + 3)]) == "ja. Sie")
        try shell.store.close()
    }
}
