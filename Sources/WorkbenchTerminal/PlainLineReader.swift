import CEditLine
import Glibc
import WorkbenchShell

/// Line reader for non-interactive use (stdin or stdout is not a terminal): no prompt, no colour,
/// no history, no escape sequences. Reads lines of bytes from standard input; one that is not UTF-8 is
/// refused (`LineInput.notUTF8`), never read with replacement characters; one of more than
/// ``keptBytes`` bytes is read to its end without being kept (`LineInput.tooLong`). Input whose first
/// ``keptBytes`` bytes of a line hold a NUL byte and no line break is binary, not text: reading stops
/// there, as at the input's end, and ``StandardInput/readFailure`` says why.
public final class PlainLineReader: LineEditor {
    private var closed = false
    private let endsOnStopSignals: Bool

    /// Creates a reader on standard input. With `endingOnStopSignals` (the reader of the annotation REPL
    /// and review, ``TerminalCapabilities/makeLineEditor(historyPath:stopSignalsEndInput:completer:)``,
    /// and of adjudicate's answers), `kill`
    /// (SIGTERM) and a hang-up (SIGHUP) end the input as its end does, once the command running has finished, so the session is
    /// closed as on leaving, as the terminal's line editor does; a second such signal ends the program
    /// at once. Without it, they keep their default effect.
    public init(endingOnStopSignals: Bool = false) {
        endsOnStopSignals = endingOnStopSignals
        if endingOnStopSignals { wb_plain_install_stop_signals() }
    }

    /// The signal that ended the input (SIGTERM or SIGHUP), if one did.
    public var stopSignal: Int32? {
        guard endsOnStopSignals else { return nil }
        let signal = wb_plain_stop_received()
        return signal == 0 ? nil : signal
    }

    /// Reads the next line; the prompt is ignored.
    public func readLine(prompt: StyledLine, style: TerminalStyle) -> LineInput {
        guard !closed else { return .endOfInput }
        if stopSignal != nil { return stop() }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0, total = 0
        var binary: Int32 = 0
        defer { free(buffer) }
        let count = wb_read_stdin_line_bounded(&buffer, &capacity, Self.keptBytes, &total, &binary)
        // A stop signal while the line was read: the line, whole or not, is not run.
        if stopSignal != nil { return stop() }
        if binary != 0 {
            // A NUL byte and no line break in the first 4 MiB: binary data, not commands (`cat /dev/zero |`,
            // an archive piped by mistake). Reading on would never end on an endless stream; the input
            // ends here, and the program's end says why and exits with status 1.
            StandardInput.recordBinary()
            closed = true
            return .endOfInput
        }
        if count < 0 {
            // End of input, or a read that failed (standard input a folder, an I/O error): the
            // failure is reported at the program's end, which then exits with status 1.
            let code = errno
            if wb_stdin_failed() != 0 { StandardInput.recordFailure(code) }
            return .endOfInput
        }
        guard let buffer else { return .endOfInput }
        // Far longer than any command: refused by its size, its bytes not kept (it took memory and time
        // in proportion, and a stream without line breaks was held whole).
        if total >= Self.keptBytes { return .tooLong(bytes: total) }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        // The line break, LF or CRLF, as the standard library's `readLine(strippingNewline:)` strips it.
        if bytes.last == 0x0A { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        if bytes.last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        if let offset = Self.firstInvalidUTF8(bytes) { return .notUTF8(byteOffset: offset) }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// The most bytes of one line kept (a line break included); a longer line is ``LineInput/tooLong(bytes:)``.
    /// Far above the longest command (4000 characters), so such a line is refused as too long by the
    /// shell with its length in characters.
    static let keptBytes = 4 << 20

    /// Where the first sequence that is not UTF-8 starts in `bytes`; nil when they are UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The input ended by a stop signal: the read it broke off is not a failure of standard input.
    private func stop() -> LineInput {
        wb_stdin_clear_error()
        closed = true
        return .endOfInput
    }

    /// Whether a stop signal came (a long search then stops); without a terminal, Ctrl-C keeps its
    /// default effect and ends the program at once.
    public var interruptRequested: Bool { stopSignal != nil }

    /// Marks the reader closed. Idempotent.
    public func close() { closed = true }
}
