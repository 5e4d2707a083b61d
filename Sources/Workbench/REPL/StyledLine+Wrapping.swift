/// Word wrapping of styled lines for the terminal: breaks at spaces, never inside a word unless the
/// word alone is wider than the line, keeps each run's look, and indents continuation lines under
/// the text after a leading marker (" » ", "   ↑ ").
extension StyledLine {
    /// The line broken into lines of at most `width` display columns.
    func wrapped(width: Int) -> [StyledLine] {
        guard width >= 10, TerminalText.displayWidth(plain) > width else { return [self] }
        let indent = String(repeating: " ", count: min(hangingIndent, width / 3))
        let indentWidth = indent.count
        var lines: [StyledLine] = []
        var current = StyledLine()
        var used = 0
        var lineHasWord = false
        func breakLine() {
            lines.append(current)
            current = StyledLine(indent)
            used = indentWidth
            lineHasWord = false
        }
        for run in runs {
            for piece in Self.pieces(run.text) {
                let pieceWidth = TerminalText.displayWidth(piece)
                if piece.first?.isWhitespace == true {
                    if used + pieceWidth > width { breakLine() } else if lineHasWord || lines.isEmpty { current.append(piece, run.style); used += pieceWidth }
                    continue
                }
                if used + pieceWidth > width, lineHasWord { breakLine() }
                if used + pieceWidth <= width {
                    current.append(piece, run.style)
                    used += pieceWidth
                    lineHasWord = true
                    continue
                }
                // A word wider than the line: split it by characters.
                var chunk = ""
                for character in piece {
                    let characterWidth = TerminalText.displayWidth(of: character)
                    if used + characterWidth > width, lineHasWord || !chunk.isEmpty {
                        current.append(chunk, run.style)
                        chunk = ""
                        breakLine()
                    }
                    chunk.append(character)
                    used += characterWidth
                    lineHasWord = true
                }
                current.append(chunk, run.style)
            }
        }
        lines.append(current)
        return lines
    }

    /// Width of the leading marker: spaces and the markers » ↑ › followed by a space.
    var hangingIndent: Int {
        var count = 0
        for character in plain {
            if character == " " || character == "»" || character == "↑" || character == "›" { count += 1 } else { break }
        }
        return count
    }

    /// Splits text into alternating runs of whitespace and non-whitespace.
    static func pieces(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inSpace: Bool?
        for character in text {
            let space = character.isWhitespace
            if let inSpace, inSpace != space {
                result.append(current)
                current = ""
            }
            current.append(character)
            inSpace = space
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension StyledLine {
    /// Lines as a terminal shows them: word-wrapped to its width (as the REPL wraps) when standard output
    /// is a terminal, unchanged when it is a pipe or file. Used by replay, review and adjudicate.
    static func forTerminal(
        _ lines: [StyledLine], outputIsTerminal: Bool = TerminalCapabilities.detect().outputIsTerminal, width: Int? = nil
    ) -> [StyledLine] {
        guard outputIsTerminal else { return lines }
        let columns = width ?? TerminalText.terminalWidth()
        return lines.flatMap { $0.wrapped(width: columns) }
    }

    /// Plain text as a terminal shows it, line by line (see ``forTerminal(_:outputIsTerminal:)``).
    static func forTerminal(_ text: String, outputIsTerminal: Bool = TerminalCapabilities.detect().outputIsTerminal, width: Int? = nil) -> String {
        guard outputIsTerminal else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0)) }
        return forTerminal(lines, outputIsTerminal: true, width: width).map(\.plain).joined(separator: "\n")
    }
}
