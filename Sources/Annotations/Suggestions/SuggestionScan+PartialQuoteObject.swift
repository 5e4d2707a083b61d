extension SuggestionScan {
    /// Verbs whose object right after them is the one a partial quote is said to, besides those the
    /// lexicon marks with `addr`: "warnte die Partei vor einem „…“", "empfiehlt allen Reisenden
    /// einen „…“" (a warning and an advice are addressed; their object is no topic).
    static let partialQuoteObjectVerbs: Set<String> = ["warnen", "empfehlen"]

    /// Words that open a dative plural besides the articles ("allen Reisenden", "vielen Eltern").
    static let pluralDativeDeterminers: Set<String> = ["allen", "vielen", "mehreren", "einigen"]

    /// The addressee of a partial quote whose cue's verb takes one and that found no outer proposal
    /// to borrow it from: the noun phrase right after the verb (or after a speaker right after it),
    /// ending before the quote: "Die Ärztin warnte die Behörden vor einem „völlig überstürzten
    /// Vorgehen“", "Das Amt empfiehlt allen Urlaubern einen „wirksamen Mückenschutz“", "Die Königin
    /// bat Premierministerin Müller, ihr „tiefes Mitgefühl“ zu übermitteln". The phrase must start
    /// with a determiner, a number or a capitalised word (not a preposition: "warnte vor einem
    /// „…“"), name someone (a capitalised word, no pronoun), and hold no word of the claim, the
    /// speakers or a quote.
    mutating func partialQuoteObjectAddressees() {
        for index in proposals.indices where proposals[index].rule == "direct.partial-quote" && proposals[index].addressee.isEmpty {
            guard let open = proposals[index].claim.min(),
                let verb = proposals[index].cue.first(where: { position in
                    guard position < open, let forms = lexicon.verbForms[words[position].lower] else { return false }
                    return forms.contains { form in
                        let entry = lexicon.verbs[form.verb]
                        guard entry.takesAddressee || Self.partialQuoteObjectVerbs.contains(entry.lemma) else { return false }
                        // A verb with a particle only with it, joined or in the cue ("hält … vor", not "hält X für „…“").
                        guard let particle = entry.particle else { return true }
                        return words[position].lower.hasPrefix(particle) || proposals[index].cue.contains { words[$0].lower == particle }
                    }
                })
            else { continue }
            let speakers = Set(proposals[index].speakers.joined())
            var start = verb + 1
            while start < open, speakers.contains(start) { start += 1 }
            guard start < open, words[start].sentence == words[verb].sentence, words[start].kind == .word || isCountingNumber(start, upper: open),
                Self.determiners.contains(words[start].lower) || Self.pluralDativeDeterminers.contains(words[start].lower) || words[start].capitalized
                    || isCountingNumber(start, upper: open)
            else { continue }
            // The object of the quote's own words may follow the addressee ("allen Urlaubern einen „…“"): an article left at the end goes.
            var phrase = nounPhrase(from: start).filter { $0 < open }
            while let last = phrase.last, Self.determiners.contains(words[last].lower) || Self.pluralDativeDeterminers.contains(words[last].lower) {
                phrase.removeLast()
            }
            guard let last = phrase.last, phrase.contains(where: { words[$0].capitalized && words[$0].kind == .word }),
                !phrase.contains(where: { insideQuote[$0] || speakers.contains($0) || Self.pronouns.contains(words[$0].lower) }),
                // The phrase ends at the quote, a comma, or before a preposition or article that opens what is said.
                last + 1 < words.count, words[last].kind == .word
            else { continue }
            proposals[index].addressee = phrase
        }
    }
}
