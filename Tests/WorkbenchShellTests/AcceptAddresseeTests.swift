@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// `accept … to ADDRESSEE`: a proposal's addressee changed while accepting it (`y b to 8`,
/// `yd to Seoul`, `yx b to M4`, `y to none`), read as a claim's `to` list is, and `yd`/`yx` choosing
/// their proposal once, as `accept` does.
@Suite("REPL accept with 'to': the addressee adjusted while accepting")
struct AcceptAddresseeTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    /// Tokens: Der(1) Minister(2) Kurt(3) Beck(4) warf(5) Washington(6) und(7) Seoul(8) vor(9) ,(10) die(11) …
    static let text = "Der Minister Kurt Beck warf Washington und Seoul vor, die Lage zu verschärfen. Danach war es still."

    /// A shell on `text` with one proposal: Kurt Beck, cue „warf … vor“, addressee Washington (none when
    /// `withAddressee` is false).
    static func shell(in folder: String, withAddressee: Bool = true) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: Self.text)], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { AccusedSource(withAddressee: withAddressee) })
    }

    static func folder() throws -> String {
        let folder = TestScratch.path("accept-to-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The texts of the claim's addressee mentions.
    static func addressees(_ shell: AnnotationShell, claim: String = "C1") -> [String] {
        (shell.state.claims[claim]?.addressees ?? []).compactMap { shell.state.mentions[$0]?.anchor.text }
    }

    @Test("y to 6,8 accepts with two addressees, each a new speaker's mention; one undo takes all of it back")
    func spansBecomeMentions() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let answer = shell.handle("y to 6,8")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(Self.addressees(shell) == ["Washington", "Seoul"])
        #expect(shell.state.speakers.values.map(\.name).sorted() == ["Kurt Beck", "Seoul", "Washington"])
        #expect(Self.text(answer).contains("C1 claim by S1 to M2,M3"), "\(Self.text(answer))")
        _ = shell.handle("undo")
        #expect(shell.state.recordCount == 0)
        try shell.store.close()
    }

    @Test("the addressee as words of the sentence: one word, several words (one span), a quoted text")
    func wordsAndQuotes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        #expect(!shell.handle("y to Seoul").rejected)
        #expect(Self.addressees(shell) == ["Seoul"])
        _ = shell.handle("undo")
        #expect(!shell.handle("y to Washington und Seoul").rejected)
        #expect(Self.addressees(shell, claim: "C2") == ["Washington und Seoul"])
        _ = shell.handle("undo")
        #expect(!shell.handle("y to \"Seoul\",Washington").rejected)
        #expect(Self.addressees(shell, claim: "C3") == ["Seoul", "Washington"])
        try shell.store.close()
    }

    @Test("y to M1 names a mention tagged before; a known speaker's name links, none made twice")
    func mentionByID() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("speaker Seoul")
        let answer = shell.handle("y to M1")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.claims["C1"]?.addressees == ["M1"])
        #expect(shell.state.speakers.count == 2, "Seoul and Kurt Beck; Washington, the proposal's addressee, was not made")
        try shell.store.close()
    }

    @Test("y to none accepts without the proposed addressee")
    func none() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        #expect(!shell.handle("y to none").rejected)
        #expect(shell.state.claims["C1"]?.addressees == [])
        #expect(shell.state.speakers.values.map(\.name) == ["Kurt Beck"])
        try shell.store.close()
    }

    @Test("a proposal without addressee gets one: yd to Washington accepts, marks done and moves on")
    func missingAddressee() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder, withAddressee: false)
        let answer = shell.handle("yd to Washington")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(Self.addressees(shell) == ["Washington"])
        #expect(shell.sentenceIndex == 1)
        _ = shell.handle("undo")
        let other = shell.handle("yx a to 8")
        #expect(!other.rejected, "\(Self.text(other))")
        #expect(Self.addressees(shell, claim: "C2") == ["Seoul"])
        try shell.store.close()
    }

    @Test("a bad 'to' is refused before anything is made, and says what 'to' takes")
    func refusals() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let empty = shell.handle("y to")
        #expect(empty.rejected && Self.text(empty).contains("'to' needs the addressee"), "\(Self.text(empty))")
        let unknown = shell.handle("y to M9")
        #expect(unknown.rejected && Self.text(unknown).contains("there is no mention M9"), "\(Self.text(unknown))")
        let twice = shell.handle("y to 8,8")
        #expect(twice.rejected && Self.text(twice).contains("named twice"), "\(Self.text(twice))")
        let outside = shell.handle("yd to 99")
        #expect(outside.rejected, "\(Self.text(outside))")
        let gap = shell.handle("y to 6,,8")
        #expect(gap.rejected && Self.text(gap).contains("separated by commas"), "\(Self.text(gap))")
        let givenTwice = shell.handle("y to 6 to 8")
        #expect(givenTwice.rejected && Self.text(givenTwice).contains("'to' is given twice"), "\(Self.text(givenTwice))")
        #expect(shell.store.session.eventCount == 0, "nothing made, no ids used")
        #expect(shell.state.nextID("S") == "S1")
        try shell.store.close()
    }

    @Test("yd and yx read their adjustments as themselves: a stray word names yd (it named accept)")
    func ownCommandInMessages() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        let yd = Self.text(shell.handle("yd a bogus"))
        #expect(yd.contains("unexpected 'bogus' in yd; expected one of: by, claim, form, to (see 'help yd')"), "\(yd)")
        let yx = Self.text(shell.handle("yx a bogus"))
        #expect(yx.contains("in yx;") && yx.contains("(see 'help yx')"), "\(yx)")
        let accept = Self.text(shell.handle("y a bogus"))
        #expect(accept.contains("in accept;"), "\(accept)")
        #expect(shell.store.session.eventCount == 0)
        try shell.store.close()
    }

    @Test("TAB after an accept's 'to' offers mention ids and words of the sentence, item by item")
    func completion() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("speaker Seoul")
        let provider = CompletionProvider(shell: shell)
        #expect(provider.candidates(line: "y to M", cursor: 6) == ["M1", "Minister"])
        #expect(provider.candidates(line: "yd to Wa", cursor: 8) == ["Washington"])
        #expect(provider.candidates(line: "yx a to Seoul,Wa", cursor: 16) == ["Seoul,Washington"])
        #expect(provider.candidates(line: "y t", cursor: 3) == ["to"])
        #expect(provider.candidates(line: "yd ", cursor: 3) == ["by", "to", "form", "claim"])
        try shell.store.close()
    }
}

/// `accept … by WORDS`: where no known speaker matches, words of the sentence name the speaker, made
/// as a proposed speaker is (the wrong-speaker proposal in one command: it needed `speaker …` first).
@Suite("REPL accept with 'by' words of the sentence")
struct AcceptSpeakerSpanTests {
    static func speakers(_ shell: AnnotationShell) -> [String] {
        (shell.state.claims["C1"]?.speakers ?? []).compactMap { shell.state.speakers[$0]?.name }
    }

    @Test("y by Seoul with no speaker known makes the speaker and its mention there; by 3-4 takes token numbers")
    func wordsBecomeTheSpeaker() throws {
        let folder = try AcceptAddresseeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try AcceptAddresseeTests.shell(in: folder)
        let answer = shell.handle("y by Seoul")
        #expect(!answer.rejected, "\(AcceptAddresseeTests.text(answer))")
        #expect(Self.speakers(shell) == ["Seoul"])
        let mention = shell.state.claims["C1"]?.mentions.first.flatMap { shell.state.mentions[$0] }
        #expect(mention?.anchor.text == "Seoul")
        #expect(AcceptAddresseeTests.addressees(shell) == ["Washington"], "the proposed addressee stays")
        _ = shell.handle("undo")
        #expect(shell.state.recordCount == 0)
        #expect(!shell.handle("yd by 3-4").rejected)
        #expect(shell.state.claims["C2"].map { $0.speakers.compactMap { shell.state.speakers[$0]?.name } } == ["Kurt Beck"])
        try shell.store.close()
    }

    @Test("a known speaker's name still links it; an id, a name nowhere in the sentence and an ambiguous one are refused as before")
    func knownAndRefused() throws {
        let folder = try AcceptAddresseeTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try AcceptAddresseeTests.shell(in: folder)
        _ = shell.handle("speaker Seoul")
        let linked = shell.handle("y by Seoul")
        #expect(!linked.rejected, "\(AcceptAddresseeTests.text(linked))")
        #expect(shell.state.claims["C1"]?.speakers == ["S1"])
        _ = shell.handle("undo")
        let unknownID = shell.handle("y by S9")
        #expect(unknownID.rejected && AcceptAddresseeTests.text(unknownID).contains("there is no speaker S9"))
        let nowhere = shell.handle("y by Nirgendwo")
        #expect(nowhere.rejected && AcceptAddresseeTests.text(nowhere).contains("no speaker matches 'Nirgendwo'"), "\(AcceptAddresseeTests.text(nowhere))")
        let twice = shell.handle("y by S1,Seoul")
        #expect(twice.rejected && AcceptAddresseeTests.text(twice).contains("named twice"))
        #expect(shell.state.claims.isEmpty)
        let provider = CompletionProvider(shell: shell)
        #expect(provider.candidates(line: "yd by Wa", cursor: 8) == ["Washington"])
        try shell.store.close()
    }
}

/// For "Der Minister Kurt Beck warf Washington und Seoul vor, die Lage zu verschärfen.": speaker
/// "Der Minister Kurt Beck", cue „warf … vor“, claim "die Lage zu verschärfen", addressee Washington.
private struct AccusedSource: ProposalSource {
    var withAddressee = true
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        [AttributionSuggestion(
            documentID: document.document.id, sentence: 0, speakers: [[SpanSegment(start: 0, end: 22)]],
            cue: [SpanSegment(start: 23, end: 27), SpanSegment(start: 49, end: 52)], claim: [SpanSegment(start: 54, end: 77)],
            addressee: withAddressee ? [SpanSegment(start: 28, end: 38)] : [], form: .indirect, confidence: 0.7, rule: "test.accused")]
    }
}
