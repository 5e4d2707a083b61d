@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// Proposals at fixed words: for each sentence holding `sagte`, the speaker is the words `speakers`
/// gives for it (wrong on purpose), the cue „sagte“ and the claim everything after the comma that
/// follows it.
struct FixedSpeakerSource: ProposalSource {
    /// The proposed speaker's words per sentence index.
    let speakers: [Int: String]

    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        document.sentences.compactMap { sentence in
            let scalars = Array(sentence.text.unicodeScalars)
            func find(_ text: String) -> Range<Int>? {
                let needle = Array(text.unicodeScalars)
                guard needle.count <= scalars.count else { return nil }
                for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                    return start..<start + needle.count
                }
                return nil
            }
            func segment(_ range: Range<Int>) -> [SpanSegment] {
                [SpanSegment(start: sentence.start + range.lowerBound, end: sentence.start + range.upperBound)]
            }
            guard let words = speakers[sentence.index], let speaker = find(words), let cue = find("sagte"), let comma = find(", ") else { return nil }
            return AttributionSuggestion(
                documentID: document.document.id, sentence: sentence.index, speakers: [segment(speaker)], cue: segment(cue),
                claim: segment(comma.upperBound..<scalars.count - 1), form: .indirect, confidence: 0.6, rule: "test.fixed-speaker")
        }
    }
}

/// `accept … by NAME` with a known speaker: the claim's mention of them is where the sentence names
/// them, never at the proposed speaker's words when those name someone else (`y by Roth` made
/// „Anna Çelik“ a mention of Roth); a sentence that does not name them gets no mention, and says so.
@Suite("REPL accept with 'by' a known speaker: the mention where the sentence names them")
struct AcceptKnownSpeakerTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    static let text = [
        "Peter Roth kam gestern aus Washington an, Anna Çelik auch.",
        "Anna Çelik zufolge sagte Peter Roth, die Lage sei ernst.",
        "Er sagte, alles sei gut.",
        "Die Regierung sagte, man warte ab.",
        "Nach Angaben Washingtons sagte Anna Çelik, es werde verhandelt.",
        "Der Außenminister sagte, man rede weiter.",
    ].joined(separator: " ")

    /// A shell whose proposals name the wrong words as speaker (sentence 2: „Anna Çelik“, 3: „Er“,
    /// 4: „Die Regierung“, 5: „Anna Çelik“, 6: „Der Außenminister“), with Peter Roth (S1, person),
    /// Anna Çelik (S2, person) and Washington (S3, institution) known.
    static func shell(in folder: String) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: Self.text)], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        var shell = AnnotationShell(
            store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 1_767_258_000)), annotator: "tester",
            proposals: ProposalCache {
                FixedSpeakerSource(speakers: [1: "Anna Çelik", 2: "Er", 3: "Die Regierung", 4: "Anna Çelik", 5: "Der Außenminister"])
            })
        for command in ["speaker \"Peter Roth\"", "speaker \"Anna Çelik\"", "speaker Washington = Washington kind institution"] {
            let answer = shell.handle(command)
            #expect(!answer.rejected, "\(Self.text(answer))")
        }
        #expect(shell.state.speakers.values.map(\.name).sorted() == ["Anna Çelik", "Peter Roth", "Washington"])
        return shell
    }

    static func folder() throws -> String {
        let folder = TestScratch.path("accept-known-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The claim's speakers and the words of its mentions.
    static func claim(_ shell: AnnotationShell, _ id: String) -> (speakers: [String], mentions: [String]) {
        let claim = shell.state.claims[id]
        return (claim?.speakers ?? [], (claim?.mentions ?? []).compactMap { shell.state.mentions[$0]?.anchor.text })
    }

    /// The mentions of `speaker`'s, by their words.
    static func mentions(_ shell: AnnotationShell, of speaker: String) -> [String] {
        shell.state.mentions.values.filter { $0.speaker == speaker }.map(\.anchor.text).sorted()
    }

    @Test("y by Roth, by S1, by Peter Roth: the mention at „Peter Roth“, where the sentence names him, not at the proposed „Anna Çelik“")
    func mentionWhereTheSentenceNamesThem() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("goto 2")
        for typed in ["y by Roth", "y by S1", "y by Peter Roth", "yd by Roth"] {
            let answer = shell.handle(typed)
            #expect(!answer.rejected, "\(typed): \(Self.text(answer))")
            let claim = AnnotationState.sortedByID(shell.state.claims).last
            #expect(claim?.speakers == ["S1"], "\(typed)")
            #expect(claim.map { Self.claim(shell, $0.id).mentions } == ["Peter Roth"], "\(typed): \(Self.text(answer))")
            #expect(Self.mentions(shell, of: "S1") == ["Peter Roth", "Peter Roth"], "\(typed): no mention of Roth at „Anna Çelik“")
            #expect(!Self.text(answer).contains("not named"), "\(typed): \(Self.text(answer))")
            _ = shell.handle("undo")
            #expect(shell.sentenceIndex == 1)
        }
        try shell.store.close()
    }

    @Test("a mention of the speaker already in the sentence is the claim's; a genitive „Washingtons“ names Washington")
    func existingMentionAndGenitive() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("goto 2")
        let tagged = shell.handle("speaker 5-6")
        #expect(!tagged.rejected, "\(Self.text(tagged))")
        let mentions = shell.state.mentions.count
        let answer = shell.handle("y by S1")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.mentions.count == mentions, "no new mention: \(Self.text(answer))")
        #expect(Self.claim(shell, "C1").mentions == ["Peter Roth"])
        _ = shell.handle("goto 5")
        let genitive = shell.handle("y by Washington")
        #expect(!genitive.rejected, "\(Self.text(genitive))")
        #expect(Self.claim(shell, "C2").speakers == ["S3"] && Self.claim(shell, "C2").mentions == ["Washingtons"], "\(Self.text(genitive))")
        #expect(Self.mentions(shell, of: "S3") == ["Washington", "Washingtons"])
        try shell.store.close()
    }

    @Test("a pronoun or a description of their kind at the proposed words is their mention: „Er“ of Anna Çelik, „Der Außenminister“ of Roth")
    func pronounAndDescription() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("goto 3")
        let pronoun = shell.handle("y by S2")
        #expect(!pronoun.rejected, "\(Self.text(pronoun))")
        #expect(Self.claim(shell, "C1").speakers == ["S2"] && Self.claim(shell, "C1").mentions == ["Er"], "\(Self.text(pronoun))")
        _ = shell.handle("goto 6")
        let description = shell.handle("y by Roth")
        #expect(!description.rejected, "\(Self.text(description))")
        #expect(Self.claim(shell, "C2").mentions == ["Der Außenminister"], "\(Self.text(description))")
        try shell.store.close()
    }

    @Test("a sentence that does not name them: the claim is theirs without a mention here, and the answer says so and how to add one")
    func notNamedInTheSentence() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        _ = shell.handle("goto 4")
        let mentions = shell.state.mentions.count
        let answer = shell.handle("y by Roth")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(Self.claim(shell, "C1").speakers == ["S1"] && Self.claim(shell, "C1").mentions.isEmpty)
        #expect(shell.state.mentions.count == mentions, "„Die Regierung“ is not made a mention of Roth")
        #expect(
            Self.text(answer).contains(
                "S1 Peter Roth is not named in this sentence, so C1 has no mention of S1 here (if words here mean S1: speaker SPAN = S1, then edit C1 by M…)"),
            "\(Self.text(answer))")
        // What the answer says works: the words made a mention of S1, then the claim cites it.
        _ = shell.handle("speaker 1-2 = S1")
        let edited = shell.handle("edit C1 by M4")
        #expect(!edited.rejected, "\(Self.text(edited))")
        #expect(Self.claim(shell, "C1").speakers == ["S1"] && Self.claim(shell, "C1").mentions == ["Die Regierung"])
        try shell.store.close()
    }
}
