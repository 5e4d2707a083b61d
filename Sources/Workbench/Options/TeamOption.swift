import ArgumentParser

/// `--team URL` on the commands that read sessions (agree, adjudicate, diff, stats, export, replay, review):
/// the session arguments are then annotator names in that team database.
struct TeamSessionsOption: ParsableArguments {
    @Option(help: "Read the sessions from a team database (postgresql://ROLE@HOST/DB); the arguments are then annotator names (none: all).")
    var team: String?
}

/// `--team URL` on the `team` subcommands that act on one database (default: `$WORKBENCH_TEAM`).
struct TeamDatabaseOption: ParsableArguments {
    @Option(help: "The team database (default: $WORKBENCH_TEAM).")
    var team: String?
}
