extension SuggestionScan {
    /// The speaker and addressee of a "wie X … mitteilte" clause from the words between "wie" and
    /// the verb: the speaker's noun phrase ends where ``nounPhrase(from:)`` ends it, and a dative
    /// phrase right after it up to the verb is the addressee ("Wie die Behörde Journalisten
    /// mitteilte", "Wie ein Sprecher dem Sender sagte"), as is the phrase after "gegenüber"
    /// ("Wie die Polizei gegenüber der Zeitung erklärte"). `speaker` is the clause's speaker with
    /// any preposition already cut off; it is returned unchanged when no addressee is found.
    func wieClauseAddressee(speaker: [Int], clauseStart wie: Int, finite: Int, cue: [Int]) -> (speaker: [Int], addressee: [Int]) {
        guard let first = speaker.first, let last = speaker.last else { return (speaker, []) }
        let inClause = { (index: Int) in index < finite && !cue.contains(index) }
        // "gegenüber X" after the speaker, before the verb.
        if last + 1 < finite, words[last + 1].lower == "gegenüber" {
            let phrase = nounPhrase(from: last + 2)
            let addressee = Array(phrase.prefix(while: inClause))
            return (speaker, addressee.contains { words[$0].capitalized } ? addressee : [])
        }
        // The speaker runs on to the verb without a comma: a dative after its noun phrase.
        guard last - first + 1 == speaker.count, !speaker.contains(where: { words[$0].kind != .word }) else { return (speaker, []) }
        let phrase = Array(nounPhrase(from: first).prefix(while: inClause))
        guard !phrase.isEmpty, phrase.count < speaker.count, Array(speaker.prefix(phrase.count)) == phrase else { return (speaker, []) }
        let rest = Array(speaker.dropFirst(phrase.count))
        guard let opening = rest.first, Array(nounPhrase(from: opening).prefix(while: inClause)) == rest else { return (speaker, []) }
        let lower = words[opening].lower
        let dative = Self.dativeOpenings.contains(lower) && lower != "der" && lower != "den"
            || rest.count == 1 && words[opening].capitalized
                && (isPluralCommonNoun(lower) || Self.bareAudienceNouns.contains { lower == $0 || lower.hasSuffix("-" + $0) })
        return dative ? (phrase, rest) : (speaker, [])
    }
}

extension SuggestionScan {
    /// The speaker and addressee of a passive "wie … von X mitgeteilt wurde" clause: the agent
    /// phrase with its preposition is the speaker, as SpkAtt marks it ("von der Gruppe"), and a
    /// dative before it the addressee ("Wie der Zeitung „Nordblick“ von der Gruppe mitgeteilt
    /// wurde"); a name before the agent of "zitiert" is the one quoted, no addressee. Nil when the
    /// clause holds no passive auxiliary or no agent.
    func wieClausePassiveAgent(clauseStart wie: Int, finite: Int, cue: [Int], verb: Int) -> (speaker: [Int], addressee: [Int])? {
        guard cue.contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" }),
            let preposition = ((wie + 1)..<finite).first(where: { Self.agentPrepositions.contains(words[$0].lower) && !cue.contains($0) })
        else { return nil }
        let agent = [preposition] + nounPhrase(from: preposition + 1).prefix { $0 < finite && !cue.contains($0) }
        guard agent.count >= 2 else { return nil }
        let before = Array((wie + 1)..<preposition)
        let dative = before.first.map { Self.dativeOpenings.contains(words[$0].lower) } ?? false
            && lexicon.verbs[verb].lemma != "zitieren"
            && Array(nounPhrase(from: before[0]).prefix { $0 < preposition }) == before
        return (agent, dative ? before : [])
    }
}
