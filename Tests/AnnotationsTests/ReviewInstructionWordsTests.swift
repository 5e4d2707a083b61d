import Testing

@testable import Annotations

/// A review command that takes no arguments given some (`accept C5` on the card of C3, `skip 5`,
/// `quit now`, `correct delete C5`) is refused naming the words, instead of acting on the annotation
/// shown as if they were not there.
@Suite("Review commands that take no arguments")
struct ReviewInstructionWordsTests {
    @Test("accept, skip, status, quit and correct delete with words after them are refused")
    func wordsAfterCommandsThatTakeNone() {
        let cases: [(String, String, String)] = [
            ("accept C5", "accept", "C5"), ("a C5", "accept", "C5"), ("skip 5", "skip", "5"), ("s 5", "skip", "5"),
            ("status now", "status", "now"), ("quit now", "quit", "now"), ("q!", "", ""),
            ("correct delete C5", "correct delete", "C5"),
        ]
        for (line, command, words) in cases where !command.isEmpty {
            #expect(throws: ReviewInstruction.ParseError.unexpectedWords(command: command, words: words), "\(line)") {
                try ReviewInstruction.parse(line)
            }
        }
        let message = ReviewInstruction.ParseError.unexpectedWords(command: "accept", words: "C5").description
        #expect(message == "'accept' takes no arguments (got 'C5'); it acts on the annotation shown: type it alone: accept; nothing changed")
    }

    @Test("the commands alone, with spaces around them, still parse")
    func commandsAlone() throws {
        #expect(try ReviewInstruction.parse("  accept  ") == .accept)
        #expect(try ReviewInstruction.parse("a") == .accept)
        #expect(try ReviewInstruction.parse("") == .skip)
        #expect(try ReviewInstruction.parse("skip") == .skip)
        #expect(try ReviewInstruction.parse("status") == .status)
        #expect(try ReviewInstruction.parse("quit ") == .quit)
        #expect(try ReviewInstruction.parse("correct delete") == .delete)
        #expect(try ReviewInstruction.parse("reject cue is no verb") == .reject(reason: "cue is no verb"))
        #expect(try ReviewInstruction.parse("help") == .help)
    }
}
