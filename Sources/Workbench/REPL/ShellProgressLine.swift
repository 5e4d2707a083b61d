import Dispatch
import WorkbenchShell
import WorkbenchTerminal

/// The REPL's one progress line for a long command (`ns` searching many parts of a long document):
/// drawn on standard error through ``StandardError/progress(_:blankedWidth:)`` (sanitised, one row
/// rewritten in place, at most ten times a second, cut to the window's width so it never wraps) and
/// erased when the command ends, before its answer is written. Only in a terminal: the REPL installs
/// it when it is interactive and standard error is a terminal, so piped runs show nothing.
final class ShellProgressLine {
    /// Columns available (the window's width, read when drawing).
    private let width: () -> Int
    /// Whether the terminal erases with `ESC [K` (not `TERM=dumb`).
    private let terminalErases = StandardError.terminalErases()
    private var lastDraw: UInt64 = 0
    private var drawnWidth = 0
    private var isDrawn = false

    /// The minimum time between two redraws.
    private static let redrawInterval: UInt64 = 100_000_000

    init(width: @escaping () -> Int) {
        self.width = width
    }

    /// Shows `progress` (when the last draw is older than the redraw interval), or erases the line on nil.
    func show(_ progress: ShellProgress?) {
        guard let progress else {
            if isDrawn { StandardError.clearProgress(blankedWidth: terminalErases ? nil : drawnWidth) }
            isDrawn = false
            lastDraw = 0
            return
        }
        let now = DispatchTime.now().uptimeNanoseconds
        guard !isDrawn || now - lastDraw >= Self.redrawInterval else { return }
        let line = Self.cut(progress.line, to: max(1, width() - 1))
        StandardError.progress(line, blankedWidth: terminalErases ? nil : drawnWidth)
        drawnWidth = TerminalText.displayWidth(line)
        isDrawn = true
        lastDraw = now
    }

    /// `line` cut to at most `columns` display columns (whole characters).
    static func cut(_ line: String, to columns: Int) -> String {
        guard TerminalText.displayWidth(line) > columns else { return line }
        var out = ""
        var used = 0
        for character in line {
            let width = TerminalText.displayWidth(String(character))
            if used + width > columns { break }
            out.append(character)
            used += width
        }
        return out
    }
}
