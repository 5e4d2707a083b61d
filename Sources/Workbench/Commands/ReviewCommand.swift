import Annotations
import ArgumentParser
import Foundation
import WorkbenchTeam
import WorkbenchShell
import WorkbenchTerminal

/// `workbench review`: walk through a session's annotations and record a verdict on each, in a new
/// session derived from the original (which is never modified).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a session's annotations one at a time; the verdicts go into a new session.",
        discussion: """
            Commands: accept, reject REASON, note TEXT, skip, correct FIELD VALUE (form, by, label, role, cue, \
            mention, target, negated, hedged), correct delete, status, quit; or correct with the annotation \
            REPL's tagging commands on the annotation's sentence (tokens, speaker, cue, claim, stance, edit): \
            the annotation is marked corrected and what the command adds is accepted. Every decision is an event by the \
            reviewer. Reopening the reviewed session continues at the first unreviewed annotation. Works with \
            piped input, one command per line.
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "The session file to review.", completion: CompletionKinds.sessionFile)
    var session: String = ""

    @Option(help: "Reviewer name (default: $USER).")
    var reviewer: String?

    @Option(help: "The reviewed session (name, or a path anywhere; default: <name>.reviewed).", completion: CompletionKinds.sessionName)
    var out: String?

    @Option(parsing: .upToNextOption, help: "Corpus files or folders (default: the paths recorded in the session).", completion: CompletionKinds.corpus)
    var corpus: [String] = []

    @OptionGroup var color: ColorOption

    func validate() throws {
        // Checked here rather than in run(), so the usage shown is this command's.
        if team == nil, session.isEmpty { throw ValidationError("give the session file to review, e.g. workbench review sessions/anna.json") }
        try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
    }

    mutating func run() throws {
        // How messages name the reviewed session: a team session by its name in the database, not by
        // its private copy (gone when the command ends); the copy's file name is the session's name,
        // so the review's `derived_from` still matches it by file name (`diff` after `team pull`).
        let shown: String
        if let team {
            let pulled = try TeamSessions.pull(team, exactly: 1, of: [session], command: "review")[0]
            session = pulled.path
            shown = TerminalText.sanitize(pulled.shown)
        } else {
            session = SessionArgument.path(session)
            shown = TerminalText.sanitize(session)
        }
        let original = try SessionInput.file(at: session)
        let given = reviewer ?? LoginName.current() ?? "reviewer"
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIFailure("the reviewer name is empty; pass --reviewer NAME") }
        let name = try AnnotateCommand.annotatorName(given, role: "reviewer", fromLogin: reviewer == nil)
        let base = ((session as NSString).lastPathComponent as NSString).deletingPathExtension
        let outPath = try CLIFailure.from { try SessionPaths.path(for: out ?? base + ".reviewed") }
        if LockedSessionFile.namesSameSession(outPath, session) {
            throw CLIFailure("the reviewed session must be a new file; the original \(shown) is never modified (use --out NAME)")
        }
        // An existing --out session is told apart before it is opened for writing: opening rewrites
        // what it mends (a lost or stale snapshot) and then keeps the lock file, so a refusal after
        // it left the other session changed. A session another process holds is refused as such,
        // naming the holder, as the opening would. Checked again once it is open (another writer
        // may have made it meanwhile); one that cannot be read is reported by that opening.
        // The usual case, this review resumed, is told by the log's first line alone
        // (``resumesReview(_:of:)``); only another session is read in full to say what it is.
        if FileManager.default.fileExists(atPath: outPath) || FileManager.default.fileExists(atPath: SessionPaths(outPath).log),
            !Self.resumesReview(outPath, of: session), let existing = try? SessionStore.load(path: outPath)
        {
            do { try Self.refuseReviewOfAnother(existing, outPath, original: original, session: session, shownAs: shown) } catch {
                do {
                    // Taken and let go without writing: a lock file it made goes with it.
                    try LockedSessionFile(path: outPath, now: Timestamp.now()).release()
                } catch {
                    throw CLIFailure(TerminalText.sanitize(String(describing: error)))
                }
                throw error
            }
        }
        // The corpus before the review session is opened for writing: a --corpus that cannot be
        // loaded is refused with nothing written.
        let segmented = try SessionInput.corpus(for: original, paths: corpus, sessionPath: session)
        let sessionPath = session
        let store: SessionStore
        do {
            store = try SessionStore(path: outPath, now: Timestamp.now()) { () throws(SessionError) -> Session in
                var copy = Session(
                    annotator: name, corpus: original.corpus, schema: original.schema, created: Timestamp.now(),
                    derivedFrom: [sessionPath])
                for event in original.events {
                    do { try copy.append(event) } catch {
                        throw SessionError.badEvent(path: sessionPath, seq: event.seq, reason: String(describing: error))
                    }
                }
                copy.cursor = original.cursor
                return copy
            }
        } catch {
            throw CLIFailure(TerminalText.sanitize(String(describing: error)))
        }
        do { try Self.refuseReviewOfAnother(store.session, outPath, original: original, session: session, shownAs: shown) } catch {
            store.abandon()
            throw error
        }
        for warning in store.openingWarnings { StandardError.write("warning: " + TerminalText.sanitize(warning)) }
        let capabilities = TerminalCapabilities.detect()
        let renderer = BracketRenderer(corpus: segmented)
        let view = ReplayView(renderer: renderer, style: TerminalStyle(noColor: color.noColor || !capabilities.isInteractive))
        let loop = ReviewLoop(store: store, reviewer: name, view: view, outPath: outPath, corpus: segmented)
        // `kill` and a hang-up end the input as its end does, at the terminal and piped alike (the
        // annotation REPL's reader), so the review is saved and closed below.
        let editor = capabilities.makeLineEditor(historyPath: nil, stopSignalsEndInput: true)
        let rejected = loop.run(editor: editor)
        try CLIFailure.from { try store.close() }
        if let signal = editor.stopSignal {
            // `kill` or a closed terminal at the prompt: saved and closed as on leaving, and the status
            // says the review was stopped (the annotation REPL's rule, ``ExitStatus/stopped(by:)``).
            let status = ExitStatus.stopped(by: signal)
            throw CLIFailure(
                status.stoppedLabel + ": every verdict given was saved in \(TerminalText.sanitize(outPath))",
                exitCode: status.rawValue)
        }
        // As in the annotation REPL: a piped run with a rejected command fails, so a script notices.
        if !rejected.isEmpty, !capabilities.isInteractive {
            throw CLIFailure(AnnotationREPL.rejectedSummary(rejected.count, lines: rejected) + "; every verdict given was saved in \(TerminalText.sanitize(outPath))")
        }
    }

    /// Whether the existing session at `outPath` is a review of `session`, as the header of its log
    /// says (`derived_from` naming `session`): read from the log's first line alone, not the whole
    /// session, which the opening for writing reads next. False when the header does not say so
    /// (no log, another origin, a header that cannot be read): the session is then read in full to
    /// tell what it is (``refuseReviewOfAnother(_:_:original:session:shownAs:)``).
    static func resumesReview(_ outPath: String, of session: String) -> Bool {
        guard let origin = try? LogHeader(ofLog: SessionPaths.followingLinks(outPath).log).derivedFrom else { return false }
        return origin.contains { LockedSessionFile.namesSameSession($0, session) }
    }

    /// Refuses to continue an existing `--out` session (`existing`, as opened, before any edit) that
    /// is the review of another session: its verdicts would be added to that session's annotations
    /// while the user reviews `session`. A review names what it was made from (`derived_from`) and
    /// begins with that session's events, so either tells them apart (the first also when the review
    /// was begun from another folder). A review just made names `session`.
    /// `shown` is how messages name `session` (already sanitised).
    static func refuseReviewOfAnother(_ existing: Session, _ outPath: String, original: SessionFile, session: String, shownAs shown: String) throws {
        guard let sources = existing.derivedFrom, !sources.isEmpty else {
            // Not made by `review` (nor by any command that derives a session): an annotator's own
            // session, or one whose snapshot was lost. Going on in it would review its annotations,
            // not those of `session`, and add verdicts to it; only a copy of `session` itself goes on.
            if existing.events.first == original.events.first { return }
            throw CLIFailure(
                "\(TerminalText.sanitize(outPath)) is another session, not a review of \(shown) (it was not made by review, and its events are not that session's); it is left as it is: choose another --out")
        }
        if sources.contains(where: { LockedSessionFile.namesSameSession($0, session) }) { return }
        if let first = original.events.first, existing.events.first == first { return }
        throw CLIFailure(
            "\(TerminalText.sanitize(outPath)) is the review of \(sources.map { TerminalText.sanitize($0) }.joined(separator: ", ")), not of \(shown); its verdicts are left as they are: choose another --out")
    }
}
