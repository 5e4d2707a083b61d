import Annotations
import Foundation

/// The suggestion flow: the engine's pending proposals are listed under the sentence, lettered
/// a), b), …; `accept` (`y`, `aa`) turns one or all into annotations in one command, `reject` (`x`,
/// `xx`) records rejections so they are not proposed again, `ns` finds the next sentence with
/// proposals, `suggest off|on` hides or shows them. Letters are only ever arguments of these
/// commands, never commands of their own, and they stay with their proposal: a proposal's letter is
/// its place among all the sentence's proposals, so deciding `a` leaves `b` named `b` (it became `a`,
/// and `y b` typed after reading the list accepted another proposal than the one read).
extension AnnotationShell {
    /// The pending proposals of a sentence (the current one by default), in order.
    func pendingProposals(document: Int? = nil, sentence: Int? = nil, filter: ProposalFilter? = nil) -> [AttributionSuggestion] {
        letteredProposals(document: document, sentence: sentence, filter: filter).map(\.proposal)
    }

    /// The pending proposals of a sentence (the current one by default) with their letters: the
    /// letters of a proposal's place among ALL the sentence's proposals (a–z, then aa, ab, …; see
    /// ``ProposalLetter``), so a letter keeps naming the proposal it was shown with after another is
    /// accepted or rejected, and every proposal has one (the 27th had none before and could not be
    /// accepted by letter).
    func letteredProposals(
        document: Int? = nil, sentence: Int? = nil, filter: ProposalFilter? = nil
    ) -> [(letter: String, proposal: AttributionSuggestion)] {
        guard store.session.settings.suggest else { return [] }
        let segmented = corpus.documents[document ?? documentIndex]
        let all = proposals.proposals(in: segmented, sentence: sentence ?? sentenceIndex)
        guard !all.isEmpty else { return [] }
        let filter = filter ?? ProposalFilter(state: state, document: segmented.document.id)
        return all.enumerated().filter { filter.isPending($0.element) }.map { (letter: ProposalLetter(place: $0.offset).description, proposal: $0.element) }
    }

    /// The lines listing the current sentence's pending proposals, dimmed: `a) [S? Ulrich Müller]
    /// <sagte> {…}  direct 0.82 · rule`.
    func proposalLines() -> [StyledLine] {
        letteredProposals().map { letter, proposal in
            StyledLine("   \(letter)) " + proposalSummary(proposal), .dim)
        }
    }

    /// One proposal in words: speakers (with their id when known), cue, claim, form, confidence, rule.
    func proposalSummary(_ proposal: AttributionSuggestion) -> String {
        var parts: [String] = []
        for (index, speaker) in proposal.speakers.enumerated() {
            let text = spanText(speaker)
            let resolved = speakerFor(proposal, index: index)
            var shown = TerminalText.sanitize(text)
            if let name = resolved.name, name != text { shown += " = " + TerminalText.sanitize(name) }
            parts.append("[\(resolved.known?.id ?? "S?") \(shown)]")
        }
        if proposal.speakers.isEmpty { parts.append("[no speaker]") }
        if !proposal.cue.isEmpty { parts.append("<\(TerminalText.sanitize(spanText(proposal.cue)))>") }
        parts.append("{\(TerminalText.sanitize(Self.shortened(spanText(proposal.claim), limit: 60)))}")
        if !proposal.addressee.isEmpty { parts.append("→ \(TerminalText.sanitize(spanText(proposal.addressee)))") }
        let confidence = String(format: "%.2f", min(1, max(0, proposal.confidence)))
        return parts.joined(separator: " ") + "  \(proposal.form.rawValue) \(confidence) · \(TerminalText.sanitize(proposal.rule))"
    }

    /// The text of segments of the current document, pieces joined by " … ".
    func spanText(_ segments: [SpanSegment]) -> String {
        segments.map { segment in
            var text = String.UnicodeScalarView()
            // The sentences the segment overlaps: from the first that ends after its start (the one
            // sentence lookup), while they start before its end.
            var index = document.firstSentence(endingAfter: segment.start)
            while index < document.sentences.count, document.sentences[index].start < segment.end {
                let sentence = document.sentences[index]
                index += 1
                let scalars = sentence.text.unicodeScalars
                let from = max(segment.start, sentence.start) - sentence.start, to = min(segment.end, sentence.end) - sentence.start
                if !text.isEmpty { text.append(" ") }
                text.append(contentsOf: scalars[scalars.index(scalars.startIndex, offsetBy: from)..<scalars.index(scalars.startIndex, offsetBy: to)])
            }
            return String(text)
        }.joined(separator: TextAnchor.gapMarker)
    }

    /// Who a proposal's `index`-th speaker is: a known speaker when the text (or, for a pronoun, its
    /// antecedent) resolves to exactly one with confidence, as the `speaker` command resolves it,
    /// or the session's mention at exactly that span; else the name a new speaker would get.
    func speakerFor(_ proposal: AttributionSuggestion, index: Int) -> (known: Speaker?, name: String?, role: String?) {
        entityFor(proposal.speakers[index], antecedent: proposal.antecedent)
    }

    /// Who the entity at `segments` is (a speaker or an addressee), as ``speakerFor(_:index:)`` says it;
    /// `antecedent` is the span a pronoun there refers to, if any.
    func entityFor(_ segments: [SpanSegment], antecedent: [SpanSegment]) -> (known: Speaker?, name: String?, role: String?) {
        if let mention = state.mentions.values.first(where: { $0.anchor.document == document.document.id && $0.anchor.segments == segments }),
            let speaker = state.speakers[mention.speaker]
        {
            return (speaker, speaker.name, nil)
        }
        // The same noun-phrase analysis as the `speaker` command: name, role and kind from the words.
        let written = spanText(segments)
        let source = !antecedent.isEmpty && !SpeakerPhrase(written).isNameLike ? spanText(antecedent) : written
        let phrase = SpeakerPhrase(source)
        let all = AnnotationState.sortedByID(state.speakers)
        let lookup = phrase.name ?? phrase.canonicalName ?? source
        var matches = SpeakerResolver().matches(for: lookup, among: all).filter(\.isConfident)
        if matches.isEmpty, lookup != source { matches = SpeakerResolver().matches(for: source, among: all).filter(\.isConfident) }
        let role = source == written ? phrase.role : nil
        if matches.count == 1 { return (matches[0].speaker, matches[0].speaker.name, role) }
        // A pronoun without antecedent ("Wir gehen davon aus") keeps its words as the name, as before.
        let name = phrase.canonicalName ?? SpeakerPhrase.words(of: source).joined(separator: " ")
        return (nil, name.isEmpty ? nil : name, role)
    }

    // MARK: - Commands

    /// `accept [LETTER|all] [by SPEAKER] [form FORM] [claim SPAN]` and its aliases `y` and `aa`.
    mutating func accept(_ arguments: [CommandWord], all forcedAll: Bool = false) throws(CommandError) -> [StyledLine] {
        var rest = arguments
        let wantsAll = forcedAll || rest.first?.text.lowercased() == "all"
        // 'accept all' on a sentence without proposals is not a mistake: a script may send it to every sentence.
        if wantsAll, store.session.settings.suggest, pendingProposals().isEmpty, rest.count == (forcedAll ? 0 : 1) {
            return [StyledLine("no pending proposals in this sentence; nothing to accept", .dim)]
        }
        let pending = try pendingOrExplain(verb: "accept")
        if wantsAll {
            if !forcedAll { rest.removeFirst() }
            guard rest.isEmpty else {
                throw .usage("'accept all' takes no adjustments; adjust one proposal at a time, e.g. accept b by S3")
            }
            let lines = try acceptAll(pending)
            // The command `aa` and the 27th proposal's letters are the same two keys: say which was done.
            guard forcedAll, pending.contains(where: { $0.letter == "aa" }) else { return lines }
            return lines + [StyledLine("('aa' alone accepts all proposals; for proposal aa alone: undo, then y aa)", .dim)]
        }
        let chosen = try choose(from: pending, &rest, verb: "accept")
        let options = try ShellArguments(Self.claimShorthand(rest), keywords: Self.acceptKeywords, command: "accept")
        return try acceptChosen(chosen, options: options) + currentLine() + proposalLines()
    }

    /// The adjustments `accept`, `yd` and `yx` take after the letter.
    static let acceptKeywords: Set<String> = ["by", "to", "form", "claim"]

    /// Whether `word` is a span by token numbers (`6-12`, `4-+1:5`, `6-8,10`): it starts with a digit, which
    /// no proposal letter and no keyword does.
    /// A single number (`y 2`) is no span here: it reads as "the second proposal", and stays refused.
    static func isTokenSpan(_ word: String) -> Bool {
        guard let first = word.first, first.isASCII, first.isNumber else { return false }
        return word.contains { $0 == "-" || $0 == "," }
    }

    /// `arguments` with a token span standing first (after the letter, or in its place) read as the
    /// claim's span: `yd 6-12` is `yd claim 6-12`, for the proposal whose cue is right and whose claim
    /// is too long (8 keys where `yd claim 6-12` Enter were 14). Spans by text still need `claim`.
    static func claimShorthand(_ arguments: [CommandWord]) -> [CommandWord] {
        guard let first = arguments.first, isTokenSpan(first.text) else { return arguments }
        return [CommandWord(text: "claim", start: first.start)] + arguments
    }

    /// Accepts the proposal `chosen` (already chosen: `yd` and `yx` choose once, as `accept` does) with
    /// `options`, and returns the line saying what it made: `accepted b): …`.
    private mutating func acceptChosen(
        _ chosen: (letter: String, proposal: AttributionSuggestion), options: ShellArguments
    ) throws(CommandError) -> [StyledLine] {
        var notes: [String] = []
        let made = try acceptOne(chosen.proposal, options: options, notes: &notes)
        return [StyledLine("accepted \(chosen.letter)): " + made.joined(separator: ", "), .success)] + notes.map { StyledLine($0, .warning) }
    }

    /// `yd [LETTER] [by …] [form …] [claim …]`: `accept`, then `done` (and on to the next sentence), as
    /// one command, so one `undo` takes back both. Refused, before anything is made, when another
    /// proposal of the sentence would stay pending (its claim does not overlap the accepted one's:
    /// marking the sentence done would pass it by unseen), and taken back whole when the accepted
    /// proposal left one pending after all (a `claim` adjustment elsewhere).
    mutating func acceptAndFinish(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        if arguments.first?.text.lowercased() == "all" {
            throw .usage("'yd' accepts one proposal; to accept all of them and go on: aa, then d; nothing changed")
        }
        var rest = arguments
        let pending = try pendingOrExplain(verb: "accept")
        let chosen = try choose(from: pending, &rest, verb: "yd")
        let options = try ShellArguments(Self.claimShorthand(rest), keywords: Self.acceptKeywords, command: "yd")
        // A proposal whose claim overlaps the accepted one's stops being pending with it.
        let claim = chosen.proposal.claim
        let left = pending.filter { other in
            other.letter != chosen.letter && !other.proposal.claim.contains { a in claim.contains { a.start < $0.end && $0.start < a.end } }
        }
        try refuseDoneWhilePending(left.map(\.letter))
        let accepted = try acceptChosen(chosen, options: options)
        try refuseDoneWhilePending(letteredProposals().map(\.letter))
        return try setStatus(.done, advance: true, after: accepted)
    }

    /// `aad`: accept every pending proposal of the sentence, then mark it done and go on, as one command
    /// (one `undo` takes back all of it): 4 keys where `aa` Enter `d` Enter were 5. A proposal that
    /// cannot be made stays pending, and then nothing is done (the whole command is taken back). On a
    /// sentence without proposals it is `done`, so a script may send it everywhere.
    mutating func acceptAllAndFinish(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        guard arguments.isEmpty else {
            throw .usage("'aad' takes no adjustments; adjust one proposal at a time, e.g. yd b by S3; nothing changed")
        }
        guard store.session.settings.suggest, !pendingProposals().isEmpty else {
            return try setStatus(.done, advance: true, after: [StyledLine("no pending proposals in this sentence; nothing to accept", .dim)])
        }
        let lines = try acceptAll(try pendingOrExplain(verb: "accept"))
        let left = letteredProposals().map(\.letter)
        guard left.isEmpty else {
            throw .rejected(
                "'aad' marks the sentence done only when nothing is left pending, and \(left.joined(separator: ", ")) would be; nothing changed: "
                    + "accept or reject \(left.count == 1 ? "it" : "them") first (see 'aa')")
        }
        return try setStatus(.done, advance: true, after: lines)
    }

    /// `yx [LETTER] [by …] [form …] [claim …]`: accept one proposal, reject every other proposal of
    /// the sentence still pending after it, then mark the sentence done and go on, as one command (one
    /// `undo` takes back all of it). For the sentence with one right proposal beside wrong ones: `yx b`
    /// where `x a`, `yd b` cost two commands.
    mutating func acceptRejectOthersAndFinish(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        if arguments.first?.text.lowercased() == "all" {
            throw .usage("'yx' accepts one proposal and rejects the others; to accept all of them and go on: aa, then d; nothing changed")
        }
        var rest = arguments
        let pending = try pendingOrExplain(verb: "accept")
        let chosen = try choose(from: pending, &rest, verb: "yx")
        let options = try ShellArguments(Self.claimShorthand(rest), keywords: Self.acceptKeywords, command: "yx")
        let accepted = try acceptChosen(chosen, options: options)
        let others = letteredProposals()
        var ids: [String] = []
        for other in others { ids.append(try recordRejection(other.proposal)) }
        var said = accepted
        if !ids.isEmpty {
            let letters = others.map(\.letter).joined(separator: ", ")
            said.append(StyledLine("rejected \(others.count == 1 ? "proposal" : "proposals") \(letters) (\(ids.joined(separator: ", ")))", .success))
        }
        return try setStatus(.done, advance: true, after: said)
    }

    /// Records the rejection of `proposal` (so it is not proposed again) and returns its id.
    private mutating func recordRejection(_ proposal: AttributionSuggestion) throws(CommandError) -> String {
        let rejection = Rejection(
            id: state.nextID("X"), document: document.document.id, sentence: proposal.sentence, rule: proposal.rule,
            claimSegments: proposal.claim, cueSegments: proposal.cue, speakerSegments: proposal.speakerSegments, annotator: annotator)
        try perform(.add(.rejection(rejection)))
        return rejection.id
    }

    /// Refuses `yd` when `letters` (the proposals it would leave pending) are not empty.
    private func refuseDoneWhilePending(_ letters: [String]) throws(CommandError) {
        guard !letters.isEmpty else { return }
        let named = (letters.count == 1 ? "proposal " : "proposals ") + letters.joined(separator: ", ")
        throw .rejected(
            "'yd' marks the sentence done only when nothing is left pending, and \(named) would be; nothing changed: "
                + "accept (y \(letters[0])) or reject (x \(letters[0])) \(letters.count == 1 ? "it" : "them") first, or type y, then d")
    }

    /// `reject [LETTER|all]` and its aliases `x` and `xx`.
    mutating func reject(_ arguments: [CommandWord], all forcedAll: Bool = false) throws(CommandError) -> [StyledLine] {
        if forcedAll || arguments.first?.text.lowercased() == "all", store.session.settings.suggest, pendingProposals().isEmpty,
            arguments.count == (forcedAll ? 0 : 1)
        {
            return [StyledLine("no pending proposals in this sentence; nothing to reject", .dim)]
        }
        let pending = try pendingOrExplain(verb: "reject")
        var rest = arguments
        let chosen: [AttributionSuggestion]
        if forcedAll || rest.first?.text.lowercased() == "all" {
            if !forcedAll { rest.removeFirst() }
            chosen = pending.map(\.proposal)
        } else {
            chosen = [try choose(from: pending, &rest, verb: "reject").proposal]
        }
        guard rest.isEmpty else {
            throw .usage("unexpected '\(TerminalText.sanitize(String(rest[0].text.prefix(40))))'; usage: reject [LETTER|all], e.g. reject b or xx")
        }
        var ids: [String] = []
        for proposal in chosen { ids.append(try recordRejection(proposal)) }
        let what = chosen.count == 1 ? "1 proposal" : "\(chosen.count) proposals"
        return [StyledLine("rejected \(what) (\(ids.joined(separator: ", ")); 'undo' takes it back)", .success)] + currentLine() + proposalLines()
    }

    /// `ns`: the next sentence, in corpus order and wrapping around, with pending proposals.
    mutating func nextWithProposals() throws(CommandError) -> [StyledLine] {
        guard store.session.settings.suggest else { throw .rejected("suggestions are off; turn them on with: suggest on") }
        var filters: [Int: ProposalFilter] = [:]
        let documents = corpus.documents
        let state = self.state
        let interrupted = interruptRequested
        let progress = self.searchProgress
        var stopped: (document: Int, sentence: Int)?
        var drawn = false
        defer { if drawn { progress(nil) } }
        let found = firstPosition { document, sentence in
            // Ctrl-C stops the walk where proposals are still to be made (a long document, a large corpus).
            if !proposals.isComputed(documents[document], sentence: sentence) {
                if interrupted() {
                    stopped = (document, sentence)
                    return true
                }
                // Proposals are about to be computed (a part of a long document, or a whole document): say where.
                progress(ShellProgress(
                    task: "ns: looking for proposals", document: document, documents: documents.count,
                    sentence: sentence, sentences: documents[document].sentences.count))
                drawn = true
            }
            let filter = filters[document] ?? ProposalFilter(state: state, document: documents[document].document.id)
            filters[document] = filter
            return !pendingProposals(document: document, sentence: sentence, filter: filter).isEmpty
        }
        if let stopped {
            throw .rejected("ns stopped by Ctrl-C (at sentence \(stopped.document + 1):\(stopped.sentence + 1); the cursor stays here)")
        }
        guard let found else { throw .rejected("no sentence has pending proposals (all accepted or rejected, or none were made)") }
        moveTo(document: found.document, sentence: found.sentence)
        return view(tokens: false, after: found.wrapped ? [StyledLine("(wrapped around to the start)", .dim)] : [])
    }

    /// `suggest off|on` (no argument: say which).
    mutating func setSuggest(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        guard let word = arguments.first?.text.lowercased() else {
            return [StyledLine("suggestions are \(store.session.settings.suggest ? "on" : "off") ('suggest off' or 'suggest on' changes it)")]
        }
        guard arguments.count == 1, word == "on" || word == "off" else { throw .usage("usage: suggest off|on") }
        var settings = store.session.settings
        settings.suggest = word == "on"
        do {
            try store.changeSettings(settings)
        } catch {
            throw .storage(error.description)
        }
        return [StyledLine("suggestions \(word) for this session", .success)] + (settings.suggest ? proposalLines() : [])
    }

    // MARK: - Accepting

    /// The current sentence's pending proposals with their letters, or a message saying why there are none.
    private func pendingOrExplain(verb: String) throws(CommandError) -> [(letter: String, proposal: AttributionSuggestion)] {
        guard store.session.settings.suggest else { throw .rejected("suggestions are off; turn them on with: suggest on") }
        let pending = letteredProposals()
        guard !pending.isEmpty else {
            throw .rejected("this sentence has no pending proposals to \(verb); 'ns' goes to the next sentence with proposals")
        }
        return pending
    }

    /// The proposal named by a leading letter argument (removed from `arguments`), or the first pending.
    private func choose(
        from pending: [(letter: String, proposal: AttributionSuggestion)], _ arguments: inout [CommandWord], verb: String
    ) throws(CommandError) -> (letter: String, proposal: AttributionSuggestion) {
        let letters = pending.map(\.letter).joined(separator: ", ")
        let range = "this sentence has \(pending.count == 1 ? "proposal" : "proposals") \(letters)"
        guard let firstPending = pending.first else { throw .rejected("this sentence has no pending proposals to \(verb)") }
        guard let first = arguments.first, !Self.acceptKeywords.contains(first.text.lowercased()), !Self.isTokenSpan(first.text) else {
            return firstPending
        }
        let text = first.text.lowercased()
        guard let typed = ProposalLetter(typed: text) else {
            throw .usage("'\(TerminalText.sanitize(String(first.text.prefix(40))))' is not a proposal letter; \(range), e.g. \(verb) \(firstPending.letter)")
        }
        let letter = typed.description
        guard let chosen = pending.first(where: { $0.letter == letter }) else {
            let all = proposals.proposals(in: corpus.documents[documentIndex], sentence: sentenceIndex)
            if typed.place < all.count {
                throw .rejected("proposal \(letter) is no longer pending (rejected, or its claim overlaps a claim of the session; 'undo' takes back what was just done); \(range)")
            }
            throw .rejected("there is no proposal \(letter) here; \(range)")
        }
        arguments.removeFirst()
        return chosen
    }

    /// Accepts every pending proposal; one that cannot be made is left pending and reported.
    private mutating func acceptAll(_ pending: [(letter: String, proposal: AttributionSuggestion)]) throws(CommandError) -> [StyledLine] {
        var lines: [StyledLine] = []
        var accepted = 0
        for (letter, proposal) in pending {
            // An earlier proposal's claim may cover this one's.
            guard ProposalFilter(state: state, document: document.document.id).isPending(proposal) else {
                lines.append(StyledLine("skipped \(letter)): its claim overlaps one just accepted", .dim))
                continue
            }
            let before = eventsThisCommand
            do throws(CommandError) {
                var notes: [String] = []
                let made = try acceptOne(proposal, options: nil, notes: &notes)
                lines.append(StyledLine("accepted \(letter)): " + made.joined(separator: ", "), .success))
                accepted += 1
            } catch {
                guard rollBack(to: before) else {
                    throw .storage("proposal \(letter) could not be taken back (is the disk full?), so the whole command was taken back")
                }
                lines.append(StyledLine("could not accept \(letter)): " + TerminalText.sanitize(error.description), .warning))
            }
        }
        guard accepted > 0 else { throw .rejected("none of the proposals could be accepted: " + lines.map(\.plain).joined(separator: "; ")) }
        return lines + currentLine() + proposalLines()
    }

    /// Makes the annotations of one proposal: speakers (linked or new) and their mentions, the
    /// addressee's mention, the cue, and one claim by all the speakers, each recording its origin
    /// (the rule). Returns what it made, e.g. `M4 of S2`.
    @discardableResult
    private mutating func acceptOne(
        _ proposal: AttributionSuggestion, options: ShellArguments?, notes: inout [String]
    ) throws(CommandError) -> [String] {
        let origin = Origin(kind: .suggested, rule: proposal.rule)
        var made: [String] = []
        // The form and the claim's span are checked before anything is made, so a refused adjustment
        // uses up no ids. The form: adjusted, or the proposal's in the schema's spelling ("free indirect" is "free-indirect").
        var form: String?
        if let wanted = try options?.text("form", what: "a form: " + state.schema.claimForms.joined(separator: ", ")) {
            guard state.schema.claimForms.contains(wanted) else {
                throw .rejected("'\(TerminalText.sanitize(wanted))' is not a claim form; use one of: \(state.schema.claimForms.joined(separator: ", "))")
            }
            form = wanted
        } else {
            let raw = proposal.form.rawValue
            form = [raw, raw.replacingOccurrences(of: " ", with: "-")].first { state.schema.claimForms.contains($0) }
        }
        let anchor: TextAnchor
        if let span = try options?.value("claim") {
            guard span.count == 1, let word = span.first else {
                throw .usage("'claim' takes one span, e.g. claim 4-19 or claim 4-+1:5 (see 'help spans')")
            }
            anchor = try self.anchor(for: word, allowFollowing: true)
        } else {
            anchor = try proposalAnchor(proposal.claim, what: "claim", allowFollowing: true)
        }
        // The addressees of `to`, checked (and their spans found) before anything is made.
        let wantedAddressees = try options.map { options throws(CommandError) in try requestedAddressees(options) } ?? nil
        let wantedSpeakers = try options.map { options throws(CommandError) in try requestedSpeakers(options) } ?? nil
        // Who said it: the `by` speakers, or each proposed speaker (one claim by all of them).
        var attributions: [(speaker: String, mention: String?)] = []
        var unnamed: [Speaker] = []
        if let wantedSpeakers {
            for (index, item) in wantedSpeakers.enumerated() {
                switch item {
                case .known(let speaker, let typed, var mention):
                    // Where the sentence names them, not at the proposed speaker's words (another's name).
                    if mention == nil, let known = state.speakers[speaker] {
                        let proposed = index < proposal.speakers.count ? proposal.speakers[index] : nil
                        switch place(of: known, typed: typed, proposed: proposed) {
                        case .existing(let id):
                            mention = id
                        case .words(let segments, let role):
                            mention = try addMention(segments, speaker: speaker, role: role, origin: origin, made: &made)
                        case .nowhere:
                            unnamed.append(known)
                        }
                    }
                    attributions.append((speaker, mention))
                case .span(let segments):
                    // Words of the sentence no known speaker has: a mention there, of the speaker they name.
                    guard let found = try mention(at: segments, origin: origin, made: &made) else {
                        throw .rejected("„\(TerminalText.sanitize(spanText(segments)))“ has no name in it; tag it first with: speaker SPAN = NAME, then accept … by Sid")
                    }
                    attributions.append(found)
                }
            }
        } else {
            for index in proposal.speakers.indices {
                let segments = proposal.speakers[index]
                if let existing = state.mentions.values.first(where: {
                    $0.anchor.document == document.document.id && $0.anchor.segments == segments
                }) {
                    attributions.append((existing.speaker, existing.id))
                    continue
                }
                let who = speakerFor(proposal, index: index)
                let speakerID: String
                if let known = who.known {
                    speakerID = known.id
                } else {
                    guard let name = who.name else { throw .rejected("the proposed speaker „\(TerminalText.sanitize(spanText(segments)))“ has no name in it; accept with: by NAME") }
                    speakerID = try addSpeaker(named: name, origin: origin, made: &made)
                }
                let mention = try addMention(segments, speaker: speakerID, role: who.role, origin: origin, made: &made)
                attributions.append((speakerID, mention))
            }
        }
        // The addressee ("warf Washington vor"): the mention at its span, or a new one of a known or new speaker.
        // `to` replaces it: mentions named by id, spans made mentions the same way, or none.
        var addressees: [String] = []
        let items: [AddresseeItem] = wantedAddressees ?? (proposal.addressee.isEmpty ? [] : [.span(proposal.addressee)])
        for item in items {
            switch item {
            case .mention(let id):
                addressees.append(id)
            case .span(let segments):
                if let found = try mention(at: segments, origin: origin, made: &made) {
                    addressees.append(found.mention)
                } else if wantedAddressees != nil {
                    throw .rejected("the addressee „\(TerminalText.sanitize(spanText(segments)))“ has no name in it; tag it first with: speaker SPAN = NAME, then accept … to Mid")
                }
            }
        }
        // The cue, shared by the claims (an existing cue at the same span is reused).
        var cueID: String?
        if !proposal.cue.isEmpty {
            if let existing = state.cues.values.first(where: { $0.anchor.document == document.document.id && $0.anchor.segments == proposal.cue }) {
                cueID = existing.id
            } else {
                let cue = Cue(id: state.nextID("Q"), anchor: try proposalAnchor(proposal.cue, what: "cue"), annotator: annotator, origin: origin)
                try perform(.add(.cue(cue)))
                made.append("\(cue.id) cue „\(TerminalText.sanitize(cue.anchor.text))“")
                cueID = cue.id
            }
        }
        // A speaker proposed twice (two mentions of one entity) is one speaker of the claim.
        var speakers: [String] = []
        for attribution in attributions where !speakers.contains(attribution.speaker) { speakers.append(attribution.speaker) }
        let claim = Claim(
            id: state.nextID("C"), anchor: anchor, speakers: speakers, mentions: attributions.compactMap(\.mention),
            addressees: addressees.filter { !attributions.compactMap(\.mention).contains($0) }, cue: cueID, form: form, annotator: annotator,
            origin: origin)
        try perform(.add(.claim(claim)))
        made.append(
            "\(claim.id) claim" + (speakers.isEmpty ? "" : " by " + speakers.joined(separator: ","))
                + (claim.addressees.isEmpty ? "" : " to " + claim.addressees.joined(separator: ",")) + (form.map { " (\($0))" } ?? ""))
        for speaker in unnamed {
            notes.append(
                "\(speaker.id) \(TerminalText.sanitize(speaker.name)) is not named in this sentence, so \(claim.id) has no mention of \(speaker.id) here"
                    + " (if words here mean \(speaker.id): speaker SPAN = \(speaker.id), then edit \(claim.id) by M…)")
        }
        return made
    }

    /// Where the current sentence refers to a known speaker named after an accept's `by` (`typed` as
    /// written), for the claim's mention of them: see ``place(of:typed:proposed:)``.
    enum MentionPlace: Sendable {
        /// A mention of the speaker in the sentence already.
        case existing(String)
        /// Words of the sentence to make their mention.
        case words([SpanSegment], role: String?)
        /// The sentence does not name the speaker.
        case nowhere
    }

    /// Where the current sentence refers to `speaker`, named after an accept's `by` as `typed`: a
    /// mention of them in the sentence already; else the words that name them (what was typed, their
    /// name or an alias, a genitive -s included: "Washingtons" for Washington; the longest, then the
    /// first); else the proposed speaker's words (`proposed`) when they name this speaker, are a
    /// pronoun, or describe one of their kind without a name ("der Außenminister" a person, "die
    /// Regierung" a body, "ein Sprecher" anyone); else nowhere. The proposed words were taken before
    /// even when they were another's name: `y by Roth` linked „Anna Çelik“ to Roth.
    func place(of speaker: Speaker, typed: String, proposed: [SpanSegment]?) -> MentionPlace {
        let sentence = document.sentences[sentenceIndex]
        let here = state.mentions.values.filter {
            $0.anchor.document == document.document.id && $0.speaker == speaker.id
                && $0.anchor.segments.contains { $0.start < sentence.end && sentence.start < $0.end }
        }
        if let first = here.min(by: { ($0.anchor.start, $0.id) < ($1.anchor.start, $1.id) }) { return .existing(first.id) }
        let tokens = sentence.tokens
        let taken = state.mentions.values.filter { $0.anchor.document == document.document.id }.flatMap(\.anchor.segments)
        var names = [speaker.name] + speaker.aliases
        let wanted = ShellArguments.unquoted(typed)
        if RecordKey.forID(wanted) == nil { names.insert(wanted, at: 0) }
        var best: [SpanSegment]?
        var bestWords = 0
        for name in names {
            let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty, words.count > bestWords else { continue }
            let places = NameInSentence.places(of: words, in: tokens).sorted { $0.start < $1.start }
            if let segment = places.first(where: { segment in !taken.contains(where: { $0.start < segment.end && segment.start < $0.end }) }) {
                best = [segment]
                bestWords = words.count
            }
        }
        if let best { return .words(best, role: nil) }
        if let proposed {
            let phrase = SpeakerPhrase(spanText(proposed))
            let who = entityFor(proposed, antecedent: [])
            if phrase.isPronoun { return .words(proposed, role: nil) }
            if who.known?.id == speaker.id || (phrase.name == nil && describes(phrase.kind, speaker)) {
                return .words(proposed, role: who.role)
            }
        }
        return .nowhere
    }

    /// Whether words without a name of `kind` can describe `speaker`: "ein Sprecher" anyone, "der
    /// Außenminister" a person, "die Regierung" a body (organisation, institution or place), not a person.
    private func describes(_ kind: SpeakerPhrase.Kind, _ speaker: Speaker) -> Bool {
        let person = SpeakerPhrase.Kind.person.label(among: state.schema.speakerKinds)
        switch kind {
        case .anonymous: return true
        case .person: return speaker.kind == person
        case .organisation, .institution, .place: return speaker.kind != person
        }
    }

    /// An addressee named after an accept's `to`: a mention by id, or a span of the sentence.
    enum AddresseeItem: Sendable {
        case mention(String)
        case span([SpanSegment])
    }

    /// A speaker named after an accept's `by`: a known one (as typed, with the mention given, if any),
    /// or words of the sentence that name no known speaker.
    enum SpeakerItem: Sendable {
        case known(speaker: String, typed: String, mention: String?)
        case span([SpanSegment])
    }

    /// The speakers of an accept's `by` clause (nil without one), main speaker first: `S1`, `M2` or a
    /// name or alias as a claim's `by` takes them, and, where no known speaker matches, words of the
    /// sentence (`by Washingtons`, `by 3`, `by die Vereinigten Staaten`), made a mention of the speaker
    /// they name (or of a new one) as a proposed speaker is: the proposal whose speaker is wrong is
    /// one command even when the right speaker is not tagged yet.
    private func requestedSpeakers(_ options: ShellArguments) throws(CommandError) -> [SpeakerItem]? {
        guard let words = try options.value("by") else { return nil }
        guard !words.isEmpty else { throw .usage("'by' needs a speaker: S1, M2, a name or words of the sentence; several separated by commas") }
        var items: [SpeakerItem] = []
        var speakers: [String] = []
        for part in Self.listItems(words.joined(separator: " ")) {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw .usage("'by' lists speakers separated by commas, e.g. by S1,S2 or by M3,M5") }
            do throws(CommandError) {
                let resolved = try resolveSpeaker(name)
                guard !speakers.contains(resolved.speaker.id) else {
                    throw CommandError.rejected("\(resolved.speaker.id) \(TerminalText.sanitize(resolved.speaker.name)) is named twice; name each speaker once, e.g. by S1,S2")
                }
                speakers.append(resolved.speaker.id)
                items.append(.known(speaker: resolved.speaker.id, typed: name, mention: resolved.mention))
            } catch {
                let wanted = ShellArguments.unquoted(name)
                let all = AnnotationState.sortedByID(state.speakers)
                let unknown = RecordKey.forID(wanted) == nil
                    && !all.contains { ([$0.name] + $0.aliases).contains { $0.compare(wanted, options: [.caseInsensitive]) == .orderedSame } }
                    && SpeakerResolver().candidates(for: wanted, among: all).isEmpty
                guard unknown else { throw error }
                do throws(CommandError) {
                    items.append(.span(try sentenceSpan(name)))
                } catch let notHere {
                    // Words found only inside longer words: say so (a part of a longer word is no match).
                    guard case .partOfLongerWord = notHere else { throw error }
                    throw notHere
                }
            }
        }
        return items
    }

    /// The segments of a span of the current sentence written in a list item: token numbers, quoted
    /// text, or bare words (several are one text span, as after `speaker`).
    /// Bare words are a name (``NameInSentence``): whole words, the last also in the genitive
    /// („Seouls“ for `Seoul`, the whole word), never part of a longer word.
    private func sentenceSpan(_ item: String) throws(CommandError) -> [SpanSegment] {
        let words = item.split(separator: " ").map(String.init)
        guard !words.isEmpty, words.allSatisfy(SpanAddress.isBareWord) else { return try anchor(for: item).segments }
        if let place = NameInSentence.places(of: words, in: document.sentences[sentenceIndex].tokens).first { return [place] }
        // Nowhere in the sentence: the span's own message. Only inside longer words: say why that is no match.
        _ = try anchor(for: words.count > 1 ? "\"" + item + "\"" : item)
        throw .partOfLongerWord(typed: item)
    }

    /// The addressees of an accept's `to` clause (nil without one): `to none` takes none, `to M4,M7`
    /// names mentions as a claim's `to` does, and any other item is a span of the sentence (`to 12`,
    /// `to "Washington"`, `to Washington`, `to die Vereinigten Staaten`), made a mention of the speaker
    /// its words resolve to (or a new one) as a proposed addressee is. Items are separated by commas.
    private func requestedAddressees(_ options: ShellArguments) throws(CommandError) -> [AddresseeItem]? {
        guard let words = try options.value("to") else { return nil }
        guard !words.isEmpty else {
            throw .usage("'to' needs the addressee: a mention (to M4), a span of the sentence (to 12, to Washington) or none; several separated by commas")
        }
        if words.count == 1, words[0].lowercased() == "none" { return [] }
        var items: [AddresseeItem] = []
        var seen: [[SpanSegment]] = []
        for part in Self.listItems(words.joined(separator: " ")) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else {
                throw .usage("'to' lists addressees separated by commas, e.g. to M4,M7 or to 12,15")
            }
            if let key = RecordKey.forID(item), case .mention = key {
                items.append(.mention(try resolveAddressees(item)[0]))
                continue
            }
            let segments = try sentenceSpan(item)
            guard !seen.contains(segments) else { throw .rejected("„\(TerminalText.sanitize(item))“ is named twice; name each addressee once") }
            seen.append(segments)
            items.append(.span(segments))
        }
        let ids = items.compactMap { if case .mention(let id) = $0 { id } else { nil } }
        if let twice = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw .rejected("\(twice) is named twice; name each addressee once, e.g. to M4,M7")
        }
        return items
    }

    /// `text` split at commas outside quotes (`"Müller, Meier",12` is two items).
    static func listItems(_ text: String) -> [String] {
        var items: [String] = [], current = String.UnicodeScalarView()
        var closers: Set<Character>?
        for scalar in text.unicodeScalars {
            if let open = closers {
                if open.contains(Character(scalar)) { closers = nil }
            } else if let found = SpanAddressQuotes.closers(for: Character(scalar)) {
                closers = found
            } else if scalar == "," {
                items.append(String(current))
                current = String.UnicodeScalarView()
                continue
            }
            current.append(scalar)
        }
        items.append(String(current))
        return items
    }

    /// Adds a new speaker called `name` (its kind read from the phrase) and says so in `made`; returns its id.
    private mutating func addSpeaker(named name: String, origin: Origin, made: inout [String]) throws(CommandError) -> String {
        let speaker = Speaker(
            id: state.nextID("S"), name: name, kind: SpeakerPhrase(name).kind.label(among: state.schema.speakerKinds), annotator: annotator,
            origin: origin)
        try perform(.add(.speaker(speaker)))
        made.append("new speaker \(speaker.id) \(TerminalText.sanitize(name))")
        return speaker.id
    }

    /// The mention at `segments` of the current document (a proposed or named speaker or addressee):
    /// the one already there, else a new one of the known speaker its words name, or of a new speaker
    /// called by them; nil when the words name no one.
    private mutating func mention(
        at segments: [SpanSegment], origin: Origin, made: inout [String]
    ) throws(CommandError) -> (speaker: String, mention: String)? {
        if let existing = state.mentions.values.first(where: {
            $0.anchor.document == document.document.id && $0.anchor.segments == segments
        }) {
            return (existing.speaker, existing.id)
        }
        let who = entityFor(segments, antecedent: [])
        let speakerID: String
        if let known = who.known {
            speakerID = known.id
        } else if let name = who.name {
            speakerID = try addSpeaker(named: name, origin: origin, made: &made)
        } else {
            return nil
        }
        return (speakerID, try addMention(segments, speaker: speakerID, role: who.role, origin: origin, made: &made))
    }

    /// Adds a mention at `segments` and returns its id.
    private mutating func addMention(
        _ segments: [SpanSegment], speaker: String, role: String?, origin: Origin, made: inout [String]
    ) throws(CommandError) -> String {
        let mention = Mention(
            id: state.nextID("M"), anchor: try proposalAnchor(segments, what: "speaker"), speaker: speaker, role: role,
            annotator: annotator, origin: origin)
        try perform(.add(.mention(mention)))
        made.append("\(mention.id) of \(speaker)")
        return mention.id
    }

    /// An anchor for a proposal's span in the current document.
    private func proposalAnchor(_ segments: [SpanSegment], what: String, allowFollowing: Bool = false) throws(CommandError) -> TextAnchor {
        guard let start = segments.first?.start, let sentence = document.sentenceIndex(containing: start) else {
            throw .rejected("the proposed \(what) lies outside the document's sentences")
        }
        do {
            return try builder.anchor(
                document: document.document.id, sentence: sentence, segments: segments, allowFollowingSentences: allowFollowing)
        } catch {
            throw .rejected("the proposed \(what) cannot be anchored: \(error.description)")
        }
    }
}
