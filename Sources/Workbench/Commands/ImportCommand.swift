import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// `workbench import`: make a session from annotations made elsewhere (brat, JSONL).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a session from brat, Prodigy-style JSONL, SpkAtt-2023, Label Studio or WebAnno TSV (INCEpTION) files.",
        subcommands: [Brat.self, JSONL.self, SpkAtt.self, LabelStudio.self, WebAnno.self]
    )

    /// Options shared by both importers.
    struct Common: ParsableArguments {
        @Option(help: "Session name (sessions/NAME.json) or path anywhere, e.g. ~/nk/anna.json (default: the annotator's name).", completion: CompletionKinds.sessionName)
        var session: String?

        @Option(help: "Annotator of the new session (default: the one recorded in the files).")
        var annotator: String?

        @Option(help: "When the files hold several sessions: the one to import.")
        var only: String?

        @Option(parsing: .upToNextOption, help: "Corpus files or folders the annotations refer to.", completion: CompletionKinds.corpus)
        var corpus: [String] = []

        @Option(help: "Folder of sessions.", completion: CompletionKinds.folder)
        var sessions = "sessions"

        func validate() throws {
            try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
            try EmptyPathArgument.refuse(sessions, as: "--sessions", naming: "the folder of sessions")
        }

        /// Loads the corpus from `--corpus` (or `fallback`, or the default corpus).
        func loadCorpus(fallback: [String] = [], meter: ProgressMeter) throws -> SegmentedCorpus {
            let paths = try DefaultCorpus.paths(corpus.isEmpty ? fallback : corpus, naming: "--corpus PATH")
            do {
                return try CorpusOpening.open(paths: paths, meter: meter)
            } catch {
                throw CLIFailure(error.description)
            }
        }

        /// The session file for the name given (or `fallback`), once the new session's annotator
        /// (`annotator`: `--annotator`, else the name the imported files record) is checked as every
        /// person's name is (``AnnotateCommand/annotatorName(_:role:fromLogin:)``). A name an imported
        /// file records never names a path: without `--session` it is only a file name in the sessions
        /// folder, so a file cannot choose where the session is written.
        func sessionPath(fallback annotator: String) throws -> String {
            let name: String
            switch AnnotateCommand.checkedAnnotatorName(annotator) {
            case .success(let checked): name = checked
            case .failure(let refusal):
                // `--annotator` given: its own refusal; a name the files record: said so.
                guard self.annotator == nil else { throw refusal }
                throw CLIFailure(
                    "the imported files record the annotator '\(TerminalText.sanitize(annotator))', which is refused as a name: "
                        + "a name may not be empty or hold '/' or control characters (tabs, line breaks, escapes, bidi controls "
                        + "such as U+202E); pass --annotator NAME (and --session NAME to choose the session file)")
            }
            return try CLIFailure.from { try SessionPaths.path(for: session ?? name, in: sessions) }
        }

        /// The corpus file written beside a session: `--corpus-out`, else the session path with
        /// `.corpus.jsonl`; refused when it is a device, a pipe or a folder.
        static func corpusPath(_ corpusOut: String?, sessionPath: String) throws -> String {
            let path = corpusOut ?? (sessionPath.hasSuffix(".json") ? String(sessionPath.dropLast(5)) : sessionPath) + ".corpus.jsonl"
            if let refusal = OutputFile.refusal(path) {
                throw CLIFailure("\(path): \(refusal); choose a file with --corpus-out")
            }
            return path
        }

        /// Writes a session's corpus (`bytes`, JSONL) to `path`, or leaves it when the file holds
        /// these bytes already; refuses a file with other documents. Returns whether it wrote.
        static func writeCorpus(_ bytes: [UInt8], to path: String) throws -> Bool {
            if let existing = FileManager.default.contents(atPath: path) {
                guard [UInt8](existing) == bytes else {
                    throw CLIFailure("\(path) exists already with other documents; choose another file with --corpus-out")
                }
                return false
            }
            do {
                try AtomicFile.write(Data(bytes), to: path)
            } catch {
                throw CLIFailure("\(path): cannot write the corpus: \(error.description)")
            }
            return true
        }

        /// Saves the imported session, refusing to replace an existing file; `before` runs once the
        /// session's lock is held and before the session is written (to write its corpus, so the
        /// session never names a corpus that is not there) and returns the file it wrote, if any. The
        /// pair is all or nothing: when the session cannot be written, that file is removed again.
        /// `writer` writes the session's files (a test's full disk).
        func save(
            _ session: Session, kind: String, writer: FileWriting = FileWriting(), before: (String) throws -> String? = { _ in nil }
        ) throws -> String {
            do {
                let path = try sessionPath(fallback: session.annotator)
                let file = try LockedSessionFile(path: path, now: Timestamp.now())
                defer { file.release() }
                if let existing = file.existingFile {
                    let what = existing == file.realPath ? path : "its log " + SessionPaths(path).log
                    throw CLIFailure("\(what) exists already; choose another name with --session")
                }
                let written = try before(path)
                do { try file.write(session.file, with: writer) } catch {
                    if let written { unlink(written) }
                    throw error
                }
                let state = session.state
                return ("import \(kind): wrote \(path): \(state.mentions.count) speaker mentions, \(state.cues.count) cues, \(state.claims.count) claims, \(state.speakers.count) speakers, \(state.targets.count) targets, \(state.stances.count) stances, \(state.notes.count) notes (\(session.events.count) events)")
            } catch let error as CLIFailure {
                throw error
            } catch let error as SessionError {
                throw CLIFailure(error.description)
            } catch {
                throw CLIFailure("cannot save the session: \(error.localizedDescription)")
            }
        }
    }

    /// `workbench import brat DIR`.
    struct Brat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "brat", abstract: "Import a brat folder (<id>.txt + <id>.ann; the .txt files are the corpus unless --corpus is given).")

        @Argument(help: "The brat folder.", completion: CompletionKinds.folder)
        var folder: String

        @Option(help: "Without --corpus, when file names encode document ids (an export's a%2Fb.txt for a/b): where to write the corpus under those ids (default: the session path with .corpus.jsonl). Not with --corpus.", completion: CompletionKinds.jsonl)
        var corpusOut: String?

        @OptionGroup var common: Common

        /// `--corpus-out` writes the folder's documents as the session's corpus; with `--corpus` the
        /// session refers to that corpus and there is nothing to write, so the pair is refused
        /// rather than `--corpus-out` being ignored.
        func validate() throws(ValidationError) {
            try EmptyPathArgument.refuse(folder, as: "the brat folder", naming: "the folder of .txt and .ann files")
            try EmptyPathArgument.refuse(corpusOut, as: "--corpus-out", naming: "the file to write the corpus into")
            if corpusOut != nil, !common.corpus.isEmpty {
                throw ValidationError(
                    "--corpus-out writes the brat folder's documents as the session's corpus, but with --corpus the session refers to that corpus and nothing is written: drop --corpus-out (or drop --corpus to take the folder's .txt files as the corpus)")
            }
        }

        mutating func run() throws {
            let common = common, folder = folder, corpusOut = corpusOut
            let (summary, notes) = try ProgressMeter.run { meter -> (String, [String]) in
                var corpus = try common.loadCorpus(fallback: [folder], meter: meter)
                // The folder as the corpus: the ids an export encoded in the file names (a%2Fb.txt
                // holds a/b), written as a corpus beside the session when any differs from its name.
                let folderCorpus = common.corpus.isEmpty ? BratFolderCorpus(corpus.corpus.documents, folder: folder) : nil
                var notes = folderCorpus?.notes ?? []
                var decoded: BratFolderCorpus?
                if let folderCorpus, folderCorpus.renamed > 0 {
                    corpus = SegmentedCorpus(Corpus(documents: folderCorpus.documents, paths: corpus.corpus.paths, warnings: corpus.corpus.warnings))
                    decoded = folderCorpus
                }
                do {
                    meter.begin("importing \(folder)", total: nil, unit: .items(""))
                    var session = try BratImporter().load(folder: folder, corpus: corpus, annotator: common.annotator, only: common.only, time: Timestamp.now())
                    meter.begin("saving the session", total: nil, unit: .items(""))
                    guard let decoded else { return (try meter.writing { try common.save(session, kind: "brat") }, notes) }
                    let corpusPath = try Common.corpusPath(corpusOut, sessionPath: try common.sessionPath(fallback: session.annotator))
                    session.corpus.paths = [corpusPath]
                    let summary = try meter.writing {
                        try common.save(session, kind: "brat") { _ in
                            try meter.checkStop()
                            return try Common.writeCorpus(decoded.jsonl, to: corpusPath) ? corpusPath : nil
                        }
                    }
                    notes.append("import brat: \(decoded.renamed) file name(s) encode their document ids (as export writes them); the documents are kept under those ids in \(corpusPath), the session's corpus")
                    return (summary, notes)
                } catch let error as ExportError {
                    throw CLIFailure(error.description)
                }
            }
            for note in notes { StandardError.write("note: " + TerminalText.sanitize(note)) }
            StandardOutput.line(summary)
        }
    }

    /// `workbench import jsonl FILE…`.
    struct JSONL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jsonl", abstract: "Import Prodigy-style JSONL (annotations.jsonl and entities.jsonl; corpus default: seeds/).")

        @Argument(help: "The JSONL files.", completion: CompletionKinds.jsonl)
        var files: [String]

        @OptionGroup var common: Common

        func validate() throws {
            try EmptyPathArgument.refuse(files, as: "a file argument", naming: "a JSONL file (as export --format jsonl writes)")
        }

        mutating func run() throws {
            let common = common, files = files
            let summary = try ProgressMeter.run { meter in
                let corpus = try common.loadCorpus(meter: meter)
                do {
                    meter.begin("importing \(files.count) file(s)", total: nil, unit: .items(""))
                    let session = try JSONLImporter().load(paths: files, corpus: corpus, annotator: common.annotator, only: common.only, time: Timestamp.now())
                    meter.begin("saving the session", total: nil, unit: .items(""))
                    return try meter.writing { try common.save(session, kind: "jsonl") }
                } catch let error as ExportError {
                    throw CLIFailure(error.description)
                }
            }
            StandardOutput.line(summary)
        }
    }

    /// `workbench import spkatt DIR|FILE…`.
    struct SpkAtt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "spkatt",
            abstract: "Import SpkAtt-2023 task 2 JSON files (one pre-tokenized document each; the corpus is written as JSONL beside the session).")

        @Argument(help: "SpkAtt JSON files or folders of them.")
        var paths: [String]

        @Option(help: "Where to write the corpus of pre-tokenized documents (default: the session path with .corpus.jsonl).", completion: CompletionKinds.jsonl)
        var corpusOut: String?

        @OptionGroup var common: Common

        func validate() throws {
            try EmptyPathArgument.refuse(paths, as: "a path argument", naming: "a SpkAtt JSON file or a folder of them")
            try EmptyPathArgument.refuse(corpusOut, as: "--corpus-out", naming: "the file to write the corpus into")
        }

        mutating func run() throws {
            let annotator = common.annotator ?? "spkatt"
            let sessionPath = try common.sessionPath(fallback: annotator)
            let corpusPath = try Common.corpusPath(corpusOut, sessionPath: sessionPath)
            let common = common, paths = paths
            let (summary, corpusNote) = try ProgressMeter.run { meter -> (String, String?) in
                meter.begin("reading \(paths.count) SpkAtt path(s)", total: nil, unit: .items(""))
                let result = try CLIFailure.from {
                    try SpkAttImporter().load(paths: paths, corpusPath: corpusPath, annotator: annotator, time: Timestamp.now())
                }
                let bytes = PretokenizedRecord.jsonl(result.corpus.corpus.documents)
                meter.begin("saving the session and its corpus", total: nil, unit: .items(""))
                var corpusNote: String?
                let summary = try meter.writing {
                    try common.save(result.session, kind: "spkatt") { _ in
                        try meter.checkStop()
                        guard try Common.writeCorpus(bytes, to: corpusPath) else { return nil }
                        corpusNote = "import spkatt: wrote the corpus (\(result.corpus.documents.count) pre-tokenized documents) to \(TerminalText.sanitize(corpusPath))"
                        return corpusPath
                    }
                }
                return (summary, corpusNote)
            }
            if let corpusNote { StandardOutput.line(corpusNote) }
            StandardOutput.line(summary)
        }
    }

    /// `workbench import labelstudio FILE`.
    struct LabelStudio: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "labelstudio", abstract: "Import Label Studio tasks (tasks.json as exported; corpus default: seeds/).")

        @Argument(help: "The tasks file (a JSON list of tasks).")
        var file: String

        @OptionGroup var common: Common

        func validate() throws {
            try EmptyPathArgument.refuse(file, as: "the tasks file", naming: "a Label Studio tasks file (a JSON list of tasks)")
        }

        mutating func run() throws {
            let common = common, file = file
            let summary = try ProgressMeter.run { meter in
                let corpus = try common.loadCorpus(meter: meter)
                do {
                    let session = try LabelStudioImporter().load(path: file, corpus: corpus, annotator: common.annotator, only: common.only, time: Timestamp.now())
                    return try meter.writing { try common.save(session, kind: "labelstudio") }
                } catch let error as ExportError {
                    throw CLIFailure(error.description)
                }
            }
            StandardOutput.line(summary)
        }
    }

    /// `workbench import webanno DIR|FILE…`.
    struct WebAnno: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "webanno", abstract: "Import WebAnno TSV 3.3 files of the Attribution layers (from export or INCEpTION; corpus default: seeds/).")

        @Argument(help: "WebAnno TSV files (<document id>.tsv) or folders of them.")
        var paths: [String]

        @OptionGroup var common: Common

        func validate() throws {
            try EmptyPathArgument.refuse(paths, as: "a path argument", naming: "a WebAnno TSV file or a folder of them")
        }

        mutating func run() throws {
            let common = common, paths = paths
            let summary = try ProgressMeter.run { meter in
                let corpus = try common.loadCorpus(meter: meter)
                do {
                    let session = try WebAnnoImporter().load(paths: paths, corpus: corpus, annotator: common.annotator, time: Timestamp.now())
                    return try meter.writing { try common.save(session, kind: "webanno") }
                } catch let error as ExportError {
                    throw CLIFailure(error.description)
                }
            }
            StandardOutput.line(summary)
        }
    }
}
