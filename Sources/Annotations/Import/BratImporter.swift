import Foundation

/// Reads a brat folder as written by ``BratExporter`` (and plain brat folders that use the same
/// entity types) into a new session: `Speaker`, `Cue` and `Claim` entities, `HasSpeaker`/`HasCue`
/// relations, `Form`/`Negated`/`Hedged`/`Role`/`Annotator`/`Session` attributes, `Reference`
/// normalisations to speakers, AnnotatorNotes, and `speakers.tsv`, `targets.tsv`, `stances.tsv`,
/// `notes.tsv` when present. Fragments separated only by line breaks and tabs (where export cuts a span: ``ExportText/breaksLine(_:)``) are joined again. Lines may
/// end in LF, CRLF or CR.
///
/// Everything in the folder must be understood: unknown entity, relation, attribute or
/// normalisation types, relations, attributes and notes that point at ids the file does not
/// have, duplicate ids, `T` lines whose text is not the document's text at their offsets, `.ann`
/// files without a corpus document and bad table rows are each reported with file and line, and
/// then nothing is imported (``ExportError/importProblems(source:problems:)``).
public struct BratImporter: Sendable {
    /// Creates an importer.
    public init() {}

    private struct Entity {
        var number: String
        var kind: ExportSpan.Kind
        var segments: [SpanSegment]
        var line: Int
        var attributes: [String: String] = [:]
        var flags: Set<String> = []
        /// The speakers its `N` lines name, in order (a claim with several speakers has one each; a mention one).
        var speakers: [String] = []
        /// The names the `N` lines give, by speaker id.
        var speakerNames: [String: String] = [:]
        /// Claims: the `HasSpeaker` targets, in order (main speaker's mention first).
        var mentions: [String] = []
        /// Claims: the `HasAddressee` targets, in order.
        var addressees: [String] = []
        var cue: String?

        /// The first (main) speaker.
        var speaker: String? { speakers.first }
        var notes: [(text: String, line: Int)] = []
    }

    /// The `.ann` of one document.
    private struct AnnFile {
        var document: String
        var path: String
        var entities: [Entity]
    }

    /// Attribute names the exporter writes (`Session` marks the session of a shared folder).
    static let attributeNames: Set<String> = ["Form", "Negated", "Hedged", "Role", "Annotator", "Session"]

    /// Imports `folder` over `corpus`. `only` picks one session when the folder holds several
    /// (`Session` attributes); `annotator` names the new session's annotator.
    public func load(folder: String, corpus: SegmentedCorpus, annotator: String?, only: String? = nil, time: String) throws(ExportError) -> Session {
        let manager = FileManager.default
        guard let listing = try? manager.contentsOfDirectory(atPath: folder) else {
            throw .unreadable(path: folder, reason: "not a folder or not readable")
        }
        let annNames = Set(listing.filter { $0.hasSuffix(".ann") })
        var problems: [ImportProblem] = []
        var files: [AnnFile] = []
        var matched = Set<String>()
        var sessionLabels = Set<String>()
        var annotators: [String] = []
        // Each .ann file's document: the id the exporter wrote as its name, or the name itself when
        // the corpus was read from the folder (its documents are then named by their file names).
        // Two names of one document (`Rutte.ann` beside `%52utte.ann`): the plain export name first.
        var nameOfDocument: [String: String] = [:]
        func rank(_ name: String, _ id: String) -> Int {
            ExportText.fileNameChoice(name, of: id) ?? 3
        }
        let names = annNames.map { String($0.dropLast(".ann".count)) }.sorted()
        let documentIDs = corpus.documentIDs(fileNames: names)
        for name in names {
            guard let id = documentIDs[name] else { continue }
            if let other = nameOfDocument[id], rank(other, id) <= rank(name, id) { continue }
            nameOfDocument[id] = name
        }
        for segmented in corpus.documents {
            let id = segmented.document.id
            guard let name = nameOfDocument[id] else { continue }
            matched.insert(name + ".ann")
            let annPath = (folder as NSString).appendingPathComponent(name + ".ann")
            let txtPath = (folder as NSString).appendingPathComponent(name + ".txt")
            if let data = manager.contents(atPath: txtPath) {
                let text = TextNormalization.normalize(String(decoding: data, as: UTF8.self)).text
                if text != segmented.document.text {
                    problems.append(ImportProblem(
                        path: txtPath, line: 0,
                        reason: "the text differs from corpus document '\(id)'; pass --corpus with the corpus the annotations were made on"))
                    continue
                }
            }
            // The .txt as another tool wrote it (a byte-order mark, CRLF, decomposed umlauts): its
            // `T` offsets may count that text rather than the normalised one.
            let raw = manager.contents(atPath: txtPath).map { String(decoding: $0, as: UTF8.self) }
                .flatMap { $0.unicodeScalars.elementsEqual(segmented.document.text.unicodeScalars) ? nil : $0 }
            let entities = parse(path: annPath, text: segmented.document.text, raw: raw, problems: &problems)
            for entity in entities {
                if let label = entity.attributes["Session"] { sessionLabels.insert(label) }
                if let name = entity.attributes["Annotator"], !annotators.contains(name) { annotators.append(name) }
            }
            files.append(AnnFile(document: id, path: annPath, entities: entities))
        }
        for name in annNames.sorted() where !matched.contains(name) {
            problems.append(ImportProblem(
                path: (folder as NSString).appendingPathComponent(name), line: 0,
                reason: "no corpus document for this file (expected <document id>.txt beside it, or pass --corpus with its document)"))
        }
        if files.isEmpty && problems.isEmpty {
            throw .unreadable(path: folder, reason: "no .ann file matches a document of the corpus (expected <document id>.ann)")
        }
        if only == nil, sessionLabels.count > 1 {
            throw .rejected(path: folder, line: 0, reason: "it holds several sessions (\(sessionLabels.sorted().joined(separator: ", "))); choose one with --only LABEL")
        }
        if let only, !sessionLabels.isEmpty, !sessionLabels.contains(only) {
            throw .rejected(path: folder, line: 0, reason: "no session '\(only)'; it holds \(sessionLabels.sorted().joined(separator: ", "))")
        }
        func keep(_ entity: Entity) -> Bool { only == nil || entity.attributes["Session"] == nil || entity.attributes["Session"] == only }
        func keepRow(_ label: String) -> Bool { only == nil || label == only }

        let speakerRows = table(folder, "speakers.tsv", columns: 7, optional: 1, problems: &problems).filter { keepRow($0.fields[0]) }
        let targetRows = table(folder, "targets.tsv", columns: 5, optional: 1, problems: &problems).filter { keepRow($0.fields[0]) }
        let stanceRows = table(folder, "stances.tsv", columns: 9, problems: &problems).filter { keepRow($0.fields[0]) }
        let noteRows = table(folder, "notes.tsv", columns: BratExporter.noteColumns.count + 1, optional: 1, problems: &problems).filter { keepRow($0.fields[0]) }
        let sharedPath = (folder as NSString).appendingPathComponent("shared.tsv")
        var sharedRows: [String: [(line: Int, fields: [String])]] = [:]  // "document\tTn" → rows in order
        for row in table(folder, "shared.tsv", columns: BratExporter.sharedColumns.count, optional: 1, problems: &problems) where keepRow(row.fields[0]) {
            sharedRows[row.fields[1] + "\t" + row.fields[2], default: []].append(row)
        }
        let forms = files.flatMap { $0.entities.compactMap { $0.attributes["Form"] } }
        let schema = ImportBuilder.schema(
            .standard, forms: forms, kinds: speakerRows.map { $0.fields[3] }, stances: stanceRows.map { $0.fields[6] })
        let sessionAnnotator = annotator ?? (speakerRows.first?.fields[5] ?? annotators.first ?? "imported")
        var builder = ImportBuilder(corpus: corpus, annotator: sessionAnnotator, schema: schema, time: time)
        builder.problems = problems
        let speakersPath = (folder as NSString).appendingPathComponent("speakers.tsv")
        let targetsPath = (folder as NSString).appendingPathComponent("targets.tsv")
        let stancesPath = (folder as NSString).appendingPathComponent("stances.tsv")
        let notesPath = (folder as NSString).appendingPathComponent("notes.tsv")

        // Speakers: from speakers.tsv, then any referenced only in N lines or named only by a mention.
        var speakerIDs = Set<String>()
        var speakerByName: [String: String] = [:]
        for row in speakerRows {
            var name = row.fields[2]
            var aliases = row.fields[4].isEmpty ? [] : row.fields[4].split(separator: "|").map { String($0).replacingOccurrences(of: "¦", with: "|") }
            // The exact name and aliases, when the plain columns lost tabs, line breaks, controls or `|`; unless
            // the plain columns were edited since (then they no longer match and are taken).
            if !row.fields[6].isEmpty {
                if let exact = ExportText.exactValue(row.fields[6]) as? [String], let exactName = exact.first {
                    let exactAliases = Array(exact.dropFirst())
                    let plainAliases = exactAliases.map { ExportText.shownLine($0).replacingOccurrences(of: "|", with: "¦") }.joined(separator: "|")
                    if ExportText.shownLine(exactName) == row.fields[2], plainAliases == row.fields[4] {
                        name = exactName
                        aliases = exactAliases
                    }
                } else {
                    builder.report(speakersPath, row.line, "exact: expected a JSON list of the name and aliases (as export writes), found '\(row.fields[6])'")
                }
            }
            builder.perform(
                .add(.speaker(Speaker(id: row.fields[1], name: name, kind: row.fields[3], aliases: aliases, annotator: row.fields[5]))),
                path: speakersPath, line: row.line)
            speakerIDs.insert(row.fields[1])
            speakerByName[row.fields[2]] = row.fields[1]
        }
        for file in files {
            for entity in file.entities where keep(entity) {
                for id in entity.speakers where !speakerIDs.contains(id) {
                guard RecordKey.forID(id) == .speaker(id) else {
                    builder.report(file.path, entity.line, "speaker reference '\(id)' is not a speaker id like S1")
                    continue
                }
                builder.perform(.add(.speaker(Speaker(id: id, name: entity.speakerNames[id] ?? id))), path: file.path, line: entity.line)
                speakerIDs.insert(id)
                speakerByName[entity.speakerNames[id] ?? id] = id
                }
            }
        }
        // Spans, numbered in file order per kind. A T that several annotations share (shared.tsv, or a
        // Claim with several HasSpeaker relations) becomes one annotation each.
        var newIDs: [String: [String: String]] = [:]  // document → T number (`T5`, `T5#2`) → new id
        for kind in ExportSpan.Kind.allCases {
            for file in files {
                let document = file.document
                for entity in file.entities where entity.kind == kind && keep(entity) {
                    guard let anchor = builder.anchor(document: document, segments: entity.segments, path: file.path, line: entity.line) else { continue }
                    var versions: [(entity: Entity, path: String, line: Int)] = []
                    if let rows = sharedRows.removeValue(forKey: document + "\t" + entity.number) {
                        for row in rows {
                            let f = row.fields  // session, document, entity, kind, speaker, mention, cue, form, flags, role, annotator, addressees
                            guard ExportSpan.Kind(name: f[3]) == kind else {
                                builder.report(sharedPath, row.line, "\(f[2]) is a \(kind.label) in \(file.path), not a \(f[3])")
                                continue
                            }
                            var version = Entity(number: entity.number, kind: kind, segments: entity.segments, line: row.line)
                            func list(_ field: String) -> [String] { field.split(separator: ",").map(String.init) }
                            version.speakers = list(f[4])
                            version.speakerNames = entity.speakerNames
                            version.mentions = list(f[5])
                            version.addressees = list(f[11])
                            version.cue = f[6].isEmpty ? nil : f[6]
                            if !f[7].isEmpty { version.attributes["Form"] = f[7] }
                            for flag in f[8].split(separator: " ") { version.flags.insert(flag == "negated" ? "Negated" : flag == "hedged" ? "Hedged" : String(flag)) }
                            if !f[9].isEmpty { version.attributes["Role"] = f[9] }
                            version.attributes["Annotator"] = f[10]
                            versions.append((version, sharedPath, row.line))
                        }
                    } else {
                        versions.append((entity, file.path, entity.line))
                    }
                    for (place, (version, path, line)) in versions.enumerated() {
                        guard let id = importSpan(version, anchor: anchor, document: document, path: path, line: line, newIDs: newIDs, speakerByName: &speakerByName, into: &builder) else { continue }
                        let key = place == 0 ? entity.number : "\(entity.number)#\(place + 1)"
                        // By kind (a combined `T` names one annotation per kind), and plain for the first kind (notes).
                        newIDs[document, default: [:]]["\(kind.label):\(key)"] = id
                        if newIDs[document]?[key] == nil { newIDs[document, default: [:]][key] = id }
                    }
                }
            }
        }
        for (key, rows) in sharedRows {
            for row in rows { builder.report(sharedPath, row.line, "no \(row.fields[3]) \(row.fields[2]) in document '\(key.split(separator: "\t").first ?? "")'") }
        }
        /// The new id of a `document:Tn` reference (the document id may itself hold colons).
        func reference(_ text: String) -> String? {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            return newIDs[String(text[..<colon])]?["Claim:" + String(text[text.index(after: colon)...])]
        }
        for row in targetRows {
            let text = exactText(row.fields[4], plain: row.fields[2], path: targetsPath, line: row.line, builder: &builder)
            builder.perform(.add(.target(Target(id: row.fields[1], text: text, annotator: row.fields[3]))), path: targetsPath, line: row.line)
        }
        for row in stanceRows {
            var evidence: [String] = []
            for item in row.fields[7].split(separator: " ") {
                if let id = reference(String(item)) {
                    evidence.append(id)
                } else {
                    builder.report(stancesPath, row.line, "evidence '\(item)' is not a claim of this folder (expected <document id>:T<number>)")
                }
            }
            builder.perform(
                .add(.stance(Stance(
                    id: row.fields[1], speaker: row.fields[2], target: row.fields[4], label: row.fields[6], evidence: evidence, annotator: row.fields[8]))),
                path: stancesPath, line: row.line)
        }
        importNotes(files: files, rows: noteRows, newIDs: newIDs, keep: keep, sessionAnnotator: sessionAnnotator, path: notesPath, into: &builder)
        return try builder.finish(source: folder)
    }

    /// Adds one mention, cue or claim read from `entity` anchored at `anchor`; returns its id, or nil
    /// after reporting why it cannot be added. Mention and cue references (`T3`, `T3#2`) are
    /// resolved through `newIDs`; a claim without a speaker reference takes its mention's speaker.
    private func importSpan(
        _ entity: Entity, anchor: TextAnchor, document: String, path: String, line: Int, newIDs: [String: [String: String]],
        speakerByName: inout [String: String], into builder: inout ImportBuilder
    ) -> String? {
        let recordAnnotator = entity.attributes["Annotator"] ?? ""
        switch entity.kind {
        case .speaker:
            let id = builder.session.state.nextID("M")
            var speaker = entity.speaker
            if speaker == nil {  // a mention typed in brat without an `N` line
                let name = anchor.text
                if let existing = speakerByName[name] {
                    speaker = existing
                } else {
                    let newID = builder.session.state.nextID("S")
                    builder.perform(.add(.speaker(Speaker(id: newID, name: name))), path: path, line: line)
                    speakerByName[name] = newID
                    speaker = newID
                }
            }
            let mention = Mention(id: id, anchor: anchor, speaker: speaker ?? "", role: entity.attributes["Role"], annotator: recordAnnotator)
            return builder.perform(.add(.mention(mention)), path: path, line: line) ? id : nil
        case .cue:
            let id = builder.session.state.nextID("Q")
            return builder.perform(.add(.cue(Cue(id: id, anchor: anchor, annotator: recordAnnotator))), path: path, line: line) ? id : nil
        case .claim:
            let id = builder.session.state.nextID("C")
            let mentions = entity.mentions.compactMap { newIDs[document]?["Speaker:" + $0] }
            let addressees = entity.addressees.compactMap { newIDs[document]?["Speaker:" + $0] }
            let cue = entity.cue.flatMap { newIDs[document]?["Cue:" + $0] }
            // The speakers the `N` lines name, then those of mentions linked in brat without an `N` line.
            var speakers = entity.speakers
            for mention in mentions {
                if let speaker = builder.session.state.mentions[mention]?.speaker, !speakers.contains(speaker) { speakers.append(speaker) }
            }
            let claim = Claim(
                id: id, anchor: anchor, speakers: speakers, mentions: mentions, addressees: addressees, cue: cue, form: entity.attributes["Form"],
                negated: entity.flags.contains("Negated"), hedged: entity.flags.contains("Hedged"), annotator: recordAnnotator)
            return builder.perform(.add(.claim(claim)), path: path, line: line) ? id : nil
        }
    }

    /// Adds the notes: the `#` lines are the notes on spans (as edited in brat); a `notes.tsv` row
    /// about the same span with the same text gives such a note its id and annotator. The other rows
    /// are the notes brat has no place for (on sentences, speakers, targets, stances). Notes with
    /// a recorded id go first, so the ids of the others cannot clash with them.
    private func importNotes(
        files: [AnnFile], rows: [(line: Int, fields: [String])], newIDs: [String: [String: String]], keep: (Entity) -> Bool,
        sessionAnnotator: String, path: String, into builder: inout ImportBuilder
    ) {
        var known: [(note: Note, path: String, line: Int)] = []
        var unnamed: [(subject: Note.Subject, text: String, path: String, line: Int)] = []
        var spanRows: [String: [(id: String, annotator: String, text: String, exact: String)]] = [:]  // "document\tTn" → rows
        // The `document` column shows the controls of an id (``ExportText/shownLine(_:)``): read back as that id.
        let shownIDs = Dictionary(
            builder.corpus.documents.map(\.document.id).filter(ExportText.needsExact).map { (ExportText.shownLine($0), $0) }, uniquingKeysWith: { first, _ in first })
        for row in rows {
            var f = row.fields  // session, note, about, id, document, sentence, annotator, text, exact
            if builder.corpus.document(id: f[4]) == nil, let id = shownIDs[f[4]] { f[4] = id }
            let plain = f[7]
            f[7] = exactText(f[8], plain: plain, path: path, line: row.line, builder: &builder)
            switch f[2] {
            case "span":
                spanRows[f[4] + "\t" + f[3], default: []].append((f[1], f[6], plain, f[7]))
            case "sentence":
                guard let sentence = Int(f[5]), sentence >= 0 else {
                    builder.report(path, row.line, "sentence '\(f[5])' is not a sentence number")
                    continue
                }
                guard let document = builder.corpus.document(id: f[4]), sentence < document.sentences.count else {
                    builder.report(path, row.line, "document '\(f[4])' has no sentence \(sentence) in the corpus")
                    continue
                }
                known.append((Note(id: f[1], subject: .sentence(SentenceKey(document: f[4], sentence: sentence)), text: f[7], annotator: f[6]), path, row.line))
            case "speaker", "target", "stance":
                known.append((Note(id: f[1], subject: .annotation(f[3]), text: f[7], annotator: f[6]), path, row.line))
            default:
                builder.report(path, row.line, "unknown note subject '\(f[2])' (expected span, sentence, speaker, target or stance)")
            }
        }
        for file in files {
            for entity in file.entities where keep(entity) {
                guard let id = newIDs[file.document]?[entity.number] else { continue }
                for note in entity.notes {
                    let key = file.document + "\t" + entity.number
                    if let index = spanRows[key]?.firstIndex(where: { $0.text == ExportText.shownLine(note.text) }), let row = spanRows[key]?.remove(at: index) {
                        // The `#` line as brat shows it; the row's exact text when the line is that text with its tabs and line breaks as spaces.
                        let text = ExportText.shownLine(row.exact) == note.text ? row.exact : note.text
                        known.append((Note(id: row.id, subject: .annotation(id), text: text, annotator: row.annotator), file.path, note.line))
                    } else {
                        unnamed.append((.annotation(id), note.text, file.path, note.line))
                    }
                }
            }
        }
        for entry in known.sorted(by: { AnnotationState.idOrder($0.note.id, $1.note.id) }) {
            builder.perform(.add(.note(entry.note)), path: entry.path, line: entry.line)
        }
        for entry in unnamed {
            let note = Note(id: builder.session.state.nextID("N"), subject: entry.subject, text: entry.text, annotator: sessionAnnotator)
            builder.perform(.add(.note(note)), path: entry.path, line: entry.line)
        }
    }

    /// The text of a side-table row: its `exact` column (a JSON string, written when the text holds
    /// tabs or line breaks, which the plain column holds as spaces, or controls, which it shows:
    /// ``ExportText/shownLine(_:)``) when that is the plain column's text, else the plain column (edited since). An `exact` column that is not a JSON string is reported.
    private func exactText(_ column: String, plain: String, path: String, line: Int, builder: inout ImportBuilder) -> String {
        guard !column.isEmpty else { return plain }
        guard let exact = ExportText.exactValue(column) as? String else {
            builder.report(path, line, "exact: expected a JSON string (as export writes), found '\(column)'")
            return plain
        }
        return ExportText.shownLine(exact) == plain ? exact : plain
    }

    /// Why a `T` line's offsets name no text: an empty fragment (`5 5`), or a fragment that is no
    /// pair of offsets inside the text (or, in a raw text, not on a character's boundary).
    private enum OffsetProblem: Error {
        case empty(Substring)
        case bad(Substring)
    }

    /// The fragments a `T` line's offsets (`0 5;7 12`) name in `scalars`, and the text brat shows
    /// for them (each fragment's text with tabs and line breaks as spaces, joined by a space). With
    /// `map`, `scalars` is the raw text the map reads (``RawOffsetMap/scalars``) and the fragments
    /// are given at their places in the normalised text.
    private static func fragments(_ offsets: Substring, scalars: [Unicode.Scalar], map: RawOffsetMap?) -> Result<(segments: [SpanSegment], text: String), OffsetProblem> {
        var segments: [SpanSegment] = [], pieces: [String] = []
        for part in offsets.split(separator: ";") {
            let numbers = part.split(separator: " ")
            guard numbers.count == 2, let start = Int(numbers[0]), let end = Int(numbers[1]), start >= 0, start < end, end <= scalars.count else {
                let empty = numbers.count == 2 && Int(numbers[0]) != nil && Int(numbers[0]) == Int(numbers[1])
                return .failure(empty ? .empty(part) : .bad(part))
            }
            pieces.append(ExportText.singleLine(String(String.UnicodeScalarView(scalars[start..<end]))))
            if let map {
                guard let mappedStart = map.normalized(start), let mappedEnd = map.normalized(end), mappedStart < mappedEnd else { return .failure(.bad(part)) }
                segments.append(SpanSegment(start: mappedStart, end: mappedEnd))
            } else {
                segments.append(SpanSegment(start: start, end: end))
            }
        }
        return .success((segments, pieces.joined(separator: " ")))
    }

    /// The entities of one `.ann` file; every line it cannot take is reported. `raw` is the `.txt` as
    /// read when normalising changed it: a `T` line whose offsets and text fit it (and not the
    /// normalised text) is taken at the corresponding normalised offsets.
    private func parse(path: String, text: String, raw: String? = nil, problems: inout [ImportProblem]) -> [Entity] {
        func report(_ line: Int, _ reason: String) { problems.append(ImportProblem(path: path, line: line, reason: reason)) }
        guard let data = FileManager.default.contents(atPath: path) else {
            report(0, ImportedFile.unreadableReason(path))
            return []
        }
        if let encoding = OtherUnicodeEncoding.of([UInt8](data)) {
            report(0, encoding.reason)
            return []
        }
        let lines: ImportLines
        switch ImportLines.split([UInt8](data)) {
        case .success(let split): lines = split
        case .failure(let invalid):
            report(invalid.line, "not UTF-8 text")
            return []
        }
        // A last line cut inside can read as another valid line (`Arg2:T12` cut to `Arg2:T1`, a note
        // cut short); a T line's text column is checked against the document, the others cannot be.
        if !lines.endsInLineBreak, let last = lines.lines.last, !last.text.hasPrefix("T") {
            report(last.number, ImportLines.unfinishedLastLine)
        }
        let scalars = Array(text.unicodeScalars)
        // The .txt as written, mapped into the normalised text once a line needs it.
        var rawMapMade = false, rawMap: RawOffsetMap?
        func rawOffsets() -> RawOffsetMap? {
            if !rawMapMade {
                rawMapMade = true
                rawMap = raw.flatMap { RawOffsetMap(raw: $0, normalized: text) }
            }
            return rawMap
        }
        var entities: [Entity] = []
        var index: [String: Int] = [:]  // T id → entity
        var seen: [String: Int] = [:]  // every id → its line
        var skipped = Set<String>()  // T ids reported already: references to them are not reported again
        var rest: [(number: Int, id: String, fields: [String])] = []
        // First the T lines (other lines may refer to them before or after), then the rest.
        for (lineNumber, line) in lines.lines where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            guard fields.count >= 2, let first = fields[0].first else {
                report(lineNumber, "expected an id, a tab and an annotation")
                continue
            }
            let id = fields[0]
            if let earlier = seen[id] {
                report(lineNumber, "duplicate id \(id) (first on line \(earlier))")
                continue
            }
            seen[id] = lineNumber
            guard first == "T" else {
                rest.append((lineNumber, id, fields))
                continue
            }
            let words = fields[1].split(separator: " ").map(String.init)
            guard let type = words.first else {
                report(lineNumber, "entity \(id) has no type")
                continue
            }
            // A combined type (`Speaker_Cue`) is one span with several roles: one entity per kind.
            let kinds = type.split(separator: "_").map { ExportSpan.Kind(name: String($0)) }
            guard !kinds.isEmpty, kinds.allSatisfy({ $0 != nil }), Set(kinds.compactMap { $0 }).count == kinds.count else {
                report(lineNumber, "unknown entity type '\(type)' (expected Speaker, Cue or Claim)")
                skipped.insert(id)
                continue
            }
            let offsets = fields[1].dropFirst(type.count + 1)
            // The text column: the rest of the line (brat writes a tab in the document's text there as it is).
            let shown = fields.count >= 3 ? fields[2...].joined(separator: "\t") : nil
            let direct = Self.fragments(offsets, scalars: scalars, map: nil)
            var segments: [SpanSegment]
            if raw != nil, let shown, (try? direct.get())?.text != shown, let map = rawOffsets(),
                case .success(let translated) = Self.fragments(offsets, scalars: map.scalars, map: map), translated.text == shown
            {
                // Offsets into the .txt as another tool wrote it (checked against it): their normalised place.
                segments = translated.segments
            } else {
                switch direct {
                case .success(let found):
                    segments = found.segments
                case .failure(let problem):
                    switch problem {
                    case .empty(let part): report(lineNumber, "empty fragment '\(part)': a fragment covers at least one character (start < end)")
                    case .bad(let part): report(lineNumber, "bad offsets '\(part)' (the text has \(scalars.count) characters)")
                    }
                    skipped.insert(id)
                    continue
                }
            }
            guard !segments.isEmpty else {
                report(lineNumber, "entity \(id) has no offsets")
                skipped.insert(id)
                continue
            }
            let pieces = segments.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
            let expected = pieces.map(ExportText.singleLine).joined(separator: " ")
            // A line whose trailing whitespace a tool stripped (pybrat's reader and writer, editors
            // on save) lost its text column's end: the end of a span ending in whitespace, all of a
            // span of only whitespace, with the tab before it.
            guard let shown = shown ?? (Self.endsInStrippedWhitespace(expected, shown: "") ? "" : nil) else {
                report(lineNumber, "entity \(id) has no text column")
                skipped.insert(id)
                continue
            }
            // As export writes it (tabs and line breaks as spaces), or as brat does (tabs kept), or
            // with whitespace at its end stripped.
            if shown != expected && shown != pieces.joined(separator: " ") && !Self.endsInStrippedWhitespace(expected, shown: shown) {
                report(lineNumber, "the text '\(shown)' of \(id) is not the document's text at \(fields[1].dropFirst(type.count + 1)) ('\(expected)')")
                skipped.insert(id)
                continue
            }
            segments.sort()
            var merged: [SpanSegment] = []
            for segment in segments {
                if let last = merged.last, last.end <= segment.start, scalars[last.end..<segment.start].allSatisfy(ExportText.breaksLine) {
                    merged[merged.count - 1].end = segment.end
                } else {
                    merged.append(segment)
                }
            }
            index[id] = entities.count
            for kind in kinds.compactMap({ $0 }) {
                index["\(id)@\(kind.label)"] = entities.count
                entities.append(Entity(number: id, kind: kind, segments: merged, line: lineNumber))
            }
        }
        /// The entity of kind `kind` a `T` id names (a combined type has one per kind), if any.
        func entity(_ name: String, _ kind: ExportSpan.Kind) -> Int? { index["\(name)@\(kind.label)"] }
        /// Every entity a `T` id names.
        func all(_ name: String) -> [Int] { ExportSpan.Kind.allCases.compactMap { entity(name, $0) } }
        /// The entity an argument names, or nil after reporting a dangling or unsupported reference.
        func target(_ name: String, of id: String, line: Int) -> Int? {
            if let found = index[name] { return found }
            if skipped.contains(name) { return nil }  // its own line is reported
            if seen[name] != nil {
                report(line, "\(id) refers to \(name), which is not a Speaker, Cue or Claim entity")
            } else {
                report(line, "\(id) refers to \(name), which does not exist in this file")
            }
            return nil
        }
        for (lineNumber, id, fields) in rest {
            let words = fields[1].split(separator: " ").map(String.init)
            switch id.first {
            case "A", "M":
                guard words.count == 2 || words.count == 3 else {
                    report(lineNumber, "attribute \(id) should be '<name> <entity> [<value>]'")
                    continue
                }
                guard Self.attributeNames.contains(words[0]) else {
                    report(lineNumber, "unknown attribute '\(words[0])' (expected \(Self.attributeNames.sorted().joined(separator: ", ")))")
                    continue
                }
                guard target(words[1], of: id, line: lineNumber) != nil else { continue }
                for entity in all(words[1]) {
                    if words.count == 3 {
                        entities[entity].attributes[words[0]] = ExportText.percentDecoded(words[2])
                    } else {
                        entities[entity].flags.insert(words[0])
                    }
                }
            case "R":
                guard words.count == 3, words[1].hasPrefix("Arg1:"), words[2].hasPrefix("Arg2:") else {
                    report(lineNumber, "relation \(id) should be '<type> Arg1:<entity> Arg2:<entity>'")
                    continue
                }
                guard ["HasSpeaker", "HasAddressee", "HasCue"].contains(words[0]) else {
                    report(lineNumber, "unknown relation type '\(words[0])' (expected HasSpeaker, HasAddressee or HasCue)")
                    continue
                }
                let arg1 = String(words[1].dropFirst(5)), arg2 = String(words[2].dropFirst(5))
                guard var claim = target(arg1, of: id, line: lineNumber), var other = target(arg2, of: id, line: lineNumber) else { continue }
                let wanted: ExportSpan.Kind = words[0] == "HasCue" ? .cue : .speaker
                if let combined = entity(arg1, .claim) { claim = combined }
                if let combined = entity(arg2, wanted) { other = combined }
                guard entities[claim].kind == .claim, entities[other].kind == wanted else {
                    report(lineNumber, "\(words[0]) \(id) must go from a Claim to a \(wanted.label), not from a \(entities[claim].kind.label) to a \(entities[other].kind.label)")
                    continue
                }
                if words[0] == "HasSpeaker" {
                    if !entities[claim].mentions.contains(arg2) { entities[claim].mentions.append(arg2) }
                } else if words[0] == "HasAddressee" {
                    if !entities[claim].addressees.contains(arg2) { entities[claim].addressees.append(arg2) }
                } else if entities[claim].cue == nil {
                    entities[claim].cue = arg2
                }
            case "N":
                guard words.count == 3 else {
                    report(lineNumber, "normalisation \(id) should be 'Reference <entity> \(BratExporter.referenceDatabase):<speaker id>'")
                    continue
                }
                let reference = words[2].split(separator: ":", maxSplits: 1)
                guard words[0] == "Reference", reference.count == 2, reference[0] == BratExporter.referenceDatabase[...] else {
                    report(lineNumber, "unknown normalisation '\(words[0]) \(words[2])' (expected Reference \(BratExporter.referenceDatabase):<speaker id>)")
                    continue
                }
                guard target(words[1], of: id, line: lineNumber) != nil else { continue }
                let speaker = String(reference[1])
                for entity in all(words[1]) where entities[entity].kind != .cue {
                    // A claim's every speaker, in order; a mention's first (a T several annotations share: shared.tsv says the rest).
                    guard entities[entity].kind == .claim ? !entities[entity].speakers.contains(speaker) : entities[entity].speakers.isEmpty else { continue }
                    entities[entity].speakers.append(speaker)
                    entities[entity].speakerNames[speaker] = fields.count >= 3 ? fields[2] : nil
                }
            case "#":
                guard words.count == 2, words[0] == "AnnotatorNotes" else {
                    report(lineNumber, "unknown note type '\(words.first ?? "")' (expected AnnotatorNotes <entity>)")
                    continue
                }
                guard let entity = target(words[1], of: id, line: lineNumber) else { continue }
                entities[entity].notes.append((fields.count >= 3 ? fields[2...].joined(separator: "\t") : "", lineNumber))
            default:
                report(lineNumber, "unknown annotation type '\(id.first.map(String.init) ?? "")' in \(id) (expected T, R, A, M, N or #)")
            }
        }
        return entities
    }

    /// Whether `shown` is `text` with some of the whitespace at its end stripped, as Python's
    /// `str.rstrip()` (Unicode whitespace and U+001C–U+001F) or an editor on save strips a line.
    static func endsInStrippedWhitespace(_ text: String, shown: String) -> Bool {
        let full = Array(text.unicodeScalars), kept = Array(shown.unicodeScalars)
        guard kept.count < full.count, full.starts(with: kept) else { return false }
        return full[kept.count...].allSatisfy { $0.properties.isWhitespace || (0x1C...0x1F).contains($0.value) }
    }

    /// The rows (after the header) of a tab-separated table, if the file exists.
    /// The last `optional` columns may be missing (files written before they were added); they read as empty.
    private func table(_ folder: String, _ name: String, columns: Int, optional: Int = 0, problems: inout [ImportProblem]) -> [(line: Int, fields: [String])] {
        let path = (folder as NSString).appendingPathComponent(name)
        // A side table that is a named pipe or device is named (it read as empty, and its notes,
        // speakers or stances were left out without a word).
        if FileKind(at: path).isSpecial {
            problems.append(ImportProblem(path: path, line: 0, reason: ImportedFile.unreadableReason(path)))
            return []
        }
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        if let encoding = OtherUnicodeEncoding.of([UInt8](data)) {
            problems.append(ImportProblem(path: path, line: 0, reason: encoding.reason))
            return []
        }
        let lines: ImportLines
        switch ImportLines.split([UInt8](data)) {
        case .success(let split): lines = split
        case .failure(let invalid):
            problems.append(ImportProblem(path: path, line: invalid.line, reason: "not UTF-8 text"))
            return []
        }
        // A row cut inside keeps its columns' count when the cut falls in its last one, or drops an
        // optional column and reads as a file written before it was added.
        if !lines.endsInLineBreak, let last = lines.lines.last, last.number > 1 {
            problems.append(ImportProblem(path: path, line: last.number, reason: ImportLines.unfinishedLastLine))
        }
        var rows: [(Int, [String])] = []
        for (number, line) in lines.lines where number > 1 && !line.isEmpty {
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            if fields.count < columns, fields.count >= columns - optional { fields += repeatElement("", count: columns - fields.count) }
            guard fields.count == columns else {
                problems.append(ImportProblem(path: path, line: number, reason: "expected \(columns) tab-separated fields, found \(fields.count)"))
                continue
            }
            rows.append((number, fields))
        }
        return rows
    }
}
