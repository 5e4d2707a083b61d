import Annotations

/// The characters of a typed command name that no command is spelled with: every command is plain
/// ASCII, and a name typed with a Cyrillic `о` (a keyboard layout left on, a name pasted from a
/// message) looks exactly like one that works. Naming them tells the user why `nоte` is unknown.
public enum ForeignLetters {
    /// At most this many different characters are named.
    static let named = 3

    /// A clause naming the characters of `word` outside ASCII, each with its code point and Unicode
    /// name (shown through ``TerminalText/sanitize(_:)``): "its 'о' is U+043E CYRILLIC SMALL LETTER O;
    /// commands are spelled with the ASCII letters a–z only". Nil when `word` is all ASCII.
    public static func clause(for word: String) -> String? {
        var seen: [Unicode.Scalar] = []
        for scalar in word.unicodeScalars where !scalar.isASCII && !seen.contains(scalar) { seen.append(scalar) }
        guard !seen.isEmpty else { return nil }
        let shown = seen.prefix(named).map { scalar in
            let name = scalar.properties.name.map { " " + $0 } ?? ""
            // Shown itself only when it stands alone visibly: not a control, format or space character,
            // not a mark or joiner that would join the quote before it.
            let visible = TerminalText.isSafe(scalar) && !scalar.properties.isWhitespace
                && TerminalText.displayWidth(String(scalar)) > 0 && !scalar.properties.isGraphemeExtend
            guard visible else { return scalar.codePoint + name }
            return "'\(String(scalar))' is \(scalar.codePoint)\(name)"
        }
        let more = seen.count > named ? " and \(seen.count - named) more" : ""
        return "its " + shown.joined(separator: ", ") + more + "; commands are spelled with the ASCII letters a–z only"
    }

    /// A typed word that names no command, as the messages quote it: ``EchoedWord/cut(_:)`` (its first
    /// 40 characters, with `…` when it had more) through ``TerminalText/sanitize(_:)``, in quotes, and the ``clause(for:)``
    /// naming the characters outside ASCII among them: `'nоte' (its 'о' is U+043E …)`. One definition
    /// for the REPL's `unknown command` and the command line's.
    public static func quotedCommandWord(_ word: String) -> String {
        let foreign = clause(for: EchoedWord.start(of: word)).map { " (\($0))" } ?? ""
        return "'\(TerminalText.sanitize(EchoedWord.cut(word)))'\(foreign)"
    }
}
