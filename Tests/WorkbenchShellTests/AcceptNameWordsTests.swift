@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// A speaker or addressee typed by name after `accept` (`y by Seoul`, `y to Seoul`) where no known
/// speaker has that name: its words in the sentence match whole words, the last also with a genitive
/// -s (the mention is then the whole word, „Seouls“), never a part of a longer word: `y by Seoul`
/// made a mention „Seoul“ inside „Seouls“.
@Suite("REPL accept with 'by'/'to' a name: whole words, a genitive as the whole word")
struct AcceptNameWordsTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    static let text = "Nach Angaben Washingtons und Seouls sagte Anna Çelik, es werde in Südkorea verhandelt."

    /// A shell whose one proposal names „Anna Çelik“ as speaker; no speaker is known.
    static func shell(in folder: String) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: Self.text)], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { FixedSpeakerSource(speakers: [0: "Anna Çelik"]) })
    }

    static func folder() throws -> String {
        let folder = TestScratch.path("accept-name-words-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("y by Seoul: the mention is the whole word „Seouls“ (genitive), of a new speaker Seoul")
    func genitiveIsTheWholeWord() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let answer = shell.handle("y by Seoul")
        #expect(!answer.rejected, "\(Self.text(answer))")
        let claim = try #require(shell.state.claims["C1"])
        #expect(claim.mentions.compactMap { shell.state.mentions[$0]?.anchor.text } == ["Seouls"], "\(Self.text(answer))")
        #expect(claim.speakers.compactMap { shell.state.speakers[$0]?.name } == ["Seoul"], "\(Self.text(answer))")
        try shell.store.close()
    }

    @Test("y by Seo, y by Korea: a part of a longer word is no match; refused, naming the rule, nothing made")
    func partOfAWordIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        for typed in ["y by Seo", "y by Korea", "y to Seo"] {
            let answer = shell.handle(typed)
            #expect(answer.rejected, "\(typed): \(Self.text(answer))")
            #expect(Self.text(answer).contains("does not stand as a word in this sentence"), "\(typed): \(Self.text(answer))")
            #expect(shell.state.mentions.isEmpty && shell.state.claims.isEmpty, "\(typed)")
        }
        try shell.store.close()
    }

    @Test("y to Seoul: the addressee mention is „Seouls“; y to Washingtons stays the word as typed")
    func addresseeByName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let answer = shell.handle("y to Seoul")
        #expect(!answer.rejected, "\(Self.text(answer))")
        let claim = try #require(shell.state.claims["C1"])
        #expect(claim.addressees.compactMap { shell.state.mentions[$0]?.anchor.text } == ["Seouls"], "\(Self.text(answer))")
        _ = shell.handle("undo")
        let typed = shell.handle("y to Washingtons")
        #expect(!typed.rejected, "\(Self.text(typed))")
        let second = try #require(AnnotationState.sortedByID(shell.state.claims).last)
        #expect(second.addressees.compactMap { shell.state.mentions[$0]?.anchor.text } == ["Washingtons"], "\(Self.text(typed))")
        try shell.store.close()
    }

    /// The message of a name found only inside longer words, word for word as before it had its own case.
    static let partOfWordMessage = "„Seo“ does not stand as a word in this sentence (a name matches whole words,"
        + " the last also with a genitive -s: Seoul is „Seouls“, never part of a longer word); give token numbers (show -t) or quoted text"

    @Test("a name only inside longer words: its own error case, the message the user sees unchanged")
    func partOfAWordHasItsOwnCase() throws {
        #expect(CommandError.partOfLongerWord(typed: "Seo").description == Self.partOfWordMessage)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let answer = shell.handle("y by Seo")
        #expect(answer.rejected)
        #expect(Self.text(answer).contains(Self.partOfWordMessage), "\(Self.text(answer))")
        try shell.store.close()
    }

    @Test("y by a name nowhere in the sentence: the speaker's own error, not the part-of-a-word one")
    func nameNowhereTakesTheSpeakerBranch() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        for typed in ["y by Xaver", "y by \"does not stand as a word\""] {
            let answer = shell.handle(typed)
            #expect(answer.rejected, "\(typed): \(Self.text(answer))")
            #expect(!Self.text(answer).contains("never part of a longer word"), "\(typed): \(Self.text(answer))")
            #expect(shell.state.mentions.isEmpty && shell.state.claims.isEmpty, "\(typed)")
        }
        try shell.store.close()
    }
}
