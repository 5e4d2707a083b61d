import CEditLine
import Foundation

/// What the process is connected to, decided once at start.
///
/// libedit is used only when both standard input and standard output are terminals: with piped input it
/// reads one byte per system call and shows no prompt, and with redirected output it silently turns
/// editing off. Never mix the two readers on one stream.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Standard input is a terminal.
    public var inputIsTerminal: Bool
    /// Standard output is a terminal.
    public var outputIsTerminal: Bool

    /// Both ends are terminals: line editing, history and a prompt.
    public var isInteractive: Bool { inputIsTerminal && outputIsTerminal }

    /// Looks at file descriptors 0 and 1.
    public static func detect() -> TerminalCapabilities {
        TerminalCapabilities(inputIsTerminal: wb_isatty(0) != 0, outputIsTerminal: wb_isatty(1) != 0)
    }

    /// The reader that fits: ``EditLineEditor`` when interactive (falling back to ``PlainLineReader`` if
    /// libedit cannot start), otherwise ``PlainLineReader``.
    /// - Parameters:
    ///   - historyPath: file for persistent history (interactive mode only); `nil` keeps history in memory.
    ///   - completer: TAB completion; `nil` disables it.
    ///   - stopSignalsEndInput: piped input is ended by SIGTERM and SIGHUP as the terminal's editor
    ///     ends it (``PlainLineReader/init(endingOnStopSignals:)``): for the annotation REPL and
    ///     review, whose status then says they were stopped; elsewhere they keep their default effect.
    public func makeLineEditor(historyPath: String?, stopSignalsEndInput: Bool = false, completer: LineCompleter? = nil) -> any LineEditor {
        if isInteractive, let editor = EditLineEditor(historyPath: historyPath, completer: completer) {
            return editor
        }
        return PlainLineReader(endingOnStopSignals: stopSignalsEndInput)
    }
}
