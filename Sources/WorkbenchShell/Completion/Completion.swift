/// Completion logic of the line editor, on `Character`s (never bytes), free of terminal code.
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

    /// The word that ends at `cursor` (in `Character`s): the run of non-whitespace characters before it.
    public static func word(in line: String, cursor: Int) -> Substring {
        let end = line.index(line.startIndex, offsetBy: max(0, min(cursor, line.count)))
        var start = end
        while start > line.startIndex {
            let previous = line.index(before: start)
            if line[previous].isWhitespace { break }
            start = previous
        }
        return line[start..<end]
    }

    /// The entries of `words` that start with the word at the cursor, in their order.
    public static func matching(_ words: [String], line: String, cursor: Int) -> [String] {
        let current = word(in: line, cursor: cursor)
        return words.filter { $0.starts(with: current) }
    }

    /// The longest common prefix of `strings`, compared by `Character`.
    static func commonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, string) {
                if a != b { break }
                length += 1
            }
            prefix = prefix.prefix(length)
            if prefix.isEmpty { break }
        }
        return String(prefix)
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
        if target.starts(with: current) {
            plan = Plan(replace: "", insert: String(target.dropFirst(current.count)), list: list)
        } else if target.count >= current.count {
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
        guard cursor < line.count else { return false }
        return line[line.index(line.startIndex, offsetBy: cursor)].isWhitespace
    }

    /// Lays candidates out in columns (column-major, like `ls`) for a terminal `width` columns wide.
    /// Candidates are sanitized; widths are display widths.
    public static func columns(_ items: [String], width: Int) -> [String] {
        let cells = items.map { TerminalText.sanitize($0) }
        guard !cells.isEmpty else { return [] }
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
        return rows
    }
}
