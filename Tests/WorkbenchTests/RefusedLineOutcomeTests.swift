import Testing
import WorkbenchTerminal

/// The one path for a refused line: the REPL, `review` and `replay` each switch on
/// ``LineInput/outcome``, where every refusal of the line reader is one case with its message. Before,
/// each loop listed `case .notUTF8, .hiddenCharacter, .tooLong:` itself, so a refusal added to the
/// reader had to be remembered in three places (and a loop that missed it would not compile, or,
/// with a `default`, run the refused line).
@Suite("A refused line takes one path")
struct RefusedLineOutcomeTests {
    @Test("Every refusal is .refused with the message the loops print; the other reads are themselves")
    func outcomes() {
        let refused: [LineInput] = [.notUTF8(byteOffset: 6), .hiddenCharacter("\u{202E}"), .tooLong(bytes: 5 << 20)]
        for input in refused {
            guard case .refused(let message) = input.outcome else {
                Issue.record("\(input) is not refused")
                continue
            }
            #expect(message == input.refusal)
            #expect(message.hasSuffix("nothing changed"), "\(message)")
        }
        #expect(LineInput.notUTF8(byteOffset: 6).outcome == .refused(LineInput.notUTF8Message(byteOffset: 6)))
        #expect(LineInput.line("note x").outcome == .line("note x"))
        #expect(LineInput.interrupted.outcome == .interrupted)
        #expect(LineInput.endOfInput.outcome == .endOfInput)
        #expect(LineInput.line("x").refusal == nil)
    }
}
