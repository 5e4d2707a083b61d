import Annotations

/// Completion logic of the line editor, free of terminal code. Lines, cursors and words are counted
/// in Unicode scalars (never bytes), as the command lexer reads a line and as libedit holds it: read
/// by `Character`s, a quote glued to the combining mark, joiner or variation selector after it was
/// no quote, so TAB saw a quote open where the command saw it closed (and the other way round).
public enum Completion {
    /// What the editor does for one TAB press.
    public struct Plan: Equatable, Sendable {
        /// Text directly before the cursor to delete first (empty when the candidates extend the word).
        public var replace: String
        /// Text to insert at the cursor.
        public var insert: String
        /// Candidates to list below the line (several candidates), empty otherwise.
        public var list: [String]

        /// Nothing to insert and nothing to list.
        public var isEmpty: Bool { replace.isEmpty && insert.isEmpty && list.isEmpty }
    }

    /// Whether `scalar` separates words, as the command lexer decides it.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        Character(scalar).isWhitespace
    }

    /// The first `count` scalars of `line` (all of it when shorter).
    static func prefix(_ line: String, scalars count: Int) -> Substring {
        let scalars = line.unicodeScalars
        return Substring(scalars[scalars.startIndex..<(scalars.index(scalars.startIndex, offsetBy: max(0, count), limitedBy: scalars.endIndex) ?? scalars.endIndex)])
    }

    /// `text` without its first `count` scalars.
    static func dropping(_ count: Int, scalarsOf text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(count)))
    }

    /// Whether `text` begins with the scalars of `prefix` (`"👩‍👩‍👧"` begins with `"👩"`, which
    /// `hasPrefix`, comparing characters, denies).
    static func hasScalarPrefix(_ text: some StringProtocol, _ prefix: some StringProtocol) -> Bool {
        text.unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    /// The word that ends at `cursor` (in Unicode scalars): the run of non-whitespace scalars before it.
    public static func word(in line: String, cursor: Int) -> Substring {
        let before = prefix(line, scalars: cursor)
        let scalars = before.unicodeScalars
        var start = scalars.endIndex
        while start > scalars.startIndex {
            let previous = scalars.index(before: start)
            if isSeparator(scalars[previous]) { break }
            start = previous
        }
        return Substring(scalars[start...])
    }

    /// The entries of `words` that start with the word at the cursor, in their order.
    public static func matching(_ words: [String], line: String, cursor: Int) -> [String] {
        let current = word(in: line, cursor: cursor)
        return words.filter { hasScalarPrefix($0, current) }
    }

    /// The longest common prefix of `strings`, compared by Unicode scalar and cut back to where
    /// every string has a character boundary, so an accent or a joined emoji is never split off.
    static func commonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var length = first.unicodeScalars.count
        for string in strings.dropFirst() {
            length = min(length, zip(first.unicodeScalars, string.unicodeScalars).prefix { $0 == $1 }.count)
        }
        while length > 0, !strings.allSatisfy({ endsCharacter($0, atScalar: length) }) { length -= 1 }
        return String(prefix(first, scalars: length))
    }

    /// Whether scalar offset `offset` of `text` is a character boundary.
    private static func endsCharacter(_ text: String, atScalar offset: Int) -> Bool {
        let index = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: offset)
        return index.samePosition(in: text) != nil
    }

    /// Plans one completion: a single candidate replaces the word (plus a space when `appendSpace`);
    /// several candidates extend the word to their common prefix and are listed.
    public static func plan(line: String, cursor: Int, candidates: [String], appendSpace: Bool = true) -> Plan {
        let unique = candidates.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !unique.isEmpty else { return Plan(replace: "", insert: "", list: []) }
        let current = word(in: line, cursor: cursor)
        let target = unique.count == 1 ? unique[0] : commonPrefix(unique)
        let list = unique.count == 1 ? [] : unique
        var plan: Plan
        if hasScalarPrefix(target, current) {
            plan = Plan(replace: "", insert: dropping(current.unicodeScalars.count, scalarsOf: target), list: list)
        } else if target.unicodeScalars.count >= current.unicodeScalars.count {
            plan = Plan(replace: String(current), insert: target, list: list)
        } else {
            plan = Plan(replace: "", insert: "", list: list)
        }
        if unique.count == 1 && appendSpace && !nextIsWhitespace(line: line, cursor: cursor) {
            plan.insert += " "
        }
        return plan
    }

    private static func nextIsWhitespace(line: String, cursor: Int) -> Bool {
        let scalars = line.unicodeScalars
        guard cursor >= 0, let index = scalars.index(scalars.startIndex, offsetBy: cursor, limitedBy: scalars.endIndex),
            index < scalars.endIndex
        else { return false }
        return isSeparator(scalars[index])
    }

    /// The mark that closes a quote opened with `opening` (`„` → `“`, `»` → `«`, `«` → `»`, `"` → `"`).
    public static func closer(for opening: Unicode.Scalar) -> String {
        switch opening {
        case "„": return "“"
        case "»": return "«"
        case "«": return "»"
        default: return String(Character(opening))
        }
    }

    /// What Enter does to a line whose quote is still open at its end (`cl "im November ` after TAB
    /// completed a word inside the quote): drop the whitespace after the last word and close the
    /// quote, so the line runs as it then reads (it was refused: "the quote \" is not closed").
    /// Nil when every quote is closed, or when nothing but whitespace follows the opening mark.
    public static func closingOpenQuote(_ line: String) -> (dropping: Int, insert: String)? {
        var open: (scalar: Unicode.Scalar, closers: Set<Character>, position: Int)?
        let scalars = Array(line.unicodeScalars)
        for (position, scalar) in scalars.enumerated() {
            if let current = open {
                if current.closers.contains(Character(scalar)) { open = nil }
            } else if let closers = SpanAddressQuotes.closers(for: Character(scalar)) {
                open = (scalar, closers, position)
            }
        }
        guard let open else { return nil }
        var end = scalars.count
        while end > open.position + 1, isSeparator(scalars[end - 1]) { end -= 1 }
        guard end > open.position + 1 else { return nil }
        return (scalars.count - end, closer(for: open.scalar))
    }

    /// Lays candidates out in columns (column-major, like `ls`) for a terminal `width` columns wide.
    /// Candidates are sanitized; widths are display widths; one wider than the window is cut to fit,
    /// ending in `…`. With `height`, a list taller than the window less two rows (the prompt's and
    /// the last one's) shows the first candidates that fit and then how many more there are: TAB on
    /// a sentence of 5 000 words listed 715 rows, scrolling the sentence away.
    public static func columns(_ items: [String], width requested: Int, height: Int? = nil) -> [String] {
        let width = max(requested, 2)
        let cells = items.map { fitted(TerminalText.sanitize($0), width: width) }
        guard !cells.isEmpty else { return [] }
        let layout = Self.layout(cells, width: width)
        if let height {
            let rowsShown = max(1, height - 2)
            if layout.rows.count > rowsShown {
                let shown = rowsShown * layout.columnCount
                let more = "… \(cells.count - shown) more: type more letters"
                return Self.layout(Array(cells.prefix(shown)), width: width).rows + [fitted(more, width: width)]
            }
        }
        return layout.rows
    }

    /// Sanitized, fitted `cells` laid out column-major for `width` columns: the rows and how many
    /// columns they have (the one place that count is made, for the rows and for cutting a list to a
    /// window's height).
    private static func layout(_ cells: [String], width: Int) -> (rows: [String], columnCount: Int) {
        let cellWidth = (cells.map { TerminalText.displayWidth($0) }.max() ?? 0) + 2
        let columnCount = max(1, min(cells.count, max(width, 1) / max(cellWidth, 1)))
        let rowCount = (cells.count + columnCount - 1) / columnCount
        var rows: [String] = []
        for row in 0..<rowCount {
            var text = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < cells.count else { break }
                let cell = cells[index]
                let isLast = column == columnCount - 1 || index + rowCount >= cells.count
                text += cell
                if !isLast { text += String(repeating: " ", count: cellWidth - TerminalText.displayWidth(cell)) }
            }
            rows.append(text)
        }
        return (rows, columnCount)
    }

    /// `text`, cut to at most `width - 1` columns with `…` when it is wider than `width - 1`.
    static func fitted(_ text: String, width: Int) -> String {
        guard TerminalText.displayWidth(text) > width - 1 else { return text }
        var kept = "", used = 0
        for character in text {
            let cell = TerminalText.displayWidth(of: character)
            if used + cell > width - 2 { break }
            kept.append(character)
            used += cell
        }
        return kept + "…"
    }
}
