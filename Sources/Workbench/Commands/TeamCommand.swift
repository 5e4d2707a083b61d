import Annotations
import ArgumentParser
import Foundation
import WorkbenchTeam
import WorkbenchShell
import WorkbenchTerminal

/// `workbench team …`: set up and follow a team that annotates on one PostgreSQL server.
struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Team mode: many annotators on one PostgreSQL database (init, add-annotator, assign, status, pull, push).",
        discussion: """
            Credentials come from the URL, the environment (PGPASSWORD, PGUSER, …) or ~/.pgpass (PGPASSFILE); \
            they are never printed. Each person logs in as their own database role: rights are enforced by the \
            database. See docs/team.md.
            """,
        subcommands: [TeamInitCommand.self, TeamAddAnnotatorCommand.self, TeamAssignCommand.self, TeamStatusCommand.self,
            TeamPullCommand.self, TeamPushCommand.self]
    )

    /// The team database: the URL given on the command line (read by libpq's parser when the command
    /// line was parsed, ``TeamURLArgument``), else `WORKBENCH_TEAM`, read here the same way. A string
    /// libpq refuses, or none at all, is a usage error, before anything else is done (a corpus loaded,
    /// a file written); libpq not installed is a failure (exit status 1) saying what to install.
    static func url(_ given: TeamURLArgument?) throws(CLIFailure) -> DatabaseURL {
        let parsed: Result<DatabaseURL, TeamError>
        if let given {
            parsed = given.parsed
        } else if let fromEnvironment = ProcessInfo.processInfo.environment["WORKBENCH_TEAM"], !fromEnvironment.isEmpty {
            parsed = TeamURLArgument(argument: fromEnvironment).parsed
        } else {
            throw CLIFailure("which team database? give its URL (postgresql://ROLE@HOST:PORT/DATABASE) or set WORKBENCH_TEAM", exitCode: ExitStatus.usage.rawValue)
        }
        do {
            return try parsed.get()
        } catch {
            // libpq missing is the machine's failure, not the command line's.
            throw CLIFailure(error.description, exitCode: (error.isClientLibraryMissing ? ExitStatus.failure : ExitStatus.usage).rawValue)
        }
    }

    /// Connects, turning a failure into one clear line.
    static func project(_ url: DatabaseURL, settingUp: Bool = false) throws(CLIFailure) -> TeamProject {
        do { return try TeamProject(url: url, settingUp: settingUp) } catch { throw CLIFailure(error.commandDescription) }
    }

    /// What `team init`, `team status` and every command that reads team sessions say about lines
    /// stored before layout 3 that are not the work of their session's role
    /// (``TeamProject/unownedLines()``): how many, where they are listed and what the project can do.
    /// One wording for all of them.
    static func unownedHeadline(_ lines: [TeamProject.UnownedLine]) -> String {
        "warning: \(lines.count) line(s) stored before this workbench checked whose work a line is are not the work of their session's role "
            + "(kept as stored, listed in workbench.unowned_lines: SELECT * FROM workbench.unowned_lines; "
            + "leave such a session out by naming the others, or have its member redo the work in a fresh session)"
    }

    /// The warning of `team init` and `team status`: ``unownedHeadline(_:)`` and one line per line found.
    static func unownedWarning(_ lines: [TeamProject.UnownedLine]) -> String {
        let shown = lines.prefix(20).map { "  " + TerminalText.sanitize($0.description) }
        let more = lines.count > shown.count ? ["  … and \(lines.count - shown.count) more"] : []
        return ([unownedHeadline(lines) + ":"] + shown + more).joined(separator: "\n")
    }

    /// The one-line warning of a command that reads team sessions (stats, agree, export, …) when
    /// `lines` of the sessions it read are listed as not their session's work: ``unownedHeadline(_:)``
    /// and the sessions, each with its count (`team status` lists each line).
    static func unownedNotice(_ lines: [TeamProject.UnownedLine]) -> String {
        var counts: [(session: String, lines: Int)] = []
        for line in lines {
            if let index = counts.firstIndex(where: { $0.session == line.session }) { counts[index].lines += 1 } else { counts.append((line.session, 1)) }
        }
        let sessions = counts.map { "\(TeamProject.sqlLiteral(TerminalText.sanitize($0.session))) (\($0.lines))" }.joined(separator: ", ")
        return unownedHeadline(lines) + ": in session(s) \(sessions); team status lists each line"
    }

    /// Runs `body`, turning a ``TeamError`` into one clear line.
    static func run<T>(_ body: () throws(TeamError) -> T) throws(CLIFailure) -> T {
        do { return try body() } catch { throw CLIFailure(error.commandDescription) }
    }
}

/// `workbench team init URL --corpus PATH…`
struct TeamInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the team schema (documents, sessions, events, assignments, rights) and load the corpus; idempotent.")

    @Argument(help: "The database, e.g. postgresql://owner@127.0.0.1:5432/project (its role needs CREATEROLE).")
    var url: TeamURLArgument?

    func validate() throws {
        try url?.validate()
        try EmptyPathArgument.refuse(corpus, as: "--corpus", naming: EmptyPathArgument.corpus)
        try EmptyPathArgument.refuse(schema, as: "--schema", naming: "a schema file")
    }

    @Option(parsing: .upToNextOption, help: "Corpus files or folders.")
    var corpus: [String] = []

    @Option(help: "Schema file with the label sets (default: the standard schema).")
    var schema: String?

    mutating func run() throws {
        let url = try TeamCommand.url(url)
        guard !corpus.isEmpty else { throw CLIFailure("which corpus? pass --corpus PATH (files or folders), e.g. --corpus seeds") }
        let loaded: Corpus
        do { loaded = try CorpusLoader().load(paths: corpus) } catch { throw CLIFailure(error.description) }
        for warning in loaded.warnings { StandardError.write("warning: " + warning) }
        var chosen = AnnotationSchema.standard
        if let schema {
            do { chosen = try AnnotationSchema.load(path: schema) } catch { throw CLIFailure(error.description) }
        }
        let project = try TeamCommand.project(url, settingUp: true)
        let segmented = SegmentedCorpus(loaded)
        let result = try TeamCommand.run { () throws(TeamError) in
            try project.initialise(corpus: segmented, schema: chosen, progress: { StandardError.write($0) })
        }
        StandardOutput.line(result.created
            ? "team database \(project.connection.url.redacted) set up with \(result.documents) document(s); next: workbench team add-annotator NAME"
            : "team database \(project.connection.url.redacted) was already set up for this corpus (\(result.documents) document(s)); schema and rights brought up to date")
        if !result.unowned.isEmpty { StandardError.write(TeamCommand.unownedWarning(result.unowned)) }
    }
}

/// `workbench team add-annotator NAME [--role …]`
struct TeamAddAnnotatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-annotator",
        abstract: "Create a database role for one person (annotator, adjudicator or reviewer); its password goes to a .pgpass file.")

    @Argument(help: "The person's name (becomes their database role and session name).")
    var name: String

    @Option(help: "annotator (writes their own session), adjudicator (writes the adjudicated session, reads all) or reviewer (reads all).")
    var role: MemberRole = .annotator

    @OptionGroup var teamDatabase: TeamDatabaseOption
    /// The team database given with `--team`, if any.
    var team: TeamURLArgument? { teamDatabase.argument }

    @Option(help: "Where the generated password is written (default: $PGPASSFILE, else ~/.pgpass); it is never printed.")
    var pgpass: String?

    func validate() throws {
        try EmptyPathArgument.refuse(pgpass, as: "--pgpass", naming: "the password file to write (or leave out --pgpass for ~/.pgpass)")
    }

    mutating func run() throws {
        let url = try TeamCommand.url(team)
        let project = try TeamCommand.project(url)
        let file = pgpass ?? PasswordFile.standardPath(environment: ProcessInfo.processInfo.environment)
        let name = self.name, role = self.role.rawValue
        let existed = try TeamCommand.run { () throws(TeamError) in try project.addMember(name: name, role: role, passwordFile: file) }
        StandardOutput.line("\(existed ? "updated" : "created") role \(name) as \(role); a new password is in \(file) (hand that line to \(name); it is not shown here)")
    }
}

/// `workbench team assign --annotators a,b,c --overlap 2`
struct TeamAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give each document to OVERLAP of the annotators, round robin (replaces earlier assignments).")

    @Option(help: "Comma-separated member names, e.g. anna,bob,carla.")
    var annotators: String

    @Option(help: "How many annotators get each document.")
    var overlap = 1

    @OptionGroup var teamDatabase: TeamDatabaseOption
    /// The team database given with `--team`, if any.
    var team: TeamURLArgument? { teamDatabase.argument }

    /// The names given with `--annotators`.
    var names: [String] { annotators.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func validate() throws {
        // Usage errors, found before anything connects.
        if let problem = TeamProject.assignmentProblem(annotators: names, overlap: overlap) { throw ValidationError(problem) }
    }

    mutating func run() throws {
        let project = try TeamCommand.project(try TeamCommand.url(team))
        let names = self.names
        let overlap = self.overlap
        let result = try TeamCommand.run { () throws(TeamError) in try project.assign(annotators: names, overlap: overlap) }
        for name in names {
            StandardOutput.line("\(name): \(result[name]?.count ?? 0) document(s)")
        }
    }
}

/// `workbench team status [--watch]`
struct TeamStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Progress per annotator and document; --watch follows it live (LISTEN/NOTIFY, caught up after a reconnect).")

    @OptionGroup var teamDatabase: TeamDatabaseOption
    /// The team database given with `--team`, if any.
    var team: TeamURLArgument? { teamDatabase.argument }

    @Flag(help: "Keep showing the status as others work (Ctrl-C or the end of input ends).")
    var watch = false

    @Option(help: ArgumentHelp("With --watch: stop after this many updates (for scripts).", visibility: .hidden))
    var updates: Int?

    func validate() throws {
        if let updates, updates < 1 { throw ValidationError("--updates counts the updates to show before stopping: give 1 or more, not \(updates)") }
    }

    mutating func run() throws {
        let url = try TeamCommand.url(team)
        guard watch else {
            let project = try TeamCommand.project(url)
            StandardOutput.line(try TeamCommand.run { () throws(TeamError) in try TeamStatus(project: project).render() })
            let unowned = try TeamCommand.run { () throws(TeamError) in try project.unownedLines() }
            if !unowned.isEmpty { StandardError.write(TeamCommand.unownedWarning(unowned)) }
            return
        }
        // Ctrl-C, or the end of standard input (unless --updates counts for a script), ends the watch.
        let updates = self.updates
        let outcome = InterruptFlag.catching { flag in
            Result { () throws(TeamError) in
                try TeamStatusWatch(url: url).run(
                    limit: updates,
                    shouldStop: { flag.isRaised || (updates == nil && Self.standardInputEnded()) },
                    beforeReconnect: { Thread.sleep(forTimeInterval: 1) },
                    show: Self.show)
            }
        }
        try TeamCommand.run { () throws(TeamError) in try outcome.get() }
    }

    private static func show(_ update: TeamStatusWatch.Update) {
        switch update {
        case .initial(let status):
            StandardOutput.line(status)
        case .changed(let lines, let status):
            if lines.isEmpty {
                StandardOutput.line("— status changed")
            } else {
                let who = lines.keys.sorted().map { "\($0) +\(lines[$0] ?? 0)" }.joined(separator: ", ")
                StandardOutput.line("— \(lines.values.reduce(0, +)) new line(s): \(who)")
            }
            StandardOutput.line(status)
        case .lost(let reason):
            StandardError.write("warning: \(reason)")
        case .caughtUp(let status):
            StandardOutput.line("— reconnected")
            StandardOutput.line(status)
        }
    }

    /// Whether standard input has ended (read without waiting; typed lines are ignored).
    private static func standardInputEnded() -> Bool {
        var entry = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) > 0 else { return false }
        if entry.revents & Int16(POLLNVAL) != 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        return read(0, &buffer, buffer.count) <= 0
    }
}

/// `workbench team pull URL --annotator anna --out sessions/anna`
struct TeamPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Write a team session as a local session (log and snapshot), for review, offline work or archiving.")

    @Argument(help: "The team database (default: $WORKBENCH_TEAM).")
    var url: TeamURLArgument?

    func validate() throws { try url?.validate() }

    @Option(help: "Whose session.")
    var annotator: String

    @Option(help: "The local session to write (NAME or path; must not exist yet).", completion: CompletionKinds.sessionName)
    var out: String

    mutating func run() throws {
        let project = try TeamCommand.project(try TeamCommand.url(url))
        let annotator = self.annotator
        let out: String
        do { out = try SessionPaths.path(for: self.out) } catch { throw CLIFailure(error.description) }
        // A long history takes a while to read, check and write: progress on a terminal (nothing in a
        // pipe; the lines read of about how many while reading), Ctrl-C at once while reading, held
        // back while the two files are written.
        let written = try ProgressMeter.run { meter in
            var shown = ""
            var counting = false
            return try TeamCommand.run { () throws(TeamError) in
                try TeamTransfer(project: project).pull(
                    annotator, to: out,
                    progress: { task, done, total in
                        if task != shown || (total != nil) != counting {
                            (shown, counting) = (task, total != nil)
                            meter.begin(task, total: total, unit: .items(counting ? "lines" : ""))
                        }
                        if let total { meter.update(done, total: total) }
                    },
                    puttingInPlace: { body in _ = try? meter.writing(body) })
            }
        }
        StandardOutput.line("wrote \(written.path) (\(written.events) events) from the team session \(annotator)")
    }
}

/// `workbench team push SESSION… --team URL`
struct TeamPushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Upload local sessions to the team database as the connecting role's session; a conflicting push is refused.")

    @Argument(help: "Local sessions (NAME or path).", completion: CompletionKinds.sessionName)
    var sessions: [String]

    @OptionGroup var teamDatabase: TeamDatabaseOption
    /// The team database given with `--team`, if any.
    var team: TeamURLArgument? { teamDatabase.argument }

    func validate() throws {
        try EmptyPathArgument.refuse(sessions, as: "a session argument", naming: EmptyPathArgument.session)
    }

    mutating func run() throws {
        let project = try TeamCommand.project(try TeamCommand.url(team))
        guard !sessions.isEmpty else { throw CLIFailure("which session? e.g. workbench team push sessions/anna --team URL") }
        for given in sessions {
            let path: String
            do { path = try SessionPaths.path(for: given) } catch { throw CLIFailure(error.description) }
            let added = try TeamCommand.run { () throws(TeamError) in try TeamTransfer(project: project).push(path) }
            StandardOutput.line("pushed \(path): \(added) new line(s) to the team session \(project.connection.user)")
        }
    }
}
