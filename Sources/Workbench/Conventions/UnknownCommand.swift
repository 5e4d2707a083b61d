import ArgumentParser
import Foundation
import WorkbenchShell

/// A first argument that names neither a command nor a file: `workbench stat s.json` would otherwise be
/// read as the default command's corpus (`workbench annotate stat s.json`) and fail with "stat: no such
/// file or folder" and exit status 1, where a mistyped command is a usage error (exit status 2).
enum UnknownCommand {
    /// The names `workbench` takes as its first argument: its subcommands and `help`.
    static var commandNames: [String] {
        WorkbenchCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// The usage error for `arguments` (the command line without the program name), or nil when the
    /// first argument is an option, a command, a path (it holds `/` or `.`) or an existing file or
    /// folder; after `help`, when the words name a command.
    static func error(in arguments: [String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) })
        -> ValidationError?
    {
        guard let first = arguments.first, !first.isEmpty, !first.hasPrefix("-") else { return nil }
        if first == "help" { return helpError(for: Array(arguments.dropFirst())) }
        if let group = WorkbenchCommand.configuration.subcommands.first(where: { $0.configuration.commandName == first }) {
            let rest = Array(arguments.dropFirst())
            return missingSubcommand(of: group, in: rest) ?? unknownSubcommand(of: group, in: rest)
        }
        let names = commandNames
        guard !names.contains(first), !first.contains("/"), !first.contains("."), !fileExists(first) else { return nil }
        let visible = WorkbenchCommand.configuration.subcommands
            .filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName }
        // `help` is offered too (`hepl` got "did you mean 'replay'?").
        let guess = EditDistance.suggestion(for: first, among: visible + ["help"])
        return ValidationError(
            "unknown command \(ForeignLetters.quotedCommandWord(first))\(guess), and no corpus file or folder of that name; the commands are "
                + visible.joined(separator: ", ") + " (see 'workbench help')")
    }

    /// `workbench import` or `workbench team` without what to do (the parser would show the help and
    /// exit 0): a usage error naming the choices. `--help`, `-h` and `--version` still show help.
    static func missingSubcommand(of group: any ParsableCommand.Type, in rest: [String]) -> ValidationError? {
        let children = group.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
        guard !children.isEmpty, group.configuration.defaultSubcommand == nil,
            !rest.contains(where: { !$0.hasPrefix("-") || ["-h", "--help", "--version"].contains($0) })
        else { return nil }
        let name = group.configuration.commandName ?? ""
        return ValidationError("'workbench \(name)' needs one of \(children.joined(separator: ", ")), e.g. workbench \(name) \(children[0]) … (see 'workbench help \(name)')")
    }

    /// `workbench team statu` or `workbench import brt DIR`: a word after a command group that names none
    /// of its commands, a usage error naming the nearest (the parser said only "Unexpected argument
    /// 'statu'"). Nil when the word names one, is an option, or the group has a default command.
    static func unknownSubcommand(of group: any ParsableCommand.Type, in rest: [String]) -> ValidationError? {
        guard let word = rest.first, !word.hasPrefix("-"), group.configuration.defaultSubcommand == nil else { return nil }
        let children = group.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !children.isEmpty, !children.contains(word) else { return nil }
        let visible = group.configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
        let name = group.configuration.commandName ?? ""
        return ValidationError(
            "'workbench \(name)' has no command \(ForeignLetters.quotedCommandWord(word))\(EditDistance.suggestion(for: word, among: visible)); "
                + "its commands are \(visible.joined(separator: ", ")) (see 'workbench help \(name)')")
    }

    /// `workbench help WORD…` naming no command (the parser would show the top-level help and exit 0).
    static func helpError(for words: [String]) -> ValidationError? {
        var current: any ParsableCommand.Type = WorkbenchCommand.self
        var path = ["workbench"]
        for word in words where !word.hasPrefix("-") {
            let subcommands = current.configuration.subcommands
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else {
                let names = subcommands.filter { $0.configuration.shouldDisplay }.compactMap { $0.configuration.commandName }
                let offered = names.isEmpty ? "it has no subcommands" : "its commands are " + names.joined(separator: ", ")
                let guess = EditDistance.suggestion(for: word, among: names)
                return ValidationError("help: '\(path.joined(separator: " "))' has no command '\(word)'\(guess); \(offered)")
            }
            current = next
            path.append(word)
        }
        return nil
    }
}
