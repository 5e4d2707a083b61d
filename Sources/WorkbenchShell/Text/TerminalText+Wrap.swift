extension TerminalText {
    /// Word-wraps `text` to lines of at most `width` display columns.
    ///
    /// Line breaks in `text` are kept (an empty paragraph gives an empty line, so `""` gives `[""]`);
    /// within a paragraph, runs of whitespace become one space and leading/trailing whitespace is dropped.
    /// A word wider than `width` is broken between grapheme clusters, never inside one; a single cluster
    /// wider than `width` gets a line of its own. Wrap plain text first, then add colour.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines.append(contentsOf: wrapParagraph(paragraph, width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in paragraph.split(whereSeparator: \.isWhitespace) {
            let wordWidth = displayWidth(word)
            if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth > 0 || !current.isEmpty { lines.append(current) }
            current = ""
            currentWidth = 0
            if wordWidth <= width {
                current = String(word)
                currentWidth = wordWidth
                continue
            }
            for character in word {
                let characterWidth = displayWidth(of: character)
                if !current.isEmpty && currentWidth + characterWidth > width {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                current.append(character)
                currentWidth += characterWidth
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
