/// One line of shell output as runs of text, each with an optional look. The shell produces these;
/// the terminal front end turns them into plain or coloured text, so the shell never writes escapes.
public struct StyledLine: Sendable, Equatable {
    /// A piece of text with one look.
    public struct Run: Sendable, Equatable {
        /// The text; sanitised when it is written (sanitise earlier only to measure widths).
        public var text: String
        /// The look, or nil for plain text.
        public var style: StyleKind?
    }

    /// The runs, in order.
    public var runs: [Run]

    /// A line of runs.
    public init(_ runs: [Run] = []) { self.runs = runs }

    /// A line with one run.
    public init(_ text: String, _ style: StyleKind? = nil) { runs = [Run(text: text, style: style)] }

    /// Appends a run.
    public mutating func append(_ text: String, _ style: StyleKind? = nil) {
        guard !text.isEmpty else { return }
        runs.append(Run(text: text, style: style))
    }

    /// The text without looks.
    public var plain: String { runs.map(\.text).joined() }
}
