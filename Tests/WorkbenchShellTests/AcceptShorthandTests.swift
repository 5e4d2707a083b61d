@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// Fewer keys for common accepts: token numbers after the letter are the claim's span (`yd 6-8` is
/// `yd claim 6-8`), and `aad` accepts every proposal of the sentence and marks it done, in one undo.
@Suite("REPL accept shorthands: yd TOKENS, aad")
struct AcceptShorthandTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    static func folder() throws -> String {
        let folder = TestScratch.path("accept-shorthand-")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("yd 6-8 accepts with the claim on tokens 6-8 and marks done, as yd claim 6-8 does; y 6-8 too; one undo")
    func tokensAreTheClaim() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try ProposalPartsTests.shell(in: folder, sentences: 3, source: CountingSource())
        let answer = shell.handle("yd 6-8")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(shell.state.claims["C1"]?.anchor.text == "es sei gut", "\(Self.text(answer))")
        #expect(shell.state.statuses.values.contains(.done) && shell.sentenceIndex == 1)
        _ = shell.handle("undo")
        #expect(shell.state.claims.isEmpty && shell.sentenceIndex == 0)
        let plain = shell.handle("y a 6-8")
        #expect(!plain.rejected, "\(Self.text(plain))")
        #expect(AnnotationState.sortedByID(shell.state.claims).last?.anchor.text == "es sei gut")
        let wrong = shell.handle("y 6-8 claim 6-7")
        #expect(wrong.rejected, "\(Self.text(wrong))")
        try shell.store.close()
    }

    @Test("aad accepts every proposal, marks the sentence done and goes on; one undo takes back all; no proposals: done")
    func acceptAllAndDone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var shell = try ProposalPartsTests.shell(in: folder, sentences: 3, source: CountingSource())
        let answer = shell.handle("aad")
        #expect(!answer.rejected, "\(Self.text(answer))")
        #expect(Self.text(answer).contains("accepted a)") && Self.text(answer).contains("sentence 1 done"), "\(Self.text(answer))")
        #expect(shell.state.claims["C1"]?.anchor.text == "es sei gut am Ort 1 heute" && shell.sentenceIndex == 1)
        _ = shell.handle("undo")
        #expect(shell.state.claims.isEmpty && shell.sentenceIndex == 0 && !shell.state.statuses.values.contains(.done))
        _ = shell.handle("x")
        let none = shell.handle("aad")
        #expect(!none.rejected && Self.text(none).contains("nothing to accept") && shell.sentenceIndex == 1, "\(Self.text(none))")
        #expect(shell.handle("aad b").rejected)
        try shell.store.close()
    }
}
