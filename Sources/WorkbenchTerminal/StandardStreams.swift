import Annotations
import Foundation
import Glibc
import Synchronization
import WorkbenchShell

/// The one way text reaches standard output: every human-readable string is passed through
/// ``TerminalText/sanitize(_:keepNewlines:)`` (line breaks kept), so corpus text, speaker names,
/// file names and user arguments can never move the cursor, set the window title or clear the screen.
/// The program's own colours come only from ``StyledLine``s, whose runs are sanitised first and styled
/// after; JSON goes through ``writeJSON(_:)``, which keeps the exact text and escapes what a terminal
/// would act on.
///
/// Writes are buffered; call ``flush()`` before anything else writes (another stream, a prompt, the end
/// of the program). The static `line` functions write at once.
public struct StandardOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    /// A buffer for standard output.
    public init() { descriptor = 1 }

    /// A buffer for `descriptor` (1 or 2).
    fileprivate init(descriptor: Int32) { self.descriptor = descriptor }

    /// Appends `text` (which may hold several lines) with every control character made visible.
    public mutating func write(_ text: String) {
        append(TerminalText.sanitize(text, keepNewlines: true))
    }

    /// Appends `line` and a line break: each run's text sanitised, then coloured by `style`.
    public mutating func write(_ line: StyledLine, style: TerminalStyle) {
        append(Self.render(line, style: style) + "\n")
    }

    /// Appends JSON text unchanged except that every character a terminal would act on (C0 and C1
    /// controls, DEL, bidi and other format characters, line separators) inside it is written as a
    /// `\uXXXX` escape; line breaks between values stay. Valid JSON stays valid and decodes to the same
    /// strings (such characters can only occur inside string literals).
    public mutating func writeJSON(_ json: String) {
        append(Self.escapingControls(inJSON: json))
    }

    /// Writes what is buffered.
    public mutating func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeAll(buffer, to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `text` and a line break to standard output at once (sanitised, see ``write(_:)``).
    public static func line(_ text: String) {
        var output = StandardOutput()
        output.write(text + "\n")
        output.flush()
    }

    /// Writes `lines` to standard output at once (sanitised and styled, see ``write(_:style:)``).
    public static func lines(_ lines: [StyledLine], style: TerminalStyle) {
        var output = StandardOutput()
        for line in lines { output.write(line, style: style) }
        output.flush()
    }

    /// `line` as terminal text: each run sanitised (no line breaks), then coloured by `style`. The one
    /// place where escape sequences are put into text; prompts are made here too.
    public static func render(_ line: StyledLine, style: TerminalStyle) -> String {
        line.runs.map { run in
            let text = TerminalText.sanitize(run.text)
            return run.style.map { style.apply($0, text) } ?? text
        }.joined()
    }

    /// `json` with unsafe characters (see ``writeJSON(_:)``) replaced by JSON escapes.
    public static func escapingControls(inJSON json: String) -> String {
        if json.utf8.withContiguousStorageIfAvailable({ TerminalText.isSafe(utf8: $0, keepNewlines: true) }) == true { return json }
        if json.unicodeScalars.allSatisfy({ TerminalText.isSafe($0, keepNewlines: true) }) { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if TerminalText.isSafe(scalar, keepNewlines: true) {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            }
        }
        return String(out)
    }

    /// ``write(_:)`` for UTF-8 text: checked on its bytes in one pass and copied as it is when it holds
    /// nothing to replace (a large piece is written at once instead of being copied into the buffer).
    public mutating func write(utf8 bytes: [UInt8]) {
        appendBytes(TerminalText.sanitize(utf8: bytes, keepNewlines: true))
    }

    /// ``writeJSON(_:)`` for UTF-8 JSON text, checked on its bytes like ``write(utf8:)``.
    public mutating func writeJSON(utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeJSON(utf8: $0) }
    }

    /// ``writeJSON(utf8:)`` for bytes someone else owns (a large piece is written from them at once).
    public mutating func writeJSON(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if TerminalText.isSafe(utf8: bytes, keepNewlines: true) {
            appendBytes(bytes)
        } else {
            append(Self.escapingControls(inJSON: String(decoding: bytes, as: UTF8.self)))
        }
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    private mutating func appendBytes(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendBytes($0) }
    }

    private mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count > 1 << 16 {
            flush()
            Self.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count > 1 << 16 { flush() }
    }

    /// The `errno` of the first write to standard output that failed for a reason other than a reader
    /// that went away (a full disk, a file-size limit, an I/O error), 0 while none has.
    private static let failedWrite = Atomic<Int32>(0)

    /// Why a write to standard output failed (`"No space left on device"` for `> /dev/full` or a full
    /// disk), or nil when every write went through. A closed pipe (`| head`) is not counted: its reader
    /// stopped reading on purpose. The program's end reports it and exits with status 1, so that a
    /// cut-off result is never taken for a whole one.
    public static var writeFailure: String? {
        let code = failedWrite.load(ordering: .relaxed)
        return code == 0 ? nil : String(cString: strerror(code))
    }

    /// Writes every byte, retrying after signals (Ctrl-C handlers are installed without `SA_RESTART`);
    /// gives up on other errors (a closed pipe, a full disk), remembering a failure on standard output
    /// other than a closed pipe in ``writeFailure``, which the program reports at its end.
    fileprivate static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// ``writeAll(_:to:)`` for bytes someone else owns.
    fileprivate static func writeAll(_ raw: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let code = FileWriting().writeAll(raw, to: descriptor) else { return }
        if descriptor == STDOUT_FILENO, code != EPIPE {
            _ = failedWrite.compareExchange(expected: 0, desired: code, ordering: .relaxed)
        }
    }
}

/// Standard input read line by line without a terminal (``PlainLineReader``): a read that fails
/// (standard input a folder, an I/O error) ends the input as its end would, and is remembered here so
/// that the program's end reports it and exits with status 1 rather than 0.
public enum StandardInput {
    private static let failedRead = Atomic<Int32>(0)

    /// Records that reading standard input failed with `code` (the first failure is kept).
    static func recordFailure(_ code: Int32) {
        _ = failedRead.compareExchange(expected: 0, desired: code == 0 ? EIO : code, ordering: .relaxed)
    }

    /// The code kept for input found to be binary (no `errno` value is negative).
    private static let binaryInput: Int32 = -1

    /// Records that standard input is binary data, not text lines (a NUL byte and no line break in a
    /// line's first 4 MiB: `cat /dev/zero |`, an archive piped in by mistake); reading stopped there.
    static func recordBinary() {
        _ = failedRead.compareExchange(expected: 0, desired: binaryInput, ordering: .relaxed)
    }

    /// Why reading standard input failed (`"Is a directory"` for `< /`), or nil when it did not.
    public static var readFailure: String? {
        let code = failedRead.load(ordering: .relaxed)
        if code == binaryInput {
            return "it is binary data, not text: a NUL byte and no line break in the first 4 MiB of a line; was a binary file or a device such as /dev/zero piped in?"
        }
        return code == 0 ? nil : String(cString: strerror(code))
    }
}

/// One-line writes to standard error, sanitised like ``StandardOutput/write(_:)``. Error messages,
/// warnings and the command-line parser's messages all come this way.
public enum StandardError {
    /// Writes `line` (several lines are allowed) and a line break at once.
    public static func write(_ line: String) {
        var output = StandardOutput(descriptor: 2)
        output.write(line + "\n")
        output.flush()
    }
}

extension StandardError {
    /// Writes a constant message of the program's own with one `write(2)`: no allocation and no lock,
    /// so it is safe inside a signal handler. Nothing from outside can reach it (a `StaticString`).
    public static func writeFromSignalHandler(_ message: StaticString) {
        _ = Glibc.write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    }

    /// Shows `line` as the one progress line at the start of the terminal's current row, erasing what
    /// was there (`\r`, the text sanitised, then erase to the end of the row); no line break, so the
    /// next call replaces it. Only for a terminal: ``ProgressMeter`` decides.
    ///
    /// `blankedWidth` is for a terminal that knows no erase sequence (`TERM=dumb`, such as an editor's
    /// shell buffer, which shows `ESC [K` as text): the row is erased with spaces over that many columns
    /// (the width of the line drawn before) instead. Erasing is cursor control, not colour, so
    /// `NO_COLOR` and `--no-color` keep the sequence (no-color.org is about colour only).
    public static func progress(_ line: String, blankedWidth: Int? = nil) {
        var output = StandardOutput(descriptor: 2)
        output.appendControl("\r")
        output.write(line)
        if let blankedWidth {
            output.appendControl(String(repeating: " ", count: max(0, blankedWidth - TerminalText.displayWidth(TerminalText.sanitize(line)))))
        } else {
            output.appendControl("\u{1B}[K")
        }
        output.flush()
    }

    /// Erases the progress line (`\r`, erase to the end of the row; with `blankedWidth`, that many
    /// spaces and `\r` again, as in ``progress(_:blankedWidth:)``).
    public static func clearProgress(blankedWidth: Int? = nil) {
        var output = StandardOutput(descriptor: 2)
        output.appendControl(blankedWidth.map { "\r" + String(repeating: " ", count: $0) + "\r" } ?? "\r\u{1B}[K")
        output.flush()
    }

    /// Whether the terminal named by `TERM` in `environment` erases a row with `ESC [K`: all but `dumb`.
    public static func terminalErases(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["TERM"] != "dumb"
    }
}

extension StandardOutput {
    /// Appends the program's own control sequence unchanged (progress line only).
    fileprivate mutating func appendControl(_ control: String) {
        append(control)
    }
}
