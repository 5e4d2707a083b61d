/// The word lists the suggestion rules use, parsed from the lexicon files in
/// `Sources/Annotations/Suggestions/Lexicon/` (compiled in as ``SuggestionLexiconData``), with the
/// reporting verbs expanded by ``VerbMorphology`` into every form.
public struct SuggestionLexicon: Sendable {
    /// A reporting verb.
    struct Verb: Sendable, Hashable {
        var lemma: String
        var particle: String?
        /// Names a speech act with a plain object ("kritisierte die Entscheidung").
        var reports: Bool
        /// Names one only with its ``preposition`` in the cue ("sprach von einem Erfolg"; not "sprach mit X").
        var reportsOnlyWithPreposition = false
        /// Takes an addressee object ("warf Washington vor").
        var takesAddressee: Bool
        /// A preposition that belongs to the cue ("warnte … vor", "bezeichnete … als").
        var preposition: String?
    }

    /// A form of a reporting verb found in text.
    struct VerbForm: Sendable, Hashable {
        var verb: Int
        var form: VerbMorphology.Form
    }

    var verbs: [Verb] = []
    var verbForms: [String: [VerbForm]] = [:]
    var nouns: Set<String> = []
    var nounSuffixes: [String] = []
    var titles: [String] = []
    var institutions: [String] = []
    var titlesByLastCharacter: [Character: [String]] = [:]
    var institutionsByLastCharacter: [Character: [String]] = [:]
    var stopwords: Set<String> = []
    /// Verbs that report only at the end of a wie-clause ("Wie eine Studie ergab, …"), lowercased forms.
    var wieFrameVerbs: Set<String> = []

    /// The lexicon compiled into the library.
    public init() {
        self.init(
            verbs: SuggestionLexiconData.verbs, nouns: SuggestionLexiconData.nouns, titles: SuggestionLexiconData.titles,
            institutions: SuggestionLexiconData.institutions, stopwords: SuggestionLexiconData.stopwords,
            wieFrameVerbs: SuggestionLexiconData.wieframe)
    }

    /// A lexicon from the texts of the six lexicon files (one entry a line, `#` comments).
    public init(verbs verbText: String, nouns: String, titles: String, institutions: String, stopwords: String, wieFrameVerbs: String) {
        for line in Self.lines(verbText) {
            let fields = line.split(separator: " ").map(String.init)
            guard let lemmaField = fields.first else { continue }
            var options: [String: String] = [:]
            var flags = Set<String>()
            for field in fields.dropFirst() {
                if let equals = field.firstIndex(of: "=") {
                    options[String(field[..<equals])] = String(field[field.index(after: equals)...])
                } else {
                    flags.insert(field)
                }
            }
            let parts = lemmaField.split(separator: "|").map(String.init)
            let particle = parts.count == 2 ? parts[0] : nil
            let infinitive = parts.last ?? lemmaField
            let verb = Verb(
                lemma: parts.joined(), particle: particle, reports: flags.contains("report") || flags.contains("reportprep"),
                reportsOnlyWithPreposition: flags.contains("reportprep"), takesAddressee: flags.contains("addr"), preposition: options["prep"])
            let index = verbs.count
            verbs.append(verb)
            for (text, form) in VerbMorphology.forms(
                infinitive: infinitive, particle: particle, present: options["pres"], past: options["past"], participle: options["part"])
            where !Self.ambiguousForms.contains(text) {
                let entry = VerbForm(verb: index, form: form)
                if !(verbForms[text]?.contains(entry) ?? false) { verbForms[text, default: []].append(entry) }
            }
        }
        self.nouns = Set(Self.lines(nouns))
        self.nounSuffixes = Self.lines(nouns).filter { $0.count >= 6 }.map { $0.lowercased() }
        self.titles = Self.lines(titles)
        self.institutions = Self.lines(institutions)
        self.titlesByLastCharacter = Self.byLastCharacter(self.titles)
        self.institutionsByLastCharacter = Self.byLastCharacter(self.institutions)
        self.stopwords = Set(Self.lines(stopwords))
        self.wieFrameVerbs = Set(Self.lines(wieFrameVerbs))
    }

    /// Verb forms that are far more often another word ("meine", "rufe" as noun-like uses; "einige",
    /// "einigen" as the determiner, not "sich einigen").
    static let ambiguousForms: Set<String> = ["meine", "meinen", "meinet", "meinest", "weise", "weisen", "nenne", "einige", "einigen"]

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Whether a word is a reporting noun or a compound ending in one ("Polizeiangaben").
    func isReportingNoun(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        if nouns.contains(word) { return true }
        let lower = word.lowercased()
        return nounSuffixes.contains { lower.count > $0.count + 2 && lower.hasSuffix($0) }
    }

    /// The lemma of the reporting verb a lowercased word form belongs to ("teilte" → "mitteilen"),
    /// nil when the word is no form of a verb in the lexicon. For reports on what the rules miss.
    public func reportingVerbLemma(of word: String) -> String? {
        verbForms[word]?.first.map { verbs[$0.verb].lemma }
    }

    /// Whether a lowercased word is, or ends in, a title or office ("us-verteidigungsminister").
    func isTitle(_ word: String) -> Bool {
        guard let last = word.last, let candidates = titlesByLastCharacter[last] else { return false }
        return candidates.contains { word.hasSuffix($0) }
    }

    /// Whether a lowercased word is, or ends in, the head of an institution name.
    func isInstitution(_ word: String) -> Bool {
        guard let last = word.last, let candidates = institutionsByLastCharacter[last] else { return false }
        return candidates.contains { word.hasSuffix($0) }
    }

    /// Entries grouped by their last character, so a suffix test looks at a few entries only.
    static func byLastCharacter(_ entries: [String]) -> [Character: [String]] {
        var groups: [Character: [String]] = [:]
        for entry in entries {
            guard let last = entry.last else { continue }
            groups[last, default: []].append(entry)
        }
        return groups
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice = slice.dropLast() }
        return String(slice)
    }
}
