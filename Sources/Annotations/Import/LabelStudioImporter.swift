import Foundation

/// Reads Label Studio tasks (`tasks.json` as ``LabelStudioExporter`` writes it, and what Label
/// Studio exports for such a project: a JSON list of tasks with `data` and `annotations[].result`)
/// into a new session over the corpus the tasks' `data.document` ids name.
///
/// Label regions (`label`: Speaker, Cue, Claim; `start`/`end` in Unicode scalars of `data.text` —
/// a task text with a byte-order mark, CRLF or decomposed umlauts is mapped into the normalised
/// corpus text (``LabelStudioTaskText``: as written, or with CRLF as LF as Label Studio's editor
/// counts); pieces `C1~2` of one span joined again) become mentions, cues and claims; `speaker` text areas (`S1 Name`, or a
/// name) the speaker, `role`, `form` and `flags` their fields, `speaker`/`cue` relations the claim's
/// mention and cue, `attributes` (`name=value` lines) the claim's attributes, `stance-T1` choices on a mention the speaker's stance toward T1. Speakers,
/// targets and stance evidence come back from `data.workbench` when it is there. Region ids that
/// are workbench ids of the right kind are kept, others (made in Label Studio) get new ones.
///
/// Wrong shapes, offsets outside the text, region text that is not the task text at its offsets,
/// unknown labels, controls and relation types, texts that differ from the corpus document are
/// reported with the file and the task (`tasks.json: task 3, result 5: …`); nothing is imported then.
public struct LabelStudioImporter: Sendable {
    /// Creates an importer.
    public init() {}

    private struct Region {
        var id: String
        var kind: ExportSpan.Kind
        var document: String
        var segments: [SpanSegment] = []
        /// Mentions: the speaker text; claims: one per speaker, main first.
        var speakers: [String] = []
        var role: String?
        var form: String?
        var flags: Set<String> = []
        var attributes: [String: String] = [:]
        var mentions: [String] = []
        var addressees: [String] = []
        var cue: String?
        var stances: [(target: String, label: String)] = []
        var task: Int
    }

    /// Attributes whose values list mention ids (`addressees`, `more_sources`) with the ids the mentions got.
    static func remapped(_ attributes: [String: String], ids: [String: String], task: Int) -> [String: String] {
        var result = attributes
        for name in [SpkAttDocument.AttributeName.addressees, SpkAttDocument.AttributeName.moreSources] {
            guard let value = attributes[name] else { continue }
            result[name] = value.split(separator: " ").map { ids["\(task)\t\($0)"] ?? String($0) }.joined(separator: " ")
        }
        return result
    }

    /// Who made an annotation in Label Studio (`completed_by`: a user id, or an object with `email`
    /// and `id`), as `--only` names it; nil when it does not say.
    static func completedBy(_ annotation: [String: Any]) -> String? {
        let value = annotation["completed_by"]
        if let user = value as? [String: Any] { return (user["email"] as? String) ?? (user["id"] as? Int).map(String.init) }
        if let id = value as? Int { return String(id) }
        return value as? String
    }

    /// Imports `path` over `corpus`; `only` picks the session (annotation `meta.session`, or for
    /// annotations without one Label Studio's `completed_by`) when tasks hold several. Cancelled
    /// annotations (a task skipped in Label Studio) are left out.
    public func load(path: String, corpus: SegmentedCorpus, annotator: String?, only: String? = nil, time: String) throws(ExportError) -> Session {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: ImportedFile.unreadableReason(path)) }
        if let encoding = OtherUnicodeEncoding.of([UInt8](data)) { throw .unreadable(path: path, reason: encoding.reason) }
        if let (line, reason) = ImportedJSON.syntaxProblem(in: data) { throw .malformed(path: path, line: line, reason: reason) }
        guard let root = ExactJSON.value(from: data), let tasks = root as? [Any] else {
            let found = (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)).map(ImportedJSON.kind) ?? "no JSON value"
            throw .malformed(path: path, line: 0, reason: "expected a JSON list of Label Studio tasks, found \(found)")
        }
        var problems: [ImportProblem] = []
        func report(_ place: String, _ reason: String) { problems.append(ImportProblem(path: path, line: 0, reason: "\(place): \(reason)")) }
        var workbench: [[String: Any]] = []
        var labels: [String] = []
        var annotators: [String] = []  // Label Studio's completed_by of annotations without a session label
        var chosenAnnotations: [(task: Int, document: String, result: [Any], counted: LabelStudioTaskText?)] = []
        for (number, item) in tasks.enumerated() {
            let place = "task \(number + 1)"
            guard let task = item as? [String: Any], let data = task["data"] as? [String: Any] else {
                report(place, "expected an object with \"data\""); continue
            }
            guard let document = data["document"] as? String else { report(place, "data.document (the document id) is missing"); continue }
            guard let segmented = corpus.document(id: document) else {
                report(place, "no document '\(document)' in the corpus; pass --corpus with the corpus it was made on"); continue
            }
            let taskText = data["text"] as? String
            if let text = taskText, TextNormalization.normalize(text).text != segmented.document.text {
                report(place, "data.text differs from corpus document '\(document)'; pass --corpus with the corpus it was made on"); continue
            }
            if let extra = data["workbench"] as? [[String: Any]] { workbench += extra }
            let annotations = task["annotations"] as? [[String: Any]] ?? []
            var mine: [[String: Any]] = []
            var names: [String] = []
            // A task skipped in Label Studio holds a cancelled annotation: no annotation at all.
            for annotation in annotations where annotation["was_cancelled"] as? Bool != true {
                let label = (annotation["meta"] as? [String: Any])?["session"] as? String ?? ""
                let annotator = Self.completedBy(annotation)
                if !labels.contains(label) { labels.append(label) }
                if let annotator, label.isEmpty, !annotators.contains(annotator) { annotators.append(annotator) }
                names.append(label.isEmpty ? annotator ?? "(unnamed)" : label)
                if only == nil || label == only || (label.isEmpty && annotator == only) { mine.append(annotation) }
            }
            if only == nil, mine.count > 1 {
                report(place, "it holds \(mine.count) annotations (\(names.joined(separator: ", "))); choose one with --only NAME (a session, or the annotator Label Studio names in completed_by)"); continue
            }
            if let annotation = mine.first {
                guard let result = annotation["result"] as? [Any] else { report(place, "annotation without a \"result\" list"); continue }
                // A task text with a byte-order mark, CR line ends or decomposed umlauts (made on the
                // file as another tool read it): its regions count that text as written, or with its
                // line ends as LF (Label Studio's editor), and are placed in the normalised one.
                var counted: LabelStudioTaskText?
                if let taskText {
                    switch LabelStudioTaskText.choose(text: taskText, corpus: segmented.document.text, result: result) {
                    case .corpusText: break
                    case .counted(let text): counted = text
                    case .ambiguity(let reason): report(place, reason); continue
                    }
                }
                chosenAnnotations.append((number + 1, document, result, counted))
            }
        }
        if let only, !labels.contains(only), !annotators.contains(only) {
            let held = labels.filter { !$0.isEmpty || annotators.isEmpty }.map { $0.isEmpty ? "(unnamed)" : $0 } + annotators.map { "completed_by \($0)" }
            throw .rejected(path: path, line: 0, reason: "no session '\(only)'; the tasks hold \(held.joined(separator: ", "))")
        }
        // The session's speakers and targets; with --only naming an annotator (completed_by), the first
        // session's (the tasks' data.workbench, carried through Label Studio).
        let onlySession = only.flatMap { labels.contains($0) ? $0 : nil }
        let sessionData = workbench.first { onlySession == nil || $0["session"] as? String == onlySession }
        var regions: [String: Region] = [:]  // "task\tregion id" → region
        var order: [String] = []
        var labelled = Set<String>()  // "task\tresult id" of the label results seen
        var relations: [(task: Int, from: String, to: String, label: String, place: String)] = []
        for (task, document, result, taskText) in chosenAnnotations {
            let text = taskText?.scalars ?? Array(corpus.document(id: document)?.document.text.unicodeScalars ?? "".unicodeScalars)
            for (index, raw) in result.enumerated() {
                let place = "task \(task), result \(index + 1)"
                guard let item = raw as? [String: Any], let type = item["type"] as? String else { report(place, "expected an object with \"type\""); continue }
                if type == "relation" {
                    guard let from = item["from_id"] as? String, let to = item["to_id"] as? String else { report(place, "a relation needs from_id and to_id"); continue }
                    let label = (item["labels"] as? [String])?.first ?? ""
                    guard ["speaker", "addressee", "cue"].contains(label) else { report(place, "unknown relation '\(label)' (expected speaker, addressee or cue)"); continue }
                    relations.append((task, from, to, label, place))
                    continue
                }
                guard let rawID = item["id"] as? String, let name = item["from_name"] as? String, let value = item["value"] as? [String: Any] else {
                    report(place, "a result needs id, from_name and value"); continue
                }
                let base = rawID.split(separator: "~", maxSplits: 1).first.map(String.init) ?? rawID
                let key = "\(task)\t\(base)"
                switch name {
                case "label":
                    guard let start = value["start"] as? Int, let end = value["end"] as? Int else { report(place, "a label region needs integer start and end"); continue }
                    guard start != end else { report(place, "offsets \(start)–\(end) give an empty region; a region covers at least one character"); continue }
                    guard start >= 0, start < end, end <= text.count else {
                        report(place, "offsets \(start)–\(end) lie outside the text (length \(text.count))"); continue
                    }
                    guard let label = (value["labels"] as? [String])?.first, let kind = ExportSpan.Kind(name: label) else {
                        report(place, "unknown label '\((value["labels"] as? [String])?.first ?? "")' (expected Speaker, Cue or Claim)"); continue
                    }
                    var slice = String.UnicodeScalarView()
                    slice.append(contentsOf: text[start..<end])
                    // data.text with CR line ends: the regions fit neither count.
                    let neither = taskText?.holdsCarriageReturns == true
                        ? " (data.text holds CR line ends; the offsets fit neither data.text as written nor with its line ends as LF, as Label Studio's editor counts)" : ""
                    if let given = value["text"] as? String, given != String(slice) {
                        report(place, "region text '\(given)' is not the text at \(start)–\(end) ('\(String(slice))')\(neither)"); continue
                    }
                    var segment = SpanSegment(start: start, end: end)
                    if let taskText {
                        guard let mappedStart = taskText.normalized(start), let mappedEnd = taskText.normalized(end), mappedStart < mappedEnd else {
                            report(place, "offsets \(start)–\(end) do not lie on whole characters of data.text (they cut a letter from its combining mark or CR from LF, or hold only a byte-order mark); draw the region over whole characters\(neither)"); continue
                        }
                        segment = SpanSegment(start: mappedStart, end: mappedEnd)
                    }
                    // A region given twice (a copied result) would join its span as a second piece.
                    guard labelled.insert("\(task)\t\(rawID)").inserted else {
                        report(place, "region \(rawID) is given twice; give each region once (further pieces of a span are \(base)~2, \(base)~3, …)"); continue
                    }
                    if regions[key] == nil { order.append(key); regions[key] = Region(id: base, kind: kind, document: document, task: task) }
                    guard regions[key]?.kind == kind else { report(place, "\(base) is labelled both \(regions[key]?.kind.label ?? "") and \(kind.label)"); continue }
                    regions[key]?.segments.append(segment)
                case "speaker", "role":
                    guard let texts = value["text"] as? [String], let value = texts.first else { report(place, "a text area needs \"text\": [\"…\"]"); continue }
                    if regions[key] == nil { order.append(key); regions[key] = Region(id: base, kind: .speaker, document: document, task: task) }
                    if name == "speaker" { regions[key]?.speakers = texts } else { regions[key]?.role = value }
                case "attributes":
                    guard let lines = value["text"] as? [String] else { report(place, "a text area needs \"text\": [\"…\"]"); continue }
                    if regions[key] == nil { order.append(key); regions[key] = Region(id: base, kind: .claim, document: document, task: task) }
                    for line in lines {
                        guard let equals = line.firstIndex(of: "="), equals != line.startIndex else { report(place, "attribute '\(line)' should be name=value"); continue }
                        regions[key]?.attributes[String(line[..<equals])] = String(line[line.index(after: equals)...])
                    }
                case "form", "flags":
                    guard let choices = value["choices"] as? [String] else { report(place, "choices need \"choices\": [\"…\"]"); continue }
                    if regions[key] == nil { order.append(key); regions[key] = Region(id: base, kind: .claim, document: document, task: task) }
                    if name == "form" { regions[key]?.form = choices.first } else { regions[key]?.flags.formUnion(choices) }
                default:
                    guard name.hasPrefix("stance-"), let label = (value["choices"] as? [String])?.first else {
                        report(place, "unknown control '\(name)' (expected label, speaker, role, form, flags, attributes or stance-<target>)"); continue
                    }
                    if regions[key] == nil { order.append(key); regions[key] = Region(id: base, kind: .speaker, document: document, task: task) }
                    regions[key]?.stances.append((String(name.dropFirst("stance-".count)), label))
                }
            }
        }
        for key in order where regions[key]?.segments.isEmpty ?? true {
            report("task \(regions[key]?.task ?? 0)", "\(regions[key]?.id ?? key) has choices or text but no label region")
        }
        for relation in relations {
            let from = "\(relation.task)\t\(relation.from)", to = "\(relation.task)\t\(relation.to)"
            guard regions[from]?.kind == .claim, let target = regions[to] else {
                report(relation.place, "the \(relation.label) relation must go from a Claim region to a region of the same task"); continue
            }
            guard target.kind == (relation.label == "cue" ? .cue : .speaker) else {
                report(relation.place, "the \(relation.label) relation points at a \(target.kind.label)"); continue
            }
            switch relation.label {
            case "speaker": if regions[from]?.mentions.contains(relation.to) == false { regions[from]?.mentions.append(relation.to) }
            case "addressee": if regions[from]?.addressees.contains(relation.to) == false { regions[from]?.addressees.append(relation.to) }
            default: regions[from]?.cue = relation.to
            }
        }

        var schema = AnnotationSchema.standard
        schema = ImportBuilder.schema(
            schema, forms: regions.values.compactMap(\.form), kinds: (sessionData?["speakers"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String },
            stances: regions.values.flatMap { $0.stances.map(\.label) })
        let sessionAnnotator = annotator ?? sessionData?["annotator"] as? String ?? only ?? labels.first.flatMap { $0.isEmpty ? nil : $0 } ?? "labelstudio"
        var builder = ImportBuilder(corpus: corpus, annotator: sessionAnnotator, schema: schema, time: time)
        builder.problems = problems
        let imported = Origin(kind: .imported)
        var speakerByName: [String: String] = [:]
        for speaker in sessionData?["speakers"] as? [[String: Any]] ?? [] {
            let record = Speaker(
                id: speaker["id"] as? String ?? "", name: speaker["name"] as? String ?? "", kind: speaker["kind"] as? String ?? "person",
                aliases: speaker["aliases"] as? [String] ?? [], annotator: speaker["annotator"] as? String ?? "", origin: imported)
            if builder.perform(.add(.speaker(record)), path: path, line: 0) { speakerByName[record.name] = record.id }
        }
        for target in sessionData?["targets"] as? [[String: Any]] ?? [] {
            builder.perform(.add(.target(Target(
                id: target["id"] as? String ?? "", text: target["text"] as? String ?? "", annotator: target["annotator"] as? String ?? "",
                origin: imported))), path: path, line: 0)
        }
        /// The speaker a text area names: `S1 Name` with a known id, else a known name, else a new speaker.
        func speaker(_ text: String?, fallback: String) -> String? {
            let value = (text ?? fallback).trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return nil }
            if let first = value.split(separator: " ").first.map(String.init), builder.session.state.speakers[first] != nil { return first }
            if let known = speakerByName[value] { return known }
            let id = builder.session.state.nextID("S")
            guard builder.perform(.add(.speaker(Speaker(id: id, name: value, origin: imported))), path: path, line: 0) else { return nil }
            speakerByName[value] = id
            return id
        }
        var newIDs: [String: String] = [:]  // "task\tregion id" → id
        var claimIDs: [String: String] = [:]  // region id → claim id (for stance evidence)
        let letters: [ExportSpan.Kind: Character] = [.speaker: "M", .cue: "Q", .claim: "C"]
        let wanted = Set(order.compactMap { regions[$0] }.map(\.id))
        for kind in ExportSpan.Kind.allCases {
            for key in order {
                guard let region = regions[key], region.kind == kind, !region.segments.isEmpty else { continue }
                guard let anchor = builder.anchor(document: region.document, segments: region.segments.sorted(), path: path, line: 0) else { continue }
                let letter = letters[kind] ?? "M"
                var id = region.id
                if RecordKey.forID(id)?.kind != (kind == .speaker ? "mention" : kind.role) || builder.session.state.record(RecordKey.forID(id) ?? .mention("")) != nil {
                    id = builder.session.state.nextID(letter)
                    while wanted.contains(id) { id = String(letter) + String((Int(id.dropFirst()) ?? 0) + 1) }
                }
                let ok: Bool
                switch kind {
                case .speaker:
                    guard let speakerID = speaker(region.speakers.first, fallback: anchor.text) else { continue }
                    ok = builder.perform(.add(.mention(Mention(id: id, anchor: anchor, speaker: speakerID, role: region.role, origin: imported))), path: path, line: 0)
                case .cue:
                    ok = builder.perform(.add(.cue(Cue(id: id, anchor: anchor, origin: imported))), path: path, line: 0)
                case .claim:
                    let mentions = region.mentions.compactMap { newIDs["\(region.task)\t\($0)"] }
                    let addressees = region.addressees.compactMap { newIDs["\(region.task)\t\($0)"] }
                    var speakerIDs = region.speakers.compactMap { speaker($0, fallback: "") }
                    for mention in mentions {
                        if let id = builder.session.state.mentions[mention]?.speaker, !speakerIDs.contains(id) { speakerIDs.append(id) }
                    }
                    ok = builder.perform(.add(.claim(Claim(
                        id: id, anchor: anchor, speakers: speakerIDs, mentions: mentions, addressees: addressees,
                        cue: region.cue.flatMap { newIDs["\(region.task)\t\($0)"] },
                        form: region.form, negated: region.flags.contains("negated"), hedged: region.flags.contains("hedged"), origin: imported,
                        attributes: region.attributes.isEmpty ? nil : Self.remapped(region.attributes, ids: newIDs, task: region.task)))),
                        path: path, line: 0)
                    if ok { claimIDs[region.id] = id }
                }
                if ok { newIDs[key] = id }
            }
        }
        // Stances: the choices on mentions give speaker, target and label; data.workbench ids and evidence.
        let known = (sessionData?["stances"] as? [[String: Any]] ?? [])
        var done = Set<String>()
        for key in order {
            guard let region = regions[key], let mention = newIDs[key], let speakerID = builder.session.state.mentions[mention]?.speaker else { continue }
            for (target, label) in region.stances where done.insert("\(speakerID)\t\(target)").inserted {
                let record = known.first { $0["speaker"] as? String == speakerID && $0["target"] as? String == target }
                let id = (record?["id"] as? String).flatMap { builder.session.state.stances[$0] == nil ? $0 : nil } ?? builder.session.state.nextID("P")
                let evidence = (record?["evidence"] as? [String] ?? []).compactMap { claimIDs[$0] }
                builder.perform(.add(.stance(Stance(
                    id: id, speaker: speakerID, target: target, label: label, evidence: evidence, annotator: record?["annotator"] as? String ?? "",
                    origin: imported))), path: path, line: 0)
            }
        }
        for record in known {
            guard let speakerID = record["speaker"] as? String, let target = record["target"] as? String, done.insert("\(speakerID)\t\(target)").inserted else { continue }
            builder.perform(.add(.stance(Stance(
                id: record["id"] as? String ?? builder.session.state.nextID("P"), speaker: speakerID, target: target, label: record["label"] as? String ?? "",
                evidence: (record["evidence"] as? [String] ?? []).compactMap { claimIDs[$0] }, annotator: record["annotator"] as? String ?? "",
                origin: imported))), path: path, line: 0)
        }
        return try builder.finish(source: path)
    }
}
