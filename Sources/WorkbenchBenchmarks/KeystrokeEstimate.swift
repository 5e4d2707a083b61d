import Annotations

/// An estimate of the keys an annotator presses per gold attribution of a SpkAtt part, typing
/// every attribution in the REPL's short commands, and with the engine's proposals to accept.
///
/// The estimate is a model of the REPL's commands, not a recording of people:
/// - **Typed**: `sp WORDS⏎` for each contiguous run of Source and of Addr tokens, `cu W1,W2⏎` for the
///   cue's runs, then `cl SPAN by M1 cue Q1 form F⏎` (plus ` to M2` for an addressee), where a
///   run of up to three words is typed out and a longer run as `/W1 W2.*WN/`, the form that
///   `Tests/Fixtures/example-commands.txt` uses. Mention and cue ids count two characters each.
/// - **With proposals**: a proposal paired with the gold attribution whose cue and addressee are
///   the gold ones is accepted with `y⏎`, adjusted on the same line by ` by WORDS` when its Source
///   differs, ` claim SPAN` when its message differs and ` form F` when its form differs. Any
///   other gold attribution is typed; a proposal is never worse than typing (the annotator
///   ignores it).
/// - **Wrong proposals**: a proposal with no gold pair whose claim overlaps no gold message is
///   rejected with `x⏎` (2 keys): left pending it would keep `yd` from marking the sentence done,
///   and it stays on the screen until rejected. Rejecting the wrong ones in the order they are
///   listed, `x` always takes the first pending proposal, so no letter is typed. A proposal whose
///   claim overlaps a gold message (paired or not) costs nothing more: the claim typed or
///   accepted for that message overlaps it, which ends its pending state. Until round 29 a wrong
///   proposal cost no key; `summary` prints that figure beside the new one, for comparison.
/// - Not counted: moving between sentences, the letter choosing a proposal other than the first
///   (`y b`), linking a mention to a known speaker, and reading.
struct KeystrokeEstimate {
    private(set) var attributions = 0
    private(set) var typedKeys = 0
    private(set) var assistedKeys = 0
    private(set) var acceptedAsProposed = 0
    private(set) var acceptedAdjusted = 0
    private(set) var typed = 0
    /// Proposals rejected with `x⏎`, and the keys for them.
    private(set) var rejected = 0
    private(set) var rejectKeys = 0

    /// Adds one article's gold attributions and the proposals' pairing with them.
    mutating func add(_ article: SpkAttArticle, system: [AttributionScorer.Attribution]) {
        let words = ArticleWords(article)
        let pairing = AttributionScorer.pairing(gold: article.gold, system: system)
        var proposalFor: [Int: AttributionScorer.Attribution] = [:]
        for (index, gold) in pairing.enumerated() {
            if let gold { proposalFor[gold] = system[index] }
        }
        for (index, gold) in article.gold.enumerated() {
            let byHand = Self.typedKeys(gold, words)
            attributions += 1
            typedKeys += byHand
            guard let proposal = proposalFor[index], let adjusted = Self.acceptKeys(gold, proposal, words), adjusted < byHand else {
                assistedKeys += byHand
                typed += 1
                continue
            }
            assistedKeys += adjusted
            if adjusted == 2 { acceptedAsProposed += 1 } else { acceptedAdjusted += 1 }
        }
        let goldMessages = article.gold.reduce(into: Set<Int>()) { $0.formUnion($1.tokens[.message] ?? []) }
        for (index, gold) in pairing.enumerated() where gold == nil {
            guard (system[index].tokens[.message] ?? []).isDisjoint(with: goldMessages) else { continue }
            rejected += 1
            rejectKeys += "x⏎".count
        }
    }

    /// The keys to type `gold` with `sp`, `cu` and `cl`.
    static func typedKeys(_ gold: AttributionScorer.Attribution, _ words: ArticleWords) -> Int {
        let sources = words.runs(gold.tokens[.source] ?? [])
        let addressees = words.runs(gold.tokens[.addressee] ?? [])
        let cue = words.runs(gold.tokens[.cue] ?? [])
        var keys = (sources + addressees).reduce(0) { $0 + "sp ".count + words.text($1).count + 1 }
        if !cue.isEmpty { keys += "cu ".count + cue.map { words.text($0).count }.reduce(0, +) + cue.count - 1 + 1 }
        keys += "cl ".count + span(gold.tokens[.message] ?? [], words)
        if !sources.isEmpty { keys += " by ".count + 3 * sources.count - 1 }
        if !cue.isEmpty { keys += " cue Q1".count }
        if !addressees.isEmpty { keys += " to ".count + 3 * addressees.count - 1 }
        return keys + " form ".count + gold.form.count + 1
    }

    /// The keys to accept `proposal` adjusted to `gold`, or nil when the REPL's `accept` cannot
    /// adjust what differs (the cue or the addressee).
    static func acceptKeys(_ gold: AttributionScorer.Attribution, _ proposal: AttributionScorer.Attribution, _ words: ArticleWords) -> Int? {
        func same(_ role: AttributionScorer.Role) -> Bool { (gold.tokens[role] ?? []) == (proposal.tokens[role] ?? []) }
        guard same(.cue), same(.addressee) else { return nil }
        var keys = "y⏎".count
        if !same(.source) {
            let sources = words.runs(gold.tokens[.source] ?? [])
            guard !sources.isEmpty else { return nil }
            keys += " by ".count + sources.map { words.text($0).count }.reduce(0, +) + sources.count - 1
        }
        if !same(.message) { keys += " claim ".count + span(gold.tokens[.message] ?? [], words) }
        if gold.form != proposal.form { keys += " form ".count + gold.form.count }
        return keys
    }

    /// The characters of a span as typed: each run of up to three words out, a longer one as
    /// `/W1 W2.*WN/`.
    static func span(_ tokens: Set<Int>, _ words: ArticleWords) -> Int {
        words.runs(tokens).map { run in
            run.count <= 3 ? words.text(run).count : 1 + words.text(run.prefix(2)).count + 2 + words.word(run[run.count - 1]).count + 1
        }.reduce(0, +) + max(0, words.runs(tokens).count - 1)
    }

    /// One line for the report.
    var summary: String {
        guard attributions > 0 else { return "  keys per gold attribution (estimate): no gold attributions" }
        let perTyped = Double(typedKeys) / Double(attributions), perAssisted = Double(assistedKeys + rejectKeys) / Double(attributions)
        let freeWrong = Double(assistedKeys) / Double(attributions)
        func share(_ count: Int) -> String { String(format: "%.0f %%", 100 * Double(count) / Double(attributions)) }
        return String(
            format: "  keys per gold attribution (estimate): typed %.1f, with proposals %.1f (%.0f %% fewer; %.1f with a wrong proposal free); accepted as proposed %@, adjusted on accepting %@, typed %@; %d wrong proposals rejected (x, 2 keys each)",
            perTyped, perAssisted, 100 * (1 - perAssisted / perTyped), freeWrong, share(acceptedAsProposed), share(acceptedAdjusted), share(typed), rejected)
    }
}

/// The words of an article by token number, and runs of consecutive token numbers.
struct ArticleWords {
    private let scalars: [Unicode.Scalar]
    private let ranges: [Range<Int>]

    init(_ article: SpkAttArticle) {
        scalars = Array(article.document.text.unicodeScalars)
        ranges = article.tokenRanges
    }

    func word(_ token: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[ranges[token]])
        return String(view)
    }

    /// The words of a run joined by spaces.
    func text<Run: Collection<Int>>(_ run: Run) -> String { run.map(word).joined(separator: " ") }

    /// The runs of consecutive token numbers of `tokens`, in order.
    func runs(_ tokens: Set<Int>) -> [[Int]] {
        var result: [[Int]] = []
        for token in tokens.sorted() {
            if let last = result.last?.last, last + 1 == token { result[result.count - 1].append(token) } else { result.append([token]) }
        }
        return result
    }
}
