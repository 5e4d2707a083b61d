import Annotations
import ArgumentParser
import Foundation
import WorkbenchTeam
import WorkbenchShell
import WorkbenchTerminal

/// `workbench stats`: progress and counts per session and in total.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show progress, annotation counts, speakers, the stance matrix and time per decision.",
        discussion: "Time per decision is the gap between consecutive events; gaps over 5 minutes count as pauses and are left out."
    )

    @OptionGroup var teamSessions: TeamSessionsOption
    /// The team database the sessions are read from, if any.
    var team: DatabaseURL? { teamSessions.team }

    @Argument(help: "Session files.", completion: CompletionKinds.sessionFile)
    var sessions: [String] = []

    @Flag(help: "Machine-readable JSON output.")
    var json = false

    /// Speakers listed by name in the text summary (the most mentioned first).
    static let speakersShown = 25

    func validate() throws {
        // One session named twice (again, by its log, through a link) would be counted twice.
        if let problem = LoadedSession.repeated(sessions) { throw ValidationError(problem) }
        // Checked here rather than in run(), so the usage shown is this command's.
        if team == nil, sessions.isEmpty { throw ValidationError("give one or more session files (or --team URL: all its sessions)") }
        try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session)
    }

    mutating func run() throws {
        // A team session is read from a private copy removed at exit: it is labelled by its name.
        let labelled: [(path: String, label: String, shown: String)]
        if let team {
            labelled = try TeamSessions.pull(team, names: sessions).map { ($0.path, $0.name, $0.shown) }
        } else {
            labelled = sessions.map { SessionArgument.path($0) }.map { ($0, $0, $0) }
        }
        var parts: [(String, SessionStats)] = []
        for (path, label, shown) in labelled {
            let file = try SessionInput.file(at: path)
            do {
                parts.append((label, try SessionStats(file: file)))
            } catch {
                throw CLIFailure("\(TerminalText.sanitize(shown)): \(error.description)")
            }
        }
        let total = SessionStats.total(parts.map(\.1))
        if json {
            let value = JSONValue.object([
                ("sessions", .array(parts.map { .object([("path", .string($0.0)), ("stats", $0.1.json)]) })),
                ("total", total.json),
            ])
            var output = StandardOutput()
            output.writeJSON(value.pretty() + "\n")
            output.flush()
            return
        }
        var output = StandardOutput()
        for (path, stats) in parts { write(stats, title: TerminalText.sanitize(path), to: &output) }
        if parts.count > 1 { write(total, title: "total (\(parts.count) sessions)", to: &output) }
        output.flush()
    }

    private func write(_ stats: SessionStats, title: String, to output: inout StandardOutput) {
        func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f s", $0) } ?? "–" }
        output.write(title + "\n")
        output.write("  events: \(stats.events), commands: \(stats.commands.commands), undo: \(stats.commands.undos) (\(String(format: "%.1f", stats.commands.undoRate * 100))%)\n")
        output.write("  documents done: \(stats.documentsDone)/\(stats.documents), sentences done: \(stats.sentencesDone)/\(stats.sentences)\n")
        output.write("  annotations: " + SessionStats.kinds.map { "\($0) \(stats.annotations[$0] ?? 0)" }.joined(separator: ", ") + "\n")
        output.write("  claims: \(stats.jointClaims) with several speakers, \(stats.addressedClaims) with an addressee\n")
        // The most mentioned speakers; a session with thousands would otherwise fill the screen
        // with one line (--json lists every speaker).
        let ranking = stats.speakerRanking
        var speakers = ranking.prefix(Self.speakersShown).map { "\(TerminalText.sanitize($0.name)) (\($0.mentions))" }
        if ranking.count > Self.speakersShown { speakers.append("… and \(ranking.count - Self.speakersShown) more (--json lists all)") }
        output.write("  speakers (mentions): " + (speakers.isEmpty ? "none" : speakers.joined(separator: ", ")) + "\n")
        let cells = stats.stanceCells
        output.write("  stances (speaker × target):" + (cells.isEmpty ? " none" : "") + "\n")
        for cell in cells {
            let labels = cell.labels.sorted { $0.key < $1.key }.map { $0.value == 1 ? $0.key : "\($0.key) ×\($0.value)" }
            output.write("    \(TerminalText.sanitize(cell.speaker)) → \(EventDescription.quote(TerminalText.sanitize(cell.target))): \(labels.joined(separator: ", "))\n")
        }
        output.write("  time per decision: median \(seconds(stats.medianDecision)), p90 \(seconds(stats.p90Decision)) (\(stats.decisionTimes.count) intervals)\n")
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
        output.write("  suggestions (per rule):" + (stats.suggestions.isEmpty ? " none accepted or rejected" : "") + "\n")
        for (rule, outcome) in stats.suggestions.sorted(by: { $0.key < $1.key }) {
            output.write("    \(TerminalText.sanitize(rule)): accepted \(outcome.accepted), rejected \(outcome.rejected), "
                + "corrected \(outcome.corrected) (acceptance \(percent(outcome.acceptanceRate)), correction \(percent(outcome.correctionRate)))\n")
        }
    }
}
