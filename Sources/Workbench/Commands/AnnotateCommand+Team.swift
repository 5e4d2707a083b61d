import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal
import WorkbenchTeam

extension AnnotateCommand {
    /// `annotate --team URL` (parsed at the command line, ``TeamURLArgument``): the same REPL on the connecting role's session in the team database,
    /// over the annotator's assigned documents (all documents when nothing is assigned). Every
    /// acknowledged edit is committed in the database before the reply.
    func runInTeam(url databaseURL: DatabaseURL, clock: EventClock) throws -> Int32 {
        var clock = clock
        let role = try annotator.map { name throws(CLIFailure) -> String in try Self.annotatorName(name) }
        let store: TeamSessionStore
        var documents: [Document] = []
        do {
            store = try TeamSessionStore(url: databaseURL, user: role) { project, name throws(TeamError) -> Session in
                let (corpus, schema) = try project.corpus()
                let now = clock.now()
                return Session(annotator: name, corpus: CorpusReference(SegmentedCorpus(corpus)), schema: schema, created: now)
            }
            let project = try TeamProject(connection: PostgresConnection(url: databaseURL, applicationName: "workbench corpus", user: role))
            let corpus = try project.corpus().corpus
            let assigned = Set(try project.assignedDocuments(of: store.name))
            documents = assigned.isEmpty ? corpus.documents : corpus.documents.filter { assigned.contains($0.id) }
            project.connection.close()
        } catch where error.sqlState == "42501" {
            throw CLIFailure(Self.lackingRight(error, url: databaseURL, user: role))
        } catch {
            throw CLIFailure(error.commandDescription)
        }
        let segmented = SegmentedCorpus(Corpus(documents: documents))
        for warning in store.openingWarnings { StandardError.write("warning: " + TerminalText.sanitize(warning)) }
        let capabilities = TerminalCapabilities.detect()
        let interactive = capabilities.isInteractive
        let completion = CompletionSource()
        let editor = capabilities.makeLineEditor(historyPath: nil, stopSignalsEndInput: true) { line, cursor in
            completion.provider.candidates(line: line, cursor: cursor)
        }
        let shell = AnnotationShell(
            store: store, corpus: segmented, clock: clock, annotator: store.name,
            width: interactive ? TerminalText.terminalWidth() : 100)
        var repl = AnnotationREPL(shell: shell, editor: editor, style: TerminalStyle(noColor: color.noColor), interactive: interactive, completion: completion)
        repl.timings = commandTimings.map { CommandTimingLog(path: $0) }
        return repl.run()
    }

    /// The refusal of a member without the right to annotate, naming the team roles the login has
    /// (none: it is no member of this team; reviewer: reviewers only read) and who grants the one
    /// it lacks; the database's own words stay as the reason.
    static func lackingRight(_ error: TeamError, url: DatabaseURL, user: String?) -> String {
        guard let project = try? TeamProject(connection: PostgresConnection(url: url, applicationName: "workbench rights", user: user)) else {
            return error.commandDescription
        }
        defer { project.connection.close() }
        guard let roles = try? project.teamRoles() else { return error.commandDescription }
        let who = TerminalText.sanitize(project.connection.user)
        let has = roles.isEmpty
            ? "\(who) has no team role in \(url.redacted) (it is not a member of this team)"
            : "\(who) is \(roles.joined(separator: " and ")) in \(url.redacted)" + (roles == ["reviewer"] ? " (reviewers only read)" : "")
        return "\(has): annotate --team needs the role annotator (or adjudicator); the project owner grants it with "
            + "workbench team add-annotator \(who) --role annotator, which also hands out a new password (the database said: \(error.refusalReason))"
    }
}
