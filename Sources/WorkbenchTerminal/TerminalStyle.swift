import CEditLine
import Foundation
import WorkbenchShell

/// ANSI colours for the kinds of things the REPL shows, or plain text when colour is off.
///
/// Colour is off when the caller asks (`--no-color`), when `NO_COLOR` is set to a non-empty value
/// (no-color.org), when `TERM` is `dumb`, or when standard output is not a terminal.
/// Styling does not sanitize: styled text is written as ``StyledLine`` runs, which
/// ``StandardOutput/render(_:style:)`` sanitises before it calls ``apply(_:_:)``.
public struct TerminalStyle: Sendable, Equatable {
    /// What a piece of text is; each kind has one look (see ``StyleKind``).
    public typealias Kind = StyleKind

    /// Whether escape codes are written.
    public let isEnabled: Bool

    /// A style that is on or off regardless of the environment (tests, fixed output).
    public init(enabled: Bool) {
        isEnabled = enabled
    }

    /// Decides from the environment and the terminal.
    /// - Parameters:
    ///   - noColor: the user's explicit override (for example `--no-color`); `true` turns colour off.
    ///   - environment: looked up for `NO_COLOR` and `TERM`.
    ///   - outputIsTerminal: whether standard output is a terminal (default: checked now).
    public init(
        noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
        outputIsTerminal: Bool = wb_isatty(1) != 0
    ) {
        isEnabled = Self.colourAllowed(noColor: noColor, environment: environment, outputIsTerminal: outputIsTerminal)
    }

    /// The decision rule, without side effects.
    public static func colourAllowed(noColor: Bool, environment: [String: String], outputIsTerminal: Bool) -> Bool {
        if noColor || !outputIsTerminal { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// `text` in the look of `kind` (unchanged when colour is off).
    public func apply(_ kind: Kind, _ text: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(kind.parameters)m\(text)\u{1B}[0m"
    }
}

extension StyleKind {
    /// The SGR parameters of this kind.
    public var parameters: String {
        switch self {
        case .speaker: "1;36"
        case .cue: "33"
        case .claim: "32"
        case .target: "35"
        case .stance: "34"
        case .heading: "1;4"
        case .prompt: "1;34"
        case .dim: "2"
        case .emphasis: "1"
        case .success: "32"
        case .warning: "1;33"
        case .error: "1;31"
        }
    }
}
