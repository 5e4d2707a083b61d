/// Word wrapping of styled lines for the terminal: breaks at spaces, never inside a word unless the
/// word alone is wider than the line, keeps each run's look, and indents continuation lines under
/// the text after a leading marker (" » ", "   ↑ ").
extension StyledLine {
    /// The line broken into lines of at most `width` display columns, measured as the writers show it:
    /// each run's text is sanitised first (a control or format character is wider as its placeholder,
    /// `␛` or `<U+202E>`, than as itself), so the lines returned hold sanitised text.
    public func wrapped(width: Int) -> [StyledLine] {
        let shown = StyledLine(runs.map { Run(text: TerminalText.sanitize($0.text), style: $0.style) })
        return shown.wrappedSanitised(width: width)
    }

    /// A window narrower than 10 columns (most words would be cut anyway): the line cut into rows of
    /// `width` columns as the terminal breaks it, a character too wide for the rest of a row starting
    /// the next, each row keeping its runs' look. Before, such a line was returned whole, so the pager
    /// counted one row for what took dozens and never paged (the first view ran past the window).
    private func cutSanitised(width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        var current = StyledLine()
        var used = 0
        for run in runs {
            var piece = ""
            for character in run.text {
                let columns = TerminalText.displayWidth(String(character))
                if used > 0, used + columns > width {
                    if !piece.isEmpty { current.append(piece, run.style) }
                    piece = ""
                    rows.append(current)
                    current = StyledLine()
                    used = 0
                }
                piece.append(character)
                used += columns
            }
            if !piece.isEmpty { current.append(piece, run.style) }
        }
        if !current.runs.isEmpty { rows.append(current) }
        return rows
    }

    /// ``wrapped(width:)`` for a line whose runs are sanitised already.
    private func wrappedSanitised(width: Int) -> [StyledLine] {
        guard width > 0, TerminalText.displayWidth(plain) > width else { return [self] }
        guard width >= 10 else { return cutSanitised(width: width) }
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
        for word in words() {
            let wordWidth = word.reduce(0) { $0 + TerminalText.displayWidth($1.text) }
            if word.first?.text.first?.isWhitespace == true {
                for (piece, style) in word {
                    let pieceWidth = TerminalText.displayWidth(piece)
                    if used + pieceWidth > width { breakLine() } else if lineHasWord || lines.isEmpty { current.append(piece, style); used += pieceWidth }
                }
                continue
            }
            if used + wordWidth > width, lineHasWord { breakLine() }
            if used + wordWidth <= width {
                for (piece, style) in word { current.append(piece, style) }
                used += wordWidth
                lineHasWord = true
                continue
            }
            // A word wider than the line: split it by characters.
            for (piece, style) in word {
                var chunk = ""
                for character in piece {
                    let characterWidth = TerminalText.displayWidth(of: character)
                    if used + characterWidth > width, lineHasWord || !chunk.isEmpty {
                        current.append(chunk, style)
                        chunk = ""
                        breakLine()
                    }
                    chunk.append(character)
                    used += characterWidth
                    lineHasWord = true
                }
                current.append(chunk, style)
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

    /// The line's words and the whitespace between them, each a list of pieces with their looks: a
    /// word whose looks change inside it stays one word (`<Q1 auf>,`: the cue's end and the comma after
    /// it), so a line never breaks between a bracket and the punctuation glued to it.
    private func words() -> [[(text: String, style: StyleKind?)]] {
        var result: [[(text: String, style: StyleKind?)]] = []
        for run in runs {
            for piece in Self.pieces(run.text) {
                let isSpace = piece.first?.isWhitespace == true
                if let last = result.last?.last, (last.text.first?.isWhitespace == true) == isSpace {
                    result[result.count - 1].append((piece, run.style))
                } else {
                    result.append([(piece, run.style)])
                }
            }
        }
        return result
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
