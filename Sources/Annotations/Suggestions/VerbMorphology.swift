/// German verb morphology for reporting verbs: from an infinitive (with an optional separable
/// particle) and, for strong verbs, the given present, past and participle stems, it builds every
/// finite form (present, past, Konjunktiv I), the participle and the infinitives, and says for each
/// whether the particle stands apart ("teilte … mit") or is joined ("mitteilte", "mitgeteilt").
enum VerbMorphology {
    /// What a form is.
    enum Kind: Sendable, Hashable {
        case finite, participle, infinitive
    }

    /// A generated form: its kind and whether the separable particle must be found elsewhere in the
    /// clause (main-clause word order).
    struct Form: Sendable, Hashable {
        var kind: Kind
        var needsParticle: Bool
    }

    /// Prefixes that are never separated and take no "ge-" in the participle.
    static let inseparablePrefixes = ["be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "über", "unter", "wider", "hinter"]

    /// The present stem: the infinitive without "-en" or "-n".
    static func stem(of infinitive: String) -> String {
        if infinitive.hasSuffix("en") { return String(infinitive.dropLast(2)) }
        if infinitive.hasSuffix("n") { return String(infinitive.dropLast()) }
        return infinitive
    }

    /// Whether an "e" comes between the stem and an ending of t or st ("berichtet", "rechnet").
    static func needsLinkingE(_ stem: String) -> Bool {
        let letters = Array(stem)
        guard let last = letters.last else { return false }
        if last == "t" || last == "d" { return true }
        if (last == "n" || last == "m"), letters.count >= 2 {
            let before = letters[letters.count - 2]
            return !"aeiouäöülrmnh".contains(before) || (before == "h" && letters.count >= 3 && letters[letters.count - 3] == "c")
        }
        return false
    }

    /// Whether a participle takes "ge-".
    static func takesGe(_ infinitive: String) -> Bool {
        if infinitive.hasSuffix("ieren") { return false }
        return !inseparablePrefixes.contains { infinitive.hasPrefix($0) && infinitive.count > $0.count + 3 }
    }

    /// Every form of a verb, lowercased.
    static func forms(
        infinitive: String, particle: String?, present: String?, past: String?, participle: String?
    ) -> [(String, Form)] {
        let stem = stem(of: infinitive)
        let e = needsLinkingE(stem) ? "e" : ""
        var finite: Set<String> = [stem + "e", stem + e + "st", stem + e + "t", infinitive, stem + "est", stem + "et"]
        if let present {
            finite.insert(present)
            finite.insert(present.hasSuffix("t") ? String(present.dropLast()) + "st" : present + "st")
        }
        if let past {
            finite.formUnion(past.hasSuffix("e") ? [past, past + "n", past + "st", past + "t"] : [past, past + "en", past + "st", past + "t"])
        } else {
            finite.formUnion([stem + e + "te", stem + e + "ten", stem + e + "test", stem + e + "tet"])
        }
        let participleForm = participle ?? ((takesGe(infinitive) ? "ge" : "") + stem + e + "t")
        var result: [(String, Form)] = []
        let particleText = particle ?? ""
        for form in finite.sorted() {
            if particle != nil {
                result.append((form, Form(kind: .finite, needsParticle: true)))
                result.append((particleText + form, Form(kind: .finite, needsParticle: false)))
            } else {
                result.append((form, Form(kind: .finite, needsParticle: false)))
            }
        }
        result.append((particleText + participleForm, Form(kind: .participle, needsParticle: false)))
        if particle != nil {
            result.append((particleText + "zu" + infinitive, Form(kind: .infinitive, needsParticle: false)))
        }
        return result
    }

    /// Finite forms in Konjunktiv I (and the Konjunktiv II forms news use in their place) of the
    /// auxiliaries and modals, which mark indirect speech on their own.
    static let subjunctiveAuxiliaries: Set<String> = [
        "sei", "seien", "seiest", "seist", "habe", "hätte", "hätten", "werde", "würde", "würden", "wäre", "wären",
        "könne", "könnten", "könnte", "müsse", "müssten", "müsste", "dürfe", "dürften", "dürfte", "solle", "sollten",
        "wolle", "möge", "wisse", "gebe", "gäbe", "gehe", "stehe", "liege", "komme", "bleibe", "handle", "handele",
        "befinde", "brauche", "fehle", "gelte", "lasse", "sehe", "trage", "zeige", "plane", "arbeite",
    ]

    /// Whether a lowercased word is a Konjunktiv I form: a subjunctive auxiliary or modal, or a
    /// third-person singular "stem + e" whose indicative would end in "-t" (recognised by shape:
    /// the word follows a noun or pronoun and is not an adjective ending).
    static func isSubjunctive(_ word: String, afterNounOrPronoun: Bool) -> Bool {
        if subjunctiveAuxiliaries.contains(word) { return true }
        guard afterNounOrPronoun, word.count >= 4, word.hasSuffix("e") else { return false }
        for ending in ["ische", "liche", "ige", "ere", "ste", "ene", "ie", "te"] where word.hasSuffix(ending) { return false }
        return true
    }
}
