import Annotations

/// `suggest --explain missed` (dev part only): counts the gold attributions that no proposal pairs
/// with, by what their cue is (none, a preposition such as "laut"/"zufolge", hearsay or will
/// modals, a reporting noun, a verb of thinking, a verb in the lexicon by lemma, a verb missing
/// from it) and by the shape of their sentence (question, quote, cue in a subordinate clause, cue
/// in another sentence, main clause), so the largest classes can be given rules first.
struct MissedAttributionReport {
    let lexicon: SuggestionLexicon
    var cueClasses: [String: Int] = [:]
    var cueDetails: [String: Int] = [:]
    var shapes: [String: Int] = [:]
    var total = 0

    static let prepositions: Set<String> = ["laut", "zufolge", "gemäß", "nach", "so", "wie", "demnach", "wonach", "danach", "folge"]
    static let modals: Set<String> = ["soll", "sollen", "solle", "sollten", "sollte", "wolle", "wollen", "will", "wollten", "wollte"]
    static let thinkingLemmas: Set<String> = [
        "glauben", "meinen", "hoffen", "befürchten", "fürchten", "denken", "vermuten", "erwarten", "annehmen", "ausgehen", "halten",
        "sehen", "betrachten", "werten", "einschätzen", "schätzen", "bezweifeln", "zweifeln",
    ]
    static let subordinators: Set<String> = ["wie", "was", "wonach", "dass", "als", "nachdem", "weil", "der", "die", "das", "dem", "den"]

    init(lexicon: SuggestionLexicon) { self.lexicon = lexicon }

    /// Adds every gold attribution of the article that no proposal pairs with.
    mutating func add(_ article: SpkAttArticle, system: [AttributionScorer.Attribution]) {
        let pairing = AttributionScorer.pairing(gold: article.gold, system: system)
        let paired = Set(pairing.compactMap { $0 })
        let scalars = Array(article.document.text.unicodeScalars)
        func word(_ index: Int) -> String { String(String.UnicodeScalarView(scalars[article.tokenRanges[index]])) }
        for (index, gold) in article.gold.enumerated() where !paired.contains(index) {
            total += 1
            let cue = (gold.tokens[.cue] ?? []).sorted()
            let message = (gold.tokens[.message] ?? []).sorted()
            let (cueClass, detail) = classify(cue: cue.map(word), form: gold.form)
            cueClasses[cueClass, default: 0] += 1
            cueDetails["\(cueClass): \(detail)", default: 0] += 1
            shapes[shape(cue: cue, message: message, article: article, word: word), default: 0] += 1
        }
    }

    func classify(cue: [String], form: String) -> (String, String) {
        let lower = cue.map { $0.lowercased() }
        guard !cue.isEmpty else { return ("none", form) }
        if let preposition = lower.first(where: { Self.prepositions.contains($0) }) { return ("preposition", preposition) }
        if let modal = lower.first(where: { Self.modals.contains($0) }), cue.count <= 2 { return ("modal", modal) }
        if let lemma = lower.lazy.compactMap({ lexicon.reportingVerbLemma(of: $0) }).first {
            return (Self.thinkingLemmas.contains(lemma) ? "thinking verb" : "verb in the lexicon", lemma)
        }
        if let noun = cue.first(where: { ($0.unicodeScalars.first?.properties.isUppercase ?? false) && $0.count > 3 }) {
            return ("noun", noun)
        }
        return ("verb not in the lexicon", lower.joined(separator: " "))
    }

    func shape(cue: [Int], message: [Int], article: SpkAttArticle, word: (Int) -> String) -> String {
        if let last = message.last, word(last) == "?" || last + 1 < article.tokenRanges.count && word(last + 1) == "?" { return "question" }
        if message.contains(where: { ["„", "“", "»", "«", "\""].contains(word($0)) }) { return "quote" }
        guard let first = cue.first else { return "no cue" }
        if let start = message.first, article.tokenSentences[first] != article.tokenSentences[start] { return "cue in another sentence" }
        if Self.subordinators.contains(word(first).lowercased()) || first > 0 && Self.subordinators.contains(word(first - 1).lowercased()) {
            return "cue in a subordinate clause"
        }
        if let start = message.first, first > start { return "cue after the message" }
        return "cue before the message"
    }

    /// The counts, largest first (cue details down to two attributions).
    func summary() -> String {
        func table(_ counts: [String: Int], minimum: Int) -> [String] {
            counts.filter { $0.value >= minimum }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "    \($0.value)  \($0.key)" }
        }
        return (["missed gold attributions: \(total)", "  by cue:"] + table(cueClasses, minimum: 1) + ["  by sentence shape:"]
            + table(shapes, minimum: 1) + ["  by cue, in detail (two or more):"] + table(cueDetails, minimum: 2)).joined(separator: "\n")
    }
}
