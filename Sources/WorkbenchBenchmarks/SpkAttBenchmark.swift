import Annotations
import Crypto
import Foundation

/// `suggest --spkatt DIR [--part dev|heldout|all]`: runs the suggestion engine on SpkAtt-2023
/// articles and scores it as the shared task does (see ``AttributionScorer``).
///
/// The split is fixed by the file names alone: the files are ordered by the SHA-256 of their name
/// (lowercase hex) and the first fifth (rounded down) is the held-out part, the rest the dev part.
/// Each article is detokenised into plain text (``SpkAttArticle``) and segmented by the project's
/// own segmenter, as `workbench suggest` does on raw text; predicted spans are mapped back to the
/// gold tokens they cover.
enum SpkAttBenchmark {
    static let benchmark = Benchmark(
        name: "suggest", summary: "score the suggestion engine on SpkAtt JSON (--spkatt DIR [--part dev|heldout|all])",
        run: run)

    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkSupport.options(arguments, allowed: ["spkatt", "part", "list", "explain", "tables", "min-confidence"])
        guard let folder = options["spkatt"] else { throw BenchmarkSupport.UsageError(description: "--spkatt DIR is required") }
        let part = options["part"] ?? "all"
        guard ["dev", "heldout", "all"].contains(part) else {
            throw BenchmarkSupport.UsageError(description: "--part must be dev, heldout or all")
        }
        let split = try split(folder: folder)
        if options["list"] == "yes" {
            for name in split.heldout { print("heldout \(name)") }
            for name in split.dev { print("dev \(name)") }
            return
        }
        var suggester = AttributionSuggester()
        if let floor = options["min-confidence"] {
            guard let value = Double(floor), (0...1).contains(value) else {
                throw BenchmarkSupport.UsageError(description: "--min-confidence must be a number from 0 to 1")
            }
            suggester.minimumConfidence = value
        }
        let parts: [(String, [String])] = part == "all" ? [("dev", split.dev), ("heldout", split.heldout)] : [(part, part == "dev" ? split.dev : split.heldout)]
        for (name, files) in parts {
            var tally = AttributionScorer.Tally()
            var rules: [String: Int] = [:]
            var pairedRules: [String: Int] = [:]
            var missed = MissedAttributionReport(lexicon: suggester.lexicon)
            var impact = ProposalImpactReport()
            var keys = KeystrokeEstimate()
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                for file in files {
                    let article = try SpkAttArticle(path: (folder as NSString).appendingPathComponent(file))
                    let suggestions = suggester.suggestions(for: SegmentedDocument(article.document))
                    let system = suggestions.map(article.attribution)
                    tally.add(AttributionScorer.score(gold: article.gold, system: system))
                    keys.add(article, system: system)
                    impact.add(gold: article.gold, system: system, suggestions: suggestions, details: suggestions.map { article.detail($0, lexicon: suggester.lexicon) })
                    for (suggestion, gold) in zip(suggestions, AttributionScorer.pairing(gold: article.gold, system: system)) {
                        rules[suggestion.rule, default: 0] += 1
                        if gold != nil { pairedRules[suggestion.rule, default: 0] += 1 }
                    }
                    if let role = options["explain"], name == "dev" {
                        explain(article, system: system, suggestions: suggestions, role: role)
                        if role == "missed" { missed.add(article, system: system) }
                    }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            print(report(part: name, files: files.count, tally: tally, seconds: seconds))
            for (rule, count) in rules.sorted(by: { $0.key < $1.key }) { print("  rule \(rule): \(count) proposed, \(pairedRules[rule] ?? 0) paired") }
            print(impact.halvesSummary())
            print(keys.summary)
            if options["tables"] != "no" {
                print(impact.ruleTable())
                print(impact.detailTable())
                print(impact.bandTable())
            }
            if options["explain"] == "missed", name == "dev" { print(missed.summary()) }
        }
    }

    /// Prints, for the dev part only, the gold and proposed words of each pair that differ in `role`;
    /// `all` prints every proposal with its Source and its pair's.
    static func explain(_ article: SpkAttArticle, system: [AttributionScorer.Attribution], suggestions: [AttributionSuggestion], role: String) {
        let scalars = Array(article.document.text.unicodeScalars)
        func words(_ tokens: Set<Int>) -> String {
            tokens.sorted().map { index in
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[article.tokenRanges[index]])
                return String(view)
            }.joined(separator: " ")
        }
        let pairing = AttributionScorer.pairing(gold: article.gold, system: system)
        let roleValue = role == "all" ? .source : AttributionScorer.Role(rawValue: role) ?? .message
        var paired = Set<Int>()
        for (index, predicted) in system.enumerated() {
            let gold = pairing[index].map { article.gold[$0] }
            if let goldIndex = pairing[index] { paired.insert(goldIndex) }
            let goldTokens = gold?.tokens[roleValue] ?? []
            let systemTokens = predicted.tokens[roleValue] ?? []
            if role == "all" || goldTokens != systemTokens || (role == "form" && gold?.form != predicted.form) {
                print("== \(article.document.id) \(suggestions[index].rule) [\(gold?.form ?? "-") / \(predicted.form)]")
                print("   msg  : \(words(predicted.tokens[.message] ?? []).prefix(140))")
                if let gold { print("   gmsg : \(words(gold.tokens[.message] ?? []).prefix(140))") }
                print("   gold : \(words(goldTokens))")
                print("   sys  : \(words(systemTokens))")
            }
        }
        if role == "missed" {
            for (index, gold) in article.gold.enumerated() where !paired.contains(index) {
                print("-- \(article.document.id) missed [\(gold.form)] cue: \(words(gold.tokens[.cue] ?? [])) | src: \(words(gold.tokens[.source] ?? []))")
                print("   gmsg : \(words(gold.tokens[.message] ?? []).prefix(160))")
            }
        }
    }

    static func split(folder: String) throws -> (dev: [String], heldout: [String]) {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        guard !names.isEmpty else { throw BenchmarkSupport.UsageError(description: "\(folder): no .json files") }
        let ordered = names.map { (SHA256.hash(data: Data($0.utf8)).map { String(format: "%02x", $0) }.joined(), $0) }.sorted { $0 < $1 }.map(\.1)
        let heldoutCount = ordered.count / 5
        return (Array(ordered[heldoutCount...]).sorted(), Array(ordered[..<heldoutCount]).sorted())
    }

    static func report(part: String, files: Int, tally: AttributionScorer.Tally, seconds: Double) -> String {
        func row(_ name: String, _ precision: Double, _ recall: Double, _ f1: Double) -> String {
            String(format: "  %-8@ P %.3f  R %.3f  F1 %.3f", name as NSString, precision, recall, f1)
        }
        let roles: [(name: String, role: AttributionScorer.Role)] = [
            ("Message", .message), ("Cue", .cue), ("Source", .source), ("Addr", .addressee), ("Frame", .frame),
        ]
        var lines = ["part \(part): \(files) articles, \(tally.gold) gold, \(tally.system) proposed, \(tally.pairs) pairs, \(String(format: "%.2f", seconds)) s"]
        lines.append(" averaged over pairs (primary):")
        for (name, average) in roles.map({ ($0.name, tally.averaged($0.role)) }) + [("Joint", tally.jointAverage)] {
            lines.append(row(name, average.precision, average.recall, average.f1))
        }
        lines.append(" pooled tokens (micro):")
        for (name, counts) in roles.map({ ($0.name, tally.counts($0.role)) }) + [("Joint", tally.joint)] {
            lines.append(row(name, counts.precision, counts.recall, counts.f1))
        }
        lines.append(String(format: "  Form     accuracy %.3f over %d pairs", tally.formAccuracy, tally.pairs))
        return lines.joined(separator: "\n")
    }
}

/// One SpkAtt-2023 article: its text rebuilt from the tokens, a map from tokens to scalar ranges,
/// and the gold attributions as token sets.
struct SpkAttArticle {
    private struct File: Decodable {
        struct Sentence: Decodable {
            var SentenceId: Int
            var Tokens: [String]
        }
        struct Annotation: Decodable {
            var Source: [String]?
            var Cue: [String]?
            var Message: [String]?
            var Addr: [String]?
            var Frame: [String]?
            var Form: String?
        }
        var Sentences: [Sentence]
        var Annotations: [Annotation]
    }

    var document: Document
    /// Token number → scalar range; token numbers run over the whole article.
    var tokenRanges: [Range<Int>] = []
    /// Token number → the gold sentence (0-based, in file order) that holds it.
    var tokenSentences: [Int] = []
    var gold: [AttributionScorer.Attribution] = []

    /// Token number of a `"sentence:token"` id.
    private var numbers: [String: Int] = [:]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let file = try JSONDecoder().decode(File.self, from: data)
        var text = String.UnicodeScalarView()
        var count = 0
        var joiner = TokenJoiner()
        for (sentenceNumber, sentence) in file.Sentences.enumerated() {
            for (index, raw) in sentence.Tokens.enumerated() {
                let token = raw.precomposedStringWithCanonicalMapping
                if joiner.needsSpace(before: token) { text.append(" ") ; count += 1 }
                let scalars = token.unicodeScalars
                text.append(contentsOf: scalars)
                tokenRanges.append(count..<(count + scalars.count))
                tokenSentences.append(sentenceNumber)
                numbers["\(sentence.SentenceId):\(index)"] = tokenRanges.count - 1
                count += scalars.count
            }
        }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        document = Document(id: id, text: String(text), source: path)
        for annotation in file.Annotations {
            func set(_ ids: [String]?) -> Set<Int> { Set((ids ?? []).compactMap { numbers[$0] }) }
            gold.append(
                AttributionScorer.Attribution(
                    tokens: [
                        .message: set(annotation.Message), .cue: set(annotation.Cue), .source: set(annotation.Source),
                        .addressee: set(annotation.Addr), .frame: set(annotation.Frame),
                    ], form: Self.form(gold: annotation.Form ?? "")))
        }
    }

    /// Gold form labels mapped onto the engine's forms (both free indirect labels are one form).
    static func form(gold: String) -> String {
        switch gold {
        case "Direct": AttributionForm.direct.rawValue
        case "Indirect": AttributionForm.indirect.rawValue
        case "FreeIndirect", "IndirectFreeIndirect": AttributionForm.freeIndirect.rawValue
        case "Reported": AttributionForm.reported.rawValue
        default: gold
        }
    }

    /// The tokens a list of segments covers (a token counts when a segment covers all of it).
    func tokens(_ segments: [SpanSegment]) -> Set<Int> {
        var result = Set<Int>()
        for segment in segments {
            var low = 0, high = tokenRanges.count
            while low < high {
                let middle = (low + high) / 2
                if tokenRanges[middle].upperBound <= segment.start { low = middle + 1 } else { high = middle }
            }
            var index = low
            while index < tokenRanges.count, tokenRanges[index].lowerBound < segment.end {
                if tokenRanges[index].lowerBound >= segment.start, tokenRanges[index].upperBound <= segment.end { result.insert(index) }
                index += 1
            }
        }
        return result
    }

    /// The tokens of a proposal's speakers. SpkAtt annotates coordinated speakers ("A und B") as
    /// one Source span, so the tokens between two speakers of one proposal count too when they are
    /// only a conjunction or a comma.
    func sourceTokens(_ suggestion: AttributionSuggestion) -> Set<Int> {
        var result = tokens(suggestion.speakerSegments)
        let ordered = suggestion.speakers.compactMap { speaker in tokens(speaker).min().map { ($0, tokens(speaker).max() ?? $0) } }.sorted { $0.0 < $1.0 }
        let scalars = Array(document.text.unicodeScalars)
        for (left, right) in zip(ordered, ordered.dropFirst()) where right.0 > left.1 + 1 && right.0 - left.1 <= 3 {
            let between = ((left.1 + 1)..<right.0).map { index in String(String.UnicodeScalarView(scalars[tokenRanges[index]])) }
            if between.allSatisfy({ ["und", "sowie", "oder", ","].contains($0) }) { result.formUnion((left.1 + 1)..<right.0) }
        }
        return result
    }

    /// A proposal's rule and the lemma of its reporting verb: the first cue word the lexicon knows,
    /// else (reported speech has no cue) the first such word after the speaker, else the cue's first
    /// word in lowercase; "-" when there is none.
    func detail(_ suggestion: AttributionSuggestion, lexicon: SuggestionLexicon) -> String {
        let scalars = document.text.unicodeScalars
        func word(_ index: Int) -> String {
            let range = tokenRanges[index]
            return String(String.UnicodeScalarView(scalars[scalars.index(scalars.startIndex, offsetBy: range.lowerBound)..<scalars.index(scalars.startIndex, offsetBy: range.upperBound)])).lowercased()
        }
        let cue = tokens(suggestion.cue).sorted()
        var lemma = cue.lazy.compactMap { lexicon.reportingVerbLemma(of: word($0)) }.first
        if lemma == nil, cue.isEmpty, let last = tokens(suggestion.speakerSegments).max() {
            lemma = ((last + 1)..<min(tokenRanges.count, last + 4)).lazy.compactMap { lexicon.reportingVerbLemma(of: word($0)) }.first
        }
        return "\(suggestion.rule) | \(lemma ?? cue.first.map(word) ?? "-")"
    }

    /// A proposal as token sets; "mixed" is scored as indirect, SpkAtt having no such label.
    func attribution(_ suggestion: AttributionSuggestion) -> AttributionScorer.Attribution {
        AttributionScorer.Attribution(
            tokens: [
                .message: tokens(suggestion.claim), .cue: tokens(suggestion.cue), .source: sourceTokens(suggestion),
                .addressee: tokens(suggestion.addressee), .frame: tokens(suggestion.frame),
            ], form: suggestion.form == .mixed ? AttributionForm.indirect.rawValue : suggestion.form.rawValue)
    }
}
