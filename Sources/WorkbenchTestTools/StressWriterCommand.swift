import Annotations
import ArgumentParser
import Foundation
import WorkbenchTerminal

/// `WorkbenchTestTools stress-writer SESSION`: performs edits on a session and prints `ack SEQ` after each acknowledged
/// one, so a test can kill the process at any moment and check that every acknowledged edit survived.
struct StressWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-writer", abstract: "Edit a session, printing `ack SEQ` after each acknowledged edit (for tests).")

    @Argument var session: String
    @Option var count = 200

    mutating func run() throws {
        let corpus = CorpusReference(paths: [], segmenter: SentenceSegmenter.version, documents: [])
        let store = try SessionStore(path: session, now: Timestamp.now()) {
            Session(annotator: "stress", corpus: corpus, created: Timestamp.now())
        }
        store.autosaveEvery = 7
        for _ in 0..<count {
            let id = store.session.state.nextID("T")
            let event = try store.perform(.add(.target(Target(id: id, text: "Ziel \(id) „geprüft“"))), time: Timestamp.now())
            StandardOutput.line("ack \(event.seq)")
            if let notice = store.saveIfDue() { StandardError.write("warning: " + notice) }
        }
        try store.close()
    }
}
