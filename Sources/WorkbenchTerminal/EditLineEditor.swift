import CEditLine
import Foundation
import WorkbenchShell

/// Interactive line editor on libedit (wide API): emacs keys, UTF-8 input, colour prompt, persistent
/// history and TAB completion through a Swift closure.
///
/// Only for terminals (see ``TerminalCapabilities``). Ctrl-C cancels the current line
/// (``LineInput/interrupted``), Ctrl-D on an empty line ends input (a newline is printed after libedit's
/// `^D`). Call ``close()`` on every way out: it saves history and restores the terminal.
///
/// SIGINT: a handler without `SA_RESTART` that only raises a flag is installed from `init` to
/// ``close()``. While a line is read, Ctrl-C makes libedit return and cancels the line; pressed while a
/// command is still running, it no longer kills the program (the terminal discards what was typed
/// ahead, and the flag is cleared before the next line). All `wb_sigint_*` and `wb_reader_*` calls
/// must stay in this file (the C statics behind them exist once per object file).
///
/// Characters are read by the shim's `wb_read_char`, not libedit's reader (which drops bytes that are
/// not UTF-8 without a trace): a bad byte shows as U+FFFD and the line comes back as
/// ``LineInput/notUTF8(byteOffset:)``. That reader also does what libedit's did after SIGWINCH,
/// SIGTSTP and SIGCONT, through handlers installed only while a line is read. It waits for a key with
/// `poll` on the terminal and the pipe the SIGTERM and SIGHUP handlers write to (the piped reader's one
/// mechanism, `wb_wait_for_input`), so a stop handled at any moment ends the wait.
///
/// Nothing reaches the edit line raw that the output path would show as a placeholder (bidi controls
/// such as U+202E, other invisible format characters, C1 controls: ``TerminalText/isSafe(_:keepNewlines:)``;
/// libedit writes them as they are, so the line showed reordered): the reader hands libedit U+FFFD
/// instead and the line comes back as ``LineInput/hiddenCharacter(_:)`` (refused); history lines are
/// loaded with the placeholder text (`<U+202E>`) in their place, and completions holding one are not
/// offered.
final class EditLineEditor: LineEditor {
    /// Marks the start and end of non-printing prompt text (colour codes) for libedit.
    static let promptIgnoreCharacter: Unicode.Scalar = "\u{1}"

    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private let historyPath: String?
    private let completer: LineCompleter?
    private let appendSpaceAfterCompletion: Bool
    private var promptBuffer: UnsafeMutablePointer<wchar_t>?
    private var closed = false
    /// SIGTERM or SIGHUP came at a prompt: every later read is the end of the input too (the pager's
    /// question and then the REPL's prompt both end).
    private var stopped = false

    /// Opens libedit on standard input and output; `nil` when libedit cannot start.
    /// - Parameters:
    ///   - historyPath: history file, loaded now and rewritten after every entered line; `nil`: memory only.
    ///   - completer: TAB completion; `nil` leaves TAB unbound.
    ///   - appendSpaceAfterCompletion: a unique completion is followed by a space.
    ///   - historySize: lines kept in history.
    init?(
        historyPath: String?, completer: LineCompleter?, appendSpaceAfterCompletion: Bool = true,
        historySize: Int = 1000
    ) {
        _ = wb_setup_utf8_ctype()
        guard let editLine = wb_el_init_stdio("workbench") else { return nil }
        guard let history = wb_history_init() else {
            wb_el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.completer = completer
        self.appendSpaceAfterCompletion = appendSpaceAfterCompletion

        _ = wb_history_set_size(history, Int32(clamping: historySize))
        _ = wb_history_set_unique(history, 1)
        if let historyPath {
            let folder = (historyPath as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            _ = wb_history_load(history, historyPath)
            Self.replaceHiddenCharacters(in: history)
        }

        _ = wb_install_sigint_handler()
        _ = wb_el_set_editor_emacs(editLine)
        _ = wb_el_set_signal(editLine, 1)
        _ = wb_el_set_reader(editLine)
        wb_reader_set_filter { value in Unicode.Scalar(value).map { EditLineEditor.mayShow($0) } == false ? 0 : 1 }
        _ = wb_el_set_history(editLine, history)
        _ = wb_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        setPrompt("")
        _ = wb_el_set_prompt_esc(
            editLine,
            { editLine in
                guard let editLine, let data = wb_el_get_clientdata(editLine) else { return wb_empty_prompt() }
                let editor = Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue()
                return editor.promptBuffer ?? wb_empty_prompt()
            },
            wchar_t(bitPattern: Self.promptIgnoreCharacter.value))
        if completer != nil {
            Self.withWide("workbench-complete") { name in
                Self.withWide("Complete the word before the cursor") { help in
                    _ = wb_el_addfn(
                        editLine, name, help,
                        { editLine, _ in
                            guard let editLine, let data = wb_el_get_clientdata(editLine) else {
                                return UInt8(CC_ERROR)
                            }
                            return Unmanaged<EditLineEditor>.fromOpaque(data).takeUnretainedValue()
                                .complete(editLine)
                        })
                    _ = wb_el_bind_tab(editLine, name)
                }
            }
        }
        Self.withWide("workbench-enter") { name in
            Self.withWide("End the line, closing a quote left open at its end") { help in
                _ = wb_el_addfn(
                    editLine, name, help,
                    { editLine, _ in
                        guard let editLine else { return UInt8(CC_ERROR) }
                        return EditLineEditor.enter(editLine)
                    })
                _ = wb_el_bind_return(editLine, name)
            }
        }
    }

    deinit { close() }

    /// Shows `prompt` (sanitised, then coloured by `style`; the colour codes are bracketed for libedit)
    /// and reads one line.
    func readLine(prompt: StyledLine, style: TerminalStyle) -> LineInput {
        read(prompt: prompt, style: style, shortestKept: 1)
    }

    /// ``readLine(prompt:style:)`` keeping only answers longer than one character in history.
    func readAnswer(prompt: StyledLine, style: TerminalStyle) -> LineInput {
        read(prompt: prompt, style: style, shortestKept: 2)
    }

    /// Reads one line; a line of fewer than `shortestKept` characters (spaces aside) stays out of history.
    private func read(prompt: StyledLine, style: TerminalStyle, shortestKept: Int) -> LineInput {
        guard !closed, !stopped, let editLine else { return .endOfInput }
        setPrompt(StandardOutput.render(prompt, style: style))
        wb_sigint_clear()
        wb_flush_stdout()
        wb_reader_install_signals()
        wb_clear_errno()
        var count: Int32 = 0
        let result = wb_el_wgets(editLine, &count)
        let error = wb_errno()
        wb_reader_restore_signals()
        // `kill` (SIGTERM) or the terminal closed (SIGHUP) at the prompt or while a command ran: the
        // input ends as with Ctrl-D (a line being typed is not run), so the session is closed as on leaving.
        if wb_reader_stop_requested() != 0 {
            stopped = true
            wb_write_stdout("\n")
            return .endOfInput
        }
        if let result, count > 0 {
            var scalars = String.UnicodeScalarView()
            for index in 0..<Int(count) {
                scalars.append(Unicode.Scalar(UInt32(bitPattern: result[index])) ?? "\u{FFFD}")
            }
            if scalars.last == "\n" { scalars.removeLast() }
            let line = String(scalars)
            if line.trimmingCharacters(in: .whitespaces).count >= shortestKept { remember(line) }
            // A byte that is not UTF-8 was read as U+FFFD (libedit's own reader dropped it silently):
            // refused like such a piped line, unless it was deleted before Enter. Up brings the line back.
            if wb_reader_bad_sequence_count() > 0, let bad = line.unicodeScalars.firstIndex(of: "\u{FFFD}") {
                return .notUTF8(byteOffset: line.utf8.distance(from: line.startIndex, to: bad))
            }
            // A hidden character was shown as U+FFFD: the screen did not show what would be read.
            if wb_reader_hidden_count() > 0, line.unicodeScalars.contains("\u{FFFD}"),
                let first = Unicode.Scalar(wb_reader_first_hidden_value())
            {
                return .hiddenCharacter(first)
            }
            if let hidden = line.unicodeScalars.first(where: { !Self.mayShow($0) }) { return .hiddenCharacter(hidden) }
            return .line(line)
        }
        if count < 0 && (wb_sigint_received() != 0 || error == wb_eintr()) {
            wb_write_stdout("\n")
            return .interrupted
        }
        wb_write_stdout("\n")
        return .endOfInput
    }

    /// Whether Ctrl-C was pressed since the current line was read (the handler only raises a flag while
    /// a command runs).
    var interruptRequested: Bool { wb_sigint_received() != 0 || wb_reader_stop_requested() != 0 }

    /// The signal (SIGTERM, SIGHUP) that ended the input at the prompt or while a command ran, if one did.
    var stopSignal: Int32? {
        let signal = wb_reader_stop_signal()
        return signal == 0 ? nil : signal
    }

    /// Saves history, ends libedit (restoring the terminal) and frees the prompt. Idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        wb_ignore_stop_signals()
        wb_restore_sigint_handler()
        if let history, let historyPath { _ = wb_history_save(history, historyPath) }
        if let editLine { wb_el_end(editLine) }
        if let history { wb_history_end(history) }
        editLine = nil
        history = nil
        promptBuffer?.deallocate()
        promptBuffer = nil
    }

    /// `prompt` prepared for libedit's `EL_PROMPT_ESC`: every run of escape sequences (CSI, OSC,
    /// two-character) is enclosed in `ignore` characters.
    ///
    /// libedit attaches each ignored run to the visible character that FOLLOWS it (one screen cell) and
    /// drops a run that has no visible character after it. So adjacent sequences are merged into one run,
    /// and a run at the very end (the usual colour reset) is moved before the last visible character.
    static func markingEscapes(in prompt: String, with ignore: Unicode.Scalar = promptIgnoreCharacter) -> String {
        // Split into pieces: (escape run, visible text) pairs.
        var pieces: [(escapes: [Unicode.Scalar], text: [Unicode.Scalar])] = [([], [])]
        let scalars = Array(prompt.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                pieces[pieces.count - 1].text.append(scalars[index])
                index += 1
                continue
            }
            let end = escapeSequenceEnd(scalars, from: index)
            if !pieces[pieces.count - 1].text.isEmpty { pieces.append(([], [])) }
            pieces[pieces.count - 1].escapes.append(contentsOf: scalars[index..<end])
            index = end
        }
        // A trailing escape run goes before the last visible character.
        if let last = pieces.last, last.text.isEmpty, !last.escapes.isEmpty {
            pieces.removeLast()
            if let previous = pieces.indices.last, let final = pieces[previous].text.last {
                pieces[previous].text.removeLast()
                if pieces[previous].text.isEmpty {
                    pieces[previous].escapes += last.escapes
                    pieces[previous].text = [final]
                } else {
                    pieces.append((last.escapes, [final]))
                }
            }
        }
        var out = String.UnicodeScalarView()
        for piece in pieces {
            if !piece.escapes.isEmpty {
                out.append(ignore)
                out.append(contentsOf: piece.escapes)
                out.append(ignore)
            }
            out.append(contentsOf: piece.text)
        }
        return String(out)
    }

    /// The index just past the escape sequence starting at `start` (which holds ESC).
    private static func escapeSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start + 1
        guard end < scalars.count else { return end }
        switch scalars[end] {
        case "[":
            end += 1
            while end < scalars.count, !(0x40...0x7E).contains(scalars[end].value) { end += 1 }
            return min(end + 1, scalars.count)
        case "]":
            end += 1
            while end < scalars.count, scalars[end] != "\u{7}", scalars[end] != "\u{1B}" { end += 1 }
            if end < scalars.count, scalars[end] == "\u{1B}" { end += 1 }
            return min(end + 1, scalars.count)
        default:
            return end + 1
        }
    }

    // MARK: - Private

    private func setPrompt(_ prompt: String) {
        let scalars = Self.markingEscapes(in: prompt).unicodeScalars
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { buffer[index] = wchar_t(bitPattern: scalar.value) }
        buffer[scalars.count] = 0
        promptBuffer?.deallocate()
        promptBuffer = buffer
    }

    /// Whether `scalar` may stand in the edit line as it is: the output path's rule, except the C0
    /// controls and DEL, which libedit shows as `^X` itself (they reach it as keys).
    static func mayShow(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || TerminalText.isSafe(scalar)
    }

    /// Rewrites the loaded history with the output path's placeholder (`<U+202E>`) for every character
    /// that may not be shown (lines typed before the edit line refused them), so that Up never puts one
    /// on the screen: the line brought back reads as it is shown.
    private static func replaceHiddenCharacters(in history: OpaquePointer) {
        var lines: [String] = []
        var pointer: UnsafePointer<wchar_t>?
        var status = wb_history_oldest(history, &pointer)
        while status == 0, let entry = pointer {
            var scalars = String.UnicodeScalarView()
            var index = 0
            while entry[index] != 0 {
                scalars.append(Unicode.Scalar(UInt32(bitPattern: entry[index])) ?? "\u{FFFD}")
                index += 1
            }
            lines.append(String(scalars))
            status = wb_history_newer(history, &pointer)
        }
        guard lines.contains(where: { $0.unicodeScalars.contains { !mayShow($0) } }) else { return }
        wb_history_clear(history)
        for line in lines {
            var shown = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if mayShow(scalar) { shown.append(scalar) } else { shown.append(contentsOf: TerminalText.placeholder(for: scalar).unicodeScalars) }
            }
            _ = withWide(String(shown)) { wb_history_enter(history, $0) }
        }
    }

    private func remember(_ line: String) {
        guard let history, !line.allSatisfy(\.isWhitespace) else { return }
        _ = Self.withWide(line) { wb_history_enter(history, $0) }
        if let historyPath { _ = wb_history_save(history, historyPath) }
    }

    /// Bytes that must already wait behind a TAB for it to count as pasted (a person typing Enter or
    /// one more key at once after TAB leaves at most one).
    static let pastedInputBytes: Int32 = 2

    /// The TAB key function: returns a libedit `CC_*` code.
    ///
    /// A TAB with more input already waiting behind it came with pasted text (a person waits for the
    /// completion): it is inserted as it is, as piped input reads it, instead of being swallowed or
    /// replaced by a completion ("note Die Verein⇥Staaten" was stored as "Die VereinStaaten").
    private func complete(_ editLine: OpaquePointer) -> UInt8 {
        if wb_input_pending() >= Self.pastedInputBytes {
            _ = Self.withWide("\t") { wb_el_winsertstr(editLine, $0) }
            return UInt8(CC_REFRESH)
        }
        guard let completer, let info = wb_el_wline(editLine)?.pointee,
            let start = info.buffer, let cursor = info.cursor, let last = info.lastchar
        else { return UInt8(CC_ERROR) }
        let scalars = UnsafeBufferPointer(start: start, count: max(0, last - start)).map {
            Unicode.Scalar(UInt32(bitPattern: $0)) ?? "\u{FFFD}"
        }
        let cursorScalars = max(0, min(cursor - start, scalars.count))
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        let text = String(line)
        // The cursor goes over as libedit holds it, in scalars, as completion and the command lexer count.
        // A candidate holding a character that may not be shown (a name with U+202E) would be written raw.
        let candidates = completer(text, cursorScalars).filter { $0.unicodeScalars.allSatisfy(Self.mayShow) }
        let plan = Completion.plan(
            line: text, cursor: cursorScalars, candidates: candidates,
            appendSpace: appendSpaceAfterCompletion)
        if plan.isEmpty { return UInt8(CC_ERROR) }
        if !plan.replace.isEmpty { wb_el_deletestr(editLine, Int32(plan.replace.unicodeScalars.count)) }
        if !plan.insert.isEmpty { _ = Self.withWide(plan.insert) { wb_el_winsertstr(editLine, $0) } }
        guard !plan.list.isEmpty else { return UInt8(CC_REFRESH) }
        let rows = Completion.columns(plan.list, width: TerminalText.terminalWidth(), height: TerminalText.terminalHeight())
        // Candidates are corpus words and names: they go through the sanitising writer, after what
        // libedit has buffered on its own stream.
        wb_flush_stdout()
        StandardOutput.line("\n" + rows.joined(separator: "\n"))
        return UInt8(CC_REDISPLAY)
    }

    /// Enter on a line whose quote is still open at its end (`cl "im November ` after TAB completed a
    /// word inside the quote, which leaves it open so the text can go on): the quote is closed after
    /// the last word and the line redrawn before it is read, so what runs is what the screen shows
    /// (it was refused: "the quote \" is not closed"). See ``Completion/closingOpenQuote(_:)``.
    /// A line break pasted with more text behind it is read as it is, as piped input reads it. The key
    /// function of Enter (^M): the fix, a redraw (`CC_REFRESH`), then the queued ^J ends the line.
    private static func enter(_ editLine: OpaquePointer) -> UInt8 {
        wb_el_push_newline(editLine)
        guard wb_input_pending() == 0, let info = wb_el_wline(editLine)?.pointee, let start = info.buffer, let last = info.lastchar
        else { return UInt8(CC_NORM) }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: UnsafeBufferPointer(start: start, count: max(0, last - start)).map {
            Unicode.Scalar(UInt32(bitPattern: $0)) ?? "\u{FFFD}"
        })
        guard let fix = Completion.closingOpenQuote(String(line)) else { return UInt8(CC_NORM) }
        wb_el_cursor_to_end(editLine)
        if fix.dropping > 0 { wb_el_deletestr(editLine, Int32(fix.dropping)) }
        _ = withWide(fix.insert) { wb_el_winsertstr(editLine, $0) }
        return UInt8(CC_REFRESH)
    }

    /// Calls `body` with `string` as a NUL-terminated wide string.
    private static func withWide<R>(_ string: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
        var wide = string.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        return wide.withUnsafeBufferPointer { buffer in
            // A non-empty array buffer always has a base address.
            guard let base = buffer.baseAddress else { return body(wb_empty_prompt()) }
            return body(base)
        }
    }
}
