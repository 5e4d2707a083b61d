import Foundation
import Testing

/// The sentence view in a real terminal (a private tmux server): the current sentence and its
/// proposals come first; the previous sentence, shown above as context, takes only the rows left.
@Suite(
    "Sentence view in small and large windows",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct SmallWindowViewTests {
    /// Before, sentence 1:3 (150 characters) took 5 rows of a 40×24 window above sentence 1:4, and the
    /// first page of `goto 1:4` ended inside proposal a): the proposals were on the pager's second page.
    @Test("40×24: the previous sentence is cut to one row, so the sentence and its first proposal are on the first page")
    func smallWindow() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 40, height: 24) { _, session in
            // Sentence 1:1 and its proposals are taller than 40×24: the first view is paged.
            try await session.waitForFirstPrompt()
            try await session.send(keys: "goto 1:4", .enter)
            // Sentence 1:4's header first: the first view's pager question stays on the screen until the new view is drawn.
            let screen = try await session.waitUntil(what: "the first page of sentence 1:4") {
                guard let header = $0.range(of: "sentence 4/25 ·") else { return false }
                let view = $0[header.upperBound...]
                return view.contains("q stops --") || view.contains("1:4 ›")
            }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let previous = try #require(rows.lastIndex { $0.hasPrefix("   ↑ ") }, "\(screen)")
            #expect(rows[previous] == "   ↑ …Kursk an der Grenze zur Ukraine.", "\(screen)")
            #expect(rows[previous + 1].hasPrefix(" » «Dabei handelt"), "one row of context: \(screen)")
            #expect(rows[previous - 1] == "done ──" || rows[previous - 1].hasSuffix("──"), "the header above it: \(screen)")
            #expect(screen.contains("direct.quote-then-cue"), "proposal a) whole on the first page: \(screen)")
            #expect(rows.allSatisfy { $0.count <= 40 })
            try await session.send(keys: "q", .enter)
            try await session.waitFor(text: "1:4 ›")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }

    /// The answer lines above the view count too: `yd` says what it accepted (3 rows at 40 columns) and
    /// that the sentence is done, and the next sentence's view still fits without the pager's question
    /// (the previous sentence gets the two rows left; counted without the answer, it took 5 and paged).
    @Test("40×22: after yd the answer, the next sentence and its proposals fit the window, with no question")
    func answerAboveTheView() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 40, height: 22) { _, session in
            try await session.waitForFirstPrompt()
            try await session.send(keys: "goto 1:2", .enter)
            try await session.waitFor(text: "1:2 ›")
            try await session.send(keys: "yd", .enter)
            let screen = try await session.waitUntil(what: "the answer to yd") { $0.contains("q stops --") || $0.contains("1:3 ›") }
            #expect(!screen.contains("q stops --"), "\(screen)")
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(rows.first?.hasPrefix("accepted a): new speaker S1") == true, "the whole answer on screen: \(screen)")
            #expect(rows.contains("sentence 2 done") && screen.contains("   ↑ …") && screen.contains("   b) [S?"), "\(screen)")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }

    @Test("200×50: the previous sentence is shown whole, with the sentence and both proposals, and no pages")
    func largeWindow() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 200, height: 50) { _, session in
            try await session.waitFor(text: "1:1 ›")
            try await session.send(keys: "goto 1:4", .enter)
            let screen = try await session.waitFor(text: "1:4 ›")
            #expect(!screen.contains("q stops --"))
            let rows = screen.split(separator: "\n").map(String.init)
            #expect(
                rows.contains(
                    "   ↑ Aber das Pentagon sagte am Dienstag, es habe eine „kleine Anzahl» nordkoreanischer Soldaten in der russischen Region Kursk an der Grenze zur Ukraine."),
                "\(screen)")
            #expect(screen.contains("   a) [S? Vassili Nebenzia") && screen.contains("   b) [S? Vassili Nebenzia"), "\(screen)")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
        }
    }
}
