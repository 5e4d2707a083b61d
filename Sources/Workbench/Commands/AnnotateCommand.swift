import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// `workbench annotate` (the default command): open a session on a corpus and annotate it in the REPL.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate speakers, claims, cues and stances sentence by sentence (the default command).",
        discussion: """
            Opens sessions/<annotator>.json (or --session), resuming at the sentence where you stopped. In a \
            terminal: line editing, history, TAB completion, colour. With piped input or output the same commands \
            are read line by line, without prompt or colour, e.g. workbench annotate --session s < commands.txt. \
            Set WORKBENCH_FAKE_CLOCK=2026-01-01T09:00:00Z for deterministic event times. Type 'help' inside.
            """
    )

    @Argument(help: "Corpus files or folders (default: the corpus recorded in the session, else seeds/).", completion: CompletionKinds.corpus)
    var corpus: [String] = []

    @Option(help: "Session name (sessions/NAME.json) or path anywhere, e.g. ~/nk/anna.json. Default: the annotator's name.", completion: CompletionKinds.sessionName)
    var session: String?

    @Option(help: "Who annotates (default: $USER).")
    var annotator: String?

    @Option(help: "Schema file with the label sets (for new sessions; a session keeps the schema it was made with).", completion: CompletionKinds.schema)
    var schema: String?

    @Option(help: "Annotate in a team database instead of a local session (or set WORKBENCH_TEAM), e.g. postgresql://anna@host/project.")
    var team: TeamURLArgument?

    @OptionGroup var color: ColorOption

    @Option(help: ArgumentHelp("Diagnostics: write per-command timings to FILE.", visibility: .hidden))
    var commandTimings: String?

    func validate() throws {
        try team?.validate()
        try EmptyPathArgument.refuse(corpus, as: "a corpus path", naming: EmptyPathArgument.corpus)
        try EmptyPathArgument.refuse(schema, as: "--schema", naming: "a schema file")
    }

    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var clock = try EventClock.fromEnvironment(environment)
        if team != nil || !(environment["WORKBENCH_TEAM"] ?? "").isEmpty {
            guard session == nil, corpus.isEmpty else {
                throw CLIFailure("--team takes the corpus and the session from the team database: leave out --session and corpus paths")
            }
            let status = try runInTeam(url: try TeamCommand.url(team), clock: clock)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let loginName = try Self.annotatorName(annotator ?? LoginName.current(environment: environment), fromLogin: annotator == nil)
        // The suggestion engine is made while the corpus loads and the session opens.
        let proposals = ProposalCache.buildingEngine()
        let path: String
        path = try CLIFailure.from { try SessionPaths.path(for: session ?? loginName) }
        // Only without corpus arguments is the session file read for its corpus (only that field; the
        // whole file is read below), found where the readers find it (``RecordedCorpusPath``). A
        // session that cannot be opened for want of it is refused there for what it is, not hidden
        // behind the default corpus it would otherwise open.
        let recorded = corpus.isEmpty ? try Self.recordedCorpus(path: path) : nil
        let paths = try recorded?.found ?? DefaultCorpus.paths(corpus, naming: "workbench annotate CORPUS… --session NAME")
        if let recorded, recorded.found == nil {
            StandardError.write(TerminalText.sanitize(
                "warning: the corpus \(recorded.reference.paths.joined(separator: " ")) that \(path) records is not found (as recorded, next to the session or in its folder's parent); opening seeds"))
        }
        if let folder = Self.corpusFolder(holding: path, among: paths) {
            let name = (path as NSString).lastPathComponent
            throw CLIFailure(
                "\(path) is in the corpus folder \(folder): its log \(SessionPaths(name).log) would be read as a corpus file; keep sessions outside the corpus folder, e.g. --session sessions/\((name as NSString).deletingPathExtension)")
        }
        let segmented: SegmentedCorpus
        do {
            segmented = try ProgressMeter.run { meter in try CorpusOpening.open(paths: paths, meter: meter) }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(String(describing: error))
        }
        for warning in segmented.corpus.warnings { StandardError.write("warning: " + warning) }
        if corpus.isEmpty, let refusal = Self.wrongCorpus(sessionPath: path, recorded: recorded?.reference, opened: segmented, paths: paths) {
            throw CLIFailure(refusal)
        }
        var chosenSchema = AnnotationSchema.standard
        if let schema {
            chosenSchema = try CLIFailure.from { try AnnotationSchema.load(path: schema) }
        }
        let store: SessionStore
        do {
            let now = clock.now()
            store = try SessionStore(path: path, now: now) { () throws(SessionError) -> Session in
                Session(annotator: loginName, corpus: CorpusReference(segmented), schema: chosenSchema, created: now)
            }
        } catch {
            throw CLIFailure(error.description)
        }
        // The same checks against the text as `validate` and `replay --verify`; a session that fails
        // them is not opened (and not rewritten).
        let textProblems = SessionTextCheck(corpus: segmented, skipsChangedDocuments: true).problems(in: store.session, path: path)
        if !textProblems.isEmpty {
            store.abandon()
            for problem in textProblems.prefix(20) { StandardError.write(TerminalText.sanitize(problem)) }
            throw CLIFailure(TerminalText.sanitize(
                "\(path): \(textProblems.count) annotation(s) or status(es) do not fit the corpus text; the session is not opened and the file is left untouched (run 'workbench validate \(path)' for the list)"))
        }
        // Reopened without --annotator: go on as the session's annotator rather than the login name.
        let who = annotator == nil ? ((try? Self.annotatorName(store.session.annotator)) ?? loginName) : loginName
        if who != loginName {
            StandardError.write("note: continuing as '\(TerminalText.sanitize(who))', the annotator of this session (--annotator NAME records edits under another name)")
        }
        let settling = Self.settle(
            store: store, corpus: segmented, recordedPaths: recorded?.found == nil ? nil : recorded?.reference.paths, schema: schema == nil ? nil : chosenSchema, annotator: who,
            time: { clock.now() })
        for warning in settling {
            StandardError.write("warning: " + warning)
        }
        let capabilities = TerminalCapabilities.detect()
        let interactive = capabilities.isInteractive
        let completion = CompletionSource()
        let historyPath = (SessionPaths.sessionsFolder as NSString).appendingPathComponent(".history")
        let editor = capabilities.makeLineEditor(historyPath: interactive ? historyPath : nil, stopSignalsEndInput: true) { line, cursor in
            completion.provider.candidates(line: line, cursor: cursor)
        }
        let style = TerminalStyle(noColor: color.noColor)
        // The process ends when the REPL does: the corpus (a million sentences for a large one) is
        // left to the exit instead of being freed sentence by sentence after `quit`. The session
        // store is not kept: it still closes its log and releases its lock as before.
        KeptUntilExit.keep(segmented)
        let shell = AnnotationShell(
            store: store, corpus: segmented, clock: clock, annotator: who,
            width: interactive ? TerminalText.terminalWidth() : 100, proposals: proposals)
        var repl = AnnotationREPL(shell: shell, editor: editor, style: style, interactive: interactive, completion: completion)
        repl.timings = commandTimings.map { CommandTimingLog(path: $0) }
        let status = repl.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// The annotator's name, checked: non-empty, no scalar that may not stand in a name
    /// (``InvisibleScalar/isRefusedInName(_:)``), no slashes; the one check and refusal of every
    /// person's name a command is given (`annotate`, `review`, `adjudicate`, a team's `annotate`). `role` names it
    /// in the refusal (the reviewer's and the adjudicator's names are annotators' names too);
    /// `fromLogin` says the name was not given but taken from the login (`$USER`, `$LOGNAME`), so the
    /// refusal says where it came from and how to give another.
    static func annotatorName(_ name: String?, role: String = "annotator", fromLogin: Bool = false) throws(CLIFailure) -> String {
        guard let name = name?.trimmingCharacters(in: .whitespaces) else {
            throw CLIFailure("who is annotating? neither $USER nor $LOGNAME is set; pass --annotator NAME")
        }
        // Given, but empty (`--annotator ""`): say so rather than blame the environment.
        guard !name.isEmpty else { throw CLIFailure("the \(role) name is empty; pass --\(role) NAME") }
        // Control characters and bidi controls (``InvisibleScalar/isRefusedInName(_:)``), and '/'.
        guard !name.unicodeScalars.contains(where: InvisibleScalar.isRefusedInName), !name.contains("/") else {
            let source = fromLogin ? " (taken from $USER or $LOGNAME)" : ""
            throw CLIFailure(
                "\(role) name '\(TerminalText.sanitize(name))'\(source) refused: a name may not hold '/' or control characters "
                    + "(tabs, line breaks, escapes, bidi controls such as U+202E); pass --\(role) NAME")
        }
        // A name is stored in every event and names files (`sessions/NAME.json`, `NAME.reviewed.json`),
        // whose names hold at most 255 bytes.
        guard name.count <= Self.maximumNameLength, name.utf8.count <= 2 * Self.maximumNameLength else {
            throw CLIFailure(
                "\(role) name of \(name.count) characters (\(name.utf8.count) bytes) refused: a name holds at most "
                    + "\(Self.maximumNameLength) characters and \(2 * Self.maximumNameLength) bytes; pass --\(role) NAME")
        }
        return name
    }

    /// The most characters of an annotator's, reviewer's or adjudicator's name (and twice as many bytes of UTF-8).
    static let maximumNameLength = 100

    /// ``annotatorName(_:role:fromLogin:)`` as a value: the checked name, or the refusal, for a
    /// caller that words the refusal itself (`import`, for a name the imported files record).
    static func checkedAnnotatorName(_ name: String?, role: String = "annotator", fromLogin: Bool = false) -> Result<String, CLIFailure> {
        Result { () throws(CLIFailure) in try annotatorName(name, role: role, fromLogin: fromLogin) }
    }

    /// The corpus folder among `paths` that the session file `path` lies in (links resolved), if
    /// any: the loader reads every `.jsonl` there, the session's log too.
    static func corpusFolder(holding path: String, among paths: [String]) -> String? {
        func real(_ folder: String) -> String? { try? LockedSessionFile.canonicalPath(of: folder) }
        let folder = SessionPaths.folder(of: path)
        guard let sessionFolder = real(folder.isEmpty ? "." : folder) else { return nil }
        return paths.first { corpus in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder) && isFolder.boolValue && real(corpus) == sessionFolder
        }
    }

    /// The corpus an existing session recorded and its paths as found from the working folder, as
    /// every reader finds them (``RecordedCorpusPath``: as recorded, next to the session, in its
    /// folder's parent), so `annotate` run from the sessions folder opens the corpus `export` reads;
    /// `found` is nil when one of them is found nowhere. The session layer reads it
    /// (``SessionStore/recordedCorpus(ofSessionAt:)``: the snapshot's, else its log header's) and
    /// refuses a session that cannot be opened for want of it.
    static func recordedCorpus(path: String) throws(CLIFailure) -> (reference: CorpusReference, found: [String]?)? {
        guard let corpus = try CLIFailure.from({ try SessionStore.recordedCorpus(ofSessionAt: path) }), !corpus.paths.isEmpty else { return nil }
        let found = corpus.paths.map { RecordedCorpusPath.find($0, nextTo: path) }
        return (corpus, found.contains(nil) ? nil : found.compactMap { $0 })
    }

    /// Why the corpus opened for a session without corpus arguments is not the session's (nil when
    /// it may be): it holds none of the documents the session recorded, so every annotation would
    /// be re-anchored into it as orphaned and the session would record that corpus from then on.
    /// A changed corpus that still holds one of the documents is re-anchored as before.
    static func wrongCorpus(sessionPath: String, recorded: CorpusReference?, opened: SegmentedCorpus, paths: [String]) -> String? {
        guard let recorded, !recorded.documents.isEmpty else { return nil }
        let ids = Set(opened.documents.map(\.document.id))
        guard !recorded.documents.contains(where: { ids.contains($0.id) }) else { return nil }
        let shown = recorded.paths.joined(separator: " ")
        return TerminalText.sanitize(
            "\(sessionPath) records the corpus \(shown) (\(recorded.documents.count) document(s)), but \(paths.joined(separator: " ")) holds none of its documents; "
                + "the session is not opened and the file is left untouched. The corpus is looked for as recorded, next to the session and in its folder's parent: "
                + "run from the folder it was made in, or name the corpus: workbench annotate CORPUS --session \(sessionPath)")
    }

    /// Re-anchors the session's annotations in a changed corpus (moved text found again by quote and
    /// context; what cannot be found is marked orphaned and kept) and records the new corpus. The
    /// re-anchorings of one opening are one command.
    static func reanchor(store: SessionStore, corpus: SegmentedCorpus, recordedPaths: [String]? = nil, annotator: String, time: () -> String) -> [String] {
        let report = Reanchorer(builder: AnchorBuilder(corpus: corpus)).reanchor(store.session.state)
        var messages: [String] = []
        var failed = 0
        // One command (the events after the first carry its `seq` as `group`), so `stats` counts
        // it once and `undo` meets it whole. Not `performCommand`: a re-anchoring that is refused is
        // counted and left out, and must not take the others back to the older text.
        var group: Int?
        for action in report.actions {
            do {
                let event = try store.perform(action, time: time(), annotator: annotator, group: group)
                if group == nil { group = event.seq }
            } catch {
                failed += 1
            }
        }
        do {
            // Found through the recorded paths (from the sessions folder: `../seeds`): they stay recorded as they were.
            var reference = CorpusReference(corpus)
            if let recordedPaths { reference.paths = recordedPaths }
            try store.adoptCorpus(reference)
        } catch {
            messages.append("could not record the new corpus: \(error.description)")
        }
        messages.append("re-anchored: \(report.unchanged) in place, \(report.moved.count) moved"
            + (report.orphaned.isEmpty ? "" : ", \(report.orphaned.count) orphaned (kept and marked; their text was not found: "
                + report.orphaned.prefix(5).map { "\($0.id) \"\($0.text)\"" }.joined(separator: ", ") + ")")
            + (failed > 0 ? ", \(failed) could not be updated" : ""))
        return messages
    }

    /// Settles an opened session against the current corpus (re-anchoring its annotations when the
    /// corpus changed) and returns what the user should know: a changed corpus and what re-anchoring
    /// did, an ignored schema, recovered work, a taken-over lock, another annotator's session.
    static func settle(
        store: SessionStore, corpus: SegmentedCorpus, recordedPaths: [String]? = nil, schema: AnnotationSchema?, annotator: String,
        time: () -> String
    ) -> [String] {
        var warnings: [String] = []
        let recorded = Dictionary(store.session.corpus.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        let current = Dictionary(corpus.documents.map { ($0.document.id, $0.document.fingerprint) }, uniquingKeysWith: { a, _ in a })
        let changed = recorded.keys.filter { current[$0] != nil && current[$0] != recorded[$0] }.sorted()
        let missing = recorded.keys.filter { current[$0] == nil }.sorted()
        let added = current.keys.filter { recorded[$0] == nil }.sorted()
        if !changed.isEmpty || !missing.isEmpty {
            var parts: [String] = []
            if !changed.isEmpty { parts.append("\(changed.count) document(s) changed (\(changed.prefix(3).joined(separator: ", ")))") }
            if !missing.isEmpty { parts.append("\(missing.count) missing (\(missing.prefix(3).joined(separator: ", ")))") }
            if !added.isEmpty { parts.append("\(added.count) new") }
            warnings.append("the corpus differs from the one this session was made with: " + parts.joined(separator: ", "))
            warnings += reanchor(store: store, corpus: corpus, recordedPaths: recordedPaths, annotator: annotator, time: time)
        } else if store.session.corpus.segmenter != corpus.segmenterVersion, store.session.eventCount > 0 {
            // Same text, newer sentence rules: sentence numbers and boundaries may differ.
            warnings.append("sentences are now split by segmenter \(corpus.segmenterVersion) (this session was made with "
                + "\(store.session.corpus.segmenter)); annotations are checked against the new sentences")
            warnings += reanchor(store: store, corpus: corpus, recordedPaths: recordedPaths, annotator: annotator, time: time)
        }
        if let schema, schema != store.session.schema {
            warnings.append("this session keeps its own schema '\(store.session.schema.name)'; --schema applies to new sessions")
        }
        warnings += store.openingWarnings
        if store.recoveredEvents > 0 { warnings.append("recovered \(store.recoveredEvents) edit(s) from the log of an unfinished run") }
        if let holder = store.tookOverLockFrom { warnings.append("took over the lock of a process that is gone (\(holder))") }
        if store.session.annotator != annotator {
            warnings.append("this session belongs to '\(store.session.annotator)'; your edits are recorded as '\(annotator)'")
        }
        return warnings.map { TerminalText.sanitize($0) }
    }
}
