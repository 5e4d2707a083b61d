import WorkbenchShell

/// Completion callback: given the whole line and the cursor position (counted in Unicode scalars),
/// returns the candidates for the word that ends at the cursor (see ``Completion/word(in:cursor:)``).
/// Each candidate is a complete word that replaces that word.
public typealias LineCompleter = (_ line: String, _ cursor: Int) -> [String]

/// Reads lines from the user, one prompt at a time.
///
/// Create one with ``TerminalCapabilities/makeLineEditor(historyPath:stopSignalsEndInput:completer:)``: interactive terminals
/// get ``EditLineEditor`` (editing, history, completion), everything else gets ``PlainLineReader``.
/// Call ``close()`` on every way out of the program: `exit()` skips `deinit`.
public protocol LineEditor: AnyObject {
    /// Shows `prompt` in `style` (interactive mode only; rendered by ``StandardOutput/render(_:style:)``,
    /// so it is sanitised like all output) and reads one line.
    func readLine(prompt: StyledLine, style: TerminalStyle) -> LineInput
    /// Reads the answer to a question (the pager's "more lines"): like ``readLine(prompt:style:)``, but an
    /// answer of at most one character (`q`, Enter) is not kept in history, so Up at the next prompt
    /// brings back the last command, not `q`.
    func readAnswer(prompt: StyledLine, style: TerminalStyle) -> LineInput
    /// Whether Ctrl-C was pressed since the last line was read (a long command checks it to stop early).
    var interruptRequested: Bool { get }
    /// Saves history and restores the terminal. Idempotent; `readLine` returns `.endOfInput` afterwards.
    func close()
    /// The signal (SIGTERM, SIGHUP) that ended the input, if one did: in a terminal (always) and with
    /// piped input (when the reader was made to end on them). The session is closed as on leaving, and
    /// the run's status says it was stopped (128 + the signal), in a terminal as with piped input.
    var stopSignal: Int32? { get }
}

extension LineEditor {
    /// No stop signal ends the input.
    public var stopSignal: Int32? { nil }

    /// Without history, an answer is read as any line.
    public func readAnswer(prompt: StyledLine, style: TerminalStyle) -> LineInput { readLine(prompt: prompt, style: style) }
}
