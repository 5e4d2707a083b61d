/// Up to 16 UTF-8 bytes packed into two integers: an allocation-free dictionary key for short words.
struct ByteKey: Hashable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var count: Int = 0

    /// Maximum number of bytes a key holds.
    static let capacity = 16

    init() {}

    /// The key of a short string; nil when it is longer than ``capacity`` bytes.
    init?(_ string: String) {
        for byte in string.utf8 where !append(byte) { return nil }
    }

    /// Appends a byte; false (and the key unchanged) when the key is full.
    @inline(__always)
    mutating func append(_ byte: UInt8) -> Bool {
        guard count < Self.capacity else { return false }
        if count < 8 {
            low |= UInt64(byte) << UInt64(count * 8)
        } else {
            high |= UInt64(byte) << UInt64((count - 8) * 8)
        }
        count += 1
        return true
    }

    /// Appends the UTF-8 encoding of a scalar; false when the key would overflow.
    mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        var ok = true
        UTF8.encode(scalar) { byte in if ok { ok = append(byte) } }
        return ok
    }
}

/// How a word followed by a full stop behaves at a possible sentence boundary.
enum AbbreviationClass: UInt8, Sendable {
    /// A title or prefix that always belongs to what follows ("Dr.", "z. B.", "bzw.", "Nr.").
    case neverFinal
    /// Ends a sentence only when a typical sentence opener follows ("Mio. Die", but "Mio. Euro";
    /// month and weekday abbreviations, "u. a.", "Jh.").
    case rarelyFinal
    /// Commonly ends a sentence ("usw.", "etc."): a following capital starts a new sentence.
    case oftenFinal
}

/// German (and a few English) abbreviations and the words that typically open a German sentence.
///
/// Multi-part abbreviations are stored with their parts joined by "." and without spaces, so
/// "z. B.", "z.B." and "z. B." (narrow space) all map to the key `z.B`.
enum AbbreviationLexicon {
    /// Abbreviations that never end a sentence.
    static let neverFinal: [String] = [
        // titles, forms of address, names
        "Dr", "Prof", "Dipl", "Ing", "Hr", "Hrn", "Frl", "St", "Hl", "Pfr", "Mr", "Mrs", "Ms", "Mme", "Mlle",
        "Jr", "jun", "sen", "Präs", "Vors", "Stv", "stv", "stellv", "Bundesvors", "Gebr", "Fa", "Fam", "Sr",
        // numbering and references
        "Nr", "Nrn", "Abs", "Bd", "Bde", "Kap", "Hrsg", "Hg", "Tel", "Fax", "Ziff", "lit", "vgl", "Vgl",
        "ggf", "evtl", "inkl", "exkl", "zzgl", "bzgl", "bzw", "ca", "gem", "lt", "zit", "geb", "gest", "verh",
        "bspw", "insb", "insbes", "urspr", "einschl", "ehem", "sog", "vs", "ggü", "lfd", "max", "min", "mind",
        "rd", "bes", "allg", "ugs", "entspr", "näml", "vorm", "nachm", "zus", "zw", "tägl", "jährl", "mtl",
        "dt", "engl", "franz", "frz", "ital", "russ", "amerik", "span", "lat", "griech", "poln", "ukr",
        "internat", "europ", "bayer", "österr", "schweiz", "chin", "jap", "nordkor", "südkor",
        "u.d", "z.B", "z.T", "z.Z", "z.Zt", "z.H", "d.h", "u.U", "v.a", "o.g", "i.A", "i.V", "m.E", "m.W",
        "i.e", "e.g", "d.J", "d.M", "Anm.d", "Anm.d.Red", "Anm.d.Ü", "S.o", "s.a", "u.E",
    ]

    /// Abbreviations that end a sentence only before a typical sentence opener.
    static let rarelyFinal: [String] = [
        // months and weekdays
        "Jan", "Feb", "Febr", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
        "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So",
        // quantities and units
        "Mio", "Mrd", "Mill", "Tsd", "Std", "Min", "Sek", "Proz", "Pkt", "Ztr", "Jh", "Jhd", "Jhdt", "Chr",
        // words that are also abbreviations of nouns or names
        "Art", "Str", "Co", "Inc", "Ltd", "Corp", "Bhf", "Hbf", "Abt", "Tab", "Abb", "Ausg", "Aufl", "Jg",
        "Jgg", "Verf", "Verl", "Gen", "Sen", "Rep", "Gov", "Sgt", "Lt", "Col", "Capt", "Adm", "Kr", "Bez",
        "Anm", "Nachf", "Kfz", "Pkw", "Lkw", "Mass", "Ges", "Ver", "Ggf", "Evtl", "Inkl", "Bzw", "Ca",
        "u.a", "o.ä", "u.ä", "a.a.O", "s.o", "s.u", "a.D", "v.Chr", "n.Chr", "U.S", "U.S.A", "U.K", "U.N",
        "e.V", "i.R", "i.d.R", "d.Red", "d.Ü", "o.J", "m.b.H", "Ph.D", "v.l", "v.l.n.r", "a.M", "i.Br",
        "o.O", "Ch", "Th", "Ph", "Wm", "Jos", "Gg",
    ]

    /// Abbreviations that commonly end a sentence.
    static let oftenFinal: [String] = ["usw", "etc", "ff", "uvm", "u.v.m", "u.s.w", "usf", "Usw", "Etc"]

    /// Capitalised words that typically open a German sentence: articles, pronouns, conjunctions,
    /// prepositions and sentence adverbs. Used where a full stop is ambiguous ("Mio. Die …",
    /// "am 3. Die …" vs "am 3. Oktober", "J. D. Vance").
    static let openers: [String] = [
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Eines",
        "Er", "Sie", "Es", "Ich", "Wir", "Ihr", "Ihre", "Man", "Du", "Dies", "Diese", "Dieser", "Dieses",
        "Diesen", "Jene", "Jener", "Jeder", "Jede", "Jedes", "Alle", "Viele", "Einige", "Manche", "Mehrere",
        "Kein", "Keine", "Sein", "Seine", "Unser", "Unsere", "Mein", "Meine", "Beide", "Welche", "Welcher",
        "Doch", "Aber", "Und", "Oder", "Auch", "Denn", "Sondern", "Also", "So", "Nun", "Noch", "Nicht",
        "Nach", "Vor", "Im", "In", "Am", "An", "Auf", "Aus", "Bei", "Beim", "Mit", "Für", "Zu", "Zum", "Zur",
        "Von", "Vom", "Über", "Unter", "Durch", "Gegen", "Ohne", "Um", "Seit", "Laut", "Trotz", "Wegen",
        "Während", "Neben", "Zwischen", "Bis", "Ab", "Außer", "Statt", "Anstatt",
        "Wie", "Was", "Wer", "Wo", "Wann", "Warum", "Weshalb", "Wieso", "Woher", "Wohin",
        "Als", "Wenn", "Weil", "Da", "Dass", "Ob", "Obwohl", "Damit", "Falls", "Sobald", "Solange",
        "Dann", "Danach", "Davor", "Dabei", "Dazu", "Daher", "Darum", "Deshalb", "Deswegen", "Dadurch",
        "Dafür", "Dagegen", "Darauf", "Daraufhin", "Darüber", "Dennoch", "Trotzdem", "Jedoch", "Allerdings",
        "Zudem", "Außerdem", "Ebenso", "Ebenfalls", "Gleichzeitig", "Zugleich", "Unterdessen",
        "Inzwischen", "Mittlerweile", "Demnach", "Demzufolge", "Somit", "Insgesamt", "Zuvor", "Zunächst",
        "Zuerst", "Zuletzt", "Schließlich", "Später", "Vorher", "Bereits", "Schon", "Erst", "Jetzt",
        "Heute", "Gestern", "Hier", "Dort", "Hinzu", "Immer", "Nie", "Niemand", "Nichts", "Mehr",
        "Weitere", "Weiter", "Sowohl", "Weder", "Entweder", "Vielleicht", "Wohl", "Sogar", "Selbst",
        "Genau", "Tatsächlich", "Offenbar", "Bisher", "Derzeit", "Aktuell", "Ja", "Nein",
        "Ihm", "Ihn", "Ihnen", "Uns", "Mir", "Mich", "Dessen", "Deren", "Wem", "Wen", "Hierzu", "Hierbei",
        "Nachdem", "Bevor", "Sofern", "Indem", "Wobei", "Seitdem", "Bislang", "Anschließend", "Zusätzlich",
        "Stattdessen", "Damals", "Bald", "Kaum", "Nur", "Lediglich", "Ferner", "Weiterhin", "Wieder",
        "Erneut", "Folglich", "Hingegen", "Indes", "Immerhin", "Zwar", "Natürlich", "Insbesondere",
        "Besonders", "Etwa", "Rund", "Fast", "Knapp", "Unklar", "Klar", "Wichtig",
        "The", "This", "It", "He", "She", "We", "They", "In", "But",
    ]

    /// Nouns after which a number is a cardinal ("Platz 3", "Artikel 5"), so a full stop after it can
    /// end a sentence even before a word that is not an opener ("auf Platz 3. Bayern führt").
    static let countedNouns: [String] = [
        "Platz", "Rang", "Nummer", "Seite", "Kapitel", "Artikel", "Paragraf", "Paragraph", "Absatz", "Gruppe",
        "Runde", "Stufe", "Folge", "Staffel", "Teil", "Band", "Gleis", "Zimmer", "Raum", "Level", "Tabelle",
        "Abbildung", "Grafik", "Punkt", "Platzziffer", "Startnummer", "Spur", "Terminal", "Halle", "Sektor",
        "Block", "Zone", "Phase", "Version", "Position", "Note", "Klasse", "Liga", "Bahnsteig", "Ausgang",
    ]

    /// Keys of ``countedNouns``.
    static let countedNounKeys: Set<ByteKey> = Set(countedNouns.compactMap { ByteKey($0) })

    /// Class of each abbreviation key.
    static let classes: [ByteKey: AbbreviationClass] = {
        var table: [ByteKey: AbbreviationClass] = [:]
        func add(_ words: [String], _ kind: AbbreviationClass) {
            for word in words {
                guard let key = ByteKey(word) else { preconditionFailure("abbreviation too long: \(word)") }
                if table[key] == nil { table[key] = kind }
            }
        }
        add(neverFinal, .neverFinal)
        add(oftenFinal, .oftenFinal)
        add(rarelyFinal, .rarelyFinal)
        // A lower-case abbreviation capitalised at a sentence start may collide with a noun ("Sog"),
        // so the capitalised form only ends a sentence before an opener.
        for word in neverFinal + oftenFinal {
            guard let first = word.unicodeScalars.first, ("a"..."z").contains(first) else { continue }
            let capitalised = word.prefix(1).uppercased() + word.dropFirst()
            if let key = ByteKey(capitalised), table[key] == nil { table[key] = .rarelyFinal }
        }
        return table
    }()

    /// Keys of ``openers``.
    static let openerKeys: Set<ByteKey> = Set(openers.compactMap { ByteKey($0) })

    /// The class of an abbreviation given as text with parts joined by "." ("z.B"), if it is one.
    static func abbreviationClass(of word: String) -> AbbreviationClass? {
        guard let key = ByteKey(word) else { return nil }
        return classes[key]
    }
}
