extension SuggestionScan {
    /// Free indirect speech whose sentence opens with a speaker and an indicative verb ("Die
    /// Staatsanwaltschaft Görlitz hegt den Verdacht, der Kassenwart könnte …", "Die Vorsitzende,
    /// Jana Kühn, teilte am Abend mit, …"): the sentence reports what its own subject says, so that
    /// subject is the speaker, not the one of an attribution before. Not when the verb after the
    /// subject is itself subjunctive or the hearsay "soll" ("Die Fähre sei …", "Der Kassenwart
    /// soll …"): then the subject is what the speech is about. A sentence opening with "Für" and a
    /// person before a subjunctive verb gives that person's view ("Für den Theologen Hans Küng sei
    /// …", ``fuerPerson(of:)``). Applies to free indirect proposals without a cue.
    mutating func ownSubjectSpeakers() {
        for index in proposals.indices where proposals[index].form == .freeIndirect && proposals[index].cue.isEmpty {
            guard let first = proposals[index].claim.min() else { continue }
            let sentence = words[first].sentence
            guard first == sentenceRanges[sentence].lowerBound, let subject = ownSubject(of: sentence) ?? fuerPerson(of: sentence) else { continue }
            proposals[index].speakers = splitSpeakers(subject)
            proposals[index].antecedent = []
        }
    }

    /// The subject that opens a sentence and names someone, followed by an indicative finite verb;
    /// an apposition between two commas may follow the subject ("Die Vorsitzende, Jana Kühn,
    /// teilte mit"). Nil otherwise.
    func ownSubject(of sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        var subject: [Int]
        if let phrase = sentenceSubject(sentence) {
            subject = phrase
        } else if let comma = (range.lowerBound..<min(range.upperBound, range.lowerBound + 16)).dropFirst().first(where: { words[$0].text == "," }),
            let close = nameAppositionEnd(startingAt: comma, upper: range.upperBound), let phrase = appositionSubject(from: range.lowerBound, to: close)
        {
            subject = phrase
        } else {
            return nil
        }
        guard let last = subject.last else { return nil }
        var verb = last + 1
        if verb < range.upperBound, words[verb].text == "," { verb += 1 }
        guard verb < range.upperBound else { return nil }
        let next = words[verb]
        guard next.kind == .word, !next.capitalized, !insideQuote[verb], !subject.contains(where: { insideQuote[$0] }),
            !VerbMorphology.subjunctiveAuxiliaries.contains(next.lower), !["soll", "sollen"].contains(next.lower), !isSubjunctiveWord(verb),
            !lexicon.stopwords.contains(next.lower) || Self.auxiliaries.contains(next.lower) || Self.modals.contains(next.lower)
        else { return nil }
        // A possessive opens a matter of someone's ("Seine Stiftung diene …": an "-ene" form the Konjunktiv test lets pass), not a name.
        guard !Self.possessives.contains(words[subject[0]].lower), namesSomeone(subject), looksLikeSpeaker(subject) else { return nil }
        return subject
    }

    /// Possessive determiners, which open a phrase naming something of someone's.
    static let possessives: Set<String> = ["sein", "seine", "seiner", "seines", "ihr", "ihre", "ihrer", "ihres", "unser", "unsere", "mein", "meine", "dein", "deine", "euer", "eure"]
}
