import Foundation
import Testing

/// A run of 200 zero-width joiners (U+200D) in the corpus text, in the terminal REPL: a joiner that
/// joins nothing is written as `<U+200D>`, never raw (a terminal adds a zero-width character to the
/// cell before it; 200 of them overflowed tmux's cell and one was left in the next row), while the
/// joiners of an emoji sequence reach the terminal as they are.
@Suite("Lone joiners in the terminal REPL", .needsTmux, .timeLimit(.minutes(2)))
struct LoneJoinerTerminalTests {
    static let joiner: [UInt8] = [0xE2, 0x80, 0x8D]
    static let family = "👩\u{200D}👩\u{200D}👧"

    @Test("lone joiners are shown as <U+200D>; an emoji sequence keeps its joiners", arguments: [(80, 24), (40, 20)])
    func loneJoinersShown(width: Int, height: Int) async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let corpus = workspace.folder.appendingPathComponent("joiners")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = "Vorher sagte Anna: „Wir" + String(repeating: "\u{200D}", count: 200) + " handeln.“\n"
            + "Die Familie \(Self.family) bleibt, sagte Eva.\n"
        try Data(text.utf8).write(to: corpus.appendingPathComponent("j.txt"))
        let record = workspace.folder.appendingPathComponent("output.bin")
        let binary = TmuxSession.quote(WorkbenchProcess.binary.path)
        let session = try await TmuxSession(
            command: "\(binary) annotate joiners --annotator anna; echo \"[exit $?]\"",
            environment: ["USER": "anna"], width: width, height: height, directory: workspace.folder)
        defer { session.kill() }
        try await session.waitForFirstPrompt()
        try await session.recordOutput(to: record.path)
        // 200 placeholders are taller than the window: the pager asks, `q` stops it.
        try await session.send(keys: "show", .enter)
        try await session.waitFor(text: "q stops --")
        try await session.send(keys: "q", .enter)
        try await session.send(keys: "n", .enter)
        try await session.waitFor(text: "1:2 ›")
        try await session.send(keys: "quit", .enter)
        let screen = try await session.waitFor(text: "[exit 0]")
        let output = [UInt8](try Data(contentsOf: record))
        let joiners = HostileTextTerminalTests.occurrences(of: Self.joiner, in: output)
        let families = HostileTextTerminalTests.occurrences(of: Array(Self.family.utf8), in: output)
        #expect(families > 0, "the emoji sequence reached the terminal whole")
        #expect(joiners == 2 * families, "\(joiners) joiners written raw, \(2 * families) of them in emoji sequences")
        #expect(HostileTextTerminalTests.occurrences(of: Array("<U+200D>".utf8), in: output) > 0, "the lone joiners shown")
        #expect(HostileTextTerminalTests.rowsWiderThan(width, in: output).isEmpty, "\(HostileTextTerminalTests.rowsWiderThan(width, in: output))")
        #expect(screen.contains("saved "), "\(screen)")
    }
}
