import Foundation
import WorkbenchShell

/// An option the command line does not know. The argument parser suggests the closest of the command's
/// own options only, never the options it adds itself (`--help`, `--version`,
/// `--generate-completion-script`): `workbench --versio` got "Did you mean '--session'?". The
/// suggestion is made again here from the parser's and those, by ``EditDistance``, the one definition
/// of what is close that command words and the REPL's commands use too.
enum UnknownOption {
    /// The options the parser adds to every command (`workbench stats --version` shows the version too).
    static let parserOptions = ["--help", "--version", "--generate-completion-script"]

    /// `message` with the suggestion for an unknown long option made again (unchanged when it names no
    /// unknown option).
    static func corrected(_ message: String) -> String {
        let pattern = #/Unknown option '(?<name>--[^']+)'(?:\. Did you mean '(?<offered>[^']+)'\?)?/#
        guard let match = message.firstMatch(of: pattern) else { return message }
        let name = String(match.output.name)
        var candidates = parserOptions
        if let offered = match.output.offered { candidates.append(String(offered)) }
        let written = name.split(separator: "=", maxSplits: 1).first.map(String.init) ?? name
        let nearest = EditDistance.nearest(to: written, among: candidates)
        let text = "Unknown option '\(name)'" + (nearest.first.map { ". Did you mean '\($0)'?" } ?? "")
        return message.replacingCharacters(in: match.range, with: text)
    }
}
