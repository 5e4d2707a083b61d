@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// `claim SPAN` without `by` or `cue` in a sentence that holds several mentions or cues: the cue no
/// claim cites yet is linked (a cue typed just before its claim, beside one an earlier claim uses),
/// and when nothing can be linked the answer says so and how to name one (the claim was made
/// "· no speaker" without a cue and without a word on why).
@Suite("Claims typed by hand beside other annotations")
struct ClaimLinkingTests {
    static let text = "Nebenzia versicherte, alles sei gut, und warf Washington vor, zu lügen."

    static func shell(in folder: String) throws -> AnnotationShell {
        let corpus = SegmentedCorpus(Corpus(documents: [Document(id: "d", rawText: text)], paths: ["test"]))
        let store = try SessionStore(path: folder + "/s.json", now: "2026-01-01T09:00:00.000Z") { () throws(SessionError) -> Session in
            Session(annotator: "tester", corpus: CorpusReference(corpus), created: "2026-01-01T09:00:00.000Z")
        }
        return AnnotationShell(store: store, corpus: corpus, clock: EventClock(fakeStart: Date(timeIntervalSince1970: 0)), annotator: "tester")
    }

    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    @Test("the cue typed before the claim is linked; the speaker is not guessed among two mentions, and the answer says how to name one")
    func cueNoClaimCites() throws {
        let folder = TestScratch.path("claim-link-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try Self.shell(in: folder)
        for command in ["sp Nebenzia", "cu versicherte", "cl \"alles sei gut\"", "sp Washington", "cu warf,vor"] {
            let response = shell.handle(command)
            #expect(!response.rejected, "\(command): \(Self.text(response))")
        }
        let typed = shell.handle("cl \"zu lügen\"")
        let answer = Self.text(typed)
        #expect(!typed.rejected, "\(answer)")
        let claim = try #require(shell.state.claims["C2"])
        #expect(claim.cue == "Q2", "\(answer)")
        #expect(claim.speakers.isEmpty, "two mentions: no speaker guessed")
        #expect(answer.contains("cue Q2 linked, the sentence's only cue no claim cites"), "\(answer)")
        #expect(answer.contains("no speaker linked: the sentence has 2 mentions (M1, M2); name one with: edit C2 by M…"), "\(answer)")
        // With both cues cited, a third claim links none and says so.
        let third = Self.text(shell.handle("cl \"Washington\""))
        #expect(shell.state.claims["C3"]?.cue == nil)
        #expect(third.contains("no cue linked: the sentence has 2 cues (Q1, Q2); name one with: edit C3 cue Q…"), "\(third)")
        try shell.store.close()
    }
}
