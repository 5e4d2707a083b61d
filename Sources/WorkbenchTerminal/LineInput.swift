/// What one call to ``LineEditor/readLine(prompt:style:)`` produced.
public enum LineInput: Equatable, Sendable {
    /// A complete line, without its line terminator.
    case line(String)
    /// Ctrl-C: the line being typed was cancelled; the program should keep running and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input: leave the loop (and call `close()`).
    case endOfInput
    /// A line that is not UTF-8 (a script saved in Latin-1, a terminal set to Latin-1); `byteOffset` is
    /// where its first bad sequence starts. Refused, never read with replacement characters.
    case notUTF8(byteOffset: Int)
}

extension LineInput {
    /// What the loops answer to ``notUTF8(byteOffset:)``.
    public static func notUTF8Message(byteOffset: Int) -> String {
        "the line is not UTF-8 (byte \(byteOffset + 1) of the line starts a bad sequence; a script saved as Latin-1, or a terminal not set to UTF-8?); save the input as UTF-8 or set the terminal to UTF-8; nothing changed"
    }
}
