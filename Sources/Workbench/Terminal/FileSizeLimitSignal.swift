import Foundation

/// A file-size limit (`ulimit -f`, a batch system's quota) reached by a write is
/// treated like a full disk: SIGXFSZ is ignored, so the write fails (`EFBIG`) and the command that
/// made it refuses the edit and leaves the log as it was, instead of the kernel ending the program
/// with status 153 and no message.
enum FileSizeLimitSignal {
    /// Ignores SIGXFSZ; call once at start.
    static func install() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
