import WorkbenchShell

extension StyledLine {
    /// The text sanitised and with looks applied by `style` (see ``StandardOutput/render(_:style:)``).
    public func rendered(with style: TerminalStyle) -> String { StandardOutput.render(self, style: style) }

    /// Lines as a terminal shows them: word-wrapped to its width (as the REPL wraps) when standard output
    /// is a terminal, unchanged when it is a pipe or file. Used by replay, review and adjudicate.
    public static func forTerminal(
        _ lines: [StyledLine], outputIsTerminal: Bool = TerminalCapabilities.detect().outputIsTerminal, width: Int? = nil
    ) -> [StyledLine] {
        guard outputIsTerminal else { return lines }
        let columns = width ?? TerminalText.terminalWidth()
        return lines.flatMap { $0.wrapped(width: columns) }
    }

    /// Plain text as a terminal shows it, line by line (see ``forTerminal(_:outputIsTerminal:)``).
    public static func forTerminal(_ text: String, outputIsTerminal: Bool = TerminalCapabilities.detect().outputIsTerminal, width: Int? = nil) -> String {
        guard outputIsTerminal else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledLine(String($0)) }
        return forTerminal(lines, outputIsTerminal: true, width: width).map(\.plain).joined(separator: "\n")
    }
}
