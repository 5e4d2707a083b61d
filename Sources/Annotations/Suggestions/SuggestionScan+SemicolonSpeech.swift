extension SuggestionScan {
    /// Speech in Konjunktiv I after a semicolon whose clause before it is indicative and opens with
    /// a subject naming someone ("Der frühere Berater des Bürgermeisters, Jonas Brandt, wandte sich
    /// an die Presse; er habe nichts verschwiegen"): that subject is the speaker, not someone named
    /// in the sentences before, and its finite verb (with "sich") the cue; after "wandte sich … an"
    /// the phrase after "an" is the addressee and "an" part of the cue. Nil otherwise.
    func speechAfterSemicolon(in sentence: Int) -> (speaker: [Int], cue: [Int], claim: [Int], addressee: [Int])? {
        let range = sentenceRanges[sentence]
        guard let semicolon = range.first(where: { words[$0].text == ";" && !insideQuote[$0] }),
            !(range.lowerBound..<semicolon).contains(where: { insideQuote[$0] || VerbMorphology.subjunctiveAuxiliaries.contains(words[$0].lower) }),
            let subject = sentenceSubject(sentence), let last = subject.last, last + 1 < semicolon, namesSpeaker(subject)
        else { return nil }
        let claim = trimmedEnd(Array((semicolon + 1)..<range.upperBound), sentence: sentence)
        guard claim.count >= 3, claim.prefix(Self.window).contains(where: { VerbMorphology.subjunctiveAuxiliaries.contains(words[$0].lower) }) else {
            return nil
        }
        var finite = last + 1
        if words[finite].text == "," { finite += 1 }
        guard finite < semicolon, words[finite].kind == .word, !words[finite].capitalized else { return nil }
        var cue = [finite]
        guard finite + 1 < semicolon, words[finite + 1].lower == "sich" else { return (subject, cue, claim, []) }
        cue.append(finite + 1)
        // "wandte sich am Dienstag an die Anhänger": SpkAtt marks "wandte sich an" and the addressee after "an".
        if Self.turningForms.contains(words[finite].lower),
            let preposition = ((finite + 2)..<semicolon).first(where: { words[$0].lower == "an" })
        {
            let addressee = nounPhrase(from: preposition + 1).prefix { $0 < semicolon && words[$0].kind != .punctuation }
            if addressee.contains(where: { words[$0].capitalized }), !addressee.contains(where: { Self.pronouns.contains(words[$0].lower) }) {
                return (subject, cue + [preposition], claim, Array(addressee))
            }
        }
        return (subject, cue, claim, [])
    }

    /// Whether a sentence's subject can be a speaker: ``isRecentSpeaker(_:)``, or a phrase whose
    /// apposition after a comma is a name ("Der frühere Berater des Landrats, Jonas Brandt"), which
    /// names someone whatever the head before it ("Berater") is.
    func namesSpeaker(_ subject: [Int]) -> Bool {
        if isRecentSpeaker(subject) { return true }
        let apposition = Array(subject.drop { words[$0].text != "," }.dropFirst())
        return !apposition.isEmpty && !insideQuote[apposition[0]] && looksLikeSpeaker(subject) && namesSomeone(apposition)
    }
}
