import ArgumentParser
import WorkbenchTerminal

/// `workbench reference` (hidden): the command-line reference in `docs/commands.md`, made from the
/// same definitions as `--help`, so the two cannot drift apart (a test compares the file with this
/// output). Regenerate with `swift run workbench reference > docs/commands.md`.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the command-line reference (docs/commands.md) as Markdown.",
        shouldDisplay: false
    )

    /// The width help texts are wrapped to in the reference.
    static let columns = 100

    mutating func run() throws {
        var output = StandardOutput()
        output.write(Self.markdown())
        output.flush()
    }

    /// The whole reference: the root command's help, then every visible command's (sub-commands
    /// depth first), each under a heading with its full name.
    static func markdown() -> String {
        var text = """
            # Command-line reference

            Generated from the command definitions by `workbench reference` (do not edit; a test checks that \
            this file matches). Version \(WorkbenchVersion.number).


            """
        for (name, command) in commands(WorkbenchCommand.self, path: ["workbench"]) {
            let help = WorkbenchCommand.helpMessage(for: command, columns: columns)
            text += "## `\(name)`\n\n```text\n\(help.trimmingTrailingWhitespace())\n```\n\n"
        }
        return text
    }

    /// `command` and its visible sub-commands with their full names, depth first.
    private static func commands(_ command: any ParsableCommand.Type, path: [String]) -> [(String, any ParsableCommand.Type)] {
        var result: [(String, any ParsableCommand.Type)] = [(path.joined(separator: " "), command)]
        for sub in command.configuration.subcommands where sub.configuration.shouldDisplay {
            let name = sub.configuration.commandName ?? String(describing: sub).lowercased()
            result += commands(sub, path: path + [name])
        }
        return result
    }
}

extension String {
    /// The text without trailing spaces on each line and without trailing line breaks.
    fileprivate func trimmingTrailingWhitespace() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " { line = line.dropLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
