import ArgumentParser
import WorkbenchTeam

/// `--team URL` on the commands that read sessions (agree, adjudicate, diff, stats, export, replay, review):
/// the session arguments are then annotator names in that team database. The URL is read when the
/// command line is parsed (``TeamURLArgument``); a bad one is a usage error.
struct TeamSessionsOption: ParsableArguments {
    @Option(name: .customLong("team"), help: "Read the sessions from a team database (postgresql://ROLE@HOST/DB); the arguments are then annotator names (none: all).")
    var argument: TeamURLArgument?

    /// The team database, if `--team` was given.
    var team: DatabaseURL? { argument?.url }

    func validate() throws { try argument?.validate() }
}

/// `--team URL` on the `team` subcommands that act on one database (default: `$WORKBENCH_TEAM`).
struct TeamDatabaseOption: ParsableArguments {
    @Option(name: .customLong("team"), help: "The team database (default: $WORKBENCH_TEAM).")
    var argument: TeamURLArgument?

    func validate() throws { try argument?.validate() }
}
