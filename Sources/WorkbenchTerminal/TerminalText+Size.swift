import CEditLine
import Foundation
import WorkbenchShell

extension TerminalText {
    /// The width of the terminal on standard output (or error, or input), else `$COLUMNS`, else 80.
    public static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        for descriptor: Int32 in [1, 2, 0] {
            let columns = wb_terminal_columns(descriptor)
            if columns > 0 { return Int(columns) }
        }
        if let value = environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        return 80
    }

    /// The height of the terminal on standard output (or error, or input), else `$LINES`, else 24.
    public static func terminalHeight(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        for descriptor: Int32 in [1, 2, 0] {
            let rows = wb_terminal_rows(descriptor)
            if rows > 0 { return Int(rows) }
        }
        if let value = environment["LINES"], let rows = Int(value), rows > 0 { return rows }
        return 24
    }
}
