import Annotations
import ArgumentParser
import Foundation

/// `workbench diff`: a readable diff of two sessions of one corpus.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how two sessions of the same corpus differ.",
        discussion: """
            Lines per document and sentence: "-" only in A, "+" only in B, "~" changed (with what changed). \
            When one session was derived from the other (its derived_from names the other's file), annotations \
            are matched by id; otherwise by kind and span (speakers by name and aliases, stances by speaker and \
            target). Sessions of different corpora are refused (exit status 1).
            """
    )

    @Argument(help: "The first session file (A).")
    var first: String

    @Argument(help: "The second session file (B).")
    var second: String

    mutating func run() throws {
        let loaded = try LoadedSession.load([first, second])
        let a = loaded[0], b = loaded[1]
        do {
            try AgreementReport.checkSameCorpus(annotators: [a.name, b.name], sessions: [a.session, b.session])
        } catch {
            throw CLIFailure(error.description)
        }
        let byID = Self.descends(b.session, from: a.path) || Self.descends(a.session, from: b.path)
        let diff = SessionDiff(a.session.state, b.session.state, matchByID: byID)
        let lookup = SentenceTextLookup(corpus: a.session.corpus)
        var output = StandardOutput()
        output.write(diff.rendered(firstName: a.path, secondName: b.path) { lookup.text($0) })
        output.write(byID ? "(matched by id: one session derives from the other)\n" : "")
        output.flush()
    }

    /// True when `session` names `path` (its file name, with or without `.json`) among the sessions it was derived from.
    static func descends(_ session: Session, from path: String) -> Bool {
        let file = (path as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        return (session.derivedFrom ?? []).contains { source in
            let name = (source as NSString).lastPathComponent
            return source == path || name == file || name == stem || (name as NSString).deletingPathExtension == stem
        }
    }
}
