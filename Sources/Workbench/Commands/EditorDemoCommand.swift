import ArgumentParser
import WorkbenchShell

/// `workbench editor-demo` (hidden): reads lines with the terminal line editor and echoes each as
/// `got: <line>`. Exists so the end-to-end tests can drive the editor in a real terminal.
struct EditorDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "editor-demo",
        abstract: "Echo lines read with the line editor (for tests).",
        shouldDisplay: false
    )

    /// Words offered by TAB completion.
    static let words = ["speaker", "speakers", "stance", "stances", "claim", "cue"]

    @Option(help: "History file (interactive mode only).")
    var history: String?

    @OptionGroup var color: ColorOption

    mutating func run() throws {
        let capabilities = TerminalCapabilities.detect()
        let style = TerminalStyle(noColor: color.noColor)
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
            case .endOfInput:
                break loop
            }
        }
    }
}
