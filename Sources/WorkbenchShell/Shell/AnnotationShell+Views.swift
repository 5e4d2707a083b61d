import Annotations
import Foundation

extension AnnotationShell {
    /// Sentences done or skipped in the whole corpus, and all sentences.
    var progress: (finished: Int, total: Int) { (progressCount.finished, progressCount.total) }

    /// The header line: document, sentence, status and corpus progress. The title is cut to 40
    /// characters, as `docs` cuts it (a corpus title of 150 characters took 5 rows of a 40-column
    /// window above every sentence).
    func header() -> StyledLine {
        let title = document.document.title.map { " „" + TerminalText.sanitize(Self.shortened($0, limit: 40)) + "“" } ?? ""
        let status = state.status(of: sentenceKey)
        let (finished, total) = progress
        var line = StyledLine()
        line.append("── document \(documentIndex + 1)/\(corpus.documents.count) \(TerminalText.sanitize(document.document.id))\(title)"
            + " · sentence \(sentenceIndex + 1)/\(document.sentences.count)", .heading)
        line.append(" · \(status.rawValue)", status == .open ? .dim : status == .flagged ? .warning : .success)
        line.append(" · \(finished)/\(total) sentences done ──", .dim)
        return line
    }

    /// The sentence view after `answer` (the lines that say what the command did, shown above it):
    /// header, the previous sentence dimmed, the current sentence with annotations, its tokens
    /// (`tokens`) and its pending proposals. In a window (``height``) the previous sentence is
    /// shortened to its end when the whole answer would not fit.
    public func view(tokens: Bool, after answer: [StyledLine] = []) -> [StyledLine] {
        guard sentence != nil else { return answer }
        let header = header()
        let below = currentLine() + (tokens ? tokenView() : []) + proposalLines()
        guard sentenceIndex > 0 else { return answer + [header] + below }
        let previous = previousSentenceLine(document.sentences[sentenceIndex - 1].text, besides: answer + [header] + below)
        return answer + [header, previous] + below
    }

    /// The previous sentence as context, dimmed (`   ↑ …`): whole when the window has room for it
    /// beside `others` (the rest of the answer) and the prompt, in at most a third of the window's
    /// rows; else its end (the words next to the current sentence) after `…`, in the rows left over,
    /// at least one. A 40×24 window showed a long previous sentence in 5 rows and the current
    /// sentence's proposals only on the pager's second page.
    func previousSentenceLine(_ text: String, besides others: [StyledLine]) -> StyledLine {
        let marker = "   ↑ "
        let whole = StyledLine(marker + TerminalText.sanitize(text), .dim)
        guard let height, width >= 10 else { return whole }
        let used = others.reduce(0) { $0 + $1.wrapped(width: width).count }
        // The prompt takes the row after the answer.
        let rows = max(1, min(height / 3, height - 1 - used))
        // Cheap first: a line no wider than the window is one row and fits without being wrapped.
        let columns = TerminalText.displayWidth(whole.plain)
        guard columns > width, whole.wrapped(width: width).count > rows else { return whole }
        // The end of the sentence that fills the rows: continuation rows are indented under the text.
        let indent = min(whole.hangingIndent, width / 3)
        var budget = width - TerminalText.displayWidth(marker) - 1 + (rows - 1) * (width - indent)
        var tail = Self.suffix(of: TerminalText.sanitize(text), columns: budget)
        while true {
            // Start at a word when the cut fell inside one.
            if let space = tail.firstIndex(of: " "), tail.first != " " { tail = tail[tail.index(after: space)...] }
            let line = StyledLine(marker + "…" + tail.drop { $0 == " " }, .dim)
            if line.wrapped(width: width).count <= rows || tail.isEmpty { return line }
            budget -= max(1, width / 4)
            tail = Self.suffix(of: String(tail), columns: budget)
        }
    }

    /// The end of `text` that is at most `columns` display columns wide.
    static func suffix(of text: String, columns: Int) -> Substring {
        var start = text.endIndex
        var used = 0
        while start > text.startIndex {
            let before = text.index(before: start)
            used += TerminalText.displayWidth(of: text[before])
            if used > columns { break }
            start = before
        }
        return text[start...]
    }

    /// Just the current sentence with annotations (after an edit).
    func currentLine() -> [StyledLine] {
        guard let sentence else { return [] }
        var current = StyledLine()
        current.append(" » ", .prompt)
        current.runs += StyledLine(pieces: BracketRenderer.render(sentence, in: state)).runs
        return [current]
    }

    func tokenView() -> [StyledLine] {
        guard let sentence else { return [] }
        return StyledLine.tokens(of: sentence, width: max(20, width - 3)).map { line in
            var indented = StyledLine("   ")
            indented.runs += line.runs
            return indented
        }
    }

    /// One line describing an annotation.
    func describe(_ record: Record) -> StyledLine {
        var line = StyledLine()
        switch record {
        case .mention(let mention):
            let name = state.speakers[mention.speaker].map { TerminalText.sanitize($0.name) } ?? "?"
            line.append(mention.id.padding(toLength: 5, withPad: " ", startingAt: 0), .speaker)
            line.append("mention of \(mention.speaker) \(name): \"\(TerminalText.sanitize(mention.anchor.text))\"")
            if let role = mention.role { line.append(" role: \(TerminalText.sanitize(role))", .dim) }
        case .cue(let cue):
            line.append(cue.id.padding(toLength: 5, withPad: " ", startingAt: 0), .cue)
            line.append("cue \"\(TerminalText.sanitize(cue.anchor.text))\"")
        case .claim(let claim):
            line.append(claim.id.padding(toLength: 5, withPad: " ", startingAt: 0), .claim)
            line.append("claim \"\(TerminalText.sanitize(Self.shortened(claim.anchor.text)))\"")
            var facts: [String] = []
            if claim.speakers.isEmpty {
                facts.append("no speaker")
            } else {
                // Each speaker with the mention that names it here: "by S1 USA (M1), S2 Südkorea (M2)".
                let named = claim.speakers.map { speaker in
                    let mention = claim.mentions.first { state.mentions[$0]?.speaker == speaker }
                    return "\(speaker) " + (state.speakers[speaker].map { TerminalText.sanitize($0.name) } ?? "?") + (mention.map { " (\($0))" } ?? "")
                }
                facts.append("by " + named.joined(separator: ", "))
            }
            if !claim.addressees.isEmpty {
                let named = claim.addressees.map { id in
                    id + (state.mentions[id].flatMap { state.speakers[$0.speaker] }.map { " " + TerminalText.sanitize($0.name) } ?? "")
                }
                facts.append("to " + named.joined(separator: ", "))
            }
            if let cue = claim.cue { facts.append("cue \(cue)") }
            if let form = claim.form { facts.append("form \(form)") }
            if claim.negated { facts.append("negated") }
            if claim.hedged { facts.append("hedged") }
            line.append(" · " + facts.joined(separator: " · "), .dim)
        case .note(let note):
            line.append(note.id.padding(toLength: 5, withPad: " ", startingAt: 0), .emphasis)
            switch note.subject {
            case .annotation(let id): line.append("note on \(id): ")
            case .sentence: line.append("note: ")
            }
            line.append(TerminalText.sanitize(note.text))
        case .speaker(let speaker):
            line.append(speaker.id.padding(toLength: 5, withPad: " ", startingAt: 0), .speaker)
            line.append("speaker \(TerminalText.sanitize(speaker.name)) (\(speaker.kind))")
            if !speaker.aliases.isEmpty { line.append(" aka " + speaker.aliases.map { TerminalText.sanitize($0) }.joined(separator: ", "), .dim) }
        case .target(let target):
            line.append(target.id.padding(toLength: 5, withPad: " ", startingAt: 0), .target)
            line.append("target „\(TerminalText.sanitize(target.text))“")
        case .stance(let stance):
            line.append(stance.id.padding(toLength: 5, withPad: " ", startingAt: 0), .stance)
            line.append("stance \(stance.speaker) → \(stance.target): \(stance.label)")
            if !stance.evidence.isEmpty { line.append(" (evidence \(stance.evidence.joined(separator: " ")))", .dim) }
        default:
            line.append(TerminalText.sanitize("\(record.key)"))
        }
        if record.anchor?.orphaned == true {
            line.append(" · orphaned: its text was not found in the changed document; set its span again (edit \(record.key) span SPAN) or delete it", .dim)
        }
        return line
    }

    static func shortened(_ text: String, limit: Int = 70) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Text-bound records touching a sentence, plus notes on it and on them.
    func records(touching sentence: Sentence) -> [Record] {
        let ids = Set(BracketRenderer.records(touching: sentence, in: state).map(\.key.description))
        // Only the few records that touch the sentence are sorted (by id, as everywhere).
        func touching<V>(_ records: [String: V], _ wanted: (V) -> Bool) -> [V] {
            var found: [(id: String, value: V)] = []
            for (id, value) in records where wanted(value) { found.append((id, value)) }
            return found.sorted { AnnotationState.idOrder($0.id, $1.id) }.map(\.value)
        }
        var records: [Record] = []
        records += touching(state.mentions) { ids.contains($0.id) }.map(Record.mention)
        records += touching(state.cues) { ids.contains($0.id) }.map(Record.cue)
        records += touching(state.claims) { ids.contains($0.id) }.map(Record.claim)
        let key = SentenceKey(document: sentence.documentID, sentence: sentence.index)
        records += touching(state.notes) { note in
            switch note.subject {
            case .sentence(let subject): return subject == key
            case .annotation(let id): return ids.contains(id)
            }
        }.map(Record.note)
        return records
    }

    /// The orphaned mentions, cues and claims whose anchor names `sentence` (their text was not found
    /// again in the changed document): listed there, never drawn at their old offsets.
    func orphans(namedBy sentence: Sentence) -> [Record] {
        func named(_ anchor: TextAnchor) -> Bool {
            anchor.orphaned && anchor.document == sentence.documentID && anchor.sentence == sentence.index
        }
        return AnnotationState.sortedByID(state.mentions.filter { named($0.value.anchor) }).map(Record.mention)
            + AnnotationState.sortedByID(state.cues.filter { named($0.value.anchor) }).map(Record.cue)
            + AnnotationState.sortedByID(state.claims.filter { named($0.value.anchor) }).map(Record.claim)
    }

    func list(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        let scope = arguments.first?.text ?? "sentence"
        guard arguments.count <= 1, ["sentence", "doc", "all"].contains(scope) else { throw .usage("usage: list [doc|all]") }
        guard let sentence else { return [] }
        if scope == "sentence" {
            let records = records(touching: sentence) + orphans(namedBy: sentence)
            if records.isEmpty { return [StyledLine("no annotations in this sentence", .dim)] }
            return records.map(describe)
        }
        let documents = scope == "doc" ? [document] : corpus.documents
        var lines: [StyledLine] = []
        for document in documents {
            for sentence in document.sentences {
                let records = (records(touching: sentence) + orphans(namedBy: sentence)).filter { record in
                    // A claim running over several sentences is listed once, at its start.
                    record.anchor.map { $0.sentence == sentence.index } ?? true
                }
                guard !records.isEmpty else { continue }
                lines.append(StyledLine("\(TerminalText.sanitize(document.document.id)) sentence \(sentence.index + 1):", .heading))
                lines += records.map { var line = StyledLine("  "); line.runs += describe($0).runs; return line }
            }
        }
        return lines.isEmpty ? [StyledLine("no annotations yet", .dim)] : lines
    }

    func documentsTable() -> [StyledLine] {
        // One pass over the statuses and the annotations instead of one per document.
        var finishedByDocument: [String: Int] = [:], annotationsByDocument: [String: Int] = [:]
        let sentenceCounts = Dictionary(corpus.documents.map { ($0.document.id, $0.sentences.count) }, uniquingKeysWith: { first, _ in first })
        for (key, status) in state.statuses where status == .done || status == .skipped {
            if let count = sentenceCounts[key.document], key.sentence >= 0, key.sentence < count { finishedByDocument[key.document, default: 0] += 1 }
        }
        for mention in state.mentions.values { annotationsByDocument[mention.anchor.document, default: 0] += 1 }
        for cue in state.cues.values { annotationsByDocument[cue.anchor.document, default: 0] += 1 }
        for claim in state.claims.values { annotationsByDocument[claim.anchor.document, default: 0] += 1 }
        // The number column fits the largest number and a space, for any count of documents (at least 4 wide).
        let numberWidth = max(4, String(corpus.documents.count).count + 1)
        return corpus.documents.enumerated().map { index, document in
            let finished = finishedByDocument[document.document.id] ?? 0
            let annotations = annotationsByDocument[document.document.id] ?? 0
            var line = StyledLine(index == documentIndex ? "* " : "  ", .prompt)
            let number = String(index + 1)
            line.append(number + String(repeating: " ", count: numberWidth - number.count) + TerminalText.sanitize(document.document.id))
            if let title = document.document.title { line.append(" „\(TerminalText.sanitize(Self.shortened(title, limit: 40)))“") }
            line.append("  \(finished)/\(document.sentences.count) done, \(annotations) annotations", .dim)
            return line
        }
    }

    func speakersTable() -> [StyledLine] {
        let speakers = AnnotationState.sortedByID(state.speakers)
        guard !speakers.isEmpty else { return [StyledLine("no speakers yet; tag one with: speaker SPAN", .dim)] }
        return speakers.map { speaker in
            let mentions = state.mentions.values.filter { $0.speaker == speaker.id }.count
            var line = StyledLine(speaker.id.padding(toLength: 5, withPad: " ", startingAt: 0), .speaker)
            line.append(TerminalText.sanitize(speaker.name) + " (\(speaker.kind))")
            if !speaker.aliases.isEmpty { line.append(" aka " + speaker.aliases.map { TerminalText.sanitize($0) }.joined(separator: ", "), .dim) }
            line.append(" · \(mentions) mention\(mentions == 1 ? "" : "s")", .dim)
            return line
        }
    }

    func targetsTable() -> [StyledLine] {
        let targets = AnnotationState.sortedByID(state.targets)
        guard !targets.isEmpty else { return [StyledLine("no targets yet; add one with: target add \"TEXT\"", .dim)] }
        return targets.map { target in
            var line = StyledLine(target.id.padding(toLength: 5, withPad: " ", startingAt: 0), .target)
            line.append(TerminalText.sanitize(target.text))
            let count = state.stances.values.filter { $0.target == target.id }.count
            line.append(" · \(count) stance\(count == 1 ? "" : "s")", .dim)
            return line
        }
    }

    func stanceMatrix() -> [StyledLine] {
        let stances = AnnotationState.sortedByID(state.stances)
        guard !stances.isEmpty else { return [StyledLine("no stances yet; e.g. stance S1 T1 against evidence C1", .dim)] }
        let speakerIDs = AnnotationState.sortedByID(state.speakers).map(\.id).filter { id in stances.contains { $0.speaker == id } }
        let targetIDs = AnnotationState.sortedByID(state.targets).map(\.id).filter { id in stances.contains { $0.target == id } }
        let cell = max(8, (state.schema.stanceLabels.map(\.count).max() ?? 7) + 5)
        var header = StyledLine("".padding(toLength: 24, withPad: " ", startingAt: 0))
        for target in targetIDs { header.append(target.padding(toLength: cell, withPad: " ", startingAt: 0), .target) }
        var lines = [header]
        for speaker in speakerIDs {
            let name = TerminalText.sanitize(state.speakers[speaker]?.name ?? "?")
            var line = StyledLine((speaker + " " + Self.shortened(name, limit: 18)).padding(toLength: 24, withPad: " ", startingAt: 0), .speaker)
            for target in targetIDs {
                let stance = stances.first { $0.speaker == speaker && $0.target == target }
                let text = stance.map { "\($0.label) \($0.id)" } ?? "·"
                line.append(text.padding(toLength: cell, withPad: " ", startingAt: 0), stance == nil ? .dim : .stance)
            }
            lines.append(line)
        }
        for stance in stances where !stance.evidence.isEmpty {
            lines.append(StyledLine("  \(stance.id) evidence: " + stance.evidence.joined(separator: " "), .dim))
        }
        return lines
    }

    /// Events, commands and undo commands counted as `workbench stats` counts them, then what undo and redo can still take back.
    private var eventSummary: String {
        let commands = store.session.commandCount
        return "events: \(store.session.eventCount), commands: \(commands.commands), undo: \(commands.undos) (\(String(format: "%.1f", commands.undoRate * 100))%); "
            + "can undo \(state.undoStack.count), redo \(state.redoStack.count) change(s)"
    }

    func statusSummary() -> [StyledLine] {
        let (finished, total) = progress
        let counts = Dictionary(grouping: state.statuses.values, by: { $0 }).mapValues(\.count)
        return [
            StyledLine("session \(TerminalText.sanitize(store.path)) · annotator \(TerminalText.sanitize(annotator)) · schema \(TerminalText.sanitize(state.schema.name))"),
            StyledLine("at document \(documentIndex + 1)/\(corpus.documents.count), sentence \(sentenceIndex + 1)/\(document.sentences.count)"),
            StyledLine("\(finished)/\(total) sentences done or skipped (done \(counts[.done] ?? 0), skipped \(counts[.skipped] ?? 0), flagged \(counts[.flagged] ?? 0))"),
            StyledLine("\(state.speakers.count) speakers, \(state.mentions.count) mentions, \(state.cues.count) cues, \(state.claims.count) claims, \(state.targets.count) targets, \(state.stances.count) stances, \(state.notes.count) notes"),
            StyledLine(eventSummary, .dim),
            StyledLine("suggestions \(store.session.settings.suggest ? "on" : "off") ('suggest off|on'); \(state.rejections.count) proposal(s) rejected", .dim),
        ]
    }
}
