import Annotations
import ArgumentParser
import Foundation

/// `workbench validate`: check session files against the format and against their corpus.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check session files: format, event log, references, and offsets and quotes against the corpus.",
        discussion: "Prints one line per problem and exits non-zero if there is any; prints one summary line per valid file."
    )

    @Argument(help: "Session files to check.")
    var sessions: [String]

    @Option(parsing: .upToNextOption, help: "Corpus files or folders (default: the paths recorded in each session).")
    var corpus: [String] = []

    mutating func run() throws {
        var failed = false
        let explicitCorpus = corpus
        for path in sessions {
            var corpusFailure: String?
            let report = SessionValidator().report(path: path) { file in
                let corpusPaths = explicitCorpus.isEmpty ? file.corpus.paths : explicitCorpus
                guard !corpusPaths.isEmpty else { return nil }
                do {
                    return SegmentedCorpus(try CorpusLoader().load(paths: corpusPaths))
                } catch {
                    corpusFailure = "\(path): cannot check offsets: corpus not loadable: \(error)"
                    return nil
                }
            }
            if let corpusFailure {
                StandardError.write(corpusFailure)
                failed = true
            }
            for problem in report.problems { StandardError.write(problem) }
            if report.problems.isEmpty, let file = report.file, let state = report.state {
                StandardOutput.line("\(path): valid: \(file.events.count) events, \(state.mentions.count + state.cues.count + state.claims.count) text annotations, \(state.speakers.count) speakers, \(state.stances.count) stances")
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
