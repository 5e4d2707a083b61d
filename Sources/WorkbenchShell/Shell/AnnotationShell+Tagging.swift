import Annotations
import Foundation

extension AnnotationShell {
    /// Resolves a span address in the current sentence into an anchor.
    func anchor(for word: String, allowFollowing: Bool = false) throws(CommandError) -> TextAnchor {
        let resolved: ResolvedSpan
        do {
            resolved = try SpanAddress.parse(word).resolve(in: document, sentence: sentenceIndex)
        } catch {
            throw .span(error)
        }
        if resolved.crossesSentences && !allowFollowing {
            throw .usage("only claims may run on into following sentences; mark this span within the sentence")
        }
        do {
            return try builder.anchor(
                document: document.document.id, sentence: sentenceIndex, segments: resolved.segments,
                allowFollowingSentences: resolved.crossesSentences)
        } catch {
            throw .rejected(error.description)
        }
    }

    /// A speaker (and mention) named by a user: `S1`, `M2`, or a name or alias.
    func resolveSpeaker(_ text: String) throws(CommandError) -> (speaker: Speaker, mention: String?) {
        let wanted = ShellArguments.unquoted(text)
        if let key = RecordKey.forID(wanted) {
            switch key {
            case .speaker(let id):
                guard let speaker = state.speakers[id] else { throw .rejected("there is no speaker \(id); 'speakers' lists them") }
                return (speaker, nil)
            case .mention(let id):
                guard let mention = state.mentions[id], let speaker = state.speakers[mention.speaker] else {
                    throw .rejected("there is no mention \(id); 'list' shows this sentence's mentions")
                }
                return (speaker, id)
            default:
                throw .usage("\(wanted) is not a speaker or mention; give S…, M… or a name")
            }
        }
        let all = AnnotationState.sortedByID(state.speakers)
        let exact = all.filter { speaker in
            ([speaker.name] + speaker.aliases).contains { $0.compare(wanted, options: [.caseInsensitive]) == .orderedSame }
        }
        if exact.count == 1 { return (exact[0], nil) }
        // "Kim" for "Kim Yong-hyun" is found too: a unique match is taken, several are listed.
        let candidates = exact.count > 1 ? exact : SpeakerResolver().candidates(for: wanted, among: all)
        if candidates.count == 1 { return (candidates[0], nil) }
        let shown = TerminalText.sanitize(wanted)
        if candidates.isEmpty {
            throw .rejected("no speaker matches '\(shown)'; 'speakers' lists them, or tag one first with: speaker SPAN")
        }
        throw .rejected("'\(shown)' may be " + candidates.prefix(5).map { "\($0.id) \(TerminalText.sanitize($0.name))" }.joined(separator: " or ")
            + "; write the id instead")
    }

    /// Speakers named by a user, separated by commas (`S1,S2`, `M3, Mark Rutte`), main speaker first, with
    /// the mentions given among them; a speaker named twice is refused.
    func resolveSpeakers(_ text: String) throws(CommandError) -> (speakers: [String], mentions: [String]) {
        var speakers: [String] = [], mentions: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw .usage("'by' lists speakers separated by commas, e.g. by S1,S2 or by M3,M5") }
            let resolved = try resolveSpeaker(name)
            guard !speakers.contains(resolved.speaker.id) else {
                throw .rejected("\(resolved.speaker.id) \(TerminalText.sanitize(resolved.speaker.name)) is named twice; name each speaker once, e.g. by S1,S2")
            }
            speakers.append(resolved.speaker.id)
            if let mention = resolved.mention { mentions.append(mention) }
        }
        return (speakers, mentions)
    }

    /// Addressees named by a user: mention ids separated by commas (`M4`, `M4,M7`); anything else is refused.
    func resolveAddressees(_ text: String) throws(CommandError) -> [String] {
        var result: [String] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let id = ShellArguments.unquoted(part.trimmingCharacters(in: .whitespaces))
            guard let key = RecordKey.forID(id), case .mention = key else {
                throw .usage("'\(TerminalText.sanitize(String(id.prefix(30))))' is not a mention id; 'to' takes the addressee's mentions (M…), e.g. to M4 — tag the addressee first with: speaker SPAN")
            }
            guard state.mentions[id] != nil else { throw .rejected("there is no mention \(id); 'list' shows this sentence's mentions") }
            guard !result.contains(id) else { throw .rejected("\(id) is named twice; name each addressee once, e.g. to M4,M7") }
            result.append(id)
        }
        return result
    }

    /// The span word of a command whose first arguments may be several bare words:
    /// `speaker das isländische Fischereiministerium role …` is the text span "das isländische
    /// Fischereiministerium". Returns the span and the remaining arguments.
    static func leadingSpan(_ arguments: [CommandWord], keywords: Set<String>, command: String) throws(CommandError) -> (span: String, rest: [CommandWord])? {
        guard let first = arguments.first else { return nil }
        var count = 1
        while count < arguments.count {
            let text = arguments[count].text
            if keywords.contains(text.lowercased()) || text.hasPrefix("=") { break }
            count += 1
        }
        guard count > 1 else { return (first.text, Array(arguments.dropFirst())) }
        let words = arguments.prefix(count).map(\.text)
        // Only plain words join into a text span; token numbers and quoted parts keep their own meaning.
        if let odd = words.first(where: { !SpanAddress.isBareWord($0) }) {
            throw .usage("'\(TerminalText.sanitize(String(odd.prefix(40))))' cannot join the words of a span; quote the whole span, e.g. \(command) \"\(TerminalText.sanitize(words.joined(separator: " ")))\", or put a keyword (\(keywords.sorted().joined(separator: ", "))) before it")
        }
        return ("\"" + words.joined(separator: " ") + "\"", Array(arguments.dropFirst(count)))
    }

    mutating func tagSpeaker(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        if arguments.first?.text == "merge", arguments.count == 3,
            arguments.dropFirst().allSatisfy({ if case .speaker = RecordKey.forID($0.text) { true } else { false } })
        {
            return try mergeSpeakers(arguments[1].text, into: arguments[2].text)
        }
        // `speaker merge`, `speaker merge S1`, `speaker merge S1 S2 S3`: a merge with the wrong
        // arguments, not a span "merge" (unless the sentence has that word).
        if arguments.first?.text == "merge", (try? anchor(for: "merge")) == nil {
            throw .usage("usage: speaker merge FROM INTO, two speaker ids; e.g. speaker merge S2 S1 ('speakers' lists them)")
        }
        guard let (spanText, optionWords) = try Self.leadingSpan(arguments, keywords: ["=", "role", "kind"], command: "speaker") else {
            throw .usage("usage: speaker SPAN [= NAME|Sid] [role TEXT] [kind KIND]; e.g. speaker \"Vassili Nebenzia\"")
        }
        let options = try ShellArguments(optionWords, keywords: ["=", "role", "kind"], command: "speaker")
        let anchor = try anchor(for: spanText)
        let phrase = SpeakerPhrase(anchor.text)
        var role = try options.text("role", what: "a role, e.g. role UN-Botschafter") ?? phrase.role
        let kind = try options.text("kind", what: "a kind: " + state.schema.speakerKinds.joined(separator: ", "))
        if let kind, !state.schema.speakerKinds.contains(kind) {
            throw .rejected("'\(TerminalText.sanitize(kind))' is not a speaker kind; use one of: \(state.schema.speakerKinds.joined(separator: ", "))")
        }
        let guessedKind = phrase.kind.label(among: state.schema.speakerKinds)
        var messages: [StyledLine] = []
        var created = false
        let speaker: Speaker
        if let named = try options.text("=", what: "a name or speaker id, e.g. = S1 or = Mark Rutte") {
            if let id = RecordKey.forID(named), case .speaker = id {
                guard let existing = state.speakers[named] else { throw .rejected("there is no speaker \(named); 'speakers' lists them") }
                speaker = existing
            } else if let existing = AnnotationState.sortedByID(state.speakers).first(where: { candidate in
                ([candidate.name] + candidate.aliases).contains { $0.compare(named, options: .caseInsensitive) == .orderedSame }
            }) {
                speaker = existing
            } else {
                // A new speaker's kind: what the span says, else what the name says ("Pjöngjang" = Nordkorea).
                let namedKind = SpeakerPhrase(named).kind
                let spanKind = phrase.kind == .person && phrase.name == nil ? namedKind : phrase.kind
                speaker = try createSpeaker(name: named, kind: kind ?? spanKind.label(among: state.schema.speakerKinds), aliases: [])
                created = true
            }
            // Teach the resolver this spelling when it is a name it would not have found; pronouns, articles,
            // common nouns and descriptions link without becoming aliases.
            if let spanName = phrase.name, phrase.isNameLike,
                spanName.compare(speaker.name, options: .caseInsensitive) != .orderedSame,
                !SpeakerResolver().candidates(for: spanName, among: [state.speakers[speaker.id] ?? speaker]).contains(where: { $0.id == speaker.id })
            {
                var updated = state.speakers[speaker.id] ?? speaker
                updated.aliases.append(spanName)
                try perform(.replace(.speaker(updated)))
                messages.append(StyledLine("added alias „\(TerminalText.sanitize(spanName))“ to \(speaker.id)", .dim))
            }
        } else {
            if phrase.isPronoun {
                let recent = recentSpeaker().map { " (the last one named here is \($0.id) \(TerminalText.sanitize($0.name)))" } ?? ""
                throw .rejected("„\(TerminalText.sanitize(anchor.text))“ refers without naming; say who: speaker \(spanText) = Sid\(recent)")
            }
            let found = try speakerForPhrase(phrase, anchor: anchor, spanText: spanText)
            if let found {
                speaker = found.speaker
                messages.append(StyledLine("linked to \(speaker.id) \(TerminalText.sanitize(speaker.name)) (\(found.reason); if wrong: undo, then speaker \(spanText) = NAME)", .success))
            } else {
                guard let name = phrase.canonicalName, !name.isEmpty else {
                    throw .usage("the span has no name in it; give one: speaker \(spanText) = NAME")
                }
                speaker = try createSpeaker(name: name, kind: kind ?? guessedKind, aliases: [])
                created = true
            }
        }
        if created {
            let made = state.speakers[speaker.id] ?? speaker
            let guessed = kind == nil ? ", guessed; change: edit \(made.id) kind KIND" : ""
            messages.insert(StyledLine("new speaker \(made.id) \(TerminalText.sanitize(made.name)) (\(made.kind)\(guessed))", .success), at: 0)
        }
        if let kind, speaker.kind != kind, !created {
            var updated = state.speakers[speaker.id] ?? speaker
            updated.kind = kind
            try perform(.replace(.speaker(updated)))
        }
        if let party = phrase.party {
            let text = "party: \(party)"
            let noted = state.notes.values.contains { $0.subject == .annotation(speaker.id) && $0.text == text }
            if !noted {
                try perform(.add(.note(Note(id: state.nextID("N"), subject: .annotation(speaker.id), text: text, annotator: annotator))))
                messages.append(StyledLine("noted \(text) on \(speaker.id)", .dim))
            }
        }
        if role?.isEmpty == true { role = nil }
        // The same span tagged again for the same speaker (a line sent twice) would be a second,
        // identical mention counted twice in every report.
        if let twin = state.mentions.values.first(where: { $0.speaker == speaker.id && Self.sameSpan($0.anchor, anchor) }) {
            throw .rejected("\(twin.id) already tags „\(TerminalText.sanitize(anchor.text))“ as \(speaker.id) \(TerminalText.sanitize(speaker.name)); nothing added (change it with: edit \(twin.id) …)")
        }
        let mention = Mention(id: state.nextID("M"), anchor: anchor, speaker: speaker.id, role: role, annotator: annotator)
        try perform(.add(.mention(mention)))
        var confirmation = StyledLine("+ \(mention.id) ", .success)
        confirmation.runs += describe(.mention(mention)).runs.dropFirst()
        return messages + [confirmation] + currentLine()
    }

    /// The known speaker a phrase names, with why; nil when none is known. Several candidates, a bare
    /// prefix ("Kim") and near matches ("das Ministerium", "Bodegast" for "Boudegast") are offered by a
    /// refusal that says how to choose, never linked or duplicated silently.
    private func speakerForPhrase(_ phrase: SpeakerPhrase, anchor: TextAnchor, spanText: String) throws(CommandError) -> (speaker: Speaker, reason: String)? {
        let all = AnnotationState.sortedByID(state.speakers)
        let shown = TerminalText.sanitize(anchor.text)
        // The same words were tagged before: they still mean that speaker, even after a rename.
        let folded = SpeakerNearMatch.fold(anchor.text)
        let sameText = Set(state.mentions.values.filter { SpeakerNearMatch.fold($0.anchor.text) == folded }.map(\.speaker))
        if sameText.count == 1, let id = sameText.first, let speaker = state.speakers[id] {
            return (speaker, "tagged before with the same words")
        }
        let lookup = phrase.name ?? phrase.canonicalName ?? anchor.text
        var matches = SpeakerResolver().matches(for: lookup, among: all)
        if matches.isEmpty, lookup != anchor.text { matches = SpeakerResolver().matches(for: anchor.text, among: all) }
        // Only confident matches link on their own; "Kim" for "Kim Yong-hyun" is asked about.
        let confident = matches.filter(\.isConfident)
        if confident.count == 1 { return (confident[0].speaker, "resolved from „\(shown)“") }
        var candidates = (confident.isEmpty ? matches : confident).map(\.speaker)
        var why = ""
        if candidates.isEmpty {
            candidates = SpeakerNearMatch.candidates(for: phrase, among: all)
            why = " (near match)"
        }
        guard !candidates.isEmpty else { return nil }
        throw .rejected("„\(shown)“ may be " + candidates.prefix(5).map { "\($0.id) \(TerminalText.sanitize($0.name))" }.joined(separator: " or ")
            + "\(why); say which: speaker \(spanText) = \(candidates[0].id) (or = NEW NAME for a new speaker)")
    }

    /// The speaker of the latest mention in this sentence or the ones before it in the document.
    private func recentSpeaker() -> Speaker? {
        let here = state.mentions.values.filter { $0.anchor.document == document.document.id && $0.anchor.sentence <= sentenceIndex }
        guard let latest = here.max(by: { ($0.anchor.sentence, $0.anchor.start) < ($1.anchor.sentence, $1.anchor.start) }) else { return nil }
        return state.speakers[latest.speaker]
    }

    private mutating func createSpeaker(name: String, kind: String?, aliases: [String]) throws(CommandError) -> Speaker {
        let speaker = Speaker(
            id: state.nextID("S"), name: name, kind: kind ?? SpeakerPhrase(name).kind.label(among: state.schema.speakerKinds), aliases: aliases,
            annotator: annotator)
        try perform(.add(.speaker(speaker)))
        return speaker
    }

    mutating func tagCue(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        guard let spanWord = arguments.first else {
            throw .usage("usage: cue SPAN; e.g. cue sagte or cue \"fügte\",\"hinzu\" (join parts with commas)")
        }
        var span = spanWord.text
        if arguments.count > 1 {
            // Bare words: the words as one text ("nach Angaben"), else as parts of a discontinuous cue ("fügte hinzu").
            let words = arguments.map(\.text)
            guard words.allSatisfy(SpanAddress.isBareWord) else {
                throw .usage("cue takes one span: join parts with commas, no spaces (cue \"fügte\",\"hinzu\"), or give bare words (cue fügte hinzu)")
            }
            let phrase = "\"" + words.joined(separator: " ") + "\""
            span = (try? anchor(for: phrase)) != nil ? phrase : words.map { "\"\($0)\"" }.joined(separator: ",")
        }
        let anchor = try anchor(for: span)
        if let twin = cue(at: anchor) {
            throw .rejected("\(twin.id) already tags „\(TerminalText.sanitize(anchor.text))“ as a cue; nothing added")
        }
        let cue = try addCue(anchor)
        return [StyledLine("+ \(cue.id) cue \"\(TerminalText.sanitize(cue.anchor.text))\"", .success)] + currentLine()
    }

    /// The cue with exactly this span, if there is one.
    private func cue(at anchor: TextAnchor) -> Cue? {
        AnnotationState.sortedByID(state.cues).first { Self.sameSpan($0.anchor, anchor) }
    }

    /// Whether two anchors cover the same text (document and segments).
    static func sameSpan(_ a: TextAnchor, _ b: TextAnchor) -> Bool {
        a.document == b.document && a.segments == b.segments && !a.orphaned && !b.orphaned
    }

    private mutating func addCue(_ anchor: TextAnchor) throws(CommandError) -> Cue {
        let cue = Cue(id: state.nextID("Q"), anchor: anchor, annotator: annotator)
        try perform(.add(.cue(cue)))
        return cue
    }

    mutating func tagClaim(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        let keywords: Set<String> = ["by", "to", "cue", "form", "negated", "hedged"]
        guard let (spanText, optionWords) = try Self.leadingSpan(arguments, keywords: keywords, command: "claim") else {
            throw .usage("usage: claim SPAN [by SPEAKER[,SPEAKER…]] [to Mid[,Mid…]] [cue SPAN|Qid] [form FORM] [negated] [hedged]; e.g. claim 8-20 by S1,S2 to M4 form indirect")
        }
        let options = try ShellArguments(optionWords, keywords: keywords, command: "claim")
        let anchor = try anchor(for: spanText, allowFollowing: true)
        var messages: [StyledLine] = []
        var speakers: [String] = []
        var mentions: [String] = []
        let addressees = try options.text("to", what: "the addressee's mentions, e.g. to M4").map { text throws(CommandError) in try resolveAddressees(text) } ?? []
        if let by = try options.text("by", what: "a speaker: S1, M2 or a name; several separated by commas") {
            (speakers, mentions) = try resolveSpeakers(by)
        } else if let sentence {
            let here = records(touching: sentence).compactMap { if case .mention(let m) = $0 { m } else { nil } }.filter { !addressees.contains($0.id) }
            if here.count == 1 {
                speakers = [here[0].speaker]
                mentions = [here[0].id]
                messages.append(StyledLine("attributed to \(here[0].speaker) via \(here[0].id), the sentence's only mention (change: edit CLAIM by …)", .dim))
            } else if here.count > 1 {
                let ids = here.map(\.id).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                messages.append(StyledLine("no speaker linked: the sentence has \(here.count) mentions (\(ids.joined(separator: ", "))); name one with: edit \(state.nextID("C")) by M…", .dim))
            }
        }
        let form = try options.text("form", what: "a form: " + state.schema.claimForms.joined(separator: ", "))
        if let form, !state.schema.claimForms.contains(form) {
            throw .rejected("'\(TerminalText.sanitize(form))' is not a claim form; use one of: \(state.schema.claimForms.joined(separator: ", "))")
        }
        let negated = try options.flag("negated"), hedged = try options.flag("hedged")
        var cue: String?
        if let cueWords = try options.value("cue") {
            guard cueWords.count == 1, let cueText = cueWords.first else {
                throw .usage("'cue' takes one span or cue id, e.g. cue Q1 or cue \"sagte\" or cue \"fügte\",\"hinzu\"")
            }
            if let key = RecordKey.forID(cueText), case .cue = key {
                guard state.cues[cueText] != nil else { throw .rejected("there is no cue \(cueText); 'list' shows this sentence's cues") }
                cue = cueText
            } else if let existing = self.cue(at: try self.anchor(for: cueText)) {
                // The cue is tagged already: linked, not tagged a second time.
                cue = existing.id
                messages.append(StyledLine("cue \(existing.id) linked (it tags „\(TerminalText.sanitize(existing.anchor.text))“ already)", .dim))
            } else {
                let made = try addCue(try self.anchor(for: cueText))
                cue = made.id
                messages.append(StyledLine("+ \(made.id) cue \"\(TerminalText.sanitize(made.anchor.text))\"", .success))
            }
        } else if let sentence {
            let cues = records(touching: sentence).compactMap { if case .cue(let c) = $0 { c } else { nil } }
            // A cue typed just before its claim (`cu warf,vor`, then `cl …`) beside a cue an accepted
            // proposal brought: the one no claim cites yet is this claim's.
            let cited = Set(state.claims.values.compactMap(\.cue))
            let free = cues.filter { !cited.contains($0.id) }
            if cues.count == 1 {
                cue = cues[0].id
                messages.append(StyledLine("cue \(cues[0].id) linked, the sentence's only cue", .dim))
            } else if free.count == 1 {
                cue = free[0].id
                messages.append(StyledLine("cue \(free[0].id) linked, the sentence's only cue no claim cites (change: edit CLAIM cue …)", .dim))
            } else if cues.count > 1 {
                let ids = cues.map(\.id).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                messages.append(StyledLine("no cue linked: the sentence has \(cues.count) cues (\(ids.joined(separator: ", "))); name one with: edit \(state.nextID("C")) cue Q…", .dim))
            }
        }
        // Two claims on one span by different speakers are two claims; by the same speakers (or both
        // without one) the second is the first typed again.
        if let twin = AnnotationState.sortedByID(state.claims).first(where: { Self.sameSpan($0.anchor, anchor) && Set($0.speakers) == Set(speakers) }) {
            let by = speakers.isEmpty ? "without a speaker" : "by " + speakers.joined(separator: ",")
            throw .rejected("\(twin.id) already claims this span \(by); nothing added (change it with: edit \(twin.id) …)")
        }
        let claim = Claim(
            id: state.nextID("C"), anchor: anchor, speakers: speakers, mentions: mentions, addressees: addressees, cue: cue, form: form,
            negated: negated, hedged: hedged, annotator: annotator)
        try perform(.add(.claim(claim)))
        var confirmation = StyledLine("+ \(claim.id) ", .success)
        confirmation.runs += describe(.claim(claim)).runs.dropFirst()
        return messages + [confirmation] + currentLine()
    }

    mutating func addTarget(_ arguments: [CommandWord], rest: String) throws(CommandError) -> [StyledLine] {
        // `target add TEXT` or just `target TEXT` (`ta TEXT`).
        let hasAdd = arguments.first?.text == "add" && arguments.count >= 2
        guard !arguments.isEmpty, !(arguments.first?.text == "add" && arguments.count == 1) else {
            throw .usage("usage: target TEXT (or target add TEXT); e.g. ta \"Nordkoreanische Truppen sind in Russland\" ('targets' lists them)")
        }
        let text = ShellArguments.unquoted(hasAdd ? String(rest.dropFirst(3)) : rest)
        if let existing = state.targets.values.first(where: { $0.text == text }) {
            throw .rejected("target \(existing.id) has this text already")
        }
        let target = Target(id: state.nextID("T"), text: text, annotator: annotator)
        try perform(.add(.target(target)))
        return [StyledLine("+ \(target.id) target „\(TerminalText.sanitize(text))“", .success)]
    }

    mutating func setStance(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        let usage = "usage: stance SPEAKER TARGET LABEL [evidence C1 C2 …]; labels: \(state.schema.stanceLabels.joined(separator: ", ")); e.g. stance S1 T1 against evidence C1"
        guard arguments.count >= 3 else { throw .usage(usage) }
        let speaker = try resolveSpeaker(arguments[0].text).speaker
        let targetID = arguments[1].text
        guard state.targets[targetID] != nil else {
            throw .rejected("there is no target \(TerminalText.sanitize(targetID)); 'targets' lists them, 'target add TEXT' makes one")
        }
        let label = arguments[2].text
        guard state.schema.stanceLabels.contains(label) else {
            throw .rejected("'\(TerminalText.sanitize(label))' is not a stance label; use one of: \(state.schema.stanceLabels.joined(separator: ", "))")
        }
        let options = try ShellArguments(Array(arguments.dropFirst(3)), keywords: ["evidence"], command: "stance")
        let evidence = try options.value("evidence")
        try checkEvidence(evidence ?? [], speaker: speaker.id)
        if var existing = state.stances.values.first(where: { $0.speaker == speaker.id && $0.target == targetID }) {
            existing.label = label
            if let evidence { existing.evidence = evidence }
            try perform(.replace(.stance(existing)))
            return [StyledLine("~ \(existing.id) \(speaker.id) → \(targetID): \(label)" + (existing.evidence.isEmpty ? "" : " (evidence \(existing.evidence.joined(separator: " ")))"), .success)]
        }
        let stance = Stance(id: state.nextID("P"), speaker: speaker.id, target: targetID, label: label, evidence: evidence ?? [], annotator: annotator)
        try perform(.add(.stance(stance)))
        return [StyledLine("+ \(stance.id) \(speaker.id) \(TerminalText.sanitize(speaker.name)) → \(targetID): \(label)" + (stance.evidence.isEmpty ? "" : " (evidence \(stance.evidence.joined(separator: " ")))"), .success)]
    }

    mutating func addNote(_ arguments: [CommandWord], rest: String) throws(CommandError) -> [StyledLine] {
        guard let first = arguments.first else { throw .usage("usage: note TEXT (on this sentence) or note ID TEXT; e.g. note C2 Quelle prüfen") }
        var subject = Note.Subject.sentence(sentenceKey)
        var text = rest
        if let key = RecordKey.forID(first.text) {
            guard state.record(key) != nil else { throw .rejected("there is no annotation \(first.text); 'list' shows this sentence's") }
            guard arguments.count > 1 else { throw .usage("the note on \(first.text) needs a text: note \(first.text) TEXT") }
            subject = .annotation(first.text)
            text = String(rest.dropFirst(first.text.count))
        }
        let note = Note(id: state.nextID("N"), subject: subject, text: ShellArguments.unquoted(text), annotator: annotator)
        try perform(.add(.note(note)))
        return [StyledLine("+ \(note.id) note", .success)]
    }

    /// Sets the sentence's status and shows it (`advance`: moves to the next sentence first); the
    /// answer begins with `earlier`, what the same command said before (`yd`: what it accepted).
    mutating func setStatus(_ status: SentenceStatus, advance: Bool, after earlier: [StyledLine] = []) throws(CommandError) -> [StyledLine] {
        try perform(.setStatus(sentenceKey, status))
        let message = earlier + [StyledLine("sentence \(sentenceIndex + 1) \(status == .open ? "reopened" : status.rawValue)", .success)]
        guard advance else { return view(tokens: false, after: message) }
        guard let next = position(movedBy: 1) else {
            return message + [StyledLine("that was the last sentence of the corpus; 'nu' finds open ones", .dim)]
        }
        moveTo(document: next.document, sentence: next.sentence)
        return view(tokens: false, after: message)
    }
}
