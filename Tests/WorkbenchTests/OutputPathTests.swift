
import Foundation
import Testing
@testable import Workbench
@testable import WorkbenchShell
@testable import WorkbenchTerminal

/// Everything the program writes goes through the one sanitising writer (``StandardOutput``,
/// ``StandardError``): these tests fail when a raw write appears anywhere else in the sources, and pin
/// down what the writer does to text, styled lines and JSON.
@Suite("One output path")
struct OutputPathTests {
    /// Calls that write to the terminal without sanitising.
    static let forbidden: [(pattern: String, what: String)] = [
        (#"(^|[^A-Za-z0-9_.])print\("#, "print("),
        (#"(^|[^A-Za-z0-9_])debugPrint\("#, "debugPrint("),
        (#"(^|[^A-Za-z0-9_.])dump\("#, "dump("),
        (#"FileHandle\.standard(Output|Error)"#, "FileHandle.standardOutput/standardError"),
        (#"(^|[^A-Za-z0-9_])(fputs|fwrite|fputc|putchar|puts|printf|fprintf|vfprintf|putc)\("#, "C stdio output"),
        (#"(^|[^A-Za-z0-9_])(Glibc\.|Foundation\.)?write\((1|2|STDOUT_FILENO|STDERR_FILENO)\b"#, "write(2) on fd 1/2"),
        (#"wb_write_stdout\((?!"\\n"\))"#, "wb_write_stdout with anything but a line break"),
    ]

    /// The files allowed to write raw bytes: the writer itself.
    static let allowed: Set<String> = ["Sources/Workbench/Terminal/StandardStreams.swift"]

    @Test("no source file writes to standard output or error except through the sanitising writer")
    func noRawWrites() throws {
        let root = WorkbenchProcess.packageRoot
        var offences: [String] = []
        for folder in ["Sources/Workbench", "Sources/WorkbenchShell", "Sources/WorkbenchTeam", "Sources/Annotations"] {
            let base = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let relative = folder + "/" + url.path.dropFirst(base.path.count + 1)
                if Self.allowed.contains(relative) { continue }
                let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("//") { continue }
                    for rule in Self.forbidden where code.range(of: rule.pattern, options: .regularExpression) != nil {
                        offences.append("\(relative):\(number + 1): \(rule.what): \(code)")
                    }
                }
            }
        }
        #expect(offences.isEmpty, "write through StandardOutput / StandardError instead:\n\(offences.joined(separator: "\n"))")
    }

    @Test("the scan recognises the raw writes it forbids")
    func scanCatchesRawWrites() {
        let samples = [
            "print(text)", "    print(\"x\")", "FileHandle.standardOutput.write(data)", "FileHandle.standardError.write(d)",
            "fputs(s, stderr)", "Glibc.write(1, p, n)", "write(2, p, n)", "wb_write_stdout(text)", "debugPrint(x)",
        ]
        for sample in samples {
            #expect(Self.forbidden.contains { sample.range(of: $0.pattern, options: .regularExpression) != nil }, "\(sample)")
        }
        let fine = ["output.write(text)", "StandardError.write(\"x\")", "wb_write_stdout(\"\\n\")", "blueprint(x)", "view.print(x)"]
        for sample in fine {
            #expect(!Self.forbidden.contains { sample.range(of: $0.pattern, options: .regularExpression) != nil }, "\(sample)")
        }
    }

    @Test("styled lines: runs are sanitised first, our colours added after")
    func styledLinesSanitiseThenColour() {
        var line = StyledLine("S1 ", .speaker)
        line.append("Evil\u{1B}]0;title\u{07}\u{9B}2J name")
        let coloured = StandardOutput.render(line, style: TerminalStyle(enabled: true))
        #expect(coloured == "\u{1B}[1;36mS1 \u{1B}[0mEvil␛]0;title␇<U+009B>2J name")
        let plain = StandardOutput.render(line, style: TerminalStyle(enabled: false))
        #expect(plain == "S1 Evil␛]0;title␇<U+009B>2J name")
    }

    @Test("German text passes the writer unchanged")
    func germanTextUnchanged() {
        let text = "Grüße aus Köln: „Wir bleiben hier.“ – sagte Müller 👩‍👩‍👧 e\u{301}\tund\u{00AD}"
        let expected = "Grüße aus Köln: „Wir bleiben hier.“ – sagte Müller 👩‍👩‍👧 e\u{301} und<U+00AD>"
        #expect(TerminalText.sanitize(text, keepNewlines: true) == expected)
        #expect(StandardOutput.render(StyledLine("Grüße „x“ 👍🏽"), style: TerminalStyle(enabled: false)) == "Grüße „x“ 👍🏽")
    }

    @Test("JSON keeps exact text: controls, C1 and bidi become JSON escapes, the strings decode unchanged")
    func jsonEscapesControls() throws {
        let original = "a\u{1B}[31mb\u{07}\u{9B}c\u{202E}d\u{2066}e\u{7F}f Grüße „x“ 👍 \u{E0041}"
        let encoded = try String(decoding: JSONEncoder().encode([original]), as: UTF8.self)
        // JSONEncoder escapes C0 itself; C1, DEL and bidi pass raw until the writer escapes them.
        #expect(!encoded.unicodeScalars.contains("\u{1B}"))
        let written = StandardOutput.escapingControls(inJSON: encoded + "\n")
        #expect(written.unicodeScalars.allSatisfy { TerminalText.isSafe($0, keepNewlines: true) })
        #expect(written.contains("\\u009b") && written.contains("\\u202e") && written.contains("\\udb40\\udc41"))
        let decoded = try JSONDecoder().decode([String].self, from: Data(written.utf8))
        #expect(decoded == [original])
    }
}
