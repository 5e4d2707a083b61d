import Annotations
import Foundation

/// The annotation commands, free of terminal code: reads one command line at a time, edits the
/// session through its ``SessionStore`` (every acknowledged edit is journaled) and answers with
/// styled lines. A front end (the interactive REPL, piped input, a later review tool) feeds it lines
/// and prints what it returns.
public struct AnnotationShell {
    /// The longest command line accepted.
    public static let maximumLineLength = 4000

    /// The refusal of a command line longer than ``maximumLineLength`` characters, or nil: one
    /// wording for every loop that reads commands (this shell, `review`).
    public static func lengthRefusal(of line: String) -> String? {
        let count = line.count
        return count <= maximumLineLength ? nil : "the line is too long (\(count) characters; at most \(maximumLineLength)); nothing changed"
    }

    /// The open session.
    public let store: any SessionStorage
    /// The corpus being annotated.
    public let corpus: SegmentedCorpus
    /// Who edits.
    let annotator: String
    /// Width for token lists and tables.
    public var width: Int
    /// Rows of the window the views are drawn for, or nil when there is no window (piped output):
    /// in a window, the previous sentence is shortened to what is left beside the current sentence
    /// and its proposals, so they are shown first and never pushed onto the pager's second page.
    public var height: Int?
    /// Where event times come from.
    var clock: EventClock
    /// Index of the current document in the corpus.
    public private(set) var documentIndex = 0
    /// Index of the current sentence in its document.
    public private(set) var sentenceIndex = 0
    /// The last `/` search pattern.
    var lastSearch: String?
    /// Whether Ctrl-C was pressed while a command runs (set by the terminal front end; long searches stop).
    public var interruptRequested: () -> Bool = { false }
    /// Where a long command says how far it is (set by the terminal front end, which draws it as the
    /// one progress line and erases it on nil; nothing by default and in piped mode): `ns` tells it
    /// each sentence whose proposals it is about to compute.
    public var searchProgress: (ShellProgress?) -> Void = { _ in }
    /// Events performed by the command being handled.
    var eventsThisCommand = 0
    /// The `seq` of the first event of the command being handled (its events' command group, kept
    /// in the log so `undo` takes back whole commands after reopening too).
    var commandGroup: Int?
    /// Where the command being handled began, to take it back without a trace when its rollback
    /// cannot be journaled (a full disk).
    var commandMark: (() -> Bool)?
    /// When true, ``handle(_:)`` leaves the periodic rewrite of the session file to the front end,
    /// which calls ``saveIfDue()`` after showing the answer (every edit is journaled either way).
    public var defersAutosave = false
    /// Sentences done or skipped, and all sentences, kept up to date edit by edit.
    private(set) var progressCount: ProgressCount
    /// The suggestion engine's proposals per document, computed when first shown.
    let proposals: ProposalCache

    /// A shell on `store`, positioned at the session's cursor when it points into the corpus.
    public init(
        store: any SessionStorage, corpus: SegmentedCorpus, clock: EventClock, annotator: String? = nil, width: Int = 100,
        proposals: ProposalCache = ProposalCache()
    ) {
        self.store = store
        self.proposals = proposals
        self.corpus = corpus
        self.annotator = annotator ?? store.session.annotator
        self.clock = clock
        self.width = width
        self.progressCount = ProgressCount(state: store.session.state, corpus: corpus)
        if let cursor = store.session.cursor,
            let document = corpus.documents.firstIndex(where: { $0.document.id == cursor.document }),
            cursor.sentence >= 0, cursor.sentence < corpus.documents[document].sentences.count
        {
            documentIndex = document
            sentenceIndex = cursor.sentence
        } else if let first = corpus.documents.firstIndex(where: { !$0.sentences.isEmpty }) {
            documentIndex = first
        }
    }

    /// The session's annotations now.
    var state: AnnotationState { store.session.state }
    /// The current document.
    var document: SegmentedDocument { corpus.documents[documentIndex] }
    /// The current sentence, if the corpus has any.
    var sentence: Sentence? {
        guard documentIndex < corpus.documents.count, sentenceIndex < document.sentences.count else { return nil }
        return document.sentences[sentenceIndex]
    }
    /// Makes anchors in the current document and checks sentence bounds. Built for that document
    /// alone when needed (a few microseconds), so a large corpus costs nothing at start.
    var builder: AnchorBuilder {
        var single = corpus
        single.documents = [document]
        return AnchorBuilder(corpus: single)
    }
    /// The current sentence's key.
    var sentenceKey: SentenceKey { SentenceKey(document: document.document.id, sentence: sentenceIndex) }

    /// Handles one command line; never throws, a refused command comes back as `rejected` with the reason.
    public mutating func handle(_ rawLine: String) -> ShellResponse {
        let line = CommandLexer.trimmed(rawLine)
        guard !line.isEmpty else { return ShellResponse() }
        if let refusal = Self.lengthRefusal(of: line) { return refuse(.usage(refusal)) }
        guard sentence != nil else {
            if CommandCatalog.spec(for: line)?.name == "quit" { return ShellResponse(quit: true) }
            return refuse(.usage("the corpus has no sentences; nothing to annotate (quit with 'quit')"))
        }
        eventsThisCommand = 0
        commandGroup = nil
        commandMark = store.rewindPoint()
        do {
            var response = try dispatch(line)
            response.lines += finishCommand()
            return response
        } catch {
            rollBackCommand()
            return refuse(error)
        }
    }

    private func refuse(_ error: CommandError) -> ShellResponse {
        ShellResponse(lines: [StyledLine("error: " + TerminalText.sanitize(error.description), .error)], rejected: true)
    }

    private mutating func dispatch(_ line: String) throws(CommandError) -> ShellResponse {
        if line.hasPrefix("/"), let search = CommandCatalog.spec(for: "/") {
            return try search.handler(&self, CommandSpec.Invocation(line: line, arguments: [], rest: String(line.dropFirst()), spec: search))
        }
        let words: [CommandWord]
        do { words = try CommandLexer.words(line) } catch { throw .usage(error.description) }
        guard let first = words.first else { return ShellResponse() }
        guard let spec = CommandCatalog.spec(for: first.text) else {
            let letter = first.text.lowercased()
            if words.count == 1, letteredProposals().contains(where: { $0.letter == letter }) {
                throw .usage("'\(letter)' is not a command; to accept proposal \(letter) type: y \(letter) (reject it: x \(letter))")
            }
            throw .unknownCommand(first.text, suggestions: EditDistance.closest(to: first.text, among: CommandCatalog.all.map(\.name)))
        }
        let rest = words.count > 1 ? String(line.unicodeScalars.dropFirst(words[1].start)) : ""
        // A command whose usage is its name alone takes no arguments: `undo 3` would otherwise take
        // back one command while the user expects three, and `done foo` mark the sentence silently.
        if words.count > 1, spec.usage == spec.name {
            let again = spec.name == "undo" || spec.name == "redo" ? " (it acts on one command; type it again for the next)" : ""
            // The arguments echoed cut to 40 characters (a pasted 3 000-character word filled 80 rows).
            throw .usage("'\(first.text)' takes no arguments (got '\(Self.shortened(rest, limit: 40))'); type it alone: \(spec.name)\(again); nothing changed")
        }
        return try spec.handler(&self, CommandSpec.Invocation(line: line, arguments: Array(words.dropFirst()), rest: rest, spec: spec))
    }

    /// The COUNT argument of `next` and `prev` (1 when none is given).
    func count(_ call: CommandSpec.Invocation) throws(CommandError) -> Int {
        guard let word = call.arguments.first else { return 1 }
        guard call.arguments.count == 1, let value = Int(word.text), value > 0, value < 1_000_000 else {
            throw .usage("usage: \(call.spec.usage), COUNT a positive number; e.g. \(call.spec.examples.last ?? call.spec.name)")
        }
        return value
    }

    /// `show [-t]`.
    func show(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        if let flag = arguments.first, flag.text != "-t" { throw .usage("show takes only -t (token numbers); e.g. show -t") }
        return view(tokens: !arguments.isEmpty)
    }

    // MARK: - Edits

    /// Performs one edit as an event of the current command.
    @discardableResult
    mutating func perform(_ action: EditAction) throws(CommandError) -> Event {
        do {
            let event = try store.perform(action, time: clock.now(), annotator: annotator, group: commandGroup)
            progressCount.record(event, in: state)
            if commandGroup == nil { commandGroup = event.seq }
            eventsThisCommand += 1
            return event
        } catch {
            switch error {
            case .rejected(let reason): throw .rejected(reason.description)
            case .storage(let reason): throw .storage(reason.description)
            }
        }
    }

    /// Ends a command that made events: the periodic save, unless the front end does it, and what
    /// the user must be told about it.
    private mutating func finishCommand() -> [StyledLine] {
        guard eventsThisCommand > 0 else { return [] }
        eventsThisCommand = 0
        return defersAutosave ? [] : saveIfDue() ?? []
    }

    /// Rewrites the session file when enough edits were journaled since the last save; nil when it
    /// was not due, otherwise what to show the user: nothing, or once that the save failed (the
    /// journal holds every edit; it is tried again later) or works again.
    public func saveIfDue() -> [StyledLine]? {
        guard store.isSaveDue else { return nil }
        return store.saveIfDue().map { [StyledLine("warning: " + TerminalText.sanitize($0), .warning)] } ?? []
    }

    /// Takes back the events a failing command already made, so a refused command changes nothing:
    /// the `undo` events are in the command's own group, which the model reads as a rollback (nothing
    /// is left to redo, and the redo stack the command cleared comes back).
    private mutating func rollBackCommand() {
        rollBack(to: 0)
        commandGroup = nil
    }

    /// Takes back the events of the current command after its first `count` (in the command's own
    /// group, so the model reads them as a rollback). False when the rollback could not be journaled
    /// and the whole command was cut off the journal instead (then the command made nothing).
    @discardableResult
    mutating func rollBack(to count: Int) -> Bool {
        while eventsThisCommand > count {
            if let event = try? store.perform(.undo, time: clock.now(), annotator: annotator, group: commandGroup) {
                progressCount.record(event, in: state)
            } else if let commandMark, commandMark() {
                // The rollback could not be journaled: the command's events are cut off the journal instead.
                progressCount = ProgressCount(state: state, corpus: corpus)
                eventsThisCommand = 0
                return count == 0
            }
            eventsThisCommand -= 1
        }
        return true
    }

    /// Moves to a sentence and records the cursor.
    public mutating func moveTo(document: Int, sentence: Int) {
        documentIndex = document
        sentenceIndex = sentence
        store.moveCursor(to: sentenceKey)
    }

    // MARK: - Session

    mutating func undo() throws(CommandError) -> [StyledLine] {
        let count = state.undoableCommandSize
        guard count > 0 else { throw .rejected("nothing to undo") }
        try checkRestoresFitTheText(state.undoStack.suffix(count), undo: true)
        var touched: [String] = []
        var changes: [Change] = []
        for _ in 0..<count {
            touched += state.undoStack.last.map { Self.describe($0) } ?? []
            changes += state.undoStack.last.map { [$0] } ?? []
            try perform(.undo)
        }
        eventsThisCommand = 0
        return afterHistoryStep(StyledLine("undone: " + touched.joined(separator: ", "), .success), changes: changes)
    }

    mutating func redo() throws(CommandError) -> [StyledLine] {
        let count = state.redoableCommandSize
        guard count > 0 else { throw .rejected("nothing to redo") }
        try checkRestoresFitTheText(state.redoStack.suffix(count), undo: false)
        var touched: [String] = []
        var changes: [Change] = []
        for _ in 0..<count {
            touched += state.redoStack.last.map { Self.describe($0) } ?? []
            changes += state.redoStack.last.map { [$0] } ?? []
            try perform(.redo)
        }
        eventsThisCommand = 0
        return afterHistoryStep(StyledLine("redone: " + touched.joined(separator: ", "), .success), changes: changes)
    }

    /// Refuses an `undo` or `redo` that would put a record back at offsets that no longer match the
    /// text: the corpus changed since (the re-anchoring when the session was opened, or an edit made
    /// on the older text), so the record would be drawn over other words and `validate` would
    /// refuse the session. Taking a record away is always fine.
    private func checkRestoresFitTheText(_ changes: ArraySlice<Change>, undo: Bool) throws(CommandError) {
        let builder = AnchorBuilder(corpus: corpus)
        for entry in changes.flatMap(\.entries) {
            guard let record = undo ? entry.before : entry.after, let anchor = record.anchor, !anchor.orphaned,
                let problem = builder.verify(anchor)
            else { continue }
            throw .rejected(
                "\(undo ? "undo" : "redo") would put \(record.key) back at its place in an older text of '\(TerminalText.sanitize(anchor.document))' (\(TerminalText.sanitize(problem))): "
                    + "the document changed and was re-anchored since; nothing changed (edit \(record.key) span … moves it)")
        }
    }

    /// The answer to `undo` or `redo`: what was taken back or made again, then the sentence it
    /// happened in with its pending proposals (an undone accept's proposal is pending again, to be
    /// accepted otherwise). When every record touched lies in one other sentence (an accept undone
    /// after `n`), the shell moves there first: before, it showed the sentence it was on, and the
    /// annotator went back by hand to see what was undone.
    private mutating func afterHistoryStep(_ summary: StyledLine, changes: [Change]) -> [StyledLine] {
        let places = Set(changes.flatMap(\.entries).compactMap { entry -> SentenceKey? in
            switch entry.before ?? entry.after {
            case .status(let key, _)?: return key
            case .rejection(let rejection)?: return SentenceKey(document: rejection.document, sentence: rejection.sentence)
            case let record?:
                guard let anchor = record.anchor, !anchor.orphaned else { return nil }
                return SentenceKey(document: anchor.document, sentence: anchor.sentence)
            case nil: return nil
            }
        })
        guard places.count == 1, let place = places.first, place != sentenceKey,
            let document = corpus.documents.firstIndex(where: { $0.document.id == place.document }),
            place.sentence >= 0, place.sentence < corpus.documents[document].sentences.count
        else { return [summary] + currentLine() + proposalLines() }
        moveTo(document: document, sentence: place.sentence)
        return view(tokens: false, after: [summary])
    }

    private static func describe(_ change: Change) -> [String] {
        change.entries.map { entry in
            let key = entry.key
            switch key {
            case .status(let sentence): return "status of sentence \(sentence.sentence + 1) of \(TerminalText.sanitize(sentence.document))"
            default: return "\(key.description) (\(key.kind))"
            }
        }
    }

    func save() throws(CommandError) -> [StyledLine] {
        do {
            try store.save()
        } catch {
            throw .saveFailed(error.description)
        }
        return [StyledLine("saved \(TerminalText.sanitize(store.path)) (\(store.session.eventCount) events)", .success)]
    }

    func help(_ arguments: [CommandWord]) throws(CommandError) -> [StyledLine] {
        guard let topic = arguments.first?.text else {
            var lines: [StyledLine] = []
            for group in CommandSpec.Group.allCases {
                lines.append(StyledLine(group.rawValue, .heading))
                for spec in CommandCatalog.all where spec.group == group {
                    let name = spec.name + (spec.alias.map { " (\($0))" } ?? "")
                    lines.append(StyledLine("  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + spec.summary))
                }
            }
            lines += CommandCatalog.spanHelp.split(separator: "\n").map { StyledLine(String($0)) }
            lines.append(StyledLine("Type 'help COMMAND' for details and examples, e.g. help claim.", .dim))
            return lines
        }
        if topic == "spans" { return CommandCatalog.spanHelp.split(separator: "\n").map { StyledLine(String($0)) } }
        guard let spec = CommandCatalog.spec(for: topic) else {
            throw .unknownCommand(topic, suggestions: EditDistance.closest(to: topic, among: CommandCatalog.all.map(\.name)))
        }
        return CommandCatalog.help(for: spec).map { StyledLine($0) }
    }
}
