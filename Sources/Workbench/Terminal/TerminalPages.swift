import WorkbenchShell

/// Output cut into screenfuls for a terminal `height` rows high: a page leaves one row for the
/// "more" question, so nothing scrolls out of sight before it is read. Lines must already be
/// wrapped to the width.
struct TerminalPages: Sendable, Equatable {
    /// The pages, in order; one page when everything fits.
    let pages: [[StyledLine]]

    /// Splits `lines` for a terminal of `height` rows (at least 2 lines per page).
    init(_ lines: [StyledLine], height: Int) {
        let size = max(2, height - 1)
        guard lines.count > size else { pages = [lines]; return }
        pages = stride(from: 0, to: lines.count, by: size).map { Array(lines[$0..<min($0 + size, lines.count)]) }
    }

    /// The question between pages: how many lines are still to come.
    static func question(remaining: Int) -> StyledLine {
        StyledLine("-- \(remaining) more lines: Enter shows the next page, q stops --", .dim)
    }
}
