import Annotations
import CEditLine
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// Runs the annotation shell on a line editor: shows the sentence, reads commands (with prompt,
/// history and completion in a terminal; plain lines otherwise), prints the answers, and closes the
/// session on `quit`, Ctrl-D or end of input.
struct AnnotationREPL {
    /// The shell commands go to.
    var shell: AnnotationShell
    /// Where lines come from.
    let editor: any LineEditor
    /// Colour or plain.
    let style: TerminalStyle
    /// Prompt and hints only in a terminal.
    let interactive: Bool
    /// Completion snapshot shared with the editor.
    let completion: CompletionSource
    /// Diagnostic per-command timings (hidden option), or nil.
    var timings: CommandTimingLog? = nil
    /// The terminal's size, read whenever a view is drawn (so a resized window is followed).
    var screen: () -> (width: Int, height: Int) = { (TerminalText.terminalWidth(), TerminalText.terminalHeight()) }

    /// Reads and handles commands until the user leaves; returns the exit status.
    mutating func run() -> Int32 {
        var rejected = 0
        // Piped input: which input lines were rejected, for the summary (no prompt echoes them).
        var lineNumber = 0
        var rejectedLines: [Int] = []
        // The answer comes first; the periodic rewrite of the session file follows it.
        shell.defersAutosave = true
        // Ctrl-C while a command runs raises the editor's flag; long searches ask it and stop.
        shell.interruptRequested = { [editor] in editor.interruptRequested }
        // A long `ns` says how far it is on one line of standard error, only in a terminal.
        if interactive && wb_isatty(2) != 0 {
            let line = ShellProgressLine(width: { [screen] in screen().width })
            shell.searchProgress = { line.show($0) }
        }
        completion.update(shell)
        fitShellToWindow()
        // The first view is paged as `show` pages it: a first sentence taller than the window kept
        // the prompt below the window's last row, with the cursor out of sight.
        var first = shell.view(tokens: false)
        if interactive { first.append(StyledLine("type 'help' for commands, TAB completes, Ctrl-D or 'quit' leaves", .dim)) }
        // A command typed at the pager's question stops the pager and runs next.
        var typedAtPager = writePaged(first)
        timings?.recordStart()
        loop: while true {
            var prompt = StyledLine("\(shell.documentIndex + 1):\(shell.sentenceIndex + 1)", .prompt)
            prompt.append(" ›", .dim)
            prompt.append(" ")
            let input = typedAtPager.map { LineInput.line($0) } ?? editor.readLine(prompt: interactive ? prompt : StyledLine(), style: style)
            if typedAtPager == nil { lineNumber += 1 }
            typedAtPager = nil
            switch input.outcome {
            case .line(let line):
                timings?.begin()
                // Views (tokens, the sentence) are drawn for the window's size now, not at start.
                fitShellToWindow()
                let response = shell.handle(line)
                // The terminal echoed Ctrl-C pressed while the command ran (`^C`) where the answer
                // begins: the answer starts on the next row (it read "^Cerror: search stopped …").
                if interactive && editor.interruptRequested { write([StyledLine("")]) }
                typedAtPager = writePaged(response.lines)
                if response.rejected {
                    rejected += 1
                    rejectedLines.append(lineNumber)
                }
                completion.update(shell)
                timings?.end("command")
                timings?.begin()
                if let notice = shell.saveIfDue() {
                    timings?.end("autosave")
                    write(notice)
                }
                if response.quit { break loop }
            case .interrupted:
                write([StyledLine("(line cancelled; 'quit' or Ctrl-D leaves)", .dim)])
            case .refused(let message):
                write([StyledLine("error: " + message, .error)])
                rejected += 1
                rejectedLines.append(lineNumber)
            case .endOfInput:
                break loop
            }
        }
        editor.close()
        timings?.write()
        do {
            try shell.store.close()
        } catch {
            // Only the snapshot failed (a full disk, a file-size limit): the log holds every
            // acknowledged edit, and the next opening brings the snapshot up to date from it.
            StandardError.write(
                "error: could not save the snapshot (every acknowledged edit is kept in the log, from which the next opening brings it up to date): "
                    + error.description)
            if !interactive && rejected > 0 { StandardError.write(Self.rejectedSummary(rejected, lines: rejectedLines)) }
            return 1
        }
        write([StyledLine("saved \(TerminalText.sanitize(shell.store.path)) (\(shell.store.session.eventCount) events)", .dim)])
        if let signal = editor.stopSignal {
            // Input ended by `kill` or a hang-up, in a terminal or piped: the session is closed as on
            // leaving, but the run was stopped from outside rather than left, which the status says as
            // for any stopped command (``ExitStatus/stopped(by:)``).
            if !interactive && rejected > 0 { StandardError.write(Self.rejectedSummary(rejected, lines: rejectedLines)) }
            let status = ExitStatus.stopped(by: signal)
            StandardError.write(
                interactive
                    ? status.stoppedLabel + ": the session was saved and closed"
                    : status.stoppedLabel + " after \(max(lineNumber - 1, 0)) input line(s): the input was not read further; the session was saved and closed")
            return status.rawValue
        }
        if !interactive && rejected > 0 {
            StandardError.write(Self.rejectedSummary(rejected, lines: rejectedLines) + "; everything else was saved")
            return 1
        }
        return 0
    }

    /// The piped summary of rejected commands: how many and on which input lines.
    static func rejectedSummary(_ count: Int, lines: [Int]) -> String {
        "\(count) command(s) were rejected (\(inputLines(lines)); see 'error:' lines)"
    }

    /// The input lines named in the piped summary: `input line 4`, `input lines 2, 4, 9`, the first ten
    /// and how many more (a script of 500 commands said only "3 command(s) were rejected", and the
    /// transcript does not echo the commands, so finding them meant counting answers).
    static func inputLines(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(10).map(String.init).joined(separator: ", ")
        let more = numbers.count > 10 ? " and \(numbers.count - 10) more" : ""
        return (numbers.count == 1 ? "input line " : "input lines ") + shown + more
    }

    /// In a terminal, lets the shell draw its views for the window's size at this moment (a small
    /// window gets the previous sentence shortened, so the current one and its proposals fit).
    private mutating func fitShellToWindow() {
        guard interactive else { return }
        let size = screen()
        shell.width = size.width
        shell.height = size.height
    }

    /// Prints lines (one write for all of them); in a terminal they are word-wrapped to its current
    /// width (read at every write, so a resized window gets lines that fit).
    private func write(_ lines: [StyledLine]) {
        let width = interactive ? screen().width : Int.max
        StandardOutput.lines(interactive ? lines.flatMap { $0.wrapped(width: width) } : lines, style: style)
    }

    /// Like ``write(_:)``, but in a terminal an answer taller than the window (help, a long list or
    /// docs) is shown a page at a time, asking before each next page; Enter goes on, any other answer
    /// (`q`, any one letter), Ctrl-C or Ctrl-D stop; a longer answer is a command, run next. Piped
    /// output is never paged. The window is measured again before each page: after a resize the rest
    /// is wrapped for the new width, from the start of the line the next row belongs to (a line begun
    /// on the previous page is shown whole again).
    /// Returns a command typed at the pager's question (other than `q`), to be run next.
    private func writePaged(_ lines: [StyledLine]) -> String? {
        guard interactive else {
            write(lines)
            return nil
        }
        var size = screen()
        var rows = Self.rows(of: lines, from: 0, width: size.width)
        var shown = 0
        while true {
            let remaining = rows.count - shown
            let pageSize = TerminalPages.pageSize(height: size.height, width: size.width, remaining: remaining)
            let count = remaining > pageSize ? pageSize : remaining
            StandardOutput.lines(rows[shown..<shown + count].map(\.row), style: style)
            shown += count
            guard shown < rows.count else { return nil }
            guard case .line(let answer) = editor.readAnswer(prompt: TerminalPages.question(remaining: rows.count - shown, width: size.width), style: style) else {
                return nil
            }
            let typed = answer.trimmingCharacters(in: .whitespaces)
            if typed == "q" { return nil }
            // One letter is an answer to the question ("y", "n"), never run: `y` would accept a
            // proposal, `n` move on, `u` take back the last command.
            if typed.count == 1 {
                write([StyledLine("(pages stopped; '\(typed)' typed at the question is not run: type it at the prompt)", .dim)])
                return nil
            }
            if !typed.isEmpty { return typed }
            let now = screen()
            if now.width != size.width {
                rows = Self.rows(of: lines, from: rows[shown].line, width: now.width)
                shown = 0
            }
            size = now
        }
    }

    /// `lines` from index `first` on, wrapped to `width`, each row with the index of its line.
    private static func rows(of lines: [StyledLine], from first: Int, width: Int) -> [(line: Int, row: StyledLine)] {
        lines.indices.dropFirst(first).flatMap { index in lines[index].wrapped(width: width).map { (line: index, row: $0) } }
    }
}
