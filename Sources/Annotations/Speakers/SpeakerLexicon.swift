/// The small word lists behind ``SpeakerPhrase``: determiners, pronouns, offices and titles,
/// heads of organisation names, places, anonymous sources. Compared after lower-casing; nouns are
/// listed in their nominative singular (inflected forms are recognised by ``SpeakerPhrase``).
enum SpeakerLexicon {
    /// Grammatical gender of a head noun, which decides the nominative ending of the adjectives before it.
    enum Gender: Sendable, Equatable {
        case masculine, feminine, neuter, plural
    }

    /// Articles and determiners dropped at the start of a phrase (and, inside it, the start of a genitive attribute).
    static let determiners: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
        "dieser", "diese", "dieses", "diesem", "diesen", "jener", "jene", "jenes", "sein", "seine", "seiner", "seines",
        "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren", "unser", "unsere", "the", "a", "an",
    ]

    /// Indefinite articles: a phrase that starts with one names nobody in particular.
    static let indefinite: Set<String> = ["ein", "eine", "einer", "eines", "einem", "einen", "a", "an"]

    /// Words that introduce a source and are not part of it ("laut Angaben", "nach Ansicht von").
    static let sourcePrepositions: Set<String> = ["laut", "zufolge", "gemäß", "per"]

    /// Honorifics dropped before names.
    static let honorifics: Set<String> = [
        "herr", "herrn", "frau", "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame",
    ]

    /// Lower-case particles inside names ("Nicolas de Rivière", "Ursula von der Leyen").
    static let nameParticles: Set<String> = ["von", "van", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el", "zu", "ten", "ter"]

    /// Pronouns and other words that refer without naming: linked, never kept as names or aliases.
    static let pronouns: Set<String> = [
        "er", "sie", "es", "ihm", "ihn", "ihr", "ihnen", "wir", "ich", "du", "man", "uns", "mir", "mich", "euch",
        "dieser", "diese", "dieses", "jener", "jene", "derselbe", "dieselbe", "he", "she", "they", "it", "we", "i",
        "sein", "seine", "ihre", "letzterer", "letztere", "ersterer", "erstere",
    ]

    /// Offices, titles and roles (masculine forms; the feminine adds -in). Longest compounds end in these:
    /// "Ministerpräsident", "UN-Botschafter", "Regierungssprecher".
    static let offices: [String] = [
        "präsident", "kanzler", "minister", "sprecher", "botschafter", "sekretär", "chef", "leiter", "führer",
        "kommandeur", "general", "direktor", "experte", "analyst", "bürgermeister", "senator", "gouverneur", "machthaber",
        "diktator", "premier", "könig", "papst", "professor", "korrespondent", "oberst", "admiral", "berater", "richter",
        "anwalt", "vorstand", "gründer", "manager", "trainer", "kapitän", "kommissar", "abgeordneter", "beauftragter",
        "vorsitzender", "vorsitzende", "abgeordnete", "beauftragte", "diplomat", "autor", "forscher", "wissenschaftler",
        "ökonom", "politiker", "funktionär", "staatssekretär", "landrat", "kardinal", "bischof", "pfarrer", "polizist",
        "offizier", "soldat", "beamter", "vertreter", "mitarbeiter", "kommentator", "journalist", "reporter",
        "aktivist", "historiker", "zeuge", "augenzeuge", "bewohner", "einwohner", "arzt", "ärztin", "sprecherin",
        "ceo", "president", "chancellor", "secretary", "spokesman", "spokeswoman", "ambassador",
    ]

    /// Nouns that name someone in general (anonymous sources): "ein Sprecher", "Beobachter", "Experten".
    static let anonymousNouns: Set<String> = [
        "beobachter", "experte", "experten", "kritiker", "analyst", "analysten", "diplomat", "diplomaten", "insider",
        "augenzeuge", "augenzeugen", "zeuge", "zeugen", "quelle", "quellen", "kreise", "regierungskreise",
        "sicherheitskreise", "beamte", "beamter", "beamten", "vertreter", "sprecher", "sprecherin", "anwohner", "bewohner",
        "fachleute", "medien", "berichte", "angaben", "informationen", "umfragen", "studien", "mitarbeiter",
    ]

    /// Common nouns that are never names on their own ("eigenen Angaben", "Berichten zufolge").
    static let commonNouns: Set<String> = [
        "angaben", "angabe", "bericht", "berichte", "berichten", "informationen", "information", "quellen", "quelle",
        "medien", "medienberichten", "ansicht", "meinung", "worte", "worten", "aussage", "aussagen", "erklärung",
        "mitteilung", "schätzungen", "schätzung", "daten", "zahlen", "leute", "menschen", "seite", "seiten",
    ]

    /// Heads of organisation and institution names, with their gender and kind: "Fischereiministerium",
    /// "Bundesregierung", "Verwaltungsrat".
    static let organisationHeads: [(ending: String, gender: Gender, kind: SpeakerPhrase.Kind)] = [
        ("ministerium", .neuter, .institution), ("amt", .neuter, .institution), ("gericht", .neuter, .institution),
        ("institut", .neuter, .organisation), ("büro", .neuter, .institution), ("komitee", .neuter, .organisation),
        ("kabinett", .neuter, .institution), ("militär", .neuter, .institution), ("parlament", .neuter, .institution),
        ("unternehmen", .neuter, .organisation), ("präsidium", .neuter, .institution),
        ("sekretariat", .neuter, .institution), ("kommando", .neuter, .institution), ("hauptquartier", .neuter, .institution),
        ("regierung", .feminine, .institution), ("armee", .feminine, .institution), ("behörde", .feminine, .institution),
        ("partei", .feminine, .organisation), ("polizei", .feminine, .institution), ("agentur", .feminine, .organisation),
        ("organisation", .feminine, .organisation), ("bank", .feminine, .organisation), ("kommission", .feminine, .institution),
        ("verwaltung", .feminine, .institution), ("diplomatie", .feminine, .institution), ("gewerkschaft", .feminine, .organisation),
        ("staatsanwaltschaft", .feminine, .institution), ("zentrale", .feminine, .organisation), ("führung", .feminine, .institution),
        ("union", .feminine, .organisation), ("botschaft", .feminine, .institution), ("marine", .feminine, .institution),
        ("luftwaffe", .feminine, .institution), ("stiftung", .feminine, .organisation), ("gruppe", .feminine, .organisation),
        ("universität", .feminine, .organisation), ("fraktion", .feminine, .organisation), ("opposition", .feminine, .organisation),
        ("miliz", .feminine, .organisation), ("gesellschaft", .feminine, .organisation), ("vereinigung", .feminine, .organisation),
        ("rat", .masculine, .institution), ("verband", .masculine, .organisation), ("konzern", .masculine, .organisation),
        ("dienst", .masculine, .institution), ("senat", .masculine, .institution), ("kreml", .masculine, .institution),
        ("bundestag", .masculine, .institution), ("landtag", .masculine, .institution), ("verein", .masculine, .organisation),
        ("generalstab", .masculine, .institution), ("stab", .masculine, .institution), ("sender", .masculine, .organisation),
        ("streitkräfte", .plural, .institution), ("behörden", .plural, .institution), ("nationen", .plural, .organisation),
    ]

    /// Single-word institutions and organisations known by name.
    static let institutions: Set<String> = [
        "pentagon", "kreml", "nato", "un", "uno", "eu", "bundeswehr", "bundestag", "bundesrat", "europol", "interpol",
        "weltbank", "iwf", "who", "unicef", "opec", "g7", "g20", "fifa", "uefa", "ioc", "dpa", "afp", "reuters", "ap",
        "kcna", "yonhap", "tass", "bbc", "cnn", "hamas", "hisbollah", "taliban", "vereinte nationen", "vereinten nationen",
        "weißes haus", "weiße haus", "weißen haus", "élysée", "elysée", "downing street",
    ]

    /// Party abbreviations accepted in brackets after a name ("Kurt Beck (SPD)").
    static let parties: Set<String> = [
        "spd", "cdu", "csu", "fdp", "afd", "grüne", "grünen", "die grünen", "linke", "die linke", "bsw", "fw",
        "freie wähler", "övp", "spö", "fpö", "neos", "svp", "fdp.die liberalen", "republikaner", "demokraten",
        "r", "d", "b90/grüne",
    ]

    /// Countries, regions and cities that speak for their governments ("Washington", "Seoul", "Kiew").
    static let places: Set<String> = [
        "deutschland", "berlin", "bonn", "russland", "moskau", "ukraine", "kiew", "kyjiw", "usa", "washington",
        "amerika", "vereinigte staaten", "vereinigten staaten", "südkorea", "seoul", "nordkorea", "pjöngjang", "japan",
        "tokio", "china", "peking", "beijing", "frankreich", "paris", "großbritannien", "london", "italien", "rom",
        "spanien", "madrid", "polen", "warschau", "österreich", "wien", "schweiz", "bern", "island", "reykjavík",
        "norwegen", "oslo", "schweden", "stockholm", "dänemark", "kopenhagen", "finnland", "helsinki", "niederlande",
        "den haag", "belgien", "brüssel", "türkei", "ankara", "iran", "teheran", "israel", "jerusalem", "indien",
        "neu-delhi", "brasilien", "kanada", "ottawa", "mexiko", "australien", "canberra", "syrien", "damaskus",
        "irak", "bagdad", "ägypten", "kairo", "belarus", "minsk", "georgien", "tiflis", "europa", "bayern", "münchen",
        "hessen", "sachsen", "thüringen", "brandenburg", "rheinland-pfalz", "mainz", "hamburg", "bremen", "taiwan",
        "taipeh", "venezuela", "kuba", "gaza", "westjordanland",
    ]
}
