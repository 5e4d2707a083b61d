extension SuggestionScan {
    /// A partial quote said with another proposal's cue and speakers is said to that proposal's
    /// addressee too: "Der Präsident sagte vor Journalisten, der Anschlag treffe „Opfer des
    /// Terrorismus“", "Sie warf der Regierung „tiefe Versäumnisse“ vor". Only quotes that borrowed
    /// their cue (the partial-quote rules) and have no addressee of their own take one, from a
    /// proposal with the same cue whose claim holds the quote.
    mutating func partialQuoteAddressees() {
        let borrowing: Set<String> = ["direct.partial-quote", "direct.partial-quote-in-frame"]
        for index in proposals.indices where borrowing.contains(proposals[index].rule) && proposals[index].addressee.isEmpty {
            guard let cueWord = proposals[index].cue.first, let open = proposals[index].claim.min(), let close = proposals[index].claim.max()
            else { continue }
            let cue = proposals[index].cue
            guard let outer = proposals.indices.first(where: { other in
                other != index && !proposals[other].addressee.isEmpty && proposals[other].cue == cue
                    && proposals[other].cue.first == cueWord && !borrowing.contains(proposals[other].rule)
                    && (proposals[other].claim.min() ?? Int.max) <= open && (proposals[other].claim.max() ?? Int.min) >= close
            }) else { continue }
            proposals[index].addressee = proposals[outer].addressee
        }
    }
}
