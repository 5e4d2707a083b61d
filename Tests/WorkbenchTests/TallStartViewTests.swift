import Foundation
import Testing

/// The first view of a session, in a real terminal (a private tmux server): a first sentence taller
/// than the window is paged as `show` pages it, so its beginning is read first and the prompt, with
/// the cursor after it, comes when the pages are done. It was written whole: the sentence's first
/// rows scrolled away before anything could be read.
@Suite("Start view taller than the window", .needsTmux, .timeLimit(.minutes(1)))
struct TallStartViewTests {
    /// A corpus whose first sentence is 120 words (about 16 rows of a 50-column window).
    static func workspace() throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        let words = (1...120).map { "Wort\($0)" }.joined(separator: " ")
        let folder = workspace.folder.appendingPathComponent("tall")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "Anfang \(words) Ende.\nZweiter Satz.\n".write(to: folder.appendingPathComponent("tall.txt"), atomically: true, encoding: .utf8)
        return workspace
    }

    @Test("50×12: the first page starts with the sentence and asks; q gives the prompt with the cursor after it")
    func pagedStartView() async throws {
        let workspace = try Self.workspace()
        defer { workspace.remove() }
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) annotate tall --annotator anna; echo \"[exit $?]\"", environment: ["USER": "anna", "NO_COLOR": "1"],
            width: 50, height: 12, directory: workspace.folder)
        defer { session.kill() }
        let first = try await session.waitFor(text: "q stops --")
        let rows = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.contains { $0.hasPrefix(" » Anfang Wort1 ") }, "the sentence's beginning on the first page: \(first)")
        #expect(!first.contains("1:1 ›"), "\(first)")
        try await session.send(keys: "q", .enter)
        let screen = try await session.waitFor(text: "1:1 ›")
        let cursor = try await session.cursor()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(cursor.y < lines.count && lines[cursor.y].hasPrefix("1:1 ›") && cursor.x == "1:1 › ".count, "cursor \(cursor): \(screen)")
        try await session.send(keys: "n", .enter)
        try await session.waitFor(text: "1:2 ›")
        try await session.send(keys: "quit", .enter)
        try await session.waitFor(text: "[exit 0]")
    }
}
