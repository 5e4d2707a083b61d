@testable import Annotations
import Foundation
import Testing
import TestSupport

@testable import WorkbenchShell

/// A proposal that comes back (its accept or rejection undone, its claim deleted) is listed in the
/// answer, as after `y` and `x`: before, `undo` showed the sentence alone, and the annotator typed
/// `show` (five keys more) to see the letters to accept again.
@Suite("proposals listed again after undo, redo and delete")
struct ProposalsAfterUndoTests {
    static func text(_ response: ShellResponse) -> String { response.lines.map(\.plain).joined(separator: "\n") }

    @Test("undo of an accept lists the proposal again; redo lists what stays pending; delete of the claim lists it")
    func listedAgain() throws {
        var shell = try SuggestionShellFixture().shell(source: AwkwardSource())
        _ = shell.handle("goto 2")
        _ = shell.handle("y a")
        let undone = Self.text(shell.handle("undo"))
        #expect(undone.contains("   a) [S? Ulrich Müller]") && undone.contains("   b) "), "\(undone)")
        let redone = Self.text(shell.handle("redo"))
        // a) is accepted again, and b) overlaps its claim: only c) is pending.
        #expect(!redone.contains("   a) ") && !redone.contains("   b) ") && redone.contains("   c) "), "\(redone)")
        let deleted = Self.text(shell.handle("delete C1"))
        #expect(deleted.contains("   a) ") && deleted.contains("   b) "), "\(deleted)")
        try shell.store.close()
    }

    @Test("undo of a rejection lists the proposal again, also after reopening")
    func rejectionUndone() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        _ = shell.handle("x")
        try shell.store.close()
        var reopened = try fixture.shell()
        _ = reopened.handle("goto 2")
        let undone = Self.text(reopened.handle("undo"))
        #expect(undone.contains("undone: X1 (rejection)") && undone.contains("   a) [S? Ulrich Müller]"), "\(undone)")
        try reopened.store.close()
    }

    /// Before, `undo` after `n` took back the accept on the sentence before and showed the one the
    /// shell was on: the annotator typed `p` to see what was undone and accept otherwise.
    @Test("undo and redo of an edit in another sentence go to that sentence, also after reopening")
    func goesToTheChange() throws {
        let fixture = try SuggestionShellFixture()
        var shell = try fixture.shell()
        _ = shell.handle("goto 2")
        _ = shell.handle("y")
        _ = shell.handle("n")
        #expect(shell.sentenceIndex == 2)
        let undone = Self.text(shell.handle("undo"))
        #expect(shell.sentenceIndex == 1, "\(undone)")
        #expect(undone.contains("sentence 2/") && undone.contains("   a) [S? Ulrich Müller]"), "\(undone)")
        _ = shell.handle("goto 1")
        let redone = Self.text(shell.handle("redo"))
        #expect(shell.sentenceIndex == 1 && redone.contains("{C1 "), "\(redone)")
        try shell.store.close()
        var reopened = try fixture.shell()
        _ = reopened.handle("goto 4")
        let again = Self.text(reopened.handle("undo"))
        #expect(reopened.sentenceIndex == 1 && again.contains("   a) [S? Ulrich Müller]"), "\(again)")
        // An edit touching no sentence (a new target) leaves the shell where it is.
        _ = reopened.handle("target Die Lage ist ernst")
        _ = reopened.handle("goto 3")
        _ = reopened.handle("undo")
        #expect(reopened.sentenceIndex == 2)
        try reopened.store.close()
    }
}
