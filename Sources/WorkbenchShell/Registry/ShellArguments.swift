import Foundation
import Annotations

/// Splits the words after a command's first argument into keyword clauses: `by Mark Rutte cue 5
/// form direct negated` → `by: ["Mark", "Rutte"]`, `cue: ["5"]`, `form: ["direct"]`, `negated: []`.
struct ShellArguments: Sendable {
    /// Clauses by keyword, in the order given.
    private(set) var clauses: [(keyword: String, words: [String])] = []

    /// Reads `words`; every word must belong to a clause. `=NAME` counts as `= NAME`.
    init(_ words: [CommandWord], keywords: Set<String>, command: String) throws(CommandError) {
        for word in words {
            var text = word.text
            if text.hasPrefix("="), text.count > 1, keywords.contains("=") {
                clauses.append(("=", []))
                text.removeFirst()
            }
            if keywords.contains(text.lowercased()) {
                clauses.append((text.lowercased(), []))
            } else if clauses.isEmpty {
                throw .usage("unexpected '\(TerminalText.sanitize(String(text.prefix(40))))' in \(command); expected one of: \(keywords.sorted().joined(separator: ", ")) (see 'help \(command)')")
            } else {
                clauses[clauses.count - 1].words.append(text)
            }
        }
    }

    /// The words of a keyword's clause (nil when absent); a repeated keyword is refused.
    func value(_ keyword: String) throws(CommandError) -> [String]? {
        let matching = clauses.filter { $0.keyword == keyword }
        guard matching.count <= 1 else { throw .usage("'\(keyword)' is given twice") }
        return matching.first?.words
    }

    /// The clause's words joined by spaces, with surrounding quotes removed; throws when it is empty.
    func text(_ keyword: String, what: String) throws(CommandError) -> String? {
        guard let words = try value(keyword) else { return nil }
        let joined = Self.unquoted(words.joined(separator: " "))
        guard !joined.isEmpty else { throw .usage("'\(keyword)' needs \(what)") }
        return joined
    }

    /// A flag keyword with no words.
    func flag(_ keyword: String) throws(CommandError) -> Bool {
        guard let words = try value(keyword) else { return false }
        guard words.isEmpty else { throw .usage("'\(keyword)' takes no value; found '\(TerminalText.sanitize(words.joined(separator: " ")))'") }
        return true
    }

    /// `text` without one pair of surrounding quotation marks (compared scalar by scalar, so `"́x"`, whose
    /// quote carries a combining mark, loses its quotes too).
    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = trimmed.unicodeScalars
        guard let first = scalars.first, let closers = SpanAddressQuotes.closers(for: Character(first)), scalars.count >= 2,
            let last = scalars.last, closers.contains(Character(last))
        else { return trimmed }
        return String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
    }
}
