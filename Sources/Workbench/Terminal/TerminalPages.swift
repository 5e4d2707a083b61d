import WorkbenchShell

/// Output cut into screenfuls for a terminal `height` rows high and `width` columns wide: a page leaves
/// room for the "more" question (two rows or more when the window is narrower than the question), so
/// nothing scrolls out of sight before it is read. Lines must already be wrapped to the width.
struct TerminalPages: Sendable, Equatable {
    /// The pages, in order; one page when everything fits.
    let pages: [[StyledLine]]

    /// Splits `lines` for a terminal of `height` rows and `width` columns (at least 2 lines per page).
    init(_ lines: [StyledLine], height: Int, width: Int) {
        let size = Self.pageSize(height: height, width: width, remaining: lines.count)
        guard lines.count > size else { pages = [lines]; return }
        pages = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
    }

    /// Rows of one page when `remaining` rows are still to show: the window's height less the rows the
    /// question takes (at least 2). All `remaining` rows are one page when they are no more than that.
    static func pageSize(height: Int, width: Int, remaining: Int) -> Int {
        max(2, height - questionRows(remaining: remaining, width: width))
    }

    /// The question between pages: how many lines are still to come. In a window too narrow for the
    /// whole question (and the cursor after it) the short form: the long one was broken mid-word by
    /// the terminal ("Enter shows the next pa" / "ge, q stops --") and took a row of the page.
    static func question(remaining: Int, width: Int) -> StyledLine {
        let long = StyledLine("-- \(remaining) more lines: Enter shows the next page, q stops --", .dim)
        guard width > 0, TerminalText.displayWidth(long.plain) >= width else { return long }
        return StyledLine("-- \(remaining) more: Enter, q stops --", .dim)
    }

    /// Rows the question takes in a window `width` columns wide (at most `remaining` lines to come).
    static func questionRows(remaining: Int, width: Int) -> Int {
        let columns = TerminalText.displayWidth(question(remaining: remaining, width: width).plain)
        return width > 0 ? max(1, (columns + width - 1) / width) : 1
    }
}
