import Annotations

extension StyledLine {
    /// A sentence rendered by ``BracketRenderer`` as one line: brackets and the text inside them in
    /// the annotation's look, stored context dimmed; corpus text is sanitised.
    public init(pieces: [SentencePiece]) {
        self.init()
        for piece in pieces {
            switch piece.kind {
            case .text: append(TerminalText.sanitize(piece.text), piece.enclosing.flatMap(Self.style))
            case .context: append(TerminalText.sanitize(piece.text), .dim)
            case .mention, .cue, .claim: append(TerminalText.sanitize(piece.text), Self.style(piece.kind))
            }
        }
    }

    /// The look of an annotation kind.
    private static func style(_ kind: SentencePiece.Kind) -> StyleKind? {
        switch kind {
        case .mention: return .speaker
        case .cue: return .cue
        case .claim: return .claim
        case .text, .context: return nil
        }
    }

    /// The tokens of a sentence as `1:Die 2:Vereinigten …`, broken into lines of about `width` columns.
    static func tokens(of sentence: Sentence, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        for token in sentence.tokens {
            let number = "\(token.index + 1):"
            let text = TerminalText.sanitize(token.text)
            let cell = number.count + TerminalText.displayWidth(text) + 1
            if used > 0, used + cell > width {
                lines.append(line)
                line = StyledLine()
                used = 0
            }
            line.append(number, .dim)
            line.append(text + " ")
            used += cell
        }
        if !line.runs.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map { line in
            var trimmed = line
            if var last = trimmed.runs.popLast() {
                while last.text.hasSuffix(" ") { last.text.removeLast() }
                trimmed.runs.append(last)
            }
            return trimmed
        }
    }
}
