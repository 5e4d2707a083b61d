/// Splits a command line into words at whitespace, keeping quoted text („…“, "…", »…«) and
/// `/regex/` together with anything attached to them (`"sagte"#2`, `"fügte","hinzu"`), and joining
/// comma-separated span parts written with spaces (`4-7, 9`).
///
/// The line is read a Unicode scalar at a time, not a grapheme cluster: a quote followed by a
/// combining mark, a zero-width joiner or a variation selector is one `Character`, and read that way
/// `"abc"` + U+200D was "quote not closed".
public enum CommandLexer {
    /// `line` without the whitespace at its ends, whitespace as the lexer splits words at it (Unicode's
    /// White_Space). Foundation's `.whitespaces` also holds the zero-width space U+200B, so `list` +
    /// U+200B was trimmed to `list` and ran, where a hidden character in a command word is named.
    public static func trimmed(_ line: some StringProtocol) -> String {
        let scalars = String(line).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The words of `line`; throws when a quote or regex is not closed.
    public static func words(_ line: String) throws(CommandLexerError) -> [CommandWord] {
        let characters = scalarCharacters(line)
        var words: [CommandWord] = []
        var index = 0
        while index < characters.count {
            if characters[index].isWhitespace {
                index += 1
                continue
            }
            let start = index
            var text = ""
            while index < characters.count, !characters[index].isWhitespace {
                let character = characters[index]
                if let closers = SpanAddressQuotes.closers(for: character) {
                    text.append(character)
                    index += 1
                    while index < characters.count, !closers.contains(characters[index]) {
                        text.append(characters[index])
                        index += 1
                    }
                    guard index < characters.count else {
                        throw .unclosedQuote(opening: character, closer: closers.sorted().first ?? "\"")
                    }
                } else if character == "/", text.isEmpty || text.hasSuffix(",") {
                    text.append(character)
                    index += 1
                    while index < characters.count, characters[index] != "/" {
                        if characters[index] == "\\", index + 1 < characters.count {
                            text.append(characters[index])
                            index += 1
                        }
                        text.append(characters[index])
                        index += 1
                    }
                    guard index < characters.count else { throw .unclosedRegularExpression }
                }
                text.append(characters[index])
                index += 1
            }
            words.append(CommandWord(text: text, start: start))
        }
        return joinCommaLists(words)
    }

    /// `text` as one `Character` per Unicode scalar, for scanners that must see each quote mark even
    /// where a mark or joiner follows it (appending them to a `String` joins them again).
    public static func scalarCharacters(_ text: String) -> [Character] {
        text.unicodeScalars.map(Character.init)
    }

    /// Joins `4-7,` `9` and `4-7` `,9` into one word.
    private static func joinCommaLists(_ words: [CommandWord]) -> [CommandWord] {
        var result: [CommandWord] = []
        for word in words {
            if let last = result.last, last.text.hasSuffix(",") || (word.text.hasPrefix(",") && word.text.count > 1) {
                result[result.count - 1].text += word.text
            } else {
                result.append(word)
            }
        }
        return result
    }
}

/// The quotation marks span addresses accept, for the lexer.
public enum SpanAddressQuotes {
    /// The closing marks for an opening mark, or nil when `character` opens no quote.
    public static func closers(for character: Character) -> Set<Character>? {
        SpanAddress.quotePairs[character]
    }
}
