import Dispatch
import WorkbenchShell
import WorkbenchTerminal

/// The one progress line on standard error: drawn through ``StandardError/progress(_:blankedWidth:)``
/// (sanitised, one row rewritten in place), cut to the columns given so it never wraps, redrawn at
/// most ten times a second, and erased before results or messages are written. ``ProgressMeter``
/// draws the commands' progress with it and the REPL the progress of a long shell command (`ns`);
/// nothing else draws progress. Callers decide whether it is shown at all (standard error a terminal).
final class ProgressLine {
    /// Whether the terminal erases with `ESC [K` (not `TERM=dumb`); else lines are blanked with spaces.
    let terminalErases = StandardError.terminalErases()
    /// Whether a line is on the screen now.
    private(set) var isDrawn = false
    /// Columns of the line drawn last (what spaces must cover on a terminal that cannot erase).
    private var drawnWidth = 0
    private var lastDraw: UInt64 = 0

    /// The minimum time between two redraws.
    static let redrawInterval: UInt64 = 100_000_000

    /// The monotonic time the redraw interval is measured in.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Whether a redraw is due at `now`: the line was erased since, or the last draw is older than
    /// the redraw interval.
    func isDue(at now: UInt64 = ProgressLine.now()) -> Bool {
        now - lastDraw >= Self.redrawInterval
    }

    /// Draws `text`, cut to `columns` display columns (whole characters, at least one).
    func draw(_ text: String, columns: Int, at now: UInt64 = ProgressLine.now()) {
        let line = Self.cut(TerminalText.sanitize(text), to: max(1, columns))
        StandardError.progress(line, blankedWidth: terminalErases ? nil : drawnWidth)
        drawnWidth = TerminalText.displayWidth(line)
        isDrawn = true
        lastDraw = now
    }

    /// Erases the line if one is drawn; the next ``isDue(at:)`` is true.
    func clear() {
        if isDrawn { StandardError.clearProgress(blankedWidth: terminalErases ? nil : drawnWidth) }
        isDrawn = false
        lastDraw = 0
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
