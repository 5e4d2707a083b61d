/// One line of shell output as runs of text, each with an optional look. The shell produces these;
/// the terminal front end turns them into plain or coloured text, so the shell never writes escapes.
struct StyledLine: Sendable, Equatable {
    /// A piece of text with one look.
    struct Run: Sendable, Equatable {
        /// The text; sanitised when it is written (sanitise earlier only to measure widths).
        var text: String
        /// The look, or nil for plain text.
        var style: TerminalStyle.Kind?
    }

    /// The runs, in order.
    var runs: [Run]

    /// A line of runs.
    init(_ runs: [Run] = []) { self.runs = runs }

    /// A line with one run.
    init(_ text: String, _ style: TerminalStyle.Kind? = nil) { runs = [Run(text: text, style: style)] }

    /// Appends a run.
    mutating func append(_ text: String, _ style: TerminalStyle.Kind? = nil) {
        guard !text.isEmpty else { return }
        runs.append(Run(text: text, style: style))
    }

    /// The text without looks.
    var plain: String { runs.map(\.text).joined() }

    /// The text sanitised and with looks applied by `style` (see ``StandardOutput/render(_:style:)``).
    func rendered(with style: TerminalStyle) -> String { StandardOutput.render(self, style: style) }
}
