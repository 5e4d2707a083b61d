import Foundation

/// Resolves a name as written in the text ("Herr Rutte", "NATO-Generalsekretär Mark Rutte",
/// "Ruttes", "Kim" for "Kim Yong-hyun") to the canonical speakers it may refer to. Resolution folds
/// case and diacritics, strips honorifics, leading titles and a genitive -s; it only suggests: the
/// editor confirms.
public struct SpeakerResolver: Sendable {
    /// Words dropped wherever they stand at the start of a name.
    public static let honorifics: Set<String> = [
        "herr", "herrn", "frau", "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame",
    ]

    /// Creates a resolver.
    public init() {}

    /// The comparable form of a name: lower-cased, without honorifics, punctuation at the ends, or leading
    /// title words (lower-case or hyphenated words before the name, e.g. "russischer UN-Botschafter").
    public func key(_ name: String) -> [String] {
        var words = Self.words(of: name)
        while let first = words.first, Self.honorifics.contains(first.lowercased()) { words.removeFirst() }
        // Leading titles: words that start lower-case ("russischer") or compound titles ("NATO-Generalsekretär")
        // followed by at least one more word.
        while words.count > 1, let first = words.first,
            first.first?.isLowercase == true || (first.contains("-") && Self.looksLikeTitle(first)) || Self.isTitleNoun(first)
        {
            words.removeFirst()
        }
        return words.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
    }

    /// Speakers that `name` may refer to, best first: exact canonical or alias match, then surname
    /// or genitive match, then names that begin with it.
    public func candidates(for name: String, among speakers: [Speaker]) -> [Speaker] {
        matches(for: name, among: speakers).map(\.speaker)
    }

    /// Like ``candidates(for:among:)``, with how well each speaker matches.
    public func matches(for name: String, among speakers: [Speaker]) -> [SpeakerMatch] {
        let wanted = key(name)
        guard !wanted.isEmpty else { return [] }
        var found: [SpeakerMatch] = []
        for speaker in speakers {
            var best = 0
            for form in [speaker.name] + speaker.aliases {
                best = max(best, score(wanted, key(form)))
            }
            if let strength = SpeakerMatch.Strength(rawValue: best) { found.append(SpeakerMatch(speaker: speaker, strength: strength)) }
        }
        return found.sorted {
            $0.strength != $1.strength ? $0.strength > $1.strength : AnnotationState.idOrder($0.speaker.id, $1.speaker.id)
        }
    }

    private func score(_ wanted: [String], _ have: [String]) -> Int {
        guard !have.isEmpty else { return 0 }
        if wanted == have { return 4 }
        if wanted == have.map(Self.withoutGenitive) || wanted.map(Self.withoutGenitive) == have { return 3 }
        // "Rutte" / "Ruttes" vs "Mark Rutte": the wanted words end the known name.
        let wantedStems = wanted.map(Self.withoutGenitive)
        if wanted.count < have.count, Array(have.suffix(wanted.count)) == wanted || Array(have.suffix(wanted.count)) == wantedStems {
            return 2
        }
        // "NATO-Generalsekretär Mark Rutte" after title stripping is "mark rutte"; a known short alias ends it.
        if have.count < wanted.count, Array(wanted.suffix(have.count)) == have { return 2 }
        // "Kim" / "Kims" vs "Kim Yong-hyun": family name first, or a first name alone. Only a suggestion.
        if wanted.count < have.count, have.starts(with: wanted) || have.starts(with: wantedStems) { return 1 }
        return 0
    }

    static func withoutGenitive(_ word: String) -> String {
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// Endings of German (and a few English) nouns for offices and roles that stand before a name:
    /// "Präsident Selenskyj", "Außenministerin Baerbock", "Regierungssprecher Hebestreit".
    static let titleEndings: [String] = [
        "präsident", "präsidentin", "kanzler", "kanzlerin", "minister", "ministerin", "sprecher", "sprecherin",
        "botschafter", "botschafterin", "sekretär", "sekretärin", "chef", "chefin", "vorsitzende", "vorsitzender",
        "leiter", "leiterin", "führer", "führerin", "kommandeur", "kommandeurin", "general", "generalin",
        "direktor", "direktorin", "experte", "expertin", "analyst", "analystin", "abgeordnete", "abgeordneter",
        "bürgermeister", "bürgermeisterin", "senator", "senatorin", "gouverneur", "gouverneurin", "machthaber",
        "diktator", "premier", "premierministerin", "könig", "königin", "papst", "professor", "professorin",
        "beauftragte", "beauftragter", "korrespondent", "korrespondentin", "oberst", "admiral", "staatschef",
        "berater", "beraterin", "richter", "richterin", "anwalt", "anwältin", "vizepräsident", "president",
        "chancellor", "secretary", "spokesman", "spokeswoman", "ambassador",
    ]

    /// The words of a name as written, without punctuation and quotation marks at their ends.
    public static func words(of name: String) -> [String] {
        name.split(whereSeparator: { $0.isWhitespace }).map { String($0).trimmingCharacters(in: .punctuationAndQuotes) }
            .filter { !$0.isEmpty }
    }

    /// Whether `name` reads as a name worth keeping as an alias: it starts with a capital letter and
    /// does not end in an office or role noun. Pronouns ("er") and descriptions ("der amerikanische
    /// Minister", "Russlands UN-Botschafter") are not names; they belong on the mention as its role.
    public static func isNameLike(_ name: String) -> Bool {
        let words = words(of: name)
        guard let first = words.first?.first, first.isUppercase, let last = words.last else { return false }
        return !isTitleNoun(last)
    }

    /// Whether `word` is a capitalised office or role noun ("Präsident", "Außenministerin").
    static func isTitleNoun(_ word: String) -> Bool {
        let lower = word.lowercased()
        // Inflected too: "Präsidenten Kim", "des Ministers".
        return titleEndings.contains { lower.hasSuffix($0) || lower.hasSuffix($0 + "en") || lower.hasSuffix($0 + "n") || lower.hasSuffix($0 + "s") }
    }

    private static func looksLikeTitle(_ word: String) -> Bool {
        // "UN-Botschafter", "NATO-Generalsekretär", "US-Verteidigungsminister": the part after the last hyphen is a noun
        // that is not a name we can tell apart; treat hyphenated words with an all-caps or lower-case head as titles.
        guard let head = word.split(separator: "-").first else { return false }
        return head.allSatisfy { $0.isUppercase } || head.first?.isLowercase == true
    }
}

extension CharacterSet {
    /// Punctuation and quotation marks trimmed from the ends of names.
    static let punctuationAndQuotes = CharacterSet.punctuationCharacters.union(CharacterSet(charactersIn: "„“”«»‚‘’\"'"))
}
