import Annotations
import WorkbenchShell

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
    /// A line typed in the terminal holding `character`, a bidi control or another character the output
    /// path shows as a placeholder (`<U+202E>`): the edit line showed it as U+FFFD, never raw, and the
    /// line is refused, as a line that is not UTF-8 is. Piped lines are not shown and keep such characters.
    case hiddenCharacter(Unicode.Scalar)
    /// A piped line of `bytes` bytes, far longer than any command (a binary file or a stream without
    /// line breaks piped by mistake): read to its end without being kept, and refused.
    case tooLong(bytes: Int)
}

extension LineInput {
    /// What a loop tells apart in one read: every refused line (``notUTF8(byteOffset:)``,
    /// ``hiddenCharacter(_:)``, ``tooLong(bytes:)``, and any refusal added later) is one case with its
    /// message, so no loop can miss a refusal: the REPL, `review` and `replay` each switch on this.
    public enum Outcome: Equatable, Sendable {
        /// A complete line to run.
        case line(String)
        /// Ctrl-C on the line: prompt again.
        case interrupted
        /// The end of the input: leave the loop.
        case endOfInput
        /// A line refused before it was read as a command; `message` says why and that nothing changed.
        case refused(String)
    }

    /// This read as one of the cases a loop tells apart.
    public var outcome: Outcome {
        switch self {
        case .line(let text): .line(text)
        case .interrupted: .interrupted
        case .endOfInput: .endOfInput
        case .notUTF8(let offset): .refused(Self.notUTF8Message(byteOffset: offset))
        case .hiddenCharacter(let scalar): .refused(Self.hiddenCharacterMessage(scalar))
        case .tooLong(let bytes): .refused(Self.tooLongMessage(bytes: bytes))
        }
    }

    /// What the loops answer to a refused line (``notUTF8(byteOffset:)``, ``hiddenCharacter(_:)``, ``tooLong(bytes:)``);
    /// nil for the other cases.
    public var refusal: String? {
        if case .refused(let message) = outcome { message } else { nil }
    }

    /// What the loops answer to ``hiddenCharacter(_:)``.
    public static func hiddenCharacterMessage(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name.map { " " + $0 } ?? ""
        return "the line holds \(scalar.codePoint)\(name), an invisible, control or text-direction character (shown as \u{FFFD}), so the screen did not show the line as it would be read; remove it (Up brings the line back) or type the text without it; nothing changed"
    }

    /// What the loops answer to ``tooLong(bytes:)``.
    public static func tooLongMessage(bytes: Int) -> String {
        "the line is too long (\(bytes) bytes, read without being kept; a command line holds at most 4000 characters: was a binary file or a stream without line breaks piped in?); nothing changed"
    }

    /// What the loops answer to ``notUTF8(byteOffset:)``.
    public static func notUTF8Message(byteOffset: Int) -> String {
        "the line is not UTF-8 (byte \(byteOffset + 1) of the line starts a bad sequence; a script saved as Latin-1, or a terminal not set to UTF-8?); save the input as UTF-8 or set the terminal to UTF-8; nothing changed"
    }
}
