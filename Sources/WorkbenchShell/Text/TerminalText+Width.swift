import Foundation

extension TerminalText {
    /// Columns `text` occupies in a terminal: East Asian wide and fullwidth characters and emoji count 2
    /// (an emoji with a skin-tone modifier 4, as tmux 3.3 and wcwidth draw it),
    /// combining marks and format characters 0, controls 0. ANSI escape sequences (CSI, OSC) count 0, so
    /// styled text can be measured too. Measured per grapheme cluster.
    public static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        var width = 0
        var state = EscapeState.text
        for character in text {
            let first = character.unicodeScalars.first?.value ?? 0
            switch state {
            case .text:
                if first == 0x1B {
                    state = .escape
                } else {
                    width += displayWidth(of: character)
                }
            case .escape:
                state = first == 0x5B ? .csi : first == 0x5D ? .osc : .text
            case .csi:
                if (0x40...0x7E).contains(first) { state = .text }
            case .osc:
                if first == 0x07 { state = .text } else if first == 0x1B { state = .escape }
            }
        }
        return width
    }

    /// Columns one grapheme cluster occupies (0, 1, 2, or 4 for an emoji with a skin-tone modifier).
    static func displayWidth(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return first.value == 0x00AD ? 1 : 0
        default: break
        }
        // A skin-tone modifier after its emoji (👍🏽): tmux 3.3 and the line editor (wcwidth) give it two
        // columns of its own, terminals that join it draw the pair in two. Counted as four, so a line
        // measured here never runs past the window in either (it overflowed by two columns per emoji in
        // tmux, which broke the row); a joining terminal only wraps such a line a little early.
        if scalars.count > 1, scalars.dropFirst().contains(where: \.properties.isEmojiModifier) {
            return 4
        }
        if properties.isEmojiPresentation { return 2 }
        if properties.isEmoji && scalars.count > 1
            && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D || $0.value == 0x20E3 })
        {
            return 2
        }
        if isWide(first.value) { return 2 }
        if (0x1160...0x11FF).contains(first.value) { return 0 }
        return 1
    }

    private enum EscapeState { case text, escape, csi, osc }

    /// East Asian Wide (W) and Fullwidth (F) ranges, without emoji (handled by their properties).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(value) }
    }
}
