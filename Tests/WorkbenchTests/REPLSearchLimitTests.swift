import Foundation
import Testing

/// `/REGEX` in the REPL with patterns that backtrack without end: the search stops with a clear message
/// (no wall-clock assertion: before the fix these runs never ended), the cursor stays, the next command
/// works; in a terminal, Ctrl-C stops a running search at once.
@Suite("REPL search limits", .timeLimit(.minutes(2)))
struct REPLSearchLimitTests {
    @Test("catastrophic patterns stop with 'search stopped … too costly'; a /regex/ span is refused the same way")
    func catastrophicPatterns() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(
            ["annotate", "--session", "s", "--annotator", "anna"],
            commands: ["/(.*)*x$", #"/(\w+\s?)+$Q/"#, "claim /(.*)*x$/", "/Kyslytsya", "quit"])
        let output = result.stdout + result.stderr
        let stopped = output.components(separatedBy: "\n").filter { $0.contains("search stopped after") }
        #expect(stopped.count == 2, "\(output)")
        #expect(stopped.allSatisfy { $0.contains("the pattern is too costly for this text; simplify it") })
        #expect(output.contains("regular expression /(.*)*x$/ stopped after"), "\(output)")
        #expect(result.stdout.contains("Kyslytsya"), "the next search works")
        #expect(result.stdout.contains("saved sessions/s.json"))
    }
}

@Suite(
    "REPL search in a terminal",
    .needsTmux,
    .timeLimit(.minutes(2))
)
struct REPLSearchInterruptTests {
    @Test("Ctrl-C stops a running search; the REPL goes on and quits normally")
    func ctrlCStopsSearch() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 200, height: 40) { workspace, session in
            try await session.waitFor(text: "sentence 1/")
            let screen = try await session.stopSearchWithCtrlC()
            let answers = screen.split(separator: "\n").filter { $0.contains("search stopped") }
            #expect(answers.last?.contains("by Ctrl-C") == true, "Ctrl-C, not the budget, stopped the last search: \(screen)")
            try await session.waitUntil(what: "a fresh prompt after the search") { screen in
                screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.hasSuffix("›") == true
            }
            try await session.send(keys: "goto 4", .enter)
            try await session.waitFor(text: "sentence 4/")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }
}
