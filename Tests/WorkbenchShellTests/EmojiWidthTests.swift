import Testing

@testable import WorkbenchShell

/// Widths of emoji sequences as a terminal draws them (checked in tmux 3.3 with the cursor position
/// after each): a flag and a ZWJ family take 2 columns, an emoji with a skin-tone modifier 4 (tmux and
/// wcwidth give the modifier columns of its own), so wrapped lines never run past the window.
@Suite("display width of emoji sequences")
struct EmojiWidthTests {
    @Test("flags and ZWJ families 2 columns, an emoji with a skin tone 4 (it was 2, and the row overflowed)")
    func widths() {
        #expect(TerminalText.displayWidth("🇪🇺") == 2)
        #expect(TerminalText.displayWidth("👩‍👩‍👧") == 2)
        #expect(TerminalText.displayWidth("👍🏽") == 4)
        #expect(TerminalText.displayWidth("👍🏽x") == 5)
        #expect(TerminalText.displayWidth("🏽") == 2)
        #expect(TerminalText.displayWidth("👍") == 2)
    }

    @Test("a sentence of skin-toned emoji wraps into rows that fit as tmux draws them")
    func wrapsToFit() {
        let line = StyledLine(Array(repeating: "Ein 👍🏽 für Café.", count: 12).joined(separator: " "))
        for row in line.wrapped(width: 30) {
            // tmux's count: 4 per emoji with a modifier, 1 per other character here.
            let drawn = row.plain.reduce(0) { $0 + ($1 == "👍🏽" ? 4 : 1) }
            #expect(drawn <= 30, "\(row.plain)")
        }
    }
}
