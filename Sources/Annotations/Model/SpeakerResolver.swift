import Foundation

/// Resolves a name as written in the text ("Herr Rutte", "NATO-Generalsekretär Mark Rutte",
/// "Ruttes") to the canonical speakers it may refer to. Resolution folds case, strips honorifics,
/// leading titles and a genitive -s; it only suggests: the editor confirms.
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
        var words = name.split(whereSeparator: { $0.isWhitespace }).map { String($0).trimmingCharacters(in: .punctuationAndQuotes) }
            .filter { !$0.isEmpty }
        while let first = words.first, Self.honorifics.contains(first.lowercased()) { words.removeFirst() }
        // Leading titles: words that start lower-case ("russischer") or compound titles ("NATO-Generalsekretär")
        // followed by at least one more word.
        while words.count > 1, let first = words.first,
            first.first?.isLowercase == true || (first.contains("-") && Self.looksLikeTitle(first))
        {
            words.removeFirst()
        }
        return words.map { $0.lowercased() }
    }

    /// Speakers that `name` may refer to, best first: exact canonical or alias match, then surname
    /// or genitive match.
    public func candidates(for name: String, among speakers: [Speaker]) -> [Speaker] {
        let wanted = key(name)
        guard !wanted.isEmpty else { return [] }
        var scored: [(Int, Speaker)] = []
        for speaker in speakers {
            var best = 0
            for form in [speaker.name] + speaker.aliases {
                let have = key(form)
                best = max(best, score(wanted, have))
            }
            if best > 0 { scored.append((best, speaker)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : AnnotationState.idOrder($0.1.id, $1.1.id) }.map(\.1)
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
        return 0
    }

    static func withoutGenitive(_ word: String) -> String {
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
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
