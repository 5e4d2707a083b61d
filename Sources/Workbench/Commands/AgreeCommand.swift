import Annotations
import ArgumentParser
import Foundation
import WorkbenchShell
import WorkbenchTeam
import WorkbenchTerminal

/// `workbench agree`: inter-annotator agreement between sessions of one corpus.
struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Inter-annotator agreement between sessions of the same corpus.",
        discussion: """
            Per layer (mentions, cues, claims, attribution, stance, status), pairwise and for all annotators: \
            exact and overlap F1 of spans, Cohen's κ of claim forms, same-speaker shares, Cohen's/Fleiss' κ and \
            Krippendorff's α of stances, sentence status agreement. Only documents every annotator touched are \
            scored. An undefined value (no items, a single category) prints as n/a (null in JSON). Sessions of \
            different corpora are refused (exit status 1).
            """
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "Session files, one per annotator (at least two).", completion: CompletionKinds.sessionFile)
    var sessions: [String] = []

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @Flag(name: .customLong("by-document"), help: "Add a breakdown per document.")
    var byDocument = false

    @Flag(help: "List every disagreement with its sentence.")
    var disagreements = false

    func validate() throws {
        if team == nil, sessions.count < 2 { throw ValidationError("give at least two session files, one per annotator") }
        try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session)
        if let problem = LoadedSession.repeated(sessions) { throw ValidationError(problem) }
    }

    mutating func run() throws {
        if let team { sessions = try TeamSessions.pull(team, names: sessions).map(\.path) } else { sessions = sessions.map { SessionArgument.path($0) } }
        let sessions = sessions, disagreements = disagreements
        let report = try ProgressMeter.run { meter throws -> AgreementReport in
            let loaded = try LoadedSession.load(sessions, meter: meter)
            do {
                let lookup = disagreements ? SentenceTextLookup(corpus: loaded[0].session.corpus, meter: meter) : nil
                meter.begin("computing agreement", total: nil, unit: .items(""))
                return try AgreementReport(annotators: loaded.map(\.name), sessions: loaded.map(\.session)) { lookup?.text($0) }
            } catch {
                throw CLIFailure(String(describing: error))
            }
        }
        var output = StandardOutput()
        if json {
            output.writeJSON(report.json(byDocument: byDocument, disagreements: disagreements).pretty() + "\n")
        } else {
            output.write(report.table(byDocument: byDocument, disagreements: disagreements, escape: { TerminalText.sanitize($0) }))
        }
        output.flush()
        for warning in report.warnings where json { StandardError.write("warning: \(warning)") }
    }
}
