import Foundation
import Testing

@Suite("annotate REPL navigation and progress, piped")
struct REPLNavigationTests {
    /// The header lines of a run's output, in order.
    static func headers(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("── document") }
    }

    @Test("the progress count follows done, skip, undo, redo and reopen")
    func progress() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "p"], commands: [
            "done", "skip", "undo", "status", "redo", "status", "goto 1:1", "reopen", "status", "done", "skip", "status", "quit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // "N/T sentences done or skipped (done D, skipped S, flagged F)": N is kept up to date edit by
        // edit, D and S are counted from the statuses; they must agree.
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("sentences done or skipped") }
        var counts: [Int] = []
        for line in lines {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            try #require(numbers.count == 5, "\(line)")
            #expect(numbers[0] == numbers[2] + numbers[3], "\(line)")
            counts.append(numbers[0])
        }
        #expect(counts == [1, 2, 1, 2])
        #expect(Self.headers(result.stdout).last?.hasSuffix("2/118 sentences done ──") == true)
    }

    @Test("goto with a number too large to read is named as out of range, not as a missing document id")
    func gotoPastEveryNumber() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "g"], commands: [
            "goto 1:99999999999999999999", "goto 99999999999999999999", "goto 000_f8", "quit",
        ])
        // Before: "no document '1:99999999999999999999'; usage: goto DOC:SENTENCE …".
        #expect(result.stdout.contains("error: '1:99999999999999999999' is past every document and sentence number; the corpus has documents 1–5"), "\(result.stdout)")
        #expect(result.stdout.contains("error: '99999999999999999999' is past every document and sentence number"))
        #expect(!result.stdout.contains("no document"))
        #expect(Self.headers(result.stdout).count == 2, "the prefix of a document id still goes there")
    }

    @Test("nu passes sentences with a status or an annotation; search wraps around to the start")
    func nextUnannotatedAndSearch() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "n"], commands: [
            "goto 1:10", "speaker \"Sergiy Kyslytsya\"", "goto 1:8", "done", "goto 1:7", "nu",
            "goto 5:3", "/Kyslytsya", "/", "nu", "quit",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let positions = Self.headers(result.stdout).map { line in
            line.split(separator: "·").prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        // goto 1:8 and done move on to 1:9; from 1:7, nu passes 1:8 (done) and stops at 1:9.
        #expect(positions.suffix(6) == [
            "── document 1/5 000_f8d7a53538fa2d5e sentence 7/25",
            "── document 1/5 000_f8d7a53538fa2d5e sentence 9/25",
            "── document 5/5 004_ff3bce5362be44a0 sentence 3/32",
            "── document 1/5 000_f8d7a53538fa2d5e sentence 10/25",
            "── document 1/5 000_f8d7a53538fa2d5e sentence 10/25",
            "── document 1/5 000_f8d7a53538fa2d5e sentence 11/25",
        ])
        #expect(result.stdout.components(separatedBy: "(search wrapped around to the start)").count == 3)
    }
}
