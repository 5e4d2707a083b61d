import Foundation
import Testing

/// The suggestion flow in a real terminal (a private tmux server): proposals dimmed under the
/// sentence, accepted with one key, undone in one step.
@Suite(
    "Suggestions in a terminal",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct SuggestionTerminalTests {
    @Test("Proposals are dimmed under the sentence; y accepts the first, x b rejects, undo takes the accept back whole")
    func acceptInTerminal() async throws {
        try await REPLWorkspace.withTerminalREPL(width: 160, height: 50) { workspace, session in
            try await session.waitFor(text: "sentence 1/")
            try await session.send(keys: "goto 4", .enter)
            try await session.waitFor(text: "sentence 4/")
            try await session.waitFor(text: "a) [S? Vassili Nebenzia, russischer UN-Botschafter")
            let colour = try await session.capture(escapes: true)
            // The proposal lines are dim: the last SGR sequence before "a) [" turns on attribute 2 (tmux may
            // combine it with a reset, as in ESC[0;2m).
            let proposal = try #require(colour.range(of: "a) [S? Vassili Nebenzia, russischer UN-Botschafter"), "\(colour)")
            let escape = try #require(colour[..<proposal.lowerBound].range(of: "\u{1B}[", options: .backwards))
            let parameters = colour[escape.upperBound...].prefix { $0 != "m" }.split(separator: ";").map(String.init)
            #expect(parameters.contains("2"), "\(parameters)")
            try await session.send(keys: "x b", .enter)
            try await session.waitFor(text: "rejected 1 proposal")
            try await session.send(keys: "y", .enter)
            try await session.waitFor(text: "accepted a): new speaker S1 Vassili Nebenzia")
            try await session.send(keys: "undo", .enter)
            try await session.waitFor(text: "undone: C1 (claim), Q1 (cue), M1 (mention), S1 (speaker)")
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
            #expect(try workspace.annotations("anna").isEmpty)
            let rejections = try workspace.session("anna")["rejections"] as? [[String: Any]]
            #expect(rejections?.count == 1)
        }
    }
}
