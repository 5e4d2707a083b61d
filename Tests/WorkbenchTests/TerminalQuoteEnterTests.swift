import Foundation
import Testing
import TestSupport

/// Enter on a line whose quote is still open: TAB inside an open quote completes a word of the
/// sentence and leaves the quote open (so the text can go on), and Enter then was refused with "the
/// quote " is not closed". Now Enter closes the quote after the last word, shows the line so, and runs it.
@Suite(
    "Enter after TAB inside an open quote",
    .needsTmux,
    .timeLimit(.minutes(1))
)
struct TerminalQuoteEnterTests {
    @Test("cl \"im Nov⇥ Enter tags the claim „im November“; the line is shown closed; typed-ahead and pasted lines keep the error")
    func enterClosesTheQuote() async throws {
        try await REPLWorkspace.withTerminalREPL(environment: ["NO_COLOR": "1"], width: 100, height: 40) { workspace, session in
            try await session.waitFor(text: "1:1 ›")
            try await session.send(keys: "goto 1:10", .enter)
            try await session.waitFor(text: "1:10 ›")
            try await session.send(keys: "cl \"im Nov", .tab)
            try await session.waitFor(text: "› cl \"im November")
            try await session.send(keys: .enter)
            let screen = try await session.waitFor(text: "+ C1 claim")
            #expect(screen.contains("1:10 › cl \"im November\"\n"), "the line as it ran: \(screen)")
            #expect(!screen.contains("is not closed"), "\(screen)")
            // A guillemet quote closes with its own mark, trailing spaces dropped.
            try await session.send(keys: "note »erst prüfen   ")
            try await session.waitFor(text: "note »erst prüfen")
            try await session.send(keys: .enter)
            let noted = try await session.waitFor(text: "+ N1 note")
            #expect(noted.contains("› note »erst prüfen«\n"), "\(noted)")
            // A pasted line with more text behind it is read as piped input reads it: the open quote is refused.
            try await session.paste("note \"offen\nnote danach\n")
            try await session.waitFor(text: "+ N2 note")
            #expect(try await session.capture().contains("is not closed"))
            try await session.send(keys: "quit", .enter)
            try await session.waitFor(text: "[exit 0]")
            let claims = try workspace.annotations("anna").values.filter { ($0["id"] as? String)?.hasPrefix("C") == true }
            #expect(claims.compactMap { ($0["anchor"] as? [String: Any])?["text"] as? String } == ["im November"], "\(claims)")
            let notes = try workspace.session("anna")["notes"] as? [[String: Any]] ?? []
            #expect(notes.compactMap { $0["text"] as? String } == ["erst prüfen", "danach"], "\(notes)")
        }
    }
}
