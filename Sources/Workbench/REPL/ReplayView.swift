import Annotations
import WorkbenchShell
import WorkbenchTerminal

/// Turns replay steps into terminal lines: styled runs (sanitised and coloured when written, see
/// ``StandardOutput/render(_:style:)``), in colour or in plain bracket notation.
struct ReplayView {
    /// Sentence rendering (with or without the corpus).
    let renderer: BracketRenderer
    /// Colours, or none.
    let style: TerminalStyle

    /// The lines of one step: header with the description, then each touched sentence as it is
    /// after the step (its records from `index` when given, else found in `state`).
    func lines(for step: ReplayStep, state: AnnotationState, index: SentenceRecordIndex? = nil) -> [StyledLine] {
        var header = StyledLine(step.header, .heading)
        header.append("  " + step.description)
        var lines = [header]
        for key in step.sentences {
            var line = StyledLine("    ")
            line.append(key.description, .dim)
            line.append("  ")
            line.runs += sentence(key, state: state, index: index).runs
            lines.append(line)
        }
        return lines
    }

    /// A sentence with its annotations, one run per piece.
    func sentence(_ key: SentenceKey, state: AnnotationState, index: SentenceRecordIndex? = nil) -> StyledLine {
        StyledLine(pieces: index.map { renderer.render(key, records: $0.records(in: key, state: state), in: state) } ?? renderer.render(key, in: state))
    }
}
