extension SuggestionScan {
    /// Head nouns of the media a statement is given to ("der Zeitung", "dem Sender", "der
    /// Nachrichtenagentur"); compounds ending in one count ("der Sonntagszeitung").
    static let mediaNouns: [String] = [
        "zeitung", "presse", "agentur", "sender", "zeitschrift", "magazin", "redaktion", "öffentlichkeit", "website",
        "webseite", "portal", "blatt", "journalisten", "journalistin", "reportern", "fernsehen", "rundfunk", "radio",
    ]
    /// Words before "der Zeitung" that make it a genitive ("der Chefredakteur der Zeitung").
    static let mediaRoles: Set<String> = [
        "chefredakteur", "chefredakteurin", "herausgeber", "herausgeberin", "redakteur", "redakteurin", "korrespondent",
        "korrespondentin", "intendant", "intendantin", "reporter", "reporterin", "sprecher", "sprecherin", "chef", "chefin",
        "leiter", "leiterin", "direktor", "direktorin", "kolumnist", "kolumnistin", "autor", "autorin",
    ]

    /// The addressee at the end of a speaker that follows its verb ("…, sagte Lisa Schmid der
    /// „Zeit“", "…, sagte Schmid dem Sender", "sagte die Chefin der Grünen, Lisa Schmid, der
    /// Zeitung"): German puts the dative object after an inverted subject, so the phrase that the
    /// subject finder took as the speaker's end, or that follows it after a comma, is split off.
    /// "dem" and "einem" open a dative; "der" and "einer" only before a medium (a quoted name or a
    /// noun of ``mediaNouns``) and not after a role of one ("der Chefredakteur der Zeitung" is a
    /// genitive). The phrase must close the clause: the sentence's end, a comma, a colon or the cue's
    /// particle. Nil when there is no such phrase.
    func addresseeAfterInvertedSpeaker(_ speaker: [Int], cue: [Int]) -> (speaker: [Int], addressee: [Int])? {
        guard let first = speaker.first, let last = speaker.last, last - first + 1 == speaker.count else { return nil }
        let upper = sentenceRanges[words[first].sentence].upperBound
        let closesClause = { (position: Int) in
            position >= upper || cue.contains(position) || [".", "!", "?", ",", ":", ";"].contains(self.words[position].text)
        }
        // Inside the speaker: its last phrase opened by a dative determiner.
        for split in stride(from: last, through: first + 1, by: -1) where isDativeOpening(split, before: split - 1) {
            let addressee = Array(split...last)
            guard closesClause(last + 1), nounPhrase(from: split).last == last else { continue }
            var kept = Array(first..<split)
            while let end = kept.last, words[end].kind != .word || Self.determiners.contains(words[end].lower) { kept.removeLast() }
            guard !kept.isEmpty else { return nil }
            return (kept, addressee)
        }
        // Right after the speaker ("…, sagte Schmid dem Sender.") or after a comma that closes an
        // apposition ("…, Lisa Schmid, der Zeitung.").
        guard last + 1 < upper else { return nil }
        let opening = words[last + 1].text == "," ? last + 2 : last + 1
        if opening + 1 < upper, isDativeOpening(opening, before: last) {
            let phrase = nounPhrase(from: opening)
            if let end = phrase.last, phrase.count >= 2, closesClause(end + 1) {
                return (speaker, phrase)
            }
        }
        return nil
    }

    /// Whether the determiner at `position` opens a dative object after the word at `previous`.
    private func isDativeOpening(_ position: Int, before previous: Int) -> Bool {
        let determiner = words[position].lower
        if determiner == "dem" || determiner == "einem" { return position + 1 < words.count && words[position + 1].kind != .punctuation }
        guard determiner == "der" || determiner == "einer", position + 1 < words.count, !Self.mediaRoles.contains(words[previous].lower)
        else { return false }
        let next = words[position + 1]
        if next.kind == .quote { return true }
        let phrase = nounPhrase(from: position)
        guard let head = phrase.last(where: { words[$0].kind == .word && words[$0].capitalized }) else { return false }
        let lower = words[head].lower
        return Self.mediaNouns.contains { lower == $0 || lower.hasSuffix($0) }
    }
}
