import Annotations
import Foundation
import WorkbenchShell
import WorkbenchTerminal

/// The interactive replay: shows one step at a time and reads navigation commands.
struct ReplayLoop {
    /// The played-back log.
    let stepper: ReplayStepper
    /// How steps are shown.
    let view: ReplayView
    /// Steps beyond this count (from `--to`) are not shown.
    let limit: Int

    /// Reads commands until `quit` or end of input.
    func run(editor: any LineEditor) {
        defer { editor.close() }
        guard limit > 0 else {
            StandardOutput.line("the log is empty")
            return
        }
        var current = 0
        show(current)
        let hint = StyledLine("next (Enter) · prev · goto SEQ · play [SPEED] · /TEXT · kind KIND · id ID · quit", .dim)
        StandardOutput.lines(StyledLine.forTerminal([hint]), style: view.style)
        while true {
            let prompt = StyledLine("replay #\(current + 1)/\(limit)> ", .prompt)
            let line: String
            let input = editor.readLine(prompt: prompt, style: view.style)
            switch input.outcome {
            case .endOfInput: return
            case .interrupted: continue
            case .refused(let message):
                StandardOutput.line(message)
                continue
            case .line(let text): line = CommandLexer.trimmed(text)
            }
            let word = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            let argument = line.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            switch word {
            case "", "n", "next":
                if current + 1 < limit { current += 1; show(current) } else { StandardOutput.line("at the last event") }
            case "p", "prev":
                if current > 0 { current -= 1; show(current) } else { StandardOutput.line("at the first event") }
            case "g", "goto":
                guard let seq = Int(argument), seq >= 1, seq <= limit else {
                    StandardOutput.line("goto needs a sequence number 1–\(limit)")
                    continue
                }
                current = seq - 1
                show(current)
            case "play":
                let speed = Double(argument) ?? 1
                guard speed > 0 else { StandardOutput.line("play needs a positive speed, e.g. play 4"); continue }
                current = play(from: current, speed: speed)
            case "kind":
                jump(from: &current, what: "kind \(argument)") { $0.touched.contains { $0.kind == argument } }
            case "id":
                jump(from: &current, what: "id \(argument)") { $0.touched.contains { $0.description == argument } }
            case "q", "quit", "exit":
                return
            default:
                if line.hasPrefix("/"), line.count > 1 {
                    let needle = String(line.dropFirst()).lowercased()
                    jump(from: &current, what: "\"\(needle)\"") {
                        $0.description.lowercased().contains(needle) || $0.event.annotator.lowercased() == needle
                    }
                } else {
                    StandardOutput.line("unknown command \(word); use next, prev, goto SEQ, play [SPEED], /TEXT, kind KIND, id ID, quit")
                }
            }
        }
    }

    private func jump(from current: inout Int, what: String, where matches: (ReplayStep) -> Bool) {
        guard let found = stepper.find(after: current, where: matches), found < limit else {
            StandardOutput.line("no event matches \(what)")
            return
        }
        current = found
        show(current)
    }

    private func show(_ index: Int) {
        StandardOutput.lines(StyledLine.forTerminal(view.lines(for: stepper.steps[index], state: stepper.state(afterSteps: index + 1))), style: view.style)
    }

    /// Shows steps with their recorded pauses divided by `speed` (each wait at most 3 s); Ctrl-C stops.
    private func play(from start: Int, speed: Double) -> Int {
        InterruptFlag.catching { flag in
            var current = start
            while current + 1 < limit {
                let pause = min(3, max(0, (stepper.steps[current + 1].sincePrevious ?? 0) / speed))
                var waited = 0.0
                while waited < pause, !flag.isRaised {
                    usleep(20_000)
                    waited += 0.02
                }
                if flag.isRaised {
                    StandardOutput.line("stopped")
                    return current
                }
                current += 1
                show(current)
            }
            StandardOutput.line("at the last event")
            return current
        }
    }
}
