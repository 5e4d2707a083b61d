import ArgumentParser

/// The `workbench` command: annotate attribution and stance in news text (started by ``WorkbenchMain``).
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Annotate who says what, and where they stand, in news text.",
        subcommands: [AnnotateCommand.self, SegmentCommand.self, ValidateCommand.self, StressWriterCommand.self,
            EditorDemoCommand.self, AgreeCommand.self, DiffCommand.self, AdjudicateCommand.self, ReplayCommand.self,
            StatsCommand.self, ReviewCommand.self, ExportCommand.self, ImportCommand.self,
            SuggestCommand.self, TeamCommand.self],
        defaultSubcommand: AnnotateCommand.self
    )
}
