import Foundation
import WorkbenchTerminal

/// Ctrl-\ (SIGQUIT) ends the program at once with a one-line message instead of the runtime's crash
/// report, which waits for a key and leaves the process running meanwhile. Nothing acknowledged is
/// lost: every acknowledged edit is already in the session's journal (a kill at any moment is
/// recovered the same way), and the kernel releases the session lock.
enum QuitSignal {
    /// The exit status after Ctrl-\ (128 + SIGQUIT, as a shell reports a quit).
    static let exitStatus: Int32 = ExitStatus.quit.rawValue

    /// Installs the handler; call once at start.
    static func install() {
        signal(SIGQUIT) { _ in
            StandardError.writeFromSignalHandler("\nquit (Ctrl-\\): every acknowledged edit is saved in the session's journal\n")
            _exit(131)  // exitStatus, spelt as a literal: nothing lazy may run in a signal handler
        }
    }
}
