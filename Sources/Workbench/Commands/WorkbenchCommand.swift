import ArgumentParser

/// The `workbench` command: annotate attribution and stance in news text (started by ``WorkbenchMain``).
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Annotate who says what, and where they stand, in news text.",
        discussion: """
            Results go to standard output, errors, warnings and progress to standard error (progress only \
            when it is a terminal). Colour is off with --no-color, NO_COLOR=1 or when the output is not a terminal.

            \(ExitStatus.summary)

            Shell completion: workbench --generate-completion-script bash|zsh|fish (see the README for where \
            to put the script).
            """,
        version: WorkbenchVersion.line,
        subcommands: [AnnotateCommand.self, SegmentCommand.self, ValidateCommand.self, AgreeCommand.self,
            DiffCommand.self, AdjudicateCommand.self, ReplayCommand.self,
            StatsCommand.self, ReviewCommand.self, ExportCommand.self, ImportCommand.self,
            SuggestCommand.self, ReferenceCommand.self, TeamCommand.self],
        defaultSubcommand: AnnotateCommand.self
    )
}
