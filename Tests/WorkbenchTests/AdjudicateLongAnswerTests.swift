import Foundation
import Testing

/// `adjudicate` answers piped in with a line far longer than any answer, or one that is not UTF-8 (a
/// file piped in by mistake). Before, its answers were read whole by the standard library's
/// `readLine()`: the line was held in memory, and bytes that are not UTF-8 were silently replaced.
@Suite("adjudicate: answers too long or not UTF-8", .timeLimit(.minutes(2)))
struct AdjudicateLongAnswerTests {
    @Test("A 32 MiB answer and a Latin-1 answer are refused with the REPL's words; the next answer is taken")
    func refusedAndGoesOn() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        // Text without a line break (NUL bytes would make it binary input, which ends the answers).
        var input = Data(repeating: UInt8(ascii: "x"), count: 32 << 20)
        input.append(Data("\n".utf8))
        input.append(Data([0x32, 0xFC, 0x0A]))
        input.append(Data("2\nq\n".utf8))
        let result = try await WorkbenchProcess.run(
            ["adjudicate", anna, ben, "--out", folder + "/gold.json", "--adjudicator", "carla"], stdinBytes: input)
        // Refused answers fail the piped run (exit status 1), as any refused answer does.
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("2 answer(s) were refused"), "\(result.stderr)")
        #expect(
            result.stdout.contains("error: the line is too long (33554432 bytes, read without being kept;"),
            "\(result.stdout.prefix(3000))")
        #expect(result.stdout.contains("error: the line is not UTF-8 (byte 2 of the line starts a bad sequence"), "\(result.stdout.prefix(3000))")
        #expect(result.stdout.contains("stopped, run again to continue"), "the answer 2 was taken, then q")
    }
}
