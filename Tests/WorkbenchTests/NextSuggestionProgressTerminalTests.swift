import Foundation
import Testing

/// `ns` through a long document in a real terminal (a private tmux server): one progress line says
/// where the search is, Ctrl-C stops it (the cursor stays), and the line is erased before the answer;
/// piped, nothing of it is written.
@Suite(
    "ns progress in a terminal",
    .needsTmux,
    .timeLimit(.minutes(2))
)
struct NextSuggestionProgressTerminalTests {
    /// A workspace holding `long.txt`: `count` quiet sentences on one line, then one with `sagte`.
    static func workspace(sentences count: Int) throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        let text = (1..<count).map { "Satz \($0) ist ruhig am Ort \($0) heute." }.joined(separator: " ")
            + " Anna Berg sagte, es werde morgen regnen.\n"
        try Data(text.utf8).write(to: workspace.folder.appendingPathComponent("long.txt"))
        return workspace
    }

    @Test("ns on 200 000 sentences: the progress line shows, Ctrl-C stops it and erases it; the cursor stays")
    func progressAndStop() async throws {
        let workspace = try Self.workspace(sentences: 200_000)
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) annotate long.txt --annotator anna; echo \"[exit $?]\"", environment: ["USER": "anna"], width: 100, height: 30,
            directory: workspace.folder)
        defer { session.kill() }
        try await session.waitForFirstPrompt(timeout: 60)
        try await session.send(keys: "ns", .enter)
        try await session.waitFor(text: "ns: looking for proposals … sentence ", timeout: 30)
        try await session.send(keys: .ctrlC)
        let stopped = try await session.waitFor(text: "ns stopped by Ctrl-C", timeout: 30)
        #expect(!stopped.contains("looking for proposals"), "the progress line is erased:\n\(stopped)")
        #expect(stopped.contains("1:1 ›"), "the cursor stays at 1:1:\n\(stopped)")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]", timeout: 30)
    }

    @Test("piped, ns through many parts writes no progress line")
    func pipedShowsNothing() async throws {
        let workspace = try Self.workspace(sentences: 2_000)
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "long.txt", "--annotator", "anna"], commands: ["ns", "quit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("a) [S? Anna Berg]"), "\(result.stdout)")
        #expect(!(result.stdout + result.stderr).contains("looking for proposals"))
        #expect(!(result.stdout + result.stderr).contains("\u{1B}"))
    }
}
