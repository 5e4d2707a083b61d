import WorkbenchShell

/// Line reader for non-interactive use (stdin or stdout is not a terminal): no prompt, no colour,
/// no history, no escape sequences. Reads with the standard library's buffered `readLine`.
final class PlainLineReader: LineEditor {
    private var closed = false

    /// Creates a reader on standard input.
    init() {}

    /// Reads the next line; the prompt is ignored.
    func readLine(prompt: StyledLine, style: TerminalStyle) -> LineInput {
        guard !closed, let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    /// Always false: without a terminal, Ctrl-C keeps its default effect and ends the program at once.
    var interruptRequested: Bool { false }

    /// Marks the reader closed. Idempotent.
    func close() { closed = true }
}
