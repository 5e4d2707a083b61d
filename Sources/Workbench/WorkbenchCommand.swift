import ArgumentParser

/// The `workbench` command: annotate attribution and stance in news text.
@main
struct WorkbenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Annotate who says what, and where they stand, in news text.",
        subcommands: [SegmentCommand.self, ValidateCommand.self, StressWriterCommand.self,
            EditorDemoCommand.self, AgreeCommand.self, DiffCommand.self, AdjudicateCommand.self, ExportCommand.self,
            ImportCommand.self]
    )

    mutating func run() throws {
        print("The annotation REPL is coming. For now: workbench segment [PATH…] [--format lines|jsonl]")
    }
}
