import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// The review dialogue: shows the next unreviewed annotation and records the reviewer's decision.
struct ReviewLoop {
    /// The reviewed session, open for writing.
    let store: SessionStore
    /// Who reviews.
    let reviewer: String
    /// Sentence rendering and colours.
    let view: ReplayView
    /// Where the reviewed session is saved (for messages).
    let outPath: String
    /// The corpus, for corrections made with the annotation REPL's tagging commands (nil: not loadable).
    var corpus: SegmentedCorpus? = nil

    /// REPL commands a reviewer may use to correct an annotation in place (and `show`/`tokens` to see
    /// token numbers for spans).
    static var taggingCommands: Set<String> { CommandCatalog.reviewCorrectionWords }

    /// Runs until every annotation has a verdict, `quit` or end of input. Returns the input lines
    /// (numbered from 1) whose commands were rejected (a piped run with any fails, so scripts notice,
    /// and its summary names them as the annotation REPL's does).
    func run(editor: any LineEditor) -> [Int] {
        defer { editor.close() }
        let documentOrder = store.session.corpus.documents.map(\.id)
        var skipped = Set<String>()
        var rejected: [Int] = []
        var lineNumber = 0
        var position = 0
        var shown: String?
        func queue() -> ReviewQueue { ReviewQueue(state: store.session.state, documentOrder: documentOrder) }
        say("reviewing into \(TerminalText.sanitize(outPath)) as \(TerminalText.sanitize(reviewer))")
        while true {
            let current = queue()
            guard let index = current.firstUnreviewed(in: store.session.state, from: 0, skipping: skipped) else { break }
            position = index
            let id = current.ids[index]
            if shown != id {
                show(id, number: index + 1, of: current.ids.count)
                shown = id
            }
            let input = editor.readLine(prompt: StyledLine("review \(id)> ", .prompt), style: view.style)
            lineNumber += 1
            let line: String
            switch input.outcome {
            case .endOfInput:
                printSummary()
                return rejected
            case .interrupted: continue
            case .refused(let message):
                say(message, .error)
                rejected.append(lineNumber)
                continue
            case .line(let text): line = text
            }
            // As long as the annotation REPL allows, for every review command (a `note` too).
            let trimmed = CommandLexer.trimmed(line)
            if let refusal = AnnotationShell.lengthRefusal(of: trimmed) {
                say(refusal, .error)
                rejected.append(lineNumber)
                continue
            }
            let word = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if Self.taggingCommands.contains(word) {
                if !correctWithTagging(line, on: id) { rejected.append(lineNumber) }
                shown = nil
                continue
            }
            let instruction: ReviewInstruction
            do { instruction = try ReviewInstruction.parse(line) } catch {
                say(error.description, .error)
                rejected.append(lineNumber)
                continue
            }
            switch instruction {
            case .quit:
                printSummary()
                return rejected
            case .status:
                printSummary()
                continue
            case .help:
                say("accept · reject REASON · note TEXT · skip · correct FIELD VALUE (\(ReviewInstruction.fields.joined(separator: ", "))) · correct delete · status · quit")
                say("or correct with the annotation commands on this sentence: tokens, speaker SPAN …, cue SPAN, claim SPAN …, stance …, edit ID FIELD VALUE")
                continue
            case .skip:
                skipped.insert(id)
                continue
            default:
                break
            }
            do {
                let actions = try ReviewPlanner(reviewer: reviewer).actions(for: instruction, on: id, in: store.session.state)
                try store.performCommand(actions, time: Timestamp.now, annotator: reviewer)
                if case .note = instruction { shown = nil }
            } catch let error as ReviewPlanner.Failure {
                say(TerminalText.sanitize(error.description), .error)
                rejected.append(lineNumber)
            } catch {
                say(TerminalText.sanitize("\(error)"), .error)
                rejected.append(lineNumber)
            }
        }
        _ = position
        say(skipped.isEmpty ? "every annotation has a verdict" : "done; \(skipped.count) skipped annotation(s) remain open")
        printSummary()
        return rejected
    }

    /// Runs an annotation REPL tagging command on the sentence of annotation `id`, as the reviewer.
    /// If it changed annotation `id`, that gets a `corrected` verdict naming the command,
    /// and what the command added is accepted, so the reviewer is not asked about their own work.
    /// Returns false when the command was refused.
    private func correctWithTagging(_ line: String, on id: String) -> Bool {
        guard let corpus else {
            say("the corpus cannot be loaded, so tagging commands are not available; use correct FIELD VALUE", .error)
            return false
        }
        guard let anchor = store.session.state.record(id: id)?.anchor ?? firstEvidenceAnchor(id),
            let documentIndex = corpus.documents.firstIndex(where: { $0.document.id == anchor.document })
        else {
            say("\(id) is not bound to a sentence; use correct FIELD VALUE", .error)
            return false
        }
        guard let clock = try? EventClock.fromEnvironment() else { return false }
        var shell = AnnotationShell(store: store, corpus: corpus, clock: clock, annotator: reviewer)
        shell.moveTo(document: documentIndex, sentence: anchor.sentence)
        let before = Set(store.session.state.allRecords.map(\.key))
        let reviewedBefore = store.session.state.record(id: id)
        let seqBefore = store.session.state.lastSeq
        let response = shell.handle(line)
        StandardOutput.lines(StyledLine.forTerminal(response.lines), style: view.style)
        if response.rejected { return false }
        guard store.session.state.lastSeq > seqBefore else { return true }
        let state = store.session.state
        var actions: [EditAction] = []
        if let now = state.record(id: id), now != reviewedBefore {
            actions.append(.review(ReviewDecision(annotation: id, verdict: .corrected, reason: line.trimmingCharacters(in: .whitespaces), reviewer: reviewer)))
        }
        for record in state.allRecords where !before.contains(record.key) {
            switch record {
            case .mention, .cue, .claim, .stance:
                let added = record.key.description
                actions.append(.review(ReviewDecision(annotation: added, verdict: .accepted, reason: "added by the reviewer", reviewer: reviewer)))
            default:
                break
            }
        }
        do {
            try store.performCommand(actions, time: Timestamp.now, annotator: reviewer)
        } catch {
            say(TerminalText.sanitize("\(error)"), .error)
            return false
        }
        return true
    }

    /// For a stance (not text-bound): the anchor of its first evidence claim.
    private func firstEvidenceAnchor(_ id: String) -> TextAnchor? {
        guard case .stance(let stance)? = store.session.state.record(id: id) else { return nil }
        return stance.evidence.lazy.compactMap { self.store.session.state.claims[$0]?.anchor }.first
    }

    private func show(_ id: String, number: Int, of total: Int) {
        let state = store.session.state
        say("")
        say("[\(number)/\(total)] \(id)", .heading)
        if let anchor = state.record(id: id)?.anchor {
            let key = SentenceKey(document: anchor.document, sentence: anchor.sentence)
            var line = StyledLine("    ")
            line.append(key.description, .dim)
            line.append("  ")
            line.runs += view.sentence(key, state: state).runs
            StandardOutput.lines(StyledLine.forTerminal([line]), style: view.style)
        }
        for line in ReviewCard.lines(for: id, in: state) { say("    " + line) }
    }

    /// Writes one line, in the look of `kind` (sanitised, see ``StandardOutput``), wrapped to the
    /// terminal's width as the sentence is; a refusal (`.error`) begins with `error: `, as the annotation REPL's do, so
    /// piped output says which lines were refused (the summary of a piped run points to them).
    private func say(_ text: String, _ kind: TerminalStyle.Kind? = nil) {
        let shown = kind == .error ? "error: " + text : text
        StandardOutput.lines(StyledLine.forTerminal([StyledLine(shown, kind)]), style: view.style)
    }

    private func printSummary() {
        let state = store.session.state
        let queue = ReviewQueue(state: state, documentOrder: store.session.corpus.documents.map(\.id))
        let summary = ReviewSummary(state: state, events: store.session.events, reviewer: reviewer, queue: queue)
        for line in summary.lines { say(line) }
    }
}
