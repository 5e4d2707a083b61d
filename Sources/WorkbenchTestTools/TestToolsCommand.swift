import ArgumentParser

/// `WorkbenchTestTools`: programs the end-to-end tests start, kept out of the `workbench` binary.
@main
struct TestToolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "WorkbenchTestTools",
        abstract: "Programs for the workbench's end-to-end tests.",
        subcommands: [StressWriterCommand.self, EditorDemoCommand.self]
    )
}
