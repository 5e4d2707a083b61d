import Annotations
import ArgumentParser
import Foundation
import WorkbenchTeam
import WorkbenchShell
import WorkbenchTerminal

/// `workbench replay`: play a session's event log back, verify it, or cut it at an event.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a session's event log back from an empty state.",
        discussion: """
            On a terminal: next (Enter), prev, goto SEQ, play [SPEED] (Ctrl-C stops), /TEXT (search the \
            descriptions, e.g. a speaker), kind KIND, id ID, quit. Piped: prints every step as plain lines. \
            --verify rebuilds the state and compares it with the stored annotations, and checks references \
            and text as validate does. --to SEQ stops at an \
            event; with --out NAME that state (without --to: the whole log) is written as a new session.
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "The session file.", completion: CompletionKinds.sessionFile)
    var session: String = ""

    @Option(parsing: .upToNextOption, help: "Corpus files or folders (default: the paths recorded in the session).", completion: CompletionKinds.corpus)
    var corpus: [String] = []

    @Flag(help: "Rebuild the state from the log and compare it with the stored annotations.")
    var verify = false

    // Unconditional: `--to -1` is a value the command refuses by name, not an option that leaves
    // `--to` without a value ("Missing value for '--to <to>'").
    @Option(parsing: .unconditional, help: "Stop at the event with this sequence number.")
    var to: Int?

    @Option(help: "Write the state after the --to event (without --to: after the last event) as a new session (name, or a path anywhere).", completion: CompletionKinds.sessionName)
    var out: String?

    @Flag(help: "Overwrite the --out file if it exists.")
    var force = false

    @OptionGroup var color: ColorOption

    func validate() throws {
        // Checked here rather than in run(), so the usage shown is this command's.
        if team == nil, session.isEmpty { throw ValidationError("give the session file, e.g. workbench replay sessions/anna.json") }
        // --verify checks the whole log and writes nothing: --to and --out would be ignored silently.
        if verify, to != nil || out != nil {
            throw ValidationError("--verify checks the whole log and writes nothing; leave out --to and --out (or run replay --to SEQ --out NAME on its own)")
        }
        if force, out == nil { throw ValidationError("--force applies to --out only: add --out NAME or leave out --force") }
        // A number no log holds is a usage error (status 2); one beyond this log's end is found
        // only by reading it, and is refused then with the log's range (status 1).
        if let to, to < 1 { throw ValidationError("--to takes an event's sequence number, 1 or more (a log's events are numbered from 1), not \(to)") }
        try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
    }

    /// How messages name a team session (`team session anna`: the name the pull returned, never one
    /// taken apart from the path of its private copy, which is gone when the command ends); nil for a
    /// local session, named by its path.
    private var displayName: String? = nil

    /// The session as messages name it.
    private var shown: String { displayName ?? session }

    mutating func run() throws {
        if let team {
            let pulled = try TeamSessions.pull(team, exactly: 1, of: [session], command: "replay")[0]
            (session, displayName) = (pulled.path, pulled.shown)
        } else {
            session = SessionArgument.path(session)
        }
        try replay()
    }

    private func replay() throws {
        if verify { return try runVerify() }
        let file = try SessionInput.file(at: session, displayName: displayName)
        if let out { return try writeCut(file, to: out) }
        var last = file.events.count
        // `--to` is 1 or more (``validate()``); only the log's end is left to check.
        if let to {
            guard to <= file.events.count else {
                throw failure(.noSuchEvent(seq: to, last: file.events.count))
            }
            last = to
        }
        let capabilities = TerminalCapabilities.detect()
        if capabilities.isInteractive {
            let stepper = try checked(try ReplayStepper(events: file.events, schema: file.schema))
            let renderer = BracketRenderer(corpus: try SessionInput.corpus(for: file, paths: corpus, sessionPath: shown))
            let view = ReplayView(renderer: renderer, style: TerminalStyle(noColor: color.noColor))
            let editor = capabilities.makeLineEditor(historyPath: nil)
            ReplayLoop(stepper: stepper, view: view, limit: last).run(editor: editor)
            if let signal = editor.stopSignal {
                // `kill` or a closed terminal: the status says so, as for every REPL (``ExitStatus/stopped(by:)``).
                let status = ExitStatus.stopped(by: signal)
                throw CLIFailure(status.stoppedLabel, exitCode: status.rawValue)
            }
        } else {
            try printTranscript(file: file, last: last)
        }
    }

    /// A problem of the log or of the request as the command's failure, naming the session.
    private func failure(_ problem: ReplayError) -> CLIFailure { CLIFailure("\(TerminalText.sanitize(shown)): \(problem.description)") }

    /// What `body` gives, its problem as ``failure(_:)``.
    private func checked<T>(_ body: @autoclosure () throws(ReplayError) -> T) throws(CLIFailure) -> T {
        do { return try body() } catch { throw failure(error) }
    }

    /// The whole replay as plain lines, written as it is made (a log of a million events is never
    /// held as steps).
    private func printTranscript(file: SessionFile, last: Int) throws {
        // Check the log before loading the corpus or printing anything.
        _ = try checked(try ReplayStepper.check(events: file.events, schema: file.schema))
        let renderer = BracketRenderer(corpus: try SessionInput.corpus(for: file, paths: corpus, sessionPath: shown))
        let view = ReplayView(renderer: renderer, style: TerminalStyle(enabled: false))
        var output = StandardOutput()
        var header = "replay of \(TerminalText.sanitize(shown)): \(Counted(file.events.count, "event")) by \(TerminalText.sanitize(file.annotator))"
            + (renderer.corpus == nil ? " (corpus not loaded: stored anchor text)" : "") + "\n"
        var annotations = 0
        var index = SentenceRecordIndex(renderer: renderer)
        try checked(try ReplayStepper.forEachStep(events: file.events, schema: file.schema, limit: last) { step, state in
            output.write(header)
            header = ""
            index.update(step.touched, in: state)
            for line in view.lines(for: step, state: state, index: index) { output.write(line, style: view.style) }
            annotations = state.recordCount
        })
        output.write(header)
        output.write("end after event \(last): \(Counted(annotations, "annotation"))\n")
        output.flush()
    }

    private func runVerify() throws {
        let session = session, shown = shown, displayName = displayName
        // The verification keeps the replayed session alive until the process exits (below).
        let report = try ProgressMeter.run { meter throws -> SessionVerifier.Report in
            meter.begin("replay --verify: reading and replaying \(shown)", total: nil, unit: .items(""))
            return try CLIFailure.from { try SessionVerifier().verify(path: session, displayName: displayName) }
        }
        let file = report.file
        let name = TerminalText.sanitize(shown)
        for warning in report.warnings { StandardError.write("warning: " + TerminalText.sanitize(warning)) }
        if let problem = report.logProblem {
            throw CLIFailure("\(name): \(problem.description)")
        }
        if !report.differences.isEmpty {
            for difference in report.differences { StandardError.write("\(name): \(TerminalText.sanitize(difference))") }
            throw CLIFailure("\(name): \(report.differences.count) annotation(s) differ between the stored annotations and the event log")
        }
        // The same reference checks as `validate` (the one definition), which need no text.
        let references = SessionVerifier().referenceChecks(file, path: shown)
        // One line each, as validate writes them: a line break in a name from the file is a placeholder.
        for problem in references { StandardError.write(TerminalText.sanitize(problem)) }
        // The same checks against the text as `validate` and `annotate`, when the corpus can be loaded.
        var textNote = "; text checked against the corpus"
        let chosen = corpus.isEmpty ? RecordedCorpusPath.resolve(file.corpus.paths, nextTo: shown) : corpus
        let loadable = !chosen.isEmpty && chosen.allSatisfy { FileManager.default.fileExists(atPath: $0) }
        if loadable, let segmented = try SessionInput.corpus(for: file, paths: corpus, sessionPath: shown) {
            let problems = SessionTextCheck(corpus: segmented, skipsChangedDocuments: true).problems(in: file, path: shown)
            if !problems.isEmpty {
                for problem in problems { StandardError.write(TerminalText.sanitize(problem)) }
                throw CLIFailure(
                    "\(name): the log replays, but \(problems.count) annotation(s) or status(es) do not fit the corpus text"
                        + (references.isEmpty ? "" : " and \(references.count) reference(s) do not hold"))
            }
            // Documents whose text changed since the session was made (or that are missing) were
            // left out of the check: say so rather than claim the whole text was checked.
            let loaded = Set(segmented.documents.map(\.document.id))
            let unchecked = file.corpus.documents.map(\.id).filter { !loaded.contains($0) }
            if !unchecked.isEmpty {
                let shown = unchecked.prefix(5).map { "'\(TerminalText.sanitize($0))'" }.joined(separator: ", ")
                    + (unchecked.count > 5 ? " and \(unchecked.count - 5) more" : "")
                textNote = "; text checked against the corpus except \(unchecked.count) document(s) NOT checked: \(shown)"
                    + " (changed since the session was made, or missing; annotating the session re-anchors them, validate lists them)"
            }
        } else {
            textNote = "; text NOT checked (no corpus; pass --corpus PATH to check offsets, documents and sentences)"
        }
        if !references.isEmpty {
            throw CLIFailure("\(name): the log replays, but \(references.count) reference(s) in the stored annotations do not hold (as validate reports them)")
        }
        StandardOutput.line("\(name): verified: \(Counted(report.events, "event")), \(Counted(report.annotations, "annotation")), \(Counted(report.documents, "document"))\(textNote)")
        // The replayed session, its log and the stored annotations are left to the process exit
        // (for a million events taking them apart piece by piece is a noticeable part of the run).
        KeptUntilExit.keep(report)
    }

    private func writeCut(_ file: SessionFile, to name: String) throws {
        if let problem = ReplayError.orderingProblem(in: file.events) { throw failure(problem) }
        let last = try to.map { seq throws(CLIFailure) -> Int in
            guard seq <= file.events.count else {
                throw CLIFailure(ReplayError.noSuchEvent(seq: seq, last: file.events.count).description)
            }
            return seq
        } ?? file.events.count
        let path = try CLIFailure.from { try SessionPaths.path(for: name) }
        if LockedSessionFile.namesSameSession(path, session) {
            throw CLIFailure("--out \(TerminalText.sanitize(path)) is the session being replayed; the replayed session is never modified, choose a new name")
        }
        // Not even --force replaces a device or a pipe named like a session.
        for file in [path, SessionPaths(path).log] {
            if let refusal = OutputFile.refusal(file) { throw CLIFailure("\(TerminalText.sanitize(file)): \(refusal); choose another --out") }
        }
        let target = try CLIFailure.from { try LockedSessionFile(path: path, now: Timestamp.now()) }
        defer { target.release() }
        if let existing = target.existingFile, !force {
            let what = existing == target.realPath ? TerminalText.sanitize(path) : "its log " + TerminalText.sanitize(SessionPaths(path).log)
            throw CLIFailure("\(what) exists; choose another name or add --force to overwrite it")
        }
        var cut = Session(annotator: file.annotator, corpus: file.corpus, schema: file.schema, created: file.created, derivedFrom: [session])
        for event in file.events.prefix(last) {
            do { try cut.append(event) } catch {
                throw failure(.cannotApply(seq: event.seq, reason: error.description))
            }
        }
        cut.cursor = file.cursor
        cut.settings = file.settings ?? SessionSettings()
        try CLIFailure.from { try target.write(cut.file) }
        StandardOutput.line("wrote \(TerminalText.sanitize(path)): events 1–\(last) of \(file.events.count), \(Counted(cut.state.allRecords.count, "annotation"))")
    }
}
