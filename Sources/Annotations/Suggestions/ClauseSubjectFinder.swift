/// Finds the subject of a reporting verb's clause around its finite verb, where the plain reading
/// of the prefield (the words before the verb) would take an adverbial or an object: a time
/// adverbial put first ("Ende Januar 2006 verkündete der Verband …") or between the verb and the
/// subject ("…, sagte am Montag die Ministerin"), and an object put first when the phrase after
/// the verb names a speaker ("Eine Verschiebung bezeichnete Conze als fatal"), and the place
/// an impersonal "heißt es" points to ("…, hieß es in der Mitteilung des Vereins"). Works on one
/// ``SuggestionScan``'s words, which each call borrows (no copy); internal to the suggestion rules.
enum ClauseSubjectFinder {
    /// Words that open a time adverbial before a time noun or a month ("dieser Tage", "vergangene Woche").
    static let timeDeterminers: Set<String> = [
        "dieser", "diese", "vergangene", "vergangenen", "letzte", "letzten", "kommende", "kommenden", "nächste", "nächsten", "jeden",
    ]
    /// Prepositions that open a time adverbial before a day, a date or a month ("am Montag", "am 20. Juli", "im Juni").
    static let timePrepositions: Set<String> = ["am", "im", "an", "seit", "vom", "bis"]
    /// Nouns that open a time adverbial before a month ("Ende Januar", "Anfang Mai").
    static let monthPositions: Set<String> = ["ende", "anfang", "mitte"]

    /// The end (exclusive) of a time adverbial starting at `start`, before `upper`: "am Montag",
    /// "am heutigen Dienstag", "am 20. Juli 2026", "im Juni", "Ende Januar 2006", "dieser Tage",
    /// "vergangene Woche"; nil when none starts there.
    static func timeAdverbialEnd(in scan: SuggestionScan, from start: Int, upper: Int) -> Int? {
        let words = scan.words
        guard start < upper, words[start].kind == .word else { return nil }
        var position = start
        let first = words[start].lower
        if Self.timeDeterminers.contains(first) {
            position += 1
        } else if Self.timePrepositions.contains(first) {
            position += 1
            while position < upper, scan.looksLikeAdjective(words[position]) { position += 1 }
            // A day of the month ("am 20. Juli"); the full stop may stand as a token of its own.
            if position < upper, words[position].kind == .number {
                position += 1
                if position < upper, words[position].text == "." { position += 1 }
            }
        } else if Self.monthPositions.contains(first) {
            position += 1
            guard position < upper, SuggestionScan.months.contains(words[position].lower) else { return nil }
        } else if SuggestionScan.months.contains(first) {
            // A bare month with its year ("Januar 2006").
        } else {
            return nil
        }
        guard position < upper, words[position].kind == .word,
            SuggestionScan.timeNouns.contains(words[position].lower) && words[position].lower != "weiteren"
                || SuggestionScan.months.contains(words[position].lower)
        else { return nil }
        position += 1
        // A year after a month ("im Dezember 2005").
        if position < upper, words[position].kind == .number, SuggestionScan.months.contains(words[position - 1].lower) { position += 1 }
        return position
    }

    /// Where the subject after a finite verb starts: `position` after any time adverbials,
    /// middle-field adverbs and the cue's own words in `skipping` ("sagte am Montag die Ministerin",
    /// "erklärte gestern Abend der Sprecher", "gab dann die Behörde bekannt"). `adverbs` adds words
    /// to step over ("heißt es dazu in …"); `particles` steps over a focus particle before a phrase
    /// ("erklärten nur die Gefängnisse").
    static func subjectStart(
        in scan: SuggestionScan, after position: Int, upper: Int, limit: Int, skipping cue: [Int] = [], adverbs: Set<String> = [],
        particles: Bool = true
    ) -> Int {
        var position = position
        while position < min(upper, limit) {
            let lower = scan.words[position].lower
            if let end = timeAdverbialEnd(in: scan, from: position, upper: upper) {
                position = end
            } else if SuggestionScan.middleFieldAdverbs.contains(lower) || adverbs.contains(lower) || cue.contains(position) {
                position += 1
            } else if particles, SuggestionScan.focusParticles.contains(lower), position + 1 < upper, scan.isPhraseStart(position + 1) {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    /// Whether the prefield `first..<head` is one time adverbial ("Ende Januar 2006", "Im Dezember 2005").
    static func isTimePrefield(in scan: SuggestionScan, from first: Int, to head: Int) -> Bool {
        return timeAdverbialEnd(in: scan, from: first, upper: head) == head
    }

    /// Determiners that can open a nominative phrase after the verb.
    static let nominativeDeterminers: Set<String> = ["der", "die", "das", "ein", "eine"]

    /// The subject after the verb when the prefield phrase is an object put first: the prefield
    /// names a matter, not a speaker (an abstract or reporting noun), and the phrase after the verb
    /// names one — an office or an institution, or a bare name ("Die Zahl der Toten bezifferte die
    /// Nachrichtenagentur Xinhua mit …", "Eine Verschiebung bezeichnete Conze als fatal").
    static func frontedObjectSubject(in scan: SuggestionScan, prefield: [Int], after position: Int) -> [Int]? {
        let words = scan.words
        // The cheap checks first: most clauses have a comma or a lowercase word after the verb.
        guard let first = prefield.first, position < words.count, words[position].kind == .word,
            words[position].capitalized || Self.nominativeDeterminers.contains(words[position].lower),
            words[position].sentence == words[first].sentence, words[first].kind == .word,
            !SuggestionScan.pronouns.contains(words[first].lower), !scan.looksLikeSpeaker(prefield)
        else { return nil }
        let phrase = scan.nounPhrase(from: position)
        guard let head = phrase.first, head == position else { return nil }
        let office = phrase.contains { words[$0].capitalized && (scan.lexicon.isTitle(words[$0].lower) || scan.lexicon.isInstitution(words[$0].lower)) }
        let bareName = phrase.count <= 3 && words[head].capitalized && phrase.allSatisfy { words[$0].capitalized && words[$0].kind == .word }
            && !scan.lexicon.stopwords.contains(words[head].lower) && scan.looksLikeSpeaker(phrase)
        guard office && scan.looksLikeSpeaker(phrase) || bareName else { return nil }
        return phrase
    }
}

extension ClauseSubjectFinder {
    /// Prepositions that name where an impersonal "heißt es" is written or said ("heißt es in der
    /// Erklärung", "hieß es bei Russland Aktuell", "hieß es vom Sprecher").
    static let impersonalPlaces: Set<String> = ["in", "im", "bei", "beim", "auf", "vom", "von", "aus"]
    /// Adverbs between "heißt es" and its place ("heißt es dazu in …", "heißt es weiter im Bericht").
    static let impersonalAdverbs: Set<String> = ["dazu", "weiter", "wörtlich", "darin", "zudem", "ferner"]

    /// The source of an impersonal "heißt es" / "hieß es" whose "es" is at `es`: the noun phrase
    /// after the preposition that follows it, behind adverbs and time adverbials ("heißt es dazu in
    /// einer Pressemitteilung des Vereins", "hieß es am Montag vom Sprecher Jan Kühn"); the
    /// expletive "es" is no speaker. Nil when no such phrase follows.
    static func impersonalSource(in scan: SuggestionScan, afterEs es: Int, upper: Int) -> [Int]? {
        let words = scan.words
        let position = subjectStart(in: scan, after: es + 1, upper: upper, limit: es + 8, adverbs: Self.impersonalAdverbs, particles: false)
        guard position + 1 < upper, Self.impersonalPlaces.contains(words[position].lower) else { return nil }
        let phrase = scan.nounPhrase(from: position + 1)
        guard phrase.first == position + 1, !SuggestionScan.pronouns.contains(words[position + 1].lower) else { return nil }
        return phrase
    }
}
