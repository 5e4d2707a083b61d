import Annotations

/// Turns replay steps into terminal lines: sanitised, in colour or in plain bracket notation.
struct ReplayView {
    /// Sentence rendering (with or without the corpus).
    let renderer: BracketRenderer
    /// Colours, or none.
    let style: TerminalStyle

    /// The lines of one step: header with the description, then each touched sentence as it is
    /// after the step (its records from `index` when given, else found in `state`).
    func lines(for step: ReplayStep, state: AnnotationState, index: SentenceRecordIndex? = nil) -> [String] {
        var lines = [
            style.apply(.heading, TerminalText.sanitize(step.header)) + "  " + TerminalText.sanitize(step.description)
        ]
        for key in step.sentences {
            lines.append("    " + style.apply(.dim, TerminalText.sanitize(key.description)) + "  " + sentence(key, state: state, index: index))
        }
        return lines
    }

    /// A sentence with its annotations, each piece sanitised before it is styled.
    func sentence(_ key: SentenceKey, state: AnnotationState, index: SentenceRecordIndex? = nil) -> String {
        let pieces = index.map { renderer.render(key, records: $0.records(in: key, state: state)) } ?? renderer.render(key, in: state)
        return pieces.map { piece in
            let text = TerminalText.sanitize(piece.text)
            switch piece.kind {
            case .text: return text
            case .mention: return style.apply(.speaker, text)
            case .cue: return style.apply(.cue, text)
            case .claim: return style.apply(.claim, text)
            case .context: return style.apply(.dim, text)
            }
        }.joined()
    }
}
