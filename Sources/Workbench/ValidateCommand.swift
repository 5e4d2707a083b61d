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
        for path in sessions {
            var corpusPaths = corpus
            if corpusPaths.isEmpty, let data = FileManager.default.contents(atPath: path),
                let file = try? SessionCodec.decode(data, path: path)
            {
                corpusPaths = file.corpus.paths
            }
            var segmented: SegmentedCorpus?
            if !corpusPaths.isEmpty {
                do {
                    segmented = SegmentedCorpus(try CorpusLoader().load(paths: corpusPaths))
                } catch {
                    StandardError.write("\(path): cannot check offsets: corpus not loadable: \(error.description)")
                    failed = true
                }
            }
            let problems = SessionValidator().problems(path: path, corpus: segmented)
            for problem in problems { StandardError.write(problem) }
            if problems.isEmpty {
                if let session = try? SessionStore.load(path: path) {
                    let state = session.state
                    print("\(path): valid: \(session.events.count) events, \(state.mentions.count + state.cues.count + state.claims.count) text annotations, \(state.speakers.count) speakers, \(state.stances.count) stances")
                }
            } else {
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
