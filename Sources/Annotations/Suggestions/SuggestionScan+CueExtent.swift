extension SuggestionScan {
    /// Modal verbs whose infinitive or participle chain a cue closes ("will … bekannt geben", "soll
    /// … gesagt haben", "wollen … wissen"): the modal belongs to the cue.
    static let cueModals: Set<String> = modals.union([
        "sollen", "wollen", "müssen", "können", "dürfen", "möchten", "mochte", "wolle", "solle", "sollten", "wollten",
        "konnten", "könnten", "könnte", "durften", "dürfte", "dürften", "müssten", "müsste",
    ])

    /// The forms of a particle verb written apart after its particle at `index - 1` ("bekannt
    /// gegeben" is "bekanntgegeben"), nil when the word before is no such particle. Only the
    /// particles German spelling lets stand apart before the rest of their verb are read so
    /// ("hat bekannt gegeben", "will klar machen", "hatte nahe gelegt"): adjectives, never
    /// prepositions or adverbs of their own ("zu sagen", "vorher gesagt" are no particle verbs).
    func apartParticleForms(at index: Int) -> [SuggestionLexicon.VerbForm]? {
        guard index - 1 >= 0, words[index].kind == .word, !words[index].capitalized else { return nil }
        let particle = words[index - 1]
        // Compared one by one: cheaper than hashing, and this runs for every word a rule asks about.
        guard particle.kind == .word, particle.lower == "bekannt" || particle.lower == "klar" || particle.lower == "nahe",
            particle.sentence == words[index].sentence, let joined = lexicon.verbForms[particle.lower + words[index].lower]
        else { return nil }
        let forms = joined.filter { !$0.form.needsParticle && lexicon.verbs[$0.verb].particle == particle.lower }
        return forms.isEmpty ? nil : forms
    }

    /// Whether the word at `index` is a particle standing apart before the rest of its verb, which
    /// then holds the cue ("bekannt" in "hat bekannt gegeben" is no form of "bekennen").
    func isApartParticle(at index: Int) -> Bool {
        index + 1 < words.count && apartParticleForms(at: index + 1) != nil
    }

    /// The separated particles of the particle verbs among `forms`, whose finite form stands at
    /// `index` in main-clause order ("teilte … mit"): for each verb whose particle is found, the
    /// last occurrence of the particle in the clause after the verb (an apposition of names between
    /// commas, a bracket and a relative clause between commas are passed; after a relative clause
    /// the particle must close the clause: "geht aus einer Meldung, die … verbreitet wurde,
    /// hervor"), or the word right before a clause-final verb ("wie die Bank bekannt gab,"). One
    /// walk over the clause serves every reading of the word; verbs whose particle is not found
    /// are left out.
    func separatedParticles(
        of forms: [SuggestionLexicon.VerbForm], after index: Int, sentence: Range<Int>
    ) -> [(verb: Int, position: Int)] {
        var wanted: [(verb: Int, particle: String)] = []
        for candidate in forms where candidate.form.needsParticle {
            if let particle = lexicon.verbs[candidate.verb].particle, !wanted.contains(where: { $0.verb == candidate.verb }) {
                wanted.append((candidate.verb, particle))
            }
        }
        guard !wanted.isEmpty else { return [] }
        var found = [Int?](repeating: nil, count: wanted.count)
        let limit = min(sentence.upperBound, index + Self.window)
        var afterRelativeClause = false
        var position = index + 1
        while position < limit, words[position].kind != .quote {
            if words[position].kind == .punctuation {
                if words[position].text == "(", let close = (position + 1..<limit).first(where: { words[$0].text == ")" }) {
                    position = close + 1
                    continue
                }
                // An apposition of names before the particle ("teilte der Geschäftsführer, Jens Nacke, mit").
                guard words[position].text == "," else { break }
                if let close = nameAppositionEnd(startingAt: position, upper: limit) {
                    position = close + 1
                    continue
                }
                guard position + 1 < limit, Self.relativePronouns.contains(words[position + 1].lower), words[position + 1].lower != "wo",
                    let close = (position + 2..<limit).first(where: { words[$0].kind == .punctuation || words[$0].kind == .quote }),
                    words[close].text == ","
                else { break }
                afterRelativeClause = true
                position = close + 1
                continue
            }
            if !afterRelativeClause || position + 1 >= sentence.upperBound || words[position + 1].kind != .word, !opensPrepositionalPhrase(position, sentence: sentence) {
                let lower = words[position].lower
                for slot in wanted.indices where wanted[slot].particle == lower { found[slot] = position }
            }
            position += 1
        }
        if index - 1 >= sentence.lowerBound, index + 1 >= sentence.upperBound || words[index + 1].kind != .word {
            let before = words[index - 1].lower
            for slot in wanted.indices where found[slot] == nil && wanted[slot].particle == before { found[slot] = index - 1 }
        }
        return wanted.indices.compactMap { slot in found[slot].map { (wanted[slot].verb, $0) } }
    }

    /// Whether the word at `index` is a preposition opening its phrase rather than a particle closing
    /// the clause: a noun, a number or an article follows it ("sagte der 61-Jährige zu Beginn der
    /// Verhandlung", "teilte die Polizei mit Blick auf …"). A separated particle ends its clause and
    /// is followed by a comma, the sentence's end or the rest of a verb ("gab zu bedenken").
    func opensPrepositionalPhrase(_ index: Int, sentence: Range<Int>) -> Bool {
        guard index + 1 < sentence.upperBound else { return false }
        let next = words[index + 1]
        return next.kind == .number || next.kind == .word && (next.capitalized || Self.determiners.contains(next.lower))
    }

    /// "mit den Worten" (or "mit den folgenden Worten") in the clause of a cue, which belongs to it
    /// ("lobte sie mit den Worten: …", "wird mit den Worten zitiert"); empty when there is none.
    func wordsPhrase(near cue: [Int], sentence: Range<Int>) -> [Int] {
        guard let first = cue.min() else { return [] }
        var position = first + 1
        let limit = min(sentence.upperBound, first + 14)
        while position + 2 < limit, words[position].kind == .word || words[position].kind == .number {
            if words[position].lower == "mit", words[position + 1].lower == "den" || words[position + 1].lower == "folgenden" {
                var end = position + 2
                if words[position + 1].lower == "den", words[end].lower == "folgenden" { end += 1 }
                if end < sentence.upperBound, words[end].lower == "worten" { return Array(position...end) }
            }
            position += 1
        }
        return []
    }

    /// The modal before a cue whose verb chain closes its clause ("musste … einräumen", "will …
    /// bekannt geben", "soll … gesagt haben"), searched back over the clause's words; nil without one.
    func closingModal(before head: Int, sentence: Range<Int>) -> Int? {
        var position = head - 1
        while position >= max(sentence.lowerBound, head - 10), words[position].kind == .word {
            if Self.cueModals.contains(words[position].lower) { return position }
            position -= 1
        }
        return nil
    }
}

extension SuggestionScan {
    /// The source of "hervorgehen" in main-clause order: the object of "aus" right after the finite
    /// verb ("Dies geht aus einer Mitteilung der Bahn hervor"), whose "aus" is a preposition, not
    /// part of the cue; nil for any other verb or order.
    func originSource(cue: (words: [Int], verb: Int), finite: Int) -> [Int]? {
        guard lexicon.verbs[cue.verb].lemma == "hervorgehen", finite + 2 < words.count, words[finite + 1].lower == "aus",
            words[finite + 2].sentence == words[finite].sentence
        else { return nil }
        let phrase = nounPhrase(from: finite + 2)
        return phrase.isEmpty ? nil : phrase
    }
}

extension SuggestionScan {
    /// The "so" that opens a reporting clause put in after a comma ("…, so schätzen die Forscher,
    /// …", "„…“, so urteilte er"): it belongs to the cue. Not "so" opening a sentence (an adverb:
    /// "So sagte der Minister …"), nor before "heißt es".
    func parentheticalSo(before head: Int, sentence: Range<Int>) -> Int? {
        guard head - 2 >= sentence.lowerBound, words[head - 1].lower == "so", words[head - 2].text == ",",
            words[head].lower != "heißt", words[head].lower != "hieß"
        else { return nil }
        return head - 1
    }
}

extension SuggestionScan {
    /// Whether the word at `first`, right after a comma, is a relative pronoun: "der", "die", "das",
    /// "dem" or "den" before a lowercase function word or a number ("…, die am Montag verschickt
    /// wurde", "…, der seit Jahren …", "…, die die Zuschüsse …"), where an article would stand before
    /// a noun or an adjective. Such a clause says what its noun is, not what a speaker said.
    func opensRelativeClause(_ first: Int) -> Bool {
        guard ["der", "die", "das", "dem", "den"].contains(words[first].lower), first + 1 < words.count,
            words[first + 1].sentence == words[first].sentence
        else { return false }
        let next = words[first + 1]
        if next.kind == .number { return true }
        return next.kind == .word && !next.capitalized && (lexicon.stopwords.contains(next.lower) || Self.determiners.contains(next.lower))
    }
}

extension SuggestionScan {
    /// Whether "dagegen" before the message's comma is the sentence adverb "on the other hand"
    /// ("Die Anwälte erklären dagegen, …"), not a correlate: only a verb that takes "gegen" has one
    /// ("protestierte dagegen, dass …").
    func isAdverbialCorrelate(_ position: Int, finite: Int) -> Bool {
        guard words[position].lower == "dagegen" else { return false }
        let forms = lexicon.verbForms[words[finite].lower] ?? []
        return !forms.contains { lexicon.verbs[$0.verb].preposition == "gegen" }
    }
}
