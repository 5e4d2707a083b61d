@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// Proposals from a fixed rule: a quote in „…“ followed by ", sagte NAME" (or ", so NAME"), and
/// "A und B forderten X" with two speakers. Enough to drive the shell's suggestion flow without
/// depending on the engine's rules.
struct QuoteThenSaidSource: ProposalSource {
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        var found: [AttributionSuggestion] = []
        for sentence in document.sentences {
            let scalars = Array(sentence.text.unicodeScalars)
            func find(_ text: String, from: Int = 0) -> Range<Int>? {
                let needle = Array(text.unicodeScalars)
                guard needle.count <= scalars.count else { return nil }
                for start in from...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                    return start..<start + needle.count
                }
                return nil
            }
            func segment(_ range: Range<Int>) -> [SpanSegment] {
                [SpanSegment(start: sentence.start + range.lowerBound, end: sentence.start + range.upperBound)]
            }
            if let open = find("„"), let close = find("“", from: open.upperBound), let said = find(", sagte ", from: close.upperBound) {
                let nameEnd = find(".", from: said.upperBound)?.lowerBound ?? scalars.count
                found.append(AttributionSuggestion(
                    documentID: document.document.id, sentence: sentence.index, speakers: [segment(said.upperBound..<nameEnd)],
                    cue: segment(said.lowerBound + 2..<said.upperBound - 1), claim: segment(open.upperBound..<close.lowerBound),
                    form: .direct, confidence: 0.82, rule: "test.quote-then-said"))
            }
            if let und = find(" und "), let verb = find(" forderten ", from: und.upperBound) {
                let end = find(".", from: verb.upperBound)?.lowerBound ?? scalars.count
                found.append(AttributionSuggestion(
                    documentID: document.document.id, sentence: sentence.index, speakers: [segment(0..<und.lowerBound), segment(und.upperBound..<verb.lowerBound)],
                    cue: segment(verb.lowerBound + 1..<verb.upperBound - 1), claim: segment(verb.upperBound..<end),
                    form: .reported, confidence: 0.45, rule: "test.pair-demanded"))
            }
        }
        return found
    }
}

/// A shell on a scratch session over a small German corpus (umlauts, „“, emoji, a combining mark).
struct SuggestionShellFixture {
    static let document = Document(
        id: "d1",
        rawText: "Der Tag begann ruhig. „Die Lage ist ernst 🇪🇺“, sagte Ulrich Müller. Frankreich und Südkorea forderten Zurückhaltung. Ein Café mit Cafe\u{301} blieb offen.")
    static let second = Document(id: "d2", rawText: "Nichts geschah. „Wir bleiben“, sagte Anna Çelik.")
    static var corpus: SegmentedCorpus { SegmentedCorpus(Corpus(documents: [document, second], paths: ["test"])) }

    let folder: String
    var path: String { folder + "/s.json" }

    init() throws {
        folder = TestScratch.path("suggest-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// A shell on a fresh session whose proposals come from `source`.
    func shell(source: any ProposalSource = QuoteThenSaidSource()) throws -> AnnotationShell {
        let corpus = Self.corpus
        let store = try SessionStore(path: path, now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache { source })
    }
}

@Suite("REPL suggestions in the shell")
struct SuggestionShellTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    @Test("proposals are listed under the sentence, lettered and dimmed, and are not annotations")
    func listing() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        let shown = Self.text(shell.handle("goto 2"))
        #expect(shown.contains("a) [S? Ulrich Müller] <sagte> {Die Lage ist ernst 🇪🇺}  direct 0.82 · test.quote-then-said"), "\(shown)")
        let line = try #require(shell.handle("show").lines.last)
        #expect(line.runs.allSatisfy { $0.style == .dim })
        #expect(shell.state.claims.isEmpty && shell.state.speakers.isEmpty)
        // A known speaker shows its id.
        _ = shell.handle("speaker \"Ulrich Müller\"")
        _ = shell.handle("undo")
        _ = shell.handle("goto 1")
        _ = shell.handle("speaker \"Der Tag\" = Ulrich Müller")
        // (S1 was undone; ids are never reused.)
        let known = Self.text(shell.handle("goto 2"))
        #expect(known.contains("a) [S2 Ulrich Müller]"), "\(known)")
        try shell.store.close()
    }

    @Test("y accepts the first proposal as speaker, mention, cue and claim with its origin; one undo takes all back")
    func acceptAndUndo() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        let response = shell.handle("y")
        #expect(!response.rejected, "\(Self.text(response))")
        let claim = try #require(shell.state.claims["C1"])
        #expect(claim.anchor.text == "Die Lage ist ernst 🇪🇺")
        #expect(claim.form == "direct" && claim.speaker == "S1" && claim.mention == "M1" && claim.cue == "Q1")
        #expect(claim.origin == Origin(kind: .suggested, rule: "test.quote-then-said"))
        #expect(shell.state.speakers["S1"]?.name == "Ulrich Müller")
        #expect(shell.state.mentions["M1"]?.origin?.rule == "test.quote-then-said")
        #expect(shell.state.cues["Q1"]?.anchor.text == "sagte")
        // Accepted: no longer pending.
        #expect(shell.pendingProposals().isEmpty)
        let undone = shell.handle("undo")
        #expect(Self.text(undone).hasPrefix("undone: C1 (claim), Q1 (cue), M1 (mention), S1 (speaker)"), "\(Self.text(undone))")
        #expect(shell.state.recordCount == 0)
        #expect(shell.pendingProposals().count == 1)
        _ = shell.handle("redo")
        #expect(shell.state.claims["C1"] != nil && shell.state.speakers["S1"] != nil)
        try shell.store.close()
    }

    @Test("after reopening, one undo still takes back the speaker, mention, cue and claim of an accept")
    func undoAfterReopening() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        _ = shell.handle("y")
        #expect(shell.state.recordCount == 4)
        try shell.store.close()
        var reopened = try fixture.shell()
        let undone = reopened.handle("undo")
        #expect(Self.text(undone).hasPrefix("undone: C1 (claim), Q1 (cue), M1 (mention), S1 (speaker)"), "\(Self.text(undone))")
        #expect(reopened.state.recordCount == 0)
        try reopened.store.close()
    }

    @Test("an accepted speaker links to a known speaker by name or alias instead of making a new one")
    func linksKnownSpeaker() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 1")
        _ = shell.handle("speaker \"Der Tag\" = Ulrich Müller")
        _ = shell.handle("goto 2")
        _ = shell.handle("y")
        #expect(shell.state.speakers.count == 1)
        #expect(shell.state.claims["C1"]?.speaker == "S1")
        try shell.store.close()
    }

    @Test("y b, accept b by, form and claim adjust before accepting; two speakers give one claim by both")
    func adjustments() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 3")
        let shown = Self.text(shell.handle("show"))
        #expect(shown.contains("a) [S? Frankreich] [S? Südkorea] <forderten> {Zurückhaltung}  reported 0.45"), "\(shown)")
        let pair = shell.handle("y a")
        #expect(!pair.rejected, "\(Self.text(pair))")
        #expect(shell.state.claims.count == 1 && shell.state.speakers.count == 2)
        #expect(shell.state.claims.values.first?.speakers == ["S1", "S2"] && shell.state.claims.values.first?.mentions.count == 2)
        #expect(Set(shell.state.claims.values.compactMap(\.cue)) == ["Q1"])
        _ = shell.handle("undo")
        #expect(shell.state.recordCount == 0)
        _ = shell.handle("goto 1")
        _ = shell.handle("speaker \"Der Tag\" = Hans Haß")
        _ = shell.handle("goto 3")
        let adjusted = shell.handle("accept a by Hans Haß form indirect claim 4-5")
        #expect(!adjusted.rejected, "\(Self.text(adjusted))")
        let claims = AnnotationState.sortedByID(shell.state.claims)
        #expect(claims.count == 1)
        #expect(claims.first?.speaker == "S3" && claims.first?.form == "indirect")
        #expect(shell.state.speakers.count == 1)
        #expect(claims.first?.anchor.text == "forderten Zurückhaltung")
        try shell.store.close()
    }

    @Test("x rejects, the proposal stays away after reopening, undo brings it back; xx and aa act on all")
    func rejectAndReopen() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        let rejected = shell.handle("x")
        #expect(!rejected.rejected && Self.text(rejected).contains("rejected 1 proposal (X1"), "\(Self.text(rejected))")
        #expect(shell.state.rejections["X1"]?.rule == "test.quote-then-said")
        #expect(shell.pendingProposals().isEmpty)
        try shell.store.close()
        var reopened = try fixture.shell()
        #expect(reopened.sentenceIndex == 1)
        #expect(reopened.pendingProposals().isEmpty)
        _ = reopened.handle("undo")
        #expect(reopened.pendingProposals().count == 1)
        _ = reopened.handle("xx")
        #expect(reopened.pendingProposals().isEmpty)
        _ = reopened.handle("undo")
        let all = reopened.handle("aa")
        #expect(!all.rejected, "\(Self.text(all))")
        #expect(reopened.state.claims.count == 1)
        try reopened.store.close()
    }

    @Test("ns goes to the next sentence with pending proposals, across documents")
    func nextWithProposals() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("ns")
        #expect(shell.sentenceIndex == 1)
        _ = shell.handle("ns")
        #expect(shell.sentenceIndex == 2)
        _ = shell.handle("xx")
        _ = shell.handle("ns")
        #expect(shell.documentIndex == 1 && shell.sentenceIndex == 1)
        try shell.store.close()
    }

    @Test("suggest off hides proposals and is kept with the session")
    func suggestOff() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        _ = shell.handle("suggest off")
        #expect(shell.pendingProposals().isEmpty)
        #expect(!Self.text(shell.handle("show")).contains("a)"))
        try shell.store.close()
        var reopened = try fixture.shell()
        #expect(reopened.store.session.settings.suggest == false)
        #expect(Self.text(reopened.handle("status")).contains("suggestions off ('suggest off|on'); 0 proposal(s) rejected"))
        #expect(Self.text(reopened.handle("y")).contains("suggestions are off; turn them on with: suggest on"))
        _ = reopened.handle("suggest on")
        #expect(reopened.pendingProposals().count == 1)
        try reopened.store.close()
    }

    @Test("bad input: y without proposals, y z, accept a by S99, a letter alone, accept all with adjustments")
    func badInput() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        let none = shell.handle("y")
        #expect(none.rejected && Self.text(none).contains("this sentence has no pending proposals to accept; 'ns' goes to the next sentence with proposals"))
        // 'aa' and 'xx' on a sentence without proposals are no mistakes (scripts send them everywhere).
        let quietAll = shell.handle("aa")
        #expect(!quietAll.rejected && Self.text(quietAll).contains("no pending proposals in this sentence; nothing to accept"))
        #expect(!shell.handle("xx").rejected)
        _ = shell.handle("goto 2")
        let letter = shell.handle("y z")
        #expect(letter.rejected && Self.text(letter).contains("there is no proposal z here; this sentence has proposal a"), "\(Self.text(letter))")
        let speaker = shell.handle("accept a by S99")
        #expect(speaker.rejected && Self.text(speaker).contains("there is no speaker S99"), "\(Self.text(speaker))")
        let alone = shell.handle("a")
        #expect(alone.rejected && Self.text(alone).contains("to accept proposal a type: y a"), "\(Self.text(alone))")
        let word = shell.handle("y 2")
        #expect(word.rejected && Self.text(word).contains("is not a proposal letter"))
        // Two letters are the letters of the 27th proposal on: bb is the 54th, and this sentence has one.
        let twoLetters = shell.handle("y bb")
        #expect(twoLetters.rejected && Self.text(twoLetters).contains("there is no proposal bb here; this sentence has proposal a"))
        let all = shell.handle("accept all by S1")
        #expect(all.rejected && Self.text(all).contains("'accept all' takes no adjustments"))
        let form = shell.handle("accept a form shouted")
        #expect(form.rejected && Self.text(form).contains("is not a claim form"))
        let suggest = shell.handle("suggest maybe")
        #expect(suggest.rejected && Self.text(suggest).contains("usage: suggest off|on"))
        // Nothing was made by the refused commands, and no id was used up: the first accept makes M1 and C1.
        #expect(shell.state.recordCount == 0)
        let accepted = shell.handle("y a")
        #expect(!accepted.rejected && Self.text(accepted).contains("M1 ") && Self.text(accepted).contains("C1 claim"), "\(Self.text(accepted))")
        _ = shell.handle("undo")
        // The letter n stays the alias of next.
        _ = shell.handle("n")
        #expect(shell.sentenceIndex == 2)
        try shell.store.close()
    }
}

@Suite("Suggestion outcomes per rule in stats")
struct SuggestionStatsTests {
    @Test("stats counts accepted, rejected and corrected proposals per rule; undone ones do not count")
    func outcomes() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        _ = shell.handle("y")              // test.quote-then-said: C1
        _ = shell.handle("goto 3")
        _ = shell.handle("y")              // test.pair-demanded: C2, by both speakers
        _ = shell.handle("delete M3")      // C2 loses the second speaker's mention: corrected
        _ = shell.handle("goto 2:2")
        _ = shell.handle("x")              // test.quote-then-said rejected
        _ = shell.handle("goto 2:2")
        _ = shell.handle("suggest on")
        let file = shell.store.session.file
        let stats = try SessionStats(file: file)
        #expect(stats.suggestions["test.quote-then-said"] == SuggestionOutcome(accepted: 1, rejected: 1, corrected: 0))
        #expect(stats.suggestions["test.pair-demanded"] == SuggestionOutcome(accepted: 1, rejected: 0, corrected: 1))
        _ = shell.handle("undo")           // the rejection
        _ = shell.handle("undo")           // the deletion
        let after = try SessionStats(file: shell.store.session.file)
        #expect(after.suggestions["test.quote-then-said"] == SuggestionOutcome(accepted: 1, rejected: 0, corrected: 0))
        #expect(after.suggestions["test.pair-demanded"] == SuggestionOutcome(accepted: 1, rejected: 0, corrected: 0))
        #expect(after.suggestions["test.pair-demanded"]?.correctionRate == 0)
        try shell.store.close()
    }
}

/// Fixed proposals for sentence 2 of the fixture's first document: a good one, one whose claim
/// overlaps it, and one whose speaker span runs over a sentence end (cannot be anchored).
struct AwkwardSource: ProposalSource {
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        guard document.document.id == "d1" else { return [] }
        let scalars = Array(document.document.text.unicodeScalars)
        func span(_ text: String) -> [SpanSegment] {
            let needle = Array(text.unicodeScalars)
            for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                return [SpanSegment(start: start, end: start + needle.count)]
            }
            return []
        }
        return [
            AttributionSuggestion(documentID: "d1", sentence: 1, speakers: [span("Ulrich Müller")], cue: span("sagte"), claim: span("Die Lage ist ernst"), form: .direct, confidence: 0.9, rule: "good"),
            AttributionSuggestion(documentID: "d1", sentence: 1, speakers: [], cue: [], claim: span("Lage ist"), form: .reported, confidence: 0.2, rule: "overlapping"),
            AttributionSuggestion(documentID: "d1", sentence: 1, speakers: [span("Müller. Frankreich")], cue: [], claim: span("🇪🇺“"), form: .mixed, confidence: 0.1, rule: "crossing"),
        ]
    }
}

@Suite("accept all with awkward proposals")
struct AcceptAllPartialTests {
    @Test("aa skips a proposal overlapping one just accepted, reports one that cannot be anchored, and is one undo")
    func partial() throws {
        var shell = try SuggestionShellFixture().shell(source: AwkwardSource())
        _ = shell.handle("goto 2")
        #expect(shell.pendingProposals().count == 3)
        let response = shell.handle("aa")
        let text = SuggestionShellTests.text(response)
        #expect(!response.rejected, "\(text)")
        #expect(text.contains("accepted a): "))
        #expect(text.contains("skipped b): its claim overlaps one just accepted"))
        #expect(text.contains("could not accept c): "), "\(text)")
        #expect(shell.state.claims.count == 1 && shell.state.claims["C1"]?.origin?.rule == "good")
        _ = shell.handle("undo")
        #expect(shell.state.recordCount == 0)
        #expect(shell.state.redoStack.count == 4)
        try shell.store.close()
    }
}

@Suite("proposal letters stay with their proposals")
struct ProposalLetterTests {
    /// Before, rejecting a re-lettered the rest: the list read "b) … overlapping", but after `x a` the
    /// same proposal was a), and `y b` took the next one (here: one that cannot be anchored).
    @Test("after x a the others keep b) and c); y b accepts the proposal shown as b); a decided letter is named as such")
    func stableLetters() throws {
        var shell = try SuggestionShellFixture().shell(source: AwkwardSource())
        _ = shell.handle("goto 2")
        let rejected = SuggestionShellTests.text(shell.handle("x a"))
        #expect(!rejected.contains("   a) "), "\(rejected)")
        #expect(rejected.contains("   b) ") && rejected.contains("overlapping"), "\(rejected)")
        #expect(rejected.contains("   c) ") && rejected.contains("crossing"), "\(rejected)")
        let again = shell.handle("y a")
        #expect(again.rejected)
        #expect(SuggestionShellTests.text(again).contains("proposal a is no longer pending"), "\(SuggestionShellTests.text(again))")
        let accepted = shell.handle("y b")
        #expect(!accepted.rejected, "\(SuggestionShellTests.text(accepted))")
        #expect(SuggestionShellTests.text(accepted).contains("accepted b): "))
        #expect(shell.state.claims.values.map { $0.origin?.rule } == ["overlapping"])
        #expect(shell.letteredProposals().map(\.letter) == ["c"])
        let unknown = SuggestionShellTests.text(shell.handle("x d"))
        #expect(unknown.contains("there is no proposal d here; this sentence has proposal c"), "\(unknown)")
        try shell.store.close()
    }
}

@Suite("quoted arguments next to marks and joiners")
struct QuotedArgumentMarkTests {
    /// Read by grapheme clusters, a quote glued to the mark after it was no quote: "quote not closed".
    @Test("note with a ZWJ after the closing quote, a combining mark after the opening one, an emoji sequence inside")
    func notes() throws {
        var shell = try SuggestionShellFixture().shell()
        for line in ["note \"abc\"\u{200D}", "note \"\u{301}abc\"", "note \"👩‍👩‍👧\"\u{FE0F} x", "note „e\u{301}“"] {
            let response = shell.handle(line)
            #expect(!response.rejected, "\(line.unicodeScalars.map { String($0.value, radix: 16) }): \(SuggestionShellTests.text(response))")
        }
        let notes = shell.state.notes.values.sorted { $0.id < $1.id }.map(\.text)
        #expect(notes == ["\"abc\"\u{200D}", "\u{301}abc", "\"👩‍👩‍👧\"\u{FE0F} x", "e\u{301}"], "\(notes)")
        try shell.store.close()
    }
}

@Suite("completion of the suggestion commands")
struct SuggestionCompletionTests {
    @Test("TAB completes the new commands and their keywords; letters never complete to commands")
    func completion() {
        let provider = CompletionProvider()
        #expect(provider.candidates(line: "sugg", cursor: 4) == ["suggest"])
        #expect(provider.candidates(line: "suggest o", cursor: 9) == ["on", "off"])
        #expect(provider.candidates(line: "accept b f", cursor: 10) == ["form"])
        #expect(provider.candidates(line: "y b c", cursor: 5) == ["claim"])
        #expect(provider.candidates(line: "reject a", cursor: 8) == ["all"])
        #expect(provider.candidates(line: "accept b form ind", cursor: 17) == ["indirect"])
        #expect(CommandCatalog.spec(for: "y")?.name == "accept" && CommandCatalog.spec(for: "x")?.name == "reject")
        #expect(CommandCatalog.spec(for: "b") == nil && CommandCatalog.spec(for: "c") == nil)
        #expect(CommandCatalog.spec(for: "n")?.name == "next" && CommandCatalog.spec(for: "d")?.name == "done")
        #expect(Set(CommandCatalog.allWords).count == CommandCatalog.allWords.count, "no name or alias is used twice")
    }
}
