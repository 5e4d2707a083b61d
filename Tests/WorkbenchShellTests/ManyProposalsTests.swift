@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// One proposal per word of a sentence of 30 words (claim: the word, no speaker, no cue), so the
/// sentence has more proposals than there are letters a–z.
struct ProposalPerWordSource: ProposalSource {
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        var found: [AttributionSuggestion] = []
        for sentence in document.sentences {
            var start = 0
            for word in sentence.text.split(separator: " ", omittingEmptySubsequences: false) {
                let length = word.unicodeScalars.count
                if word.first?.isLetter == true, word.hasPrefix("Wort") {
                    found.append(AttributionSuggestion(
                        documentID: document.document.id, sentence: sentence.index, speakers: [],
                        cue: [], claim: [SpanSegment(start: sentence.start + start, end: sentence.start + start + length)],
                        form: .reported, confidence: 0.5, rule: "test.word-\(word)"))
                }
                start += length + 1
            }
        }
        return found
    }
}

@Suite("letters for every proposal of a sentence")
struct ManyProposalsTests {
    static let words = (1...30).map { "Wort\($0)" }

    static func shell() throws -> AnnotationShell {
        let folder = TestScratch.path("many-proposals-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: words.joined(separator: " ") + " blieben.")], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { ProposalPerWordSource() })
    }

    @Test("letters count a…z, aa…az, ba…, and read back to the same place, upper case too")
    func lettersRoundTrip() {
        #expect((0..<30).map { ProposalLetter(place: $0).description }.suffix(5) == ["z", "aa", "ab", "ac", "ad"])
        #expect(ProposalLetter(place: 51).description == "az" && ProposalLetter(place: 52).description == "ba")
        #expect(ProposalLetter(place: 701).description == "zz" && ProposalLetter(place: 702).description == "aaa")
        for place in 0..<2000 {
            #expect(ProposalLetter(typed: ProposalLetter(place: place).description)?.place == place)
        }
        #expect(ProposalLetter(typed: "AB")?.place == 27)
        for bad in ["", "a1", "ä", "by-", "abcdefg"] { #expect(ProposalLetter(typed: bad) == nil, "\(bad)") }
    }

    /// Before, only the first 26 proposals were listed with a letter; the 27th and later were shown
    /// with none and could not be accepted or rejected by one (`y aa` was "not a proposal letter").
    @Test("the 27th and later proposals are listed as aa), ab)… and y ab, x ad, ab alone work as for single letters")
    func beyondZ() throws {
        var shell = try Self.shell()
        let listed = SuggestionShellTests.text(shell.handle("show"))
        #expect(listed.contains("   z) ") && listed.contains("   aa) ") && listed.contains("   ad) [no speaker] {Wort30}"), "\(listed)")
        #expect(shell.letteredProposals().map(\.letter).count == 30)
        let accepted = shell.handle("y ab")
        #expect(!accepted.rejected, "\(SuggestionShellTests.text(accepted))")
        #expect(SuggestionShellTests.text(accepted).contains("accepted ab): "))
        #expect(shell.state.claims.values.map(\.anchor.text) == ["Wort28"])
        #expect(SuggestionShellTests.text(shell.handle("x AD")).contains("rejected 1 proposal"))
        let again = SuggestionShellTests.text(shell.handle("y ad"))
        #expect(again.contains("proposal ad is no longer pending"), "\(again)")
        let alone = shell.handle("ac")
        #expect(alone.rejected && SuggestionShellTests.text(alone).contains("'ac' is not a command; to accept proposal ac type: y ac"))
        let unknown = SuggestionShellTests.text(shell.handle("y ae"))
        #expect(unknown.contains("there is no proposal ae here"), "\(unknown)")
        let all = shell.handle("aa")
        #expect(!all.rejected)
        #expect(SuggestionShellTests.text(all).contains("'aa' alone accepts all proposals; for proposal aa alone: undo, then y aa"))
        #expect(shell.state.claims.count == 29)
        _ = shell.handle("undo")
        #expect(SuggestionShellTests.text(shell.handle("y aa")).contains("accepted aa): "))
        #expect(shell.state.claims.values.map(\.anchor.text).sorted() == ["Wort27", "Wort28"])
        try shell.store.close()
    }
}
