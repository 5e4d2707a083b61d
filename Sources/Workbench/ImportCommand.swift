import Annotations
import ArgumentParser
import Foundation

/// `workbench import`: make a session from annotations made elsewhere (brat, JSONL).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a session from a brat folder or Prodigy-style JSONL files.",
        subcommands: [Brat.self, JSONL.self]
    )

    /// Options shared by both importers.
    struct Common: ParsableArguments {
        @Option(help: "Session name or file inside sessions/ (default: the annotator's name).")
        var session: String?

        @Option(help: "Annotator of the new session (default: the one recorded in the files).")
        var annotator: String?

        @Option(help: "When the files hold several sessions: the one to import.")
        var only: String?

        @Option(parsing: .upToNextOption, help: "Corpus files or folders the annotations refer to.")
        var corpus: [String] = []

        @Option(help: "Folder of sessions.")
        var sessions = "sessions"

        /// Loads the corpus from `paths` (or `fallback`).
        func loadCorpus(fallback: [String]) throws -> SegmentedCorpus {
            do {
                return SegmentedCorpus(try CorpusLoader().load(paths: corpus.isEmpty ? fallback : corpus))
            } catch {
                throw CLIFailure(error.description)
            }
        }

        /// Saves the imported session, refusing to replace an existing file.
        func save(_ session: Session, kind: String) throws {
            let name = self.session ?? session.annotator
            do {
                let path = try SessionLocation(folder: sessions).path(for: name)
                let file = try LockedSessionFile(path: path, now: Timestamp.now())
                defer { file.release() }
                if file.exists {
                    throw CLIFailure("\(path) exists already; choose another name with --session")
                }
                try file.write(session.file)
                let state = session.state
                StandardOutput.line("import \(kind): wrote \(path): \(state.mentions.count) speaker mentions, \(state.cues.count) cues, \(state.claims.count) claims, \(state.speakers.count) speakers, \(state.targets.count) targets, \(state.stances.count) stances, \(state.notes.count) notes (\(session.events.count) events)")
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

        @Argument(help: "The brat folder.")
        var folder: String

        @OptionGroup var common: Common

        mutating func run() throws {
            let corpus = try common.loadCorpus(fallback: [folder])
            do {
                let session = try BratImporter().load(folder: folder, corpus: corpus, annotator: common.annotator, only: common.only, time: Timestamp.now())
                try common.save(session, kind: "brat")
            } catch let error as ExportError {
                throw CLIFailure(error.description)
            }
        }
    }

    /// `workbench import jsonl FILE…`.
    struct JSONL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jsonl", abstract: "Import Prodigy-style JSONL (annotations.jsonl and entities.jsonl; corpus default: seeds/).")

        @Argument(help: "The JSONL files.")
        var files: [String]

        @OptionGroup var common: Common

        mutating func run() throws {
            let corpus = try common.loadCorpus(fallback: ["seeds"])
            do {
                let session = try JSONLImporter().load(paths: files, corpus: corpus, annotator: common.annotator, only: common.only, time: Timestamp.now())
                try common.save(session, kind: "jsonl")
            } catch let error as ExportError {
                throw CLIFailure(error.description)
            }
        }
    }
}
