/// What one call to ``LineEditor/readLine(prompt:style:)`` produced.
public enum LineInput: Equatable, Sendable {
    /// A complete line, without its line terminator.
    case line(String)
    /// Ctrl-C: the line being typed was cancelled; the program should keep running and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input: leave the loop (and call `close()`).
    case endOfInput
}
