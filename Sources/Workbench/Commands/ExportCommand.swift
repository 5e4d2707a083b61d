import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTeam
import WorkbenchTerminal

/// `workbench export`: write the annotations of one or more sessions in an exchange format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export annotated corpora (brat, webanno, conllu, iob, jsonl, w3c, csv, html, spkatt, labelstudio).",
        discussion: """
            Several sessions export side by side; every annotation carries its annotator. The corpus is \
            the one recorded in the sessions unless --corpus is given; sessions made on another corpus are \
            refused. The output folder is written as a whole: an existing, non-empty one is replaced only \
            with --force, and only when an earlier export wrote it.
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "Session files to export.", completion: CompletionKinds.sessionFile)
    var sessions: [String] = []

    @Option(help: "Format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(help: "Output folder (created if missing).", completion: CompletionKinds.folder)
    var out: String

    @Option(parsing: .upToNextOption, help: "Only these document ids.")
    var documents: [String] = []

    @Flag(help: "Only annotations a reviewer accepted or corrected.")
    var reviewedOnly = false

    @Flag(help: "Replace an earlier export in the output folder as a whole.")
    var force = false

    @Option(parsing: .upToNextOption, help: "Corpus files or folders (default: the paths recorded in the sessions).", completion: CompletionKinds.corpus)
    var corpus: [String] = []

    func validate() throws {
        // One session named twice (again, by its log, through a link) would be counted twice.
        if let problem = Workbench.LoadedSession.repeated(sessions) { throw ValidationError(problem) }
        // A missing argument is a usage error (exit status 2), checked before anything is read.
        if team == nil, sessions.isEmpty { throw ValidationError(ExportError.noSessions.description) }
        if out.isEmpty { throw ValidationError("--out is empty: name the folder to export into") }
        if team == nil { try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session) }
        try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
    }

    mutating func run() throws {
        if let team { sessions = try TeamSessions.pull(team, names: sessions).map(\.path) } else { sessions = sessions.map { SessionArgument.path($0) } }
        let command = self
        let summary = try ProgressMeter.run { meter in try command.export(meter: meter) }
        StandardOutput.line(summary)
    }

    /// Loads, prepares and writes; returns the summary line.
    private func export(meter: ProgressMeter) throws -> String {
        // When the corpus's paths are known before the sessions are read (given with --corpus, or
        // recorded in the first session's snapshot), the corpus is loaded while they are read.
        let early = earlyCorpusPaths()
        // Sessions are opened without a lock, as `SessionStore.load(path:)` does; the first failure stops the reading.
        let reading = early == nil ? nil : BackgroundValue { () -> Result<[LoadedSession], SessionError> in
            var read: [LoadedSession] = []
            do throws(SessionError) {
                for path in sessions { read.append(try load(path)) }
                return .success(read)
            } catch {
                return .failure(error)
            }
        }
        let earlyCorpus = early.map { paths in Result { () throws(CorpusError) in try CorpusOpening.open(paths: paths, meter: meter) } }
        let options = ExportOptions(documents: documents.isEmpty ? nil : documents, reviewedOnly: reviewedOnly)
        // The documents' texts as the export reads them, made from that corpus while the sessions
        // are still being read; a failure is told where the bundle is made, after the sessions'.
        let earlyTexts = try? earlyCorpus?.get()
        let texts = earlyTexts.map { corpus in Result { () throws(ExportError) in try ExportDocumentTexts(corpus: corpus, options: options) } }
        var loaded: [LoadedSession] = []
        if let reading {
            meter.begin("loading sessions", total: nil, unit: .items(""))
            switch reading.wait() {
            case .success(let sessions): loaded = sessions
            case .failure(let error): throw CLIFailure(error.description)
            case nil: throw CLIFailure("the sessions could not be read")
            }
        } else {
            meter.begin("loading sessions", total: sessions.count, unit: .items("sessions"))
            for path in sessions {
                defer { meter.advance() }
                do {
                    loaded.append(try load(path))
                } catch {
                    throw CLIFailure(error.description)
                }
            }
        }
        let paths = try corpusPaths(for: loaded)
        let segmented = try loadCorpus(paths: paths, for: loaded, meter: meter, loaded: paths == early ? earlyCorpus : nil)
        let labels = ExportSession.uniqueLabels(loaded.map { (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension }, ignoringCase: true)
        let exportSessions = zip(labels, loaded).map {
            ExportSession(label: $0, annotator: $1.session.annotator, state: $1.session.state, annotations: $1.annotations)
        }
        do {
            meter.begin("preparing \(format.rawValue) export", total: nil, unit: .items(""))
            let prepared = try (paths == early ? texts : nil)?.get() ?? ExportDocumentTexts(corpus: segmented, options: options)
            let bundle = try ExportBundle(texts: prepared, sessions: exportSessions)
            meter.clear()
            for warning in bundle.warnings { StandardError.write("warning: \(warning)") }
            meter.begin("writing \(format.rawValue) files to \(out)", total: nil, unit: .items(""))
            var writer = ExportWriter(folder: out, force: force)
            writer.isStopped = { meter.isStopRequested }
            let written = try meter.writing {
                do {
                    return try writer.write(format.exporter, bundle)
                } catch where meter.isStopRequested {
                    throw ProgressMeter.stopped
                }
            }
            // The process ends after the summary: leave the session states, the corpus and the
            // bundle to the exit instead of freeing them object by object.
            KeptUntilExit.keep((loaded, exportSessions, bundle))
            for notice in format.exporter.notices(bundle) { StandardError.write("warning: \(notice)") }
            let held = format.exporter.writtenCounts(bundle)
            let missing = bundle.counts.missing(from: held)
            let left = missing.isEmpty ? "" : "; not in \(format.rawValue) files (no place for them): \(missing)"
            return "\(format.rawValue): wrote \(written) file(s) to \(TerminalText.sanitize(out)) from \(labels.count) session(s) (\(labels.joined(separator: ", "))): \(held)\(left)"
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(String(describing: error))
        }
    }

    /// A session as read for the export, with its mentions, cues and claims apart when its
    /// snapshot holds them all (every format reads them from the bundle's spans only).
    private typealias LoadedSession = (path: String, session: Session, annotations: [Record]?)

    /// Reads the session at `path` without locking it.
    private func load(_ path: String) throws(SessionError) -> LoadedSession {
        let (session, annotations) = try SessionStore.load(path: path, annotationsApart: true) { StandardError.write("warning: \($0)") }
        return (path, session, annotations)
    }

    /// The corpus paths before any session is read: those given, or those the first session's
    /// snapshot records (nil when there is no snapshot to read them from).
    private func earlyCorpusPaths() -> [String]? {
        if !corpus.isEmpty { return corpus }
        guard let first = sessions.first,
            let data = try? SessionCodec.contents(ofFile: SessionPaths(first).snapshot),
            let recorded = SessionCodec.recordedCorpus(in: data), !recorded.paths.isEmpty
        else { return nil }
        return recorded.paths.map { RecordedCorpusPath.resolve($0, nextTo: first) }
    }

    /// The corpus paths for the loaded sessions: those given, or those the first session records.
    private func corpusPaths(for loaded: [LoadedSession]) throws -> [String] {
        var paths = corpus
        if paths.isEmpty, let first = loaded.first {
            paths = first.session.corpus.paths.map { RecordedCorpusPath.resolve($0, nextTo: first.path) }
        }
        guard !paths.isEmpty else {
            throw CLIFailure("\(loaded.first?.path ?? "session"): records no corpus paths; pass --corpus PATH")
        }
        return paths
    }

    /// Loads the corpus at `paths` (or takes the one `loaded` already holds) and checks that every
    /// session belongs to it.
    private func loadCorpus(
        paths: [String], for sessions: [LoadedSession], meter: ProgressMeter,
        loaded: Result<SegmentedCorpus, CorpusError>?
    ) throws -> SegmentedCorpus {
        let segmented: SegmentedCorpus
        do {
            if let loaded { segmented = try loaded.get() } else { segmented = try CorpusOpening.open(paths: paths, meter: meter) }
        } catch {
            throw CLIFailure("\(error.description) (corpus of \(sessions.first?.path ?? "the session"); pass --corpus PATH)")
        }
        for (path, session, _) in sessions {
            if let problem = session.corpus.mismatch(with: segmented) {
                throw CLIFailure(ExportError.corpusMismatch(session: path, detail: problem).description)
            }
        }
        return segmented
    }
}

extension ExportFormat: ExpressibleByArgument {}
