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

    /// Before, each run was wrapped on its own: `<Q1 auf>` ended a line and the comma glued to it began
    /// the next (" , {C1 seine Truppen …").
    @Test("a word whose look changes inside it (a bracket and the punctuation after it) is never broken")
    func wordsAcrossLooks() {
        var line = StyledLine(" » ")
        line.append("[S1 Die Vereinigten Staaten]", .speaker)
        line.append(" und Südkorea forderten Nordkorea am Mittwoch ")
        line.append("<Q1 auf>", .cue)
        line.append(", ")
        line.append("{C1 seine Truppen abzuziehen}", .claim)
        line.append("„, dann „")
        line.append("{C2 👩‍👩‍👧}", .claim)
        line.append("“.")
        // From 20 columns on every word fits a line, so none is split by characters.
        for width in 20...120 {
            let lines = line.wrapped(width: width)
            for part in lines {
                #expect(TerminalText.displayWidth(part.plain) <= width, "\(width): \(part.plain)")
                let text = part.plain.trimmingCharacters(in: .whitespaces)
                #expect(!text.hasPrefix(",") && !text.hasPrefix("“") && !text.hasPrefix("„,"), "\(width): \(lines.map(\.plain))")
            }
            #expect(lines.map { $0.plain.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == line.plain.trimmingCharacters(in: .whitespaces))
        }
    }
}
