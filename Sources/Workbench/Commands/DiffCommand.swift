import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTeam
import WorkbenchTerminal

/// `workbench diff`: a readable diff of two sessions of one corpus.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how two sessions of the same corpus differ.",
        discussion: """
            Lines per document and sentence: "-" only in A, "+" only in B, "~" changed (with what changed). \
            Annotations of an adjudicated session are matched to those of its inputs through their origin (the \
            input's file name and id); when one session was derived from the other otherwise (its derived_from \
            names the other's file, as review and replay --out write it), by id; otherwise by kind, span and \
            speaker (speakers by name and aliases, one to one; stances by speaker and target). Sessions of \
            different corpora are refused (exit status 1).
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "The first session file (A).", completion: CompletionKinds.sessionFile)
    var first: String = ""

    @Argument(help: "The second session file (B).", completion: CompletionKinds.sessionFile)
    var second: String = ""

    func validate() throws {
        // Checked here rather than in run(), so the usage shown is this command's.
        if team == nil, first.isEmpty || second.isEmpty { throw ValidationError("give two session files, A and B") }
    }

    mutating func run() throws {
        // How the output names the two sessions: their paths, or for team sessions the names the
        // pull returns (their private copies are gone when the command ends).
        var shown: (first: String, second: String)?
        if let team {
            let pulled = try TeamSessions.pull(team, exactly: 2, of: [first, second], command: "diff")
            first = pulled[0].path
            second = pulled[1].path
            shown = (pulled[0].shown, pulled[1].shown)
        } else {
            first = SessionArgument.path(first)
            second = SessionArgument.path(second)
        }
        let paths = [first, second]
        let (loaded, lookup) = try ProgressMeter.run { meter in
            let loaded = try LoadedSession.load(paths, meter: meter)
            return (loaded, SentenceTextLookup(corpus: loaded[0].session.corpus, meter: meter))
        }
        let a = loaded[0], b = loaded[1]
        try CLIFailure.from { try AgreementReport.checkSameCorpus(annotators: [a.name, b.name], sessions: [a.session, b.session]) }
        // Each as the other's origins name it: by the inputs an adjudication records (sessions of
        // one file name in different folders are `anna` and `anna-2` there), else by file name.
        func label(of session: LoadedSession, in other: LoadedSession) -> String? {
            guard let inputs = other.session.derivedFrom, !inputs.isEmpty else { return AdjudicationInputs.label(of: session.path) }
            return AdjudicationInputs(paths: inputs).label(for: session.path)
        }
        let labels = (first: label(of: a, in: b), second: label(of: b, in: a))
        // A session adjudicated from the other renumbers: its annotations name where they came from.
        let adjudicatedFromFirst = Self.namesOrigins(in: b.session.state, from: labels.first)
        let adjudicatedFromSecond = Self.namesOrigins(in: a.session.state, from: labels.second)
        let linked = adjudicatedFromFirst || adjudicatedFromSecond
        let byID = !linked && (Self.descends(b.session, from: a.path) || Self.descends(a.session, from: b.path))
        let diff = SessionDiff(a.session.state, b.session.state, matchByID: byID, labels: labels)
        var output = StandardOutput()
        let names = shown ?? (a.path, b.path)
        output.write(diff.rendered(firstName: names.first, secondName: names.second, sentenceText: { lookup.text($0) }, escape: { TerminalText.sanitize($0) }))
        if byID { output.write("(matched by id: one session derives from the other)\n") }
        if linked {
            let (derived, source) = adjudicatedFromFirst ? (names.second, names.first) : (names.first, names.second)
            output.write("(matched through origin: the annotations of \(derived) name the ones of \(source) they were adjudicated from)\n")
        }
        output.flush()
    }

    /// True when an annotation of `state` names the session labelled `label` in its origin.
    static func namesOrigins(in state: AnnotationState, from label: String?) -> Bool {
        guard let label else { return false }
        func names(_ origin: Origin?) -> Bool { origin?.from?.contains { $0.session == label } ?? false }
        return state.claims.values.contains { names($0.origin) } || state.mentions.values.contains { names($0.origin) }
            || state.cues.values.contains { names($0.origin) } || state.stances.values.contains { names($0.origin) }
            || state.speakers.values.contains { names($0.origin) }
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
