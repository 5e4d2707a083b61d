/// One run of the suggestion rules over one document: the document's tokens in one array, the
/// quote pairs, and the proposals found so far as token-index lists. Internal to
/// ``AttributionSuggester``.
struct SuggestionScan {
    struct Word {
        var text: String
        var lower: String
        var kind: Token.Kind
        var start: Int
        var end: Int
        var sentence: Int
        var capitalized: Bool
    }

    struct Proposal {
        var speakers: [[Int]] = []
        var antecedent: [Int] = []
        var cue: [Int] = []
        var claim: [Int] = []
        var addressee: [Int] = []
        var frame: [Int] = []
        var form: AttributionForm
        var confidence: Double
        var rule: String
        /// The speaker is the one of the nearest attribution before (filled in by `inheritSpeakers`).
        var inheritsSpeaker = false
    }

    /// Longest sentence (in tokens) the clause rules look into; longer "sentences" are not prose.
    static let longestSentence = 400
    /// Farthest a rule looks from a token for a particle, comma or clause start.
    static let window = 40
    /// Konjunktiv II forms of "dürfen" and "müssen" in the singular, whose Konjunktiv I ("dürfe",
    /// "müsse") differs from the indicative, so indirect speech has no need of them: they give the
    /// writer's own estimate or condition ("Die Schneelast dürfte bei 180 Tonnen gelegen haben",
    /// "Das Land müsste die Rate im August zahlen") far more often than they continue what someone said.
    static let writersEstimates: Set<String> = ["dürfte", "müsste"]
    /// Longest quote (in tokens) taken as one quotation; an opening mark with no close this near is
    /// unbalanced and ignored.
    static let longestQuote = 300

    static let determiners: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "sein", "seine",
        "seiner", "seines", "ihr", "ihre", "ihrer", "ihres", "dieser", "diese", "dieses", "diesem", "diesen", "jener",
        "mehrere", "viele", "einige", "beide", "beiden", "zwei", "drei", "alle",
    ]
    static let pronouns: Set<String> = ["er", "sie", "wir", "ich", "ihr", "man"]
    /// Focus words and sentence adverbs that may stand between a subject and its finite verb ("Der
    /// Minister selbst zeigte sich …", "Die Opposition dagegen sprach …").
    static let focusWords: Set<String> = ["selbst", "aber", "jedoch", "allerdings", "hingegen", "dagegen", "wiederum", "indes", "indessen", "ihrerseits", "seinerseits"]
    static let speakerPronouns: Set<String> = ["er", "sie"]
    /// Personal pronouns that can only be a subject.
    static let nominativePronouns: Set<String> = ["er", "ich", "wir"]
    static let complementizers: Set<String> = [
        "dass", "ob", "wie", "was", "warum", "wer", "wen", "wem", "wann", "wo", "weshalb", "weswegen", "wieso", "welche",
        "inwieweit", "wohin", "woher", "wodurch", "womit", "wofür",
    ]
    static let genitiveDeterminers: Set<String> = ["des", "der", "eines", "einer", "dieses", "dieser", "seines", "seiner", "ihres", "ihrer"]
    static let adverbialSubordinators: Set<String> = [
        "und", "aber", "sondern", "oder", "weil", "da", "als", "wenn", "nachdem", "bevor", "obwohl", "um", "während", "bis", "seit",
        "sodass", "damit", "indem", "ohne", "statt", "wobei", "falls", "sofern", "zumal",
    ]
    static let modals: Set<String> = [
        "musste", "mussten", "muss", "müsse", "will", "wollte", "wollten", "wolle", "kann", "konnte", "könne", "soll", "sollte",
        "solle", "möchte", "darf", "durfte",
    ]
    static let relativePronouns: Set<String> = [
        "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches", "welchem", "welchen", "wo",
    ]
    /// How many sentences back a quote or free indirect speech without a speaker of its own looks
    /// for the attribution it continues (its cue is repeated up to two sentences back).
    static let inheritanceReach = 2
    /// How many sentences back such a proposal takes that attribution's speaker, counted from the
    /// last sentence that carries it (the attribution's, or a continuation's that took it): only
    /// from the sentence right before (two back, the gold speaker is more often someone else: about
    /// one in four on dev).
    static let speakerReach = 1
    /// Rules whose proposals take the cue of the attribution they continue along with its speaker.
    static let cueInheritingRules: Set<String> = ["direct.quote-previous-speaker"]
    /// Prepositions that continue a subject before its verb ("Die Leiterin der Fachstelle für Suchtvorbeugung sagte").
    static let attachedPrepositions: Set<String> = ["von", "vom", "für", "im", "in", "aus"]
    static let passiveAuxiliaries: Set<String> = ["wird", "wurde", "wurden", "werden"]
    /// Forms of "sein" among the auxiliaries: no perfect of a verb that forms it with "haben" ("ist bekannt").
    static let stateAuxiliaries: Set<String> = ["ist", "war", "waren", "sind"]
    /// Pronominal adverbs that announce a dass-clause and belong to the cue ("verwies darauf, dass").
    static let correlates: Set<String> = [
        "darauf", "daran", "darüber", "damit", "dafür", "dagegen", "davon", "dazu", "darin", "danach", "davor", "dabei",
    ]
    static let auxiliaries: Set<String> = [
        "hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten", "ist", "war", "waren", "sind", "wurde", "wurden",
        "wird", "werden", "worden",
    ]
    static let leadingConjunctions: Set<String> = ["und", "aber", "doch", "denn", "oder", "sondern"]
    static let closers: [String: Set<String>] = [
        "„": ["“", "”", "\"", "«", "»"], "»": ["«", "“"], "«": ["»", "“"], "\"": ["\"", "”", "“"], "“": ["”", "“"], "”": ["”"],
    ]

    let documentID: String
    let lexicon: SuggestionLexicon
    var words: [Word] = []
    var sentenceRanges: [Range<Int>] = []
    var quotePairs: [(open: Int, close: Int)] = []
    var insideQuote: [Bool] = []
    var claimed: [Bool] = []
    var claimOwner: [Int] = []
    var claimBounds: [(low: Int, high: Int, count: Int)] = []
    var proposals: [Proposal] = []
    /// Short quotes (under six words, no name) that found no cue of their own: partial quotes that
    /// a frame or reporting verb of their sentence may still take (``nestShortQuotes()``).
    var shortQuotes: [(open: Int, close: Int)] = []
    /// Where the proposals of the sentence the clause rules are in start (``run()``): an earlier
    /// verb of that sentence is looked for among these and the quotes' proposals only.
    var sentenceProposalsStart = 0
    /// The quotes' proposals (added before the clause rules) by the sentence of their cue's last word.
    var quoteProposalsBySentence: [Int: [Int]] = [:]
    /// Surnames that stand after a title and a given name ("Vorstandsmitglied Heike Brandner"), each
    /// with the index of its first such place, made once (``isKnownSurname(_:)``).
    var surnamesAfterTitles: [String: Int] = [:]

    init(document: SegmentedDocument, lexicon: SuggestionLexicon) {
        self.documentID = document.document.id
        self.lexicon = lexicon
        for sentence in document.sentences {
            let lower = words.count
            let tokens = sentence.tokens
            // A dateline ("Berlin (dpa) –") is left out: no rule takes it as speaker or message.
            for token in tokens.dropFirst(Self.datelineLength(tokens)) {
                words.append(
                    Word(
                        text: token.text, lower: token.text.lowercased(), kind: token.kind, start: token.start, end: token.end,
                        sentence: sentenceRanges.count, capitalized: Self.isCapitalized(token)))
            }
            sentenceRanges.append(lower..<words.count)
        }
        insideQuote = Array(repeating: false, count: words.count)
        claimed = Array(repeating: false, count: words.count)
        claimOwner = Array(repeating: -1, count: words.count)
        for index in words.indices.dropFirst(2) where words[index].kind == .word && words[index].capitalized {
            let given = words[index - 1], title = words[index - 2]
            guard given.kind == .word, given.capitalized, title.kind == .word, title.capitalized, title.sentence == words[index].sentence,
                surnamesAfterTitles[words[index].text] == nil, !lexicon.stopwords.contains(given.lower), lexicon.isTitle(title.lower),
                !lexicon.isTitle(given.lower), !lexicon.isInstitution(given.lower)
            else { continue }
            surnamesAfterTitles[words[index].text] = index
        }
    }

    /// Capitalised, or a number compound that stands for a noun ("der 81-Jährige", "der 81-jährige").
    static func isCapitalized(_ token: Token) -> Bool {
        guard let first = token.text.unicodeScalars.first else { return false }
        if first.value >= 65 && first.value <= 90 { return true }
        if first.isASCII && !(first.value >= 48 && first.value <= 57) { return false }
        if first.properties.isUppercase { return true }
        return token.kind == .word && first.properties.numericType != nil && token.text.contains("-")
    }

    // MARK: Running

    mutating func run() -> [AttributionSuggestion] {
        guard !words.isEmpty else { return [] }
        pairQuotes()
        for pair in quotePairs { directQuote(open: pair.open, close: pair.close) }
        for index in proposals.indices {
            if let last = proposals[index].cue.max() { quoteProposalsBySentence[words[last].sentence, default: []].append(index) }
        }
        for sentence in sentenceRanges.indices where sentenceRanges[sentence].count <= Self.longestSentence {
            sentenceProposalsStart = proposals.count
            frames(in: sentence)
            reportingVerbs(in: sentence)
        }
        nestShortQuotes()
        freeIndirect()
        nestQuotes()
        inheritSpeakers()
        ownSubjectSpeakers()
        fuerPersonQuotes()
        linkPronouns()
        prepositionalAddressees()
        appealAddressees()
        passiveAddressees()
        initialDativeAddressees()
        middleFieldDativeAddressees()
        frontedAddressees()
        partialQuoteAddressees()
        partialQuoteObjectAddressees()
        frameGegenueberAddressees()
        return proposals.map(suggestion).sorted {
            ($0.claim.first?.start ?? 0, $0.rule, $0.cue.first?.start ?? 0) < ($1.claim.first?.start ?? 0, $1.rule, $1.cue.first?.start ?? 0)
        }
    }

    func suggestion(_ proposal: Proposal) -> AttributionSuggestion {
        let sentence = proposal.claim.min().map { words[$0].sentence } ?? 0
        return AttributionSuggestion(
            documentID: documentID, sentence: sentence, speakers: proposal.speakers.map(segments).filter { !$0.isEmpty },
            antecedent: segments(proposal.antecedent), cue: segments(proposal.cue), claim: segments(proposal.claim),
            addressee: segments(proposal.addressee), frame: segments(proposal.frame), form: proposal.form,
            confidence: proposal.confidence, rule: proposal.rule)
    }

    /// Consecutive token indices merged into scalar segments.
    func segments(_ indices: [Int]) -> [SpanSegment] {
        var result: [SpanSegment] = []
        var previous = -2
        for index in Set(indices).sorted() {
            if index == previous + 1, var last = result.popLast() {
                last.end = words[index].end
                result.append(last)
            } else {
                result.append(SpanSegment(start: words[index].start, end: words[index].end))
            }
            previous = index
        }
        return result
    }

    /// Adds a proposal unless most of its claim is already claimed by an earlier (stronger) one; a
    /// claim that lies wholly inside the new one (a partial quote in indirect speech) does not count.
    mutating func add(_ proposal: Proposal) {
        var proposal = proposal
        if proposal.form != .reported {
            // A speaker never holds words of its own claim ("die Pläne „völlig verfehlt“" is no speaker of the quote).
            let claim = Set(proposal.claim)
            proposal.speakers = proposal.speakers.map { speaker in
                guard let cut = speaker.firstIndex(where: { claim.contains($0) }) else { return speaker }
                var kept = Array(speaker[..<cut])
                while let last = kept.last, words[last].kind != .word || Self.determiners.contains(words[last].lower) { kept.removeLast() }
                return kept
            }.filter { !$0.isEmpty }
        }
        // A conjunction opening a clause ("Wie die Zeitung berichtete") is never part of a speaker.
        proposal.speakers = proposal.speakers.map { speaker in
            Array(speaker.drop { Self.complementizers.contains(words[$0].lower) })
        }.filter { !$0.isEmpty }
        guard let low = proposal.claim.min(), let high = proposal.claim.max() else { return }
        let taken = proposal.claim.filter { index in
            let owner = claimOwner[index]
            guard owner >= 0 else { return false }
            let other = claimBounds[owner]
            return !(other.low >= low && other.high <= high && other.count < proposal.claim.count)
        }.count
        guard taken * 2 <= proposal.claim.count else { return }
        for index in proposal.claim {
            claimed[index] = true
            claimOwner[index] = proposals.count
        }
        claimBounds.append((low, high, proposal.claim.count))
        proposals.append(proposal)
    }

    // MARK: Quotes

    mutating func pairQuotes() {
        var open: Int?
        for index in words.indices where words[index].kind == .quote {
            let text = words[index].text
            if let start = open, index - start > Self.longestQuote { open = nil }
            if let start = open, Self.closers[words[start].text]?.contains(text) ?? false, looksClosing(index, after: start) {
                quotePairs.append((start, index))
                for inner in (start + 1)..<index { insideQuote[inner] = true }
                open = nil
            } else if Self.closers[text] != nil, looksOpening(index) {
                open = index
            }
        }
    }

    func looksOpening(_ index: Int) -> Bool {
        guard index + 1 < words.count, words[index + 1].kind != .quote else { return false }
        // Glued to the next word, not to the previous one.
        let gluedNext = words[index + 1].start == words[index].end
        let gluedPrevious = index > 0 && words[index - 1].end == words[index].start && words[index - 1].kind != .punctuation
        return gluedNext && !gluedPrevious
    }

    func looksClosing(_ index: Int, after open: Int) -> Bool {
        guard index > open + 1 else { return false }
        let unambiguous = ["„": "“", "»": "«", "«": "»"][words[open].text] == words[index].text
        return unambiguous || words[index - 1].end == words[index].start
    }

    /// A quotation: the claim is the quote with its marks (SpkAtt's convention); the cue and speaker
    /// come after it (", sagte er", ", so X"), before it ("X sagte: „…“"), elsewhere in its sentence
    /// (a partial quote), or from the previous attribution for a long quote on its own.
    mutating func directQuote(open: Int, close: Int) {
        let inner = (open + 1)..<close
        let wordCount = inner.filter { words[$0].kind == .word || words[$0].kind == .number }.count
        guard wordCount >= 1 else { return }
        let claim = Array(open...close)
        var proposal = Proposal(claim: claim, form: .direct, confidence: 0.8, rule: "")
        let next = close + 1
        var cueFound = false
        // Whether the quote follows a colon after a clause in Konjunktiv I: it continues an earlier speaker.
        var continuesReportedSpeech = false
        if next < words.count {
            var position = next
            if words[position].text == "," { position += 1 }
            if position < words.count, words[position].sentence == words[close].sentence || words[close].sentence + 1 == words[position].sentence,
                position > next || words[close - 1].text == "?" || words[close - 1].text == "!" || words[close - 1].text == ","
            {
                if ["heißt", "hieß"].contains(words[position].lower), position + 1 < words.count, words[position + 1].lower == "es",
                    // "„…“, heißt es in der Erklärung des Vereins": the place is the source.
                    let place = ClauseSubjectFinder.impersonalSource(in: self, afterEs: position + 1, upper: sentenceRanges[words[position].sentence].upperBound)
                {
                    proposal.cue = [position, position + 1]
                    proposal.speakers = [place]
                    proposal.rule = "direct.quote-then-cue"
                    cueFound = true
                } else if ["heißt", "hieß"].contains(words[position].lower), position + 2 < words.count, words[position + 1].lower == "es",
                    Self.referringBackPlaces.contains(words[position + 2].lower)
                {
                    // "„…“, heißt es darin": the text it refers back to is the source; the annotator names it.
                    proposal.cue = [position, position + 1]
                    proposal.rule = "direct.quote-then-cue"
                    proposal.confidence = 0.6
                    cueFound = true
                } else if words[position].lower == "so", position + 1 < words.count {
                    let speaker = nounPhrase(from: position + 1)
                    if !speaker.isEmpty {
                        proposal.cue = [position]
                        proposal.speakers = splitSpeakers(speaker)
                        proposal.rule = "direct.quote-so-speaker"
                        cueFound = true
                    }
                } else if let cue = verbCue(at: position) {
                    proposal.cue = cue.words
                    let speaker = nounPhrase(
                        from: ClauseSubjectFinder.subjectStart(
                            in: self, after: afterCue(cue.words, finite: position), upper: sentenceRanges[words[position].sentence].upperBound, limit: position + 8))
                    if let split = addresseeAfterInvertedSpeaker(speaker, cue: cue.words) {
                        // "„…“, sagte Schmid der „Zeit“": the dative after the inverted subject.
                        proposal.speakers = splitSpeakers(split.speaker)
                        proposal.addressee = split.addressee
                    } else {
                        proposal.speakers = splitSpeakers(speaker)
                        proposal.addressee = addressee(after: speaker.last ?? cue.words.max() ?? position, verb: cue.verb)
                    }
                    proposal.rule = "direct.quote-then-cue"
                    cueFound = true
                } else if Self.auxiliaries.contains(words[position].lower), let cue = participleCue(after: position) {
                    // "„…“, wird Panetta zitiert", "„…“, hatte er gesagt": the auxiliary comes first.
                    proposal.cue = cue.words
                    let speaker = nounPhrase(from: afterCue(cue.words, finite: position))
                    proposal.speakers = splitSpeakers(speaker)
                    proposal.rule = "direct.quote-then-cue"
                    cueFound = true
                }
            }
        }
        if !cueFound, open > 0, words[open - 1].text == ":" {
            let sentence = words[open].sentence
            let start = clauseStart(before: open - 1, sentence: sentence)
            // The reporting verb may stand before an apposition ("sagte X, Gründer der Band: „…“").
            let sentenceStart = min(start, max(sentenceRanges[words[open - 1].sentence].lowerBound, open - Self.window))
            let verbs = Array(start..<(open - 1)) + Array((sentenceStart..<start).reversed())
            if let soSpeaker = colonSoSpeaker(colon: open - 1, clauseStart: start) {
                // "…, so Müller weiter: „…“": the speaker and the cue "so" of the frame before the colon.
                proposal.cue = [start]
                proposal.speakers = splitSpeakers(soSpeaker)
                proposal.rule = "direct.quote-so-speaker"
                cueFound = true
            } else if let verb = verbs.first(where: { !insideQuote[$0] && verbCue(at: $0) != nil }), let cue = verbCue(at: verb) {
                proposal.cue = cue.words
                proposal.speakers = splitSpeakers(subject(ofCue: cue.words, finite: verb, verb: cue.verb))
                // "Schmid sagte der Zeitung: „…“": a dative between the verb and the colon is the addressee.
                if let dative = dativeAfterVerb(verb, cue: cue.words, endingBefore: ":") {
                    proposal.addressee = dative
                } else if !proposal.speakers.isEmpty, proposal.speakers.joined().allSatisfy({ $0 < verb }),
                    let bare = bareAddresseeAfterVerb(verb, endingBefore: ":")
                {
                    // "Der Minister sagte Reportern: „…“": an addressee without article after the verb.
                    proposal.addressee = bare
                }
                // "… und rief: „…“": a second verb of the sentence's speaker.
                if proposal.speakers.isEmpty, let shared = coordinatedSpeakers(head: cue.words.min() ?? verb, sentence: sentence) {
                    proposal.speakers = shared
                }
                proposal.rule = "direct.cue-colon-quote"
                cueFound = true
            } else if let turned = turnedToAddressee(colon: open - 1, clauseStart: start) {
                // "Die Ministerin wandte sich an die Eltern: „…“": the phrase before the colon is the addressee.
                proposal.cue = turned.cue
                proposal.speakers = turned.speaker.isEmpty ? [] : splitSpeakers(turned.speaker)
                proposal.addressee = turned.addressee
                proposal.rule = "direct.turned-to-colon-quote"
                proposal.confidence = 0.7
                cueFound = true
            } else if let heisst = (start..<(open - 1)).first(where: {
                ["heißt", "hieß"].contains(words[$0].lower) && $0 + 1 < open - 1 && words[$0 + 1].lower == "es"
            }) {
                // "In der Erklärung heißt es: „…“", "So hieß es im Bericht: „…“".
                proposal.cue = [heisst, heisst + 1]
                let place = heisst + 2
                if place + 1 < open - 1, ["in", "im"].contains(words[place].lower) {
                    let source = nounPhrase(from: place + 1)
                    if !source.isEmpty { proposal.speakers = [source] }
                } else if start < heisst, ["in", "im"].contains(words[start].lower) {
                    let source = Array((start + 1)..<heisst).filter { words[$0].kind != .punctuation }
                    if !source.isEmpty { proposal.speakers = [source] }
                }
                proposal.rule = "direct.heisst-es-colon-quote"
                proposal.confidence = 0.6
                cueFound = true
            } else {
                var speaker = withNameBefore(nounPhraseBackward(from: open - 2, limit: start), sentence: sentence)
                if let owner = speakerBeforeTopic(speaker, clauseStart: start, sentence: sentence) { speaker = owner }
                // "Der Präsident übte scharfe Kritik: „…“": a phrase naming a speech act or a matter is
                // no speaker; the subject of the clause is.
                let named = speaker.isEmpty || looksLikeSpeaker(speaker)
                if !named { speaker = [] }
                if speaker.isEmpty, let subject = sentenceSubject(words[open - 1].sentence), let last = subject.last {
                    // "Der Innenminister zeigte sich besorgt: „…“": the subject of the clause before the
                    // colon, and its finite verb (with a reflexive) as cue; after a phrase naming the
                    // speech act the cue is left to the annotator.
                    speaker = subject
                    // A focus word between the subject and its verb is neither ("Berg selbst gab sich kämpferisch").
                    var finite = last + 1
                    while finite + 1 < open - 1, Self.focusWords.contains(words[finite].lower) { finite += 1 }
                    if VerbMorphology.subjunctiveAuxiliaries.contains(words[finite].lower) {
                        // "Die Region sei den Nachbarn zu Dank verpflichtet: „…“": a clause in Konjunktiv I reports
                        // what someone named before says; its subject is a matter, and the quote goes on with that speaker.
                        continuesReportedSpeech = true
                        speaker = []
                    } else if named {
                        proposal.cue = [finite]
                        if finite + 1 < open - 1, words[finite + 1].lower == "sich" { proposal.cue.append(finite + 1) }
                    }
                }
                if speaker.isEmpty, wordCount >= 6, let inverted = colonInvertedSpeaker(colon: open - 1) {
                    // "Dabei griff sie den Minister an: „…“", "Hier sparte der Präsident nicht mit Kritik: „…“":
                    // the subject after the finite verb; after a phrase naming the speech act the cue is left open.
                    speaker = inverted.speaker
                    if named { proposal.cue = inverted.cue }
                }
                // With no subject either, the quote is still announced by its colon: a proposal with the speaker left open.
                if !speaker.isEmpty || !named {
                    proposal.speakers = speaker.isEmpty ? [] : splitSpeakers(speaker)
                    proposal.rule = "direct.speaker-colon-quote"
                    proposal.confidence = 0.6
                    cueFound = true
                }
            }
        }
        // A quoted name follows an article or a noun ("die „Berliner Zeitung“", "die Fähre „Eagle“").
        let looksLikeName = looksLikeQuotedName(open: open, close: close, wordCount: wordCount)
            || looksLikeQuotedNameInContext(open: open, close: close, wordCount: wordCount) || isImpersonalDesignation(open: open, close: close)
            || looksLikeBrandQuote(open: open, close: close, wordCount: wordCount)
        if !cueFound, wordCount <= 15, !looksLikeName, !continuesReportedSpeech {
            // A partial quote inside a sentence with a reporting verb.
            let range = sentenceRanges[words[open].sentence]
            let lower = max(range.lowerBound, open - Self.window)
            let upper = min(range.upperBound, close + Self.window)
            // The reporting verb nearest before the quote ("lobte X und sprach von einer „…“"), else the first after it.
            let candidates = Array((lower..<open).reversed()) + Array((close + 1)..<max(close + 1, upper))
            if let verb = candidates.first(where: { !insideQuote[$0] && verbCue(at: $0) != nil }), let cue = verbCue(at: verb) {
                let subject = subject(ofCue: cue.words, finite: verb, verb: cue.verb)
                // A quote inside the verb's own subject before it is a name ("Wie die „Aktion Hilfe für
                // alle“ mitteilte", "Der Chef von „Nordlicht“ sagte"); not where that subject runs over
                // a comma into another clause or opens with a relative pronoun ("…, die von dem „…“ ausgehe").
                if subject.contains(open), let first = subject.first, let last = subject.last, last < (cue.words.min() ?? verb),
                    !subject.contains(where: { words[$0].text == "," }),
                    !(first > 0 && words[first - 1].text == "," && Self.relativePronouns.contains(words[first].lower))
                {
                    return
                }
                proposal.cue = cue.words
                proposal.speakers = splitSpeakers(subject)
                proposal.rule = "direct.partial-quote"
                proposal.confidence = 0.55
                cueFound = true
            }
        }
        if !cueFound {
            guard wordCount >= 6, !looksLikeName else {
                if !looksLikeName { shortQuotes.append((open, close)) }
                return
            }
            proposal.rule = "direct.quote-previous-speaker"
            proposal.confidence = 0.4
            proposal.inheritsSpeaker = true
        }
        if !proposal.cue.isEmpty { proposal.frame = frame(cue: proposal.cue, claim: claim) }
        add(proposal)
    }

    /// Lowercase words that join the capitalised words of a name ("Polizei von DeLand",
    /// "Departement Information und Presse", "Ärzte ohne Grenzen").
    static let nameConnectors: Set<String> = ["von", "vom", "und", "der", "des", "für", "im", "am", "ohne", "de", "of", "the", "for", "and", "e.v."]

    /// Whether a quote encloses a name rather than words someone said: a short run of capitalised
    /// words (joined by ``nameConnectors`` at most) after an article, a capitalised word, "kurz" or
    /// the start of a sentence or clause ("die „Berliner Zeitung“", "„BBC News“ berichtet").
    /// Prepositions and possessives after which capitalised quoted words are a name.
    static let nameIntroducers: Set<String> = [
        "zum", "zur", "vom", "beim", "im", "am", "nach", "zu", "von", "bei", "mit", "seinem", "seinen", "ihrem", "ihren", "unserem",
    ]

    func looksLikeQuotedName(open: Int, close: Int, wordCount: Int) -> Bool {
        guard wordCount < 6 else { return false }
        let inner = (open + 1)..<close
        guard let first = inner.first(where: { words[$0].kind == .word }), words[first].capitalized else { return false }
        let lowercase = inner.filter { words[$0].kind == .word && !words[$0].capitalized }
        // Foreign particles and articles join a name too ("die „Correio da Manhã“").
        if lowercase.contains(where: { !Self.nameConnectors.contains(words[$0].lower) && !Self.foreignNameConnectors.contains(words[$0].lower) }) {
            return false
        }
        guard open > 0, words[open - 1].sentence == words[open].sentence else { return true }
        let before = words[open - 1]
        if before.kind == .punctuation { return true }
        // Two to five capitalised words after a preposition or a possessive ("zum „Algemeen Dagblad“",
        // "vom „Queer Beograd Kollektiv“", "mit seinem „Ultimate Aero“") are a name, not words quoted.
        let allCapitalized = inner.allSatisfy { words[$0].kind == .word && words[$0].capitalized }
        if allCapitalized, inner.count >= 2, Self.nameIntroducers.contains(before.lower) { return true }
        // An indefinite article makes it a predicate ("sei ein „Opfer des Terrorismus“"), not a name.
        if before.lower.hasPrefix("ein") { return false }
        return Self.determiners.contains(before.lower) || Self.genitiveDeterminers.contains(before.lower) || (before.capitalized && before.kind == .word)
            || ["kurz", "namens", "genannt", "genannte", "genannten", "sogenannte", "sogenannten"].contains(before.lower)
            // A participial attribute before it ("die in Linz erscheinende „Rundschau am Sonntag“").
            || before.kind == .word && !before.capitalized && looksLikeParticiple(before.lower) && lexicon.verbForms[before.lower] == nil
    }

    // MARK: Frames: laut, zufolge, nach Angaben, gemäß

    mutating func frames(in sentence: Int) {
        let range = sentenceRanges[sentence]
        for index in range where !insideQuote[index] {
            let lower = words[index].lower
            var cue: [Int] = []
            var source: [Int] = []
            var rule = ""
            let clauseInitial = index == range.lowerBound || words[index - 1].text == ","
            if relativeFrame(at: index, sentence: sentence) { continue }
            if lower == "laut" || lower == "gemäß" {
                source = (clauseInitial ? prefieldSource(from: index + 1, sentence: sentence) : nil) ?? nounPhrase(from: index + 1)
                if source.isEmpty, index + 1 < range.upperBound, words[index + 1].kind == .word, !lexicon.stopwords.contains(words[index + 1].lower) {
                    source = [index + 1]  // "laut taz", "laut ndr.de"
                    // "laut einer dpa-Meldung": the article takes its noun, a compound that starts in lowercase.
                    if Self.determiners.contains(words[index + 1].lower), index + 2 < range.upperBound, isLowercaseCompoundNoun(words[index + 2]) {
                        source.append(index + 2)
                    }
                }
                source = frameSourceEnd(source)
                // "laut Ministerium Arbeiten an der Leitung": a bare institution takes no second common
                // noun, which opens the next phrase (the clause's subject).
                if source.count >= 2, source[0] == index + 1, lexicon.isInstitution(words[index + 1].lower),
                    words[source[1]].capitalized, words[source[1]].kind == .word, source[1] == index + 2,
                    !lexicon.isTitle(words[index + 2].lower), !lexicon.isInstitution(words[index + 2].lower),
                    looksLikeCommonNoun(words[index + 2].lower)
                {
                    source = [index + 1]
                }
                cue = [index]
                rule = "indirect.laut"
            } else if lower == "zufolge" {
                let start = clauseStart(before: index, sentence: sentence)
                source = nounPhraseBackward(from: index - 1, limit: start)
                if source.isEmpty, let whole = framePhraseBefore(index, from: start, sentence: sentence) { source = whole }
                cue = [index]
                rule = "indirect.zufolge"
            } else if lower == "wonach", index - 2 >= range.lowerBound, words[index - 1].text == ",", words[index - 2].capitalized {
                // "ein Bericht der Agentur, wonach der Politiker festgenommen worden sein soll": the noun
                // phrase before the comma is the source, the wonach-clause up to its end the message.
                let source = nounPhraseBackward(from: index - 2, limit: clauseStart(before: index - 1, sentence: sentence))
                var end = index + 1
                while end < range.upperBound, ![",", ";", ":"].contains(words[end].text) { end += 1 }
                let claim = trimmedEnd(Array((index + 1)..<end), sentence: sentence)
                if !source.isEmpty, claim.count >= 3 {
                    add(Proposal(speakers: [source], cue: [index], claim: claim, frame: [index] + source, form: .indirect, confidence: 0.6,
                        rule: "indirect.noun-wonach"))
                }
                continue
            } else if lower == "demnach", sentence > 0 {
                // "Demnach …", "… soll demnach …": the pronominal adverb points back to the source before
                // and stands for it, as a pronoun does, so it is the source as well as the cue.
                let claim = trimmedEnd(Array(range).filter { $0 != index }, sentence: sentence)
                if claim.count >= 3 {
                    add(Proposal(speakers: [[index]], cue: [index], claim: claim, frame: [index], form: .indirect, confidence: 0.5,
                        rule: "indirect.demnach"))
                }
                continue
            } else if lower == "aus", index + 2 < range.upperBound, words[index + 1].text == "Sicht",
                Self.genitiveDeterminers.contains(words[index + 2].lower) || words[index + 2].lower == "von"
            {
                // "Aus Sicht der Opposition ist …": the frame's noun with its genitive is the source, as after "nach".
                source = (clauseInitial ? prefieldSource(from: index + 1, sentence: sentence) : nil) ?? nounPhrase(from: index + 1)
                cue = [index]
                rule = "indirect.aus-sicht"
            } else if lower == "nach", index + 1 < range.upperBound {
                let upper = min(range.upperBound, index + 4)
                // The first noun after "nach" (after a genitive name: "Nach Schäubles Idee") is the reporting
                // noun: "nach Abschluss der Ermittlungen" is a time.
                var first = ((index + 1)..<upper).first { words[$0].capitalized || words[$0].kind != .word }
                if let noun = first, noun + 1 < upper, words[noun].lower.hasSuffix("s"), words[noun + 1].kind == .word, words[noun + 1].capitalized {
                    first = noun + 1
                }
                if let noun = first, words[noun].kind == .word, lexicon.isReportingNoun(words[noun].text) || clauseInitial && isNachFrameNoun(noun),
                    !isEventAfterNach(index, noun: noun)
                {
                    source = frameSourceEnd((clauseInitial ? prefieldSource(from: index + 1, sentence: sentence) : nil) ?? nounPhrase(from: index + 1))
                    cue = [index]
                    rule = "indirect.nach-angaben"
                } else if index > range.lowerBound, lexicon.isReportingNoun(words[index - 1].text) {
                    // "Seiner Meinung nach", "Angaben der Polizei nach": the noun phrase comes first.
                    let start = clauseStart(before: index, sentence: sentence)
                    source = nounPhraseBackward(from: index - 1, limit: start)
                    // "Die seiner Ansicht nach zu hohe Steuer": the article before the possessive opens the
                    // phrase the frame stands in; the source is "seiner Ansicht".
                    if source.count >= 3, Self.determiners.contains(words[source[0]].lower), Self.possessives.contains(words[source[1]].lower) {
                        source.removeFirst()
                    }
                    cue = [index]
                    rule = "indirect.noun-nach"
                }
            }
            guard !cue.isEmpty, !source.isEmpty else { continue }
            let removed = Set(cue + source)
            let lowest = removed.min() ?? index, highest = removed.max() ?? index
            // A frame inside a later clause ("…, weil die Mission nach Angaben der UN überfordert ist")
            // reports that clause only: the message runs from the clause's start to the sentence end.
            var clauseLower = frameClauseStart(before: lowest, sentence: sentence) ?? range.lowerBound
            // A frame that opens a main clause of its own after a comma, its finite verb right after the
            // source ("Der Sprecher sagte, nach neuen Erkenntnissen habe ein Unbekannter …"), reports that
            // clause only: what stands before the comma is another clause.
            if clauseInitial, lowest == index, index > range.lowerBound, opensMainClause(after: highest, sentence: sentence) {
                clauseLower = index
            }
            var claim: [Int] = []
            for word in clauseLower..<range.upperBound where !removed.contains(word) {
                if words[word].kind == .punctuation, word == range.upperBound - 1 { continue }
                if words[word].text == "," || words[word].text == "–", word >= lowest - 1 && word <= highest + 1 { continue }
                claim.append(word)
            }
            guard claim.count >= 3 else { continue }
            add(Proposal(speakers: [source], cue: cue, claim: claim, frame: cue + source, form: .indirect, confidence: 0.7, rule: rule))
        }
    }

    /// The start of the clause that holds a frame at `frame` when that clause opens after a comma
    /// inside the sentence with a subordinator, a relative pronoun, a conjunction or a new subject
    /// and the frame is not its first word; nil otherwise (the frame then reports the whole
    /// sentence, as it does after a prefield clause: "Ob …, entscheidet sich laut X …").
    func frameClauseStart(before frame: Int, sentence: Int) -> Int? {
        let range = sentenceRanges[sentence]
        let start = clauseStart(before: frame, sentence: sentence)
        guard start > range.lowerBound, start < frame, words[start - 1].text == "," else { return nil }
        let word = words[start]
        let opensClause = Self.complementizers.contains(word.lower) || Self.relativePronouns.contains(word.lower)
            || Self.adverbialSubordinators.contains(word.lower) || ["worauf", "wonach", "so"].contains(word.lower)
            || word.kind == .word && (word.capitalized || Self.determiners.contains(word.lower) || Self.pronouns.contains(word.lower))
        return opensClause ? start : nil
    }

    /// The source of a "zufolge" that ends a clause's first phrase, whole, when the noun-phrase
    /// walk stops at a lowercase name or a bracket ("Dem Sender al-Dschasira zufolge", "Der Website
    /// example.org zufolge", "Einer Erklärung des Verbands ( VDR ) zufolge"): every word from the
    /// clause start, which opens the sentence or follows a comma, up to the frame is part of a noun
    /// phrase. Nil otherwise.
    func framePhraseBefore(_ frame: Int, from start: Int, sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard frame - start >= 2, frame - start <= 16, start == range.lowerBound || words[start - 1].text == "," else { return nil }
        guard words[start].capitalized || Self.determiners.contains(words[start].lower) || Self.genitiveDeterminers.contains(words[start].lower) else {
            return nil
        }
        for index in start..<frame {
            let word = words[index]
            if word.kind == .quote || ["(", ")", "-", "–"].contains(word.text) || word.kind == .number || word.capitalized { continue }
            guard word.kind == .word else { return nil }
            let lower = word.lower
            if Self.determiners.contains(lower) || Self.genitiveDeterminers.contains(lower) || Self.attachedPrepositions.contains(lower)
                || Self.phrasePrepositions.contains(lower) || lower == "und"
            {
                continue
            }
            // A lowercase name ("al-Dschasira", "example.org") or an adjective before a noun.
            if lower.contains("-") || lower.contains(".") { continue }
            if ["e", "en", "er", "es", "em"].contains(where: { lower.hasSuffix($0) }), index + 1 < frame, lexicon.verbForms[lower] == nil,
                !Self.auxiliaries.contains(lower), !VerbMorphology.subjunctiveAuxiliaries.contains(lower)
            {
                continue
            }
            return nil
        }
        return Array(start..<frame)
    }

    /// ", nach denen …" / ", denen zufolge …" after a noun ("Umfragen, nach denen 72 Prozent die
    /// Verfassung ablehnen"): the relative pronoun stands for the noun and is the source, the rest of
    /// the sentence the message. Whether a proposal was made.
    mutating func relativeFrame(at index: Int, sentence: Int) -> Bool {
        let lower = words[index].lower
        guard lower == "nach" || lower == "zufolge" || lower == "laut" || lower == "gemäß" else { return false }
        let range = sentenceRanges[sentence]
        let pronoun: Int
        let messageStart: Int
        if lower != "zufolge", index + 1 < range.upperBound, Self.pluralRelativePronouns.contains(words[index + 1].lower) {
            pronoun = index + 1
            messageStart = index + 2
        } else if lower == "zufolge", index - 1 > range.lowerBound, Self.pluralRelativePronouns.contains(words[index - 1].lower) {
            pronoun = index - 1
            messageStart = index + 1
        } else {
            return false
        }
        let opening = min(pronoun, index)
        guard opening - 1 > range.lowerBound, words[opening - 1].text == ",", words[opening - 2].capitalized || words[opening - 2].kind == .quote else {
            return false
        }
        let claim = trimmedEnd(Array(messageStart..<range.upperBound), sentence: sentence)
        guard claim.count >= 3, words[claim[0]].kind != .quote else { return false }
        add(Proposal(speakers: [[pronoun]], cue: [index], claim: claim, frame: frame(cue: [index], claim: claim + [pronoun]), form: .indirect,
            confidence: 0.6, rule: "indirect.relative-frame"))
        return true
    }

    /// Relative pronouns that a frame preposition takes ("nach denen", "denen zufolge").
    static let pluralRelativePronouns: Set<String> = ["denen", "welchen"]

    /// The source after a clause-initial "Nach"/"Laut": SpkAtt's Source is the whole rest of the
    /// prefield up to the finite verb, with genitives, prepositional phrases, brackets and an
    /// apposition ("Nach Angaben des Flughafens im Juni 2007 ist …", "Laut Schätzungen französischer
    /// Behörden sind …"). Nil when no finite verb (a lowercase word that is no article, preposition
    /// or adjective) or comma ends it within 30 words.
    func prefieldSource(from start: Int, sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        var phrase: [Int] = []
        var position = start
        var apposition = false
        while position < range.upperBound, phrase.count < 30 {
            let word = words[position]
            if word.text == "," {
                // One apposition: ", dem Direktor der Wetterbehörde," or ", Vorsitzender des Ausschusses,"
                // (a capitalised word: a German prefield has its finite verb after the comma, never a noun)
                // continues the source.
                if !apposition, !phrase.isEmpty, position + 1 < range.upperBound, Self.appositionArticles.contains(words[position + 1].lower)
                    || words[position + 1].kind == .word && words[position + 1].capitalized && !lexicon.stopwords.contains(words[position + 1].lower)
                {
                    apposition = true
                    phrase.append(position)
                    position += 1
                    continue
                }
                break
            }
            if word.kind == .quote || word.text == "(" {
                guard let close = closing(of: position, within: range.upperBound) else { return nil }
                phrase += Array(position...close)
                position = close + 1
                continue
            }
            if word.kind == .punctuation, word.text != "-" { return nil }
            if word.kind == .number || word.capitalized || word.text == "-" {
                phrase.append(position)
                position += 1
                continue
            }
            let lower = word.lower
            let previous = phrase.last.map { words[$0] }
            let nextCapitalized = position + 1 < range.upperBound && (words[position + 1].capitalized || words[position + 1].kind == .number)
            let adjectiveEnding = ["e", "en", "er", "es", "em"].contains { lower.hasSuffix($0) }
            // An adjective opens a noun after a determiner, a preposition or another lowercase word; after a
            // closing bracket or quote the lowercase word is the finite verb ("Nach Angaben des Senders ( SWR ) laufen …").
            let opensNoun = previous.map {
                Self.determiners.contains($0.lower) || Self.phrasePrepositions.contains($0.lower)
                    || !$0.capitalized && ($0.kind == .word || $0.kind == .number)
            } ?? true
            if let previous, Self.determiners.contains(previous.lower) || Self.genitiveDeterminers.contains(previous.lower),
                let end = participialAttributeEnd(from: position, upper: range.upperBound)
            {
                // An extended participial attribute after the article ("Laut einer am Dienstag veröffentlichten
                // Mitteilung des Verbands …", "Laut den vom Amt genannten Zahlen"): its words up to the
                // participle belong to the source.
                phrase += Array(position...end)
                position = end + 1
                continue
            } else if Self.determiners.contains(lower) || Self.genitiveDeterminers.contains(lower) || ["und", "sowie", "von", "vom"].contains(lower) {
                phrase.append(position)
            } else if let last = phrase.last, isLowercaseName(position, after: last) {
                phrase.append(position)  // "Nach Angaben der Agenturen dpa und AFP"
            } else if Self.englishNameLinks.contains(lower), let previous, previous.capitalized, previous.kind == .word,
                position + 1 < range.upperBound, words[position + 1].capitalized, words[position + 1].kind == .word
            {
                phrase.append(position)  // "Nach Angaben der University of Toronto"
            } else if Self.phrasePrepositions.contains(lower), position + 1 < range.upperBound,
                words[position + 1].capitalized || words[position + 1].kind == .number || Self.determiners.contains(words[position + 1].lower)
            {
                phrase.append(position)
            } else if adjectiveEnding, nextCapitalized, opensNoun || lower.hasSuffix("er"), lexicon.verbForms[lower] == nil,
                !Self.auxiliaries.contains(lower), !VerbMorphology.subjunctiveAuxiliaries.contains(lower), !Self.modals.contains(lower)
            {
                phrase.append(position)
            } else {
                break
            }
            position += 1
        }
        guard position < range.upperBound, phrase.count < 30 else { return nil }
        while let last = phrase.last, !words[last].capitalized, words[last].kind != .number, words[last].kind != .quote, words[last].text != ")",
            !(last > start && isLowercaseName(last, after: last - 1))
        {
            phrase.removeLast()
        }
        return phrase.contains(where: { words[$0].capitalized }) ? phrase : nil
    }

    /// Whether the "in" or "aus" at `index`, inside a wie-clause ending at the verb `finite`, opens a
    /// phrase that names the speaker's place or medium: a capitalised word or a determiner follows
    /// (no time: "in diesem Jahr", "im Juni"), no further preposition stands before the verb, the
    /// phrase names no occasion ("in der Pressekonferenz", "in einem Interview") and it follows no
    /// apposition ("Gerald Braun, Bevollmächtigter der Kommission, in Luxemburg": the place of saying).
    func isSpeakerPlace(_ index: Int, before finite: Int) -> Bool {
        guard ["in", "aus"].contains(words[index].lower), index + 1 < finite, words[index - 1].text != "," else { return false }
        if ((index + 1)..<finite).contains(where: { position in Self.occasionEndings.contains { words[position].lower.hasSuffix($0) } }) {
            return false
        }
        let next = words[index + 1]
        guard next.kind == .word, next.capitalized && !Self.timeNouns.contains(next.lower) && !Self.months.contains(next.lower)
            || Self.determiners.contains(next.lower)
        else { return false }
        return !((index + 1)..<finite).contains {
            words[$0].kind == .word && (Self.timeNouns.contains(words[$0].lower) || Self.months.contains(words[$0].lower)
                || lexicon.stopwords.contains(words[$0].lower) && !Self.determiners.contains(words[$0].lower) && !Self.genitiveDeterminers.contains(words[$0].lower))
        }
    }

    /// Endings of nouns for an occasion of speaking, which is no place of the speaker ("in der Pressekonferenz").
    static let occasionEndings: [String] = [
        "konferenz", "interview", "gespräch", "erklärung", "mitteilung", "sitzung", "rede", "debatte", "ansprache",
    ]

    static let appositionArticles: Set<String> = ["dem", "der", "des", "einem", "einer", "eines", "den"]
    static let phrasePrepositions: Set<String> = ["im", "in", "auf", "aus", "vom", "bei", "beim", "am", "zum", "zur", "für", "über", "gegen"]

    // MARK: Reporting verbs

    mutating func reportingVerbs(in sentence: Int) {
        let range = sentenceRanges[sentence]
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            if insideQuote[index] { continue }
            if words[index].lower == "so", index > range.lowerBound, [",", "–", "("].contains(words[index - 1].text) {
                soClause(at: index, sentence: sentence)
                continue
            }
            if (words[index].lower == "heißt" || words[index].lower == "hieß"), index + 1 < range.upperBound, words[index + 1].lower == "es" {
                heisstEs(at: index, sentence: sentence)
                continue
            }
            if Self.isOpinionVerb(words[index].lower) { opinionPhrase(at: index, sentence: sentence) }
            if words[index].lower == "wie", wieFrame(at: index, sentence: sentence) { continue }
            if words[index].lower == "zu" || Self.formsOfGeben.contains(words[index].lower), zuInfinitiveGeben(near: index, sentence: sentence) { continue }
            guard let cue = verbCue(at: index) else { continue }
            verbClause(cue: cue, finite: index, sentence: sentence)
        }
    }

    /// "Die Lage sei ernst, so der Minister (weiter)." and the inserted frame "Dennoch, so Nacke,
    /// habe er …" / "… – so der Sprecher – …": the claim is the sentence without the frame.
    mutating func soClause(at index: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        let speaker = nounPhrase(from: index + 1)
        guard var end = speaker.last.map({ $0 + 1 }) else { return }
        // Adverbs ("weiter", "zudem") or one prepositional phrase ("in einem Interview") may follow the speaker.
        let limit = min(range.upperBound, end + 15)
        if end < limit, words[end].kind == .word, lexicon.stopwords.contains(words[end].lower) {
            while end < limit, words[end].kind == .word || words[end].kind == .number { end += 1 }
        }
        guard end >= range.upperBound - 1 || words[end].kind == .punctuation, end < limit || end >= range.upperBound - 1 else { return }
        let opening = words[index - 1].text
        let inserted = end < range.upperBound - 1 && [",", "–", ")"].contains(words[end].text) && (opening == "," && words[end].text == "," || opening != ",")
        var claim = Array(range.lowerBound..<(index - 1))
        if inserted {
            claim += trimmedEnd(Array((end + 1)..<range.upperBound), sentence: sentence)
        } else if end < range.upperBound - 1, words[end].text != ":" {
            // A colon after the speaker ("…, so Müller weiter: „…“") announces what the same speaker
            // says next; the clause before the comma is still this frame's message.
            return
        }
        guard claim.count >= 3 else { return }
        add(Proposal(speakers: splitSpeakers(speaker), cue: [index], claim: claim, frame: frame(cue: [index], claim: claim),
            form: .indirect, confidence: 0.7, rule: "indirect.clause-so-speaker"))
    }

    /// "In der Erklärung heißt es, …", "Bei der Polizei hieß es, …", "Nun heißt es im Bericht, …"
    /// and the preposed "…, heißt es in der Mitteilung des Vereins."
    mutating func heisstEs(at index: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        // Not when a comma follows "es": then the words before are a place with a relative clause ("In dem Schreiben, das …, heißt es, …").
        if index - 1 > range.lowerBound, words[index - 1].text == ",", index + 2 >= range.upperBound || words[index + 2].text != "," {
            impersonalAfterClause(at: index, sentence: sentence)
            return
        }
        var source: [Int] = []
        if index > range.lowerBound {
            let first = range.lowerBound
            let place = ClauseSubjectFinder.impersonalPlaces.contains(words[first].lower)
            let start = place ? first + 1 : first
            // An adverb before "heißt es" ("Bisher hieß es") is no source; a relative clause after a place is not part of
            // it, and without a place a comma before "heißt es" ends a clause of its own ("Die Vorwürfe, so hieß es, …").
            if start < index, isPhraseStart(start), place || !(start..<index).contains(where: { words[$0].text == "," }) {
                source = Array(start..<index).prefix { words[$0].text != "," }.filter { words[$0].kind != .punctuation }
            }
        }
        if source.isEmpty, let place = ClauseSubjectFinder.impersonalSource(in: self, afterEs: index + 1, upper: range.upperBound) {
            source = place
        }
        guard let claim = messageAfter(index + 1, sentence: sentence, strict: false) else { return }
        add(Proposal(speakers: source.isEmpty ? [] : [source], cue: [index, index + 1], claim: claim,
            frame: frame(cue: [index, index + 1], claim: claim), form: .indirect, confidence: 0.65, rule: "indirect.heisst-es"))
    }

    /// The last proposal whose cue ends in `sentence` before `head`: among the sentence's own
    /// proposals (from ``sentenceProposalsStart``), else among the quotes' proposals of the sentence.
    func earlierAttribution(before head: Int, sentence: Int) -> Proposal? {
        let lower = sentenceRanges[sentence].lowerBound
        let matches = { (proposal: Proposal) -> Bool in
            guard let last = proposal.cue.max() else { return false }
            return last < head && last >= lower
        }
        if let own = proposals[min(sentenceProposalsStart, proposals.count)...].last(where: matches) { return own }
        guard let quotes = quoteProposalsBySentence[sentence] else { return nil }
        return quotes.reversed().lazy.map { self.proposals[$0] }.first(where: matches)
    }

    /// Whether the verb at `finite` already introduces a quote in its sentence, after a colon ("lobte
    /// seine Elf: „…“", "antwortete Lang: „…“") or as a partial quote ("kritisierte sie als
    /// „überfordert“"): the quote is what it reports. (A quote before the verb, "„…“, sagte er", may be
    /// a name in the subject: "Der Verein „Grüne Mühle“ kritisierte …".)
    func cuesAQuote(_ finite: Int, sentence: Int) -> Bool {
        quoteProposalsBySentence[sentence]?.contains {
            ["direct.cue-colon-quote", "direct.partial-quote"].contains(proposals[$0].rule) && proposals[$0].cue.contains(finite)
        } ?? false
    }

    mutating func verbClause(cue: (words: [Int], verb: Int), finite: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        if isBracketedReference(cue: cue.words, sentence: sentence) { return }
        if activeQuotation(cue: cue, finite: finite, sentence: sentence) { return }
        let verb = lexicon.verbs[cue.verb]
        var start = clauseStart(before: finite, sentence: sentence)
        // "Wie der Sprecher der Stadt, Peter Kurz, mitteilte, …": the apposition's commas do not end the wie-clause.
        if words[start].lower != "wie", start > range.lowerBound, finite - range.lowerBound <= 20, words[range.lowerBound].lower == "wie",
            let last = cue.words.max(), last + 1 < range.upperBound, words[last + 1].text == ",",
            ((range.lowerBound + 1)..<finite).filter({ words[$0].text == "," }).count == 2,
            !((range.lowerBound + 1)..<finite).contains(where: { verbCue(at: $0) != nil || Self.auxiliaries.contains(words[$0].lower) && !cue.words.contains($0) })
        {
            start = range.lowerBound
        }
        // "wie X mitteilte, …"
        if words[start].lower == "wie", start < finite {
            var speaker = Array((start + 1)..<finite).filter {
                (words[$0].kind != .punctuation || words[$0].text == ",") && !Self.auxiliaries.contains(words[$0].lower) && !cue.words.contains($0)
            }
            while let last = speaker.last, words[last].text == "," { speaker.removeLast() }
            while let first = speaker.first, lexicon.stopwords.contains(words[first].lower) { speaker.removeFirst() }
            // A place or medium after the speaker with "in"/"aus" stays with it, as SpkAtt marks it ("wie die
            // Banca d'Italia in Rom mitteilte", "wie der Focus in seiner Onlineausgabe berichtete", "wie Dr. Dittrich
            // aus dem Forscherteam sagte"); a time or another preposition ends it ("am Montag", "gegenüber X").
            if let cut = speaker.dropFirst().firstIndex(where: {
                lexicon.stopwords.contains(words[$0].lower) && words[$0].lower != "von" && !isSpeakerPlace($0, before: finite)
            }) {
                speaker = Array(speaker[..<cut])
            }
            while let last = speaker.last, words[last].text == "," { speaker.removeLast() }
            let addressee: [Int]
            if let passive = wieClausePassiveAgent(clauseStart: start, finite: finite, cue: cue.words, verb: cue.verb) {
                (speaker, addressee) = passive
            } else {
                (speaker, addressee) = wieClauseAddressee(speaker: speaker, clauseStart: start, finite: finite, cue: cue.words)
            }
            let cueWords = [start] + cue.words
            let end = cue.words.max() ?? finite
            if end + 1 < range.upperBound, words[end + 1].text == "," {
                let claim = trimmedEnd(Array((end + 2)..<range.upperBound), sentence: sentence)
                if claim.count >= 3 {
                    add(Proposal(speakers: splitSpeakers(speaker), cue: cueWords, claim: claim, addressee: addressee, frame: frame(cue: cueWords, claim: claim),
                        form: .indirect, confidence: 0.75, rule: "indirect.wie-speaker-verb"))
                }
            } else if start > range.lowerBound, words[start - 1].text == "," {
                let claim = Array(range.lowerBound..<(start - 1))
                if claim.count >= 3 {
                    add(Proposal(speakers: splitSpeakers(speaker), cue: cueWords, claim: claim, addressee: addressee, frame: frame(cue: cueWords, claim: claim),
                        form: .indirect, confidence: 0.7, rule: "indirect.clause-wie-speaker-verb"))
                }
            }
            return
        }
        // Verb-final in a subordinate clause ("dass er sagte"): no rule; after a relative pronoun the
        // pronoun is the source ("ein Hacker, der behauptet, den Code geknackt zu haben").
        if start < finite, Self.complementizers.contains(words[start].lower) || ["der", "die", "das"].contains(words[start].lower) && start > range.lowerBound {
            relativeClause(cue: cue, pronoun: start, sentence: sentence)
            return
        }
        var speaker = subject(ofCue: cue.words, finite: finite, verb: cue.verb)
        if speaker.isEmpty, let origin = originSource(cue: cue, finite: finite) { speaker = origin }
        let head = cue.words.min() ?? finite
        if speaker.isEmpty, clauseStart(before: head, sentence: sentence) == head, head > range.lowerBound, words[head - 1].text == ",",
            let apposition = appositionSubject(from: range.lowerBound, to: head - 1)
        {
            // "Ein Sprecher der Polizei, Lars Beringer, sagte, …", "…, Peter Clever, hat … gefordert".
            speaker = apposition
        }
        if speaker.isEmpty, verb.lemma == "verlauten", let opening = impersonalOpening(before: head, sentence: sentence) {
            speaker = opening
        }
        if speaker.isEmpty, let place = documentPrefield(cue: cue.words, sentence: sentence) {
            speaker = place
        }
        var sharedSpeakers: [[Int]]?
        // After "und" the words after the verb are its object ("und warf der Regierung vor"), after a comma only when none is found.
        if head > range.lowerBound, Self.verbCoordinators.contains(words[head - 1].lower),
            speaker.isEmpty || words[head - 1].text != "," && (speaker.min() ?? 0) > head
        {
            // A second verb of one subject: "Die Beobachter monieren Fehler, sprechen aber davon, dass …",
            // "„…“, versicherte X und warf Washington vor, …": the speaker of the verb before, else the sentence's subject.
            if let earlier = earlierAttribution(before: head, sentence: sentence), !earlier.speakers.isEmpty {
                sharedSpeakers = earlier.speakers
                speaker = earlier.speakers.flatMap { $0 }
            } else if let subject = openingSubject(from: range.lowerBound, upper: head) ?? sentenceSubject(sentence), let last = subject.last, last < head {
                speaker = subject
            }
        }
        var nameRunAddressee: [Int]?
        if sharedSpeakers == nil, let split = addresseeInNameRun(speaker, cue: cue.words, finite: finite, verb: verb) {
            speaker = split.speaker
            nameRunAddressee = split.addressee
        }
        if sharedSpeakers == nil, nameRunAddressee == nil, (speaker.min() ?? -1) > finite,
            let split = addresseeAfterInvertedSpeaker(speaker, cue: cue.words)
        {
            // "…, sagte Lisa Schmid der „Zeit“": the dative after an inverted subject is the addressee.
            speaker = split.speaker
            nameRunAddressee = split.addressee
        }
        let speakerAfterVerb = (speaker.min() ?? -1) > finite
        let speakers = sharedSpeakers ?? splitSpeakers(speaker)
        let lastRole = max(cue.words.max() ?? finite, speaker.max() ?? finite)
        // The addressee follows the finite verb and a speaker after it, before a separated particle.
        let addresseeAnchor = max(finite, speaker.max() ?? finite)
        // "wirft X dem Landrat Untätigkeit vor": the dative after an inverted subject without the verb's object too.
        var addressee = nameRunAddressee.map { addresseeWithoutObject($0, cue: cue.words, verb: verb) }
            ?? (verb.takesAddressee
                ? addresseeWithoutObject(addressee(after: addresseeAnchor, verb: cue.verb), cue: cue.words, verb: verb)
                : addressee(after: addresseeAnchor, verb: nil))
        if addressee.isEmpty, !speaker.isEmpty, !speakerAfterVerb,
            let dative = dativeAfterVerb(finite, cue: cue.words, endingBefore: ",") ?? bareAddresseeAfterVerb(finite, endingBefore: ",")
        {
            // "Der Sprecher sagte der Zeitung, …", "Er sagte Reportern, …": a dative right before the comma is the addressee.
            addressee = dative
        }
        let after = max(lastRole, addressee.max() ?? lastRole) + 1
        // Preposed message: "…, sagte er."
        if start == finite, start > range.lowerBound, words[start - 1].text == ",", speakerAfterVerb {
            // After a colon the message opens anew ("Kritik kam von den Grünen: Der Schutz sei …, sagte sie").
            let opening = (range.lowerBound..<(start - 1)).last { words[$0].text == ":" && !insideQuote[$0] }.map { $0 + 1 } ?? range.lowerBound
            let claim = Array(opening..<(start - 1))
            let lastClause = clauseStart(before: start - 1, sentence: sentence)
            let relative = lastClause > opening && Self.relativePronouns.contains(words[lastClause].lower)
            // A quote right before the comma is the direct rule's ("„…“, sagte er").
            let quoteBeforeComma = start - 2 >= range.lowerBound && words[start - 2].kind == .quote
            // "Auf die Frage, ob …, antwortete Lang: „…“": a verb that introduces a quote reports the quote.
            if claim.count >= 3, !relative, !quoteBeforeComma, !insideQuote[claim[0]], words[claim[0]].kind != .quote, !isVerblessPhrase(claim),
                !cuesAQuote(finite, sentence: sentence)
            {
                add(Proposal(speakers: speakers, cue: cue.words, claim: claim, addressee: addressee, frame: frame(cue: cue.words, claim: claim),
                    form: .indirect, confidence: 0.7, rule: "indirect.clause-then-cue"))
                return
            }
            // "In einer Botschaft, die … eingespielt wurde, sagte Thaksin, man werde kämpfen", "„…“, sagte sie,
            // man werde …": what stands before the verb is no message, so the clause after its speaker is.
            guard messageAfter(after, sentence: sentence, strict: true) != nil else { return }
        }
        if let claim = messageAfter(after, sentence: sentence, strict: true).map(untilCoordinatedVerb) {
            if isMainClauseAfterFrontedClause(claim, clauseStart: start, finite: finite, sentence: sentence) { return }
            let form: AttributionForm = claim.contains(where: { insideQuote[$0] }) ? .mixed : .indirect
            let cue = (words: withCorrelate(cue.words, claim: claim, finite: finite), verb: cue.verb)
            add(Proposal(speakers: speakers, cue: cue.words, claim: claim, addressee: addressee, frame: frame(cue: cue.words, claim: claim),
                form: form, confidence: 0.75, rule: "indirect.verb-clause"))
            return
        }
        // A speech verb with nothing but adverbials before its comma: the comma clause is the message
        // ("Er warnte, die Organisatoren verfolgten eigene Ziele").
        if !speaker.isEmpty, let claim = messageAfter(after, sentence: sentence, strict: false).map(untilCoordinatedVerb).map(untilInfinitiveEnd),
            let first = claim.first,
            !Self.adverbialSubordinators.contains(words[first].lower), !["deren", "dessen", "denen", "welche", "welcher", "welches"].contains(words[first].lower),
            !opensRelativeClause(first), !isVerbFinalRelativeClause(claim), adverbialsOnly(from: after, to: first - 1), isCommaClauseMessage(claim)
        {
            add(Proposal(speakers: speakers, cue: cue.words, claim: claim, addressee: addressee, frame: frame(cue: cue.words, claim: claim),
                form: .indirect, confidence: 0.6, rule: "indirect.verb-comma-clause"))
            return
        }
        if reportingVerbJoinsOn(from: after, sentence: sentence) { return }
        let passive = cue.words.contains { ["wurde", "wurden", "worden", "ist", "sind", "war", "waren", "wird", "werden"].contains(words[$0].lower) }
        let demonstrativeObject = finite == start + 1 && Self.demonstratives.contains(words[start].lower) && speakerAfterVerb
        // "Der Zug ist entgleist. Dies teilte die Bahn mit.": the demonstrative opening the sentence
        // sums up the sentence before, which is the message together with the demonstrative (the
        // guidelines leave the full stop out, but the annotated data mostly keeps it).
        if demonstrativeObject, start == range.lowerBound, sentence > 0, !speaker.isEmpty, !passive,
            !insideQuote[start], sentenceRanges[sentence - 1].count <= Self.longestSentence
        {
            let previous = Array(sentenceRanges[sentence - 1])
            if previous.count >= 4, !previous.contains(where: { claimed[$0] }) {
                let claim = previous + [start]
                let frame = trimmedEnd(Array((start + 1)..<range.upperBound), sentence: sentence)
                add(Proposal(speakers: speakers, cue: cue.words, claim: claim, addressee: addressee, frame: frame, form: .indirect,
                    confidence: 0.6, rule: "indirect.demonstrative-sums-up-previous"))
                return
            }
        }
        // "Der Anschlag forderte acht Tote": lives claimed by an event, not a demand.
        let claimsLives = verb.lemma == "fordern" && range.contains { index in
            !speaker.contains(index) && Self.casualtyNouns.contains { words[index].lower.hasSuffix($0) }
        }
        // "Die Pläne wurden von der Bürgermeisterin als überstürzt bezeichnet", "Vom Elternbeirat wurde der
        // Stundenplan als Zumutung kritisiert": a judgement with "als" in the passive names its agent as the
        // speaker. Without "als" the agent is as often a cause or a court ("durch eine Blutprobe bestätigt",
        // "vom Landgericht zu zwei Jahren Haft verurteilt").
        let passiveJudgement = passive && head < finite && (head..<finite).contains { words[$0].lower == "als" }
            && !(passiveAgent(cue: cue.words, verb: cue.verb, sentence: sentence) ?? []).isEmpty
        // "Petra Wendt, Trainerin der Mannschaft, kritisierte die Schiedsrichterin": a subject with an
        // apposition from the sentence start to the comma right before the verb; or one before a relative
        // clause that ends at that comma ("Die Prüferinnen, die den Tresor geöffnet hatten, gehen von … aus").
        let appositionSubject = start == head && head - 1 > range.lowerBound && words[head - 1].text == ","
            && speaker.first == range.lowerBound && (speaker.last ?? head) < head - 1
        // "Zudem regte ein Sprecher der Afrikanischen Union die Einberufung … an", "Für sie fordert
        // Untersuchungsrichter Palazzi Sperren": the finite verb second after an adverbial or an object,
        // its subject right after it and naming a speaker. Not where another rule holds words of the
        // sentence or a colon introduces the content (the quote rules' "gab X bekannt: „…“").
        let invertedSubject = speakerAfterVerb && start < head && head == finite && !passive
            && !speaker.contains(where: { insideQuote[$0] }) && looksLikeSpeaker(speaker)
            && !range.contains(where: { claimed[$0] || words[$0].text == ":" })
        // "X nannte die Pläne „verfehlt“": a quoted name is direct speech (the quote rules'), the
        // sentence no reported speech besides it.
        let namesByQuote = verb.lemma == "nennen" && range.contains { words[$0].kind == .quote && !speaker.contains($0) }
        // "Streich lobte dagegen seine Elf: „…“": the sentence is that quote's attribution, not reported speech beside it.
        // "X sagte, sie rechne mit einer Entscheidung": a verb inside another proposal's claim is part of
        // what is reported there, not reported speech of the whole sentence.
        if !namesByQuote, !claimed[finite], !cuesAQuote(finite, sentence: sentence), namesSpeechAct(cue), !passive || passiveJudgement, !claimsLives, !speaker.isEmpty, finite > start || appositionSubject,
            !reportsNoSpeechAct(cue, speaker: speaker, sentence: range),
            speaker.last == head - 1 || demonstrativeObject || passiveJudgement || appositionSubject || invertedSubject
        {
            // SpkAtt's guidelines give reported speech no cue: the claim is the whole sentence, up to a
            // clause joined by a comma and a conjunction that reports on its own ("…, und der Verband rief …").
            let claim = untilCoordinatedClause(Array(range))
            add(Proposal(speakers: speakers, cue: [], claim: claim, addressee: addressee, form: .reported, confidence: 0.45,
                rule: "reported.speech-act-verb"))
        }
    }

    /// A reporting verb at the end of a relative clause after a noun, followed by its message
    /// ("Zeugen sprachen von einem Mann, der behauptete, er sei Arzt"): SpkAtt annotates the relative
    /// pronoun itself as the source, as it does a personal pronoun; the noun before is its antecedent.
    mutating func relativeClause(cue: (words: [Int], verb: Int), pronoun: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        guard Self.subjectRelativePronouns.contains(words[pronoun].lower), pronoun - 2 >= range.lowerBound, words[pronoun - 1].text == ",",
            words[pronoun - 2].capitalized || words[pronoun - 2].kind == .quote || words[pronoun - 2].text == ")",
            let last = cue.words.max(), let head = cue.words.min(), head > pronoun, last + 1 < range.upperBound, words[last + 1].text == ",",
            !cue.words.contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" }),
            let claim = messageAfter(last + 1, sentence: sentence, strict: true)
        else { return }
        // Nothing but the object, an addressee or adverbials between pronoun and verb: no second verb.
        guard !((pronoun + 1)..<head).contains(where: { words[$0].kind == .punctuation || words[$0].kind == .quote }) else { return }
        var addressee: [Int] = []
        if lexicon.verbs[cue.verb].takesAddressee {
            let phrase = nounPhrase(from: pronoun + 1)
            if let end = phrase.last, end < head { addressee = phrase }
        }
        let antecedent = nounPhraseBackward(from: pronoun - 2, limit: clauseStart(before: pronoun - 1, sentence: sentence))
        let form: AttributionForm = claim.contains(where: { insideQuote[$0] }) ? .mixed : .indirect
        let cueWords = withCorrelate(cue.words, claim: claim, finite: head)
        add(Proposal(speakers: [[pronoun]], antecedent: antecedent, cue: cueWords, claim: claim, addressee: addressee,
            frame: frame(cue: cueWords, claim: claim), form: form, confidence: 0.6, rule: "indirect.relative-pronoun-verb"))
    }

    /// "(Wikinews berichtete)", "(die Zeitung meldete dies am Montag)": a reporting clause alone in
    /// brackets points to an earlier report and has no message in its sentence. True when the
    /// cue's clause opens right after "(" and closes at ")" with no comma, colon or quote inside.
    func isBracketedReference(cue: [Int], sentence: Int) -> Bool {
        let range = sentenceRanges[sentence]
        guard let first = cue.min(), let last = cue.max() else { return false }
        var open = first - 1
        while open >= range.lowerBound, first - open <= 8, words[open].kind == .word || words[open].kind == .number { open -= 1 }
        guard open >= range.lowerBound, words[open].text == "(" else { return false }
        var close = last + 1
        while close < range.upperBound, close - last <= 8, words[close].kind == .word || words[close].kind == .number || words[close].text == "." {
            close += 1
        }
        return close < range.upperBound && words[close].text == ")"
    }

    /// Endings of abstract nouns (acts, states, matters), which name what is said, not who says it.
    static let abstractNounEndings = ["ung", "ungen", "heit", "keit", "tion", "tionen", "ik", "nis", "tät", "ismus", "nahme"]

    /// Whether a noun phrase can be a speaker: it does not open with an accusative or dative form
    /// ("den Worten"), and its nouns before any attribute ("eine Bestätigung ihrer …") are no
    /// reporting noun and no abstract noun, unless they name an institution or an office.
    func looksLikeSpeaker(_ phrase: [Int]) -> Bool {
        guard let first = phrase.first, !isObjectCase(first) else { return false }
        for index in phrase {
            let word = words[index]
            if index != first, word.kind != .word || !word.capitalized && lexicon.stopwords.contains(word.lower) { break }
            guard word.capitalized, word.kind == .word else { continue }
            if lexicon.isInstitution(word.lower) || lexicon.isTitle(word.lower) { return true }
            if lexicon.isReportingNoun(word.text) || Self.abstractNounEndings.contains(where: { word.lower.count > $0.count + 2 && word.lower.hasSuffix($0) }) {
                return false
            }
        }
        return true
    }

    /// Relative pronouns that are the subject of their clause.
    static let subjectRelativePronouns: Set<String> = ["der", "die", "welcher", "welche"]

    /// The cue of a participle that follows the auxiliary at `auxiliary` within a few words of its
    /// clause ("wird Panetta zitiert"), the auxiliary included.
    func participleCue(after auxiliary: Int) -> (words: [Int], verb: Int)? {
        let sentence = sentenceRanges[words[auxiliary].sentence]
        var position = auxiliary + 1
        while position < min(sentence.upperBound, auxiliary + 6), words[position].kind == .word {
            if let cue = verbCue(at: position), cue.words.contains(auxiliary) { return cue }
            position += 1
        }
        return nil
    }

    /// The cue with a pronominal adverb right before the message's comma ("verwies darauf, dass …").
    func withCorrelate(_ cue: [Int], claim: [Int], finite: Int) -> [Int] {
        guard let first = claim.first, first >= 2, words[first - 1].text == ",", first - 2 > finite,
            Self.correlates.contains(words[first - 2].lower), !cue.contains(first - 2), !isAdverbialCorrelate(first - 2, finite: finite)
        else { return cue }
        return (cue + [first - 2]).sorted()
    }

    /// The message after a cue: a comma clause opened by dass/ob/a w-word, in Konjunktiv I, or a
    /// zu-infinitive; or (not strict) any comma or colon clause. Ends before the final punctuation.
    func messageAfter(_ position: Int, sentence: Int, strict: Bool) -> [Int]? {
        let range = sentenceRanges[sentence]
        var comma = position
        let limit = min(range.upperBound, position + 12)
        while comma < limit, words[comma].text != ",", words[comma].text != ":" {
            if words[comma].kind == .punctuation || words[comma].kind == .quote { return nil }
            // "bekräftigte die Kritik und fügte hinzu, dass …": the clause is the second verb's.
            if comma > position, Self.verbCoordinators.contains(words[comma - 1].lower), isIndicativeReportingVerb(comma) { return nil }
            comma += 1
        }
        guard comma < limit, comma + 1 < range.upperBound else { return nil }
        let first = comma + 1
        if words[first].kind == .quote || isIndicativeReportingVerb(first) || opensLocativeRelative(at: first, after: position) { return nil }
        // "stufte das Gesetz als verfassungswidrig ein, und das Hilfswerk rief Russland auf, …": a main
        // clause joined by a conjunction with a reporting verb of its own is the next attribution, no message.
        if Self.mainClauseConjunctions.contains(words[first].lower), joinedClauseVerb(after: first, verbSecond: true) != nil { return nil }
        let claim = trimmedEnd(Array(first..<range.upperBound), sentence: sentence)
        guard claim.count >= 2 else { return nil }
        if !strict || Self.complementizers.contains(words[first].lower) { return claim }
        let probe = claim.prefix(10)
        if probe.contains(where: { isSubjunctiveWord($0) }) { return claim }
        // A zu-infinitive ("zu fahren", or with its particle "einzuhalten"), unless it is an
        // adverbial one ("um … zu", "ohne … zu").
        if let last = claim.last, last > first, isZuInfinitive(last), !["um", "ohne", "statt", "anstatt"].contains(words[first].lower) { return claim }
        return nil
    }

    func isSubjunctiveWord(_ index: Int) -> Bool {
        let word = words[index]
        guard word.kind == .word, !word.capitalized else { return false }
        let afterNoun = index > 0 && (words[index - 1].capitalized || Self.pronouns.contains(words[index - 1].lower))
        return VerbMorphology.isSubjunctive(word.lower, afterNounOrPronoun: afterNoun)
    }

    /// A subject with an apposition before a cue that follows a comma: every word from the
    /// sentence start to the comma is part of a name phrase, with at most one inner comma.
    func appositionSubject(from start: Int, to comma: Int, commas expected: Int = 1) -> [Int]? {
        guard comma - start >= 1, comma - start <= 16, isPhraseStart(start) else { return nil }
        var commas = 0
        for index in start..<comma {
            let word = words[index]
            if word.text == "," { commas += 1; continue }
            if word.kind == .quote || word.text == "(" || word.text == ")" || word.text == "-" || word.text == "/" { continue }
            guard word.kind == .word || word.kind == .number else { return nil }
            if word.capitalized || Self.determiners.contains(word.lower) || Self.phraseJoiners.contains(word.lower) { continue }
            // A number inside a name ("Bündnis 90 / Die Grünen"), or an age as the apposition ("Jonas Berger, 42, sagte").
            if word.kind == .number, index > start, words[index - 1].capitalized { continue }
            if word.kind == .number, index - 1 > start, words[index - 1].text == ",", index + 1 == comma, words[index - 2].capitalized { continue }
            if isNameParticle(index, lower: start, upper: comma) { continue }
            if ["e", "en", "er", "es", "em"].contains(where: { word.lower.hasSuffix($0) }), lexicon.verbForms[word.lower] == nil,
                !Self.auxiliaries.contains(word.lower), !VerbMorphology.subjunctiveAuxiliaries.contains(word.lower)
            {
                continue
            }
            return nil
        }
        return commas == expected ? Array(start..<comma) : nil
    }

    /// Whether the words from `start` up to the comma at `comma` are adverbials only (none, or
    /// starting with an adverb or preposition), so that no object stands between cue and comma.
    func adverbialsOnly(from start: Int, to comma: Int) -> Bool {
        guard start < comma else { return true }
        guard comma < words.count, words[comma].text == "," else { return false }
        // A time phrase of its own counts too ("behauptete letzte Woche, …").
        return lexicon.stopwords.contains(words[start].lower) || ClauseSubjectFinder.isTimePrefield(in: self, from: start, to: comma)
    }

    /// Drops the sentence's final punctuation (and a closing bracket) from a claim.
    func trimmedEnd(_ claim: [Int], sentence: Int) -> [Int] {
        var claim = claim
        while let last = claim.last, words[last].kind == .punctuation, [".", "!", "?", ";", ")"].contains(words[last].text) {
            claim.removeLast()
        }
        return claim
    }

    // MARK: Free indirect speech

    /// A sentence in Konjunktiv I with no attribution of its own that follows one continues it;
    /// reported speech with a speaker counts as one ("Die Regierung warnt vor …. Die Dämme seien …").
    mutating func freeIndirect() {
        var bySentence = Array(repeating: -1, count: sentenceRanges.count)
        for (index, proposal) in proposals.enumerated() where proposal.form != .reported || !proposal.speakers.isEmpty {
            for word in proposal.claim { bySentence[words[word].sentence] = index }
        }
        var previous = -1
        var previousSentence = -10
        for sentence in sentenceRanges.indices {
            if bySentence[sentence] >= 0 {
                // "Sachsen sei den Nachbarn zu Dank verpflichtet: „…“": a Konjunktiv I clause before a quote continues the attribution before.
                if previous >= 0, sentence - previousSentence <= 3, let clause = subjunctiveClauseBeforeColon(in: sentence) {
                    var proposal = Proposal(claim: clause, form: .freeIndirect, confidence: 0.5, rule: "free-indirect.subjunctive-clause-before-quote")
                    proposal.inheritsSpeaker = true
                    add(proposal)
                }
                previous = bySentence[sentence]
                previousSentence = sentence
                continue
            }
            let range = sentenceRanges[sentence]
            guard range.count >= 4, range.count <= Self.longestSentence else { continue }
            let continues = previous >= 0 && sentence - previousSentence <= 3
            let probe = range.prefix(Self.window)
            // Konjunktiv I anywhere after an attribution, or hearsay "soll"/"sollen" as the finite
            // verb near the start (a rumour needs no named source; with no attribution before, only
            // the perfect or a state is hearsay: "soll … gestohlen haben", not "soll … eröffnet werden").
            let hearsay = range.prefix(8).first { ["soll", "sollen"].contains(words[$0].lower) && !insideQuote[$0] }
                .map { continues || sollenClauseIsHearsay(modal: $0, in: range) } ?? false
            let subjunctive = continues && probe.contains {
                !insideQuote[$0] && VerbMorphology.subjunctiveAuxiliaries.contains(words[$0].lower) && !Self.writersEstimates.contains(words[$0].lower)
            }
            guard hearsay || subjunctive, !probe.contains(where: { claimed[$0] }), !addressesReader(range) else { continue }
            var proposal = Proposal(
                claim: Array(range), form: .freeIndirect, confidence: continues ? 0.5 : 0.35,
                rule: subjunctive || continues ? "free-indirect.subjunctive-continuation" : "free-indirect.hearsay")
            proposal.inheritsSpeaker = continues
            if let own = speechAfterSemicolon(in: sentence) {
                // "Der frühere Berater des Bürgermeisters, Jonas Brandt, wandte sich an die Presse; er habe …":
                // the subject of the indicative clause before the semicolon says what follows it.
                proposal.claim = own.claim
                proposal.speakers = [own.speaker]
                proposal.cue = own.cue
                proposal.addressee = own.addressee
                proposal.frame = frame(cue: own.cue, claim: own.claim)
                proposal.form = .indirect
                proposal.inheritsSpeaker = false
                proposal.rule = "indirect.speaker-before-semicolon"
                add(proposal)
                previous = proposals.count - 1
                previousSentence = sentence
                continue
            }
            // "…, heißt es." / "…, hieß es in der Mitteilung.": the impersonal frame after a comma is the cue.
            if let comma = range.first(where: { words[$0].text == "," && $0 + 2 < range.upperBound
                && ["heißt", "hieß"].contains(words[$0 + 1].lower) && words[$0 + 2].lower == "es" && !insideQuote[$0 + 1] })
            {
                proposal.cue = [comma + 1, comma + 2]
                // The message ends before ", heißt es" (SpkAtt leaves the frame out of it); a place after
                // "heißt es" is the source ("…, hieß es in der Mitteilung des Vereins").
                proposal.claim = Array(range.lowerBound..<comma)
                if let place = ClauseSubjectFinder.impersonalSource(in: self, afterEs: comma + 2, upper: range.upperBound) {
                    proposal.speakers = [place]
                    proposal.inheritsSpeaker = false
                }
            }
            // A run of free indirect sentences is one attribution ("Die Lage sei ernst. Man müsse handeln.").
            if proposal.cue.isEmpty, previousSentence == sentence - 1, previous >= 0, previous < proposals.count,
                proposals[previous].form == .freeIndirect, proposals[previous].cue.isEmpty
            {
                extendClaim(of: previous, with: Array(range))
                previousSentence = sentence
                continue
            }
            add(proposal)
            previous = proposals.count - 1
            previousSentence = sentence
        }
    }

    /// Adds the words to the claim of the proposal at `index` (the next sentence of a run).
    mutating func extendClaim(of index: Int, with extra: [Int]) {
        guard let high = extra.max() else { return }
        for word in extra {
            claimed[word] = true
            claimOwner[word] = index
        }
        proposals[index].claim += extra
        claimBounds[index].high = max(claimBounds[index].high, high)
        claimBounds[index].count += extra.count
    }

    /// Proposals without a speaker of their own (a quote standing alone, "Demnach …", free indirect
    /// speech) take the speaker of the nearest attribution before them, at most ``speakerReach`` sentences
    /// after the last sentence that carries it, and a lone quote its cue, at most ``inheritanceReach``
    /// sentences after the attribution.
    mutating func inheritSpeakers() {
        let order = proposals.indices.sorted { (proposals[$0].claim.min() ?? 0) < (proposals[$1].claim.min() ?? 0) }
        var lastSpeakers: [[Int]] = []
        var lastAntecedent: [Int] = []
        var lastCue: [Int] = []
        var lastSentence = -10
        // The last sentence of the run that carries the speaker: an attribution with a speaker of its
        // own, then each continuation that took it ("X sagte, …. Die Lage sei …. „…“").
        var speakerSentence = -10
        // Claims keep their words from here on: which sentences hold one is known once.
        var sentenceHoldsClaim = Array(repeating: false, count: sentenceRanges.count)
        for proposal in proposals {
            for word in proposal.claim { sentenceHoldsClaim[words[word].sentence] = true }
        }
        for index in order {
            let sentence = proposals[index].claim.min().map { words[$0].sentence } ?? 0
            let lastOfClaim = proposals[index].claim.max().map { words[$0].sentence } ?? sentence
            if proposals[index].inheritsSpeaker {
                // The speaker only from the sentence right before; two back it is more often someone else: the subject of
                // the sentence before, else the last speaker when the sentences between bring in no one new.
                let withinReach = !lastSpeakers.isEmpty && sentence - speakerSentence <= Self.speakerReach
                if !withinReach, let subject = recentSpeaker(of: index, sentence: sentence, sentenceHoldsClaim: sentenceHoldsClaim) {
                    // The run goes on with that speaker ("Die Ministerin ist besorgt. „…“ „…“").
                    proposals[index].speakers = [subject]
                    (lastSpeakers, lastAntecedent, lastCue) = ([subject], [], [])
                    (lastSentence, speakerSentence) = (lastOfClaim, lastOfClaim)
                    continue
                }
                guard !lastSpeakers.isEmpty else { continue }
                if withinReach
                    || looksBackForSpeaker(index, sentence: sentence) && continuesSpeaker(from: speakerSentence, to: sentence)
                {
                    proposals[index].speakers = lastSpeakers
                    proposals[index].antecedent = lastAntecedent
                    speakerSentence = max(speakerSentence, lastOfClaim)
                }
                // SpkAtt repeats the cue of the attribution a continuation belongs to ("„…“, so X. „…“").
                if sentence - lastSentence <= Self.inheritanceReach, proposals[index].cue.isEmpty, Self.cueInheritingRules.contains(proposals[index].rule) {
                    proposals[index].cue = lastCue
                }
            } else if !proposals[index].speakers.isEmpty {
                if !lastSpeakers.isEmpty, isImpersonalFrameSource(proposals[index].speakers) {
                    // "dem Vernehmen nach": hearsay that names no one; the run of the speaker before goes on.
                    speakerSentence = max(speakerSentence, lastOfClaim)
                    continue
                }
                if !lastSpeakers.isEmpty, isReferringFrameSource(proposals[index].speakers) {
                    // "Demnach …" stands for the source before it: the run of that source goes on.
                    speakerSentence = max(speakerSentence, lastOfClaim)
                    continue
                }
                // "nach eigenem Bekunden": what follows continues the subject the frame refers back to.
                lastSpeakers = reflexiveFrameSubject(proposals[index].speakers).map { [$0] } ?? proposals[index].speakers
                lastAntecedent = proposals[index].antecedent
                lastCue = proposals[index].cue
                lastSentence = lastOfClaim
                speakerSentence = lastOfClaim
            }
        }
    }

    /// The subject of a sentence that opens with it: the noun phrase (or personal pronoun) at its
    /// start when a lowercase word (the finite verb) follows it. Nil for an adverbial start.
    func sentenceSubject(_ sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard !range.isEmpty, isPhraseStart(range.lowerBound) else { return nil }
        var phrase = nounPhrase(from: range.lowerBound)
        guard var last = phrase.last, phrase.first == range.lowerBound, last + 1 < range.upperBound else { return nil }
        // A name in apposition between commas belongs to the subject ("Der Vorsitzende der
        // Gewerkschaft, Claus Weber, verteidigte …").
        if words[last + 1].text == "," {
            if let open = phrase.last(where: { words[$0].text == "," }), nameAppositionEnd(startingAt: open, upper: range.upperBound) == last + 1 {
                last += 1  // the noun phrase took the apposition in; its closing comma follows
            } else if let close = nameAppositionEnd(startingAt: last + 1, upper: range.upperBound), close + 1 < range.upperBound {
                phrase += Array((last + 1)..<close)
                last = close
            }
        }
        let next = words[last + 1]
        guard next.kind == .word, !next.capitalized, !Self.determiners.contains(next.lower) else { return nil }
        return phrase
    }

    // MARK: Cues, speakers, addressees

    /// The cue words of a reporting verb form at `index` (with a separated particle and an
    /// auxiliary), or nil when the word is no reporting verb here.
    func verbCue(at index: Int) -> (words: [Int], verb: Int)? {
        let word = words[index]
        // A particle written apart before the rest of its verb ("bekannt gegeben") is read with it.
        let apartForms = apartParticleForms(at: index)
        guard word.kind == .word, let forms = apartForms ?? lexicon.verbForms[word.lower], !isApartParticle(at: index) else { return nil }
        let sentence = sentenceRanges[word.sentence]
        if word.capitalized, index != sentence.lowerBound { return nil }
        // A separated particle found in the clause wins ("forderte … auf" over "forderte"), the one
        // closing the clause first ("geht aus … hervor" over "geht aus"), then a participle with its
        // auxiliary, then the plain finite form.
        let particles = separatedParticles(of: forms, after: index, sentence: sentence)
        func particle(of verb: Int) -> Int? { particles.first { $0.verb == verb }?.position }
        // Ranked without the scan in the comparison (a stable sort: readings that tie keep their order).
        let ordered = forms.map { (form: $0, rank: Self.rank($0), particle: particle(of: $0.verb) ?? -1) }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.particle > $1.particle }
            .map(\.form)
        for candidate in ordered {
            var cue = apartForms == nil ? [index] : [index - 1, index]
            if candidate.form.needsParticle {
                guard let found = particle(of: candidate.verb) else { continue }
                cue.append(found)
                // "gab … zu bedenken": "zu" is no particle of "zugeben" but the infinitive's, which belongs to the cue.
                if words[found].lower == "zu", found + 1 < sentence.upperBound, Self.givenToUnderstand.contains(words[found + 1].lower) {
                    cue.append(found + 1)
                }
                if found - 1 > index, ["darauf", "darüber", "dazu", "davon", "damit", "dafür", "dagegen"].contains(words[found - 1].lower) {
                    cue.append(found - 1)
                }
            }
            if let preposition = lexicon.verbs[candidate.verb].preposition {
                let limit = min(sentence.upperBound, index + 12)
                var position = index + 1
                while position < limit, words[position].kind == .word || words[position].kind == .number {
                    if words[position].lower == preposition {
                        cue.append(position)
                        // "hält es für möglich": the adjective after "für" and the correlate "es" complete the verb.
                        if preposition == "für", position + 1 < sentence.upperBound, words[position + 1].kind == .word, !words[position + 1].capitalized,
                            !lexicon.stopwords.contains(words[position + 1].lower), !Self.determiners.contains(words[position + 1].lower)
                        {
                            cue.append(position + 1)
                            if index + 1 < position, words[index + 1].lower == "es" { cue.append(index + 1) }
                        }
                        break
                    }
                    position += 1
                }
            }
            if candidate.form.kind == .infinitive { continue }
            if candidate.form.kind == .participle {
                var auxiliary: Int?
                var position = index - 1
                // Names, numbers and brackets may stand between ("hatte das Komitee ( OK ) betont").
                while position >= max(sentence.lowerBound, index - 14),
                    words[position].kind == .word || words[position].kind == .number || ["(", ")"].contains(words[position].text)
                        || words[position].text == ","
                {
                    if words[position].text == "," {
                        // An apposition of names between commas ("hatte ein Sprecher, Peter Kurz, erklärt").
                        guard let inner = nameAppositionStart(endingAt: position, lower: sentence.lowerBound) else { break }
                        position = inner - 1
                        continue
                    }
                    if Self.auxiliaries.contains(words[position].lower) { auxiliary = position; break }
                    position -= 1
                }
                var following = index + 1
                while following < min(sentence.upperBound, index + 3), Self.auxiliaries.contains(words[following].lower) {
                    cue.append(following)
                    if auxiliary == nil { auxiliary = following }
                    following += 1
                }
                guard let auxiliary else { continue }
                // "Die Ursache ist noch nicht bekannt", "Es ist nicht bekannt, ob …": "bekennen" forms its perfect with
                // "haben" ("hat sich zu dem Anschlag bekannt"), so "bekannt" after a form of "sein" is the adjective "known"
                // (which "geworden" makes a disclosure: "war bekannt geworden, dass …").
                if auxiliary < index, Self.stateAuxiliaries.contains(words[auxiliary].lower), lexicon.verbs[candidate.verb].lemma == "bekennen",
                    index + 1 >= sentence.upperBound || words[index + 1].lower != "geworden"
                {
                    continue
                }
                if auxiliary < index {
                    cue.insert(auxiliary, at: 0)
                    // "hat sich … geäußert": a reflexive right after the auxiliary (or after its pronoun subject).
                    for position in (auxiliary + 1)..<min(index, auxiliary + 3) where words[position].lower == "sich" {
                        if position == auxiliary + 1 || Self.pronouns.contains(words[auxiliary + 1].lower) { cue.append(position) }
                        break
                    }
                }
                // "es wird befürchtet", "wurde es bekannt gegeben": the impersonal "es" of a passive.
                if Self.passiveAuxiliaries.contains(words[auxiliary].lower) {
                    for neighbour in [auxiliary - 1, auxiliary + 1] where neighbour >= sentence.lowerBound && neighbour < sentence.upperBound && neighbour != index {
                        if words[neighbour].lower == "es" { cue.append(neighbour) }
                    }
                }
            }
            // A modal before a verb at the end of its clause ("musste … einräumen", "will … bekannt
            // geben"), or before a participle with an infinitive auxiliary ("soll … gesagt haben").
            let particleBefore = candidate.form.needsParticle && cue.contains(index - 1)
            if candidate.form.kind == .finite, !candidate.form.needsParticle || particleBefore, index + 1 < sentence.upperBound,
                words[index + 1].kind != .word, let modal = closingModal(before: cue.min() ?? index, sentence: sentence)
            {
                cue.append(modal)
            }
            if candidate.form.kind == .participle, let last = cue.max(), last > index, last + 1 < sentence.upperBound, words[last + 1].kind != .word,
                ["haben", "werden", "sein"].contains(words[last].lower), let modal = closingModal(before: cue.min() ?? index, sentence: sentence)
            {
                cue.append(modal)
            }
            // "ließ verlauten", "verlauten ließ", "hat verlauten lassen": "lassen" belongs to the cue.
            if lexicon.verbs[candidate.verb].lemma == "verlauten" {
                if index - 1 >= sentence.lowerBound, Self.formsOfLassen.contains(words[index - 1].lower) { cue.insert(index - 1, at: 0) }
                if index + 1 < sentence.upperBound, Self.formsOfLassen.contains(words[index + 1].lower) { cue.append(index + 1) }
            }
            cue += wordsPhrase(near: cue, sentence: sentence).filter { !cue.contains($0) }
            if candidate.form.kind == .finite, let so = parentheticalSo(before: cue.min() ?? index, sentence: sentence) { cue.append(so) }
            // A reflexive "sich" right after the verb (or after a pronoun subject) belongs to the cue.
            for offset in 1...2 where index + offset < sentence.upperBound && words[index + offset].lower == "sich" {
                if offset == 1 || Self.pronouns.contains(words[index + 1].lower) { cue.append(index + offset) }
                break
            }
            // A pronominal adverb right before a participle or a clause-final verb is part of it
            // ("hat darauf hingewiesen", "davon ausgeht"); in V2 order it would be the prefield.
            let clauseFinal = index + 1 >= sentence.upperBound || words[index + 1].kind != .word
            if candidate.form.kind == .participle || clauseFinal && !candidate.form.needsParticle, index - 1 > sentence.lowerBound,
                Self.correlates.contains(words[index - 1].lower), !cue.contains(index - 1)
            {
                cue.append(index - 1)
            }
            return (cue.sorted(), candidate.verb)
        }
        return nil
    }

    /// The opening comma of ", Name Name," whose closing comma is at `comma`: one to four
    /// capitalised words between two commas; nil otherwise.
    func nameAppositionStart(endingAt comma: Int, lower: Int) -> Int? {
        var position = comma - 1
        while position >= max(lower, comma - 5), words[position].kind == .word, words[position].capitalized,
            !lexicon.stopwords.contains(words[position].lower)
        {
            position -= 1
        }
        guard position >= lower, position < comma - 1, words[position].text == ",", position > lower else { return nil }
        return position
    }

    /// The closing comma of ", Name Name," whose opening comma is at `comma`: one to four
    /// capitalised words between two commas; nil otherwise.
    func nameAppositionEnd(startingAt comma: Int, upper: Int) -> Int? {
        var position = comma + 1
        while position < min(upper, comma + 6), words[position].kind == .word, words[position].capitalized,
            !lexicon.stopwords.contains(words[position].lower)
        {
            position += 1
        }
        guard position > comma + 1, position < upper, words[position].text == "," else { return nil }
        return position
    }

    /// The order in which the readings of a verb form are tried: a separated particle first, then
    /// a participle, then a plain finite form.
    static func rank(_ form: SuggestionLexicon.VerbForm) -> Int {
        if form.form.needsParticle { return 0 }
        return form.form.kind == .participle ? 1 : 2
    }

    /// The first word after the finite part of a cue, where a speaker after the verb begins.
    func afterCue(_ cue: [Int], finite: Int) -> Int {
        var position = (cue.min() ?? finite) + 1
        while cue.contains(position) { position += 1 }
        return position
    }

    /// The speaker of a cue: the words before the finite verb in its clause (V2 order) unless they
    /// are an adverbial, else the noun phrase right after the finite verb.
    func subject(ofCue cue: [Int], finite: Int, verb: Int) -> [Int] {
        let sentence = words[finite].sentence
        let head = cue.min() ?? finite
        let start = clauseStart(before: head, sentence: sentence)
        let range = sentenceRanges[sentence]
        if let agent = passiveAgent(cue: cue, verb: verb, sentence: sentence) { return agent }
        let afterHead = head + 1
        // A nominative-only pronoun right after the finite verb is the subject whatever stands before
        // it ("Als Beispiel führte er … an", "Damals sagte er").
        if start < head, afterHead < range.upperBound, Self.nominativePronouns.contains(words[afterHead].lower), !cue.contains(afterHead) {
            return [afterHead]
        }
        if start < head {
            var first = start
            // "und", "aber", and subordinators with the verb at the end ("während der Botschafter rief");
            // before a verb in second place "als" is a preposition ("Als Begründung gab er an").
            let last = cue.max() ?? head
            let verbFinal = last + 1 >= range.upperBound || words[last + 1].kind != .word
            // A particle or participle separated from the finite verb ("Als Begründung gaben die USA an") puts
            // the verb second: "als" before it opens a phrase, not a clause.
            let verbSecond = last > head + 1 && !cue.contains(head + 1)
            while first < head, Self.leadingConjunctions.contains(words[first].lower)
                || verbFinal && Self.adverbialSubordinators.contains(words[first].lower) && !(verbSecond && words[first].lower == "als")
                || Self.focusParticles.contains(words[first].lower) && first + 1 < head && isPhraseStart(first + 1)
            {
                first += 1
            }
            if let shared = firstConjunctSubject(from: first, before: head - 1) { return shared }
            // A time adverbial ("Letzte Woche", "Am Montag") or "Des Weiteren" is no subject.
            let timeAdverbial = head - first <= 3 && Self.timeNouns.contains(words[head - 1].lower)
                || ClauseSubjectFinder.isTimePrefield(in: self, from: first, to: head)
            // A demonstrative alone before the verb is its object ("Dies bestätigte der Minister").
            let demonstrative = head - first == 1 && Self.demonstratives.contains(words[first].lower)
            // A phrase opened by an accusative or dative form is the object put first ("Den Namen gab
            // das ZDF bekannt", "Der Zeitung sagte der Minister"); the subject follows the verb.
            let objectFirst = first < head && (isObjectCase(first) || isFeminineMediumDative(from: first, to: head))
            // An adverb put first ("Danach sagte der Minister", "Monatelang haben die Stadtwerke bestritten"):
            // tested last, as it searches for the subject after the verb.
            if first < head, isPhraseStart(first), !timeAdverbial, !demonstrative, !objectFirst,
                !isPrefieldAdverb(
                    first, head: head,
                    after: ClauseSubjectFinder.subjectStart(in: self, after: afterCue(cue, finite: head), upper: range.upperBound, limit: head + 8, skipping: cue))
            {
                var phrase = Array(first..<head)
                if let cut = phrase.dropFirst().firstIndex(where: {
                    lexicon.stopwords.contains(words[$0].lower)
                        && !(Self.attachedPrepositions.contains(words[$0].lower) && $0 + 1 < head
                            && (words[$0 + 1].capitalized || Self.determiners.contains(words[$0 + 1].lower)
                                // "Das Exilparlament im indischen Dharamshala": an adjective before the place.
                                || $0 + 2 < head && looksLikeAdjective(words[$0 + 1]) && words[$0 + 2].capitalized))
                }) {
                    phrase = Array(phrase[..<cut])
                }
                while let last = phrase.last, phrase.count > 1, !words[last].capitalized, words[last].kind == .word,
                    lexicon.stopwords.contains(words[last].lower) || !Self.determiners.contains(words[last].lower) && !Self.pronouns.contains(words[last].lower),
                    !isLowercaseName(last, after: last - 1)
                {
                    phrase.removeLast()
                }
                if let pronoun = pronounSubject(of: phrase, clauseStart: start, first: first, head: head) { return [pronoun] }
                if phrase.count <= 15, first == start, let list = enumerationBefore(phrase, sentence: sentence) { return list }
                if phrase.count <= 15 {
                    // An object put first ("Eine Verschiebung bezeichnete Conze als fatal"): the subject follows the verb.
                    let after = ClauseSubjectFinder.subjectStart(in: self, after: afterCue(cue, finite: head), upper: range.upperBound, limit: head + 8)
                    if let subject = ClauseSubjectFinder.frontedObjectSubject(in: self, prefield: phrase, after: after) { return subject }
                    return first == start ? withNameBefore(phrase, sentence: sentence) : phrase
                }
                return nounPhraseBackward(from: head - 1, limit: first)
            }
        }
        if start == head, head - 1 > range.lowerBound, words[head - 1].text == "," {
            // "Lothar Nicht, Ordnungsdezernent der Stadt, sprach von …": a subject with an apposition.
            if let apposition = appositionSubject(from: range.lowerBound, to: head - 1) { return apposition }
            // "Miroslav Klose, der … sah, nannte …": the subject before a relative clause.
            let relative = clauseStart(before: head - 1, sentence: sentence)
            if relative - 1 > range.lowerBound, words[relative - 1].text == ",", Self.relativePronouns.contains(words[relative].lower),
                !["wo", "das"].contains(words[relative].lower)
            {
                // Without or with an apposition before the relative clause ("X, der Minister des Landes, der …, sagte").
                let commas = clauseStart(before: relative - 1, sentence: sentence) == range.lowerBound ? 0 : 1
                if let phrase = appositionSubject(from: range.lowerBound, to: relative - 1, commas: commas) { return phrase }
            }
            // "…, die Sprecherin der Fraktion, Jana Kühn, erklärte": the same after a first clause.
            if let apposition = appositionAfterClause(before: head - 1, sentence: sentence) { return apposition }
        }
        // Adverbs may stand between the verb and its subject ("meldeten dann die Nachrichten", "plädierte auch Beck").
        let after = afterCue(cue, finite: head)
        let subjectStart = ClauseSubjectFinder.subjectStart(in: self, after: after, upper: range.upperBound, limit: head + 8, skipping: cue)
        guard subjectStart < range.upperBound else { return [] }
        guard isObjectCase(subjectStart) else { return nounPhrase(from: subjectStart) }
        // An accusative or dative phrase after the verb is its object, never its subject: the subject
        // follows it ("sagte dem Sender der Minister") or is the pronoun before the verb ("Es weist den
        // Verdacht zurück, …"), which is left to the annotator.
        guard let objectEnd = nounPhrase(from: subjectStart).last, objectEnd + 1 < range.upperBound else { return [] }
        let next = objectEnd + 1
        guard words[next].capitalized || ClauseSubjectFinder.nominativeDeterminers.contains(words[next].lower) else { return [] }
        let phrase = nounPhrase(from: next)
        return phrase.first == next && looksLikeSpeaker(phrase) ? phrase : []
    }

    /// An office phrase after a comma takes the name that opens the sentence before it
    /// ("Rob Mueller, Sekretär des Klubs sagte", "Erkki Tuomioja, Präsident des Rats: „…“").
    func withNameBefore(_ phrase: [Int], sentence: Int) -> [Int] {
        let range = sentenceRanges[sentence]
        if let office = officeBefore(phrase, sentence: sentence) { return office + phrase }
        guard let first = phrase.first, first - 1 > range.lowerBound, words[first - 1].text == ",", first - range.lowerBound <= 6,
            phrase.contains(where: { words[$0].capitalized && lexicon.isTitle(words[$0].lower) }),
            let name = appositionSubject(from: range.lowerBound, to: first - 1, commas: 0),
            name.allSatisfy({ words[$0].capitalized && words[$0].kind == .word && !lexicon.isTitle(words[$0].lower) })
        else { return phrase }
        return name + [first - 1] + phrase
    }

    /// The speaker of a passive cue ("Ihm wurde vorgeworfen", "wurde vom Verband aufgefordert"): the
    /// agent after "von"/"vom"/"durch" in the clause, or none (the subject is the addressee or the
    /// topic). Nil when the cue is not passive; "zitiert werden" keeps its subject as speaker.
    func passiveAgent(cue: [Int], verb: Int, sentence: Int) -> [Int]? {
        guard cue.contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" }),
            cue.count >= 2, lexicon.verbs[verb].lemma != "zitieren"
        else { return separatedPassiveAgent(cue: cue, verb: verb, sentence: sentence) }
        let range = sentenceRanges[sentence]
        guard let low = cue.min(), let high = cue.max() else { return nil }
        let start = clauseStart(before: low, sentence: sentence)
        var position = start
        while position < min(range.upperBound, high + 8), words[position].text != "," || position < high {
            if Self.agentPrepositions.contains(words[position].lower), !cue.contains(position) {
                let phrase = nounPhrase(from: position + 1)
                if !phrase.isEmpty { return phrase }
            }
            position += 1
        }
        return []
    }

    /// Prepositions that introduce a passive's agent ("von Kennern", "durch die Polizei").
    static let agentPrepositions: Set<String> = ["von", "vom", "durch"]

    /// Nouns (and compound endings) of the dead and injured that "fordern" takes when an event claims lives.
    static let casualtyNouns: Set<String> = ["tote", "toten", "todesopfer", "menschenleben", "verletzte", "verletzten", "opfer"]

    /// Words right before a finite verb that join it to an earlier verb of the same subject.
    static let verbCoordinators: Set<String> = ["und", "sowie", ","]

    /// Demonstratives that, alone before the finite verb, are its object, not its subject.
    static let demonstratives: Set<String> = ["das", "dies", "dieses"]
    /// Determiners and pronouns that are never nominative: a phrase they open is no subject.
    static let objectCaseWords: Set<String> = [
        "den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem", "diesen", "diesem", "jenen", "jenem", "meinen", "meinem",
        "unseren", "unserem", "keinen", "keinem", "ihn", "ihm", "ihnen", "mich", "mir", "dich", "dir",
    ]

    /// Whether the word opens an accusative or dative phrase ("den", "einem", "ihn"; not the city "Den Haag").
    func isObjectCase(_ index: Int) -> Bool {
        guard Self.objectCaseWords.contains(words[index].lower) else { return false }
        return !(words[index].lower == "den" && index + 1 < words.count && words[index + 1].text == "Haag")
    }

    /// Nouns that place a time inside a span ("Mitte der Woche", "Ende des Jahres"): no office before a genitive.
    static let timeSpanNouns: Set<String> = ["anfang", "mitte", "ende", "beginn", "laufe", "verlauf"]

    /// Nouns that make a short prefield a time adverbial ("Letzte Woche", "Vergangenen Montag").
    static let timeNouns: Set<String> = [
        "woche", "wochen", "jahr", "jahres", "monat", "monats", "tag", "tage", "tages", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "morgen", "abend", "nacht", "mittag", "wochenende", "weiteren",
    ]

    /// Adverbs that stand in the middle field before the subject.
    static let middleFieldAdverbs: Set<String> = [
        "auch", "dann", "nun", "jetzt", "heute", "gestern", "bereits", "schon", "zudem", "außerdem", "ebenfalls", "jedoch", "aber",
        "allerdings", "erneut", "inzwischen", "mittlerweile", "damals", "bisher", "zuvor", "zuletzt", "kürzlich", "nochmals", "sogar",
    ]

    /// Particles that stand before a subject in the prefield ("Auch der Minister sagte").
    static let focusParticles: Set<String> = ["auch", "sogar", "selbst", "ebenfalls", "nur", "gerade", "allein", "einzig"]

    /// Whether a noun phrase can start at the word (not an adverb, preposition or verb).
    func isPhraseStart(_ index: Int) -> Bool {
        let word = words[index]
        // A quoted name ("„BBC News“ berichtet").
        if word.kind == .quote { return closing(of: index, within: sentenceRanges[word.sentence].upperBound) != nil }
        if lexicon.stopwords.contains(word.lower) { return false }
        if word.kind == .number { return false }
        if word.capitalized { return !lexicon.stopwords.contains(word.lower) }
        return Self.determiners.contains(word.lower) || Self.pronouns.contains(word.lower)
    }

    /// The start of the clause holding `index`: after the last comma, colon, semicolon or quote
    /// mark before it, within the sentence and the window.
    func clauseStart(before index: Int, sentence: Int) -> Int {
        let lower = max(sentenceRanges[sentence].lowerBound, index - Self.window)
        var position = index
        while position > lower {
            let previous = words[position - 1]
            if previous.kind == .quote || previous.text == ")" {
                // Step over a short quoted name or bracket ("die Zeitung „The Guardian“", "( WHO )").
                if let open = opening(before: position - 1, lower: lower) {
                    position = open
                    continue
                }
                break
            }
            if [",", ":", ";", "(", ")"].contains(previous.text) { break }
            position -= 1
        }
        return position
    }

    /// A noun phrase starting at `start`: determiners, adjectives, capitalised words, genitive
    /// continuations and coordinations ("der Chef des Verwaltungsrats Ulrich Müller"); a pronoun
    /// alone. Empty when none starts there.
    func nounPhrase(from start: Int) -> [Int] {
        guard start < words.count else { return [] }
        let sentence = sentenceRanges[words[start].sentence]
        var phrase: [Int] = []
        var position = start
        while position < sentence.upperBound, phrase.count < 14 {
            let word = words[position]
            if phrase.isEmpty, Self.pronouns.contains(word.lower), word.lower != "man" { return [position] }
            // A quoted name ("die Nachrichtenagentur „Sana“") or a bracketed abbreviation ("( CDU )").
            if word.kind == .quote || word.text == "(", let close = closing(of: position, within: sentence.upperBound) {
                guard word.text == "(" ? !phrase.isEmpty : true else { break }
                phrase += Array(position...close)
                position = close + 1
                continue
            }
            // A number that counts the noun after it ("die 27 Mitgliedstaaten", "den 18 Mitarbeitern",
            // "an sechs Bundesminister", "3,6 Millionen Einwohner").
            if isCountingNumber(position, upper: sentence.upperBound),
                phrase.last.map({ Self.determiners.contains(words[$0].lower) || Self.genitiveDeterminers.contains(words[$0].lower) }) ?? true
            {
                phrase.append(position)
                position += 1
                continue
            }
            guard word.kind == .word else { break }
            if let last = phrase.last, words[last].capitalized, ["in", "aus"].contains(word.lower), position + 2 <= sentence.upperBound,
                position + 1 < sentence.upperBound, words[position + 1].capitalized,
                // A genitive noun too ("der Reporter des Senders in Teheran").
                looksLikeCommonNoun(words[last].lower) || words[last].lower.hasSuffix("s") && looksLikeCommonNoun(String(words[last].lower.dropLast())),
                position + 2 == sentence.upperBound || words[position + 2].kind != .word
            {
                phrase += [position, position + 1]  // "Ein Regierungssprecher in Berlin"
                position += 2
                continue
            }
            if let place = placeAttachment(at: position, after: phrase, upper: sentence.upperBound) {
                phrase += place
                position = (place.last ?? position) + 1
                continue
            }
            // A prepositional attribute ("Moritz Wohlrab von der Aktion Hilfe", "die Regierung in Lomé").
            if let last = phrase.last, words[last].capitalized || words[last].kind == .quote || words[last].text == ")",
                Self.speakerAttachments.contains(word.lower), let noun = attachedNoun(after: position, upper: sentence.upperBound)
            {
                phrase += Array(position..<noun)
                position = noun
                continue
            }
            // Where an office is held ("Sprecherin beim Verband der Hoteliers", "Leiter der Abteilung bei der
            // Stiftung"): "bei" after a phrase with a title, before an institution or an acronym, never an
            // occasion ("sagte der Sprecher bei einer Pressekonferenz").
            if let last = phrase.last, words[last].capitalized, Self.officeAttachments.contains(word.lower),
                phrase.contains(where: { words[$0].capitalized && lexicon.isTitle(words[$0].lower) }),
                let noun = attachedNoun(after: position, upper: sentence.upperBound), namesBody(noun)
            {
                phrase += Array(position..<noun)
                position = noun
                continue
            }
            // A name closed by quote marks or a bracket ends the phrase ("zitiert die „Computerwoche“ Lynch", "kündigte
            // der Hersteller ( SSC ) den Bau … an"): only a genitive ("die Initiative „…“ des Vereins") or a
            // coordination ("„…“ und die Polizei") goes on.
            if let last = phrase.last, words[last].kind == .quote || words[last].text == ")",
                !Self.genitiveDeterminers.contains(word.lower), word.lower != "und"
            {
                break
            }
            // A name particle between a given name and a family name ("Anna de Vries", "Marieke van Dam"; "zu" and
            // "da" not after a common noun: "Vorwürfe zu Unrecht") and an Arabic article glued to the name ("Karim al-Haddad").
            if let last = phrase.last, words[last].capitalized, words[last].kind == .word {
                if Self.nameParticles.contains(word.lower), position + 1 < sentence.upperBound, words[position + 1].capitalized, words[position + 1].kind == .word,
                    particleFollowsName(last, particle: word.lower)
                {
                    phrase += [position, position + 1]
                    position += 2
                    continue
                }
                // An English name's "of"/"for" ("California Institute of Technology", "University of Toronto").
                if Self.englishNameLinks.contains(word.lower), position + 1 < sentence.upperBound, words[position + 1].capitalized,
                    words[position + 1].kind == .word
                {
                    phrase += [position, position + 1]
                    position += 2
                    continue
                }
                if Self.gluedNameArticles.contains(where: { word.lower.hasPrefix($0) }), word.lower.count > 4 {
                    phrase.append(position)
                    position += 1
                    continue
                }
            }
            // A name written in lowercase after its office or institution ("die Gewerkschaft ver.di").
            if let last = phrase.last, isLowercaseName(position, after: last) {
                phrase.append(position)
                position += 1
                continue
            }
            // An extended participial attribute after the article ("die in Berlin lebende Autorin").
            if let last = phrase.last, Self.determiners.contains(words[last].lower) || Self.genitiveDeterminers.contains(words[last].lower),
                !word.capitalized, !phrase.contains(where: { words[$0].capitalized }), start == sentence.lowerBound || words[start - 1].text != ",",
                let end = participialAttributeEnd(from: position, upper: sentence.upperBound)
            {
                phrase += Array(position...end)
                position = end + 1
                continue
            }
            if lexicon.stopwords.contains(word.lower), !(word.lower == "von" && !phrase.isEmpty && position + 1 < sentence.upperBound && words[position + 1].capitalized) {
                break
            }
            if let last = phrase.last, words[last].capitalized, Self.determiners.contains(word.lower), !Self.genitiveDeterminers.contains(word.lower) {
                break
            }
            // A possessive after a person's name opens the next phrase, a dative object ("hat Trainer Jan
            // Sommer seiner Mannschaft … vorgeworfen"): a name takes no genitive attribute ("der Trainer
            // seiner Mannschaft" keeps it).
            if phrase.count >= 2, let last = phrase.last, words[last].capitalized, words[last - 1].capitalized, words[last - 1].kind == .word,
                Self.possessives.contains(word.lower), !lexicon.isTitle(words[last].lower), !lexicon.isInstitution(words[last].lower)
            {
                break
            }
            // A plural common noun after an article and its noun opens the next phrase, an object ("teilte das
            // Ministerium Reportern mit", "wie die Behörde Journalisten mitteilte"); a name there stays
            // ("die Staatsanwaltschaft München", "der Sprecher Peter Müller").
            if phrase.count == 2, Self.determiners.contains(words[phrase[0]].lower), words[phrase[1]].capitalized, words[phrase[1]].kind == .word,
                !lexicon.isTitle(words[phrase[1]].lower), word.capitalized, word.kind == .word, isPluralCommonNoun(word.lower)
            {
                break
            }
            if word.capitalized || Self.determiners.contains(word.lower) || word.kind == .number {
                phrase.append(position)
            } else if word.lower == "und" || word.lower == "von", !phrase.isEmpty, position + 1 < sentence.upperBound,
                words[position + 1].capitalized || Self.determiners.contains(words[position + 1].lower)
            {
                phrase.append(position)
            } else if !word.capitalized, position + 1 < sentence.upperBound,
                words[position + 1].capitalized || position + 2 < sentence.upperBound && words[position + 2].capitalized && looksLikeAdjective(words[position + 1]),
                phrase.last.map({ Self.determiners.contains(words[$0].lower) || !words[$0].capitalized || word.lower.hasSuffix("er") && words[position + 1].capitalized }) ?? true,
                !Self.auxiliaries.contains(word.lower), !VerbMorphology.subjunctiveAuxiliaries.contains(word.lower),
                ["e", "en", "er", "es", "em"].contains(where: { word.lower.hasSuffix($0) }), VerbMorphology.isSubjunctive(word.lower, afterNounOrPronoun: false) == false,
                lexicon.verbForms[word.lower] == nil
            {
                phrase.append(position)
            } else {
                break
            }
            position += 1
        }
        while let last = phrase.last, Self.determiners.contains(words[last].lower) || ["und", "von"].contains(words[last].lower) {
            phrase.removeLast()
        }
        guard phrase.contains(where: { words[$0].capitalized }) else { return [] }
        // An apposition of names: "der Vorsitzende des Verbandes, Elmar Gesse,".
        if let last = phrase.last, last + 2 < sentence.upperBound, words[last + 1].text == ",", !Self.pronouns.contains(words[start].lower) {
            var position = last + 2
            var names: [Int] = []
            while position < sentence.upperBound, names.count < 4, words[position].kind == .word,
                // A family name with a glued Arabic article ("Mohammed el-Baradei").
                words[position].capitalized || !names.isEmpty && Self.gluedNameArticles.contains(where: { words[position].lower.hasPrefix($0) }),
                !lexicon.stopwords.contains(words[position].lower)
            {
                names.append(position)
                position += 1
            }
            // A name or office followed by a quote that opens at a verb ("sagte die Kanzlerin, Benedikt XVI. „ist
            // und bleibt …“", "vor der Presse, der Papst „ist …“") is the subject of the comma clause, not an apposition.
            let clauseSubject = (last + 2..<min(sentence.upperBound, position + 2)).contains { opensClauseQuote($0) }
            if !names.isEmpty, !clauseSubject,
                position >= sentence.upperBound || [",", ".", ":"].contains(words[position].text) || words[position].kind == .quote
            {
                phrase += [last + 1] + names
            } else if words[last].capitalized, let apposition = titleApposition(from: last + 2, upper: sentence.upperBound),
                let end = apposition.last, !(apposition[0]...min(end + 1, sentence.upperBound - 1)).contains(where: opensClauseQuote)
            {
                // A name with its office after it: "Ursula Castrup, die Leiterin der Fachstelle".
                phrase += [last + 1] + apposition
            }
        }
        return phrase
    }

    /// Lowercase particles inside a personal name ("Anna de Vries", "Jan van Dijk").
    static let nameParticles: Set<String> = ["de", "da", "di", "van", "zu", "bin", "ibn", "ben", "del", "dos", "la", "le"]

    /// English words that join the capitalised words of a name ("University of Toronto", "Institute for Plasma Physics").
    static let englishNameLinks: Set<String> = ["of", "for"]

    /// Arabic articles glued to a name by a hyphen ("Karim al-Haddad").
    static let gluedNameArticles = ["al-", "el-", "ad-", "as-", "ar-"]

    /// Prepositions that attach a place or an organisation to a speaker.
    static let speakerAttachments: Set<String> = ["von", "vom", "für"]
    /// Prepositions that name where an office is held ("Sprecherin beim Verband").
    static let officeAttachments: Set<String> = ["bei", "beim"]

    /// Whether the word at `index` names a body: an institution noun ("Verband", "Stiftung"), an
    /// acronym ("FES", "UNO") or a quoted name.
    func namesBody(_ index: Int) -> Bool {
        let word = words[index]
        if word.kind == .quote { return true }
        guard word.kind == .word else { return false }
        if lexicon.isInstitution(word.lower) { return true }
        let letters = word.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.count == word.text.unicodeScalars.count && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// The capitalised noun after a preposition at `preposition`, behind at most one determiner and
    /// three adjectives, when it is no time noun ("am Montag", "im Juni"); nil otherwise.
    func attachedNoun(after preposition: Int, upper: Int) -> Int? {
        var position = preposition + 1
        if position < upper, Self.determiners.contains(words[position].lower) || Self.genitiveDeterminers.contains(words[position].lower) {
            position += 1
        }
        var adjectives = 0
        while position < upper, adjectives < 3, looksLikeAdjective(words[position]) {
            position += 1
            adjectives += 1
        }
        guard position < upper else { return nil }
        let word = words[position]
        if word.kind == .quote { return closing(of: position, within: upper) != nil ? position : nil }
        guard word.kind == .word, word.capitalized, !Self.timeNouns.contains(word.lower), !Self.months.contains(word.lower),
            !lexicon.stopwords.contains(word.lower)
        else { return nil }
        return position
    }

    static let months: Set<String> = [
        "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember",
    ]

    /// An apposition naming an office after a name, up to the comma or end that closes it: a noun
    /// phrase holding a title or office, opened by an article, an adjective or the title itself.
    func titleApposition(from start: Int, upper: Int) -> [Int]? {
        guard start < upper, words[start].kind == .word, !Self.pronouns.contains(words[start].lower) else { return nil }
        let phrase = nounPhrase(from: start)
        // An office named by a title, or by a noun with a genitive ("Kopf einer Gruppe von Inspektoren",
        // "Chef des Vereins"), whatever its ending; never a time ("Mitte der Woche", "Ende des Jahres").
        let genitiveOffice = phrase.count >= 3 && words[phrase[0]].capitalized
            && !Self.timeNouns.contains(words[phrase[0]].lower) && !Self.timeSpanNouns.contains(words[phrase[0]].lower)
            && Self.genitiveDeterminers.contains(words[phrase[1]].lower)
        guard let last = phrase.last, phrase.first == start,
            genitiveOffice || phrase.contains(where: { words[$0].capitalized && lexicon.isTitle(words[$0].lower) }),
            last + 1 >= upper || [",", ".", ":", ";"].contains(words[last + 1].text)
                || closesApposition(after: last, upper: upper)
        else { return nil }
        return phrase
    }

    /// The opening quote mark or bracket of a closing one at `close`, at most eight words back,
    /// when the two enclose a short name.
    func opening(before close: Int, lower: Int) -> Int? {
        var position = close - 1
        while position >= max(lower, close - 9) {
            let word = words[position]
            if word.kind == .quote || word.text == "(" {
                return closing(of: position, within: close + 1) == close ? position : nil
            }
            if word.kind == .punctuation, word.text != "-", word.text != "." { return nil }
            position -= 1
        }
        return nil
    }

    /// The closing quote mark or bracket of an opening one at `open`, at most eight words on.
    func closing(of open: Int, within upper: Int) -> Int? {
        let text = words[open].text
        let closers: Set<String> = text == "(" ? [")"] : (Self.closers[text] ?? [])
        guard !closers.isEmpty else { return nil }
        var position = open + 1
        while position < min(upper, open + 10) {
            if closers.contains(words[position].text) { return position > open + 1 ? position : nil }
            if words[position].kind == .punctuation, words[position].text != "-", words[position].text != "." { return nil }
            position += 1
        }
        return nil
    }

    /// Whether a lowercased capitalised word looks like a common noun (by its ending) rather than a name.
    func looksLikeCommonNoun(_ word: String) -> Bool {
        if lexicon.isTitle(word) || lexicon.isInstitution(word) { return true }
        return ["ung", "heit", "keit", "schaft", "ion", "tät", "ium", "amt", "rat", "er", "en", "e", "ei", "nis", "ur", "ik", "ie", "te", "ten", "ter"]
            .contains { word.hasSuffix($0) }
    }

    /// Plural endings no name has ("Reportern", "Journalisten", "Änderungen", "Expertinnen").
    static let pluralNounEndings = ["ungen", "isten", "innen", "ern"]

    /// Whether a lowercased capitalised word is a plural common noun by its ending, long enough to
    /// be no name ("Bayern").
    func isPluralCommonNoun(_ word: String) -> Bool {
        word.count >= 7 && Self.pluralNounEndings.contains { word.hasSuffix($0) }
    }

    /// Whether a lowercase word can be an inflected adjective: an adjective ending, and no verb,
    /// auxiliary or stopword.
    func looksLikeAdjective(_ word: Word) -> Bool {
        word.kind == .word && !word.capitalized && ["e", "en", "er", "es", "em"].contains { word.lower.hasSuffix($0) }
            && lexicon.verbForms[word.lower] == nil && !lexicon.stopwords.contains(word.lower) && !Self.auxiliaries.contains(word.lower)
            && !VerbMorphology.subjunctiveAuxiliaries.contains(word.lower) && !Self.modals.contains(word.lower) && !Self.determiners.contains(word.lower)
    }

    /// Adjectives of quantity that open a noun phrase though a verb has the same form ("einigen Teilnehmern zufolge").
    static let quantifierAdjectives: Set<String> = ["einigen", "mehreren", "vielen", "anderen", "weiteren"]

    /// Whether a lowercase word is a verb form the engine knows: an auxiliary, a modal, a
    /// subjunctive auxiliary or a form of a reporting verb.
    func isVerbWord(_ word: Word) -> Bool {
        word.kind == .word && (Self.auxiliaries.contains(word.lower) || Self.modals.contains(word.lower)
            || VerbMorphology.subjunctiveAuxiliaries.contains(word.lower) || lexicon.verbForms[word.lower] != nil)
    }

    /// A noun phrase ending at `end`, reaching back no further than `limit`.
    func nounPhraseBackward(from end: Int, limit: Int) -> [Int] {
        guard end >= limit, end >= 0 else { return [] }
        var position = end
        while position >= limit {
            let word = words[position]
            if word.text == "–", position > limit { position -= 1; continue }  // "Familie – Rainer Wittner –"
            if word.kind == .punctuation || word.kind == .quote { break }
            let next = position + 1 <= end ? words[position + 1] : nil
            // A prepositional attribute before a name ("Angaben des Instituts von Athen", "den Behörden in Mombasa")
            // or before an adjective and its noun ("Angaben vom gestrigen Mittwoch").
            let attached = Self.attachedPrepositions.contains(word.lower) && position < end
                && (next.map { $0.capitalized } == true || position + 2 <= end && next.map(looksLikeAdjective) == true && words[position + 2].capitalized)
            if lexicon.stopwords.contains(word.lower), !attached { break }
            // A noun right before the frame's noun belongs to the clause ("nimmt die Organisation
            // Schätzungen zufolge …"): the frame's phrase starts after it.
            if word.capitalized, word.kind == .word, position > sentenceRanges[word.sentence].lowerBound, let next, next.capitalized,
                !Self.determiners.contains(word.lower), !Self.genitiveDeterminers.contains(word.lower),
                lexicon.isReportingNoun(next.text), position + 1 == end || !Self.genitiveDeterminers.contains(words[position + 1].lower)
            {
                break
            }
            if !word.capitalized, word.kind == .word, !attached, !Self.determiners.contains(word.lower), !Self.genitiveDeterminers.contains(word.lower) {
                // Only an adjective (before a noun or another adjective) continues the phrase.
                let adjectiveEnding = ["e", "en", "er", "es", "em"].contains { word.lower.hasSuffix($0) }
                let before = position > limit ? words[position - 1] : nil
                // After a determiner, a preposition or another adjective; after a noun only as a
                // genitive plural ("Berichten britischer Zeitungen"); after a verb it opens the phrase
                // ("waren offiziellen Angaben zufolge", "dürfte ersten Annahmen zufolge").
                let opensPhrase = before.map { (before: Word) -> Bool in
                    Self.determiners.contains(before.lower) || lexicon.stopwords.contains(before.lower) || before.kind != .word
                        || before.capitalized && word.lower.hasSuffix("er") || !before.capitalized && (looksLikeAdjective(before) || isVerbWord(before))
                } ?? true
                guard adjectiveEnding, opensPhrase, let next, next.capitalized || (!Self.determiners.contains(next.lower) && next.kind == .word),
                    !Self.auxiliaries.contains(word.lower), !VerbMorphology.subjunctiveAuxiliaries.contains(word.lower),
                    lexicon.verbForms[word.lower] == nil || Self.quantifierAdjectives.contains(word.lower)
                else { break }
            }
            position -= 1
        }
        var phrase = Array((position + 1)..<(end + 1)).filter { words[$0].kind != .punctuation || words[$0].text == "–" }
        while let last = phrase.last, words[last].text == "–" { phrase.removeLast() }
        return phrase.contains(where: { words[$0].capitalized }) ? phrase : []
    }

    /// The addressee: "gegenüber X" after the speaker (also after a sentence adverb: "aber gegenüber
    /// X", ``focusWords``), or (for verbs that take one) the noun phrase
    /// right after the speaker or verb ("warf Washington … vor"); never after "zitieren", whose
    /// object is the one quoted.
    func addressee(after position: Int, verb: Int?) -> [Int] {
        let next = position + 1
        guard next < words.count, words[next].sentence == words[position].sentence else { return [] }
        if words[next].lower == "gegenüber" { return nounPhrase(from: next + 1) }
        // "bestritt jedoch gegenüber der Agentur …": a sentence adverb may stand before "gegenüber".
        if Self.focusWords.contains(words[next].lower), next + 2 < words.count, words[next + 1].lower == "gegenüber",
            words[next + 1].sentence == words[position].sentence
        {
            return nounPhrase(from: next + 2)
        }
        // "„…“, zitiert die Zeitung den Minister": the object of "zitieren" is the one quoted, never an addressee.
        if let verb, lexicon.verbs[verb].lemma != "zitieren", words[next].kind == .word, !Self.pronouns.contains(words[next].lower) {
            return nounPhrase(from: next)
        }
        return []
    }

    /// Splits "A und B" into two speakers when both sides hold a capitalised word.
    func splitSpeakers(_ phrase: [Int]) -> [[Int]] {
        guard !phrase.isEmpty else { return [] }
        guard let and = phrase.firstIndex(where: { words[$0].lower == "und" }) else { return [phrase] }
        let left = Array(phrase[..<and]), right = Array(phrase[(and + 1)...])
        let named = { (part: [Int]) in part.contains { self.words[$0].capitalized } }
        // "Kinder- und Jugendärzte": the word before "und" is the first half of a compound, one name.
        guard named(left), named(right), !left.contains(where: { lexicon.isTitle(words[$0].lower) && words[$0].lower.hasSuffix("-") }),
            !(words[phrase[and - 1]].text.hasSuffix("-"))
        else {
            return [phrase]
        }
        return [left, right]
    }

    /// SpkAtt's frame: the words of the cue's sentence that are neither the claim nor the
    /// sentence's final punctuation.
    func frame(cue: [Int], claim: [Int]) -> [Int] {
        guard let first = cue.first else { return [] }
        let claimed = Set(claim)
        let range = sentenceRanges[words[first].sentence]
        let end = trimmedEnd(Array(range), sentence: words[first].sentence).last.map { $0 + 1 } ?? range.lowerBound
        return (range.lowerBound..<end).filter { !claimed.contains($0) }
    }

    /// A short quote with no cue of its own inside the claim of a frame or reporting-verb proposal
    /// of its sentence is a partial quote said with that proposal's cue and speakers ("Laut Polizei
    /// verlief die Demonstration „weitgehend störungsfrei“", "Er bezeichnete die Pläne als
    /// „unausgegoren“"). It is added beside the outer proposal, whose claim keeps its words.
    mutating func nestShortQuotes() {
        var bySentence: [Int: [Int]] = [:]
        for index in proposals.indices where proposals[index].form != .direct && proposals[index].form != .reported {
            bySentence[words[claimBounds[index].low].sentence, default: []].append(index)
        }
        for quote in shortQuotes {
            let sentence = words[quote.open].sentence
            guard let outer = (bySentence[sentence] ?? []).first(where: { index in
                claimBounds[index].low <= quote.open && claimBounds[index].high >= quote.close
                    && !proposals[index].speakers.isEmpty && !proposals[index].cue.isEmpty
            }) else { continue }
            let claim = Array(quote.open...quote.close)
            claimBounds.append((quote.open, quote.close, claim.count))
            proposals.append(
                Proposal(speakers: proposals[outer].speakers, antecedent: proposals[outer].antecedent, cue: proposals[outer].cue, claim: claim,
                    frame: proposals[outer].frame, form: .direct, confidence: 0.5, rule: "direct.partial-quote-in-frame"))
        }
    }

    /// A quote inside another proposal's claim shares that proposal's frame, cue and speakers
    /// ("Er nannte die Pläne „unausgegoren“": the partial quote is said with the same words).
    mutating func nestQuotes() {
        // Non-direct proposals by the sentence of their claim's start, so the search stays local.
        var bySentence: [Int: [Int]] = [:]
        for index in proposals.indices where proposals[index].form != .direct {
            bySentence[words[claimBounds[index].low].sentence, default: []].append(index)
        }
        // Only quotes that found no cue of their own (partial quotes, lone quotes) borrow one.
        for index in proposals.indices where proposals[index].form == .direct
            && ["direct.partial-quote", "direct.quote-previous-speaker"].contains(proposals[index].rule)
        {
            let bounds = claimBounds[index]
            let sentence = words[bounds.low].sentence
            let nearby = (max(0, sentence - 3)...sentence).flatMap { bySentence[$0] ?? [] }
            guard let outer = nearby.first(where: { other in
                claimBounds[other].low <= bounds.low
                    && claimBounds[other].high >= bounds.high && claimBounds[other].count > bounds.count
            }) else { continue }
            proposals[index].frame = proposals[outer].frame
            if !proposals[outer].cue.isEmpty {
                proposals[index].cue = proposals[outer].cue
                proposals[index].speakers = proposals[outer].speakers
            }
        }
    }
}
