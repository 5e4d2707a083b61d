import Foundation
import Testing
@testable import WorkbenchShell

@Suite("Word wrapping of REPL output")
struct StyledLineWrappingTests {
    @Test("Breaks at spaces, keeps looks, indents under the marker, never exceeds the width")
    func wraps() {
        var line = StyledLine(" » ")
        line.append("Bei den Vereinten Nationen wurde der Ton lauter, und der ")
        line.append("stellvertretende amerikanische UN-Botschafter", .speaker)
        line.append(" warnte daraufhin, dass Soldaten abziehen würden.")
        let lines = line.wrapped(width: 40)
        #expect(lines.count > 1)
        for part in lines { #expect(TerminalText.displayWidth(part.plain) <= 40, "\(part.plain)") }
        #expect(lines.dropFirst().allSatisfy { $0.plain.hasPrefix("   ") && !$0.plain.hasPrefix("    ") })
        let words = lines.map { $0.plain.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words == line.plain.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " » ", with: ""))
        #expect(lines.contains { $0.runs.contains { $0.style == .speaker } })
    }

    @Test("Short lines, wide characters and over-long words")
    func edgeCases() {
        #expect(StyledLine("kurz").wrapped(width: 40) == [StyledLine("kurz")])
        let long = StyledLine(String(repeating: "x", count: 95)).wrapped(width: 40)
        #expect(long.count == 3)
        let emoji = StyledLine(String(repeating: "🇪🇺 ", count: 30)).wrapped(width: 20)
        for part in emoji { #expect(TerminalText.displayWidth(part.plain) <= 20) }
    }
}
