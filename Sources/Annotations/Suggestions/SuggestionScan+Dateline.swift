extension SuggestionScan {
    /// The number of tokens of a news dateline that opens `tokens` ("Berlin (dpa) –",
    /// "BERLIN/PARIS (AFP) –", "Kiel, 5. Mai –", "Passau –"), dash included; 0 when there is none.
    ///
    /// A dateline names where (and through whom) a report comes from; it is neither speaker nor
    /// message, and the rules never see it, so "Berlin (dpa) – Die Ministerin sagte, …" gives the
    /// speaker "Die Ministerin" and "Kiel – Die Reform sei überfällig, sagte sie" the claim "Die
    /// Reform sei überfällig". Taken only when all of these hold: at most twelve tokens before a
    /// standalone dash, opened by a capitalised word; outside parentheses nothing but capitalised
    /// words, numbers, `,` `.` `/`; inside them no quote mark; and after the dash a capitalised
    /// word, a number or a quote mark with at least two more tokens.
    static func datelineLength(_ tokens: [Token]) -> Int {
        guard let first = tokens.first, first.kind == .word, isCapitalized(first) else { return 0 }
        var depth = 0
        for index in 1..<min(tokens.count, 13) {
            let token = tokens[index]
            switch token.kind {
            case .punctuation where token.text == "(":
                depth += 1
            case .punctuation where token.text == ")":
                guard depth > 0 else { return 0 }
                depth -= 1
            case .punctuation where depth == 0 && ["–", "—", "-"].contains(token.text):
                guard index + 3 <= tokens.count else { return 0 }
                let next = tokens[index + 1]
                let opensSentence = next.kind == .quote || next.kind == .number || next.kind == .word && isCapitalized(next)
                return opensSentence ? index + 1 : 0
            case .quote:
                return 0
            case _ where depth > 0:
                continue
            case .word:
                guard isCapitalized(token) else { return 0 }
            case .number:
                continue
            case .punctuation where [",", ".", "/"].contains(token.text):
                continue
            default:
                return 0
            }
        }
        return 0
    }
}
