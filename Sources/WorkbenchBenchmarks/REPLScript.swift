/// The command script of the REPL benchmark: rounds of navigation and tagging commands as an
/// annotator types them, each line labelled with the name its timing is reported under.
struct REPLScript {
    /// What a command does, for the report.
    enum Group: String, CaseIterable {
        case navigation, tagging, view, setup
    }

    /// The script, one command per line, ending with `quit`.
    let text: String
    /// One label per command line (without the final `quit`).
    let labels: [String]
    /// The label of a search whose match is far away (a scan of about half the corpus).
    static let farSearch = "/regex (match far away)"
    /// Labels in report order.
    let order = [
        "next", "prev", "goto DOC:SENT (near the start)", "goto DOC:SENT (far away)", "/regex (match nearby)",
        REPLScript.farSearch, "nu (next unannotated)",
        "speaker", "cue", "claim", "stance", "note", "undo", "redo", "done",
        "status", "docs", "target add",
    ]

    /// The group a label belongs to.
    static func group(of label: String) -> Group {
        switch label.split(separator: " ").first.map(String.init) ?? "" {
        case "next", "prev", "goto", "nu": return .navigation
        case _ where label.hasPrefix("/"): return .navigation
        case "status", "docs": return .view
        case "target": return .setup
        default: return .tagging
        }
    }

    /// About `commands` commands on `corpus`; the same corpus and count give the same script.
    init(corpus: REPLCorpus, commands: Int) {
        var generator = SplitMix(seed: 20_241_007)
        var lines: [(String, String)] = [("target add \"Nordkoreanische Truppen kämpfen in Russland\"", "target add")]
        let documents = corpus.sentenceCounts.count
        let rounds = max(1, commands / 14)
        // Copies of the seed documents are numbered per round of five ("Kopie N,").
        let copies = max(1, documents / 5)
        for round in 0..<rounds {
            let near = 1 + Int(generator.next() % UInt64(min(documents, 50)))
            let far = documents - Int(generator.next() % UInt64(max(1, documents / 100)))
            lines += [
                ("next", "next"), ("prev", "prev"),
                ("goto \(near):\(1 + Int(generator.next() % UInt64(corpus.sentenceCounts[near - 1])))", "goto DOC:SENT (near the start)"),
                ("goto \(far):\(1 + Int(generator.next() % UInt64(corpus.sentenceCounts[far - 1])))", "goto DOC:SENT (far away)"),
                ("/sagte|erklärte", "/regex (match nearby)"),
            ]
            if round % 20 == 10 {
                lines.append(("/Kopie \(Int(generator.next() % UInt64(copies))),", Self.farSearch))
            }
            lines += [
                ("nu", "nu (next unannotated)"),
                ("speaker 1-2 = Bench Sprecher", "speaker"), ("cue 3", "cue"), ("claim all by S1", "claim"),
                ("stance S1 T1 \(round % 2 == 0 ? "against" : "favor")", "stance"),
                ("note Quelle prüfen", "note"), ("undo", "undo"), ("redo", "redo"), ("done", "done"),
            ]
            if round % 10 == 5 { lines += [("status", "status"), ("docs", "docs")] }
        }
        text = (lines.map(\.0) + ["quit"]).joined(separator: "\n") + "\n"
        labels = lines.map(\.1)
    }
}
