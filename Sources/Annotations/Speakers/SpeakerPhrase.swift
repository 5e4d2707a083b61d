import Foundation

/// A German noun phrase that names or describes a speaker, taken apart as an editor would:
/// "der Chef des Verwaltungsrats Ulrich Müller" is the person Ulrich Müller in the role
/// "Chef des Verwaltungsrats"; "Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD)" is Kurt Beck,
/// "rheinland-pfälzischer Ministerpräsident", party SPD; "das isländische Fischereiministerium" is the
/// institution "isländisches Fischereiministerium"; "ein Sprecher" is anonymous; "er" only refers.
///
/// Rules, not a parser: articles and determiners are dropped, adjectives before the head are put in
/// the nominative without article ("isländisches", "rheinland-pfälzischer"), an inflected office
/// ("des Ministerpräsidenten") becomes its nominative, genitive attributes ("des Verwaltungsrats") and
/// appositions after a comma stay with the role, a bracketed party tag becomes ``party``. The REPL's
/// `speaker` command and the suggestion rules use this one analysis.
public struct SpeakerPhrase: Sendable, Equatable {
    /// What kind of speaker the phrase names, as far as its words tell.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A named or described person ("Kurt Beck", "der Minister").
        case person
        /// A company, party, agency or association ("Deutsche Bank", "SPD").
        case organisation
        /// A public body ("isländisches Fischereiministerium", "Pentagon").
        case institution
        /// A country, region or city speaking for its government ("Seoul", "Südkorea").
        case place
        /// Nobody in particular ("ein Sprecher", "Beobachter").
        case anonymous

        /// The label of a schema's speaker kinds this kind is recorded as: itself when the schema has it,
        /// otherwise the nearest one it has (a place is an institution, an institution an organisation and
        /// the other way round), otherwise the schema's first kind.
        public func label(among kinds: [String]) -> String {
            let preferences: [Kind] =
                switch self {
                case .person: [.person]
                case .organisation: [.organisation, .institution]
                case .institution: [.institution, .organisation]
                case .place: [.place, .institution, .organisation]
                case .anonymous: [.anonymous, .person]
                }
            for preference in preferences where kinds.contains(preference.rawValue) { return preference.rawValue }
            return kinds.first ?? Kind.person.rawValue
        }
    }

    /// The phrase as given.
    public var text: String
    /// The proper name in it ("Ulrich Müller"), nil when the phrase only describes ("der Minister", "er").
    public var name: String?
    /// The role or office in the nominative ("Chef des Verwaltungsrats", "rheinland-pfälzischer Ministerpräsident").
    public var role: String?
    /// A party tag in brackets after the name ("SPD").
    public var party: String?
    /// The guessed kind.
    public var kind: Kind
    /// True for a pronoun ("er", "sie"): it refers to a speaker and names nobody.
    public var isPronoun: Bool
    /// The phrase without article in the nominative, for phrases without a proper name
    /// ("isländisches Fischereiministerium", "Sprecher des Ministeriums").
    public var description: String?
    /// The head noun of a description in its nominative singular, lower-cased ("fischereiministerium").
    public var head: String?

    /// What a speaker made from this phrase is called: the name, else the description.
    public var canonicalName: String? { name ?? description }

    /// Whether the phrase can stand as an alias of a speaker: a proper name, not a pronoun, article,
    /// common noun or mere description.
    public var isNameLike: Bool { name != nil && !isPronoun }

    /// Analyses `text`.
    public init(_ text: String) {
        self.text = text
        name = nil
        role = nil
        party = nil
        kind = .person
        isPronoun = false
        description = nil
        head = nil
        analyse()
    }

    // MARK: - Analysis

    private mutating func analyse() {
        var source = text.replacingOccurrences(of: TextAnchor.gapMarker, with: " ")
        // A bracketed tag: "(SPD)" is a party; other bracketed asides are dropped.
        while let open = source.firstIndex(of: "("), let close = source[open...].firstIndex(of: ")") {
            let inner = source[source.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if party == nil, Self.isPartyTag(inner) { party = inner }
            source.replaceSubrange(open...close, with: " ")
        }
        // An apposition after a comma: "Ulrich Müller, Chef des Verwaltungsrats" or
        // "der Chef des Verwaltungsrats, Ulrich Müller": the part with the name is the name.
        let pieces = source.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if pieces.count >= 2 {
            let analysed = pieces.map { SpeakerPhrase($0) }
            if let named = analysed.firstIndex(where: { $0.name != nil && $0.role == nil }) {
                var result = analysed[named]
                let others = analysed.indices.filter { $0 != named }.map { analysed[$0] }
                let roles = others.compactMap { $0.role ?? $0.description }
                result.text = text
                result.role = roles.isEmpty ? nil : roles.joined(separator: ", ")
                result.party = party ?? result.party
                self = result
                return
            }
        }
        var words = Self.words(of: source)
        while let first = words.first, SpeakerLexicon.sourcePrepositions.contains(first.lowercased()) { words.removeFirst() }
        guard !words.isEmpty else { return }
        if words.count == 1, SpeakerLexicon.pronouns.contains(words[0].lowercased()) {
            isPronoun = true
            return
        }
        var indefinite = false
        while let first = words.first {
            let lower = first.lowercased()
            if SpeakerLexicon.determiners.contains(lower) || SpeakerLexicon.honorifics.contains(lower) {
                if SpeakerLexicon.indefinite.contains(lower) { indefinite = true }
                words.removeFirst()
            } else {
                break
            }
        }
        guard !words.isEmpty else {
            isPronoun = true
            return
        }
        let nameStart = Self.nameStart(in: words)
        let nameWords = Array(words[nameStart...])
        let before = Array(words[..<nameStart])
        if !nameWords.isEmpty {
            name = nameWords.joined(separator: " ")
            // "Seouls", "Washingtons": a known place or institution in the genitive is named in the nominative.
            if let written = name, !Self.isKnownName(written), Self.isKnownName(Self.withoutGenitive(written)) {
                name = Self.withoutGenitive(written)
            }
            role = before.isEmpty ? nil : Self.nominative(before)
            kind = Self.kindOfName(nameWords)
            if before.isEmpty || !Self.containsOffice(before) {
                // "die Deutsche Bank": the capitalised words are the name of an organisation.
                if let headKind = Self.organisationHead(of: nameWords.last ?? "")?.kind { kind = headKind }
            }
            return
        }
        // No proper name: a description ("das isländische Fischereiministerium", "ein Sprecher", "Beobachter").
        let phrase = Self.nominative(words)
        description = phrase
        let headIndex = Self.headIndex(in: words)
        let headWord = words[headIndex]
        head = Self.nominativeNoun(headWord).lowercased()
        let lowerHead = headWord.lowercased()
        if let organisation = Self.organisationHead(of: headWord) {
            kind = organisation.kind
        } else if SpeakerLexicon.places.contains(Self.withoutGenitive(lowerHead)) || SpeakerLexicon.places.contains(lowerHead) {
            kind = .place
        } else if SpeakerLexicon.institutions.contains(lowerHead) {
            kind = .institution
        } else if indefinite || SpeakerLexicon.anonymousNouns.contains(lowerHead)
            || SpeakerLexicon.commonNouns.contains(lowerHead)
        {
            kind = indefinite || SpeakerLexicon.anonymousNouns.contains(lowerHead) ? .anonymous : .person
        } else {
            kind = .person
            if Self.isOffice(headWord) { role = phrase }
        }
    }

    /// Prepositions that open an attribute of a role ("Botschafter bei den Vereinten Nationen").
    static let prepositions: Set<String> = ["für", "bei", "von", "vom", "im", "in", "aus", "zu", "zur", "zum", "am", "an", "beim"]

    /// Where the proper name at the end of `words` starts (`words.count` when there is none). `words`
    /// has no leading determiner.
    static func nameStart(in words: [String]) -> Int {
        var start = words.count
        var index = words.count - 1
        scan: while index >= 0 {
            let word = words[index]
            let lower = word.lowercased()
            if word.first?.isUppercase == true && !isAdjective(word) {
                if isOffice(word) || organisationHead(of: word) != nil || SpeakerLexicon.commonNouns.contains(lower)
                    || SpeakerLexicon.anonymousNouns.contains(lower)
                {
                    break scan
                }
                // A noun after an article or preposition inside the phrase ("des Verwaltungsrats", "für Europa")
                // belongs to the role, unless the article is a name particle ("von der Leyen").
                var previous = index - 1
                while previous >= 0, isAdjective(words[previous]) { previous -= 1 }
                if previous >= 0 {
                    let before = words[previous].lowercased()
                    let particle = SpeakerLexicon.nameParticles.contains(before) && previous > 0
                        && (SpeakerLexicon.nameParticles.contains(words[previous - 1].lowercased()) || isNameWord(words[previous - 1]))
                    if (SpeakerLexicon.determiners.contains(before) || prepositions.contains(before)) && !particle {
                        break scan
                    }
                }
                start = index
                index -= 1
                continue
            }
            // Lower-case particles inside a name ("de Rivière", "von der Leyen") need a name word before them.
            if start < words.count, SpeakerLexicon.nameParticles.contains(lower) {
                var first = index
                while first > 0, SpeakerLexicon.nameParticles.contains(words[first - 1].lowercased()) { first -= 1 }
                guard first > 0, isNameWord(words[first - 1]) else { break scan }
                index = first - 1
                continue
            }
            break
        }
        // A lone capitalised word directly after an adjective is a common noun ("eigenen Angaben").
        if start == words.count - 1, start > 0, isAdjective(words[start - 1]), !isKnownName(words[start]) { return words.count }
        return start
    }

    /// A capitalised word that may be part of a name (not an office, organisation or common noun).
    private static func isNameWord(_ word: String) -> Bool {
        word.first?.isUppercase == true && !isAdjective(word) && !isOffice(word) && organisationHead(of: word) == nil
            && !SpeakerLexicon.commonNouns.contains(word.lowercased())
    }

    private static func isKnownName(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard !lower.isEmpty else { return false }
        return SpeakerLexicon.places.contains(lower) || SpeakerLexicon.institutions.contains(lower)
    }

    /// The head noun of a description: the last capitalised word before a genitive attribute or preposition.
    static func headIndex(in words: [String]) -> Int {
        for (index, word) in words.enumerated() where word.first?.isUppercase == true {
            let next = index + 1 < words.count ? words[index + 1].lowercased() : nil
            if next == nil || SpeakerLexicon.determiners.contains(next ?? "") || prepositions.contains(next ?? "") {
                return index
            }
        }
        return words.lastIndex { $0.first?.isUppercase == true } ?? words.count - 1
    }

    /// A name's kind from the lexicon: a known place or institution, else a person.
    static func kindOfName(_ words: [String]) -> Kind {
        let joined = words.joined(separator: " ").lowercased()
        let stem = withoutGenitive(joined)
        if SpeakerLexicon.places.contains(joined) || SpeakerLexicon.places.contains(stem) { return .place }
        if SpeakerLexicon.institutions.contains(joined) || SpeakerLexicon.institutions.contains(stem) { return .institution }
        if words.count == 1, words[0].count >= 2, words[0].allSatisfy({ $0.isUppercase || $0.isNumber }) { return .organisation }
        return .person
    }

    /// `words` in the nominative without article: leading determiners dropped, the adjectives before the
    /// head given the strong ending of the head's gender, the head in its nominative; what follows the
    /// head (genitive attributes, prepositional phrases) is kept as written.
    static func nominative(_ input: [String]) -> String {
        var words = input
        while let first = words.first, SpeakerLexicon.determiners.contains(first.lowercased()) || SpeakerLexicon.honorifics.contains(first.lowercased()) {
            words.removeFirst()
        }
        guard !words.isEmpty else { return "" }
        let headIndex = headIndex(in: words)
        let headWord = nominativeNoun(words[headIndex])
        let gender = gender(of: headWord)
        var result: [String] = []
        for (index, word) in words.enumerated() {
            if index < headIndex, isAdjective(word) {
                result.append(inflect(word, for: gender))
            } else if index == headIndex {
                result.append(headWord)
            } else {
                result.append(word)
            }
        }
        return result.joined(separator: " ")
    }

    /// An adjective ending for a head without article: masculine -er, feminine and plural -e, neuter -es.
    static func inflect(_ adjective: String, for gender: SpeakerLexicon.Gender) -> String {
        var stem = adjective
        for ending in ["en", "em", "er", "es"] where stem.count > 4 && stem.hasSuffix(ending) {
            stem.removeLast(2)
            break
        }
        if stem == adjective, stem.hasSuffix("e"), stem.count > 3 { stem.removeLast() }
        switch gender {
        case .masculine: return stem + "er"
        case .feminine, .plural: return stem + "e"
        case .neuter: return stem + "es"
        }
    }

    /// The gender of a nominative noun: feminine offices end in -in, organisation heads have their own.
    static func gender(of noun: String) -> SpeakerLexicon.Gender {
        if let organisation = organisationHead(of: noun) { return organisation.gender }
        let lower = noun.lowercased()
        if lower.hasSuffix("in"), isOffice(String(noun.dropLast(2))) { return .feminine }
        if ["ung", "heit", "keit", "schaft", "ion", "tät", "ie", "ei"].contains(where: lower.hasSuffix) { return .feminine }
        if ["um", "chen", "ment"].contains(where: lower.hasSuffix) { return .neuter }
        return .masculine
    }

    /// An inflected noun in its nominative singular: "Ministerpräsidenten" → "Ministerpräsident",
    /// "Verwaltungsrats" → "Verwaltungsrat", "Fischereiministeriums" → "Fischereiministerium".
    static func nominativeNoun(_ word: String) -> String {
        let lower = word.lowercased()
        if officeBase(lower) == lower || organisationBase(lower) == lower { return word }
        for drop in [2, 1, 3] where word.count > drop + 2 {
            let candidate = String(word.dropLast(drop))
            let lowered = candidate.lowercased()
            if officeBase(lowered) == lowered || organisationBase(lowered) == lowered { return candidate }
        }
        return word
    }

    private static func officeBase(_ lower: String) -> String? {
        for office in SpeakerLexicon.offices where lower.hasSuffix(office) || lower.hasSuffix(office + "in") {
            return lower
        }
        return nil
    }

    private static func organisationBase(_ lower: String) -> String? {
        SpeakerLexicon.organisationHeads.contains { lower.hasSuffix($0.ending) } ? lower : nil
    }

    /// Whether `word` is an office, title or role noun, inflected or not ("Ministerpräsidenten", "Präsidentin",
    /// "UN-Botschafter").
    public static func isOffice(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard word.first?.isUppercase == true || lower.contains("-") else { return false }
        return SpeakerLexicon.offices.contains { office in
            ["", "in", "en", "n", "s", "es", "innen"].contains { lower.hasSuffix(office + $0) }
        }
    }

    /// The organisation head a noun ends in, inflected or not ("Fischereiministeriums").
    static func organisationHead(of word: String) -> (ending: String, gender: SpeakerLexicon.Gender, kind: Kind)? {
        let lower = word.lowercased()
        guard word.first?.isUppercase == true else { return nil }
        for head in SpeakerLexicon.organisationHeads where !head.ending.contains(" ") {
            if ["", "s", "es", "en", "n"].contains(where: { lower.hasSuffix(head.ending + $0) }) { return head }
        }
        return nil
    }

    private static func containsOffice(_ words: [String]) -> Bool { words.contains(where: isOffice) }

    /// A lower-case word that is not an article, particle or preposition: an adjective ("isländische",
    /// "rheinland-pfälzische", "stellvertretende").
    static func isAdjective(_ word: String) -> Bool {
        let lower = word.lowercased()
        // "US-amerikanische": a capitalised prefix before a lower-case adjective.
        if word.first?.isUppercase == true, let dash = word.lastIndex(of: "-"), word[word.index(after: dash)...].first?.isLowercase == true {
            // Only after an abbreviation ("US-", "EU-"); "Yong-hyun" is a name.
            return word[..<dash].allSatisfy { $0.isUppercase || $0 == "-" }
        }
        guard let first = word.first, first.isLowercase else { return false }
        if SpeakerLexicon.determiners.contains(lower) || SpeakerLexicon.nameParticles.contains(lower) { return false }
        return !prepositions.contains(lower) && !["und", "oder", "mit", "sowie"].contains(lower)
    }

    static func withoutGenitive(_ word: String) -> String {
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    static func isPartyTag(_ inner: String) -> Bool {
        let lower = inner.lowercased()
        if SpeakerLexicon.parties.contains(lower) { return true }
        // "(SPD)", "(B90)": a short all-capital tag.
        return inner.count <= 6 && inner.count >= 2 && inner.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "/" }
    }

    /// The words of a phrase, without punctuation and quotation marks at their ends.
    public static func words(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map { String($0).trimmingCharacters(in: .punctuationAndQuotes) }
            .filter { !$0.isEmpty }
    }
}
