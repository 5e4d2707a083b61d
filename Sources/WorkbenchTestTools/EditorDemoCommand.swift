import Annotations
import ArgumentParser
import WorkbenchShell
import WorkbenchTerminal

/// `WorkbenchTestTools editor-demo`: reads lines with the terminal line editor and echoes each as
/// `got: <line>`. Exists so the end-to-end tests can drive the editor in a real terminal.
struct EditorDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "editor-demo",
        abstract: "Echo lines read with the line editor (for tests)."
    )

    /// Words offered by TAB completion.
    static let words = ["speaker", "speakers", "stance", "stances", "claim", "cue"]

    @Option(help: "History file (interactive mode only).")
    var history: String?

    @Flag(help: "Never use colour (NO_COLOR=1 does the same).")
    var noColor = false

    mutating func run() throws {
        let capabilities = TerminalCapabilities.detect()
        let style = TerminalStyle(noColor: noColor)
        let editor = capabilities.makeLineEditor(historyPath: history) { line, cursor in
            Completion.matching(Self.words, line: line, cursor: cursor)
        }
        defer { editor.close() }
        var prompt = StyledLine("demo", .prompt)
        prompt.append("›", .dim)
        prompt.append(" ")
        loop: while true {
            switch editor.readLine(prompt: prompt, style: style) {
            case .line(let line):
                StandardOutput.line("got: " + line)
            case .interrupted:
                continue
            case .notUTF8(let offset):
                StandardOutput.line("not UTF-8 at byte \(offset)")
            case .hiddenCharacter(let scalar):
                StandardOutput.line("hidden character \(scalar.codePoint)")
            case .tooLong(let bytes):
                StandardOutput.line("too long: \(bytes) bytes")
            case .endOfInput:
                break loop
            }
        }
    }
}
