/// Making untrusted text (corpus, file names, user input) safe and measurable for a terminal.
///
/// The writers (``StandardOutput``, ``StandardError``) apply ``sanitize(_:keepNewlines:)`` to everything they
/// write; call it directly only to measure or wrap text before it is written.
///
/// ``sanitize(_:keepNewlines:)`` shows every character that could move the cursor, change colours,
/// set the window title, reorder text or hide itself as a visible placeholder:
/// - C0 controls as Control Pictures (`ESC` → `␛`, `NUL` → `␀`, `CR` → `␍`, `LF` → `␊`), DEL → `␡`.
///   An escape sequence therefore shows up as text: `ESC [31m` → `␛[31m`.
/// - TAB → one space (tabs in news text are layout noise and would break width computations).
/// - C1 controls (U+0080–U+009F, including the 8-bit CSI U+009B), format characters (general category
///   Cf: bidi embeddings/overrides/isolates U+202A–U+202E and U+2066–U+2069, marks, zero-width space,
///   soft hyphen, BOM, tag characters…) and line/paragraph separators → `<U+XXXX>`. ZWJ and ZWNJ are
///   kept where they join something (emoji sequences, some scripts): between two characters that are
///   not spaces, controls or joiners. A lone joiner (at the start or end, beside a space, in a run of
///   joiners) joins nothing and is shown as `<U+200D>`: a terminal adds it to the cell before it, and a
///   run of them overflowed tmux's cell and left a stray joiner in the next row.
public enum TerminalText {
    /// Returns `text` with dangerous characters replaced by visible placeholders (see the type's notes).
    /// With `keepNewlines`, LF stays a line break; otherwise it becomes `␊`.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        let found = text.utf8.withContiguousStorageIfAvailable { Self.scan(utf8: $0, keepNewlines: keepNewlines) }
        if found == .safe { return text }
        if found == nil, text.unicodeScalars.allSatisfy({ isSafe($0, keepNewlines: keepNewlines) && !isJoiner($0) }) { return text }
        var out = String.UnicodeScalarView()
        let scalars = text.unicodeScalars
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            defer { previous = scalar }
            if isJoiner(scalar) {
                let next = index < scalars.endIndex ? scalars[index] : nil
                if joins(previous), joins(next) {
                    out.append(scalar)
                } else {
                    out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
                }
                continue
            }
            if isSafe(scalar, keepNewlines: keepNewlines) {
                out.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x09:
                out.append(" ")
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F:
                out.append("\u{2421}")
            default:
                out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// The zero-width joiner and non-joiner: kept only between two characters they can join.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// Whether a joiner may stand next to `scalar`: a printable character that is not a space or a joiner.
    private static func joins(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, !isJoiner(scalar), !scalar.properties.isWhitespace else { return false }
        return isSafe(scalar)
    }

    /// `<U+XXXX>` (at least four hex digits): how a character that may not reach the terminal is shown.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        "<" + scalar.codePoint + ">"
    }

    /// Whether `scalar` can be written to a terminal as it is.
    public static func isSafe(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0x0A: return keepNewlines
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0x200C, 0x200D: return true
        default:
            switch scalar.properties.generalCategory {
            case .format, .lineSeparator, .paragraphSeparator, .control: return false
            default: return true
            }
        }
    }
}
