import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// `workbench validate`: check session files against the format and against their corpus.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check session files: format, event log, references, and offsets and quotes against the corpus.",
        discussion: "Prints one line per problem and exits non-zero if there is any; prints one summary line per valid file."
    )

    @Argument(help: "Session files to check.", completion: CompletionKinds.sessionFile)
    var sessions: [String]

    @Option(parsing: .upToNextOption, help: "Corpus files or folders (default: the paths recorded in each session).", completion: CompletionKinds.corpus)
    var corpus: [String] = []

    func validate() throws {
        try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session)
        try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
    }

    mutating func run() throws {
        let sessions = sessions.map { SessionArgument.path($0) }, explicitCorpus = corpus
        let failed = try ProgressMeter.run { meter in Self.check(sessions, explicitCorpus: explicitCorpus, meter: meter) }
        if failed { throw ExitCode(1) }
    }

    /// Checks every session and writes what it finds; returns whether any check failed.
    private static func check(_ sessions: [String], explicitCorpus: [String], meter: ProgressMeter) -> Bool {
        var failed = false
        var loadedCorpus: (paths: [String], corpus: SegmentedCorpus)?
        for (number, path) in sessions.enumerated() {
            var corpusFailure: String?
            meter.begin("validating \(path) (\(number + 1)/\(sessions.count))", total: nil, unit: .items(""))
            let report = SessionVerifier().validate(path: path) { file in
                let corpusPaths = explicitCorpus.isEmpty ? RecordedCorpusPath.resolve(file.corpus.paths, nextTo: path) : explicitCorpus
                guard !corpusPaths.isEmpty else { return nil }
                if let loadedCorpus, loadedCorpus.paths == corpusPaths { return loadedCorpus.corpus }
                do {
                    let corpus = try CorpusOpening.open(paths: corpusPaths, meter: meter)
                    loadedCorpus = (corpusPaths, corpus)
                    meter.begin("checking \(path) against its corpus", total: nil, unit: .items(""))
                    return corpus
                } catch {
                    corpusFailure = "\(TerminalText.sanitize(path)): cannot check offsets: corpus not loadable: \(error)"
                    return nil
                }
            }
            meter.clear()
            if let corpusFailure {
                StandardError.write(corpusFailure)
                failed = true
            }
            // One line each: a line break in a name or id from the file is a placeholder, never a line of its own.
            for problem in report.problems { StandardError.write(TerminalText.sanitize(problem)) }
            for warning in report.warnings { StandardError.write("warning: " + TerminalText.sanitize(warning)) }
            // Not "valid" when the text could not be checked: the run fails, and says why on standard error.
            if report.problems.isEmpty, corpusFailure == nil, let file = report.verified?.file, let state = report.verified?.state {
                StandardOutput.line("\(TerminalText.sanitize(path)): valid: \(file.events.count) events, \(state.mentions.count + state.cues.count + state.claims.count) text annotations, \(state.speakers.count) speakers, \(state.stances.count) stances; format \(file.format) \(file.version)")
            } else {
                failed = true
            }
            // The last session's replay is left to the process exit (for a million events taking it
            // apart piece by piece is a noticeable part of the run); earlier ones go as the next is read.
            if number == sessions.count - 1 { KeptUntilExit.keep((report, loadedCorpus)) }
        }
        return failed
    }
}
