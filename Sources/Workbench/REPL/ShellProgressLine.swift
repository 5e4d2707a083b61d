import WorkbenchShell

/// The REPL's progress for a long shell command (`ns` searching many parts of a long document),
/// shown on the one ``ProgressLine`` (cut to the window's width, at most ten redraws a second) and
/// erased when the command ends, before its answer is written. Only in a terminal: the REPL installs
/// it when it is interactive and standard error is a terminal, so piped runs show nothing.
final class ShellProgressLine {
    /// Columns available (the window's width, read when drawing).
    private let width: () -> Int
    private let line = ProgressLine()

    init(width: @escaping () -> Int) {
        self.width = width
    }

    /// Shows `progress` when a redraw is due, or erases the line on nil.
    func show(_ progress: ShellProgress?) {
        guard let progress else { return line.clear() }
        let now = ProgressLine.now()
        guard line.isDue(at: now) else { return }
        line.draw(progress.line, columns: width() - 1, at: now)
    }
}
